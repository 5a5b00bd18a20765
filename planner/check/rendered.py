"""`planner check-format --render`: DOCX laid out by LibreOffice (planner.office, the path
`planner preview` takes: one run for all files) and the PDF measured (check.pdf, check.measure*).

The DOCX's own settings are checked by check.document; this adds what only the laid-out page
shows: where each part lands, how many lines a page holds, whether the 版记 is all there.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Union

from planner.check.elements import is_cc, is_printed
from planner.check.findings import Finding
from planner.check.measure import measure_pages
from planner.check.measure_imprint import measure_imprint
from planner.check.measure_notice import measure_notice
from planner.check.parts import Package
from planner.check.pdf import Page, read_pdf
from planner.check.styles import paragraph_text
from planner.errors import PlannerError

Outcome = Union[list[Finding], PlannerError]


def measure_docx(paths: list[Path]) -> dict[Path, Outcome]:
    """Each DOCX laid out and measured: its findings, or the error that kept it from being
    measured. Raises ToolMissing (no LibreOffice) or MeasureUnavailable (no PDF reader)
    before laying anything out."""
    from planner.check.pdf import unavailable
    from planner.office import ConversionError, docx_pdfs, program

    program()
    try:
        import pdfminer.high_level  # noqa: F401
    except ImportError as error:
        raise unavailable(error) from None
    out: dict[Path, Outcome] = {}
    with tempfile.TemporaryDirectory(prefix="planner-measure-") as work:
        pdfs = docx_pdfs(list(paths), Path(work))
        for path, pdf in pdfs.items():
            if pdf is None:
                out[path] = ConversionError("LibreOffice 无法排版此文件", path=str(path),
                                            hint="请确认文件能在 Word/WPS 中打开")
                continue
            out[path] = measure_pdf(read_pdf(pdf), imprint_lines(Package.open(path)))
    return out


def measure_pdf(pages: list[Page], imprint_texts: list[str]) -> list[Finding]:
    """Every measured finding of a laid-out document; `imprint_texts` are the DOCX's 版记
    lines, which must all show."""
    findings = list(measure_pages(pages))
    findings += measure_notice(pages)
    findings += measure_imprint(pages, imprint_texts)
    return findings


def imprint_lines(package: Package) -> list[str]:
    """The DOCX's 版记 paragraphs (抄送, 印发), by content."""
    texts = [paragraph_text(paragraph) for paragraph in package.body_paragraphs()]
    return [text for text in texts if is_cc(text) or is_printed(text)]
