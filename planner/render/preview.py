"""DOCX → PDF and PNG pages through LibreOffice (planner.office) and poppler (pdftoppm)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

# The LibreOffice runner lives in planner.office; these names stay importable from here.
from planner.office import (CONVERT_TIMEOUT, INSTALL_HINT, ConversionError, ToolMissing, convert,  # noqa: F401
                            docx_pdfs, fontconfig_env, for_libreoffice, soffice)


@dataclass
class Preview:
    pdf: Path
    pages: list[Path] = field(default_factory=list)
    substituted: dict[str, str] = field(default_factory=dict)  # font asked → font used


def docx_to_pdf(docx: Path, out_dir: Path, inputs: Iterable[Path] = ()) -> Path:
    """The DOCX laid out by LibreOffice as `out_dir`/<name>.pdf (planner.office)."""
    from planner.output import write_atomic

    with tempfile.TemporaryDirectory(prefix="planner-lo-pdf-") as work:
        pdf = _laid_out(docx, Path(work))
        return write_atomic(out_dir / f"{docx.stem}.pdf", pdf.read_bytes(), inputs=[docx, *inputs])


def _laid_out(docx: Path, work: Path) -> Path:
    pdf = docx_pdfs([docx], work)[docx]
    if pdf is None:
        raise ConversionError("LibreOffice 没有生成 PDF", path=str(docx),
                              hint="请确认文件能在 Word/WPS 中打开；可加 --debug 查看详情")
    return pdf


def pdf_to_png(pdf: Path, out_dir: Path, dpi: int = 80) -> list[Path]:
    """One PNG per page, `out_dir`/<name>-<page>.png (pdftoppm writes them there itself)."""
    if shutil.which("pdftoppm") is None:
        raise ToolMissing("找不到 pdftoppm，无法生成 PNG 页面", hint="请安装 poppler-utils")
    prefix = out_dir / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], capture_output=True,
                   timeout=CONVERT_TIMEOUT, check=False)
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"))


def substitutions() -> dict[str, str]:
    """Which free font each 公文 font name resolves to on this machine (fc-match)."""
    from planner.render.profile import load_profile

    if shutil.which("fc-match") is None:
        return {}
    wanted = dict.fromkeys(load_profile().fonts.model_dump(exclude_none=True).values())
    used = {}
    env = fontconfig_env()
    for name in wanted:
        result = subprocess.run(["fc-match", "-f", "%{family[0]}", name], capture_output=True, text=True,
                                env=env, timeout=30, check=False)
        if result.stdout and result.stdout != name:
            used[name] = result.stdout
    return used


def preview_docx(docx: Path, out_dir: Path, dpi: int = 80, inputs: Iterable[Path] = ()) -> Preview:
    """PDF and PNG pages of `docx` in `out_dir`, and the fonts LibreOffice substituted. Both are
    made in a temporary directory and then written like any output (planner.output): a page
    never lands on an input, a FIFO or a device."""
    from planner.output import OutputCheck, write_atomic

    sources = [docx, *inputs]
    OutputCheck(sources).claim(out_dir / f"{docx.stem}.pdf")
    with tempfile.TemporaryDirectory(prefix="planner-preview-") as work:
        made_dir = Path(work) / "made"
        made_dir.mkdir()
        pdf = _laid_out(docx, Path(work)).rename(made_dir / f"{docx.stem}.pdf")
        made = [pdf, *pdf_to_png(pdf, made_dir, dpi)]
        check = OutputCheck(sources)
        written = [check.claim(out_dir / page.name) for page in made]
        for target, page in zip(written, made):
            write_atomic(target, page.read_bytes(), inputs=sources)
    return Preview(pdf=written[0], pages=written[1:], substituted=substitutions())
