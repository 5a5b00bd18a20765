"""DOCX → paragraphs in body order (tables included), with Word's automatic numbering shown.

The body is read as it is unpacked (lxml's iterparse), one top-level paragraph or table at a
time, each dropped once read: a document of a million paragraphs takes the memory of one.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Optional

from planner.errors import SourceError
from planner.form.numerals import int_to_cn
from planner.parse.package import DOCUMENT, not_xml, open_zip, parse_part, part_stream, related_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CN_FORMATS = {"chineseCounting", "chineseCountingThousand", "japaneseCounting",
              "ideographDigital", "chineseLegalSimplified"}
LEVELS = 9  # w:ilvl 0–8 (ECMA-376 17.9.3)
MAX_START = 32767  # the largest w:start Word accepts
# 例：3 / -1 (a ST_DecimalNumber as Word writes it; short, so int() never meets a huge one)
DECIMAL_RE = re.compile(r"-?\d{1,9}")
BODY_CHILDREN = (W + "p", W + "tbl", W + "sdt")


def read_docx(file: Path, limit: Optional[int] = None) -> list[tuple[int, str, bool]]:
    """(paragraph number, text, inside a table) for every paragraph that holds text, numbering
    markers prepended; more than `limit` of them is a SourceError, raised as soon as the reader
    gets there."""
    with open_zip(file) as archive:
        numbering_part = related_part(archive, file, "numbering")
        numbering = Numbering(parse_part(archive, numbering_part, file) if numbering_part else None)
        out: list[tuple[int, str, bool]] = []
        with part_stream(archive, DOCUMENT, file) as stream:
            for number, (paragraph, in_table) in enumerate(_body_paragraphs(stream, file), 1):
                if not len(paragraph):  # <w:p/>: no text, no numbering
                    continue
                # Word shows the number of an empty list paragraph and counts it, but it holds
                # no text: it is counted here too and left out, as every empty paragraph is.
                marker = numbering.marker(paragraph)
                text = _text(paragraph)
                if text.strip():
                    out.append((number, marker + text, in_table))
                    if limit is not None and len(out) > limit:
                        raise too_many(limit, file)
    return out


def too_many(limit: int, file: Path) -> SourceError:
    return SourceError(f"段落过多（超过 {limit} 段），不像是一份方案", path=str(file),
                       hint="请确认是否选错了文件，或把文档拆成几份")


def _body_paragraphs(stream, file: Path) -> Iterator:
    """w:p elements of the body in reading order, each top-level element freed once read."""
    from lxml import etree

    context = etree.iterparse(stream, events=("end",), tag=BODY_CHILDREN, resolve_entities=False,
                              no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)
    body = None
    try:
        for _, element in context:
            parent = element.getparent()
            if parent is None or parent.tag != W + "body":
                continue  # inside a table, a content control or a text box: read with it
            body = parent
            yield from _paragraphs_of(element)
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del body[0]
    except etree.XMLSyntaxError as error:
        raise not_xml(DOCUMENT, file, error) from None
    root = context.root
    if body is None and (root is None or root.find(W + "body") is None):
        raise SourceError(f"不是有效的 .docx 文件（{DOCUMENT} 中没有正文 w:body）", path=str(file),
                          hint="请在 Word/WPS 中重新另存为 .docx")


def _paragraphs_of(child) -> Iterator[tuple[object, bool]]:
    """The paragraphs of one body element: a paragraph (then the paragraphs of its text boxes:
    版记, 附注 boxes follow the paragraph that anchors them), a table's row by row, cell by
    cell, or a content control's."""
    if child.tag == W + "p":
        yield child, False
        for box in _text_boxes(child):
            yield from _paragraphs(box)
    elif child.tag == W + "tbl":
        for paragraph in child.iter(W + "p"):
            yield paragraph, True
    elif child.tag == W + "sdt":
        content = child.find(W + "sdtContent")
        yield from _paragraphs(content if content is not None else child)


