"""Named styles, page setup and page-number footers of a 公文 DOCX (GB/T 9704-2012).

The numbers are those of docs/render.md (from the standard): A4, 天头 37 mm, 订口 28 mm,
版心 156 × 225 mm, 22 lines of 28 characters in 3号仿宋, line pitch 28.95 pt.
"""
from __future__ import annotations

from dataclasses import dataclass

from planner.render.oxml import NSDECLS, attr, fonts, indent, twips
from planner.render.profile import Profile

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4 in twips
MARGINS = {"top": 2098, "right": 1474, "bottom": 1984, "left": 1587}  # 37/26/35/28 mm
TEXT_WIDTH = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]  # 156 mm
LINE_PITCH = 579  # 28.95 pt: 22 lines fill the 225 mm 版心
HEADER_DISTANCE = twips(15)
# Footer text baseline block: its top sits 7 mm below the 版心 (35 mm − 7 mm = 28 mm
# above the page edge); a 4号 line is about 5 mm, so the footer starts 23 mm up.
FOOTER_DISTANCE = twips(23)
CHAR = 16 * 20  # one 3号 character in twips
SMALL_CHAR = 14 * 20  # one 4号 character

# Style ids. Heading styles keep Word's built-in names so the navigation pane shows them.
BODY, TITLE, CHAPTER = "BodyText", "Title", "Chapter"
HEADINGS = {0: CHAPTER, 1: "Heading1", 2: "Heading2", 3: "Heading3", 4: "Heading4"}
HEADING_CHARS = {level: f"{style}Char" for level, style in HEADINGS.items()}
RECIPIENTS, SIGNATURE, DOC_NUMBER = "Recipients", "Signature", "DocNumber"
MASTHEAD, IMPRINT, FOOTER = "Masthead", "Imprint", "Footer"
ATTACHMENT_LABEL, TABLE_TEXT, TABLE_HEADER = "AttachmentLabel", "TableText", "TableHeader"
# A landscape page keeps the 版心 where it is on the paper, turned with it: the 订口 side
# (where GB/T 9704 10.1 puts the table head on odd pages) becomes the top.
LANDSCAPE_MARGINS = {"top": MARGINS["left"], "right": MARGINS["top"], "bottom": MARGINS["right"],
                     "left": MARGINS["bottom"]}
LANDSCAPE_WIDTH = PAGE_HEIGHT - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]


# No punctuation hanging into the margin (the text stays inside the 版心), no extra space
# between Chinese and Latin text or digits (公文 writes 2024年, not 2024 年).
TYPESETTING = ('<w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/>'
               '<w:autoSpaceDN w:val="0"/>')


@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    name: str
    kind: str  # paragraph | character
    based_on: str = ""
    ppr: str = ""
    rpr: str = ""
    default: bool = False
    outline: int = -1


def style_specs(profile: Profile) -> list[StyleSpec]:
    f, s = profile.fonts, profile.sizes
    latin = f.latin

    def rpr(font: str, size: int, extra: str = "") -> str:
        return f"{fonts(font, latin)}{extra}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"

    spacing = f'<w:spacing w:val="{profile.char_spacing}"/>'
    no_grid = "<w:snapToGrid w:val=\"0\"/>"
    exact = f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
    body_indent = indent(first_chars=2)
    specs = [
        StyleSpec("Normal", "Normal", "paragraph", default=True,
                  ppr=f"<w:widowControl w:val=\"0\"/>{TYPESETTING}{exact}<w:jc w:val=\"both\"/>",
                  rpr=rpr(f.body, s.body, f"{spacing}<w:kern w:val=\"0\"/>")),
        StyleSpec(BODY, "Body Text", "paragraph", "Normal", ppr=body_indent),
        StyleSpec(TITLE, "Title", "paragraph", "Normal",
                  ppr=(f"<w:keepNext/>{no_grid}<w:spacing w:before=\"0\" w:after=\"{LINE_PITCH}\" "
                       f"w:line=\"{LINE_PITCH}\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>"),
                  rpr=rpr(f.title, s.title, '<w:spacing w:val="0"/>')),
        StyleSpec(CHAPTER, "Chapter Heading", "paragraph", "Normal", outline=0,
                  ppr='<w:keepNext/><w:jc w:val="center"/>', rpr=fonts(f.heading1, latin)),
        StyleSpec("Heading1", "heading 1", "paragraph", BODY, outline=0,
                  ppr="<w:keepNext/>", rpr=fonts(f.heading1, latin)),
        StyleSpec("Heading2", "heading 2", "paragraph", BODY, outline=1,
                  ppr="<w:keepNext/>", rpr=fonts(f.heading2, latin)),
        StyleSpec("Heading3", "heading 3", "paragraph", BODY, outline=2, rpr=fonts(f.body, latin)),
        StyleSpec("Heading4", "heading 4", "paragraph", BODY, outline=3, rpr=fonts(f.body, latin)),
        StyleSpec(RECIPIENTS, "Salutation", "paragraph", "Normal", ppr="<w:keepNext/>"),
        StyleSpec(SIGNATURE, "Signature", "paragraph", "Normal",
                  ppr='<w:keepNext/><w:keepLines/><w:jc w:val="left"/>'),
        StyleSpec(DOC_NUMBER, "Document Number", "paragraph", "Normal", ppr='<w:jc w:val="center"/>'),
        StyleSpec(MASTHEAD, "Masthead", "paragraph", "Normal",
                  ppr=f'{no_grid}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
                      '<w:jc w:val="center"/>',
                  rpr=rpr(f.masthead, s.masthead,
                          f'<w:color w:val={attr(profile.masthead_color)}/><w:spacing w:val="0"/>')),
        StyleSpec(IMPRINT, "Imprint", "paragraph", "Normal",
                  ppr=(f"{no_grid}<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE_PITCH}\" "
                       f"w:lineRule=\"exact\"/>{indent(left_chars=1, right_chars=1, char_twips=SMALL_CHAR)}"
                       '<w:jc w:val="left"/>'),
                  rpr=rpr(f.body, s.imprint, '<w:spacing w:val="0"/>')),
        StyleSpec(FOOTER, "footer", "paragraph", "Normal",
                  ppr=(f'{no_grid}<w:spacing w:before="0" w:after="0" w:line="{s.page_number * 10}" '
                       'w:lineRule="exact"/>'),
                  rpr=rpr(f.page_number, s.page_number, '<w:spacing w:val="0"/>')),
        StyleSpec(ATTACHMENT_LABEL, "Attachment Label", "paragraph", "Normal",
                  ppr='<w:keepNext/><w:jc w:val="left"/>', rpr=fonts(f.heading1, latin)),
        StyleSpec(TABLE_TEXT, "Table Text", "paragraph", "Normal",
                  ppr=(f'{no_grid}<w:spacing w:before="0" w:after="0" w:line="{s.table * 12}" '
                       'w:lineRule="exact"/><w:jc w:val="left"/>'),
                  rpr=rpr(f.body, s.table, '<w:spacing w:val="0"/>')),
        StyleSpec(TABLE_HEADER, "Table Header", "paragraph", TABLE_TEXT,
                  ppr='<w:keepNext/><w:jc w:val="center"/>', rpr=fonts(f.heading1, latin)),
        StyleSpec("DefaultParagraphFont", "Default Paragraph Font", "character", default=True),
    ]
    heading_fonts = {0: f.heading1, 1: f.heading1, 2: f.heading2, 3: f.body, 4: f.body}
    for level, style in HEADING_CHARS.items():
        specs.append(StyleSpec(style, f"{HEADINGS[level]} Char", "character", "DefaultParagraphFont",
                               rpr=fonts(heading_fonts[level], latin)))
    return specs


