"""Tables (w:tbl): fixed column widths, single rules all round, rows that do not split."""
from __future__ import annotations

from typing import Iterable, Sequence

# Cell margins in twips: 0.5 mm above and below, 1 mm left and right.
CELL_MARGINS = (("top", 28), ("left", 57), ("bottom", 28), ("right", 57))
RULES = ("top", "left", "bottom", "right", "insideH", "insideV")


def table(widths: Sequence[int], rows: Iterable[str], rule_eighths: int = 4) -> str:
    """A centred fixed-layout table of `rows` (table_row XML), columns `widths` twips wide,
    ruled all round and inside with `rule_eighths` eighths of a point."""
    borders = "".join(f'<w:{side} w:val="single" w:sz="{rule_eighths}" w:space="0" w:color="000000"/>'
                      for side in RULES)
    margins = "".join(f'<w:{side} w:w="{width}" w:type="dxa"/>' for side, width in CELL_MARGINS)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar>{margins}</w:tblCellMar>'
            f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def table_row(cells: Iterable[str], widths: Sequence[int], header: bool = False) -> str:
    """A row that is never split across pages; `cells` are each cell's paragraph XML. A
    header row repeats at the top of every page the table runs onto."""
    trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    out = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'
           for content, width in zip(cells, widths)]
    return f"<w:tr>{trpr}{''.join(out)}</w:tr>"
