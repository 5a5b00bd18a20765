"""Headings: which lines open a division (their markers: planner.form.markers) and where the
title of a heading ends and its run-in body begins."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from planner.form.markers import match_marker
from planner.form.notes import find_notes
from planner.form.punctuation import SENTENCE_MARKS

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
        noted = _note_after(rest)
        if noted is not None:
            return noted
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


def _note_after(rest: str) -> Optional[tuple[str, str, str]]:
    """A heading whose line ends with its 责任单位 note: the title, and the note as the run-in
    body (the note covers the whole division). 例：构建法治环境保障体系(总牵头单位:县委依法治县委员会办公室)"""
    stripped = rest.rstrip()
    spans = find_notes(stripped)
    if not spans:
        return None
    begin, end = spans[-1]
    if begin == 0 or stripped[end:] not in ("", "。"):
        return None
    title = stripped[:begin].rstrip()
    return (title, "", rest[len(title):]) if title else None


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


def first_sentence_end(text: str, marks: str = SENTENCE_MARKS + "：:") -> Optional[int]:
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
