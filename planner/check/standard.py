"""GB/T 9704-2012 党政机关公文格式: the numbers a 公文 must hit, as the standard gives them.

One table, clause beside each value (../shared/spec/gbt9704.md cross-checks them). The
checks compare a document with this table, never with the constants a writer used; the
renderer lays its page out from the same table. Lengths are millimetres, type points.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


@dataclass(frozen=True)
class Value:
    """One requirement: the amount, its unit, the clause that states it, and how far a
    document may be off (in the same unit)."""

    amount: float
    unit: str
    clause: str
    tolerance: float = 0.0


STANDARD = {
    # 5.1 幅面: A4 型纸 210 mm × 297 mm.
    "paper_width": Value(210, "mm", "5.1", 0.35),
    "paper_height": Value(297, "mm", "5.1", 0.35),
    # 5.2.1 页边与版心尺寸: 天头 37 mm ± 1 mm, 订口 28 mm ± 1 mm, 版心 156 mm × 225 mm,
    # so the margin below is 297 − 37 − 225 = 35 mm and the one on the right 210 − 28 − 156 = 26 mm.
    "margin_top": Value(37, "mm", "5.2.1", 1),
    "margin_left": Value(28, "mm", "5.2.1", 1),
    "margin_bottom": Value(35, "mm", "5.2.1", 1),
    "margin_right": Value(26, "mm", "5.2.1", 1),
    "text_width": Value(156, "mm", "5.2.1"),
    "text_height": Value(225, "mm", "5.2.1"),
    # 5.2.3 行数和字数: 一般每面排 22 行，每行排 28 个字，并撑满版心. 22 lines fill the
    # 225 mm 版心 at 28.95 pt a line (579 twips; 29 pt fits only 21 lines).
    "lines_per_page": Value(22, "行", "5.2.3"),
    "chars_per_line": Value(28, "字", "5.2.3"),
    "line_pitch": Value(28.95, "pt", "5.2.3", 0.1),
    # 5.2.2 字体和字号: 如无特殊说明，各要素一般用 3 号仿宋体字.
    "body_size": Value(16, "pt", "5.2.2"),
    # 7.3.1 标题: 一般用 2 号小标宋体字.
    "title_size": Value(22, "pt", "7.3.1"),
    # 7.2.4 发文机关标志: 上边缘至版心上边缘为 35 mm (上行文 80 mm), 居中.
    "masthead_top": Value(35, "mm", "7.2.4", 1.5),
    "masthead_top_upward": Value(80, "mm", "7.2.4", 1.5),
    # 7.2.5 发文字号: 编排在发文机关标志下空二行位置，居中排布.
    "doc_number_gap": Value(2, "行", "7.2.5", 0.3),
    # 7.2.7 分隔线: 发文字号之下 4 mm 处居中印一条与版心等宽的红色分隔线.
    "red_rule_below_doc_number": Value(4, "mm", "7.2.7", 1),
    # 7.3.1 标题: 编排于红色分隔线下空二行位置; 回行时要做到词意完整，排列对称，长短适宜，
    # 间距恰当，标题排列应当使用梯形或菱形.
    "title_gap": Value(2, "行", "7.3.1", 0.3),
    # 7.3.2 主送机关: 编排于标题下空一行位置，居左顶格，回行时仍顶格，最后一个机关名称后标全角冒号.
    "recipients_indent": Value(0, "字", "7.3.2", 0.2),
    # 7.3.3 正文: 每个自然段左空二字; 公文首页必须显示正文.
    "paragraph_indent": Value(2, "字", "7.3.3"),
    # 7.3.5.2 不加盖印章的公文: 在正文（或附件说明）下空一行右空二字编排发文机关署名，在发文机关
    # 署名下一行编排成文日期，首字比署名首字右移二字; 成文日期长于署名时，成文日期右空二字.
    "signature_right": Value(2, "字", "7.3.5.2", 0.3),
    "date_shift": Value(2, "字", "7.3.5.2", 0.3),
    # 7.3.5.5: 所剩空白处不能容下印章或签发人签名章、成文日期时，调整行距、字距: the 署名 and
    # 成文日期 never stand on a page without body text.
    "signature_with_text": Value(1, "行", "7.3.5.5"),
    # 7.3.6 附注: 居左空二字加圆括号编排在成文日期下一行.
    "note_indent": Value(2, "字", "7.3.6", 0.3),
    # 7.4.1 版记中的分隔线: 与版心等宽，首条和末条粗线（推荐 0.35 mm），中间细线（推荐 0.25 mm），
    # 末条分隔线与公文最后一面的版心下边缘重合. The last side of a double-sided 公文 is an even page.
    "imprint_rule_thick": Value(0.35, "mm", "7.4.1", 0.08),
    "imprint_rule_thin": Value(0.25, "mm", "7.4.1", 0.08),
    "imprint_bottom": Value(0, "mm", "7.4.1", 1.5),
    # 7.4.2 抄送机关: 4 号仿宋，左右各空一字，回行时与冒号后的首字对齐; 7.4.3 印发机关左空一字，
    # 印发日期右空一字.
    "imprint_size": Value(14, "pt", "7.4.2"),
    "imprint_side": Value(1, "字", "7.4.2", 0.3),
    # 7.5 页码: 4 号半角宋体阿拉伯数字；一字线上距版心下边缘 7 mm；单页码居右空一字，双页码居左空一字.
    "page_number_size": Value(14, "pt", "7.5"),
    "page_number_below_text": Value(7, "mm", "7.5", 1),
    "page_number_side_indent": Value(1, "字", "7.5"),
}

# Fonts by element (5.2.2, 7.3.1, 7.3.3, 7.3.7, 7.5): categories, not file names.
FONTS = {"title": "小标宋", "body": "仿宋", "heading1": "黑体", "heading2": "楷体", "heading3": "仿宋",
         "heading4": "仿宋", "attachment": "黑体", "page_number": "宋体"}
# Measured positions may be off by this much (mm) and still be where the standard puts them:
# a character is about 5.6 mm wide, so this is a quarter of one.
POSITION_SLACK = 1.5
# 字号 by name, in points.
SIZE_NAMES = {22: "二号", 16: "三号", 14: "四号"}


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def millimetres(twips_value: float) -> float:
    return twips_value / TWIPS_PER_MM


def length_twips(name: str) -> int:
    """A length of the table (mm or pt) in twips."""
    value = STANDARD[name]
    return twips(value.amount) if value.unit == "mm" else round(value.amount * TWIPS_PER_PT)


def margins_twips(landscape: bool = False) -> dict[str, int]:
    """The margins in twips. A landscape page (a 横排表格) keeps the 版心 where it is on the
    paper, turned with it: the 订口 side becomes the top."""
    portrait = {side: length_twips(f"margin_{side}") for side in ("top", "right", "bottom", "left")}
    if not landscape:
        return portrait
    return {"top": portrait["left"], "right": portrait["top"], "bottom": portrait["right"],
            "left": portrait["bottom"]}


def max_char_spacing() -> int:
    """The widest character spacing (twentieths of a point) that still sets 28 3号
    characters in the 156 mm line: 28 × 16 pt = 448 pt is wider than the 442.2 pt line."""
    text_width_pt = STANDARD["text_width"].amount * TWIPS_PER_MM / TWIPS_PER_PT
    per_char = text_width_pt / STANDARD["chars_per_line"].amount - STANDARD["body_size"].amount
    return math.floor(per_char * TWIPS_PER_PT)


def title_shape(widths: list[float]) -> str:
    """7.3.1 排列应当使用梯形或菱形: "梯形" when no line is longer than the one below it,
    "菱形" when three or more lines grow to the longest and shrink after it, else "" (an
    inverted 梯形, or no shape at all)."""
    if all(a <= b for a, b in zip(widths, widths[1:])):
        return "梯形"
    peak = widths.index(max(widths))
    rising, falling = widths[:peak + 1], widths[peak:]
    if 0 < peak < len(widths) - 1 and all(a <= b for a, b in zip(rising, rising[1:])) \
            and all(a >= b for a, b in zip(falling, falling[1:])):
        return "菱形"
    return ""


def points_mm(points: float) -> float:
    return points * 25.4 / 72


def pitch_mm() -> float:
    """The body line pitch (5.2.3) in millimetres."""
    return points_mm(STANDARD["line_pitch"].amount)
