"""责任单位 notes: `（责任单位：A、B）`, `（A牵头，B配合）`, `〔牵头单位：A；配合单位：B〕` — where a
text has one, which units lead and which support (a note's units end at its first 。; what
follows is a rule for all tasks) and where each unit is written (the marks a note must not have:
planner.form.notemarks)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from planner.form.hanzi import simplify
from planner.form.keys import GLOSS, PINYIN_GLOSS_RE, plain
from planner.form.organs import ORGAN_END_RE, ORGAN_WORD_RE, is_organ
from planner.form.patterns import lazy
from planner.form.script import HAN
from planner.form.unitlists import BRACKET_RE, CLOSE, OPEN, etc_head, read_units
from planner.form.unitnotes import UNIT_LEVEL, UNIT_LIST_END_RE, is_unit_list, units_only

# Longest inner text of an unlabelled note: `(A牵头,B配合)` lists a few units, not a paragraph.
NOTE_MAX = 300
LEAD_LABELS = ("总牵头单位", "牵头责任单位", "牵头考核单位", "牵头落实单位", "牵头单位", "牵头部门")
# Who supports: a word for helping and the unit's kind. 例：配合单位 / 协同部门 / 支撑单位
SUPPORT_WORDS = ("配合", "参与", "协办", "协同", "协助", "支撑", "支持")
SUPPORT_LABELS = (*(word + kind for word in SUPPORT_WORDS for kind in ("单位", "部门")),
                  "实施部门", "实施单位", "相关责任单位")
# Every label, the longest first (so 相关责任单位 is not read as 责任单位).
LABELS = "|".join(sorted({*LEAD_LABELS, *SUPPORT_LABELS, "责任部门、单位", "责任单位", "责任部门", "主责单位"},
                         key=lambda label: (-len(label), label)))
ROLES = "牵头|负责|配合|参与"
# 例：(责任单位:区工业和信息化局) / （牵头单位：…；配合单位：…） / (总牵头单位:县委办公室)
# / (牵头责任单位:A;相关责任单位:B)
# Used with .match(text, pos, endpos), which anchors at pos (a `^` would only match at 0).
LABEL_RE = lazy(rf"\s*({LABELS})\s*[:：]")
# …or after what the task is to achieve by when, before a comma. 例：（5月底完成，牵头考核单位：市审批服务局）
LATER_LABEL_RE = lazy(rf"[^()（）,，;；:：。]{{2,30}}[,，]\s*({LABELS})\s*[:：]")
# …with a letter-spaced label (a line's note in a spaced-out table). 例：责 任 单 位 ：
SPACED_LABEL_RE = lazy(r"\s*(" + "|".join(r" ?".join(label) for label in LABELS.split("|")) + r") ?[:：]")
# 例：(A牵头,B配合) / (A负责) / (A负责落实) / (各有关部门按职责分工负责)
ROLE_END_RE = lazy(rf"({ROLES}|落实|实施)\s*[)）〕>＞]?\s*$")
# What a group of units does, after its names (a duty word before it, 按职责分工 or 分别, is
# taken off the names by DUTY_RE). 例：牵头 / 牵头负责 / 负责落实 / 配合
ROLE_WORDS = r"(?P<role>牵头负责|牵头|负责落实|负责实施|负责推进|负责|配合落实|配合|参与|组织落实|组织实施|落实)"
ROLE_SPLIT_RE = lazy(rf"{ROLE_WORDS}\s*(?:[,，;；、]|$)")
# 例：牵头单位:A、B;配合单位:C
LABELLED_PART_RE = lazy(rf"({LABELS})\s*[:：]")
SUPPORT_ROLES = ("配合", "参与", "配合落实")
# 例：各有关部门按职责分工 → 各有关部门
DUTY_RE = lazy(r"(?:按照?职责分工|按职能分工|按职责|分别|共同|各自|分工)+$")
# The mark that names a lead unit in a list (`标☆的为牵头单位`). 例：市大数据局☆
LEAD_MARKS = "☆★"
# A note's fields that name no unit: its time limit. Spaces a PDF left inside are read through.
# 例：;完成时限:6月底 / ;完 成时限:12 月底 / ;完成時間:2022年6月
OTHER_FIELDS = ("完成时限", "完成时间", "时间节点", "完成期限", "时限要求", "时间要求")
OTHER_FIELD_RE = lazy("(?:" + "|".join(r"\s*".join(label) for label in OTHER_FIELDS) + r")\s*[:：]")
# A note cut off inside its label. 例：(责任单 / （牵头
CUT_LABELS_RE = lazy("^(?:" + "|".join(label[:n] for label in LABELS.split("|") for n in range(1, len(label)))
                           + r")\s*$")
# The start of a note cut off by the end of an excerpt: a unit and a list separator.
# 例：(市政府办公室、市
# 例：(市政府办公室、市 / (市市场监管委牵头,市政务服务办、
CUT_NOTE_RE = lazy(rf"^(?P<unit>[{HAN}()（）〔〕]{{2,40}}?)(?:按职责分工)?(?:牵头负责|牵头|负责)?[、,，]")
# A name's bracketed other name after it. 例：市府办〔市大数据局〕
BRACKETED_END_RE = lazy(r"(?:〔[^〔〕]*〕|\([^()]*\)|（[^（）]*）)$")
# …or cut early in a unit's name (its level first), right after a task's sentence. 例：…。(省 / …。[市行政
CUT_LEVEL_RE = lazy(rf"^{UNIT_LEVEL}[{HAN}]{{0,8}}$")



# A note on a line of its own, unbracketed, under its task (a table turned into lines; the next
# line may be `时限要求:…`). 例：责任单位:市发改委、市财政局
LINE_NOTE_RE = lazy(rf"^\s*(?:{LABELS})\s*[:：]")
LINE_NOTE_MAX = 200
# Two line notes under one task, the lead's then the support's: one note. 例：牵头单位:省科技厅 /
# 配合单位:省发改委、省工信厅
LEAD_LINE_RE = lazy(r"^\s*(?:" + "|".join(LEAD_LABELS) + r")\s*[:：]")
SUPPORT_LINE_RE = lazy(r"^\s*(?:" + "|".join((*SUPPORT_LABELS, "责任单位", "责任部门")) + r")\s*[:：]")
# A note's own word that its first unit leads (not a unit). 例：…各市(区)政府,排在首位为牵头单位,下同
FIRST_LEADS_RE = lazy(r"[,，;；]\s*(?:排在首位的?为牵头单位|排名第一的?为牵头单位|第一责任单位为牵头单位)(?:[,，]\s*下同)?\s*$")
# A rule for all notes, bracketed after the first one. 例：(第一责任单位为牵头单位,下同) /
# （排在首位的为牵头单位，以下不再一一列出）
# What a blanket rule says of the notes: what they leave out, or who leads in all of them.
RULE_WORDS = "不再一一列出|不再列出|以下不再|下同"
RULE_ASIDE_RE = lazy(rf"[(（](?P<rule>[^()（）]{{2,60}}?(?:为牵头单位|{RULE_WORDS})[^()（）]{{0,20}})[)）]\s*$")


# A note written letter-spaced (a spaced-out line): read with the spaces out. 例：（ 县 大 数 据 中 心 负 责 ）
LETTER_SPACED_RE = lazy(rf"(?:[{HAN}] ){{3}}[{HAN}]")
SPACES_RE = lazy(r"\s+")


# The words a note is read by (labels, role and duty words), each character maybe followed by a
# pinyin gloss: read through (責(zé)任單位 is 责任单位, 負(fù)責 is 负责); glosses in unit names stay.
NOTE_WORDS = (*LABELS.split("|"), *ROLES.split("|"), "落实", "实施", "推进", "职责", "分工")
# A pinyin gloss that ends a note as cut by an excerpt's end. 例：…、縣交通運(yùn)
GLOSS_END_RE = lazy(rf"(?<=[{HAN}])(?:{GLOSS})+$")
GLOSSED_LABEL_SPAN = 60  # a label with a gloss on each character, and its colon
GLOSSED_WORD_RE = lazy("|".join("".join(re.escape(ch) + f"(?:{GLOSS})?" for ch in word)
                                for word in sorted(NOTE_WORDS, key=len, reverse=True)))


class Reading(NamedTuple):
    """What a note says: the lead and support unit lists as written, whether its closing
    bracket is missing (a cut note names no units), and a rule after its first 。."""

    lead: str
    support: str
    truncated: bool
    rule: str = ""


def pairs_with(text: str, following: str) -> bool:
    """A line note naming the lead units, then one naming the support: one note on two lines."""
    return (is_line_note(text) and is_line_note(following) and LEAD_LINE_RE.match(plain(text)) is not None
            and SUPPORT_LINE_RE.match(plain(following)) is not None
            and LABELLED_PART_RE.search(plain(text), LEAD_LINE_RE.match(plain(text)).end()) is None)


def find_notes(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of responsibility notes in `text`, parentheses included (a note on
    its own line has none)."""
    line = _line_note(text)
    if line is not None:
        return [line]
    if not any(mark in text for mark in OPEN):
        return []  # most paragraphs of a 规划's text: no bracket, so no note
    spans, keys, index = [], simplify(text), 0
    glossed = "(" in text and PINYIN_GLOSS_RE.search(text) is not None
    for begin, end in _brackets(text):
        if begin < index:
            continue  # inside the note found last
        stop = end if end is not None else len(text)
        inner = (begin + 1, stop - (end is not None))
        truncated = end is None
        if (_is_note(keys, *inner, truncated) or (glossed and _is_glossed_note(text, *inner, truncated))
                or units_only(keys, begin, end)):
            spans.append((begin, stop))
            index = stop
    return spans