def _paragraphs(container) -> Iterator[tuple[object, bool]]:
    for child in container.iterchildren(*BODY_CHILDREN):
        yield from _paragraphs_of(child)


def _text_boxes(paragraph) -> list:
    """w:txbxContent inside a paragraph, outermost only, skipping mc:Fallback copies."""
    return [box for box in paragraph.iter(W + "txbxContent")
            if not any(a.tag in (W + "txbxContent", MC + "Fallback") for a in box.iterancestors())]


def _text(paragraph) -> str:
    parts = []
    for node in paragraph.iter(W + "t", W + "tab", W + "br"):
        if _inside_box(node, paragraph):
            continue
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "tab":
            parts.append("\t")
    return "".join(parts)


def _inside_box(node, paragraph) -> bool:
    """True when `node` belongs to a text box (or fallback) nested in `paragraph`."""
    for ancestor in node.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag in (W + "txbxContent", MC + "Fallback"):
            return True
    return False


def decimal(value: Optional[str]) -> Optional[int]:
    """A w:val as a whole number; None when absent or no number Word would write."""
    return int(value) if value is not None and DECIMAL_RE.fullmatch(value.strip()) else None


class Numbering:
    """Counts Word list numbering (numPr) and renders each level's lvlText."""

    def __init__(self, root) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {a.get(W + "abstractNumId"): self._levels(a) for a in root.iter(W + "abstractNum")}
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.levels[num.get(W + "numId")] = abstract.get(ref.get(W + "val"), {})

    @staticmethod
    def _levels(abstract) -> dict[int, tuple[str, str, int]]:
        """Level → (format, text, start); a level numbered outside 0–8 is no level Word uses."""
        levels = {}
        for lvl in abstract.iter(W + "lvl"):
            level = decimal(lvl.get(W + "ilvl", "0"))
            if level is None or not 0 <= level < LEVELS:
                continue
            fmt, text, start = lvl.find(W + "numFmt"), lvl.find(W + "lvlText"), lvl.find(W + "start")
            first = decimal(start.get(W + "val")) if start is not None else 1
            levels[level] = (fmt.get(W + "val") if fmt is not None else "decimal",
                             text.get(W + "val") if text is not None else "",
                             min(max(first if first is not None else 1, 0), MAX_START))
        return levels

    def marker(self, paragraph) -> str:
        num_id, ilvl = self._num_pr(paragraph)
        levels = self.levels.get(num_id) if num_id else None
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.get(num_id)
        if counts is None:
            counts = self.counters[num_id] = [levels.get(i, ("", "", 1))[2] - 1 for i in range(LEVELS)]
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, LEVELS):
            counts[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        text = levels[ilvl][1] or ""
        for level in range(ilvl + 1):
            fmt = levels.get(level, ("decimal", "", 1))[0]
            rendered = _format(max(counts[level], 1), fmt)
            if rendered is None:
                return ""
            text = text.replace(f"%{level + 1}", rendered)
        return text

    @staticmethod
    def _num_pr(paragraph) -> tuple[Optional[str], Optional[int]]:
        """(numId, level) of a list paragraph; a level that is no number 0–8 is None. Read
        child by child: lxml's find() costs microseconds a call, a million paragraphs seconds."""
        props = next(paragraph.iterchildren(W + "pPr"), None)
        num_pr = next(props.iterchildren(W + "numPr"), None) if props is not None else None
        if num_pr is None:
            return None, 0
        value, level = None, 0
        for child in num_pr:
            if child.tag == W + "numId":
                value = child.get(W + "val")
            elif child.tag == W + "ilvl":
                level = decimal(child.get(W + "val"))
        return (None if value in (None, "0") else value), level


def _format(value: int, fmt: str) -> Optional[str]:
    if fmt in ("decimal", "decimalZero"):
        return str(value)
    if fmt in CN_FORMATS:
        return int_to_cn(value)
    if fmt == "decimalEnclosedCircle" and value <= 20:
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[value - 1]
    return None
