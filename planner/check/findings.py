"""What a format check reports: a finding (code, place, message) and what each code checks,
with the clause of GB/T 9704-2012 that asks for it."""
from __future__ import annotations

from dataclasses import dataclass

# The F codes (lint's F group is these findings): the clause, and what each one checks. The
# codes from F014 on also measure the page LibreOffice lays out (check-format --render).
FORMAT_CODES = {
    "F001": ("5.1", "纸张为 A4（210×297 毫米；横排表格页为 297×210 毫米）"),
    "F002": ("5.2.1", "页边距：天头 37 毫米、订口 28 毫米、下 35 毫米、右 26 毫米"),
    "F003": ("5.2.3", "每页 22 行：文档网格按行、行距 28.95 磅；排版后正文最满的一页排 22 行"),
    "F004": ("5.2.2", "不残留主题字体（asciiTheme 等会覆盖指定的字体）"),
    "F005": ("5.2.2", "所用段落样式在 rFonts 的 ascii、hAnsi、eastAsia、cs 四处都有字体"),
    "F006": ("5.2.2", "各部分字体：标题小标宋，正文仿宋，一级标题黑体，二级楷体，页码宋体，“附件”黑体"),
    "F007": ("5.2.2", "字号：标题二号，正文及各级标题三号，页码四号"),
    "F008": ("7.3.3", "正文首行缩进 2 字符，不用空格缩进"),
    "F010": ("7.5", "页码“— 1 —”，奇偶页不同，单页居右、双页居左各空一字，用缩进不用空格；"
                    "排版后一字线在版心下边缘之下 7 毫米"),
    "F011": ("5.2.3", "三号字每行排下 28 字（字距压缩 0.25 磅或设字符网格）；排版后满行 28 字"),
    "F012": ("7.2.5", "发文字号写作“机关代字〔年份〕序号号”"),
    "F013": ("7.3.5.4", "日期用阿拉伯数字且不补零（2024年5月31日）"),
    "F014": ("5.2.3", "正文各段的实际行距（段落、样式、文档默认格式逐层继承）使每页排 22 行"),
    "F015": ("7.3.2", "主送机关居左顶格（回行仍顶格），以全角冒号结尾"),
    "F016": ("7.2.4", "发文机关标志居中，上边缘距版心上边缘 35 毫米（上行文 80 毫米）"),
    "F017": ("7.2.5", "发文字号在发文机关标志下空二行，居中"),
    "F018": ("7.2.7", "发文字号之下 4 毫米处有一条与版心等宽的红色分隔线"),
    "F019": ("7.3.1", "标题居中，在红色分隔线下空二行；多行标题排成梯形或菱形"),
    "F020": ("7.3.3", "公文首页显示正文"),
    "F021": ("7.3.5.2", "署名在正文下空一行、右空二字，成文日期在下一行、首字比署名右移二字"
                        "（日期较长时日期右空二字）"),
    "F022": ("7.3.5.5", "署名和成文日期所在的页有正文，不单独成页"),
    "F023": ("7.3.6", "附注在成文日期下一行，居左空二字"),
    "F024": ("7.4.1", "版记完整，在最后一页（偶数页、竖排）底端：末条分隔线与版心下边缘重合，"
                      "分隔线与版心等宽，首末条 0.35 毫米、中间 0.25 毫米"),
    "F025": ("7.4.2", "版记左右各空一字，抄送机关回行时与冒号后的首字对齐"),
}


@dataclass(frozen=True)
class Finding:
    """One deviation: code, where it is, and what is wrong."""

    code: str
    where: str
    message: str

    @property
    def clause(self) -> str:
        """The clause of GB/T 9704-2012 the finding breaks."""
        return FORMAT_CODES[self.code][0]

    def text(self) -> str:
        """The message with its clause."""
        return f"{self.message}（GB/T 9704 {self.clause}）"

    def line(self, path: str) -> str:
        return f"{path}: {self.where}: {self.code} {self.text()}"

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "clause": self.clause, "where": self.where, "message": self.message}
