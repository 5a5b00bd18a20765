"""The marks and separators a 责任单位 note must not have: a mark left before a name, and commas,
slashes or spaces between parallel names, which GB/T 15834 joins with a 顿号."""
from __future__ import annotations

import re
from typing import Iterator

from planner.form.notes import ROLES, units_end
from planner.form.patterns import lazy
from planner.form.script import HAN
from planner.form.spots import Spot
from planner.form.unitlists import STRAY_MARKS

# A separator between two names that should be a 顿号. 例：区大数据局,区政府有关单位 / 市财政局/市税务局
SEPARATOR_RE = lazy(rf"(?<=[{HAN}])\s*([,，/／]|\s+)\s*(?=[{HAN}])")
# The comma after a division of labour stays. 例：A牵头,B配合 / A负责，B参与
DIVISION_END_RE = lazy(rf"({ROLES}|落实|实施|推进|按职责分工|分工负责)$")
# A mark after a label or separator and before a name. 例：责任单位:?区大数据局 / 、？市财政局
STRAY_MARK_RE = lazy(rf"(?<=[:：、，,;；（(])[{re.escape(STRAY_MARKS)}�]+(?=[{HAN}])")


def find_stray_marks(note: str) -> Iterator[Spot]:
    """Marks left before a name in a note (`责任单位:?区大数据局`): removed."""
    for match in STRAY_MARK_RE.finditer(note):
        yield Spot(match.start(), match.end(), "")


def find_separators(note: str) -> Iterator[Spot]:
    """Commas, slashes or spaces between two names of a note: a 顿号. The comma after a
    division of labour (`A牵头，B配合`) stays, and so does the one before the note's own word on
    who leads (`…各街道办事处，排在首位为牵头单位，下同`), which names no unit."""
    for match in SEPARATOR_RE.finditer(note, 0, units_end(note)):
        if DIVISION_END_RE.search(note, 0, match.start()) is None:
            yield Spot(match.start(), match.end(), "、")
