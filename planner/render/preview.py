"""DOCX → PDF and PNG pages through LibreOffice (soffice) and poppler (pdftoppm)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from planner.errors import PlannerError, UserError

INSTALL_HINT = ("请安装 LibreOffice：Debian/Ubuntu 执行 sudo apt-get install libreoffice-writer-nogui "
                "fonts-noto-cjk fonts-arphic-ukai poppler-utils；Windows/macOS 从 libreoffice.org 下载")
CONVERT_TIMEOUT = 300


class ToolMissing(UserError):
    """A program preview needs is not installed."""


class ConversionError(PlannerError):
    """LibreOffice or poppler ran but produced nothing usable."""


@dataclass
class Preview:
    pdf: Path
    pages: list[Path] = field(default_factory=list)
    substituted: dict[str, str] = field(default_factory=dict)  # font asked → font used


def soffice() -> Optional[str]:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def fontconfig_env() -> dict[str, str]:
    """The environment LibreOffice runs in: our alias file maps 公文 font names to the
    free fonts a Linux machine has, when the licensed ones are not installed."""
    from planner.resources import templates_dir

    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(templates_dir() / "fonts.conf")
    return env


def for_libreoffice(docx: Path, folder: Path) -> Path:
    """A copy of `docx` that LibreOffice lays out as Word does. LibreOffice's DOCX import
    reads w:overflowPunct the other way round (writerfilter DomainMapper: hanging
    punctuation = `val == 0`), so a document that forbids punctuation hanging into the
    margin — as planner's do — would show it hanging. The copy swaps the value."""
    import re
    import zipfile

    copy = folder / docx.name
    flip = re.compile(rb'(<w:overflowPunct w:val=")([01]|true|false)(")')
    swap = {b"0": b"1", b"false": b"1", b"1": b"0", b"true": b"0"}
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in ("word/styles.xml", "word/document.xml"):
                data = flip.sub(lambda m: m.group(1) + swap[m.group(2)] + m.group(3), data)
            target.writestr(info, data)
    return copy


def docx_to_pdf(docx: Path, out_dir: Path) -> Path:
    """Convert a copy laid out as Word does (for_libreoffice)."""
    _program()  # refuse before copying the document
    with tempfile.TemporaryDirectory(prefix="planner-lo-copy-") as work:
        if not convert([for_libreoffice(docx, Path(work))], "pdf", out_dir):
            raise ConversionError(f"LibreOffice 转换超时（{CONVERT_TIMEOUT} 秒）", path=str(docx))
    pdf = out_dir / (docx.stem + ".pdf")
    if not pdf.is_file():
        raise ConversionError("LibreOffice 没有生成 PDF", path=str(docx),
                              hint="请确认文件能在 Word/WPS 中打开；可加 --debug 查看详情")
    return pdf


def convert(sources: list[Path], target: str, out_dir: Path, timeout: int = CONVERT_TIMEOUT) -> bool:
    """One LibreOffice run converting `sources` to `target` (pdf, txt:Text…) into `out_dir`,
    with a private profile (parallel runs do not lock each other). False when it ran out of
    time; what it wrote is in `out_dir`."""
    program = _program()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planner-lo-") as profile:
        command = [program, f"-env:UserInstallation=file://{profile}/user", "--headless", "--norestore",
                   "--convert-to", target, "--outdir", str(out_dir), *map(str, sources)]
        try:
            subprocess.run(command, env=fontconfig_env(), capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return False
    return True


def _program() -> str:
    program = soffice()
    if program is None:
        raise ToolMissing("找不到 LibreOffice（soffice），无法生成预览", hint=INSTALL_HINT)
    return program


def pdf_to_png(pdf: Path, out_dir: Path, dpi: int = 80) -> list[Path]:
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


def preview_docx(docx: Path, out_dir: Path, dpi: int = 80) -> Preview:
    """PDF and PNG pages of `docx` in `out_dir`, and the fonts LibreOffice substituted."""
    pdf = docx_to_pdf(docx, out_dir)
    return Preview(pdf=pdf, pages=pdf_to_png(pdf, out_dir, dpi), substituted=substitutions())
