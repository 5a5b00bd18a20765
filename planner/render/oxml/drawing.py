"""DrawingML in a run: a text box anchored to the page's text area (the 版记 box)."""
from __future__ import annotations

from typing import Optional

from planner.render.oxml.markup import EMU_PER_TWIP, WPS_NS, attr

# Pinned to the bottom of the page's text area, centred. (LibreOffice takes "margin" for the
# area above the footer, Word for the area inside the page margins: they differ when the
# footer is shorter than the bottom margin; `at` positions on the page itself instead.)
MARGIN_FOOT = ('<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
               '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>')


def anchored_box(content: str, width: int, height: int, name: str, wrap: str = "wrapTopAndBottom",
                 at: Optional[tuple[int, int]] = None) -> str:
    """A run holding a borderless text box (DrawingML) with `content` (paragraph and table
    XML) inside, set at the box's foot; sizes in twips. The box sits at the foot of the text
    area, or with its top-left corner `at` (x, y) twips from the page's. `wrap` is how the text
    around it flows (wrapTopAndBottom, wrapNone)."""
    cx, cy = width * EMU_PER_TWIP, height * EMU_PER_TWIP
    place = MARGIN_FOOT if at is None else (
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{at[0] * EMU_PER_TWIP}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{at[1] * EMU_PER_TWIP}</wp:posOffset></wp:positionV>')
    return (
        '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="0">'
        f'<wp:simplePos x="0" y="0"/>{place}'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:{wrap}/><wp:docPr id="1" name={attr(name)}/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPS_NS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b">'
        '<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
