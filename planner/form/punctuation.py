"""Punctuation of Chinese text (GB/T 15834): full-width marks, the ellipsis, no doubled marks,
no 顿号 between quoted or titled items, brackets in pairs, no stray spaces."""
from __future__ import annotations

import re
from typing import Iterator

from planner.form.organs import TITLE_VERBS, is_organ
from planner.form.patterns import lazy
from planner.form.script import CJK, FULL_PUNCT, HAN, has_cjk, is_ascii_word
from planner.form.spots import Spot

# Half-width → full-width punctuation inside Chinese text.
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FULL_TO_HALF = {full: half for half, full in HALF_TO_FULL.items()}
# 例：完成,责任单位: / 建设(一期) (each written full-width in Chinese text)
HALF_PUNCT_RE = lazy(r"[,:;?!()]")
# …and a Western full stop after a Han character, before Han, an opening bracket or the end
# (trailing spaces aside: a reader strips them, and the stop then ends the line).
# 例：完成平台建设.推进
# The stop is matched first and the Han before it looked back at: a pattern that opens on its
# character is tried only where that character is, one that opens on a look-behind at every
# position of the text (twice as slow on a line of Chinese).
HALF_STOP = rf"\.(?<=[{HAN}]\.)(?=[{HAN}（(“]|\s*$)"
HALF_STOP_RE = lazy(HALF_STOP)
HALF_OR_STOP_RE = lazy(rf"[,:;?!()]|{HALF_STOP}")
WIDTH_SCREEN = lazy(rf"[,;:?!()]|\.(?<=[{HAN}]\.)")
# ? and ! after these (or opening a text) are stray marks (a scraped page's lost characters),
# not sentence ends: unit-stray-mark's to remove. 例：责任单位:?区大数据局 / ?区大数据局
STRAY_AFTER = "：:、，,（("
# 例：... / ...... / 。。。 / … (a single one) / ……… — a run of them, spaces between, is one
# ellipsis: ……
ELLIPSIS_PART = r"(?:\.{3,}|。{3,}|…+|⋯+)"
ELLIPSIS_RE = lazy(rf"{ELLIPSIS_PART}(?:[ \u3000\t]*{ELLIPSIS_PART})*")
ELLIPSIS = "……"
ELLIPSIS_SCREEN = lazy(r"\.\.\.|[…⋯]|。。")
# 例：，， / 。。 / ！！ — but not 。。。 (an ellipsis)
REPEAT_RE = lazy(r"([，、；：！？。])\1+")
REPEAT_SCREEN = lazy("([，、；：！？。])\\1")
# A 顿号 between items in 《》 or “” (GB/T 15834: none is written). 例：》、《 / ”、“
MARKED_RE = lazy(r"(?<=[》”])、(?=[《“])")
MARKED_SCREEN = lazy("[》”]、")
# Spaces between two characters. 例：新建5G基站 1000个 / 推进互联网 监管
SPACE_RE = lazy(r"(?<=\S)[ \u3000\t]+(?=\S)")
SPACE_SCREEN = lazy("[ \u3000\t]")
CJK_CHAR_RE = lazy(f"[{CJK}]")
# A space after these words most often stands for a lost “+”: 互联网+政务服务.
PLUS_WORDS = ("互联网",)
# Brackets, quotes and title marks that come in pairs.
PAIRS = {"（": "）", "(": ")", "“": "”", "《": "》", "〈": "〉", "【": "】"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
PAIR_RE = lazy("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")
SENTENCE_MARKS = "。！？!?；;"
SENTENCE_CLOSERS = "”’」』）)"


def find_halfwidth(text: str, stops: bool = True, marks: bool = True) -> Iterator[Spot]:
    """Half-width marks a Chinese text writes full-width: `,;:` unless between two Latin
    letters or digits (`1:1000`, `10:30`), `?!` unless stray, every bracket; with `stops`
    also a Western full stop between Han characters (`完成.推进` → `。`; only the stops
    when not `marks`)."""
    if not has_cjk(text):
        return
    for match in _width_pattern(stops, marks).finditer(text):
        i = match.start()
        ch = text[i]
        new = _full_width(text, i, ch)
        if new != ch:
            yield Spot(i, i + 1, new)


def fix_halfwidth(text: str, stops: bool = True, marks: bool = True) -> str:
    """`text` with find_halfwidth's spots put right (what `apply(text, find_halfwidth(text,
    stops, marks))` gives), in one substitution: the writers' path."""
    if not has_cjk(text):
        return text
    return _width_pattern(stops, marks).sub(lambda match: _full_width(text, match.start(), match.group()),
                                            text)


def _width_pattern(stops: bool, marks: bool):
    return HALF_OR_STOP_RE if marks and stops else HALF_PUNCT_RE if marks else HALF_STOP_RE


def _full_width(text: str, i: int, ch: str) -> str:
    """What the half-width mark `ch` at text[i] is written as: full width, or itself."""
    if ch == ".":
        return "。"
    return ch if _stays_half(text, i, ch) else HALF_TO_FULL[ch]


def _stays_half(text: str, i: int, ch: str) -> bool:
    if ch in ",:;":
        return is_ascii_word(text[i - 1:i]) and is_ascii_word(text[i + 1:i + 2])
    if ch in "?!":
        j = i - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        return j < 0 or text[j] in STRAY_AFTER  # nothing before it: no sentence ends there
    return False


def find_ellipses(text: str) -> Iterator[Spot]:
    """Ellipses not written `……` (`...`, `。。。`, a single `…`)."""
    if not has_cjk(text):
        return
    for match in ELLIPSIS_RE.finditer(text):
        if match.group() != ELLIPSIS:
            yield Spot(match.start(), match.end(), ELLIPSIS)


def find_repeats(text: str) -> Iterator[Spot]:
    """A mark written twice or more (`，，` → `，`); `。。。` is an ellipsis, not a repeat."""
    for match in REPEAT_RE.finditer(text):
        if match.group(1) == "。" and len(match.group()) >= 3:
            continue
        yield Spot(match.start(), match.end(), match.group(1))


def find_marked_items(text: str) -> Iterator[Spot]:
    """A 顿号 between items in title marks or quotes (`》、《` → `》《`)."""
    for match in MARKED_RE.finditer(text):
        yield Spot(match.start(), match.end(), "")


# A 办法's article number opening a paragraph, a space after it. 例：第一条 为规范… / 第十二条　本办法…
ARTICLE_RE = lazy(r"第[一二三四五六七八九十百零〇]{1,5}条")
ARTICLE_MAX = 8
# The word after a space, up to what ends a name in a list of issuers. 例：教育部 / 医保局关于
ORGAN_RUN_RE = lazy(rf"(?P<name>[{HAN}（）()]{{2,40}}?)(?=[ \u3000，、。；：]|联合印发|{TITLE_VERBS}|$)")


def find_spaces(text: str) -> Iterator[Spot]:
    """Spaces inside Chinese text. Next to a mark, or between Han and a digit, they go; after
    互联网 a `+` was lost; between two words the drafter decides (no fix)."""
    for match in SPACE_RE.finditer(text):
        before, after = _kind(text[match.start() - 1]), _kind(text[match.end()])
        if "cjk" not in (before, after) and "punct" not in (before, after):
            continue
        if before == after == "cjk" and _between_organs(text, match.start(), match.end()):
            continue  # joint issuers are named apart with a space: 国家卫生健康委 教育部关于…
        if match.start() < ARTICLE_MAX and (article := ARTICLE_RE.match(text)) and article.end() == match.start():
            continue  # an article's number stands apart from its text: 第一条 为规范…
        if text.endswith(PLUS_WORDS, 0, match.start()):
            yield Spot(match.start(), match.end(), "+")
        elif "punct" in (before, after) or {before, after} == {"cjk", "digit"}:
            yield Spot(match.start(), match.end(), "")
        else:
            yield Spot(match.start(), match.end())


def _between_organs(text: str, start: int, end: int) -> bool:
    """The space parts two names of organs: the word before it and the one after it (up to the
    next space, mark or 关于/印发) are each a name."""
    word_start = max(text.rfind(ch, 0, start) for ch in " \u3000，、。；：（(《") + 1
    after = ORGAN_RUN_RE.match(text, end)
    return after is not None and is_organ(text[word_start:start]) and is_organ(after["name"])


def _kind(ch: str) -> str:
    if CJK_CHAR_RE.match(ch):
        return "cjk"
    if ch in FULL_PUNCT:
        return "punct"
    return "digit" if ch.isdigit() else "other"


def find_unpaired(text: str) -> Iterator[tuple[int, str, str, str]]:
    """(where, what, mark, closer) for brackets, quotes and title marks out of pairs: what is
    `nested` (《 inside 《》, written 〈〉), `crossed` (`（“）”`: mark the inner opener, closer
    the outer closer that comes first), `unopened` or `unclosed`."""
    stack: list[tuple[int, str]] = []
    for match in PAIR_RE.finditer(text):
        i, ch = match.start(), match.group()
        if ch in PAIRS:
            if ch == "《" and any(c == "《" for _, c in stack):
                yield i, "nested", ch, ""
            stack.append((i, ch))
        elif stack and stack[-1][1] == CLOSERS[ch]:
            stack.pop()
        elif any(c == CLOSERS[ch] for _, c in stack):
            at, opener = stack.pop()
            yield at, "crossed", opener, ch
            while stack and stack[-1][1] != CLOSERS[ch]:
                stack.pop()
            if stack:
                stack.pop()
        else:
            yield i, "unopened", ch, ""
    for at, opener in stack:
        yield at, "unclosed", opener, ""


def split_sentences(text: str) -> list[str]:
    """Split after 。！？； (full or half width) keeping the marks; closing quotes and
    brackets that follow a mark stay with their sentence."""
    sentences, start, i = [], 0, 0
    while i < len(text):
        if text[i] in SENTENCE_MARKS:
            j = i + 1
            while j < len(text) and text[j] in SENTENCE_CLOSERS:
                j += 1
            sentences.append(text[start:j])
            start = i = j
            continue
        i += 1
    if start < len(text):
        sentences.append(text[start:])
    return sentences