def units_end(note: str) -> int:
    """Where a note's units end: before its own word on who leads (`，排在首位为牵头单位，下同`)."""
    inner = note[:-1] if note[-1:] in CLOSE else note
    rule = FIRST_LEADS_RE.search(simplify(inner))
    return rule.start() if rule else len(note)


def is_note_alone(text: str) -> bool:
    """The line is one bracketed note and nothing else (`（责任单位：…）` at the head of a page)."""
    text = text.strip()
    return text[:1] in OPEN and find_notes(text) == [(0, len(text))]


def _line_note(text: str) -> Optional[tuple[int, int]]:
    """The span of a note that is its line, up to a bracketed rule after it; None otherwise."""
    if len(text) > LINE_NOTE_MAX:
        return None
    head = plain(text[:GLOSSED_LABEL_SPAN])
    label = LINE_NOTE_RE.match(head)
    if label is None:
        return None
    start = len(text) - len(text.lstrip())
    aside = RULE_ASIDE_RE.search(text)
    end = aside.start() if aside else len(text.rstrip().rstrip("。"))  # its sentence's 。 is no part of it
    return (start, end) if end > start + label.end() - label.start() else None


def is_line_note(text: str) -> bool:
    """The line is a note of its own (`责任单位:市发改委、市财政局`)."""
    return _line_note(text) is not None


