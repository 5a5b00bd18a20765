"""The page of a 公文 DOCX (GB/T 9704-2012): paper, margins and line grid from the standard's
table (planner.check.standard), and the odd/even page-number footers."""
from __future__ import annotations

from planner.check.standard import STANDARD, length_twips, margins_twips
from planner.render.oxml.markup import twips
from planner.render.oxml.paragraph import Indent, ParagraphFormat, paragraph
from planner.render.oxml.section import PageSetup, footer_part, section
from planner.render.oxml.text import page_field, run

PAGE_WIDTH, PAGE_HEIGHT = length_twips("paper_width"), length_twips("paper_height")
MARGINS = margins_twips()
LANDSCAPE_MARGINS = margins_twips(landscape=True)
TEXT_WIDTH = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]  # 156 mm
TEXT_HEIGHT = PAGE_HEIGHT - MARGINS["top"] - MARGINS["bottom"]  # 225 mm
LANDSCAPE_WIDTH = PAGE_HEIGHT - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]
LINE_PITCH = length_twips("line_pitch")  # 28.95 pt: 22 lines fill the 225 mm 版心
HEADER_DISTANCE = twips(15)
# 7.5 一字线上距版心下边缘7mm: the 一字线, drawn across the middle of a 4号 character box,
# 7 mm below the 版心 — 35 − 7 = 28 mm above the page edge (README: 规范说明). The footer is
# one exact line as high as a 4号 character; LibreOffice sets the character box about 1 mm
# above such a line (measured), so the line's foot is 28 − 1 − 4.94 / 2 ≈ 24.5 mm up.
CHARACTER_RAISE = 1.0
NUMBER_MIDDLE = STANDARD["margin_bottom"].amount - STANDARD["page_number_below_text"].amount
FOOTER_DISTANCE = twips(NUMBER_MIDDLE - CHARACTER_RAISE - STANDARD["page_number_size"].amount * 25.4 / 72 / 2)
SMALL_CHAR = 14 * 20  # one 4号 character
FOOTER_STYLE = "Footer"
# Relationship ids the package gives the footers (package.assemble writes them); the 版记页
# has an empty footer on both its sides (BLANK_FOOTER_ID).
FOOTER_IDS = {"default": "rId1", "even": "rId2"}
BLANK_FOOTER_ID = "rId5"


def page_setup(landscape: bool = False) -> PageSetup:
    margins = LANDSCAPE_MARGINS if landscape else MARGINS
    width, height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    return PageSetup(width, height, margins["top"], margins["right"], margins["bottom"], margins["left"],
                     HEADER_DISTANCE, FOOTER_DISTANCE, LINE_PITCH, landscape)


def section_properties(landscape: bool = False) -> str:
    """sectPr: A4, the 公文 margins, odd/even page-number footers, a 22-line grid. A
    landscape section (an 附件 table) starts on a new page."""
    return section(page_setup(landscape), FOOTER_IDS)


def section_break(landscape: bool = False) -> str:
    """An empty paragraph that ends a section: the portrait text before a landscape
    attachment, or the attachment before the 版记页."""
    return paragraph(None, (), ParagraphFormat(section=section_properties(landscape)))


def imprint_section() -> str:
    """sectPr of the 版记页 (GB/T 9704 7.4.1, 7.5): portrait, starting on an even page — the
    版记 belongs on the last side of the document, so a blank page comes before it when the
    text ends on an even page — and without page numbers (7.5: 空白页和版记页均不编排页码)."""
    return section(page_setup(), dict.fromkeys(FOOTER_IDS, BLANK_FOOTER_ID), start="evenPage")


def blank_footer_xml() -> str:
    return footer_part(paragraph(FOOTER_STYLE))


def footer_xml(odd: bool) -> str:
    """`— 1 —` in 4号宋体: odd pages right, even pages left, one character in (an
    indent, never spaces: GB/T 9704 7.5)."""
    if odd:
        form = ParagraphFormat(indent=Indent(right_chars=1, char_twips=SMALL_CHAR), jc="right")
    else:
        form = ParagraphFormat(indent=Indent(left_chars=1, char_twips=SMALL_CHAR), jc="left")
    return footer_part(paragraph(FOOTER_STYLE, [run("— "), page_field(), run(" —")], form))
