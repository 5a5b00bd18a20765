"""Where a text breaks a convention (a Spot) and the text with the spots put right."""
from __future__ import annotations

from typing import Iterable, NamedTuple, Optional


class Spot(NamedTuple):
    """text[start:end] breaks a convention; `new` is what the convention writes there
    (None: it has no one right form, the drafter must decide)."""

    start: int
    end: int
    new: Optional[str] = None


def apply(text: str, spots: Iterable[Spot]) -> str:
    """`text` with every fixable spot replaced, in one pass; a spot that overlaps an earlier
    one is left out (a convention's own spots never overlap)."""
    out, last = [], 0
    for spot in spots:
        if spot.new is None or spot.start < last:
            continue
        out += (text[last:spot.start], spot.new)
        last = spot.end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
