"""Lists of units (责任单位): names apart at 顿号 and the other separators a plan writes
(`，` `；` `/`, 和 between two units; never 等), each with its level prefix restored
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
# 等 never splits: the last name before it and the group after it are one unit, whatever list
# stands before (five independent annotators: final2/010 035 036, final5/042). 例：市医保局等市直有关部门单位
# Any character the separator patterns above can match: without one, a list is one unit.
SEPARATOR_CHAR_RE = lazy(r"[、,，;；/和及与]")
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
# Bare place words a shared organ ending follows. 例：各市州 / 县市区 / 各市〔州〕 / 各县
PLACE_WORDS = r"(?:[市州县区盟旗镇乡]|街道|自治州|自治县|〔[^〕]*〕|\([^)]*\)|（[^）]*）)+"
SHARED_RUN_HEAD_RE = lazy(rf"^各?{PLACE_WORDS}$")
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
    """Join a run of bare place words (各-led or not) and the name that closes it with an organ
    word: the organ is shared, the run is one collective (README 约定 8). 例：各市州、县市区人民政府 /
    各县、区人民政府 / 各市〔州〕、贵安新区数据管理部门 / 市、县行业主管部门; 各镇街、各功能区 stays two."""
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
    """Spans of separators at bracket depth 0: 、 , ; / and unit-joining 和."""
    if SEPARATOR_CHAR_RE.search(keys) is None:
        return []
    found = [m.span() for m in UNIT_SEP_RE.finditer(keys)] + [m.span() for m in AND_RE.finditer(keys)]
    if BRACKET_RE.search(keys) is not None:
        depth_at, depth = [], 0
        for ch in keys:
            depth += ch in OPEN
            depth -= ch in CLOSE
            depth_at.append(depth)
        found = [span for span in found if depth_at[span[0]] == 0]
    return sorted(found)


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


def etc_head(name: str) -> int:
    """Length of the organ named before 等 in a collective `<name>等<group>`, 0 when there is
    none: the named organ is still one the registry knows. 例：市医保局等市直有关部门单位 → 4."""
    at = name.rfind("等")
    if at <= 0 or not is_collective(name) or is_collective(name[:at]):
        return 0
    return at
