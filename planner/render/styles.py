"""Named styles of a 公文 DOCX (GB/T 9704-2012): a paragraph style per role, fonts and sizes
from the profile, everything on the 28.95 pt line grid of the page (render.page)."""
from __future__ import annotations

from planner.render.oxml.paragraph import Indent, ParagraphFormat, Spacing
from planner.render.oxml.styles import Style, styles_part
from planner.render.oxml.text import RunFormat
from planner.render.page import FOOTER_STYLE, LINE_PITCH, SMALL_CHAR
from planner.render.profile import Profile

# Style ids. Heading styles keep Word's built-in names so the navigation pane shows them.
BODY, TITLE, CHAPTER = "BodyText", "Title", "Chapter"
HEADINGS = {0: CHAPTER, 1: "Heading1", 2: "Heading2", 3: "Heading3", 4: "Heading4"}
HEADING_CHARS = {level: f"{style}Char" for level, style in HEADINGS.items()}
RECIPIENTS, SIGNATURE, DOC_NUMBER = "Recipients", "Signature", "DocNumber"
MASTHEAD, IMPRINT, FOOTER = "Masthead", "Imprint", FOOTER_STYLE
ATTACHMENT_LABEL, TABLE_TEXT, TABLE_HEADER = "AttachmentLabel", "TableText", "TableHeader"

EXACT = Spacing(before=0, after=0, line=LINE_PITCH, line_rule="exact")
KEEP_NEXT = ParagraphFormat(keep_next=True)
# No punctuation hanging into the margin (the text stays inside the 版心), no extra space
# between Chinese and Latin text or digits (公文 writes 2024年, not 2024 年).
NORMAL = ParagraphFormat(widow_control=False, overflow_punct=False, auto_space=False, spacing=EXACT, jc="both")


def _exact(line: int) -> Spacing:
    return Spacing(before=0, after=0, line=line, line_rule="exact")


def paragraph_styles(profile: Profile) -> list[Style]:
    f, s = profile.fonts, profile.sizes

    def font(name: str, size: int | None = None, **more) -> RunFormat:
        return RunFormat(font=name, latin=f.latin, size=size, **more)

    def style(style_id: str, name: str, based_on: str = "Normal", **more) -> Style:
        return Style(style_id, name, "paragraph", based_on, BODY if style_id != BODY else "", **more)

    return [
        Style("Normal", "Normal", "paragraph", default=True, paragraph=NORMAL,
              run=font(f.body, s.body, spacing=profile.char_spacing, kern=0)),
        style(BODY, "Body Text", paragraph=ParagraphFormat(indent=Indent(first_chars=2))),
        style(TITLE, "Title", paragraph=ParagraphFormat(
            keep_next=True, snap_to_grid=False, jc="center",
            spacing=Spacing(before=0, after=LINE_PITCH, line=LINE_PITCH, line_rule="exact")),
            run=font(f.title, s.title, spacing=0)),
        style(CHAPTER, "Chapter Heading", paragraph=ParagraphFormat(keep_next=True, jc="center", outline=0),
              run=font(f.heading1)),
        style("Heading1", "heading 1", BODY, paragraph=ParagraphFormat(keep_next=True, outline=0),
              run=font(f.heading1)),
        style("Heading2", "heading 2", BODY, paragraph=ParagraphFormat(keep_next=True, outline=1),
              run=font(f.heading2)),
        style("Heading3", "heading 3", BODY, paragraph=ParagraphFormat(outline=2), run=font(f.body)),
        style("Heading4", "heading 4", BODY, paragraph=ParagraphFormat(outline=3), run=font(f.body)),
        style(RECIPIENTS, "Salutation", paragraph=KEEP_NEXT),
        style(SIGNATURE, "Signature", paragraph=ParagraphFormat(keep_next=True, keep_lines=True, jc="left")),
        style(DOC_NUMBER, "Document Number", paragraph=ParagraphFormat(jc="center")),
        style(MASTHEAD, "Masthead", paragraph=ParagraphFormat(
            snap_to_grid=False, jc="center", spacing=Spacing(before=0, after=0, line=240, line_rule="auto")),
            run=font(f.masthead, s.masthead, color=profile.masthead_color, spacing=0)),
        style(IMPRINT, "Imprint", paragraph=ParagraphFormat(
            snap_to_grid=False, spacing=EXACT, jc="left",
            indent=Indent(left_chars=1, right_chars=1, char_twips=SMALL_CHAR)),
            run=font(f.body, s.imprint, spacing=0)),
        style(FOOTER, "footer", paragraph=ParagraphFormat(snap_to_grid=False, spacing=_exact(s.page_number * 10)),
              run=font(f.page_number, s.page_number, spacing=0)),
        style(ATTACHMENT_LABEL, "Attachment Label", paragraph=ParagraphFormat(keep_next=True, jc="left"),
              run=font(f.heading1)),
        style(TABLE_TEXT, "Table Text", paragraph=ParagraphFormat(
            snap_to_grid=False, spacing=_exact(s.table * 12), jc="left"), run=font(f.body, s.table, spacing=0)),
        style(TABLE_HEADER, "Table Header", TABLE_TEXT, paragraph=ParagraphFormat(keep_next=True, jc="center"),
              run=font(f.heading1)),
    ]


def character_styles(profile: Profile) -> list[Style]:
    """The default paragraph font, and a character style per heading level for run-in heads."""
    f = profile.fonts
    heading_fonts = {0: f.heading1, 1: f.heading1, 2: f.heading2, 3: f.body, 4: f.body}
    specs = [Style("DefaultParagraphFont", "Default Paragraph Font", "character", default=True)]
    for level, style_id in HEADING_CHARS.items():
        specs.append(Style(style_id, f"{HEADINGS[level]} Char", "character", "DefaultParagraphFont",
                           run=RunFormat(font=heading_fonts[level], latin=f.latin)))
    return specs


def styles_xml(profile: Profile) -> str:
    """styles.xml: document defaults and every style planner uses, fonts on all four slots
    and no theme fonts (a theme font would route CJK text to another face)."""
    f, s = profile.fonts, profile.sizes
    defaults = RunFormat(font=f.body, latin=f.latin, size=s.body, lang=("en-US", "zh-CN", "ar-SA"))
    return styles_part(defaults, ParagraphFormat(spacing=EXACT),
                       paragraph_styles(profile) + character_styles(profile))
