"""Input files → lines of text: .txt/.md (UTF-8, BOM, GB18030, UTF-16), .docx, .html, .pdf."""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from planner.errors import SourceError

MAX_TEXT_BYTES = 50 * 1024 * 1024
MAX_PDF_BYTES = 100 * 1024 * 1024  # a plan's PDF is a few MB; scanned images are not read anyway
MAX_UNZIPPED = 200 * 1024 * 1024
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
SUFFIXES = {**TEXT_SUFFIXES, ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}
SUPPORTED = "、".join(sorted({s for s in SUFFIXES if s not in (".text", ".markdown", ".htm")}))
# 例：— 3 — / - 3 - / 第3页 / 3
PAGE_NUMBER_RE = re.compile(r"^\s*([—–\-－]\s*\d{1,4}\s*[—–\-－]|第\s*\d{1,4}\s*页(\s*共\s*\d+\s*页)?|\d{1,4})\s*$")


@dataclass(frozen=True)
class SourceLine:
    """One line (paragraph) of text with its 1-based place in the source."""

    text: str
    line: int


@dataclass(frozen=True)
class DroppedLine:
    """Text removed from the input, with the reason (reported by `ingest --verbose`)."""

    text: str
    line: int
    reason: str


@dataclass
class Source:
    path: str
    format: str
    lines: list[SourceLine]
    encoding: Optional[str] = None
    dropped: list[DroppedLine] = field(default_factory=list)
    table_lines: set[int] = field(default_factory=set)  # DOCX paragraphs inside a table


def read_source(path: str | os.PathLike) -> Source:
    """Lines of text of a supported file; SourceError (exit 2) with a Chinese reason."""
    file = Path(path)
    fmt = _check_file(file)
    if fmt in ("txt", "md"):
        text, encoding = decode_text(file.read_bytes(), str(path))
        return Source(str(path), fmt, _lines(text), encoding)
    if fmt == "html":
        from planner.parse.html import read_html
        blocks, encoding = read_html(file.read_bytes(), str(path))
        return Source(str(path), fmt, [SourceLine(t, n) for n, t in blocks], encoding)
    if fmt == "docx":
        from planner.parse.docx import read_docx
        paragraphs = read_docx(file)
        return Source(str(path), fmt, [SourceLine(t, n) for n, t, _ in paragraphs if t.strip()],
                      table_lines={n for n, _, in_table in paragraphs if in_table})
    return _read_pdf(file)


def _check_file(file: Path) -> str:
    name = str(file)
    if not file.exists():
        raise SourceError("文件不存在", path=name, hint="请检查文件名和路径")
    if file.is_dir():
        raise SourceError("这是一个目录，不是文件", path=name, hint="请给出目录中的文件，如 目录/*.txt")
    fmt = SUFFIXES.get(file.suffix.lower())
    if fmt is None:
        raise SourceError(f"不支持的文件类型（{file.suffix or '无扩展名'}）", path=name,
                          hint=f"支持：{SUPPORTED}")
    size = file.stat().st_size
    if size == 0:
        raise SourceError("文件为空", path=name, hint="请确认文件已保存完整")
    limit = MAX_PDF_BYTES if fmt == "pdf" else MAX_TEXT_BYTES
    if size > limit:
        raise SourceError(f"文件过大（{size // (1024 * 1024)} MB，上限 {limit // (1024 * 1024)} MB）",
                          path=name, hint="请确认是否选错了文件")
    return fmt


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 — in that order."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise SourceError("这是二进制文件，不是文本", path=name, hint="请提供 .txt、.docx、.html 或 .pdf 文件")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
        except UnicodeDecodeError:
            continue
    line, col = _bad_position(data)
    raise SourceError("无法按 UTF-8 或 GB18030 解码", path=name, line=line, col=col,
                      hint="请将文件另存为 UTF-8 编码")


def _bad_position(data: bytes) -> tuple[int, int]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        return line, col
    return 1, 1


def _lines(text: str) -> list[SourceLine]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [SourceLine(t.rstrip(), n) for n, t in enumerate(text.split("\n"), 1) if t.strip()]


def open_zip(file: Path) -> zipfile.ZipFile:
    """A zip whose uncompressed size is bounded (zip bombs are refused before reading)."""
    try:
        archive = zipfile.ZipFile(file)
    except zipfile.BadZipFile:
        raise SourceError("不是有效的 .docx 文件（不是 zip 格式）", path=str(file),
                          hint="请在 Word/WPS 中另存为 .docx") from None
    except OSError as error:  # no permission, a name too long…: not a damaged document
        from planner.errors import os_reason

        raise SourceError(f"无法读取（{os_reason(error)}）", path=str(file), hint="请检查文件和目录的权限") from None
    if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED:
        archive.close()
        raise SourceError("解压后过大（超过 200 MB），疑似压缩炸弹", path=str(file),
                          hint="请确认文件来源")
    if "word/document.xml" not in archive.namelist():
        archive.close()
        raise SourceError("不是有效的 .docx 文件（缺少 word/document.xml）", path=str(file),
                          hint="请在 Word/WPS 中另存为 .docx")
    return archive


def _read_pdf(file: Path) -> Source:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs its repairs ("EOF marker not found") to stderr; planner reports one line itself.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    with open(file, "rb") as handle:
        if b"%PDF-" not in handle.read(1024):  # pypdf would read the whole file looking for one
            raise SourceError("不是 PDF 文件（开头没有 %PDF 标记）", path=str(file),
                              hint="请确认文件类型，或用原软件重新导出 PDF")
    try:
        reader = PdfReader(file)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError, RecursionError) as error:
        raise SourceError(f"无法读取 PDF（{type(error).__name__}）", path=str(file),
                          hint="请确认文件完整，或另存为 PDF 后重试") from None
    lines, dropped, number = [], [], 0
    for page in pages:
        for text in page.replace("\r", "\n").split("\n"):
            number += 1
            if not text.strip():
                continue
            if PAGE_NUMBER_RE.match(text):
                dropped.append(DroppedLine(text, number, "页码"))
            else:
                lines.append(SourceLine(text.rstrip(), number))
    if not lines:
        raise SourceError("PDF 中没有文字层，可能是扫描件", path=str(file),
                          hint="请先做文字识别（OCR）")
    return Source(str(file), "pdf", lines, None, dropped)
