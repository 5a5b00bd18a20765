"""Notes on lines of their own (`牵头单位:A` over `配合单位:B`, a table turned into lines): the two
lines of one note joined, and such a note cut by the end of an excerpt read as cut."""
from __future__ import annotations

from typing import Optional

from planner.form.keys import plain
from planner.form.notes import is_line_note, pairs_with, read_note
from planner.form.organs import ORGAN_END_RE
from planner.form.unitlists import read_units
from planner.model import Plan, Responsibility
from planner.parse.clean import Line


def join_paired(lines: list[Line]) -> list[Line]:
    """A lead's line note and the support's line note after it as one line (a space between:
    layout), so they read as one note."""
    out: list[Line] = []
    for line in lines:
        if out and pairs_with(out[-1].text, line.text):
            out[-1] = Line(out[-1].text + " " + line.text, out[-1].line)
        else:
            out.append(line)
    return out


def mark_cut(plan: Plan, lines: list[Line]) -> None:
    """A line note on the text's last line whose last name is no whole name (`牽頭單位:省`) was
    cut by the end of the excerpt: truncated, no units."""
    if not lines or not is_line_note(lines[-1].text):
        return
    last = _last_note(plan)
    if last is None or last.loc is None or last.loc.line != lines[-1].line:
        return
    reading = read_note(last.raw)
    names = read_units(reading.support or reading.lead) if reading else []
    if names and ORGAN_END_RE.search(plain(names[-1][0])) is None:
        last.lead, last.support, last.truncated = [], [], True


def _last_note(plan: Plan) -> Optional[Responsibility]:
    notes = [clause.responsibility for clause in plan.clauses() if clause.responsibility is not None]
    return notes[-1] if notes else None
