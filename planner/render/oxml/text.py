"""Runs and run properties (w:r, w:rPr): text, line breaks, fonts, sizes, the PAGE field."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from planner.form.patterns import lazy
from planner.render.oxml.markup import attr, clean, escape

# 例：the tab in `印发机关\t2024年5月31日印发`, the line break in a two-line title
BREAKS_RE = lazy(r"(\t|\r\n|\n|\r)")
# Any character run() must do more than copy: a break, one XML forbids, one it escapes.
# Most text has none, and one scan in C tells. 例：\t / \x0b / & / <
SPECIAL_RE = lazy("[\x00-\x1f&<>\ud800-\udfff\ufffe\uffff]")
LINE_BREAK = "<w:r><w:br/></w:r>"


@dataclass(frozen=True)
class RunFormat:
    """Character formatting: a character style, a font (with its Latin font), size in
    half-points, character spacing in twentieths of a point, colour as RRGGBB."""

    style: Optional[str] = None
    font: Optional[str] = None
    latin: Optional[str] = None
    bold: bool = False
    strike: bool = False
    color: Optional[str] = None
    spacing: Optional[int] = None
    kern: Optional[int] = None
    size: Optional[int] = None
    highlight: Optional[str] = None  # a highlighter colour name (yellow …)
    underline: bool = False
    lang: Optional[tuple[str, str, str]] = None  # (Latin, East Asian, complex script)


def fonts(name: str, latin: Optional[str] = None) -> str:
    """rFonts on all four slots plus the eastAsia hint, so “ ” — … take the Chinese font.
    No *Theme attributes: a theme font would override the named one."""
    latin = latin or name
    return (f"<w:rFonts w:ascii={attr(latin)} w:hAnsi={attr(latin)} w:eastAsia={attr(name)}"
            f' w:cs={attr(latin)} w:hint="eastAsia"/>')


@lru_cache(maxsize=256)
def run_props(form: RunFormat) -> str:
    """<w:rPr> in the schema's order (CT_RPr), or nothing for no formatting."""
    parts = []
    if form.style:
        parts.append(f"<w:rStyle w:val={attr(form.style)}/>")
    if form.font:
        parts.append(fonts(form.font, form.latin))
    if form.bold:
        parts.append("<w:b/><w:bCs/>")
    if form.strike:
        parts.append("<w:strike/>")
    if form.color:
        parts.append(f"<w:color w:val={attr(form.color)}/>")
    if form.spacing is not None:
        parts.append(f'<w:spacing w:val="{form.spacing}"/>')
    if form.kern is not None:
        parts.append(f'<w:kern w:val="{form.kern}"/>')
    if form.size:
        parts.append(f'<w:sz w:val="{form.size}"/><w:szCs w:val="{form.size}"/>')
    if form.highlight:
        parts.append(f"<w:highlight w:val={attr(form.highlight)}/>")
    if form.underline:
        parts.append('<w:u w:val="single"/>')
    if form.lang:
        latin, east_asian, bidi = form.lang
        parts.append(f"<w:lang w:val={attr(latin)} w:eastAsia={attr(east_asian)} w:bidi={attr(bidi)}/>")
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def is_plain(text: str) -> bool:
    """Whether run() writes `text` as it is, between <w:t> and </w:t>."""
    return SPECIAL_RE.search(text) is None


def run(text: str, props: str = "") -> str:
    """A run; tabs and line breaks inside the text become w:tab / w:br. `props` is a
    run_props() result."""
    if SPECIAL_RE.search(text) is None:
        return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
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


def page_field(props: str = "") -> str:
    """A PAGE field (complex form, which Word and LibreOffice both update)."""
    return (f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{props}<w:t>1</w:t></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')
