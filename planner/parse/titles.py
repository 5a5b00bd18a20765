"""The plan's own title: a line (or two to four lines) that names a 方案/要点/规划 …, taken next
to the body, with what portals add around it taken off: `(有效)`, a trailing 文号, the
`|` of a table, the title doubled with `|`, outer 《》, the site's name (`_某市人民政府`)."""
from __future__ import annotations

import re
from typing import Callable, NamedTuple, Optional

from planner.form.docnumber import NUMBER_AFTER_RE
from planner.form.keys import key_of
from planner.form.notice import LEAD_STATUS_RE, SITE_SUFFIX_RE, STATUS_RE, TRAILING_FIELD_RE, cited_names
from planner.form.script import HAN
from planner.parse.anchors import HEADING, ISSUING, ORGANS, PIECE, PROSE, Tagged
from planner.parse.placed import placed_title, reads_as_title

KINDS = ("行动方案|工作要点|实施方案|实施意见|行动计划|工作方案|顶层设计|一览表|分解表|进度表|规划|纲要|要点|方案|计划|意见|"
         "办法|规定|细则|指引|规范|"
         "措施|指南|任务分工|任务|清单|若干政策|规则")
# 例：数字即墨2024年行动方案 / 深圳市促进大数据发展行动计划(2016—2018年) /
# “数字佛山”建设总体规划——佛山市智慧城市和数字政府建设(2021—2025年)
# (2021-2023 : the page lost the closing bracket.
# The period may be in 〔〕 or 【】 too. 例：…行动计划〔2024—2026年〕
PERIOD_IN = r"[(（〔【\[][^()（）〔〕【】\[\]]{1,24}[)）〕】\]]"
PLAN_TITLE_RE = re.compile(rf"^[^。，,；;：:]{{4,80}}?(?:{KINDS})(?:{PERIOD_IN})*"
                           r"(?:[(（][^()（）]{1,24}|——[^。，,；;：:]{2,60})?$")
# How the first line of a title run opens. 例：洛阳市加强… / 关于… / “数字佛山”… / 2023年… /
# 省人民政府关于 (an issuer and 关于, the rest of the title on the next line) /
# 国务院办公厅关于加快推进 (an organ, 关于 and the title's first words) / 国家发展改革委等部门关于加强…
OPENER_RE = re.compile(rf"^(?:关于|“|《|中共|\d{{4}}年|[{HAN}]{{1,8}}?(?:省|市|区|县|州)|[{HAN}]{{2,40}}关于$"
                       rf"|[{HAN}]{{2,40}}?(?:厅|府|室|委|局|部|院|部门|单位)关于)")
# A line that goes on with the title before it. 例：(2016—2018年) / ——佛山市…
# The year a site adds in brackets after an 意见's title (not a plan's period, which spans years).
# 例：国务院办公厅关于加快推进政务服务“跨省通办”的指导意见(2020年)
YEAR_ADDED_RE = re.compile(r"(?<=意见)[(（]\d{4}年[)）]$")
# 例：(2016—2018年) / ——佛山市… / 暨数字嘉鱼“十四五”规划 (a second plan the same text is)
CONTINUATION_RE = re.compile(rf"^(?:{PERIOD_IN}|——|暨)")
RUN_MAX = 4
# How far into the head a page's summary sentence may stand before the title it cites by name.
# 例：2023年,福建省人民政府办公厅印发《2023年数字福建工作要点》。 / 全文内容 / 2023年数字福建工作要点
SUMMARY_SPAN = 4
# A title that opens with 关于 names its 文种 after 的 (关于…的实施意见); `关于某某行动计划` is a
# page's name for the document, not its title — unless the 印发 sentence calls the plan so
# (现将《关于深化…工作方案》印发给你们).
ABOUT_RE = re.compile(r"^关于(?!.*的)")
# A page's sentence about the plan, not its title: it names who 印发 it (a title says 关于印发).
# 例：河南省人民政府于2020年12月11日印发河南省数字政府建设总体规划
SUMMARY_RE = re.compile(r"(?<!关于)印发")


