"""XLSX workbooks (openpyxl): frozen header, filters, wrapped text, widths by content."""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Optional, Sequence

from planner.render.oxml.markup import clean

MAX_WIDTH = {"具体内容": 60, "原表述": 50, "新表述": 50}
# Columns that hold counts: written as numbers, so that Excel sorts, filters and sums them.
NUMBER_COLUMNS = ("序号", "牵头", "配合", "合计")
FONT = "仿宋_GB2312"


@dataclass
class Sheet:
    """One worksheet: a title, a header row and rows of text (or rich text) cells."""

    title: str
    header: Sequence[str]
    rows: list[Sequence[object]] = field(default_factory=list)
    widths: Optional[dict[str, int]] = None


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.title, book.sheetnames))
        ws.append([str(h) for h in sheet.header])
        numeric = [str(h) in NUMBER_COLUMNS for h in sheet.header]
        for row in sheet.rows:
            ws.append([_cell(value, index < len(numeric) and numeric[index])
                       for index, value in enumerate(row)])
        for cell in ws[1]:
            cell.font = Font(name="黑体", bold=True, size=12)
            cell.fill = PatternFill("solid", fgColor="D9D9D9")
        wrap = Alignment(wrap_text=True, vertical="top")
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # text that starts with “=” is text, never a formula
                    cell.data_type = "s"
                cell.alignment = wrap
                cell.border = border
                if cell.row > 1:
                    cell.font = Font(name=FONT, size=11)
        for index, name in enumerate(sheet.header, 1):
            ws.column_dimensions[get_column_letter(index)].width = _width(sheet, index - 1, name)
        ws.freeze_panes = "A2"
        if sheet.rows:
            ws.auto_filter.ref = ws.dimensions
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: object, numeric: bool) -> object:
    """A count as a number (`"12"` → 12), an empty text as an empty cell, other text cleaned."""
    if not isinstance(value, str):
        return value
    if numeric and value.strip().isdigit():
        return int(value)
    return clean(value) if value else None


def _width(sheet: Sheet, column: int, name: str) -> float:
    if sheet.widths and name in sheet.widths:
        return sheet.widths[name]
    longest = max([_display(str(name))] + [_display(str(row[column])) for row in sheet.rows[:500]
                                           if column < len(row)])
    return max(6, min(longest + 2, MAX_WIDTH.get(str(name), 30)))


def _display(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _sheet_title(title: str, taken: list[str]) -> str:
    base = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "表"
    name, n = base, 2
    while name in taken:
        name = f"{base[:28]}({n})"
        n += 1
    return name
