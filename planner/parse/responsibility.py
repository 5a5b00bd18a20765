"""责任单位 notes in a paragraph: the clauses each note covers, and the note as the model's
Responsibility (the grammar of notes and unit lists: planner.form.notes, form.unitlists)."""
from __future__ import annotations

from typing import Optional

from planner.form.notes import find_notes, read_note
from planner.form.unitlists import read_units
from planner.model import Clause, Loc, Responsibility

# The *_data functions return the fields as plain dicts: ingest validates each item, and then
# the plan, in one call that pydantic-core runs in Rust, instead of one model at a time.


def split_clauses(text: str, loc: Optional[Loc] = None) -> list[Clause]:
    """The clauses of a paragraph: each note covers the text since the previous note."""
    return [Clause.model_validate(data) for data in clause_data(text, loc)]


def clause_data(text: str, loc: Optional[Loc] = None) -> list[dict]:
    clauses, start = [], 0
    for begin, end in find_notes(text):
        clauses.append({"text": text[start:begin], "responsibility": note_data(text[begin:end], loc),
                        "loc": loc})
        start = end
    if start < len(text) or not clauses:
        clauses.append({"text": text[start:], "loc": loc})
    return clauses


def parse_note(raw: str, loc: Optional[Loc] = None) -> Optional[Responsibility]:
    """`(牵头单位:A、B;配合单位:C)` → Responsibility(lead=[A, B], support=[C], raw=…)."""
    data = note_data(raw, loc)
    return None if data is None else Responsibility.model_validate(data)


def note_data(raw: str, loc: Optional[Loc] = None) -> Optional[dict]:
    reading = read_note(raw)
    if reading is None:
        return None
    return {"lead": unit_data(reading.lead), "support": unit_data(reading.support), "raw": raw,
            "truncated": reading.truncated, "loc": loc}


def unit_data(text: str) -> list[dict]:
    return [{"name": name, "canonical": canonical, "collective": collective}
            for name, canonical, collective in read_units(text)]
