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
# A header character (小四, 12 pt) in twips, and the cell margins (1 mm each side) plus slack.
HEADER_CHAR = 12 * 20
HEADER_SLACK = 2 * 57 + 60


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
    widths = column_widths(header, rows, shares)
    lines = [table_row(_cells(header, st.TABLE_HEADER), widths, header=True)]
    lines += [table_row(_cells(row, st.TABLE_TEXT), widths) for row in rows]
    return table(widths, lines) + paragraph(st.TABLE_TEXT)


def column_widths(header: Sequence[str], rows: list[Sequence[Cell]], shares: Sequence[float],
                  width: int = LANDSCAPE_WIDTH) -> list[int]:
    """Twips per column: each at least as wide as its header (a header never wraps: 序号,
    完成时限), an empty column no wider, and the rest shared out by `shares`."""
    least = [len(name) * HEADER_CHAR + HEADER_SLACK for name in header]
    filled = [any(_has_text(row[i]) for row in rows) for i in range(len(header))]
    spare = width - sum(least)
    total = sum(share for share, full in zip(shares, filled) if full) or 1
    out = [low + (int(spare * share / total) if full else 0) for low, share, full in zip(least, shares, filled)]
    if spare < 0:  # headers alone overflow: fall back to the shares
        out = [int(width * share / sum(shares)) for share in shares]
    return out


def _has_text(cell: Cell) -> bool:
    return bool(cell.strip()) if isinstance(cell, str) else "<w:t" in "".join(cell)


def _cells(cells: Sequence[Cell], style: str) -> list[str]:
    return [paragraph(style, cell if isinstance(cell, list) else [run(str(cell))]) for cell in cells]
