"""The page of a 公文 DOCX (GB/T 9704-2012): paper, margins and line grid from the standard's
table (planner.check.standard), and the odd/even page-number footers."""
from __future__ import annotations

from planner.check.standard import length_twips, margins_twips
from planner.render.oxml.markup import twips
from planner.render.oxml.paragraph import Indent, ParagraphFormat, paragraph
from planner.render.oxml.section import PageSetup, footer_part, section
from planner.render.oxml.text import page_field, run

PAGE_WIDTH, PAGE_HEIGHT = length_twips("paper_width"), length_twips("paper_height")
MARGINS = margins_twips()
LANDSCAPE_MARGINS = margins_twips(landscape=True)
TEXT_WIDTH = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]  # 156 mm
LANDSCAPE_WIDTH = PAGE_HEIGHT - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]
LINE_PITCH = length_twips("line_pitch")  # 28.95 pt: 22 lines fill the 225 mm 版心
HEADER_DISTANCE = twips(15)
# Footer text baseline block: its top sits 7 mm below the 版心 (35 mm − 7 mm = 28 mm
# above the page edge); a 4号 line is about 5 mm, so the footer starts 23 mm up.
FOOTER_DISTANCE = twips(23)
SMALL_CHAR = 14 * 20  # one 4号 character
FOOTER_STYLE = "Footer"
# Relationship ids the package gives the footers (package.assemble writes them).
FOOTER_IDS = {"default": "rId1", "even": "rId2"}


def page_setup(landscape: bool = False) -> PageSetup:
    margins = LANDSCAPE_MARGINS if landscape else MARGINS
    width, height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    return PageSetup(width, height, margins["top"], margins["right"], margins["bottom"], margins["left"],
                     HEADER_DISTANCE, FOOTER_DISTANCE, LINE_PITCH, landscape)


def section_properties(landscape: bool = False) -> str:
    """sectPr: A4, the 公文 margins, odd/even page-number footers, a 22-line grid. A
    landscape section (an 附件 table) starts on a new page."""
    return section(page_setup(landscape), FOOTER_IDS)


def section_break() -> str:
    """An empty paragraph that ends the portrait section before a landscape attachment."""
    return paragraph(None, (), ParagraphFormat(section=section_properties()))


def footer_xml(odd: bool) -> str:
    """`— 1 —` in 4号宋体: odd pages right, even pages left, one character in (an
    indent, never spaces: GB/T 9704 7.5)."""
    if odd:
        form = ParagraphFormat(indent=Indent(right_chars=1, char_twips=SMALL_CHAR), jc="right")
    else:
        form = ParagraphFormat(indent=Indent(left_chars=1, char_twips=SMALL_CHAR), jc="left")
    return footer_part(paragraph(FOOTER_STYLE, [run("— "), page_field(), run(" —")], form))
