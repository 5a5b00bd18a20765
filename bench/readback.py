"""Read a DOCX back as its body paragraphs' text, and check that two tools wrote the same ones.

The fairness check of the benchmark: every tool is timed on the same content only if every
tool's DOCX holds the same paragraphs. planner puts a draft's text in 公文 form as it writes
(half-width punctuation between Chinese → full-width, straight quotes → “”, 5g → 5G); the other
tools write the text as given. So paragraphs are compared folded (NFKC, one kind of quote,
case-folded): the same words in the same order, differing at most in the marks planner fixes.
"""
from __future__ import annotations

import io
import unicodedata
import zipfile
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Paragraphs inside a text box (the 版记 frame) belong to the paragraph that anchors it.
SKIPPED = {f"{W}txbxContent", f"{W}sectPr"}
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of every non-empty body paragraph, in order (tables included, cell by cell)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    body = root.find(f"{W}body")
    out: list[str] = []
    _collect(body, out)
    return [text for text in out if text.strip()]


def _collect(element, out: list[str]) -> None:
    for child in element:
        if child.tag in SKIPPED:
            continue
        if child.tag == f"{W}p":
            out.append("".join(t.text or "" for t in child.iter(f"{W}t")))
        else:
            _collect(child, out)


def fold(text: str) -> str:
    """`（A牵头,B配合）`, `(A牵头，B配合)` → the same key; “x” and "x" too; 5g and 5G too."""
    return unicodedata.normalize("NFKC", text).translate(QUOTES).casefold()


def differences(expected: list[str], found: list[str]) -> list[str]:
    """Where `found` does not hold `expected`'s paragraphs (folded): [] when it does."""
    problems = []
    if len(expected) != len(found):
        problems.append(f"{len(found)} paragraphs, expected {len(expected)}")
    for number, (want, got) in enumerate(zip(expected, found), 1):
        if fold(want) != fold(got):
            problems.append(f"paragraph {number}: {got[:60]!r}, expected {want[:60]!r}")
            break
    return problems


def corrected(expected: list[str], found: list[str]) -> int:
    """How many paragraphs `found` writes differently from `expected` though they fold alike
    (planner's fixes of punctuation, quotes and case)."""
    return sum(1 for want, got in zip(expected, found) if want != got and fold(want) == fold(got))
