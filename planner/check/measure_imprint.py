"""The 版记 measured on the laid-out page (7.4): complete, on the last page — an even,
portrait page — its last rule on the 版心 bottom, rules as wide as the 版心 (0.35 mm first
and last, 0.25 mm between), 左右各空一字, 抄送 continuation lines under the first organisation.

"Complete" compares the 版记 lines of the DOCX (found by content: `抄送：…`, `…印发`) with
the text on the pages: a 版记 cut off by a box too small for it loses words.
"""
from __future__ import annotations

from typing import Iterator

from planner.check.elements import compact, is_cc, is_printed
from planner.check.findings import Finding
from planner.check.measure import Frame, text_lines
from planner.check.pdf import Line, Page
from planner.check.standard import STANDARD, pitch_mm, points_mm

WHERE = "版记（排版实测）"


def measure_imprint(pages: list[Page], imprint_texts: list[str]) -> Iterator[Finding]:
    found = [(page, line) for page in pages for line in text_lines(page)
             if is_cc(line.text) or is_printed(line.text)]
    shown = "".join(compact(line.text) for page in pages for line in page.lines)
    for text in imprint_texts:
        if compact(text) not in shown:
            yield Finding("F024", WHERE, f"版记不完整：“{compact(text)[:16]}…”没有完整排出；请让版记随内容增高")
    if not found:
        return
    page = found[0][0]
    last = pages[-1]
    if page is not last:
        yield Finding("F024", WHERE, f"版记在第 {page.number} 页，不在最后一页（第 {last.number} 页）")
    if page.landscape:
        yield Finding("F024", WHERE, f"版记在横排页（第 {page.number} 页）；应在竖排的最后一页")
    elif len(pages) % 2:
        yield Finding("F024", WHERE, f"版记页是第 {len(pages)} 页（单页）；版记应在最后一面（偶数页），"
                                     "可在其前加空白页")
    lines = [line for line in text_lines(page) if line.top >= found[0][1].top - 0.5]
    yield from _rules(page, lines)
    yield from _sides(page, lines)


def _rules(page: Page, lines: list[Line]) -> Iterator[Finding]:
    frame = Frame.of(page)
    top, bottom = lines[0].top - pitch_mm(), lines[-1].bottom + pitch_mm()
    rules = sorted((rule for rule in page.rules if top <= rule.y <= bottom and rule.x1 - rule.x0 > 50),
                   key=lambda rule: rule.y)
    if len(rules) < 2:
        yield Finding("F024", WHERE, f"版记只有 {len(rules)} 条分隔线；首条在第一个要素之上，末条在版心下边缘")
        return
    gap = rules[-1].y - frame.bottom
    value = STANDARD["imprint_bottom"]
    if abs(gap) > value.tolerance:
        yield Finding("F024", WHERE, f"末条分隔线距版心下边缘 {gap:+.1f} 毫米；应与版心下边缘重合")
    for index, rule in enumerate(rules):
        thick = index in (0, len(rules) - 1)
        wanted = STANDARD["imprint_rule_thick" if thick else "imprint_rule_thin"]
        name = "首条" if index == 0 else "末条" if thick else "中间"
        if abs(rule.weight - wanted.amount) > wanted.tolerance:
            yield Finding("F024", WHERE, f"{name}分隔线粗 {rule.weight:.2f} 毫米；应为 {wanted.amount:g} 毫米")
        if abs(rule.x0 - frame.left) > 1 or abs(rule.x1 - frame.right) > 1:
            yield Finding("F024", WHERE, f"{name}分隔线宽 {rule.x1 - rule.x0:.1f} 毫米；应与版心等宽"
                                         f"（{frame.right - frame.left:g} 毫米）")


def _sides(page: Page, lines: list[Line]) -> Iterator[Finding]:
    """左右各空一字 (a 4号 character); 抄送 continuation lines start under the first
    organisation (the character after the colon)."""
    frame = Frame.of(page)
    char = points_mm(STANDARD["imprint_size"].amount)
    side = STANDARD["imprint_side"]
    slack = side.tolerance * char + 0.5
    cc = [line for line in lines if is_cc(line.text)]
    if cc:
        first = cc[0]
        if abs(first.x0 - frame.left - side.amount * char) > slack:
            yield Finding("F025", WHERE, f"“抄送”左空 {(first.x0 - frame.left) / char:.1f} 字；应左空一字")
        colon = next((ch for ch in first.chars if ch.text in "：:"), None)
        after = lines[lines.index(first) + 1:]
        for line in after:
            if is_printed(line.text) or colon is None:
                break
            if abs(line.x0 - colon.x1) > slack:
                yield Finding("F025", WHERE, f"抄送机关回行（“{line.text.strip()[:6]}…”）未与冒号后的首字对齐"
                                             f"（差 {line.x0 - colon.x1:+.1f} 毫米）")
                break
    printed = [line for line in lines if is_printed(line.text)]
    if printed:
        line = printed[-1]
        if abs(frame.right - line.x1 - side.amount * char) > slack:
            yield Finding("F025", WHERE, f"印发日期右空 {(frame.right - line.x1) / char:.1f} 字；应右空一字")
        if abs(line.x0 - frame.left - side.amount * char) > slack:
            yield Finding("F025", WHERE, f"印发机关左空 {(line.x0 - frame.left) / char:.1f} 字；应左空一字")
