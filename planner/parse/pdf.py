"""PDF → lines of text (pypdf), page numbers dropped. A PDF encrypted with an empty password —
as government sites publish them, to forbid editing — is read; one that needs a password to
open, or that pypdf cannot read, is a SourceError saying so."""
from __future__ import annotations

import binascii
import logging
import struct
import zlib
from pathlib import Path

from planner.errors import SourceError
from planner.parse.source import PAGE_NUMBER_RE, DroppedLine, Source, SourceLine

RESAVE_HINT = "请确认文件完整，或用 PDF 阅读器另存为 PDF 后重试"
# What pypdf lets out of a damaged file besides its own errors, each seen in a real or fuzzed
# PDF: a broken xref or object (ValueError, KeyError, IndexError, TypeError, AttributeError,
# AssertionError), a stream cut short (struct.error, zlib.error, binascii.Error, EOFError),
# a reference cycle (RecursionError), a number too large (OverflowError), an encryption
# dictionary of a version pypdf does not know (NotImplementedError: V=0).
DAMAGE = (ValueError, KeyError, IndexError, TypeError, AttributeError, AssertionError, OSError,
          struct.error, zlib.error, binascii.Error, EOFError, RecursionError, OverflowError,
          NotImplementedError)


def read_pdf(file: Path) -> Source:
    """The text lines of every page; page numbers go to `dropped`."""
    with open(file, "rb") as handle:
        if b"%PDF-" not in handle.read(1024):  # pypdf would read the whole file looking for one
            raise SourceError("不是 PDF 文件（开头没有 %PDF 标记）", path=str(file),
                              hint="请确认文件类型，或用原软件重新导出 PDF")
    lines, dropped, number = [], [], 0
    for page in _pages(file):
        for text in page.replace("\r", "\n").split("\n"):
            number += 1
            if not text.strip():
                continue
            if PAGE_NUMBER_RE.match(text):
                dropped.append(DroppedLine(text, number, "页码"))
            else:
                lines.append(SourceLine(text.rstrip(), number))
    if not lines:
        raise SourceError("PDF 中没有文字层，可能是扫描件", path=str(file), hint="请先做文字识别（OCR）")
    return Source(str(file), "pdf", lines, None, dropped)


def _pages(file: Path) -> list[str]:
    """Each page's text. pypdf tries the empty password itself when a file is encrypted."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    # pypdf logs its repairs ("EOF marker not found") to stderr; planner reports one line itself.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(file)
        return [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise SourceError("PDF 设有打开密码，无法读取", path=str(file),
                          hint="请用 PDF 阅读器输入密码打开后另存（不设密码），或改用 .docx/.txt") from None
    except DependencyError:
        raise SourceError("此 PDF 用 AES 加密，读取需要 cryptography 库", path=str(file),
                          hint="请运行 pip install cryptography 后重试") from None
    except LimitReachedError:
        raise SourceError("PDF 中的数据解压后超过读取上限，疑似压缩炸弹", path=str(file),
                          hint="请确认文件来源") from None
    except (PyPdfError, *DAMAGE) as error:
        raise SourceError(f"无法读取 PDF（{type(error).__name__}）", path=str(file), hint=RESAVE_HINT) from None
