"""责任单位 notes: `（责任单位：A、B）`, `（A牵头，B配合）` — where a text has one, which units lead
and which support, where each unit is written, and the marks and separators a note must not
have (GB/T 15834: parallel names joined by 顿号)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional

from planner.form.hanzi import simplify
from planner.form.patterns import lazy
from planner.form.script import HAN
from planner.form.spots import Spot
from planner.form.unitlists import BRACKET_RE, CLOSE, OPEN, STRAY_MARKS, read_units

# Longest inner text of an unlabelled note: `(A牵头,B配合)` lists a few units, not a paragraph.
NOTE_MAX = 300
LABELS = "责任单位|责任部门|牵头单位|牵头部门|主责单位|配合单位|参与单位|协办单位"
ROLES = "牵头|负责|配合|参与"
# 例：(责任单位:区工业和信息化局) / （牵头单位：…；配合单位：…）
# Used with .match(text, pos, endpos), which anchors at pos (a `^` would only match at 0).
LABEL_RE = lazy(rf"\s*({LABELS})\s*[:：]")
# 例：(A牵头,B配合) / (A负责) / (各有关部门按职责分工负责)
ROLE_END_RE = lazy(rf"({ROLES})\s*[)）]?\s*$")
ROLE_SPLIT_RE = lazy(rf"({ROLES})\s*(?:[,，;；]|$)")
# 例：牵头单位:A、B;配合单位:C
LABELLED_PART_RE = lazy(rf"({LABELS})\s*[:：]")
SUPPORT_LABELS = ("配合单位", "参与单位", "协办单位")
SUPPORT_ROLES = ("配合", "参与")
# 例：(区大数据局牵头) names a unit; (按计划推进) does not
UNIT_WORD_RE = lazy(r"(局|委|办|中心|部|厅|政府|管委|公司|集团|单位|部门|院|署|镇|街)")
# 例：各有关部门按职责分工 → 各有关部门
DUTY_RE = lazy(r"(按照?职责分工|按职能分工|按职责|分别|共同)$")
# A separator between two names that should be a 顿号. 例：区大数据局,区政府有关单位 / 市财政局/市税务局
SEPARATOR_RE = lazy(rf"(?<=[{HAN}])\s*([,，/／]|\s+)\s*(?=[{HAN}])")
# The comma after a division of labour stays. 例：A牵头,B配合 / A负责，B参与
DIVISION_END_RE = lazy(rf"({ROLES}|落实|实施|推进|按职责分工|分工负责)$")
# A mark after a label or separator and before a name. 例：责任单位:?区大数据局 / 、？市财政局
STRAY_MARK_RE = lazy(rf"(?<=[:：、，,;；（(])[{re.escape(STRAY_MARKS)}�]+(?=[{HAN}])")


class Reading(NamedTuple):
    """What a note says: the lead and support unit lists as written, and whether its closing
    bracket is missing."""

    lead: str
    support: str
    truncated: bool


def find_notes(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of responsibility notes in `text`, parentheses included."""
    if "（" not in text and "(" not in text:
        return []  # most paragraphs of a 规划's text: no bracket, so no note
    spans, keys, index = [], simplify(text), 0
    for begin, end in _brackets(text):
        if begin < index:
            continue  # inside the note found last
        stop = end if end is not None else len(text)
        if _is_note(keys, begin + 1, stop - (end is not None), truncated=end is None):
            spans.append((begin, stop))
            index = stop
    return spans


def _brackets(text: str) -> list[tuple[int, Optional[int]]]:
    """Each open parenthesis in order, with the index just past its matching close (None when
    unclosed); one pass over the brackets only."""
    stack, opens, ends = [], [], {}
    for match in BRACKET_RE.finditer(text):
        at = match.start()
        if text[at] in OPEN:
            stack.append(at)
            opens.append(at)
        elif stack:
            ends[stack.pop()] = at + 1
    return [(at, ends.get(at)) for at in opens]


def _is_note(keys: str, start: int, stop: int, truncated: bool) -> bool:
    """Whether keys[start:stop], the inside of a parenthesis, is a responsibility note.
    Positions rather than a slice: slicing at every `（` of a long line is quadratic."""
    if LABEL_RE.match(keys, start, stop):
        return True
    if truncated or stop - start > NOTE_MAX:
        return False
    inner = keys[start:stop]
    return bool(ROLE_END_RE.search(inner)) and _mentions_unit(inner)


def _mentions_unit(inner: str) -> bool:
    return bool(UNIT_WORD_RE.search(inner))


def read_note(raw: str) -> Optional[Reading]:
    """`(牵头单位:A、B;配合单位:C)` → Reading(lead=`A、B`, support=`C`); None when `raw` is no note."""
    truncated = raw[-1:] not in CLOSE
    inner = raw[1:] if truncated else raw[1:-1]
    keys = simplify(inner)
    if not _is_note(keys, 0, len(keys), truncated):
        return None
    if LABEL_RE.match(keys):
        lead, support = _labelled(inner, keys)
    else:
        lead, support = _role_words(inner, keys)
    return Reading(lead, support, truncated)


def _labelled(inner: str, keys: str) -> tuple[str, str]:
    marks = list(LABELLED_PART_RE.finditer(keys))
    lead, support = [], []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(inner)
        body = inner[mark.end():end].strip(" ;；,，")
        (support if mark.group(1) in SUPPORT_LABELS else lead).append(body)
    return "、".join(lead), "、".join(support)


def _role_words(inner: str, keys: str) -> tuple[str, str]:
    lead, support, start = [], [], 0
    for match in ROLE_SPLIT_RE.finditer(keys):
        body = inner[start:match.start()].strip(" ;；,，")
        (support if match.group(1) in SUPPORT_ROLES else lead).append(_drop_duty(body))
        start = match.end()
    return "、".join(b for b in lead if b), "、".join(b for b in support if b)


def _drop_duty(body: str) -> str:
    """`各有关部门按职责分工` → `各有关部门`."""
    return DUTY_RE.sub("", body)


@lru_cache(maxsize=4096)
def unit_spans(raw: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, collective) of each unit name written in note `raw` (plans repeat their
    notes, so each is read once)."""
    reading = read_note(raw)
    if reading is None:
        return ()
    spans, cursor = [], 0
    for name, _, collective in read_units(reading.lead) + read_units(reading.support):
        at = raw.find(name, cursor)
        if at < 0:
            continue
        cursor = at + len(name)
        spans.append((at, cursor, collective))
    return tuple(spans)


def find_stray_marks(note: str) -> Iterator[Spot]:
    """Marks left before a name in a note (`责任单位:?区大数据局`): removed."""
    for match in STRAY_MARK_RE.finditer(note):
        yield Spot(match.start(), match.end(), "")


def find_separators(note: str) -> Iterator[Spot]:
    """Commas, slashes or spaces between two names of a note: a 顿号. The comma after a
    division of labour (`A牵头，B配合`) stays."""
    for match in SEPARATOR_RE.finditer(note):
        if DIVISION_END_RE.search(note, 0, match.start()) is None:
            yield Spot(match.start(), match.end(), "、")
