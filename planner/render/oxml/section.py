"""Section properties (w:sectPr: paper, margins, line grid, footers) and footer parts (w:ftr)."""
from __future__ import annotations

from dataclasses import dataclass

from planner.render.oxml.markup import attr, part


@dataclass(frozen=True)
class PageSetup:
    """A section's page in twips: paper as it lies, margins, header and footer distances,
    and the line pitch of its grid."""

    width: int
    height: int
    top: int
    right: int
    bottom: int
    left: int
    header: int
    footer: int
    line_pitch: int
    landscape: bool = False


def section(page: PageSetup, footers: dict[str, str], start: str = "nextPage") -> str:
    """sectPr of a section that starts on a new page (`start`: nextPage, or evenPage, which
    adds a blank page when the one before is even): `footers` maps a footer type (default =
    odd pages, even) to its relationship id."""
    refs = "".join(f'<w:footerReference w:type={attr(kind)} r:id={attr(rel_id)}/>'
                   for kind, rel_id in footers.items())
    orient = ' w:orient="landscape"' if page.landscape else ""
    return (f"<w:sectPr>{refs}"
            f'<w:type w:val={attr(start)}/>'
            f'<w:pgSz w:w="{page.width}" w:h="{page.height}"{orient}/>'
            f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" '
            f'w:left="{page.left}" w:header="{page.header}" w:footer="{page.footer}" w:gutter="0"/>'
            '<w:cols w:space="425"/>'
            f'<w:docGrid w:type="lines" w:linePitch="{page.line_pitch}"/>'
            "</w:sectPr>")


def footer_part(paragraphs: str) -> str:
    """footerN.xml holding `paragraphs` (paragraph XML)."""
    return part("w:ftr", paragraphs)
