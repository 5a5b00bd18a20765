"""Read a DOCX back and measure it against GB/T 9704-2012 (`planner check-format`, lint's F
group). The expected numbers come from the standard's table (check.standard), never from the
constants a writer used; nothing here imports planner.render.

standard    the standard's numbers, clause beside each value
parts       the DOCX's XML parts
styles      style chains and resolved properties
page        paper, margins, grid, page numbers
fonts       theme fonts, four font slots, font categories
paragraphs  each paragraph's role, font, size, indent and forms
spacing     each text paragraph's line spacing through the style chain
elements    the parts of a 公文 recognised by content and place (主送, 署名, 版记 …)
findings    Finding and the F codes, each with its clause
document    check_docx: all of the above for one file

Measuring the laid-out page (check-format --render): LibreOffice lays the DOCX out as PDF
(planner.office, the path preview takes) and these read and measure it:

pdf             the PDF's characters and rules (pdfminer.six: the `measure` extra)
measure         lines a page, characters a line, first page, page numbers
measure_notice  版头, titles, 主送, 署名 and 成文日期, 附注
measure_imprint 版记
rendered        measure_docx: lay out many DOCX in one LibreOffice run and measure each
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.check.findings import Finding


def check_docx(path: str | os.PathLike) -> list["Finding"]:
    """Every format finding for the DOCX at `path` (SourceError when it cannot be read)."""
    from planner.check.document import check_docx as check

    return check(path)


__all__ = ["check_docx"]
