"""Numbering markers (序号) and heading levels: GB/T 9704 7.3.3 numbers the levels 一、 →
（一） → 1. → （1）; documents also write 第一章 above them and ① below. One table holds each
kind's pattern, level and written form."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from planner.form.numerals import CN_NUMERAL_CHARS, cn_to_int, int_to_cn
from planner.form.patterns import lazy
from planner.form.spots import Spot

# Up to 九百九十九 (five characters), as Arabic markers go up to 999.
CN = f"[{CN_NUMERAL_CHARS}]{{1,5}}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ARABIC_FIRST = "0123456789０１２３４５６７８９"


@dataclass(frozen=True)
class MarkerKind:
    """One kind of marker: its pattern (`m` the marker, `n` its number), the heading level it
    numbers (0: a chapter above the four levels), the characters it can open with, its written
    form (`{cn}` / `{n}` the number, `{word}` 章/部分/篇/节; None keeps it as written) and the
    mark written after its number (N003)."""

    name: str
    pattern: re.Pattern
    level: int
    first: str
    form: Optional[str]
    after: str = ""


# In the order they are tried: 第…节 before 第…章 cannot clash, （一） before （1） cannot either.
MARKER_KINDS = [
    # 例：第一章 / 第三部分 / 第二篇
    MarkerKind("chapter", lazy(rf"^(?P<m>第\s*(?P<n>{CN}|\d{{1,3}})\s*(?P<w>章|部分|篇))[\s、:：]*"),
               0, "第", "第{cn}{word}"),
    # 例：第一节
    MarkerKind("section", lazy(rf"^(?P<m>第\s*(?P<n>{CN}|\d{{1,3}})\s*(?P<w>节))[\s、:：]*"),
               1, "第", "第{cn}{word}"),
    # 例：一、 / 一. / 一． / 一，
    MarkerKind("cn", lazy(rf"^(?P<m>(?P<n>{CN})\s*[、.．，,])\s*"), 1, CN_NUMERAL_CHARS, "{cn}、", "、"),
    # 例：(一) / （一） / （一）、
    MarkerKind("paren_cn", lazy(rf"^(?P<m>[(（]\s*(?P<n>{CN})\s*[)）][、.．]?)\s*"), 2, "(（",
               "（{cn}）"),
    # 例：1. / 1． / 1、 / 1 . / １．  — never 1.5 (a decimal) nor 2024年
    MarkerKind("arabic", lazy(r"^(?P<m>(?P<n>[0-9０-９]{1,3})\s*[.．、](?![0-9０-９]))\s*"), 3,
               ARABIC_FIRST, "{n}.", "."),
    # 例：(1) / （1）
    MarkerKind("paren_arabic", lazy(r"^(?P<m>[(（]\s*(?P<n>[0-9０-９]{1,3})\s*[)）][、.．]?)\s*"),
               4, "(（", "（{n}）"),
    # 例：①
    MarkerKind("circled", lazy(rf"^(?P<m>(?P<n>[{CIRCLED}]))\s*"), 4, CIRCLED, None),
]
KINDS = {kind.name: kind for kind in MARKER_KINDS}
# GB/T 9704's four levels, in order (a heading level is not skipped: N002).
STANDARD_KINDS = [kind.name for kind in MARKER_KINDS if kind.form and kind.level and kind.name != "section"]
# A line is tried only against the kinds its first character can open (most lines: none).
KINDS_BY_FIRST = {first: [kind for kind in MARKER_KINDS if first in kind.first]
                  for kind in MARKER_KINDS for first in kind.first}
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# The number inside a marker. 例：（十二） → 十二 / 12. → 12
MARKER_NUMBER_RE = lazy(f"[0-9０-９]+|[{CN_NUMERAL_CHARS}]+")
# Width in a marker: brackets full-width, digits half-width (N004). 例：(一) → （一）
MARKER_WIDTH = {"(": "（", ")": "）", **{chr(0xFF10 + i): str(i) for i in range(10)}}
# A heading on its own line at these levels ends without punctuation (P008). 例：一、总体要求。
HEADING_ENDS = "。：；，.:;,"
BARE_HEADING_KINDS = ("cn", "paren_cn", "chapter", "section")


def match_marker(text: str) -> Optional[tuple[str, str, int, str]]:
    """(kind, marker as written, number, rest) when `text` opens with a numbering marker."""
    for kind in KINDS_BY_FIRST.get(text[:1], ()):
        match = kind.pattern.match(text)
        if not match:
            continue
        rest = text[match.end():]
        if not rest.strip() and kind.name not in ("chapter", "section"):
            return None
        number = _number(match["n"])
        if number is None:
            continue
        return kind.name, match["m"].strip(), number, rest
    return None


def _number(raw: str) -> Optional[int]:
    raw = raw.translate(FULLWIDTH_DIGITS)
    if raw in CIRCLED:
        return CIRCLED.index(raw) + 1
    if raw.isascii() and raw.isdigit():
        return int(raw)
    return cn_to_int(raw)


@lru_cache(maxsize=1024)
def read_marker(marker: Optional[str]) -> Optional[tuple[str, int]]:
    """(kind, number) of a marker standing alone (`（一）` → paren_cn, 1); None for none."""
    if not marker:
        return None
    found = match_marker(marker.strip() + "x")
    return (found[0], found[2]) if found else None


def marker_kind(marker: Optional[str]) -> Optional[str]:
    """`（一）` → paren_cn, `1.` → arabic …; None for no marker or an unknown form."""
    found = read_marker(marker)
    return found[0] if found else None


@lru_cache(maxsize=1024)
def marker_level(marker: Optional[str]) -> Optional[int]:
    """The heading level a marker numbers: 1 for `一、`, 2 for `（一）` … 0 for `第一章`."""
    kind = marker_kind(marker)
    return KINDS[kind].level if kind else None


def level_of(text: str) -> Optional[int]:
    """1–4 when `text` opens with one of GB/T 9704's four markers (一、 （一） 1. （1）, in any
    width), else None: the level a heading paragraph is written at."""
    found = match_marker(text.strip())
    return KINDS[found[0]].level if found and found[0] in STANDARD_KINDS else None


def canonical_marker(marker: str) -> str:
    """The 公文 form of a numbering marker: `(一)` → `（一）`, `1、` → `1.`, `一.` → `一、`."""
    found = match_marker(marker + "x")
    if not found:
        return marker
    kind = KINDS[found[0]]
    if kind.form is None:
        return marker
    word = kind.pattern.match(marker + "x")["w"] if "{word}" in kind.form else ""
    return kind.form.format(cn=int_to_cn(found[2]), n=found[2], word=word)


def renumber(marker: str, number: int) -> str:
    """`marker` with its number replaced, in its own numerals: (`（三）`, 2) → `（二）`."""
    kind = marker_kind(marker)
    cn = kind is not None and "{cn}" in (KINDS[kind].form or "")
    return MARKER_NUMBER_RE.sub(int_to_cn(number) if cn else str(number), marker, count=1)


def find_marker_punct(marker: str) -> Optional[Spot]:
    """The punctuation after a marker when it is not its kind's (N003): `一.` → `、` after 一,
    `（一）、` → none, `1、` → `.`."""
    marker = marker.rstrip()
    kind = marker_kind(marker)
    if kind not in STANDARD_KINDS:
        return None
    want = KINDS[kind].after
    closed = kind.startswith("paren")
    tail_at = marker.rfind("）") + 1 if closed else len(marker.rstrip("、.．，,:："))
    if closed and tail_at == 0:
        tail_at = marker.rfind(")") + 1
    tail = marker[tail_at:]
    if tail == want or (kind == "arabic" and tail in ".．"):
        return None
    return Spot(tail_at, len(marker), want)


def find_marker_width(marker: str) -> list[Spot]:
    """Half-width brackets and full-width digits in a marker (N004)."""
    return [Spot(i, i + 1, MARKER_WIDTH[ch]) for i, ch in enumerate(marker) if ch in MARKER_WIDTH]


def stray_end(marker: Optional[str], end: str, run_in: bool) -> bool:
    """A 一级/二级 heading on its own line whose end mark is punctuation (P008: dropped)."""
    return bool(not run_in and end and end[-1] in HEADING_ENDS
                and marker_kind(marker) in BARE_HEADING_KINDS)
