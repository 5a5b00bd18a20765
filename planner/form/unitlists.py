"""Lists of units (责任单位): names apart at 顿号 and the other separators a plan writes
(`，` `；` `/`, 和 between two units, 等 before a group), each with its level prefix restored
(`市财政局、发展改革委` → 市发展改革委), and the collective names (各镇街, 有关部门) told apart."""
from __future__ import annotations

import re
from functools import lru_cache

from planner.form.hanzi import simplify
from planner.form.patterns import lazy

# Brackets a note opens with and nests. 例：(…) / （…） / 〔…〕 / […] / 市大数据局<市政务服务中心>
OPEN, CLOSE = "(（〔<＜[［", ")）〕>＞]］"
BRACKET_RE = lazy(r"[()（）〔〕<>＜＞\[\]［］]")
# 例：市财政局、市税务局 / 市财政局,市税务局 / 市财政局/市税务局
UNIT_SEP_RE = lazy(r"[、,，;；/]")
# 例：市大数据中心和各区市政府 (和 joins two units; 区发展和改革局 does not split) / 福州及相关设区市
# (及 before a group joins two units after any name, a place's short one too) / 省市场监管局等部门(单位)和各市(州)人民政府
AND_RE = lazy(r"(?<=[局委办心部厅府会司团门位院署)）>])[和及与]"
              r"(?=各|有关|相关|市|区|县|省|州|盟|旗|镇|乡|街道)|[及与](?=各|有关|相关)")
# 例：市医保局等市直有关部门单位 — 等 is a separator when the run of Han characters after it holds
# 有关/相关/各 and, later, 部门/单位/机构/政府; that is the lookahead
# 等(?=[\u4e00-\u9fff]*(有关|相关|各)[\u4e00-\u9fff]*(部门|单位|机构|政府)), which rescans the run at
# every 等 (20k 等 in one note: 5.6 s). _etc_separators reads each run once.
HAN_RUN_RE = lazy(r"[\u4e00-\u9fff]+")
ETC_QUALIFIER_RE = lazy(r"有关|相关|各")
ETC_GROUPS = ("部门", "单位", "机构", "政府")
# Any character the three separator patterns above can match: without one, a list is one unit.
SEPARATOR_CHAR_RE = lazy(r"[、,，;；/和及与等]")
LEVEL_RE = lazy(r"^(省委|市委|区委|县委|省|市|区|县)")
DEPARTMENT_END_RE = lazy(r"(局|委|委员会|办|办公室|中心|部|厅|署|院|处|站|队)$")
PLACE_BOUND_RE = lazy(r"(镇|街道|街|开发区|功能区|管委|公司|集团|乡)")
# Marks a scraped page leaves around a name. 例：?区大数据局 / ＊市财政局
STRAY_MARKS = "?？*＊"
STRAY_RE = lazy(rf"[{re.escape(STRAY_MARKS)}\s\u3000]")
QUALIFIER_RE = lazy(r"^(各|有关|相关)")
# 例：各镇街 / 区政府有关单位 / 市直有关部门单位
COLLECTIVE_RE = lazy(r"^(各|有关|相关)|有关|相关|各(部门|单位|镇|街|区|县|乡|功能区|开发区)")
COLLECTIVE_END_RE = lazy(r"(部门|单位)$")
# A group word standing alone after a collective name: the same group. 例：市直有关部门、单位
BARE_GROUP_RE = lazy(r"^\s*(单位|部门|机构)\s*$")
# A time limit written among the units is no unit (a name never opens with a date).
# 例：州司法局、州委编办及州直相关单位,6月底完成
TIME_GROUP_RE = lazy(r"^\s*(?:(?:19|20)\d{2}\s*年|\d{1,2}\s*月|年底|年内|年末|上半年|下半年)")
# The separator before a 等 that ends a group, not joins names in a list. 例：;省政务办等各有关部门
LIST_BOUNDARY_RE = lazy(r"[;；]")
# Bare place words a shared organ ending follows. 例：各市州 / 县市区 / 各市〔州〕 / 各县
PLACE_WORDS = r"(?:[市州县区盟旗镇乡]|街道|自治州|自治县|〔[^〕]*〕|\([^)]*\)|（[^）]*）)+"
SHARED_RUN_HEAD_RE = lazy(rf"^各{PLACE_WORDS}$")
BARE_PLACES_RE = lazy(rf"^{PLACE_WORDS}$")
# The organ word that closes a shared-suffix run. 例：县市区人民政府 / 贵安新区数据管理部门
SHARED_ORGAN_END_RE = lazy(r"(?:政府|部门|单位|机构|管委会|委员会|局|委|办)$")
# Unit lists are a few dozen characters; a longer one is read but not kept in the cache.
CACHED_LIST_MAX = 200


