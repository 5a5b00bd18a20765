"""A plan's title read by where it stands and how it reads, whatever its 文种: the line (or run of
lines) right before the body's first paragraph or heading that reads as a title — no sentence
mark, no heading marker, mostly Han, short — so an ending no list names (…重点举措, …工作安排,
…建设指引) is still a title. The 文种 list (titles.KINDS) stays the first reader."""
from __future__ import annotations

import re
from typing import Callable, Optional

from planner.form.patterns import lazy
from planner.form.script import HAN
from planner.parse.anchors import PIECE, Tagged
from planner.parse.headings import parse_heading

# A title's words, its period in brackets after them (a space between is layout).
# 例：海南省常态化推进“高效办成一件事”重点举措 / 哈尔滨市加快数字政府建设实施方案(2023—2025年)
PERIOD_TAIL_RE = lazy(r"(?:[(（〔【\[][^()（）〔〕【】\[\]]{1,24}[)）〕】\]])+$")
# What a title never holds: a sentence's marks, a field's colon, a lost character's ASCII ?, a
# site's separators. 例：为贯彻落实…，制定本方案。 / 当前位置：首页 / 首页 > 政策文件
NOT_TITLE_RE = lazy(r"[。，,；;：:！!？?>|_]")
# A page's sentence about a plan or a portal's label, not a title. 例：某市印发… / 政策解读… / …的通知 /
# 政策性文件留言咨询 (a page's message box)
# A 目录 or a date run into the title's line is no part of it. 例：…规划目录 / …规划2021年7月 / 二〇二一年十一月
NOT_PLACED_RE = lazy(r"印发|的通知$|首页|当前位置|您的位置|解读|图解|附件|原文|下载|打印|来源|浏览|留言|"
                     r"(?:目录|前言|\d{4}年\d{1,2}月(?:\d{1,2}日)?|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
                     r"(?:[一二三四五六七八九十]{1,3}日)?)$")
# A table's caption: the short lines under it are its header cells, not a title. 例：表3 嘉定区…重点建设任务表
TABLE_CAPTION_RE = lazy(r"^(?:附)?表\s*\d+")
HAN_ONE = re.compile(f"[{HAN}]")
HAN_MIN, TITLE_MAX = 6, 60  # Han characters of the shortest title; characters of the longest
HAN_SHARE = 0.6  # of a title's characters (the rest: digits of a year, quotes, 5G, ——)
RUN_MAX = 3  # lines a placed title may take (its words, a second line, its period)


def reads_as_title(k: str) -> bool:
    """A title line's key (what portals add around it taken off) reads as a plan's title by its
    form alone."""
    words = k[:PERIOD_TAIL_RE.search(k).start()] if PERIOD_TAIL_RE.search(k) else k
    if (not words or len(words) > TITLE_MAX or NOT_TITLE_RE.search(words) or NOT_PLACED_RE.search(words)
            or TABLE_CAPTION_RE.match(words)):
        return False
    han = len(HAN_ONE.findall(words))
    return han >= HAN_MIN and han >= HAN_SHARE * len(words) and parse_heading(words) is None


def placed_title(tagged: Callable[[int], Optional[Tagged]], start: int, body: int,
                 opens: Callable[[list[Tagged]], bool],
                 cleaned: Callable[[str], Optional[str]]) -> Optional[tuple[int, str]]:
    """(first line, text) of the title that stands right before line `body` (not above `start`):
    the longest run of title pieces that reads as one and `opens` like a title (a run of several
    lines); `cleaned` takes a portal's additions off a title's key. None when the line before
    the body is no title."""
    best = None
    lines: list[Tagged] = []
    for first in range(body - 1, max(start, body - RUN_MAX) - 1, -1):
        line = tagged(first)
        if line is None or line.kind != PIECE:
            break
        lines.insert(0, line)
        text = "".join(piece.text.strip() for piece in lines)
        k = cleaned(text)
        if opens(lines) and k and reads_as_title(k):
            best = (first, text)
    if best is not None and _in_table(tagged, start, best[0]):
        return None
    return best


def _in_table(tagged: Callable[[int], Optional[Tagged]], start: int, first: int) -> bool:
    """A table's caption stands above line `first`: what follows it are the table's cells."""
    return any((line := tagged(at)) is not None and TABLE_CAPTION_RE.match(line.key.text)
               for at in range(start, first))
