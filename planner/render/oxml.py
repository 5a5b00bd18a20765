"""WordprocessingML fragments, written as text: the one place that knows the XML forms.

The body is built as one string and parsed once (see document.py): python-docx's
`add_paragraph` rescans the body on every call, which makes a 2000-task plan quadratic.
Text from a plan is escaped here and never interpreted: XML-special characters are
escaped, characters XML 1.0 forbids (control characters, lone surrogates) are dropped.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
BODY_NAMESPACES = {"w": W_NS, "r": R_NS, "wp": WP_NS, "a": A_NS, "wps": WPS_NS}
NSDECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in BODY_NAMESPACES.items())
EMU_PER_TWIP = 635

# Characters XML 1.0 cannot carry (tab, LF and CR are handled as runs' tab/br).
FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BREAKS_RE = re.compile(r"(\t|\r\n|\n|\r)")
# An attribute value in double quotes: the markup characters, the quote and the whitespace
# an XML parser would otherwise normalise to spaces.
ATTRIBUTE_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})

PT = 20  # twips per point
MM = 1440 / 25.4  # twips per millimetre


def twips(mm: float) -> int:
    return round(mm * MM)


def clean(text: str) -> str:
    return FORBIDDEN_RE.sub("", text)


def escape(text: str) -> str:
    """Element content with &, < and > as entities. (xml.sax.saxutils.escape does the same,
    but importing it pulls in urllib, http and email: 9 ms of every render's start-up.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: object) -> str:
    """`value` as a double-quoted attribute value."""
    return '"' + clean(str(value)).translate(ATTRIBUTE_ENTITIES) + '"'


def fonts(name: str, ascii_name: Optional[str] = None) -> str:
    """rFonts on all four slots plus the eastAsia hint, so “ ” — … take the Chinese font.
    No *Theme attributes: a theme font would override the named one."""
    latin = ascii_name or name
    return (f"<w:rFonts w:ascii={attr(latin)} w:hAnsi={attr(latin)} w:eastAsia={attr(name)}"
            f' w:cs={attr(latin)} w:hint="eastAsia"/>')


def run_props(*, font: Optional[str] = None, latin: Optional[str] = None, size: Optional[int] = None,
              bold: bool = False, color: Optional[str] = None, spacing: Optional[int] = None,
              style: Optional[str] = None) -> str:
    """<w:rPr> in schema order; size in half-points, spacing in twentieths of a point."""
    parts = []
    if style:
        parts.append(f"<w:rStyle w:val={attr(style)}/>")
    if font:
        parts.append(fonts(font, latin))
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if color:
        parts.append(f"<w:color w:val={attr(color)}/>")
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, props: str = "") -> str:
    """A run; tabs and line breaks inside the text become w:tab / w:br."""
    pieces = []
    for piece in BREAKS_RE.split(clean(text)):
        if not piece:
            continue
        if piece == "\t":
            pieces.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            pieces.append("<w:br/>")
        else:
            pieces.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{props}{''.join(pieces)}</w:r>" if pieces else ""


def paragraph(style: str, runs: Iterable[str] = (), extra_ppr: str = "") -> str:
    return f"<w:p><w:pPr>{_style_ref(style)}{extra_ppr}</w:pPr>{''.join(runs)}</w:p>"


@lru_cache(maxsize=64)
def _style_ref(style: str) -> str:
    return f"<w:pStyle w:val={attr(style)}/>"


def indent(*, first_chars: Optional[int] = None, left_chars: Optional[float] = None,
           right_chars: Optional[float] = None, char_twips: int = 16 * PT) -> str:
    """w:ind in characters, written both in twips and in hundredths of a character
    (Word uses the *Chars values, LibreOffice the twips)."""
    attrs = []
    if left_chars is not None:
        attrs.append(f'w:left="{round(left_chars * char_twips)}" w:leftChars="{round(left_chars * 100)}"')
    if right_chars is not None:
        attrs.append(f'w:right="{round(right_chars * char_twips)}" w:rightChars="{round(right_chars * 100)}"')
    if first_chars is not None:
        attrs.append(f'w:firstLine="{round(first_chars * char_twips)}" '
                     f'w:firstLineChars="{round(first_chars * 100)}"')
    return f"<w:ind {' '.join(attrs)}/>" if attrs else ""


def border(side: str, size_eighths: int, color: str = "000000", space: int = 1) -> str:
    """One paragraph border line; width in eighths of a point (0.35 mm ≈ 8)."""
    return f'<w:{side} w:val="single" w:sz="{size_eighths}" w:space="{space}" w:color={attr(color)}/>'


def page_field(props: str) -> str:
    """A PAGE field (complex form, which Word and LibreOffice both update)."""
    return (f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{props}<w:t>1</w:t></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')


def anchored_box(content: str, width: int, height: int, name: str) -> str:
    """A run holding a borderless text box (DrawingML) pinned to the bottom of the page's
    text area, full width, with `content` (paragraph XML) inside; sizes in twips."""
    cx, cy = width * EMU_PER_TWIP, height * EMU_PER_TWIP
    return (
        '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapTopAndBottom/><wp:docPr id="1" name={attr(name)}/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPS_NS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b">'
        '<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def wrap(fragments: Iterable[str], tag: str = "w:body") -> str:
    """Fragments inside one element carrying the namespace declarations, ready to parse."""
    return f"<{tag} {NSDECLS}>{''.join(fragments)}</{tag}>"
