"""What a lint rule reports: a Problem at a place, with an optional fix (text edits)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

LEVELS = ("error", "warning")


@dataclass(frozen=True)
class Edit:
    """Replace the file text [start, end) (character offsets into the whole file) by `new`."""

    start: int
    end: int
    new: str


@dataclass
class Problem:
    """One finding. Rules fill line, col, message and fix; the engine fills code, level, file."""

    line: int
    col: int
    message: str
    fix: list[Edit] = field(default_factory=list)
    code: str = ""
    level: str = "error"
    file: str = ""
    name: str = ""

    @property
    def fixable(self) -> bool:
        return bool(self.fix)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.col, self.code)


def problem(line: Optional[int], col: Optional[int], message: str,
            fix: Optional[list[Edit]] = None) -> Problem:
    return Problem(line or 1, col or 1, message, list(fix or []))


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """Apply non-overlapping edits (the first one wins at a place; of two for the same span,
    the one whose text sorts first, so a run does not depend on hashing); returns the text and
    count."""
    chosen: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end, e.new)):
        if chosen and edit.start < chosen[-1].end:
            continue
        chosen.append(edit)
    out, last = [], 0  # one pass: a long line with many fixes stays linear
    for edit in chosen:
        out += (text[last:edit.start], edit.new)
        last = edit.end
    out.append(text[last:])
    return "".join(out), len(chosen)
