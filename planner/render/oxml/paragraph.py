"""Paragraphs and paragraph properties (w:p, w:pPr): spacing, indents, borders, tab stops."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from planner.render.oxml.markup import PT, attr, empty, toggle

# CT_PBdr's order of sides.
BORDER_SIDES = ("top", "left", "bottom", "right", "between", "bar")


@dataclass(frozen=True)
class Spacing:
    """Space before and after (twips, or hundredths of a line) and the line height (twips)
    with its rule (exact, atLeast, auto: for auto, 240 is one line)."""

    before: Optional[int] = None
    before_lines: Optional[int] = None
    after: Optional[int] = None
    after_lines: Optional[int] = None
    line: Optional[int] = None
    line_rule: Optional[str] = None


@dataclass(frozen=True)
class Indent:
    """Indents in characters of `char_twips` width: written both in twips and in hundredths
    of a character (Word uses the *Chars values, LibreOffice the twips)."""

    left_chars: Optional[float] = None
    right_chars: Optional[float] = None
    first_chars: Optional[float] = None
    hanging_chars: Optional[float] = None
    char_twips: int = 16 * PT


@dataclass(frozen=True)
class Border:
    """One paragraph border line; width in eighths of a point (0.35 mm ≈ 8), space in points."""

    side: str
    size_eighths: int
    color: str = "000000"
    space: int = 1


@dataclass(frozen=True)
class ParagraphFormat:
    """Paragraph formatting, each field one pPr element; None leaves it to the style."""

    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    widow_control: Optional[bool] = None
    borders: tuple[Border, ...] = ()
    right_tabs: tuple[int, ...] = ()  # right-aligned tab stops, twips from the left indent
    overflow_punct: Optional[bool] = None
    auto_space: Optional[bool] = None  # extra space between CJK and Latin text or digits
    snap_to_grid: Optional[bool] = None
    spacing: Optional[Spacing] = None
    indent: Optional[Indent] = None
    jc: Optional[str] = None
    outline: Optional[int] = None  # 0 = level 1 in the navigation pane
    section: str = ""  # a sectPr (page.section) ending its section with this paragraph


def paragraph(style: Optional[str], runs: Iterable[str] = (), form: Optional[ParagraphFormat] = None) -> str:
    """A paragraph of `style` holding `runs` (run XML); `form` adds direct formatting."""
    props = _style_ref(style) if style else ""
    if form is not None:
        props += properties(form)
    return f"<w:p><w:pPr>{props}</w:pPr>{''.join(runs)}</w:p>"


@lru_cache(maxsize=64)
def _style_ref(style: str) -> str:
    return f"<w:pStyle w:val={attr(style)}/>"


@lru_cache(maxsize=256)
def properties(form: ParagraphFormat) -> str:
    """The pPr children in the schema's order (CT_PPrBase), without the pPr element."""
    parts = [toggle("keepNext", form.keep_next or None), toggle("keepLines", form.keep_lines or None),
             toggle("pageBreakBefore", form.page_break_before or None),
             toggle("widowControl", form.widow_control)]
    if form.borders:
        parts.append(f"<w:pBdr>{''.join(_border(b) for b in sorted(form.borders, key=_side_rank))}</w:pBdr>")
    if form.right_tabs:
        parts.append(f"<w:tabs>{''.join(empty('tab', val='right', pos=pos) for pos in form.right_tabs)}</w:tabs>")
    parts += [toggle("overflowPunct", form.overflow_punct), toggle("autoSpaceDE", form.auto_space),
              toggle("autoSpaceDN", form.auto_space), toggle("snapToGrid", form.snap_to_grid)]
    if form.spacing is not None:
        s = form.spacing
        parts.append(empty("spacing", before=s.before, before_lines=s.before_lines, after=s.after,
                           after_lines=s.after_lines, line=s.line, line_rule=s.line_rule))
    if form.indent is not None:
        parts.append(indent(form.indent))
    if form.jc:
        parts.append(empty("jc", val=form.jc))
    if form.outline is not None:
        parts.append(empty("outlineLvl", val=form.outline))
    parts.append(form.section)
    return "".join(parts)


def indent(ind: Indent) -> str:
    width = ind.char_twips
    attrs = []
    if ind.left_chars is not None:
        attrs.append(f'w:left="{round(ind.left_chars * width)}" w:leftChars="{round(ind.left_chars * 100)}"')
    if ind.right_chars is not None:
        attrs.append(f'w:right="{round(ind.right_chars * width)}" w:rightChars="{round(ind.right_chars * 100)}"')
    if ind.first_chars is not None:
        attrs.append(f'w:firstLine="{round(ind.first_chars * width)}" '
                     f'w:firstLineChars="{round(ind.first_chars * 100)}"')
    if ind.hanging_chars is not None:
        attrs.append(f'w:hanging="{round(ind.hanging_chars * width)}" '
                     f'w:hangingChars="{round(ind.hanging_chars * 100)}"')
    return f"<w:ind {' '.join(attrs)}/>" if attrs else ""


def _border(border: Border) -> str:
    return empty(border.side, val="single", sz=border.size_eighths, space=border.space, color=border.color)


def _side_rank(border: Border) -> int:
    return BORDER_SIDES.index(border.side)
