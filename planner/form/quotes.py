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
# Every quotation mark: a straight one pairs with the curly and corner ones around it.
# 例：“一网通办" / "一网通办” / 『一网通办』
MARK_RE = lazy('[\"“”「」『』]')
OPENS = {"“": True, "「": True, "”": False, "」": False}
# 例：「一网通办」
CORNER_RE = lazy("[「」『』]")
# The quotes that open or close a double quote around a straight one. 例：“一网通办" / 「一网通办"
DOUBLE_RE = lazy("[“”「」]")


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


def fix_quotes(text: str, corners: bool = True) -> str:
    """`text` with find_quotes' spots put right (what `apply(text, find_quotes(text, corners))`
    gives), in a few passes in C: the writers' path, where most texts have a pair or two."""
    if not has_cjk(text):
        return text
    if corners and CORNER_RE.search(text) is not None:
        # 「 opens and 」 closes as “ and ” do; 『』 pair no double quote: the pairing below holds
        text = CORNER_RE.sub(lambda match: CORNER[match.group()], text)
    pieces = text.split('"')
    if len(pieces) == 1:
        return text
    out = [pieces[0]]
    if DOUBLE_RE.search(text) is None:  # straight quotes alone: they pair in turn, “ ” “ ” …
        for index, piece in enumerate(pieces[1:]):
            out += ("”" if index % 2 else "“", piece)
        return "".join(out)
    open_ = _opened(pieces[0], False)
    for piece in pieces[1:]:  # the straight quote before each piece
        out += ("”" if open_ else "“", piece)
        open_ = _opened(piece, not open_)
    return "".join(out)


def _opened(piece: str, open_: bool) -> bool:
    """Whether a double quote is open after `piece`, `open_` telling before it: its last curly
    or corner double quote decides, if it has one."""
    opening = max(piece.rfind("“"), piece.rfind("「"))
    closing = max(piece.rfind("”"), piece.rfind("」"))
    return open_ if opening == closing else opening > closing
