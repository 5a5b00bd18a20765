"""附件 tables in a landscape section: `附件` label, centered title, a ruled table whose header
row repeats on every page (分工表, 对照表)."""
from __future__ import annotations

from typing import Optional, Sequence

from planner.render import styles as st
from planner.render.oxml.paragraph import paragraph
from planner.render.oxml.table import table, table_row
from planner.render.oxml.text import run
from planner.render.page import LANDSCAPE_WIDTH

Cell = str | list[str]  # plain text, or prepared run XML


def attachment_section(title: str, header: Sequence[str], rows: list[Sequence[Cell]],
                       shares: Sequence[float], label: Optional[str] = "附件") -> str:
    """Paragraph and table XML for one attachment: label, title, table. `shares` are the
    column widths as fractions of the landscape 版心."""
    parts = []
    if label:
        parts.append(paragraph(st.ATTACHMENT_LABEL, [run(label)]))
    parts.append(paragraph(st.TITLE, [run(title)]))
    parts.append(ruled_table(header, rows, shares))
    return "".join(parts)


def ruled_table(header: Sequence[str], rows: list[Sequence[Cell]], shares: Sequence[float]) -> str:
    """The table, its header row repeated on each page, then the empty paragraph Word needs
    between a table and the end of a section."""
    total = sum(shares)
    widths = [int(LANDSCAPE_WIDTH * share / total) for share in shares]
    lines = [table_row(_cells(header, st.TABLE_HEADER), widths, header=True)]
    lines += [table_row(_cells(row, st.TABLE_TEXT), widths) for row in rows]
    return table(widths, lines) + paragraph(st.TABLE_TEXT)


def _cells(cells: Sequence[Cell], style: str) -> list[str]:
    return [paragraph(style, cell if isinstance(cell, list) else [run(str(cell))]) for cell in cells]
