"""Quotation marks in Chinese text (GB/T 15834): curly “” and ‘’, paired in order of writing."""
from __future__ import annotations

import re
from typing import Iterator

from planner.form.script import has_cjk
from planner.form.spots import Spot

# Corner quotes (Taiwan, Japan) → the mainland's curly ones. 例：「一网通办」
CORNER = {"「": "“", "」": "”", "『": "‘", "』": "’"}
# 例："一网通办" / 「一网通办」
QUOTE_RE = re.compile("[\"「」『』]")
STRAIGHT_RE = re.compile('"')
QUOTE_SCREEN = QUOTE_RE
# Every quotation mark: a straight one pairs with the curly and corner ones around it.
# 例：“一网通办" / "一网通办” / 『一网通办』
MARK_RE = re.compile('[\"“”「」『』]')
OPENS = {"“": True, "「": True, "”": False, "」": False}


def find_quotes(text: str, corners: bool = True) -> Iterator[Spot]:
    """Straight double quotes in Chinese text, each opening (“) where no double quote is open
    and closing (”) where one is, the curly and corner quotes around it counted (`“城市生命线"`
    closes, `"一个场景”` opens); with `corners`, corner quotes too."""
    if not has_cjk(text):
        return
    open_ = False
    for match in MARK_RE.finditer(text):
        i, ch = match.start(), match.group()
        if ch == '"':
            yield Spot(i, i + 1, "”" if open_ else "“")
            open_ = not open_
            continue
        open_ = OPENS.get(ch, open_)
        if corners and ch in CORNER:
            yield Spot(i, i + 1, CORNER[ch])
