"""Page checks: paper (F001), margins (F002), line grid (F003), odd/even page numbers (F010),
each against the standard's table."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from planner.check.findings import Finding
from planner.check.fonts import in_category
from planner.check.parts import HALF_POINTS_PER_POINT, R, W, Package, int_attr, measure
from planner.check.standard import FONTS, SIZE_NAMES, STANDARD, length_twips, margins_twips, millimetres, twips
from planner.check.styles import (Styles, paragraph_text, resolved_fonts, resolved_ppr, resolved_run_value,
                                  text_runs)

MARGIN_NAMES = {"top": "上（天头）", "bottom": "下", "left": "左（订口）", "right": "右"}
# 例：— 1 — (U+2014 either side; the digits are the PAGE field's last value)
PAGE_NUMBER_RE = re.compile(r"— ?\d* ?—")


def page(package: Package) -> Iterator[Finding]:
    sections = package.sections()
    if not sections:
        yield Finding("F001", "页面设置", "没有节属性（sectPr）；应为 A4 纸，页边距按 GB/T 9704 设置")
        return
    for number, sect in enumerate(sections, 1):
        where = "页面设置" if len(sections) == 1 else f"第 {number} 节页面设置"
        size = sect.find(W + "pgSz")
        landscape = size is not None and size.get(W + "orient") == "landscape"
        yield from _paper(size, where, landscape)
        yield from _margins(sect.find(W + "pgMar"), where, landscape)
        yield from _grid(sect.find(W + "docGrid"), where)


def _paper(size, where: str, landscape: bool) -> Iterator[Finding]:
    width, height = (int_attr(size, "w"), int_attr(size, "h")) if size is not None else (None, None)
    expected = (length_twips("paper_width"), length_twips("paper_height"))
    if landscape:
        expected = expected[::-1]
    slack = twips(STANDARD["paper_width"].tolerance)
    if width is None or height is None or abs(width - expected[0]) > slack or abs(height - expected[1]) > slack:
        paper = f"{STANDARD['paper_width'].amount:g}×{STANDARD['paper_height'].amount:g}"
        yield Finding("F001", where, f"纸张不是 A4（{_mm(width)}×{_mm(height)} 毫米）；应为 {paper} 毫米")


def _margins(margins, where: str, landscape: bool) -> Iterator[Finding]:
    # A landscape 附件 table page keeps the 版心 where it is on the paper, turned with it.
    for side, value in margins_twips(landscape).items():
        seen = int_attr(margins, side) if margins is not None else None
        slack = twips(STANDARD[f"margin_{side}"].tolerance)
        if seen is None or abs(seen - value) > slack:
            yield Finding("F002", where, f"{MARGIN_NAMES[side]}页边距为 {_mm(seen)} 毫米；应为 {_mm(value)} 毫米")


def _grid(grid, where: str) -> Iterator[Finding]:
    pitch = int_attr(grid, "linePitch") if grid is not None else None
    expected, slack = length_twips("line_pitch"), round(STANDARD["line_pitch"].tolerance * 20)
    if grid is None or grid.get(W + "type") not in ("lines", "linesAndChars") or \
            pitch is None or abs(pitch - expected) > slack:
        seen = f"行距 {pitch / 20:g} 磅" if pitch else "未设文档网格"
        lines, points = STANDARD["lines_per_page"].amount, STANDARD["line_pitch"].amount
        yield Finding("F003", where, f"文档网格不是每页 {lines:g} 行（{seen}）；应为按行网格，行距 {points:g} 磅（{expected}）")


def settings(package: Package) -> Iterator[Finding]:
    flag = package.settings.find(W + "evenAndOddHeaders") if package.settings is not None else None
    if flag is None or flag.get(W + "val") in ("0", "false"):
        yield Finding("F010", "页码", "未设置奇偶页不同；页码应单页居右、双页居左")


def footers(package: Package, styles: Styles) -> Iterator[Finding]:
    """The odd and even page numbers. A section may go without them (a 版记页, 7.5: 空白页和
    版记页均不编排页码) as long as the document's numbered pages have both."""
    refs: dict[str, list[str]] = {"default": [], "even": []}
    for sect in package.sections():
        for ref in sect.iter(W + "footerReference"):
            refs.setdefault(ref.get(W + "type"), []).append(ref.get(f"{R}id"))
    for kind, label, side in (("default", "单页页码", "right"), ("even", "双页页码", "left")):
        found = [package.footers[rid] for rid in dict.fromkeys(refs.get(kind, [])) if rid in package.footers]
        if not found:
            yield Finding("F010", label, f"没有{label}；页码应为“— 1 —”，单页居右、双页居左，各空一字")
            continue
        numbered = [footer for footer in found if any(_has_page_field(p) for p in footer.iter(W + "p"))]
        for footer in numbered[:1] or found[:1]:
            yield from _footer(footer, styles, label, side)


