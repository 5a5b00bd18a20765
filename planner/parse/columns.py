"""A joint 署名 laid out in columns, each name broken after its place: a row of places over a row
of the organs' own names, column by column (广西壮族自治区 中共广西壮族自治区委员会 / 民政厅 政法委员会).
Read row pair by row pair into whole names, in the order the columns give them."""
from __future__ import annotations

from typing import Callable, Optional

from planner.form.keys import key_of
from planner.form.organs import PARENT_RE, PLACE_RE, is_organ
from planner.parse.anchors import DATE, SIGNED, Tagged

Lines = Callable[[int], Optional[Tagged]]
ROWS_MAX = 12  # row pairs of a 署名 (ten and more departments sign jointly)


def columned_signature(head: Lines, at: int) -> Optional[tuple[int, list[str]]]:
    """(lines, names) of a columned 署名 from line `at` up to its 成文日期; None when the lines
    there are no such 署名."""
    names: list[str] = []
    row = at
    while row - at < 2 * ROWS_MAX:
        pair = _pair(head(row), head(row + 1))
        if pair is None:
            break
        names += pair
        row += 2
    if not names or row - at < 2:
        return None
    below = head(row)
    return (row - at, names) if below is not None and below.kind in (DATE, SIGNED) else None


def _pair(top: Optional[Tagged], bottom: Optional[Tagged]) -> Optional[list[str]]:
    """The names a row of places over a row of organs' own names make, column by column."""
    if top is None or bottom is None:
        return None
    places, tails = top.text.split(), bottom.text.split()
    if not places or len(places) != len(tails):
        return None
    if any(PLACE_RE.match(key_of(tail).text) or PARENT_RE.match(key_of(tail).text) for tail in tails):
        return None  # each name below is whole (东湖区数据局 东湖区财政局): no columns to join
    names = [place + tail for place, tail in zip(places, tails)]
    return names if all(is_organ(key_of(name).text) for name in names) else None
