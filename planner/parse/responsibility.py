"""责任单位 notes: find them in a paragraph, split the clauses they cover, read their units."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from planner.form.hanzi import simplify
from planner.model import Clause, Loc, Responsibility, Unit

OPEN, CLOSE = "(（", ")）"
BRACKET_RE = re.compile(r"[()（）]")
# Longest inner text of an unlabelled note: `(A牵头,B配合)` lists a few units, not a paragraph.
NOTE_MAX = 300
# 例：(责任单位:区工业和信息化局) / （牵头单位：…；配合单位：…）
# Used with .match(text, pos, endpos), which anchors at pos (a `^` would only match at 0).
LABEL_RE = re.compile(r"\s*(责任单位|责任部门|牵头单位|牵头部门|主责单位|配合单位|参与单位|协办单位)\s*[:：]")
# 例：(A牵头,B配合) / (A负责) / (各有关部门按职责分工负责)
ROLE_END_RE = re.compile(r"(牵头|负责|配合|参与)\s*[)）]?\s*$")
ROLE_SPLIT_RE = re.compile(r"(牵头|负责|配合|参与)\s*(?:[,，;；]|$)")
# 例：牵头单位:A、B;配合单位:C
LABELLED_PART_RE = re.compile(r"(责任单位|责任部门|牵头单位|牵头部门|主责单位|配合单位|参与单位|协办单位)\s*[:：]")
SUPPORT_LABELS = ("配合单位", "参与单位", "协办单位")
UNIT_SEP_RE = re.compile(r"[、,，;；/]")
# 例：市大数据中心和各区市政府 (和 joins two units; 区发展和改革局 does not split)
AND_RE = re.compile(r"(?<=[局委办心部厅府会司团门位院署])[和及与]"
                    r"(?=各|有关|市|区|县|省|镇|街道)")
# 例：市医保局等市直有关部门单位 — 等 is a separator when the run of Han characters after it holds
# 有关/相关/各 and, later, 部门/单位/机构/政府; that is the lookahead
# 等(?=[\u4e00-\u9fff]*(有关|相关|各)[\u4e00-\u9fff]*(部门|单位|机构|政府)), which rescans the run at
# every 等 (20k 等 in one note: 5.6 s). _etc_separators reads each run once.
HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
ETC_QUALIFIER_RE = re.compile(r"有关|相关|各")
ETC_GROUPS = ("部门", "单位", "机构", "政府")
# Any character the three separator patterns above can match: without one, a list is one unit.
SEPARATOR_CHAR_RE = re.compile(r"[、,，;；/和及与等]")
LEVEL_RE = re.compile(r"^(省委|市委|区委|县委|省|市|区|县)")
DEPARTMENT_END_RE = re.compile(r"(局|委|委员会|办|办公室|中心|部|厅|署|院|处|站|队)$")
PLACE_BOUND_RE = re.compile(r"(镇|街道|街|开发区|功能区|管委|公司|集团|乡)")
STRAY_RE = re.compile(r"[?？*＊\s\u3000]")
QUALIFIER_RE = re.compile(r"^(各|有关|相关)")
# 例：(区大数据局牵头) names a unit; (按计划推进) does not
UNIT_WORD_RE = re.compile(r"(局|委|办|中心|部|厅|政府|管委|公司|集团|单位|部门|院|署|镇|街)")
# 例：各有关部门按职责分工 → 各有关部门
DUTY_RE = re.compile(r"(按照?职责分工|按职能分工|按职责|分别|共同)$")
# 例：各镇街 / 区政府有关单位 / 市直有关部门单位
COLLECTIVE_RE = re.compile(r"^(各|有关|相关)|有关|相关|各(部门|单位|镇|街|区|县|乡|功能区|开发区)")
COLLECTIVE_END_RE = re.compile(r"(部门|单位)$")
# Unit lists are a few dozen characters; a longer one is read but not kept in the cache.
CACHED_LIST_MAX = 200


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
    truncated = raw[-1:] not in CLOSE
    inner = raw[1:] if truncated else raw[1:-1]
    keys = simplify(inner)
    if not _is_note(keys, 0, len(keys), truncated):
        return None
    if LABEL_RE.match(keys):
        lead, support = _labelled(inner, keys)
    else:
        lead, support = _role_words(inner, keys)
    return {"lead": unit_data(lead), "support": unit_data(support), "raw": raw,
            "truncated": truncated, "loc": loc}


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
        (support if match.group(1) in ("配合", "参与") else lead).append(_drop_duty(body))
        start = match.end()
    return "、".join(b for b in lead if b), "、".join(b for b in support if b)


def _drop_duty(body: str) -> str:
    """`各有关部门按职责分工` → `各有关部门`."""
    return DUTY_RE.sub("", body)


def parse_units(text: str) -> list[Unit]:
    """Units of a list, with shared prefixes restored in `canonical`."""
    return [Unit.model_validate(data) for data in unit_data(text)]


def unit_data(text: str) -> list[dict]:
    read = _read_units if len(text) <= CACHED_LIST_MAX else _read_units.__wrapped__
    return [{"name": name, "canonical": canonical, "collective": collective}
            for name, canonical, collective in read(text)]


@lru_cache(maxsize=4096)
def _read_units(text: str) -> tuple[tuple[str, str, bool], ...]:
    """(name, canonical, collective) of each unit. A plan names the same units again and again
    (seed 000: 90 lists, 35 different), and the reading depends on the text alone."""
    units: list[tuple[str, str, bool]] = []
    for name in _split_names(text):
        canonical = _canonical(name, units[-1][1] if units else None)
        units.append((name, canonical, is_collective(canonical)))
    return tuple(units)


def _split_names(text: str) -> list[str]:
    keys = simplify(text)
    pieces, start = [], 0
    for match in _separators(keys):
        pieces.append(text[start:match[0]])
        start = match[1]
    pieces.append(text[start:])
    names = [STRAY_RE.sub("", piece) for piece in pieces]
    return [name for name in names if name]


def _separators(keys: str) -> list[tuple[int, int]]:
    """Spans of separators at bracket depth 0: 、 , ; / and unit-joining 和, and 等 before a collective."""
    if SEPARATOR_CHAR_RE.search(keys) is None:
        return []
    found = [m.span() for m in UNIT_SEP_RE.finditer(keys)]
    found += [m.span() for m in AND_RE.finditer(keys)] + _etc_separators(keys)
    if BRACKET_RE.search(keys) is None:
        return sorted(found)  # every separator is at depth 0
    depth_at, depth = [], 0
    for ch in keys:
        depth += ch in OPEN
        depth -= ch in CLOSE
        depth_at.append(depth)
    return sorted(span for span in found if depth_at[span[0]] == 0)


def _etc_separators(keys: str) -> list[tuple[int, int]]:
    """Spans of each 等 followed, in its run of Han characters, by a qualifier and then a group."""
    spans: list[tuple[int, int]] = []
    if "等" not in keys:
        return spans
    for run in HAN_RUN_RE.finditer(keys):
        text = run.group()
        last_group = max(text.rfind(word) for word in ETC_GROUPS) if "等" in text else -1
        if last_group < 0:
            continue
        qualifiers = [(m.start(), m.end()) for m in ETC_QUALIFIER_RE.finditer(text)]
        next_qualifier = 0
        for at in (index for index, ch in enumerate(text) if ch == "等"):
            while next_qualifier < len(qualifiers) and qualifiers[next_qualifier][0] <= at:
                next_qualifier += 1  # the first qualifier after this 等 ends earliest
            if next_qualifier < len(qualifiers) and qualifiers[next_qualifier][1] <= last_group:
                spans.append((run.start() + at, run.start() + at + 1))
    return spans


def _canonical(name: str, previous: Optional[str]) -> str:
    if previous is None or LEVEL_RE.match(simplify(name)):
        return name
    keys, prev = simplify(name), simplify(previous)
    qualifier = QUALIFIER_RE.match(prev)
    if qualifier and not QUALIFIER_RE.match(keys) and PLACE_BOUND_RE.search(keys):
        return qualifier.group(1) + name
    level = LEVEL_RE.match(prev)
    if (level and DEPARTMENT_END_RE.search(keys) and not PLACE_BOUND_RE.search(keys)
            and not QUALIFIER_RE.match(keys)):
        return previous[:level.end()] + name
    return name


def is_collective(name: str) -> bool:
    """区政府有关单位, 各镇街, 市直有关部门单位 … stand for a group, not one unit."""
    keys = simplify(name)
    return bool(COLLECTIVE_RE.search(keys)
                or COLLECTIVE_END_RE.search(keys) and not keys.endswith("办公厅"))
