"""重点任务分工表: one row per task clause that carries a responsibility note (items without
one listed too, marked), and the same rows grouped by unit."""
from __future__ import annotations

from typing import Iterator, Optional

from pydantic import Field

from planner.blocks import heading_label
from planner.form.deadlines import Deadline, find_deadline
from planner.model import Clause, Model, Part, Plan, Role
from planner.targets import extract_targets
from planner.form.fixes import fix, normalise

MATRIX_ROLES = (Role.TASKS, Role.SAFEGUARDS)
COLUMNS = ("序号", "任务", "具体内容", "牵头单位", "配合单位", "完成时限", "量化指标")
NO_RESPONSIBILITY = "（未明确责任单位）"


class MatrixRow(Model):
    """One row of the 分工表."""

    number: int
    role: Role = Role.TASKS  # the section it comes from: tasks or safeguards
    part: str  # 主要任务 › （一）… : the divisions above the item
    item: str  # 1.数字经济产业化 (or the part itself when the text sits in the part)
    content: str
    lead: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    deadline: str = ""
    targets: list[str] = Field(default_factory=list)
    has_responsibility: bool = True
    loc: Optional[str] = None

    @property
    def task(self) -> str:
        return " › ".join(filter(None, [self.part, self.item]))

    def cells(self) -> list[str]:
        lead = "、".join(self.lead) if self.has_responsibility else NO_RESPONSIBILITY
        return [str(self.number), self.task, self.content, lead, "、".join(self.support), self.deadline,
                "；".join(self.targets)]


class UnitRows(Model):
    """按单位: one unit's rows, lead and support apart."""

    unit: str
    lead: list[MatrixRow] = Field(default_factory=list)
    support: list[MatrixRow] = Field(default_factory=list)


def task_matrix(plan: Plan) -> list[MatrixRow]:
    """Rows for the 主要任务 and 保障措施 sections, in document order."""
    rows: list[MatrixRow] = []
    for section in plan.sections:
        if section.role in MATRIX_ROLES:
            # 主要任务 goes without saying; a 保障措施 row names its section.
            top = [] if section.role == Role.TASKS else None
            for row in _part_rows(plan, section, [], skip_self=top is not None):
                row.role = section.role
                rows.append(row)
    for number, row in enumerate(rows, 1):
        row.number = number
    return rows


def _part_rows(plan: Plan, part: Part, path: list[str], skip_self: bool = False) -> Iterator[MatrixRow]:
    here = path + ([heading_label(part)] if (part.title or part.marker) and not skip_self else [])
    own = [c for p in part.paragraphs for c in p.clauses]
    if own and not part.items and not part.parts:
        yield from _clause_rows(plan, " › ".join(here[:-1]), here[-1] if here else "", own, part.loc)
    elif any(c.responsibility for c in own):
        yield from _clause_rows(plan, " › ".join(here), "", [c for c in own if c.responsibility], part.loc)
    for child in part.parts:
        yield from _part_rows(plan, child, here)
    for item in part.items:
        yield from _clause_rows(plan, " › ".join(here), heading_label(item), list(item.clauses()), item.loc)


def _clause_rows(plan: Plan, part: str, item: str, clauses: list[Clause], loc) -> Iterator[MatrixRow]:
    """One row per note, holding every sentence the note covers (those since the previous
    note); the 完成时限 is the row's own, else the item's (stated once for the whole item)."""
    year = plan.year or (plan.period[1] if plan.period else None)
    whole = fix("".join(c.text for c in clauses))
    item_deadline = find_deadline(whole, year)
    groups = _noted_groups(clauses)
    if not any(note for _, note in groups):  # listed, marked as lacking a responsibility
        yield _row(plan, part, item, whole, None, loc, item_deadline, has_responsibility=False)
        return
    for covered, note in groups:
        text = fix("".join(c.text for c in covered))
        if note is None:  # text after the item's last note: no note covers it
            yield _row(plan, part, item, text, None, loc, item_deadline, has_responsibility=False)
        else:
            yield _row(plan, part, item, text, note, note.loc or loc, item_deadline)


def _noted_groups(clauses: list[Clause]) -> list[tuple[list[Clause], Optional[Clause]]]:
    """The clauses each note covers, with the clause that carries the note (None for the
    sentences after the last note)."""
    groups: list[tuple[list[Clause], Optional[Clause]]] = []
    pending: list[Clause] = []
    for clause in clauses:
        pending.append(clause)
        if clause.responsibility:
            groups.append((pending, clause))
            pending = []
    if pending:
        groups.append((pending, None))
    return groups


def _row(plan: Plan, part: str, item: str, text: str, clause: Optional[Clause], loc,
         item_deadline: Optional[Deadline], has_responsibility: bool = True) -> MatrixRow:
    year = plan.year or (plan.period[1] if plan.period else None)
    deadline = find_deadline(text, year) or item_deadline
    resp = clause.responsibility if clause else None
    return MatrixRow(number=0, part=part, item=item, content=text,
                     lead=[u.canonical for u in resp.lead] if resp else [],
                     support=[u.canonical for u in resp.support] if resp else [],
                     deadline=deadline.text if deadline else "",
                     targets=[normalise(t.text) for t in extract_targets(text, year)],
                     has_responsibility=has_responsibility, loc=str(loc.model_dump()) if loc else None)


def rows_by_unit(rows: list[MatrixRow]) -> list[UnitRows]:
    """Each unit's rows (lead and support apart), units by number of rows, then name."""
    units: dict[str, UnitRows] = {}
    for row in rows:
        for name in row.lead:
            units.setdefault(name, UnitRows(unit=name)).lead.append(row)
        for name in row.support:
            units.setdefault(name, UnitRows(unit=name)).support.append(row)
    return sorted(units.values(), key=lambda u: (-(len(u.lead) + len(u.support)), u.unit))
