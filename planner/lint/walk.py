"""Walking a plan for rules: divisions with their children, task items, clauses, years."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional, Union

from planner.model import Item, Part, Plan, Role

Node = Union[Part, Item]
# 例：2024年 / 2024—2026年 (the first year); not 12024年
YEAR_RE = re.compile(r"(?<![0-9０-９])(?P<y>(?:19|20)\d{2})(?=\s*年|\s*[—–\-~～至到]\s*(?:19|20)\d{2}\s*年)")
# Text inside 《》 or 〔〕 (titles, 文号) is about other documents, not this plan.
QUOTED_RE = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|\[[^\[\]]*\]")


def children(part: Part) -> list[Node]:
    """A division's numbered or unnumbered children in order (parts, then items)."""
    return [*part.parts, *part.items]


def task_items(plan: Plan) -> Iterator[Item]:
    for section in plan.sections_with(Role.TASKS):
        yield from section.all_items()


def item_text(item: Item) -> str:
    head = (item.title or "") + item.end
    return head + "".join(p.text for p in item.paragraphs)


def part_text(part: Part) -> str:
    head = (part.title or "") + part.end
    return head + "".join(p.text for p in part.paragraphs) + "".join(
        item_text(i) for i in part.all_items()) + "".join(
        "".join(p.text for p in sub.paragraphs) for sub in part.parts)


def plan_period(plan: Plan, years: Optional[list[int]] = None) -> Optional[tuple[int, int]]:
    if years:
        return min(years), max(years)
    if plan.period:
        return plan.period
    if plan.year:
        return plan.year, plan.year
    return None


def masked(text: str) -> str:
    """`text` with 《…》 and 〔…〕 blanked out (same length), so positions still line up."""
    return QUOTED_RE.sub(lambda m: " " * len(m.group()), text)


def note_units(draft) -> list[tuple]:
    """(span, start, end, unit, note_start) for every unit name written in a responsibility note;
    start/end are positions in span.text. Collective units (各镇街, 有关部门) are skipped."""
    if "note_units" not in draft.cache:
        draft.cache["note_units"] = list(_note_units(draft))
    return draft.cache["note_units"]


def units_of_form(draft, form: str) -> Iterator[tuple]:
    """(span, start, end, name, standard, edits) for each unit written in the registry's `form`
    (alias, obsolete …): the name as written, the standard name, and the edits that rename it
    in the note and in the plan file's unit fields."""
    for span, start, end, unit, note in note_units(draft):
        name = span.text[start:end]
        match = draft.units.lookup(name)
        if match is not None and match.form == form:
            new = match.standard()
            yield span, start, end, name, new, span.edit(start, end, new) + draft.renamed(span, name, new)


@lru_cache(maxsize=4096)
def _parse_note(raw: str):
    """A note's units, read once per distinct note (plans repeat their notes). Read only."""
    from planner.parse.responsibility import parse_note
    return parse_note(raw)


def _note_units(draft) -> Iterator[tuple]:
    for span, start, end in draft.notes():
        raw = span.text[start:end]
        note = _parse_note(raw)
        if note is None:
            continue
        cursor = 0
        for unit in note.units():
            at = raw.find(unit.name, cursor)
            if at < 0:
                continue
            cursor = at + len(unit.name)
            if not unit.collective:
                yield span, start + at, start + cursor, unit, start
