"""Tables (w:tbl): fixed column widths, single rules, rows that do not split."""
from __future__ import annotations

from typing import Iterable, Optional, Sequence

# Cell margins in twips: 0.5 mm above and below, 1 mm left and right.
CELL_MARGINS = (("top", 28), ("left", 57), ("bottom", 28), ("right", 57))
NO_MARGINS = (("top", 0), ("left", 0), ("bottom", 0), ("right", 0))
RULES = ("top", "left", "bottom", "right", "insideH", "insideV")


def table(widths: Sequence[int], rows: Iterable[str], rule_eighths: int = 4,
          rules: Optional[dict[str, int]] = None, margins: Sequence[tuple[str, int]] = CELL_MARGINS) -> str:
    """A centred fixed-layout table of `rows` (table_row XML), columns `widths` twips wide,
    ruled all round and inside with `rule_eighths` eighths of a point — or only on the sides
    `rules` names (side → eighths of a point), the others left without a rule."""
    weights = rules if rules is not None else dict.fromkeys(RULES, rule_eighths)
    borders = "".join(f'<w:{side} w:val="single" w:sz="{weights[side]}" w:space="0" w:color="000000"/>'
                      if side in weights else f'<w:{side} w:val="nil"/>' for side in RULES)
    cell_margins = "".join(f'<w:{side} w:w="{width}" w:type="dxa"/>' for side, width in margins)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar>{cell_margins}</w:tblCellMar>'
            f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def table_row(cells: Iterable[str], widths: Sequence[int], header: bool = False,
              spans: Optional[Sequence[int]] = None) -> str:
    """A row that is never split across pages; `cells` are each cell's paragraph XML, each
    spanning `spans` grid columns (one each by default) of `widths`. A header row repeats at
    the top of every page the table runs onto."""
    trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    cells = list(cells)
    spans = list(spans) if spans is not None else [1] * len(cells)
    out, column = [], 0
    for content, span in zip(cells, spans):
        width = sum(widths[column:column + span])
        column += span
        grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}</w:tcPr>{content}</w:tc>')
    return f"<w:tr>{trpr}{''.join(out)}</w:tr>"
