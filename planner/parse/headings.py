"""Numbering markers and headings: which lines open a division, and how deep."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from planner.text import CN_NUMERAL_CHARS, cn_to_int, int_to_cn

# Up to 九百九十九 (five characters), as Arabic markers go up to 999.
CN = f"[{CN_NUMERAL_CHARS}]{{1,5}}"
# Marker kinds, in the conventional order of depth (GB/T 9704: 一、 → （一） → 1. → （1））.
MARKER_RES = [
    # 例：第一章 / 第三部分 / 第二篇
    ("chapter", re.compile(rf"^(?P<m>第\s*(?P<n>{CN}|\d{{1,3}})\s*(章|部分|篇))[\s、:：]*")),
    # 例：第一节
    ("section", re.compile(rf"^(?P<m>第\s*(?P<n>{CN}|\d{{1,3}})\s*节)[\s、:：]*")),
    # 例：一、 / 一. / 一． / 一，
    ("cn", re.compile(rf"^(?P<m>(?P<n>{CN})\s*[、.．，,])\s*")),
    # 例：(一) / （一） / （一）、
    ("paren_cn", re.compile(rf"^(?P<m>[(（]\s*(?P<n>{CN})\s*[)）][、.．]?)\s*")),
    # 例：1. / 1． / 1、 / 1 . / １．  — never 1.5 (a decimal) nor 2024年
    ("arabic", re.compile(r"^(?P<m>(?P<n>[0-9０-９]{1,3})\s*[.．、](?![0-9０-９]))\s*")),
    # 例：(1) / （1）
    ("paren_arabic", re.compile(r"^(?P<m>[(（]\s*(?P<n>[0-9０-９]{1,3})\s*[)）][、.．]?)\s*")),
    # 例：①
    ("circled", re.compile(r"^(?P<m>(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\s*")),
]
KIND_ORDER = [kind for kind, _ in MARKER_RES] + ["plain"]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# The characters each kind's marker can open with: a line is tried only against the patterns its
# first character can start (most body lines, none; `1.` lines, one instead of five).
MARKER_FIRST = {"chapter": "第", "section": "第", "cn": CN_NUMERAL_CHARS, "paren_cn": "(（",
                "arabic": "0123456789０１２３４５６７８９", "paren_arabic": "(（", "circled": CIRCLED}
MARKERS_BY_FIRST = {first: [(kind, pattern) for kind, pattern in MARKER_RES if first in MARKER_FIRST[kind]]
                    for first in "".join(MARKER_FIRST.values())}
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
SENTENCE_END = "。；;！!？?"
OPENERS, CLOSERS = "（(“‘《〈【「", "）)”’》〉】」"
# A run-in title may contain a comma only when it is this short. 例：以人为本,服务为先。
SHORT_TITLE = 25
PLAIN_TITLE = 40
# 例：…(2024—2026年)(征求意见稿)
HEADING_END_RE = re.compile(r"[。：:；;，,！!？?]$")
# A colon title has no pause in it. 例：建设目标：
COMMA_RE = re.compile(r"[，,、]")
# A longer run-in title has no clause break. 例：数字经济产业化。
CLAUSE_BREAK_RE = re.compile(r"[，,；;：:]")
# 例：推进一网通办(责任单位:区大数据局)
NOTE_IN_TITLE_RE = re.compile(r"[(（][^)）]*(责任单位|牵头|负责)")


@dataclass
class HeadingLine:
    """A line that opens a division: marker, title and any body text on the same line."""

    kind: str
    marker: Optional[str]
    number: Optional[int]
    title: Optional[str]
    end: str
    body: str  # text after the title on the same line ('' when none)


def match_marker(text: str) -> Optional[tuple[str, str, int, str]]:
    """(kind, marker as written, number, rest) when `text` opens with a numbering marker."""
    for kind, pattern in MARKERS_BY_FIRST.get(text[:1], ()):
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end():]
        if not rest.strip() and kind not in ("chapter", "section"):
            return None
        number = _marker_number(match["n"])
        if number is None:
            continue
        return kind, match["m"].strip(), number, rest
    return None


def _marker_number(raw: str) -> Optional[int]:
    raw = raw.translate(FULLWIDTH_DIGITS)
    if raw in CIRCLED:
        return CIRCLED.index(raw) + 1
    if raw.isascii() and raw.isdigit():
        return int(raw)
    return cn_to_int(raw)


def parse_heading(text: str) -> Optional[HeadingLine]:
    """The numbered heading on this line, split into title and run-in body."""
    found = match_marker(text)
    if not found:
        return None
    kind, marker, number, rest = found
    title, end, body = split_title(rest)
    return HeadingLine(kind, marker, number, title, end, body)


def split_title(rest: str) -> tuple[Optional[str], str, str]:
    """`数字经济产业化。按照…` → (`数字经济产业化`, `。`, `按照…`); a one-sentence rest is all title."""
    cut = first_sentence_end(rest)
    if cut is None or cut == len(rest) - 1:
        stripped = rest.rstrip()
        if len(stripped) > 2 * PLAIN_TITLE and cut is None:
            return None, "", rest
        if HEADING_END_RE.search(stripped):
            return stripped[:-1], stripped[-1], rest[len(stripped):]
        return stripped, "", rest[len(stripped):]
    head = rest[:cut]
    if is_title(head, rest[cut]):
        return head, rest[cut], rest[cut + 1:]
    return None, "", rest


def is_title(head: str, mark: str) -> bool:
    """Whether a first sentence reads as a run-in title rather than body text."""
    if not head or mark in "；;":
        return False
    if mark in "：:":
        return len(head) <= 12 and not COMMA_RE.search(head)
    if len(head) <= SHORT_TITLE and not _has_note(head):
        return True
    return len(head) <= PLAIN_TITLE and not CLAUSE_BREAK_RE.search(head)


def _has_note(text: str) -> bool:
    return bool(NOTE_IN_TITLE_RE.search(text))


def first_sentence_end(text: str, marks: str = SENTENCE_END + "：:") -> Optional[int]:
    """Index of the first sentence-ending mark outside brackets and quotes."""
    depth = 0
    for match in _stops(marks).finditer(text):
        ch = match.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            return match.start()
    return None


@lru_cache(maxsize=None)
def _stops(marks: str) -> re.Pattern:
    """The characters first_sentence_end acts on; the rest of the text is skipped in C.
    A straight quote never ends a sentence (it neither opens nor closes reliably)."""
    return re.compile("[" + re.escape(OPENERS + CLOSERS + marks.replace("\"", "")) + "]")


def kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind)


def canonical_marker(marker: str) -> str:
    """The 公文 form of a numbering marker: `(一)` → `（一）`, `1、` → `1.`, `一.` → `一、`."""
    found = match_marker(marker + "x")
    if not found:
        return marker
    kind, _, number, _ = found
    if kind in ("chapter", "section"):
        word = re.search(r"(章|部分|篇|节)", marker).group(1)
        return f"第{int_to_cn(number)}{word}"
    forms = {"cn": f"{int_to_cn(number)}、", "paren_cn": f"（{int_to_cn(number)}）",
             "arabic": f"{number}.", "paren_arabic": f"（{number}）"}
    return forms.get(kind, marker)
