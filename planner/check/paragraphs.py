"""Paragraph checks: each paragraph's role (title, body, heading level, table …) and its
font (F006), size (F007), first-line indent (F008), characters per line (F011), 文号 (F012)
and dates (F013), against the standard's table."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from planner.check.elements import notice_roles
from planner.check.findings import Finding
from planner.check.spacing import line_spacing
from planner.check.fonts import in_category
from planner.check.page import seen_size
from planner.check.parts import HALF_POINTS_PER_POINT, TWIPS_PER_POINT, W, Package, measure, whole
from planner.check.standard import FONTS, SIZE_NAMES, STANDARD, max_char_spacing
from planner.check.styles import (Styles, paragraph_style, paragraph_text, resolved_fonts, resolved_ppr,
                                  resolved_run_value, text_runs)
from planner.form.attachments import is_label
from planner.form.docnumber import DOC_NUMBER_RE, normalize_doc_number
from planner.form.markers import level_of

# 例：heading 2 / Heading2Char
HEADING_NAME_RE = re.compile(r"heading\s*(\d)", re.I)
# 例：2024年05月31日 / 2024年5月01日
PADDED_DATE_RE = re.compile(r"\d{4}年(0\d月|\d{1,2}月0\d日)")
# 例：二〇二四年五月三十一日
CN_DATE_RE = re.compile(r"^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$")
ROLE_LABELS = {"title": "标题", "body": "正文", "attachment": "“附件”二字"}
# Roles whose font and size are checked (the rest — 主送, 署名, 版记 … — are 3号/4号仿宋 by
# 5.2.2's default and not told apart here).
ROLE_FONTS = ("title", "body", "attachment", "table", "heading1", "heading2", "heading3", "heading4")


def paragraphs(package: Package, styles: Styles) -> Iterator[Finding]:
    numbered = [(number, paragraph, paragraph_text(paragraph))
                for number, paragraph in enumerate(package.body_paragraphs(), 1)]
    numbered = [item for item in numbered if item[2].strip()]
    by_content = notice_roles([text for _, _, text in numbered])
    roles = {at: by_content.get(at) or _role(paragraph, styles, text)
             for at, (_, paragraph, text) in enumerate(numbered)}
    yield from line_spacing(numbered, roles, styles)
    for at, (number, paragraph, text) in enumerate(numbered):
        where = f"第 {number} 段（{text.strip()[:12]}）"
        role = roles[at]
        yield from _fonts_and_sizes(paragraph, styles, role if role in ROLE_FONTS else "other", where)
        if role == "body":
            yield from _indent(paragraph, styles, text, where)
        elif role == "recipients":
            yield from _flush_left(paragraph, styles, text, where)
        yield from _forms(text, where)


def _role(paragraph, styles: Styles, text: str) -> str:
    style = (paragraph_style(paragraph, styles) or "").lower()
    name = styles.name(paragraph_style(paragraph, styles)).lower()
    if any(a.tag == W + "tbl" for a in paragraph.iterancestors()):
        return "table"
    if style == "title" or name == "title":
        return "title"
    if style == "attachmentlabel" or is_label(text):
        return "attachment"
    if "masthead" in style or "imprint" in style:
        return "other"
    jc = resolved_ppr(styles, paragraph, "jc").get("val")
    if jc in ("center", "right"):
        return "other"
    level = level_of(text)  # 一、 （一） 1. （1）: planner.form's markers
    if level:
        return f"heading{level}"
    level = _style_level(paragraph, styles)
    if level:
        return f"heading{level}"
    if style in ("recipients", "signature", "docnumber") or resolved_ppr(styles, paragraph, "ind").get("left"):
        return "other"
    return "body"


def _style_level(paragraph, styles: Styles) -> Optional[int]:
    """Heading level of an unnumbered heading: the paragraph style's outline level, or a
    heading character style on its first run (a run-in heading)."""
    outline = whole(resolved_ppr(styles, paragraph, "outlineLvl").get("val"))
    if outline is not None and 0 <= outline < 9:
        return min(outline + 1, 4)
    runs = text_runs(paragraph)
    rstyle = runs[0].find(f"{W}rPr/{W}rStyle") if runs else None
    if rstyle is not None:
        style_id = rstyle.get(W + "val") or ""
        found = HEADING_NAME_RE.search(style_id) or HEADING_NAME_RE.search(styles.name(style_id))
        if found:
            return min(max(int(found.group(1)), 1), 4)
    return None


def _fonts_and_sizes(paragraph, styles: Styles, role: str, where: str) -> Iterator[Finding]:
    runs = text_runs(paragraph)
    if not runs:
        return
    first = runs[0]
    east = resolved_fonts(styles, paragraph, first).get("eastAsia", "")
    if role == "table":  # 表格：仿宋（表头可用黑体），字号不限
        if not (in_category(east, "仿宋") or in_category(east, "黑体")):
            yield Finding("F006", where, f"表格文字应为仿宋（表头可用黑体）（实际：{east or '未指定'}）")
        return
    expected_font = FONTS.get(role)
    if expected_font and not in_category(east, expected_font):
        label = ROLE_LABELS.get(role) or f"{'一二三四'[int(role[-1]) - 1]}级标题"
        yield Finding("F006", where, f"{label}字体应为{expected_font}（实际：{east or '未指定'}）")
    points = _expected_size(role)
    written = resolved_run_value(styles, paragraph, first, "sz")
    size = measure(written, HALF_POINTS_PER_POINT)
    if points and (size is None or size != points * 2):
        yield Finding("F007", where, f"字号应为{SIZE_NAMES[points]}（实际：{seen_size(written, size)}）")
    if role == "body":
        spacing = measure(resolved_run_value(styles, paragraph, first, "spacing"), TWIPS_PER_POINT)
        if spacing is None or spacing > max_char_spacing():
            yield Finding("F011", where, "三号字每行排不下 28 字：字距应压缩 0.25 磅（w:spacing -5）"
                                         "或在文档网格中设置字符跨度")


def _expected_size(role: str) -> Optional[float]:
    """Points: the title 2号, body, headings and the 附件 label 3号; other parts unchecked."""
    if role == "title":
        return STANDARD["title_size"].amount
    return STANDARD["body_size"].amount if role != "other" else None


def _indent(paragraph, styles: Styles, text: str, where: str) -> Iterator[Finding]:
    if text[:1] in (" ", "　", "\t"):
        yield Finding("F008", where, "用空格缩进；首行缩进应设为 2 字符（段落格式），不用空格")
        return
    ind = resolved_ppr(styles, paragraph, "ind")
    written, chars, first = ind.get("firstLineChars"), whole(ind.get("firstLineChars")), \
        measure(ind.get("firstLine"), TWIPS_PER_POINT)
    indent = STANDARD["paragraph_indent"].amount
    twips = indent * STANDARD["body_size"].amount * 20
    if chars != round(indent * 100) and not (first and abs(first - twips) <= 20 and written is None):
        seen = f"{chars / 100:g} 字符" if chars is not None else (f"{first / 20:g} 磅" if first else "无")
        yield Finding("F008", where, f"首行缩进应为 2 字符（实际：{seen}）")


def _flush_left(paragraph, styles: Styles, text: str, where: str) -> Iterator[Finding]:
    """7.3.2: the 主送 居左顶格 (its continuation lines too), ending in a full-width colon."""
    ind = resolved_ppr(styles, paragraph, "ind")
    indents = [ind.get(key) for key in ("firstLine", "firstLineChars", "left", "leftChars", "start", "startChars")]
    if text[:1] in (" ", "　", "\t") or any(value not in (None, "0") for value in indents):
        seen = "空格" if text[:1] in (" ", "　", "\t") else "缩进"
        yield Finding("F015", where, f"主送机关应居左顶格（实际：有{seen}）；请去掉首行缩进和左缩进")
    if text.rstrip().endswith(":"):
        yield Finding("F015", where, "主送机关后应为全角冒号“：”（实际：半角“:”）")


def _forms(text: str, where: str) -> Iterator[Finding]:
    for match in DOC_NUMBER_RE.finditer(text):
        canonical = normalize_doc_number(match.group(0))
        if canonical and canonical != match.group(0):
            yield Finding("F012", where, f"发文字号写法不规范（{match.group(0)}）；应为 {canonical}")
    for match in PADDED_DATE_RE.finditer(text):
        yield Finding("F013", where, f"日期不应补零（{match.group(0)}…）；如 2024年5月31日")
    if CN_DATE_RE.match(text.strip()):
        yield Finding("F013", where, f"成文日期应使用阿拉伯数字（{text.strip()}）；如 2024年5月31日")
