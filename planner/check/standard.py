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
    # 7.3.3 正文: 每个自然段左空二字.
    "paragraph_indent": Value(2, "字", "7.3.3"),
    # 7.5 页码: 4 号半角宋体阿拉伯数字；一字线上距版心下边缘 7 mm；单页码居右空一字，双页码居左空一字.
    "page_number_size": Value(14, "pt", "7.5"),
    "page_number_below_text": Value(7, "mm", "7.5"),
    "page_number_side_indent": Value(1, "字", "7.5"),
}

# Fonts by element (5.2.2, 7.3.1, 7.3.3, 7.3.7, 7.5): categories, not file names.
FONTS = {"title": "小标宋", "body": "仿宋", "heading1": "黑体", "heading2": "楷体", "heading3": "仿宋",
         "heading4": "仿宋", "attachment": "黑体", "page_number": "宋体"}
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
