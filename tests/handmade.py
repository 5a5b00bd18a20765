"""A 印发通知 written by hand with python-docx, as a Word user would set it up — not by
planner — right by GB/T 9704-2012 (../shared/spec/gbt9704.md), and the same notice wrong in
one way at a time. check-format must pass the first and catch each of the others with its
own code and clause.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, Twips

TITLE = "青岛市即墨区人民政府办公室\n关于印发数字即墨2024年行动方案的通知"  # 13 over 18 characters
RECIPIENTS = "各镇人民政府，各街道办事处："
BODY = ("《数字即墨2024年行动方案》已经区政府研究同意，现印发给你们，请认真贯彻落实。"
        "各单位要按照方案确定的目标任务，细化工作措施，明确责任分工，加强协调配合，确保各项任务落到实处。",
        "各牵头单位要会同配合单位制定年度推进计划，建立工作台账，按季度报送进展情况。"
        "区大数据与电子政务服务中心负责统筹协调，定期调度通报，推动解决重点难点问题，"
        "确保年底前各项目标全面完成。")
ISSUER, DATE, NOTE = "青岛市即墨区人民政府办公室", "2024年5月31日", "（此件公开发布）"
CC = "抄送：区委各部门，区人大常委会办公室，区政协办公室，区法院，区检察院，区委办公室，区纪委监委。"
PRINTED = "青岛市即墨区人民政府办公室　　　　　　2024年5月31日印发"
FANGSONG, SONG, BIAOSONG = "仿宋_GB2312", "宋体", "方正小标宋简体"
CHAR = 320  # one 3号 character, twips
WRONG = ("top_margin_28mm", "spacing_33pt", "signature_alone", "imprint_cut_off", "recipients_indented",
         "hyphen_page_numbers")


def notice(path: Path, wrong: str = "") -> Path:
    """The notice, right — or wrong in the one way named (one of WRONG)."""
    document = Document()
    _styles(document, spacing=Pt(33) if wrong == "spacing_33pt" else Twips(579))
    _page(document.sections[0], top=Mm(28) if wrong == "top_margin_28mm" else Mm(37))
    _footers(document, "- {} -" if wrong == "hyphen_page_numbers" else "— {} —")
    body = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    _title(body)
    recipients = document.add_paragraph(RECIPIENTS)
    recipients.paragraph_format.first_line_indent = Twips(2 * CHAR if wrong == "recipients_indented" else 0)
    for text in BODY:
        document.add_paragraph(text).paragraph_format.first_line_indent = Twips(2 * CHAR)
    if wrong == "signature_alone":
        document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph()
    document.add_paragraph(ISSUER).paragraph_format.left_indent = Twips((28 - 2 - 13) * CHAR)
    document.add_paragraph(DATE).paragraph_format.left_indent = Twips((28 - 2 - 13 + 2) * CHAR)
    document.add_paragraph(NOTE).paragraph_format.first_line_indent = Twips(2 * CHAR)
    if wrong == "imprint_cut_off":
        _imprint_in_a_small_box(document)
    document.save(path)
    return path


def _styles(document, spacing) -> None:
    """Normal: 3号仿宋 on all four font slots (no theme fonts), exact line spacing, 28
    characters a line (character spacing −0.25 pt), no space between paragraphs."""
    styles = document.styles.element
    for node in styles.iter(qn("w:rFonts")):
        for key in list(node.attrib):
            if key.endswith("Theme") or key.endswith("theme"):
                del node.attrib[key]
    normal = document.styles["Normal"]
    _fonts(normal.element.get_or_add_rPr(), FANGSONG)
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="-5"/>'))
    form = normal.paragraph_format
    form.line_spacing, form.space_before, form.space_after = spacing, 0, 0
    form.line_spacing_rule = 4  # WD_LINE_SPACING.EXACTLY
    form.widow_control = False


def _fonts(rpr, name: str) -> None:
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    rpr.insert(0, parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{name}" w:hAnsi="{name}" '
                            f'w:eastAsia="{name}" w:cs="{name}" w:hint="eastAsia"/>'))


def _page(section, top) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = top, Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(24.5)
    section.start_type = WD_SECTION.NEW_PAGE
    for old in section._sectPr.findall(qn("w:docGrid")):
        section._sectPr.remove(old)
    section._sectPr.append(parse_xml(f'<w:docGrid {nsdecls("w")} w:type="lines" w:linePitch="579"/>'))


def _footers(document, form: str) -> None:
    """`— N —` in 4号宋体: odd pages right, even pages left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
        indent = Twips(280)
        if odd:
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        before, after = form.split("{}")
        props = (f'<w:rPr><w:rFonts w:ascii="{SONG}" w:hAnsi="{SONG}" w:eastAsia="{SONG}" w:cs="{SONG}"/>'
                 '<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>')
        runs = [f'<w:t xml:space="preserve">{before}</w:t>', '<w:fldChar w:fldCharType="begin"/>',
                '<w:instrText xml:space="preserve"> PAGE </w:instrText>', '<w:fldChar w:fldCharType="separate"/>',
                "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>', f'<w:t xml:space="preserve">{after}</w:t>']
        for content in runs:
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}>{props}{content}</w:r>'))


def _title(paragraph) -> None:
    """2号小标宋, centred, two lines (a line break), not on the 3号 grid."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Twips(579)
    paragraph.paragraph_format.line_spacing = Twips(579)
    paragraph.paragraph_format.line_spacing_rule = 4
    first, second = TITLE.split("\n")
    run = paragraph.add_run(first)
    run.add_break()
    run.add_text(second)
    _fonts(run._r.get_or_add_rPr(), BIAOSONG)
    run.font.size = Pt(22)
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>'))


def _imprint_in_a_small_box(document) -> None:
    """A 版记 in a text box of fixed height, two lines tall: the 抄送 list wraps to three
    lines, and the 印发 line falls outside the box."""
    lines = "".join(f'<w:p><w:pPr><w:ind w:left="280" w:right="280"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
                    f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in (CC, PRINTED))
    width, height = 8845 * 635, 2 * 579 * 635
    box = (f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
           '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
           'behindDoc="0" locked="1" layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>'
           '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
           '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
           f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
           '<wp:docPr id="9" name="版记"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
           'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
           f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
           '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
           f'<wps:txbx><w:txbxContent>{lines}</w:txbxContent></wps:txbx><wps:bodyPr lIns="0" tIns="0" rIns="0" '
           'bIns="0" anchor="b"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
           '</w:drawing></w:r>')
    document.add_paragraph()._p.append(parse_xml(box))
