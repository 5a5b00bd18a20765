"""The clause library beside each item: search (the ranking of `planner clauses search`), a
cluster's variants (`planner clauses show`), and picking a clause into an item: its text
rewritten for the outline's region and year as `planner draft` rewrites what it reuses."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from planner.draft.outline import Outline
from planner.errors import UserError
from planner.mine.lookup import Member, cluster_members
from planner.mine.search import Filters, Hit, search_clauses

TOP = 10


@contextmanager
def opened(db: Optional[Path]) -> Iterator[sqlite3.Connection]:
    """The library (`--db`, else the default one) for one request."""
    from planner.mine import store
    from planner.mine.library import library_path

    conn = store.open_for_reading(library_path(db))
    try:
        yield conn
    finally:
        conn.close()


def search(conn: sqlite3.Connection, query: str, top: int = TOP, part: Optional[str] = None) -> list[Hit]:
    """What `planner clauses search QUERY --top TOP [--part PART]` lists, in its order."""
    return search_clauses(conn, query, top, Filters(part=part or None))


def variants(conn: sqlite3.Connection, cluster: int) -> list[Member]:
    """What `planner clauses show CLUSTER` lists: the representative first, then the variants."""
    return cluster_members(conn, cluster)


def member(conn: sqlite3.Connection, cluster: int, clause: int) -> Member:
    """Clause `clause` of cluster `cluster` (a hit or a variant the page shows)."""
    for found in cluster_members(conn, cluster):
        if found.id == clause:
            return found
    raise UserError(f"条款库的簇 {cluster} 中没有编号为 {clause} 的条款", hint="请重新检索")


def picked_text(outline: Outline, part: int, item: int, chosen: Member) -> str:
    """The clause as the item's text would take it: 公文 form (planner.form.fix), the source's
    place and years moved to the outline's, numbers the outline does not set left as
    【待填：原为…】 (draft's Rewriter), the item's heading not repeated at its start."""
    from planner.draft.fill import without_heading
    from planner.draft.rewrite import Rewriter
    from planner.form.fixes import fix

    node = _item(outline, part, item)
    where = f"{fix(outline.parts[part].title)} / {fix(node.heading)}"
    text, _ = Rewriter(outline, chosen.region, chosen.year).rewrite(fix(chosen.text), where, node.targets)
    return without_heading(text, fix(node.heading)) or text


def pick(outline: Outline, part: int, item: int, chosen: Member) -> dict:
    """Outline data with the clause added to the item's own text (after what it holds)."""
    from planner.serve.edits import outline_data

    node = _item(outline, part, item)
    text = picked_text(outline, part, item, chosen)
    data = outline_data(outline)
    data["parts"][part]["items"][item]["text"] = (node.text or "") + text
    return data


def _item(outline: Outline, part: int, item: int):
    if not 0 <= part < len(outline.parts) or not 0 <= item < len(outline.parts[part].items):
        raise UserError("要选用条款的事项不存在（页面可能已过期）", hint="请重新载入页面")
    return outline.parts[part].items[item]
