"""What a format check reports: a finding (code, place, message) and what each code checks."""
from __future__ import annotations

from dataclasses import dataclass

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