def _footer(footer, styles: Styles, label: str, side: str) -> Iterator[Finding]:
    paragraphs = [p for p in footer.iter(W + "p") if paragraph_text(p).strip() or _has_page_field(p)]
    if not paragraphs or not any(_has_page_field(p) for p in paragraphs):
        yield Finding("F010", label, "页脚中没有页码域（PAGE）")
        return
    paragraph = next(p for p in paragraphs if _has_page_field(p))
    yield from _number_place(paragraph, styles, label, side)
    runs = text_runs(paragraph)
    if runs:
        east = resolved_fonts(styles, paragraph, runs[0]).get("eastAsia", "")
        if not in_category(east, FONTS["page_number"]):
            yield Finding("F006", label, f"页码字体应为宋体（实际：{east or '未指定'}）")
        written = resolved_run_value(styles, paragraph, runs[0], "sz")
        size = measure(written, HALF_POINTS_PER_POINT)
        points = STANDARD["page_number_size"].amount
        if size is None or size != points * 2:
            yield Finding("F007", label, f"页码字号应为{SIZE_NAMES[points]}（实际：{seen_size(written, size)}）")


def _number_place(paragraph, styles: Styles, label: str, side: str) -> Iterator[Finding]:
    """`— 1 —`, on its side, one character in by an indent (7.5)."""
    text = paragraph_text(paragraph)
    if text[:1] in (" ", "　") or text[-1:] in (" ", "　"):
        yield Finding("F010", label, "页码用空格定位；应用段落缩进空一字")
    if not PAGE_NUMBER_RE.fullmatch(text.strip()):
        yield Finding("F010", label, f"页码形式应为“— 1 —”（一字线 U+2014），实际：“{text.strip()}”")
    jc = resolved_ppr(styles, paragraph, "jc").get("val", "left")
    if jc not in ((side, "end") if side == "right" else (side, "start")):
        yield Finding("F010", label, f"{label}应{'居右' if side == 'right' else '居左'}（实际：{jc}）")
    ind = resolved_ppr(styles, paragraph, "ind")
    key = "right" if side == "right" else "left"
    if not ind.get(key + "Chars") and not ind.get(key) and not ind.get("end" if side == "right" else "start"):
        yield Finding("F010", label, f"页码应{'右' if side == 'right' else '左'}空一字（段落缩进）")


def seen_size(written: Optional[str], half_points: Optional[int]) -> str:
    """A run's size as a finding names it: 三号, 15 磅, 未指定, or what was written when it is no size."""
    if written is None:
        return "未指定"
    if half_points is None:
        return f"无法识别的字号“{written[:20]}”"
    return SIZE_NAMES.get(half_points / 2, f"{half_points / 2:g} 磅")


def _has_page_field(paragraph) -> bool:
    instr = "".join(node.text or "" for node in paragraph.iter(W + "instrText"))
    simple = [node.get(W + "instr", "") for node in paragraph.iter(W + "fldSimple")]
    return "PAGE" in instr.upper() or any("PAGE" in s.upper() for s in simple)


def _mm(value: Optional[int]) -> str:
    return f"{millimetres(value):.1f}" if value is not None else "?"
