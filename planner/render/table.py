"""附件 tables in a landscape section: `附件` label, centered title, a ruled table whose header
row repeats on every page (分工表, 对照表)."""
from __future__ import annotations

from typing import Optional, Sequence

from planner.render import oxml
from planner.render import styles as st

Cell = str | list[str]  # plain text, or prepared run XML


def attachment_section(title: str, header: Sequence[str], rows: list[Sequence[Cell]],
                       shares: Sequence[float], label: Optional[str] = "附件") -> str:
    """Paragraph and table XML for one attachment: label, title, table. `shares` are the
    column widths as fractions of the landscape 版心."""
    parts = []
    if label:
        parts.append(oxml.paragraph(st.ATTACHMENT_LABEL, [oxml.run(label)]))
    parts.append(oxml.paragraph(st.TITLE, [oxml.run(title)]))
    parts.append(table(header, rows, shares))
    return "".join(parts)


def table(header: Sequence[str], rows: list[Sequence[Cell]], shares: Sequence[float]) -> str:
    total = sum(shares)
    widths = [int(st.LANDSCAPE_WIDTH * share / total) for share in shares]
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = _row(header, widths, st.TABLE_HEADER, '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>')
    body = "".join(_row(row, widths, st.TABLE_TEXT, "<w:trPr><w:cantSplit/></w:trPr>") for row in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
            '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{head}{body}</w:tbl>'
            # A table is followed by a paragraph before a section ends (Word needs one).
            f'{oxml.paragraph(st.TABLE_TEXT)}')


def _row(cells: Sequence[Cell], widths: list[int], style: str, trpr: str) -> str:
    out = []
    for cell, width in zip(cells, widths):
        runs = cell if isinstance(cell, list) else [oxml.run(str(cell))]
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                   f'{oxml.paragraph(style, runs)}</w:tc>')
    return f"<w:tr>{trpr}{''.join(out)}</w:tr>"


def section_break(odd_footer: str, even_footer: str) -> str:
    """An empty paragraph that ends the portrait section before a landscape attachment."""
    return f"<w:p><w:pPr>{st.section_xml(odd_footer, even_footer, declare=False)}</w:pPr></w:p>"
