"""Input files → lines of text: .txt/.md (UTF-8, BOM, GB18030, UTF-16), .docx, .html, .pdf."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from planner.errors import SourceError

# What planner reads it must be able to write and read back: a text of MAX_TEXT_BYTES in at most
# MAX_PARAGRAPHS paragraphs makes a plan file well under planfile.MAX_PLAN_BYTES (10 MB of text
# in 50,000 paragraphs: about 20 MB of YAML). A plan is a few hundred KB in a few thousand
# paragraphs; each paragraph costs ingest about 6 KB of memory.
MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_PARAGRAPHS = 50_000
MAX_DOCX_BYTES = 50 * 1024 * 1024  # the zip: images and fonts may make it large
MAX_PDF_BYTES = 100 * 1024 * 1024  # a plan's PDF is a few MB; scanned images are not read anyway
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
        source = Source(str(path), fmt, _lines(text), encoding)
    elif fmt == "html":
        from planner.parse.html import read_html
        blocks, encoding = read_html(file.read_bytes(), str(path))
        source = Source(str(path), fmt, [SourceLine(t, n) for n, t in blocks], encoding)
    elif fmt == "docx":
        from planner.parse.docx import read_docx
        paragraphs = read_docx(file, MAX_PARAGRAPHS)
        source = Source(str(path), fmt, [SourceLine(t, n) for n, t, _ in paragraphs if t.strip()],
                        table_lines={n for n, _, in_table in paragraphs if in_table})
    else:
        from planner.parse.pdf import read_pdf
        source = read_pdf(file)
    check_size(source.lines, source.path)
    return source


def check_size(lines: list, name: str) -> None:
    """Refuse a text longer than planner reads (MAX_PARAGRAPHS, MAX_TEXT_BYTES)."""
    if len(lines) > MAX_PARAGRAPHS:
        raise SourceError(f"段落过多（{len(lines)} 段，上限 {MAX_PARAGRAPHS} 段），不像是一份方案",
                          path=name, hint="请确认是否选错了文件，或把文档拆成几份")
    size = sum(len(line.text) for line in lines)
    if size * 3 > MAX_TEXT_BYTES and sum(len(line.text.encode("utf-8", "surrogatepass"))
                                         for line in lines) > MAX_TEXT_BYTES:
        raise SourceError(f"正文过长（超过 {MAX_TEXT_BYTES // (1024 * 1024)} MB），不像是一份方案",
                          path=name, hint="请确认是否选错了文件，或把文档拆成几份")


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
    limit = {"pdf": MAX_PDF_BYTES, "docx": MAX_DOCX_BYTES}.get(fmt, MAX_TEXT_BYTES)
    if size > limit:
        raise SourceError(f"文件过大（{size // (1024 * 1024)} MB，上限 {limit // (1024 * 1024)} MB）",
                          path=name, hint="请确认是否选错了文件")
    return fmt


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 — in that order."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:  # an odd byte count, a lone surrogate half
            line, col = _utf16_position(data, error.start)
            raise SourceError("无法按 UTF-16 解码（文件不完整或已损坏）", path=name, line=line, col=col,
                              hint="请用原软件重新保存，或另存为 UTF-8 编码") from None
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


def _utf16_position(data: bytes, bad: int) -> tuple[int, int]:
    """Line and column of byte `bad` of a UTF-16 text (with BOM), read up to it."""
    before = data[:bad - bad % 2].decode("utf-16", "replace")
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def _lines(text: str) -> list[SourceLine]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [SourceLine(t.rstrip(), n) for n, t in enumerate(text.split("\n"), 1) if t.strip()]
