"""Quotation marks in Chinese text (GB/T 15834): curly “” and ‘’, paired in order of writing."""
from __future__ import annotations

from typing import Iterator

from planner.form.patterns import lazy
from planner.form.script import has_cjk
from planner.form.spots import Spot

# Corner quotes (Taiwan, Japan) → the mainland's curly ones. 例：「一网通办」
CORNER = {"「": "“", "」": "”", "『": "‘", "』": "’"}
# 例："一网通办" / 「一网通办」
QUOTE_RE = lazy("[\"「」『』]")
STRAIGHT_RE = lazy('"')
QUOTE_SCREEN = QUOTE_RE
# 例：「一网通办」
CORNER_RE = lazy("[「」『』]")


def find_quotes(text: str, corners: bool = True) -> Iterator[Spot]:
    """Straight double quotes in Chinese text, the first of each pair opening (“) and the
    next closing (”); with `corners`, corner quotes too."""
    if not has_cjk(text):
        return
    opening = True
    for match in (QUOTE_RE if corners else STRAIGHT_RE).finditer(text):
        i, ch = match.start(), match.group()
        if ch == '"':
            new = "“" if opening else "”"
            opening = not opening
        else:
            new = CORNER[ch]
        yield Spot(i, i + 1, new)


def fix_quotes(text: str, corners: bool = True) -> str:
    """`text` with find_quotes' spots put right (what `apply(text, find_quotes(text, corners))`
    gives), in a few passes in C: the writers' path, where most texts have a pair or two."""
    if not has_cjk(text):
        return text
    if corners and CORNER_RE.search(text) is not None:
        text = CORNER_RE.sub(lambda match: CORNER[match.group()], text)
    pieces = text.split('"')
    if len(pieces) == 1:
        return text
    out = [pieces[0]]
    for index, piece in enumerate(pieces[1:]):  # the quote before each piece: “ ” “ ” …
        out += ("”" if index % 2 else "“", piece)
    return "".join(out)