# A table of contents between the notice and the plan: its entries are headings, the title
# stands after them. 例：目  录 / 目??錄 (a page's spaces turned into ?)
CONTENTS_RE = re.compile(r"^目[?？]{0,4}录$")
# A preface's heading: the body begins there. 例：前 言
PREFACE_RE = re.compile(r"^(?:前言|序言|引言|导言)$")
# A short first paragraph (too short to be tagged prose): the body begins there.
# 例：为规范智慧社区建设，制定本指引。
SHORT_PARAGRAPH_RE = re.compile(r"[，,].{0,40}。$")


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
    if SUMMARY_RE.search(title) or not _balanced(title):
        return None
    return key.cut(*span).strip()


def _balanced(title: str) -> bool:
    """A whole title closes the book-title marks it opens (措施》实施方案 is a title's last line)."""
    return title.count("《") == title.count("》") and title.count("〈") == title.count("〉")


def _cleaned(k: str) -> Optional[tuple[int, int]]:
    start, end = 0, len(k)
    lead = LEAD_STATUS_RE.match(k)
    if lead:
        start = lead.end()
    trailing = TRAILING_FIELD_RE.search(k)
    if trailing:
        end = trailing.start()
    site = SITE_SUFFIX_RE.search(k, start, end)
    if site:
        end = site.start()
    while end > start and k[end - 1] == "|":
        end -= 1
    year = YEAR_ADDED_RE.search(k, start, end)
    if year:
        end = year.start()  # the year a site adds after an 意见's title: …的指导意见(2020年)
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
    summary: the title after it is read when it is the name cited. A title whose 文种 is none
    of KINDS is read by where it stands and how it reads (placed_title)."""
    last, bodies, summary = _last_run(tagged, start, stop, cited)
    for body in bodies:
        placed = placed_title(tagged, start, body, _opens, _cleaned_text)
        if placed is None or (last is not None and last.end > placed[0]):
            continue
        if last is not None and not OPENER_RE.match(_cleaned_text(placed[1]) or ""):
            continue  # after a title by its 文种, a line that opens like none (a table's cell: 做好…)
        k = _cleaned_text(placed[1])
        if not _balanced(k or ""):
            continue  # a line broken inside a 《》 is a sentence's first piece (为落实《中共中央)
        if summary and summary[0] < placed[0] and k not in summary[1]:
            continue  # after a page's summary only the name it cites (not a news item's heading)
        if ABOUT_RE.match(k) and k not in cited:
            continue  # 关于 without 的: a page's name for the plan, unless the notice cites it so
        return Run(placed[0], body, _placed_text(placed[1]))
    return last


def top_title(tagged: Callable[[int], Optional[Tagged]]) -> Optional[Run]:
    """The first line of a page with no notice, when it reads as a title (what follows it may
    be the page's metadata before the body: `丽水市数字政府建设“十四五”规划` / `发布时间:…`)."""
    line = tagged(0)
    if line is None or line.kind != PIECE:
        return None
    k = _cleaned_text(line.text)
    if not k or not reads_as_title(k) or ABOUT_RE.match(k):
        return None
    return Run(0, 1, _placed_text(line.text))


def _opens(lines: list[Tagged]) -> bool:
    """A run of lines opens like a title: one line, a first line that opens like one, or a
    title's words with its period or subtitle on the lines after (`数字青岛发展规划` / `(2023—2025年)`)."""
    return (len(lines) == 1 or OPENER_RE.match(lines[0].key.text) is not None
            or all(CONTINUATION_RE.match(line.key.text) for line in lines[1:]))


def _placed_text(text: str) -> str:
    """A placed title as written, with what portals add around it taken off (as title_of)."""
    key = key_of(text)
    span = _cleaned(key.text)
    return key.cut(*span).strip() if span else text


def _cleaned_text(text: str) -> Optional[str]:
    """The key of a title line with what portals add around it taken off (None: nothing left)."""
    k = key_of(text).text
    span = _cleaned(k)
    return k[span[0]:span[1]] if span else None


def _last_run(tagged: Callable[[int], Optional[Tagged]], start: int, stop: int,
              cited: frozenset[str]) -> tuple[Optional[Run], list[int], Optional[tuple[int, frozenset[str]]]]:
    """The last title run read by its 文种, and where the body may begin: the line that ends the
    head, then a 目录 or 前言 line, or the first prose read as a page's summary (which may be the
    body's preamble), and where that summary stands with the names it cites."""
    last, at, summary, marks, summary_at = None, start, frozenset(), [], None
    while at < stop:
        line = tagged(at)
        if line is not None and line.kind == PROSE and last is None and at - start <= SUMMARY_SPAN:
            summary |= cited_names([line.text])  # a page's summary before the title it cites
            if summary:
                summary_at = at if summary_at is None else summary_at
                marks.append(at)
                at += 1
                continue
        if line is not None and CONTENTS_RE.match(line.key.text):
            marks.append(at)
            at = _after_contents(tagged, at + 1, stop)
            continue
        if line is not None and (PREFACE_RE.match(line.key.text) or SHORT_PARAGRAPH_RE.search(line.key.text)):
            marks.append(at)
        if line is None or line.kind in (PROSE, HEADING, ISSUING):
            return last, ([at] if line is not None else []) + marks, _summary(summary_at, summary)
        run = _run_at(tagged, at, stop, cited | summary)
        if run is None or (summary and key_of(run.text).text not in summary):
            at += 1
            continue
        last, at = run, run.end
    return last, marks, _summary(summary_at, summary)


def _summary(at: Optional[int], names: frozenset[str]) -> Optional[tuple[int, frozenset[str]]]:
    return (at, names) if at is not None else None


def _after_contents(tagged: Callable[[int], Optional[Tagged]], at: int, stop: int) -> int:
    """The first line after a table of contents' entries (a title or prose ends them)."""
    while at < stop:
        line = tagged(at)
        if line is None or line.kind == PROSE or (line.kind == PIECE and title_of(line.text)):
            return at
        at += 1
    return at


def _run_at(tagged: Callable[[int], Optional[Tagged]], at: int, stop: int,
            cited: frozenset[str] = frozenset()) -> Optional[Run]:
    """The title run that opens on line `at`. A first line that reads as an organ's name, or that
    opens like no title, opens a title of several lines only as the plan the 印发 sentence cites
    (临江市加快推进数字化全面赋能经济社会 / 高质量发展实施方案; 构建…处置机制 / 优化提升营商环境工作方案)."""
    pieces: list[str] = []
    named = tagged(at) is not None and tagged(at).kind == ORGANS  # its first line reads as a name
    first = tagged(at).key.text if tagged(at) is not None else ""
    quoted = any(name.startswith(first) for name in cited)  # the 印发 sentence's name opens so
    for end in range(at, min(stop, at + RUN_MAX)):
        line = tagged(end)
        if line is None or (line.kind != PIECE and not (named and end == at)):
            return None
        if end == at + 1 and not OPENER_RE.match(first) and not quoted:
            return None  # a title on several lines opens like one, or as the plan's cited name
        pieces.append(line.text.strip())
        title = title_of("".join(pieces), cited)
        strict = named or (end > at and not OPENER_RE.match(first))
        if title is not None and (not strict or end > at and key_of(title).text in cited):
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
        if any(piece is None or piece.kind != PIECE for piece in lines) or title_of(lines[0].text) is not None:
            break  # (a title of its own above is the page's copy, not the title's first line)
        title = title_of("".join(piece.text.strip() for piece in lines))
        if title is not None and OPENER_RE.match(lines[0].key.text):
            best = Run(first, at + 1, title)
    return best
