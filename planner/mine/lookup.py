"""Library lookups: a near-duplicate cluster (`clauses show`), a metric's history (`clauses targets`)."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Optional

from planner.errors import UserError
from planner.mine.mask import normalize
from planner.targets import normalize_metric


BOUNDS = ("以上", "以内", "以下", "左右", "及以上")
# A figure for the whole country or province (日照's 发展基础: 我国5G基站数达到337.7万个) is
# not the place's own history.
NOT_LOCAL = ("我国", "全国", "全球", "全省", "全世界")


class NotFoundError(UserError):
    """A cluster or metric the library does not hold."""


@dataclass
class Member:
    id: int
    text: str
    document: str
    file: str
    region: Optional[str]
    year: Optional[int]
    heading: str
    line: Optional[int]
    canonical: bool


@dataclass
class TargetRow:
    metric: str
    value: float
    unit: str
    qualifier: str
    year: Optional[int]
    text: str
    document: str
    file: str
    region: Optional[str]
    line: Optional[int]

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def amount(self) -> str:
        """As a plan writes it: `新建1500个以上` (bounds after the unit, verbs before)."""
        words = [w for w in self.qualifier.split("、") if w]
        after = "".join(w for w in words if w in BOUNDS)
        before = "、".join(w for w in words if w not in BOUNDS)
        return f"{before}{self.value:g}{self.unit}{after}"


def cluster_members(conn: sqlite3.Connection, cluster_id: int) -> list[Member]:
    """The cluster's clauses, canonical first, then by document and position."""
    row = conn.execute("SELECT canonical FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"条款库中没有编号为 {cluster_id} 的条款簇",
                            hint="簇编号见 planner clauses search 的结果")
    rows = conn.execute(
        "SELECT c.id, c.text, d.title, d.name, d.region, d.year, c.heading, c.line FROM clauses c "
        "JOIN documents d ON d.id = c.doc_id WHERE c.cluster_id = ? ORDER BY d.name, c.seq",
        (cluster_id,)).fetchall()
    members = [Member(*r[:2], r[2] or r[3], *r[3:], canonical=r[0] == row[0]) for r in rows]
    return sorted(members, key=lambda m: not m.canonical)


def target_history(conn: sqlite3.Connection, metric: str) -> list[TargetRow]:
    """Every target of `metric` across documents, newest year first (national and provincial
    figures left out).

    A target matches when its metric contains the query (`5G基站数量` for 5G基站), or when
    its metric is a tail of the query and its sentence names the query
    (`加快推动5G基站建设,年内新建基站1500个` for 5G基站)."""
    key = normalize_metric(metric.strip())
    if len(key) < 2:
        raise NotFoundError("指标名称至少两个字", hint="例如 planner clauses targets 5G基站")
    folded = normalize(key)
    rows = conn.execute(
        "SELECT t.metric, t.metric_key, t.value, t.unit, t.qualifier, t.year, t.text, c.norm, "
        "d.title, d.name, d.region, c.line FROM targets t JOIN clauses c ON c.id = t.clause_id "
        "JOIN documents d ON d.id = t.doc_id ORDER BY t.year DESC, d.name, c.seq, t.rowid").fetchall()
    found = []
    for (name, mkey, value, unit, qualifier, year, text, norm, title, file, region, line) in rows:
        mfold = normalize(mkey)
        if mfold.startswith(NOT_LOCAL):
            continue
        if folded in mfold or (len(mfold) >= 2 and folded.endswith(mfold) and folded in norm):
            found.append(TargetRow(name, value, unit or "", qualifier or "", year, text,
                                   title or file, file, region, line))
    if not found:
        raise NotFoundError(f"条款库中没有指标“{metric}”的量化目标",
                            hint="请换一个说法，例如去掉修饰词，只保留核心名词")
    return found