def line_rule(text: str) -> Optional[str]:
    """The rule a bracket after a line's note states for all notes (`第一责任单位为牵头单位,下同`)."""
    aside = RULE_ASIDE_RE.match(text.strip())
    return aside["rule"].strip() if aside else None


def _read_through(inner: str) -> str:
    """`inner` without the pinyin glosses inside its note words."""
    if "(" not in inner or PINYIN_GLOSS_RE.search(inner) is None:
        return inner
    parts, cursor = [], 0
    for match in GLOSSED_WORD_RE.finditer(simplify(inner)):
        parts += [inner[cursor:match.start()], PINYIN_GLOSS_RE.sub("", inner[match.start():match.end()])]
        cursor = match.end()
    return "".join(parts) + inner[cursor:]


def _is_glossed_note(text: str, start: int, stop: int, truncated: bool) -> bool:
    """A note whose label or role words carry pinyin glosses (責(zé)任單位). Only a bounded
    slice is read at each bracket: its head for a label, a short note whole (a line of brackets
    stays linear)."""
    head = _read_through(text[start:min(stop, start + GLOSSED_LABEL_SPAN)])
    if LABEL_RE.match(simplify(head)):
        return True
    if stop - start > NOTE_MAX:
        return False
    inner = text[start:stop]
    read = _read_through(inner)
    return read != inner and _is_note(simplify(read), 0, len(read), truncated)


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
    Positions rather than a slice: slicing at every `（` of a long line is quadratic. A cut
    note (no closing bracket) has its label, or opens with a unit and a list separator."""
    if LABEL_RE.match(keys, start, stop) or SPACED_LABEL_RE.match(keys, start, stop):
        return True
    if LATER_LABEL_RE.match(keys, start, stop):
        return True
    if stop - start > NOTE_MAX:
        return False
    inner = keys[start:stop]
    if LETTER_SPACED_RE.search(inner):
        inner = SPACES_RE.sub("", inner)
    if truncated:
        if CUT_LABELS_RE.match(inner) or (CUT_LEVEL_RE.match(inner) and keys[start - 2:start - 1] in ("。", "；")):
            return True  # cut inside its label (责任单), or in its first unit's name after a sentence (。(省)
        cut = CUT_NOTE_RE.match(PINYIN_GLOSS_RE.sub("", inner) if "(" in inner else inner)
        unit = BRACKETED_END_RE.sub("", cut["unit"]) if cut is not None else ""
        return bool(unit) and (ORGAN_END_RE.search(unit) or UNIT_LIST_END_RE.search(unit)) is not None
    return bool(ROLE_END_RE.search(_own(inner))) and _mentions_unit(inner)


def _mentions_unit(inner: str) -> bool:
    return bool(ORGAN_WORD_RE.search(inner))


def _own(inner: str) -> str:
    """The note without the rule after its first 。 (at bracket depth 0)."""
    stop = _rule_start(inner)
    return inner if stop is None else inner[:stop]


# The last part of a note after a `；` when it is a blanket rule, not units. 例：；各项任务均需市县政府落实，不再列出
RULE_WORDS_RE = lazy(RULE_WORDS)
RULE_PART_RE = lazy(rf"[;；](?=[^;；()（）:：。]*(?:{RULE_WORDS})[^;；()（）:：。]*[)）]?$)")


def _rule_sentence(rule: str) -> str:
    """Of the sentences after a note's first 。, the one that says what the notes leave out
    (`各县级市<区>人民政府负责落实。以下均需…落实,不再列出` → the second); all when none does."""
    sentences = [part for part in rule.split("。") if part.strip()]
    said = [part for part in sentences if RULE_WORDS_RE.search(part)]
    return said[-1].strip() if len(sentences) > 1 and said else rule


def _rule_start(inner: str) -> Optional[int]:
    """Where the note's rule starts: at its first 。 (at bracket depth 0), or at the `；` before a
    last part that says what the list leaves out (`…按职责分工负责；各项任务均需市县政府落实，不再列出`)."""
    rule = RULE_PART_RE.search(inner)
    if rule is not None and (inner.find("。") < 0 or inner.find("。") > rule.start()):
        return rule.start()
    if "。" not in inner:
        return None
    depth = 0
    for at, ch in enumerate(inner):
        depth += ch in OPEN
        depth -= ch in CLOSE
        if ch == "。" and depth <= 0 and not LABEL_RE.match(inner, at + 1):
            return at  # (a label after it goes on with the note: 牵头部门:A。责任部门、单位:B)
    return None


@lru_cache(maxsize=4096)
def read_note(raw: str) -> Optional[Reading]:
    """`(牵头单位:A、B;配合单位:C)` → Reading(lead=`A、B`, support=`C`); None when `raw` is no
    note. A cut note names no units; the text after a note's first 。 is its rule."""
    if raw[:1] not in OPEN:  # a note on its own line (LINE_NOTE_RE)
        truncated, inner = False, _read_through(raw)
    else:
        truncated = raw[-1:] not in CLOSE or _cut_after_gloss(raw)
        inner = _read_through(raw[1:] if truncated else raw[1:-1])
    if LETTER_SPACED_RE.search(inner):
        inner = SPACES_RE.sub("", inner)
    keys = simplify(inner)
    if not truncated and is_unit_list(keys):
        return Reading(inner, "", False)  # a bracket of unit names after a task (find_notes)
    if truncated and CUT_LEVEL_RE.match(keys):
        return Reading("", "", True)  # (省 at the end: find_notes saw the sentence before it
    if not _is_note(keys, 0, len(keys), truncated):
        return None
    if truncated:
        return Reading("", "", True)
    stop = _rule_start(keys)
    rule = "" if stop is None else _rule_sentence(inner[stop + 1:].strip().rstrip("。"))
    if stop is not None:
        inner, keys = inner[:stop], keys[:stop]
    inner, keys = _without_other_fields(inner, keys)
    later = LATER_LABEL_RE.match(keys)
    if later:  # (5月底完成，牵头考核单位：A): the time names no unit
        inner, keys = inner[later.start(1):], keys[later.start(1):]
    spaced = SPACED_LABEL_RE.match(keys) if not LABEL_RE.match(keys) else None
    if spaced:  # 责 任 单 位 ：A、B
        label = spaced[1].replace(" ", "") + "："
        inner, keys = label + inner[spaced.end():], label + keys[spaced.end():]
    first_leads = FIRST_LEADS_RE.search(keys)
    if first_leads:  # (责任单位:A、B,C,排在首位为牵头单位,下同): A leads, the rest support
        inner, keys = inner[:first_leads.start()], keys[:first_leads.start()]
    if LABEL_RE.match(keys):
        lead, support = _labelled(inner, keys)
    else:
        lead, support = _role_words(inner, keys)
    if any(mark in inner for mark in LEAD_MARKS):
        lead, support = _starred(lead + "、" + support if support else lead)
    if first_leads and not support:
        names = [name for name, _, _ in read_units(lead)]
        lead, support = names[0] if names else "", "、".join(names[1:])
    return Reading(lead, support, False, rule)