def styles_xml(profile: Profile) -> str:
    """styles.xml: document defaults and every style planner uses, fonts on all four
    slots (python-docx's template routes CJK text to theme fonts: none are kept)."""
    f, s = profile.fonts, profile.sizes
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f"{fonts(f.body, f.latin)}<w:sz w:val=\"{s.body}\"/><w:szCs w:val=\"{s.body}\"/>"
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        "<w:pPrDefault><w:pPr>"
        f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>")
    body = "".join(_style_xml(spec) for spec in style_specs(profile))
    return f'<w:styles {NSDECLS}>{defaults}{body}</w:styles>'


def _style_xml(spec: StyleSpec) -> str:
    default = ' w:default="1"' if spec.default else ""
    parts = [f"<w:name w:val={attr(spec.name)}/>"]
    if spec.based_on:
        parts.append(f"<w:basedOn w:val={attr(spec.based_on)}/>")
    if spec.kind == "paragraph" and spec.style_id != "Normal":
        parts.append('<w:next w:val="BodyText"/>' if spec.style_id != BODY else "")
    parts.append("<w:qFormat/>")
    ppr = spec.ppr
    if spec.outline >= 0:
        ppr = _insert_outline(ppr, spec.outline)
    if ppr and spec.kind == "paragraph":
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if spec.rpr:
        parts.append(f"<w:rPr>{spec.rpr}</w:rPr>")
    return f'<w:style w:type="{spec.kind}"{default} w:styleId={attr(spec.style_id)}>{"".join(parts)}</w:style>'


def _insert_outline(ppr: str, level: int) -> str:
    # w:outlineLvl comes after w:jc/w:ind in CT_PPrBase's sequence: append it last.
    return f'{ppr}<w:outlineLvl w:val="{level}"/>'


def section_xml(default_footer: str, even_footer: str, landscape: bool = False,
                declare: bool = True) -> str:
    """sectPr: A4, the 公文 margins, odd/even page-number footers, a 22-line grid. A
    landscape section (an 附件 table) starts on a new page."""
    margins = " ".join(f'w:{side}="{value}"' for side, value in
                       (LANDSCAPE_MARGINS if landscape else MARGINS).items())
    size = (f'<w:pgSz w:w="{PAGE_HEIGHT}" w:h="{PAGE_WIDTH}" w:orient="landscape"/>' if landscape
            else f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>')
    return (f"<w:sectPr{' ' + NSDECLS if declare else ''}>"
            f'<w:footerReference w:type="default" r:id="{default_footer}"/>'
            f'<w:footerReference w:type="even" r:id="{even_footer}"/>'
            '<w:type w:val="nextPage"/>'
            f'{size}'
            f'<w:pgMar {margins} w:header="{HEADER_DISTANCE}" w:footer="{FOOTER_DISTANCE}" w:gutter="0"/>'
            '<w:cols w:space="425"/>'
            f'<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>'
            "</w:sectPr>")


def footer_xml(odd: bool) -> str:
    """`— 1 —` in 4号宋体: odd pages right, even pages left, one character in (an
    indent, never spaces: GB/T 9704 7.5)."""
    from planner.render.oxml import page_field

    if odd:
        ppr = f'<w:ind w:right="{SMALL_CHAR}" w:rightChars="100"/><w:jc w:val="right"/>'
    else:
        ppr = f'<w:ind w:left="{SMALL_CHAR}" w:leftChars="100"/><w:jc w:val="left"/>'
    paragraph = (f'<w:p><w:pPr><w:pStyle w:val="{FOOTER}"/>{ppr}</w:pPr>'
                 '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
                 f'{page_field("")}'
                 '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>')
    return f"<w:ftr {NSDECLS}>{paragraph}</w:ftr>"
