"""Measured checks of a laid-out document (check-format --render): the page as printed,
against the standard's table — lines a page and characters a line on the fullest body page
(5.2.3), body text on the first page (7.3.3), page numbers (7.5). The notice's parts and the
版记 are measured in measure_notice and measure_imprint.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Iterator, Optional

from planner.check.elements import PROPER_PAGE_NUMBER_RE, compact, is_page_number
from planner.check.findings import Finding
from planner.check.pdf import Line, Page
from planner.check.standard import POSITION_SLACK, STANDARD, pitch_mm, points_mm
from planner.textwidth import NO_LINE_START, text_width

SIZE_SLACK = 0.6  # points: a 三号 character measured at 15.4–16.6 pt is a 三号 character


@dataclass(frozen=True)
class Frame:
    """The 版心 of a page, in mm from its top-left corner (a landscape page's turned with it)."""

    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def of(cls, page: Page) -> "Frame":
        s = {side: STANDARD[f"margin_{side}"].amount for side in ("top", "right", "bottom", "left")}
        if page.landscape:  # the 订口 side becomes the top
            s = {"top": s["left"], "right": s["top"], "bottom": s["right"], "left": s["bottom"]}
        return cls(s["left"], s["top"], page.width - s["right"], page.height - s["bottom"])

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


def text_lines(page: Page) -> list[Line]:
    """The page's lines inside its 版心 (page numbers below it left out), top to bottom."""
    frame = Frame.of(page)
    return [line for line in page.lines if line.text.strip() and line.top < frame.bottom + 1
            and not (is_page_number(line.text) and line.top > frame.bottom - 2)]


def of_size(line: Line, points: float) -> bool:
    return abs(line.size - points) <= SIZE_SLACK


def body_lines(page: Page) -> list[Line]:
    """Lines of 3号 text inside the 版心."""
    return [line for line in text_lines(page) if of_size(line, STANDARD["body_size"].amount)]


def set_width(line: Line, char: float) -> float:
    """`line`'s width in characters `char` mm wide, as the document's own fonts set it. A line
    of Chinese only is measured as laid out. One with digits, Latin letters or spaces is read
    from its text (Chinese full width, the GB2312 fonts' ASCII half): the page is LibreOffice's,
    with substitute fonts whose digits are wider (Noto Serif CJK: 0.557 em) and a gap set between
    digits and Chinese that the document turns off (w:autoSpaceDN, which Word honours), so such
    a line is longer there than in Word — a date by over a character."""
    text = line.text.strip()
    if text.isascii() or all(not ch.isascii() for ch in text):
        return (line.x1 - line.x0) / char
    return text_width(text)


def measure_pages(pages: list[Page]) -> Iterator[Finding]:
    yield from inside_text_area(pages)
    yield from lines_per_page(pages)
    yield from chars_per_line(pages)
    yield from first_page(pages)
    yield from page_numbers(pages)


def inside_text_area(pages: list[Page]) -> Iterator[Finding]:
    """5.2.1: the text stays inside the 版心 (37 mm from the top, 28 mm from the left, 156 ×
    225 mm); one finding, for the first page that breaks it."""
    for page in pages:
        frame = Frame.of(page)
        for line in text_lines(page):
            off = {"上": frame.top - line.top, "下": line.bottom - frame.bottom,
                   "左": frame.left - line.x0, "右": line.x1 - frame.right}
            side, by = max(off.items(), key=lambda item: item[1])
            if by > POSITION_SLACK:
                yield Finding("F002", f"第 {page.number} 页（排版实测）",
                              f"文字超出版心{side}边 {by:.1f} 毫米（“{line.text.strip()[:8]}…”）；版心应为天头 "
                              f"{STANDARD['margin_top'].amount:g} 毫米、订口 {STANDARD['margin_left'].amount:g} 毫米、"
                              f"{STANDARD['text_width'].amount:g}×{STANDARD['text_height'].amount:g} 毫米")
                return


def lines_per_page(pages: list[Page]) -> Iterator[Finding]:
    """5.2.3: the fullest page of body text (one the text runs on from) holds 22 lines, one
    line pitch apart."""
    portrait = [page for page in pages if not page.landscape]
    # A page the text runs on from, filled to its foot (not one ended early by a page break).
    running = [page for page, after in zip(portrait, portrait[1:]) if body_lines(after) and text_lines(page)
               and text_lines(page)[-1].bottom > Frame.of(page).bottom - 1.5 * pitch_mm()]
    if not running:
        return
    fullest = max(running, key=_rows)
    count, wanted = _rows(fullest), STANDARD["lines_per_page"].amount
    steps = [b.bottom - a.bottom for a, b in zip(body_lines(fullest), body_lines(fullest)[1:])]
    pitch = statistics.median(steps) if steps else pitch_mm()
    if count != wanted or abs(pitch - pitch_mm()) > 0.3:
        yield Finding("F003", f"第 {fullest.number} 页（排版实测）",
                      f"正文最满的一页排 {count} 行、行距 {pitch / points_mm(1):.2f} 磅；应为 {wanted:g} 行、"
                      f"行距 {STANDARD['line_pitch'].amount:g} 磅")


def _rows(page: Page) -> int:
    """Grid lines the page's text takes from its first line to its last: a line each, and the
    empty lines between (a title's 空一行) by the distance to the next line."""
    lines = text_lines(page)
    steps = [b.bottom - a.bottom for a, b in zip(lines, lines[1:])]
    return (1 if lines else 0) + sum(max(1, round(step / pitch_mm())) for step in steps)


def chars_per_line(pages: list[Page]) -> Iterator[Finding]:
    """5.2.3: a full line of 3号 Chinese text holds 28 characters. A line that gave its last
    character to the next so that the next does not open with a mark (…建 / 设，根据…: a 、，。》
    never starts a line) is spread to the full width with one character fewer: not counted."""
    full = []
    for page in pages:
        frame = Frame.of(page)
        lines = body_lines(page)
        for line, following in zip(lines, lines[1:] + [None]):
            text = compact(line.text)
            if not page.landscape and line.x0 < frame.left + 1 and line.x1 > frame.right - 6 \
                    and all(ord(ch) > 0x2E80 for ch in text) and not _gave_way(following):
                full.append((text_width(text), page.number))
    if not full:
        return
    most, number = max(full)
    wanted = STANDARD["chars_per_line"].amount
    if round(most) != wanted:
        yield Finding("F011", f"第 {number} 页（排版实测）", f"满行排 {most:g} 字；应为 {wanted:g} 字")


def _gave_way(following: Optional[Line]) -> bool:
    """The next line opens with a character and then a mark that may not open a line."""
    text = compact(following.text) if following is not None else ""
    return len(text) > 1 and text[1] in NO_LINE_START


def first_page(pages: list[Page]) -> Iterator[Finding]:
    """7.3.3 公文首页必须显示正文: page 1 carries 3号 text after its title. (A table standing
    alone — a landscape 分工表 or 对照表 — has no 正文 to show.)"""
    if not pages or pages[0].landscape or not any(body_lines(page) for page in pages):
        return
    lines = text_lines(pages[0])
    title = [at for at, line in enumerate(lines) if line.size > STANDARD["body_size"].amount + 3]
    after = lines[title[-1] + 1:] if title else lines  # a text with no title line: all of page 1
    if not [line for line in after if of_size(line, STANDARD["body_size"].amount)]:
        yield Finding("F020", "第 1 页（排版实测）", "首页没有正文；请调整版面，使首页显示正文")


def page_numbers(pages: list[Page]) -> Iterator[Finding]:
    """7.5: `— N —` in 4号, odd pages 右空一字, even pages 左空一字, the 一字线 (the middle
    of the characters) 7 mm below the 版心."""
    char = points_mm(STANDARD["page_number_size"].amount) * STANDARD["page_number_side_indent"].amount
    below = STANDARD["page_number_below_text"]
    reported = set()
    for page in pages:
        frame = Frame.of(page)
        numbers = [line for line in page.lines if is_page_number(line.text) and line.top > frame.bottom - 2]
        for line in numbers[:1]:
            yield from _page_number(page, frame, line, char, below, reported)


def _page_number(page: Page, frame: Frame, line: Line, char: float, below, reported: set) -> Iterator[Finding]:
    where = f"第 {page.number} 页页码（排版实测）"
    if not PROPER_PAGE_NUMBER_RE.match(compact(line.text)) and "form" not in reported:
        reported.add("form")
        yield Finding("F010", where, f"页码两侧应为一字线“—”（实际：“{line.text.strip()}”）")
    odd = page.number % 2 == 1
    seen = frame.right - line.x1 if odd else line.x0 - frame.left
    if abs(seen - char) > POSITION_SLACK and ("side", odd) not in reported:
        reported.add(("side", odd))
        yield Finding("F010", where, f"{'单页页码应居右空一字' if odd else '双页页码应居左空一字'}"
                                     f"（实际距版心{'右' if odd else '左'}边 {seen:.1f} 毫米，应为 {char:.1f} 毫米）")
    gap = line.middle - frame.bottom
    if abs(gap - below.amount) > below.tolerance and "gap" not in reported:
        reported.add("gap")
        yield Finding("F010", where, f"一字线距版心下边缘 {gap:.1f} 毫米；应为 {below.amount:g} 毫米")
