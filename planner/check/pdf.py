"""A laid-out PDF read back for measuring: each page's size, its text lines (characters with
their boxes, sizes and colours) and its rules (horizontal strokes and thin filled bars, with
their weight and colour). Lengths are millimetres from the page's top-left corner.

Read with pdfminer.six (an optional dependency: `pip install 'planner[measure]'`): poppler's
pdftotext gives word boxes but no character colours, and no vector graphics at all, and the
版头's red rule and the 版记's 0.35/0.25 mm rules are vector graphics.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from planner.errors import UserError

MM_PER_PT = 25.4 / 72
LINE_SLACK = 1.2  # mm: characters whose baselines are this close share a line
MAX_RULE_WEIGHT = 2.0  # mm: a filled bar thinner than this is a rule, not a box
MEASURE_HINT = "请执行 pip install 'planner[measure]'（安装 pdfminer.six）"


class MeasureUnavailable(UserError):
    """The PDF reader measuring needs is not installed."""


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # points
    color: tuple[float, ...]


@dataclass
class Line:
    """Characters on one baseline, left to right. `top` and `bottom` are the character
    boxes' (the em boxes: a CJK character fills its box)."""

    page: int
    chars: list[Char] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(ch.text for ch in self.chars)

    @property
    def x0(self) -> float:
        return min(ch.x0 for ch in self.chars)

    @property
    def x1(self) -> float:
        return max(ch.x1 for ch in self.chars)

    @property
    def top(self) -> float:
        return min(ch.top for ch in self.chars)

    @property
    def bottom(self) -> float:
        return max(ch.bottom for ch in self.chars)

    @property
    def size(self) -> float:
        """The commonest character size, in points."""
        sizes = [round(ch.size, 1) for ch in self.chars if ch.text.strip()]
        return max(set(sizes), key=sizes.count) if sizes else 0.0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Rule:
    """A horizontal line: from x0 to x1 at y, `weight` mm thick."""

    page: int
    x0: float
    x1: float
    y: float
    weight: float
    color: tuple[float, ...]


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    rules: list[Rule]

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def unavailable(error: ImportError) -> MeasureUnavailable:
    missing = getattr(error, "name", "") or ""
    what = "没有安装 pdfminer.six" if missing.startswith("pdfminer") else f"无法载入 pdfminer.six（{error}）"
    return MeasureUnavailable(f"{what}，无法测量排版后的页面", hint=MEASURE_HINT)


def read_pdf(path: Path) -> list[Page]:
    """Every page of the PDF at `path`, measured."""
    try:
        from pdfminer.high_level import extract_pages
    except ImportError as error:
        raise unavailable(error) from None
    pages = []
    for number, layout in enumerate(extract_pages(str(path), laparams=None), 1):
        width, height = layout.width * MM_PER_PT, layout.height * MM_PER_PT
        chars, rules = [], []
        for item in _walk(layout):
            if hasattr(item, "fontname"):
                chars.append(_char(item, height))
            elif hasattr(item, "linewidth"):
                rules.extend(_rules(item, number, height))
        pages.append(Page(number, width, height, _lines(chars, number), rules))
    return pages


def _walk(container) -> Iterator[object]:
    for item in container:
        if hasattr(item, "_objs") and not hasattr(item, "fontname"):
            yield from _walk(item)
        else:
            yield item


def _char(item, page_height: float) -> Char:
    color = item.graphicstate.ncolor
    color = tuple(color) if isinstance(color, (list, tuple)) else (color,) if color is not None else (0,)
    return Char(item.get_text(), item.x0 * MM_PER_PT, page_height - item.y1 * MM_PER_PT,
                item.x1 * MM_PER_PT, page_height - item.y0 * MM_PER_PT, item.size, color)


def _rules(item, number: int, page_height: float) -> Iterator[Rule]:
    """A stroked horizontal line, or a filled bar thin enough to be one."""
    x0, y0, x1, y1 = (value * MM_PER_PT for value in item.bbox)
    if item.stroke and y1 - y0 < 0.05 and x1 - x0 > 1:
        color = item.stroking_color
        yield Rule(number, x0, x1, page_height - (y0 + y1) / 2, item.linewidth * MM_PER_PT, _color(color))
    elif item.fill and 0 < y1 - y0 < MAX_RULE_WEIGHT and x1 - x0 > 10:
        yield Rule(number, x0, x1, page_height - (y0 + y1) / 2, y1 - y0, _color(item.non_stroking_color))


def _color(value) -> tuple[float, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(float(v) for v in value)
    return (float(value),) if isinstance(value, (int, float)) else (0.0,)


def _lines(chars: list[Char], number: int) -> list[Line]:
    """Characters grouped by baseline (their boxes' bottoms), each line left to right."""
    lines: list[Line] = []
    for ch in sorted(chars, key=lambda c: (round(c.bottom, 1), c.x0)):
        if lines and abs(lines[-1].chars[-1].bottom - ch.bottom) < LINE_SLACK:
            lines[-1].chars.append(ch)
        else:
            lines.append(Line(number, [ch]))
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
    return lines
