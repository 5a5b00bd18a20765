"""DOCX → paragraphs in body order (tables included), with Word's automatic numbering shown."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

from planner.form.numerals import int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CN_FORMATS = {"chineseCounting", "chineseCountingThousand", "japaneseCounting",
              "ideographDigital", "chineseLegalSimplified"}


def read_docx(file: Path) -> list[tuple[int, str, bool]]:
    """(paragraph number, text) for every paragraph, numbering markers prepended."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    from planner.errors import SourceError
    from planner.parse.source import open_zip

    open_zip(file).close()
    try:
        document = Document(str(file))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise SourceError(f"无法读取 .docx（{type(error).__name__}）", path=str(file),
                          hint="请在 Word/WPS 中重新另存为 .docx") from None
    numbering = Numbering(_numbering_root(document))
    out = []
    for number, (paragraph, in_table) in enumerate(_paragraphs(document.element.body), 1):
        out.append((number, numbering.marker(paragraph) + _text(paragraph), in_table))
    return out


def _numbering_root(document):
    try:
        return document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return None


def _paragraphs(body) -> Iterator:
    """w:p elements in reading order, descending into tables row by row, cell by cell; the
    paragraphs of a text box (版记, 附注 boxes) follow the paragraph that anchors it."""
    for child in body.iterchildren():
        if child.tag == W + "p":
            yield child, False
            for box in _text_boxes(child):
                yield from _paragraphs(box)
        elif child.tag == W + "tbl":
            for paragraph in child.iter(W + "p"):
                yield paragraph, True
        elif child.tag == W + "sdt":
            yield from _paragraphs(child.find(W + "sdtContent") if child.find(W + "sdtContent")
                                   is not None else child)


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
        levels = {}
        for lvl in abstract.iter(W + "lvl"):
            fmt, text, start = lvl.find(W + "numFmt"), lvl.find(W + "lvlText"), lvl.find(W + "start")
            levels[int(lvl.get(W + "ilvl", "0"))] = (
                fmt.get(W + "val") if fmt is not None else "decimal",
                text.get(W + "val") if text is not None else "",
                int(start.get(W + "val")) if start is not None else 1)
        return levels

    def marker(self, paragraph) -> str:
        num_id, ilvl = self._num_pr(paragraph)
        levels = self.levels.get(num_id) if num_id else None
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, [levels.get(i, ("", "", 1))[2] - 1 for i in range(9)])
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        text = levels[ilvl][1]
        for level in range(ilvl + 1):
            fmt = levels.get(level, ("decimal", "", 1))[0]
            rendered = _format(max(counts[level], 1), fmt)
            if rendered is None:
                return ""
            text = text.replace(f"%{level + 1}", rendered)
        return text

    @staticmethod
    def _num_pr(paragraph) -> tuple[Optional[str], int]:
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is None:
            return None, 0
        num_id, ilvl = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
        value = num_id.get(W + "val") if num_id is not None else None
        return (None if value in (None, "0") else value), int(ilvl.get(W + "val")) if ilvl is not None else 0


def _format(value: int, fmt: str) -> Optional[str]:
    if fmt in ("decimal", "decimalZero"):
        return str(value)
    if fmt in CN_FORMATS:
        return int_to_cn(value)
    if fmt == "decimalEnclosedCircle" and value <= 20:
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[value - 1]
    return None
