"""The plan's own title: a line (or two to four lines) that names a 方案/要点/规划 …, taken next
to the body, with what portals add around it taken off: `(有效)`, a trailing 文号, the
`|` of a table, the title doubled with `|`, outer 《》, the site's name (`_某市人民政府`)."""
from __future__ import annotations

import re
from typing import Callable, NamedTuple, Optional

from planner.form.docnumber import NUMBER_AFTER_RE
from planner.form.keys import key_of
from planner.form.notice import SITE_SUFFIX_RE, STATUS_RE, cited_names
from planner.form.script import HAN
from planner.parse.anchors import HEADING, ISSUING, PIECE, PROSE, Tagged

KINDS = ("行动方案|工作要点|实施方案|实施意见|行动计划|工作方案|顶层设计|一览表|分解表|规划|纲要|要点|方案|计划|意见|"
         "办法|规定|细则|指引|"
         "措施|指南|任务|清单")
# 例：数字即墨2024年行动方案 / 深圳市促进大数据发展行动计划(2016—2018年) /
# “数字佛山”建设总体规划——佛山市智慧城市和数字政府建设(2021—2025年)
# (2021-2023 : the page lost the closing bracket.
PLAN_TITLE_RE = re.compile(rf"^[^。，,；;：:]{{4,80}}?(?:{KINDS})(?:[(（][^()（）]{{1,24}}[)）])*"
                           r"(?:[(（][^()（）]{1,24}|——[^。，,；;：:]{2,60})?$")
# How the first line of a title run opens. 例：洛阳市加强… / 关于… / “数字佛山”… / 2023年… /
# 省人民政府关于 (an issuer and 关于, the rest of the title on the next line)
OPENER_RE = re.compile(rf"^(?:关于|“|《|中共|\d{{4}}年|[{HAN}]{{1,8}}?(?:省|市|区|县|州)|[{HAN}]{{2,40}}关于$)")
# A line that goes on with the title before it. 例：(2016—2018年) / ——佛山市…
CONTINUATION_RE = re.compile(r"^(?:[(（][^()（）]{1,24}[)）]|——)")
RUN_MAX = 4
# How far into the head a page's summary sentence may stand before the title it cites by name.
# 例：2023年,福建省人民政府办公厅印发《2023年数字福建工作要点》。 / 全文内容 / 2023年数字福建工作要点
SUMMARY_SPAN = 4
# A title that opens with 关于 names its 文种 after 的 (关于…的实施意见); `关于某某行动计划` is a
# page's name for the document, not its title — unless the 印发 sentence calls the plan so
# (现将《关于深化…工作方案》印发给你们).
ABOUT_RE = re.compile(r"^关于(?!.*的)")


class Run(NamedTuple):
    """Lines start..end-1 hold the title `text` (as written)."""

    start: int
    end: int
    text: str


def title_of(text: str, cited: frozenset[str] = frozenset()) -> Optional[str]:
    """The plan title a line (or joined lines) reads as, as written; None when it is none.
    `cited`: the keys of the names the notice gives the plan it issues."""
    key = key_of(text)
    span = _cleaned(key.text)
    if span is None:
        return None
    title = key.text[span[0]:span[1]]
    if not PLAN_TITLE_RE.match(title) or (ABOUT_RE.match(title) and title not in cited):
        return None
    return key.cut(*span).strip()


def _cleaned(k: str) -> Optional[tuple[int, int]]:
    start, end = 0, len(k)
    site = SITE_SUFFIX_RE.search(k)
    if site:
        end = site.start()
    while end > start and k[end - 1] == "|":
        end -= 1
    if "|" in k[start:end]:
        halves = {part for part in k[start:end].split("|") if part}
        if len(halves) != 1:
            return None
        end = start + k[start:end].index("|")
    half = (end - start) // 2
    if half and k[start:start + half] == k[start + half:end]:  # a title doubled (a space between)
        end = start + half
    status = STATUS_RE.search(k, start, end)
    if status:
        end = status.start()
    number = NUMBER_AFTER_RE.search(k, start, end)
    if number:
        end = number.start()
    if k.startswith("《", start) and k.endswith("》", start, end):
        start, end = start + 1, end - 1
    return (start, end) if end > start else None


def find_title(tagged: Callable[[int], Optional[Tagged]], start: int, stop: int,
               cited: frozenset[str] = frozenset()) -> Optional[Run]:
    """The last title run from `start` before the body (prose or a heading) or `stop`
    (`cited`: as title_of). Prose that cites a plan by name, before any title, is a page's
    summary: the title after it is read when it is the name cited."""
    last, at, summary = None, start, frozenset()
    while at < stop:
        line = tagged(at)
        if line is not None and line.kind == PROSE and last is None and at - start <= SUMMARY_SPAN:
            summary |= cited_names([line.text])  # a page's summary before the title it cites
            if summary:
                at += 1
                continue
        if line is None or line.kind in (PROSE, HEADING, ISSUING):
            break
        run = _run_at(tagged, at, stop, cited | summary)
        if run is None or (summary and key_of(run.text).text not in summary):
            at += 1
            continue
        last, at = run, run.end
    return last


def _run_at(tagged: Callable[[int], Optional[Tagged]], at: int, stop: int,
            cited: frozenset[str] = frozenset()) -> Optional[Run]:
    pieces: list[str] = []
    for end in range(at, min(stop, at + RUN_MAX)):
        line = tagged(end)
        if line is None or line.kind != PIECE:
            return None
        if end == at + 1 and not OPENER_RE.match(tagged(at).key.text):
            return None  # a title on several lines opens like one
        pieces.append(line.text.strip())
        title = title_of("".join(pieces), cited)
        if title is not None:
            return _continued(tagged, Run(at, end + 1, title), pieces, stop, cited)
    return None


def _continued(tagged: Callable[[int], Optional[Tagged]], run: Run, pieces: list[str], stop: int,
               cited: frozenset[str]) -> Run:
    """A run taken on with `(2016—2018年)` or a `——` subtitle on the lines after it."""
    while run.end < stop:
        line = tagged(run.end)
        if line is None or line.kind != PIECE or not CONTINUATION_RE.match(line.key.text):
            return run
        title = title_of("".join(pieces + [line.text.strip()]), cited)
        if title is None:
            return run
        pieces.append(line.text.strip())
        run = Run(run.start, run.end + 1, title)
    return run


def title_above(tagged: Callable[[int], Optional[Tagged]], at: int) -> Optional[Run]:
    """The title run that ends on line `at` (a title line, with the lines above it that open the
    same title: `省人民政府关于` / `进一步优化营商环境的若干意见`), None when `at` is no title."""
    line = tagged(at)
    if line is None or line.kind != PIECE or title_of(line.text) is None:
        return None
    best = Run(at, at + 1, title_of(line.text))
    for first in range(at - 1, max(-1, at - RUN_MAX), -1):
        lines = [tagged(index) for index in range(first, at + 1)]
        if any(piece is None or piece.kind != PIECE for piece in lines):
            break
        title = title_of("".join(piece.text.strip() for piece in lines))
        if title is not None and OPENER_RE.match(lines[0].key.text):
            best = Run(first, at + 1, title)
    return best
