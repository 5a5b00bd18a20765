"""LibreOffice (soffice) as planner runs it: one headless run over many documents, a private
profile, planner's font aliases, and a copy of each DOCX that LibreOffice lays out as Word does.

Both `planner preview` (render.preview) and the measured format check (check.rendered) lay
documents out through here, so what a user previews is what the check measures.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Optional

from planner.errors import PlannerError, UserError

INSTALL_HINT = ("请安装 LibreOffice：Debian/Ubuntu 执行 sudo apt-get install libreoffice-writer-nogui "
                "fonts-noto-cjk fonts-arphic-ukai poppler-utils；Windows/macOS 从 libreoffice.org 下载")
CONVERT_TIMEOUT = 300
# PDF export keeps the blank pages the layout inserts (a section that starts on an even page
# after an even page: the blank page before a 版记页), as Word prints them. LibreOffice skips
# them by default.
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
# 例：<w:overflowPunct w:val="0"/>
OVERFLOW_PUNCT_RE = re.compile(rb'(<w:overflowPunct w:val=")([01]|true|false)(")')
SWAPPED = {b"0": b"1", b"false": b"1", b"1": b"0", b"true": b"0"}


class ToolMissing(UserError):
    """A program preview needs is not installed."""


class ConversionError(PlannerError):
    """LibreOffice or poppler ran but produced nothing usable."""


def soffice() -> Optional[str]:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def program() -> str:
    """soffice's path, or ToolMissing naming the packages to install."""
    found = soffice()
    if found is None:
        raise ToolMissing("找不到 LibreOffice（soffice），无法排版为 PDF", hint=INSTALL_HINT)
    return found


def fontconfig_env() -> dict[str, str]:
    """The environment LibreOffice runs in: our alias file maps 公文 font names to the
    free fonts a Linux machine has, when the licensed ones are not installed."""
    from planner.resources import templates_dir

    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(templates_dir() / "fonts.conf")
    return env


def for_libreoffice(docx: Path, folder: Path, name: Optional[str] = None) -> Path:
    """A copy of `docx` (in `folder`, as `name`) that LibreOffice lays out as Word does.
    LibreOffice's DOCX import reads w:overflowPunct the other way round (writerfilter
    DomainMapper: hanging punctuation = `val == 0`), so a document that forbids punctuation
    hanging into the margin — as planner's do — would show it hanging. The copy swaps the value."""
    from planner.parse.package import DOCUMENT, open_zip, parse_part, read_part

    copy = folder / (name or docx.name)
    # A damaged DOCX is refused here, in one line (SourceError), before LibreOffice sees it:
    # LibreOffice would only say that it made no PDF.
    is_docx = docx.suffix.lower() == ".docx"
    with open_zip(docx, DOCUMENT if is_docx else None) as source:
        if is_docx:
            parse_part(source, DOCUMENT, docx)
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = read_part(source, info.filename, docx)
                if info.filename in ("word/styles.xml", "word/document.xml"):
                    data = OVERFLOW_PUNCT_RE.sub(lambda m: m.group(1) + SWAPPED[m.group(2)] + m.group(3), data)
                target.writestr(info, data)
    return copy


def convert(sources: list[Path], target: str, out_dir: Path, timeout: int = CONVERT_TIMEOUT) -> bool:
    """One LibreOffice run converting `sources` to `target` (pdf, txt:Text…) into `out_dir`,
    with a private profile (parallel runs do not lock each other). False when it ran out of
    time; what it wrote is in `out_dir`."""
    found = program()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planner-lo-") as profile:
        command = [found, f"-env:UserInstallation=file://{profile}/user", "--headless", "--norestore",
                   "--convert-to", PDF_FILTER if target == "pdf" else target, "--outdir", str(out_dir),
                   *map(str, sources)]
        try:
            subprocess.run(command, env=fontconfig_env(), capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return False
    return True


def docx_pdfs(docs: list[Path], out_dir: Path) -> dict[Path, Optional[Path]]:
    """Each DOCX laid out as PDF in `out_dir`, all in one LibreOffice run (copies laid out as
    Word does: for_libreoffice). A document LibreOffice could not lay out maps to None."""
    program()  # refuse before copying anything
    with tempfile.TemporaryDirectory(prefix="planner-lo-copy-") as work:
        # Numbered copies: two inputs with the same name never write the same PDF.
        copies = [for_libreoffice(doc, Path(work), f"{index}-{doc.stem}.docx") for index, doc in enumerate(docs)]
        if not convert(copies, "pdf", out_dir):
            raise ConversionError(f"LibreOffice 转换超时（{CONVERT_TIMEOUT} 秒）", path=str(docs[0]))
    pdfs = {}
    for copy, doc in zip(copies, docs):
        pdf = out_dir / (copy.stem + ".pdf")
        pdfs[doc] = pdf if pdf.is_file() else None
    return pdfs
