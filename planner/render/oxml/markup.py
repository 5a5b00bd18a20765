"""Namespaces, escaping and units: what every WordprocessingML fragment is written with.

Text from a plan is escaped here and never interpreted: XML-special characters are
escaped, characters XML 1.0 forbids (control characters, lone surrogates) are dropped.
"""
from __future__ import annotations

from typing import Optional

from planner.form.patterns import lazy

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
# Declared on the root of every WordprocessingML part: the body may hold a DrawingML box.
NAMESPACES = {"w": W_NS, "r": R_NS, "wp": WP_NS, "a": A_NS, "wps": WPS_NS}
NSDECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

PT = 20  # twips per point
MM = 1440 / 25.4  # twips per millimetre
EMU_PER_TWIP = 635

# Characters XML 1.0 cannot carry (tab, LF and CR are handled as runs' tab/br).
FORBIDDEN_RE = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# An attribute value in double quotes: the markup characters, the quote and the whitespace
# an XML parser would otherwise normalise to spaces.
ATTRIBUTE_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


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


def empty(tag: str, **attributes: object) -> str:
    """`<w:tag w:name="value" …/>`, attributes in the order given; None values left out.
    Names are written in the w: namespace (`before_lines` → `w:beforeLines`)."""
    pairs = "".join(f" w:{_camel(name)}={attr(value)}" for name, value in attributes.items()
                    if value is not None)
    return f"<w:{tag}{pairs}/>"


def toggle(tag: str, value: Optional[bool]) -> str:
    """An on/off property: `<w:tag/>` when on, `<w:tag w:val="0"/>` when off, nothing when unset."""
    if value is None:
        return ""
    return f"<w:{tag}/>" if value else f'<w:{tag} w:val="0"/>'


def part(root: str, content: str) -> str:
    """A whole XML part: the declaration and `root` (with the namespaces) around `content`."""
    return f"{DECLARATION}<{root} {NSDECLS}>{content}</{root}>"


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)