def _cut_after_gloss(raw: str) -> bool:
    """The bracket that ends `raw` closes a pinyin gloss, not the note: a note cut in a name."""
    return raw.endswith(")") and GLOSS_END_RE.search(raw) is not None and _brackets(raw)[0][1] is None


def note_rule(raw: str) -> Optional[str]:
    """The rule a note states after its units (`以下任务均需…落实,不再一一列出`), or None."""
    if "。" not in raw and RULE_PART_RE.search(raw) is None:
        return None
    reading = read_note(raw)
    return reading.rule if reading and reading.rule else None


def _without_other_fields(inner: str, keys: str) -> tuple[str, str]:
    """The note without its fields that name no unit (`;完成时限:6月底`): each runs to the next
    `;` or the next unit label."""
    while (field := OTHER_FIELD_RE.search(keys)) is not None:
        start = field.start()
        while start > 0 and keys[start - 1] in " ;；,，":
            start -= 1
        after = [at for at in (keys.find(";", field.end()), keys.find("；", field.end())) if at >= 0]
        label = LABELLED_PART_RE.search(keys, field.end())
        end = min(after + ([label.start()] if label else []) + [len(keys)])
        inner, keys = inner[:start] + inner[end:], keys[:start] + keys[end:]
    return inner, keys


def _labelled(inner: str, keys: str) -> tuple[str, str]:
    """A 责任单位 list is the support when a 牵头单位 list is given too; one that says who leads
    and who supports (`责任单位:A、B牵头,C配合`) is read by its role words."""
    marks = list(LABELLED_PART_RE.finditer(keys))
    has_lead = any(mark.group(1) in LEAD_LABELS for mark in marks)
    lead, support = [], []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(inner)
        body = inner[mark.end():end].strip(" ;；,，。")
        label = mark.group(1)
        if not has_lead and label not in SUPPORT_LABELS and ROLE_SPLIT_RE.search(keys, mark.end(), end):
            led, supported = _role_words(body, keys[mark.end():end].strip(" ;；,，"), rest=True)
            lead.append(led)
            support.append(supported)
            continue
        second = has_lead and label not in LEAD_LABELS
        (support if label in SUPPORT_LABELS or second else lead).append(body)
    return "、".join(b for b in lead if b), "、".join(b for b in support if b)


