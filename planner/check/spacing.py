"""Each text paragraph's own line spacing (F014, 5.2.3), read through the style chain: a
22-line grid does not make 22 lines when the paragraphs are set to an exact 33 pt.

Word takes a paragraph's spacing from docDefaults → its style's basedOn chain → the paragraph
itself. An exact (or at-least) spacing is the line's height whatever the grid says; an "auto"
spacing snaps to the grid, one grid line a line, as long as it is not more than single.
"""
from __future__ import annotations

import math
from typing import Iterator, Optional

from planner.check.findings import Finding
from planner.check.parts import TWIPS_PER_POINT, W, measure, whole
from planner.check.standard import STANDARD, length_twips
from planner.check.styles import Styles, resolved_ppr

AUTO_SINGLE = 240  # w:line of an "auto" spacing: 240 = single
# 7.3.5.5: a notice whose 署名 and 成文日期 would not fit its page may set its lines closer,
# down to this share of the grid pitch.
TIGHTENED = 0.75


def spacing_problem(paragraph, styles: Styles, in_notice: bool = False) -> Optional[str]:
    """What is wrong with the paragraph's line spacing, in words (None: 22 lines a page, or
    a notice's lines set closer as 7.3.5.5 allows)."""
    spacing = resolved_ppr(styles, paragraph, "spacing")
    rule, line = spacing.get("lineRule", "auto"), spacing.get("line")
    pitch, slack = length_twips("line_pitch"), round(STANDARD["line_pitch"].tolerance * 20)
    snapped = resolved_ppr(styles, paragraph, "snapToGrid").get("val", "1") not in ("0", "false")
    value = measure(line, TWIPS_PER_POINT) if rule != "auto" else whole(line)
    if value is None:
        return None
    if rule == "exact" or (rule == "atLeast" and value > pitch + slack):
        if abs(value - pitch) <= slack or (in_notice and TIGHTENED * pitch <= value < pitch):
            return None
        if value <= 0:  # Word reads a spacing of 0 or less as none: the line's own height
            return f"行距为固定值 {value / 20:g} 磅（无效），每页不是 22 行"
        return f"行距为固定值 {value / 20:g} 磅，每页只排 {_lines(value)} 行"
    if rule == "auto" and (value > AUTO_SINGLE or not snapped):
        return f"行距为 {value / AUTO_SINGLE:g} 倍行距{'且不对齐网格' if not snapped else ''}，每页不是 22 行"
    return None


def _lines(twips: int) -> int:
    return math.floor(length_twips("text_height") / twips)


def line_spacing(numbered: list[tuple[int, object, str]], roles: dict[int, str], styles: Styles) -> Iterator[Finding]:
    """One finding for each distinct wrong spacing among the text paragraphs (body and
    headings), naming the first paragraph that has it and how many do."""
    seen: dict[str, list[int]] = {}
    ends = [at for at, role in roles.items() if role in ("date", "note")]
    notice_end = max(ends) if ends else -1
    for at, (number, paragraph, _) in enumerate(numbered):
        if roles.get(at) not in ("body", "heading1", "heading2", "heading3", "heading4"):
            continue
        if any(a.tag in (W + "tbl", W + "txbxContent") for a in paragraph.iterancestors()):
            continue
        problem = spacing_problem(paragraph, styles, in_notice=at <= notice_end)
        if problem:
            seen.setdefault(problem, []).append(at)
    pitch = STANDARD["line_pitch"].amount
    for problem, places in seen.items():
        number, _, text = numbered[places[0]]
        more = f"等 {len(places)} 段" if len(places) > 1 else ""
        yield Finding("F014", f"第 {number} 段（{text.strip()[:12]}）{more}",
                      f"{problem}；应为固定值 {pitch:g} 磅（或单倍行距对齐每页 22 行的网格）")
