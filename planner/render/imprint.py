"""版记 (GB/T 9704-2012 7.4): 抄送 and 印发 lines between rules as wide as the 版心, on the
document's last page, its last rule on the 版心 bottom.

A DOCX cannot know on which page its text will end, nor whether that page is odd, so the
版记 gets a page of its own: a portrait section that starts on an even page (Word, WPS and
LibreOffice add the blank page before it when the text ends on an even page), without page
numbers (7.5: 空白页和版记页均不编排页码). On that page a text box as tall as the 版心 holds
the 版记 at its foot: complete however many lines the 抄送 takes. A 版记 longer than a page
(a very long 抄送 list) flows instead, from the top of its page onto the next.
"""
from __future__ import annotations

import math

from planner.blocks import Block
from planner.render import styles as st
from planner.render.oxml.drawing import anchored_box
from planner.render.oxml.paragraph import Indent, ParagraphFormat, Spacing, paragraph
from planner.render.oxml.table import NO_MARGINS, table, table_row
from planner.render.oxml.text import run
from planner.render.page import LINE_PITCH, MARGINS, SMALL_CHAR, TEXT_HEIGHT, TEXT_WIDTH, section_break

RULE_THICK, RULE_THIN = 8, 6  # eighths of a point: 0.35 mm and 0.25 mm (GB/T 9704 7.4.1)
RULES = {"top": RULE_THICK, "insideH": RULE_THIN, "bottom": RULE_THICK}
SIDE_CHARS = 1  # 左右各空一字 (7.4.2, 7.4.3)
# The 印发日期 cell: `2024年12月31日印发` is 9 characters wide (digits a little wider than
# half a character in most fonts), then 右空一字.
DATE_CELL = 12 * SMALL_CHAR
DATE_FORM = ParagraphFormat(indent=Indent(left_chars=0, right_chars=SIDE_CHARS, char_twips=SMALL_CHAR), jc="right")
# More lines than this and the 版记 flows instead of standing in the box (22 lines a page).
BOX_LINES = round(TEXT_HEIGHT / LINE_PITCH) - 2
# The box's content ends with this paragraph (a text box ends with a paragraph): 1 pt high.
FOOT = paragraph(st.IMPRINT, (), ParagraphFormat(spacing=Spacing(before=0, after=0, line=20, line_rule="exact")))


def imprint_page(blocks: list[Block], after_landscape: bool) -> str:
    """XML that ends the section before it (the text, or a landscape 附件) and lays out the
    版记 (`cc` and `imprint` blocks); package.assemble(imprint_page=True) writes the 版记页's
    section properties after it."""
    end = section_break(landscape=after_landscape)
    ruled = imprint_table(blocks)
    if predicted_lines(blocks) > BOX_LINES:
        return end + ruled + paragraph(st.IMPRINT)
    box = anchored_box(ruled + FOOT, TEXT_WIDTH, TEXT_HEIGHT, "版记", "wrapNone", at=(MARGINS["left"], MARGINS["top"]))
    return end + paragraph(st.IMPRINT, [box])


def imprint_table(blocks: list[Block]) -> str:
    """One row a block, ruled above, between and below; the 印发 row in two cells, the
    印发机关 left and the 印发日期 right (no tab or spaces between them)."""
    widths = [TEXT_WIDTH - DATE_CELL, DATE_CELL]
    rows = []
    for block in blocks:
        if block.kind == "imprint" and "　　" in block.text:
            printer, date = (part.strip("　") for part in block.text.split("　　", 1))
            cells = [paragraph(st.IMPRINT, [run(printer)]),
                     paragraph(st.IMPRINT, [run(date)], DATE_FORM)]
            rows.append(table_row(cells, widths))
        else:
            rows.append(table_row([_line(block)], widths, spans=[2]))
    return table(widths, rows, rules=RULES, margins=NO_MARGINS)


def _line(block: Block) -> str:
    """A 版记 line; the 抄送 continuation lines hang under the first organisation (7.4.2:
    回行时与冒号后的首字对齐)."""
    label = _label(block.text)
    if not label:
        return paragraph(st.IMPRINT, [run(block.text)])
    hang = _width(label)
    form = ParagraphFormat(indent=Indent(left_chars=SIDE_CHARS + hang, right_chars=SIDE_CHARS,
                                         hanging_chars=hang, char_twips=SMALL_CHAR))
    return paragraph(st.IMPRINT, [run(block.text)], form)


def _label(text: str) -> str:
    """`抄送：` of `抄送：区委各部门，…。`."""
    at = text.find("：")
    return text[:at + 1] if 0 < at <= 6 else ""


def predicted_lines(blocks: list[Block]) -> int:
    """Lines the 版记 takes at 4号: the 抄送 list wrapped in the width left after the
    label and the side spaces, plus one a line for the rest."""
    per_line = math.floor(TEXT_WIDTH / SMALL_CHAR) - 2 * SIDE_CHARS
    lines = 0
    for block in blocks:
        label = _label(block.text)
        rest = _width(block.text) - _width(label)
        lines += max(1, math.ceil(rest / (per_line - _width(label))))
    return lines


def _width(text: str) -> float:
    """Width in characters: full-width 1, half-width 0.5."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)