def _role_words(inner: str, keys: str, rest: bool = False) -> tuple[str, str]:
    """Groups by what they do: 牵头 leads; 配合, 参与 support; 负责 leads, unless a group
    before it leads (`A牵头,B按职责分工负责` makes B support). With `rest`, the names after the
    last role word are a group too (a labelled list: `A牵头,B`), led or not."""
    lead, support, start, led = [], [], 0, False
    for match in ROLE_SPLIT_RE.finditer(keys):
        body = _drop_duty(inner[start:match.start()].strip(" ;；,，"))
        role = match.group("role")
        supports = role in SUPPORT_ROLES or (led and "牵头" not in role)
        (support if supports else lead).append(body)
        led = led or "牵头" in role
        start = match.end()
    if rest and inner[start:].strip(" ;；,，"):
        (support if led else lead).append(inner[start:].strip(" ;；,，"))
    return "、".join(b for b in lead if b), "、".join(b for b in support if b)


def _starred(units: str) -> tuple[str, str]:
    """`A☆、B、C☆` → lead `A、C`, support `B` (☆ marks the lead units)."""
    names = [name for name, _, _ in read_units(units)]
    lead = [name.strip(LEAD_MARKS) for name in names if any(m in name for m in LEAD_MARKS)]
    support = [name for name in names if not any(m in name for m in LEAD_MARKS)]
    return "、".join(lead), "、".join(support)


def _drop_duty(body: str) -> str:
    """`各有关部门按职责分工` → `各有关部门` (read on the simplified text: 按職責分工 too)."""
    duty = DUTY_RE.search(simplify(body))
    return body[:duty.start()] if duty else body


@lru_cache(maxsize=4096)
def unit_spans(raw: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, collective) of each unit name written in note `raw` (plans repeat their
    notes, so each is read once). In `<name>等<group>` the organ before 等 is a name of its own."""
    reading = read_note(raw)
    if reading is None:
        return ()
    spans, cursor = [], 0
    for name, _, collective in read_units(reading.lead) + read_units(reading.support):
        at = raw.find(name, cursor)
        if at < 0:
            continue
        cursor = at + len(name)
        head = etc_head(name)
        spans.append((at, at + head, False) if head else (at, cursor, collective))
    return tuple(spans)
