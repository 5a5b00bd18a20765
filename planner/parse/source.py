"""Input files → lines of text: .txt/.md (UTF-8, BOM, GB18030, UTF-16), .docx, .html, .pdf."""
from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from planner.errors import SourceError

# What planner reads it must be able to write and read back. The text read from any source is
# at most MAX_TEXT_BYTES (UTF-8) in MAX_PARAGRAPHS paragraphs: a plan is a few hundred KB in a
# few thousand. A plan file is at most 5 times its text (every 责任单位 note is kept as written
# and unit by unit: 10 MB of notes made 51 MB of YAML), so 4 MB of text stays under
# planfile.MAX_PLAN_BYTES; ingest of such a text takes about 7 s and 240 MB.
MAX_TEXT_BYTES = 4 * 1024 * 1024
MAX_PARAGRAPHS = 50_000
# Files are refused by size before they are read: markup (HTML saved from Word), images and
# fonts (DOCX, PDF) make a file much larger than its text.
MAX_FILE_BYTES = {"txt": 16, "md": 16, "html": 32, "docx": 50, "pdf": 100}  # MB
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
# A text file that holds a page's HTML (a scrape or a database dump saved as text): block and
# line-break tags, which a 公文 never writes, in its first few thousand characters.
# 例：<p style="text-align: center;"><span>国务院关于印发…</span></p> <br/>
HTML_TAG_RE = re.compile(r"</?(?:p|div|span|br|td|tr|table|tbody|li|h[1-6]|font|strong)\b[^<>]{0,400}>", re.I)
HTML_LOOK, HTML_TAGS_MIN = 5000, 3
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
        from planner.parse.jsontext import is_record, record_lines
        if is_record(text):  # a crawler's JSON record saved as text: read as its page
            source = Source(str(path), fmt, [SourceLine(t, n) for n, t in record_lines(text) if t.strip()], encoding)
        elif len(HTML_TAG_RE.findall(text, 0, HTML_LOOK)) >= HTML_TAGS_MIN:
            from planner.parse.html import html_blocks  # a page's HTML saved as text: read as a page
            source = Source(str(path), fmt, [SourceLine(t, n) for n, t in html_blocks(text)], encoding)
        else:
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
    check_counts(len(lines), lambda: sum(len(line.text) for line in lines),
                 lambda: sum(utf8_length(line.text) for line in lines), name)


def check_text(text: str, name: str) -> None:
    """check_size for a text not yet split into lines (lint reads a draft so)."""
    check_counts(sum(1 for line in text.splitlines() if line.strip()), lambda: len(text),
                 lambda: utf8_length(text), name)


def check_counts(paragraphs: int, chars, size, name: str) -> None:
    if paragraphs > MAX_PARAGRAPHS:
        raise SourceError(f"段落过多（{paragraphs} 段，上限 {MAX_PARAGRAPHS} 段），不像是一份方案",
                          path=name, hint="请确认是否选错了文件，或把文档拆成几份")
    if chars() * 3 > MAX_TEXT_BYTES and size() > MAX_TEXT_BYTES:  # 3: the most UTF-8 bytes a Han takes
        raise SourceError(f"正文过长（超过 {MAX_TEXT_BYTES // (1024 * 1024)} MB），不像是一份方案",
                          path=name, hint="请确认是否选错了文件，或把文档拆成几份")


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _check_file(file: Path) -> str:
    name = str(file)
    if not file.exists():
        raise SourceError(absent_reason(file), path=name, hint="请检查文件名和路径")
    if file.is_dir():
        raise SourceError("这是一个目录，不是文件", path=name, hint="请给出目录中的文件，如 目录/*.txt")
    fmt = SUFFIXES.get(file.suffix.lower())
    if fmt is None:
        raise SourceError(f"不支持的文件类型（{file.suffix or '无扩展名'}）", path=name,
                          hint=f"支持：{SUPPORTED}")
    size = file.stat().st_size
    if size == 0:
        raise SourceError("文件为空", path=name, hint="请确认文件已保存完整")
    limit = MAX_FILE_BYTES[fmt]
    if size > limit * 1024 * 1024:
        raise SourceError(f"文件过大（{size // (1024 * 1024)} MB，上限 {limit} MB）",
                          path=name, hint="请确认是否选错了文件")
    return fmt


def absent_reason(file: Path) -> str:
    """Why a path names no file: missing, or a link loop (exists() says False for both)."""
    try:
        os.stat(file)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "无法读取（符号链接循环）"
    return "文件不存在"


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
