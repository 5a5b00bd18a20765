"""`planner check-format`: read a DOCX back and report every deviation from GB/T 9704-2012.

Each finding has a code (F001…), a place (页面设置, 样式 X, 第 N 段 …) and a Chinese message
saying what is wrong, what was seen and what is expected. The lint F rules reuse them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from planner.render import styles as st
from planner.render.docxread import (FONT_SLOTS, W, Package, Styles, paragraph_style, paragraph_text,
                                     resolved_fonts, resolved_ppr, resolved_run_value, text_runs)
from planner.text import DOC_NUMBER_RE, normalize_doc_number

TOLERANCE = 57  # 1 mm in twips
# Font categories by role: a name is accepted when it contains one of the words.
CATEGORIES = {
    "仿宋": ("仿宋", "fangsong", "fang song"),
    "黑体": ("黑体", "simhei", "heiti", "hei"),
    "楷体": ("楷体", "kaiti", "kai"),
    "小标宋": ("小标宋", "标宋", "xiaobiaosong"),
    "宋体": ("宋体", "simsun", "songti", "song"),
}
# 例：一、 （一） 1. （1） at the start of a heading paragraph.
LEVEL_RES = [(1, re.compile(r"^[〇零一二三四五六七八九十百]+、")), (2, re.compile(r"^（[〇零一二三四五六七八九十百]+）")),
             (3, re.compile(r"^\d+[.．]")), (4, re.compile(r"^（\d+）"))]
LEVEL_FONTS = {1: "黑体", 2: "楷体", 3: "仿宋", 4: "仿宋"}
# 例：2024年05月31日 / 二〇二四年五月三十一日
PADDED_DATE_RE = re.compile(r"\d{4}年(0\d月|\d{1,2}月0\d日)")
CN_DATE_RE = re.compile(r"^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$")
SIZE_NAMES = {44: "二号", 32: "三号", 28: "四号"}
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


# The F codes (lint's F group is these findings): what each one checks.
FORMAT_CODES = {
    "F001": "纸张为 A4（210×297 毫米；横排表格页为 297×210 毫米）",
    "F002": "页边距：天头 37 毫米、订口 28 毫米、下 35 毫米、右 26 毫米",
    "F003": "文档网格每页 22 行（按行网格，行距 28.95 磅）",
    "F004": "不残留主题字体（asciiTheme 等会覆盖指定的字体）",
    "F005": "所用段落样式在 rFonts 的 ascii、hAnsi、eastAsia、cs 四处都有字体",
    "F006": "各部分字体：标题小标宋，正文仿宋，一级标题黑体，二级楷体，页码宋体，“附件”黑体",
    "F007": "字号：标题二号，正文及各级标题三号，页码四号",
    "F008": "正文首行缩进 2 字符，不用空格缩进",
    "F010": "页码“— 1 —”，奇偶页不同，单页居右、双页居左各空一字，用缩进不用空格",
    "F011": "三号字每行排下 28 字（字距压缩 0.25 磅或设字符网格）",
    "F012": "发文字号写作“机关代字〔年份〕序号号”",
    "F013": "日期用阿拉伯数字且不补零（2024年5月31日）",
}


@dataclass(frozen=True)
class Finding:
    """One deviation: code, where it is, and what is wrong."""

    code: str
    where: str
    message: str

    def line(self, path: str) -> str:
        return f"{path}: {self.where}: {self.code} {self.message}"


def check_docx(path: str | Path) -> list[Finding]:
    """Every format finding for the DOCX at `path` (SourceError when it cannot be read)."""
    package = Package.open(Path(path))
    styles = Styles(package.styles)
    findings = list(_page(package))
    findings += _settings(package)
    findings += _theme_fonts(package)
    findings += _style_fonts(styles, _used_styles(package, styles))
    findings += _paragraphs(package, styles)
    findings += _footers(package, styles)
    return findings


def _page(package: Package) -> Iterator[Finding]:
    sections = package.sections()
    if not sections:
        yield Finding("F001", "页面设置", "没有节属性（sectPr）；应为 A4 纸，页边距按 GB/T 9704 设置")
        return
    for number, sect in enumerate(sections, 1):
        where = "页面设置" if len(sections) == 1 else f"第 {number} 节页面设置"
        size = sect.find(W + "pgSz")
        width, height = (_int(size, "w"), _int(size, "h")) if size is not None else (None, None)
        landscape = size is not None and size.get(W + "orient") == "landscape"
        expected = (st.PAGE_HEIGHT, st.PAGE_WIDTH) if landscape else (st.PAGE_WIDTH, st.PAGE_HEIGHT)
        if width is None or abs(width - expected[0]) > 20 or abs(height - expected[1]) > 20:
            yield Finding("F001", where, f"纸张不是 A4（{_mm(width)}×{_mm(height)} 毫米）；应为 210×297 毫米")
        yield from _margins(sect.find(W + "pgMar"), where, landscape)
        grid = sect.find(W + "docGrid")
        pitch = _int(grid, "linePitch") if grid is not None else None
        if grid is None or grid.get(W + "type") not in ("lines", "linesAndChars") or \
                pitch is None or abs(pitch - st.LINE_PITCH) > 2:
            seen = f"行距 {pitch / 20:g} 磅" if pitch else "未设文档网格"
            yield Finding("F003", where, f"文档网格不是每页 22 行（{seen}）；应为按行网格，行距 28.95 磅（579）")


def _margins(margins, where: str, landscape: bool) -> Iterator[Finding]:
    # A landscape 附件 table page keeps the 版心 where it is on the paper, turned with it.
    expected = dict(st.LANDSCAPE_MARGINS if landscape else st.MARGINS)
    names = {"top": "上（天头）", "bottom": "下", "left": "左（订口）", "right": "右"}
    for side, value in expected.items():
        seen = _int(margins, side) if margins is not None else None
        if seen is None or abs(seen - value) > TOLERANCE:
            yield Finding("F002", where, f"{names[side]}页边距为 {_mm(seen)} 毫米；应为 {_mm(value)} 毫米")


def _settings(package: Package) -> Iterator[Finding]:
    settings = package.settings
    flag = settings.find(W + "evenAndOddHeaders") if settings is not None else None
    if flag is None or flag.get(W + "val") in ("0", "false"):
        yield Finding("F010", "页码", "未设置奇偶页不同；页码应单页居右、双页居左")


def _theme_fonts(package: Package) -> Iterator[Finding]:
    parts = [("styles.xml", package.styles), ("document.xml", package.document)]
    parts += [(f"页脚 {rid}", footer) for rid, footer in package.footers.items()]
    for name, root in parts:
        if root is None:
            continue
        for node in root.iter(W + "rFonts"):
            themes = [key.replace(W, "") for key in node.attrib if key.lower().endswith("theme")]
            if themes:
                owner = _owner(node)
                yield Finding("F004", f"{name} {owner}",
                              f"使用了主题字体（{'、'.join(themes)}），会覆盖指定字体；请删除主题字体，"
                              "在 ascii/hAnsi/eastAsia/cs 四处写明字体名")
                break


def _used_styles(package: Package, styles: Styles) -> list[str]:
    used = dict.fromkeys(paragraph_style(p, styles) for p in package.body_paragraphs())
    return [style_id for style_id in used if style_id in styles.by_id]


def _style_fonts(styles: Styles, used: list[str]) -> Iterator[Finding]:
    """Every paragraph style the document uses declares (or inherits) all four font slots."""
    for style_id in used:
        fonts: dict[str, str] = {}
        for layer in [styles.default_rpr] + [s.find(W + "rPr") for s in styles.chain(style_id)]:
            node = layer.find(W + "rFonts") if layer is not None else None
            if node is not None:
                fonts.update({k.replace(W, ""): v for k, v in node.attrib.items()})
        missing = [slot for slot in FONT_SLOTS if slot not in fonts]
        if missing:
            yield Finding("F005", f"样式 {styles.name(style_id)}",
                          f"字体未在 {'、'.join(missing)} 上声明；中文字体应在 rFonts 四处都写明")


def _paragraphs(package: Package, styles: Styles) -> Iterator[Finding]:
    for number, paragraph in enumerate(package.body_paragraphs(), 1):
        text = paragraph_text(paragraph)
        if not text.strip():
            continue
        where = f"第 {number} 段（{text.strip()[:12]}）"
        role = _role(paragraph, styles, text)
        yield from _fonts_and_sizes(paragraph, styles, role, where)
        if role == "body":
            yield from _indent(paragraph, styles, text, where)
        yield from _forms(text, where)


def _role(paragraph, styles: Styles, text: str) -> str:
    style = (paragraph_style(paragraph, styles) or "").lower()
    name = styles.name(paragraph_style(paragraph, styles)).lower()
    if any(a.tag == W + "tbl" for a in paragraph.iterancestors()):
        return "table"
    if style == "title" or name == "title":
        return "title"
    if style == "attachmentlabel" or text.strip() in ("附件", "附件：") or re.fullmatch(r"附件\d+", text.strip()):
        return "attachment"
    if "masthead" in style or "imprint" in style:
        return "other"
    jc = resolved_ppr(styles, paragraph, "jc").get("val")
    if jc in ("center", "right"):
        return "other"
    for level, pattern in LEVEL_RES:
        if pattern.match(text.strip()):
            return f"heading{level}"
    level = _style_level(paragraph, styles)
    if level:
        return f"heading{level}"
    if style in ("recipients", "signature", "docnumber") or resolved_ppr(styles, paragraph, "ind").get("left"):
        return "other"
    return "body"


HEADING_NAME_RE = re.compile(r"heading\s*(\d)", re.I)


def _style_level(paragraph, styles: Styles) -> Optional[int]:
    """Heading level of an unnumbered heading: the paragraph style's outline level, or a
    heading character style on its first run (a run-in heading)."""
    outline = resolved_ppr(styles, paragraph, "outlineLvl").get("val")
    if outline is not None and outline.isdigit() and int(outline) < 9:
        return min(int(outline) + 1, 4)
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
    fonts = resolved_fonts(styles, paragraph, first)
    east = fonts.get("eastAsia", "")
    if role == "table":  # 表格：仿宋（表头可用黑体），字号不限
        if not (_in_category(east, "仿宋") or _in_category(east, "黑体")):
            yield Finding("F006", where, f"表格文字应为仿宋（表头可用黑体）（实际：{east or '未指定'}）")
        return
    expected_font = {"title": "小标宋", "body": "仿宋", "attachment": "黑体"}.get(role) or \
        LEVEL_FONTS.get(int(role[-1]) if role.startswith("heading") else 0)
    if expected_font and not _in_category(east, expected_font):
        label = {"title": "标题", "body": "正文", "attachment": "“附件”二字"}.get(role) or \
            f"{'一二三四'[int(role[-1]) - 1]}级标题"
        yield Finding("F006", where, f"{label}字体应为{expected_font}（实际：{east or '未指定'}）")
    expected_size = 44 if role == "title" else 32 if role != "other" else None
    size = resolved_run_value(styles, paragraph, first, "sz")
    if expected_size and (size is None or int(size) != expected_size):
        seen = SIZE_NAMES.get(int(size), f"{int(size) / 2:g} 磅") if size else "未指定"
        yield Finding("F007", where, f"字号应为{SIZE_NAMES[expected_size]}（实际：{seen}）")
    if role == "body" and len(runs) > 0:
        spacing = resolved_run_value(styles, paragraph, first, "spacing")
        if spacing is None or int(spacing) > -5:
            yield Finding("F011", where, "三号字每行排不下 28 字：字距应压缩 0.25 磅（w:spacing -5）"
                                         "或在文档网格中设置字符跨度")


def _indent(paragraph, styles: Styles, text: str, where: str) -> Iterator[Finding]:
    if text[:1] in (" ", "　", "\t"):
        yield Finding("F008", where, "用空格缩进；首行缩进应设为 2 字符（段落格式），不用空格")
        return
    ind = resolved_ppr(styles, paragraph, "ind")
    chars = ind.get("firstLineChars")
    first = ind.get("firstLine")
    if chars != "200" and not (first and abs(int(first) - 640) <= 20 and chars is None):
        seen = f"{int(chars) / 100:g} 字符" if chars else (f"{int(first) / 20:g} 磅" if first else "无")
        yield Finding("F008", where, f"首行缩进应为 2 字符（实际：{seen}）")


def _forms(text: str, where: str) -> Iterator[Finding]:
    for match in DOC_NUMBER_RE.finditer(text):
        canonical = normalize_doc_number(match.group(0))
        if canonical and canonical != match.group(0):
            yield Finding("F012", where, f"发文字号写法不规范（{match.group(0)}）；应为 {canonical}")
    for match in PADDED_DATE_RE.finditer(text):
        yield Finding("F013", where, f"日期不应补零（{match.group(0)}…）；如 2024年5月31日")
    if CN_DATE_RE.match(text.strip()):
        yield Finding("F013", where, f"成文日期应使用阿拉伯数字（{text.strip()}）；如 2024年5月31日")


def _footers(package: Package, styles: Styles) -> Iterator[Finding]:
    sect = package.sections()[-1] if package.sections() else None
    refs = {}
    if sect is not None:
        refs = {ref.get(W + "type"): ref.get(f"{R_NS}id") for ref in sect.iter(W + "footerReference")}
    for kind, label, side in (("default", "单页页码", "right"), ("even", "双页页码", "left")):
        footer = package.footers.get(refs.get(kind, ""))
        if footer is None:
            yield Finding("F010", label, f"没有{label}；页码应为“— 1 —”，单页居右、双页居左，各空一字")
            continue
        yield from _footer(footer, styles, label, side)


def _footer(footer, styles: Styles, label: str, side: str) -> Iterator[Finding]:
    paragraphs = [p for p in footer.iter(W + "p") if paragraph_text(p).strip() or _has_page_field(p)]
    if not paragraphs or not any(_has_page_field(p) for p in paragraphs):
        yield Finding("F010", label, "页脚中没有页码域（PAGE）")
        return
    paragraph = next(p for p in paragraphs if _has_page_field(p))
    text = paragraph_text(paragraph)
    if text[:1] in (" ", "　") or text[-1:] in (" ", "　"):
        yield Finding("F010", label, "页码用空格定位；应用段落缩进空一字")
    if not re.fullmatch(r"— ?\d* ?—", text.strip()):
        yield Finding("F010", label, f"页码形式应为“— 1 —”（一字线 U+2014），实际：“{text.strip()}”")
    jc = resolved_ppr(styles, paragraph, "jc").get("val", "left")
    if jc not in ((side, "end") if side == "right" else (side, "start")):
        yield Finding("F010", label, f"{label}应{'居右' if side == 'right' else '居左'}（实际：{jc}）")
    ind = resolved_ppr(styles, paragraph, "ind")
    key = "right" if side == "right" else "left"
    if not ind.get(key + "Chars") and not ind.get(key) and not ind.get("end" if side == "right" else "start"):
        yield Finding("F010", label, f"页码应{'右' if side == 'right' else '左'}空一字（段落缩进）")
    runs = text_runs(paragraph)
    if runs:
        east = resolved_fonts(styles, paragraph, runs[0]).get("eastAsia", "")
        if not _in_category(east, "宋体"):
            yield Finding("F006", label, f"页码字体应为宋体（实际：{east or '未指定'}）")
        size = resolved_run_value(styles, paragraph, runs[0], "sz")
        if size is None or int(size) != 28:
            yield Finding("F007", label, f"页码字号应为四号（实际：{int(size) / 2:g} 磅）" if size else
                          "页码字号应为四号（实际：未指定）")


def _has_page_field(paragraph) -> bool:
    instr = "".join(node.text or "" for node in paragraph.iter(W + "instrText"))
    simple = [node.get(W + "instr", "") for node in paragraph.iter(W + "fldSimple")]
    return "PAGE" in instr.upper() or any("PAGE" in s.upper() for s in simple)


def _in_category(font: str, category: str) -> bool:
    name = font.lower()
    if category == "宋体" and "标宋" in name:
        return False
    return any(word in name for word in CATEGORIES[category])


def _owner(node) -> str:
    """A short name for where an element sits: its style, or its paragraph."""
    parent = node
    while parent is not None:
        if parent.tag == W + "style":
            return f"样式 {parent.get(W + 'styleId')}"
        if parent.tag == W + "docDefaults":
            return "文档默认格式"
        parent = parent.getparent()
    return ""


def _int(node, attr: str) -> Optional[int]:
    value = node.get(W + attr) if node is not None else None
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def _mm(twips: Optional[int]) -> str:
    return f"{twips * 25.4 / 1440:.1f}" if twips is not None else "?"