def read_units(text: str) -> tuple[tuple[str, str, bool], ...]:
    """(name, canonical, collective) of each unit of a list, shared prefixes restored in
    `canonical`."""
    return (_read_units if len(text) <= CACHED_LIST_MAX else _read_units.__wrapped__)(text)


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
    starts, ends, start = [], [], 0
    for match in _separators(keys) + [(len(text), len(text))]:
        if starts and BARE_GROUP_RE.match(keys[start:match[0]]) and is_collective(keys[starts[-1]:ends[-1]]):
            ends[-1] = match[0]  # 市直有关部门、单位: one group, its 、 kept
        else:
            starts.append(start)
            ends.append(match[0])
        start = match[1]
    starts, ends = _shared_suffix_runs(keys, starts, ends)
    names = [STRAY_RE.sub("", text[a:b]) for a, b in zip(starts, ends)]
    return [name for name in names if name and not TIME_GROUP_RE.match(name)]


def _shared_suffix_runs(keys: str, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """Join a 各-led run of bare place words and the name that closes it with an organ word:
    the organ is shared, the run is one collective (README 约定 8). 例：各市州、县市区人民政府 /
    各县、区人民政府 / 各市〔州〕、贵安新区数据管理部门; 各镇街、各功能区 stays two."""
    new_starts, new_ends, index = [], [], 0
    while index < len(starts):
        last = index
        if SHARED_RUN_HEAD_RE.match(keys[starts[index]:ends[index]]):
            while (last + 1 < len(starts) and keys[ends[last]:starts[last + 1]] == "、"
                   and BARE_PLACES_RE.match(keys[starts[last + 1]:ends[last + 1]])):
                last += 1
            closing = last + 1
            if (closing < len(starts) and keys[ends[last]:starts[closing]] == "、"
                    and SHARED_ORGAN_END_RE.search(keys[starts[closing]:ends[closing]])):
                last = closing
            else:
                last = index
        new_starts.append(starts[index])
        new_ends.append(ends[last])
        index = last + 1
    return new_starts, new_ends


def _separators(keys: str) -> list[tuple[int, int]]:
    """Spans of separators at bracket depth 0: 、 , ; / and unit-joining 和, and 等 before a
    collective when a list of names stands before it (one name 等 a group is one unit)."""
    if SEPARATOR_CHAR_RE.search(keys) is None:
        return []
    found = [m.span() for m in UNIT_SEP_RE.finditer(keys)] + [m.span() for m in AND_RE.finditer(keys)]
    etc = _etc_separators(keys)
    if BRACKET_RE.search(keys) is not None:
        depth_at, depth = [], 0
        for ch in keys:
            depth += ch in OPEN
            depth -= ch in CLOSE
            depth_at.append(depth)
        found = [span for span in found if depth_at[span[0]] == 0]
        etc = [span for span in etc if depth_at[span[0]] == 0]
    found.sort()
    return sorted(found + _after_a_list(keys, found, etc))


def _after_a_list(keys: str, found: list[tuple[int, int]], etc: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The 等 spans with a list before them: the nearest separator before the 等 joins names
    (、 , 和 …), not a group boundary (; or the start). 例：市民政局、市医保局等市直有关部门单位
    splits; 省政务办等各有关部门和单位 and 区司法局等有关部门 are one unit each (README 约定 8)."""
    kept, index = [], 0
    for span in etc:
        while index < len(found) and found[index][0] < span[0]:
            index += 1
        if index and not LIST_BOUNDARY_RE.match(keys, found[index - 1][0]):
            kept.append(span)
    return kept


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
