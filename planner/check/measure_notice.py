"""Measured checks of a notice's parts on the laid-out page: the 版头 (7.2.4 发文机关标志,
7.2.5 发文字号, 7.2.7 red rule), titles (7.3.1), the 主送 (7.3.2), 署名 and 成文日期
(7.3.5.2, 7.3.5.5) and the 附注 (7.3.6). Each part is found by what it says and where it
stands: red or large text above a red rule, a line ending in a colon under the title, a date
line after the body."""
from __future__ import annotations

from typing import Iterator, Optional

from planner.check.elements import compact, is_doc_number, is_note, signature_block
from planner.check.findings import Finding
from planner.check.measure import Frame, body_lines, of_size, set_width, text_lines
from planner.check.pdf import Line, Page, Rule
from planner.check.standard import POSITION_SLACK, STANDARD, pitch_mm, points_mm, title_shape

BODY, TITLE = STANDARD["body_size"].amount, STANDARD["title_size"].amount


def measure_notice(pages: list[Page]) -> Iterator[Finding]:
    if not pages:
        return
    rule = red_rule(pages[0])
    if rule is not None:
        yield from masthead(pages[0], rule)
    for page in pages:
        yield from titles(page, rule if page.number == 1 else None)
    yield from recipients(pages[0])
    yield from signature(pages)


def red_rule(page: Page) -> Optional[Rule]:
    """The 版头's red rule: a red line at least nine tenths of the 版心 wide."""
    frame = Frame.of(page)
    for rule in page.rules:
        if _red(rule.color) and rule.x1 - rule.x0 > 0.9 * (frame.right - frame.left):
            return rule
    return None


def _red(color: tuple[float, ...]) -> bool:
    return len(color) == 3 and color[0] > 0.7 and color[1] < 0.3 and color[2] < 0.3


def masthead(page: Page, rule: Rule) -> Iterator[Finding]:
    frame = Frame.of(page)
    above = [line for line in text_lines(page) if line.bottom < rule.y]
    numbers = [line for line in above if is_doc_number(line.text)]
    marks = [line for line in above if line not in numbers]
    if marks:
        mark = marks[0]
        top = mark.top - frame.top
        wanted = [STANDARD[key] for key in ("masthead_top", "masthead_top_upward")]
        if all(abs(top - value.amount) > value.tolerance for value in wanted):
            yield Finding("F016", "发文机关标志（排版实测）", f"上边缘距版心上边缘 {top:.1f} 毫米；应为 "
                                                       f"{wanted[0].amount:g} 毫米（上行文 {wanted[1].amount:g} 毫米）")
        yield from _centred(mark, frame, "F016", "发文机关标志")
    if numbers:
        number = numbers[-1]
        yield from _centred(number, frame, "F017", "发文字号")
        if marks:
            gap = _lines_between(marks[-1].bottom, number)
            value = STANDARD["doc_number_gap"]
            if abs(gap - value.amount) > value.tolerance:
                yield Finding("F017", "发文字号（排版实测）", f"在发文机关标志下空 {gap:.1f} 行；应空 {value.amount:g} 行")
        below = rule.y - number.bottom
        value = STANDARD["red_rule_below_doc_number"]
        if abs(below - value.amount) > value.tolerance:
            yield Finding("F018", "红色分隔线（排版实测）", f"在发文字号之下 {below:.1f} 毫米；应为 {value.amount:g} 毫米")
    if abs(rule.x0 - frame.left) > 1 or abs(rule.x1 - frame.right) > 1:
        yield Finding("F018", "红色分隔线（排版实测）", f"宽 {rule.x1 - rule.x0:.1f} 毫米；应与版心等宽"
                                                  f"（{frame.right - frame.left:g} 毫米）")


def _lines_between(upper_bottom: float, lower: Line) -> float:
    """Empty grid lines between a line ending at `upper_bottom` and the `lower` line: the
    lower line's characters sit in the middle of their grid line."""
    leading = (pitch_mm() - points_mm(lower.size)) / 2
    return (lower.top - leading - upper_bottom) / pitch_mm()


def _centred(line: Line, frame: Frame, code: str, name: str) -> Iterator[Finding]:
    off = (line.x0 + line.x1) / 2 - frame.centre
    if abs(off) > POSITION_SLACK:
        yield Finding(code, f"{name}（排版实测）", f"未居中（偏{'右' if off > 0 else '左'} {abs(off):.1f} 毫米）")


def title_blocks(page: Page) -> list[list[Line]]:
    """Runs of consecutive 2号 lines on the page: its titles."""
    blocks: list[list[Line]] = []
    previous = None
    for line in text_lines(page):
        if of_size(line, TITLE) and not _red(line.chars[0].color):
            if previous is not None and blocks and blocks[-1][-1] is previous:
                blocks[-1].append(line)
            else:
                blocks.append([line])
        previous = line
    return blocks


def titles(page: Page, rule: Optional[Rule]) -> Iterator[Finding]:
    """7.3.1: each title centred, in a 梯形 or 菱形; under a 版头, two lines below the rule."""
    frame = Frame.of(page)
    for block in title_blocks(page):
        where = f"第 {page.number} 页标题（排版实测）"
        for line in block:
            yield from _centred(line, frame, "F019", f"第 {page.number} 页标题")
        widths = [set_width(line, points_mm(TITLE)) for line in block]
        if len(block) > 1 and not title_shape([round(w) for w in widths]):
            shown = "、".join(f"{w:.0f}" for w in widths)
            yield Finding("F019", where, f"多行标题上长下短（各行 {shown} 字）；应排成梯形或菱形")
        if rule is not None and block[0].top > rule.y:
            gap, value = _lines_between(rule.y, block[0]), STANDARD["title_gap"]
            if abs(gap - value.amount) > value.tolerance:
                yield Finding("F019", where, f"在红色分隔线下空 {gap:.1f} 行；应空 {value.amount:g} 行")
            rule = None


def recipients(page: Page) -> Iterator[Finding]:
    """7.3.2: the 主送 under the title, 居左顶格, its continuation lines too."""
    lines = text_lines(page)
    blocks = title_blocks(page)
    if not blocks:
        return
    start = lines.index(blocks[0][-1]) + 1
    while start < len(lines) and is_doc_number(lines[start].text):
        start += 1  # （某政办字〔2022〕36号） under the title is centred, not part of the 主送
    frame = Frame.of(page)
    for end in range(start, min(start + 4, len(lines))):
        if compact(lines[end].text).endswith("。"):
            return
        if compact(lines[end].text).endswith(("：", ":")):
            for line in lines[start:end + 1]:
                if line.x0 - frame.left > 1:
                    yield Finding("F015", "主送机关（排版实测）",
                                  f"“{line.text.strip()[:10]}…”距版心左边 {line.x0 - frame.left:.1f} 毫米；应居左顶格")
                    return
            return


def signature(pages: list[Page]) -> Iterator[Finding]:
    """7.3.5.2 and 7.3.5.5: 署名 one empty line under the body, 右空二字; the date a line
    under it, two characters further right; the page they are on carries body text."""
    lines = [line for page in pages if not page.landscape for line in body_lines(page)]
    block = signature_block([line.text for line in lines])
    if block is None:
        return
    first, at = block
    date, issuers = lines[at], lines[first:at]
    head = issuers[0] if issuers else date
    before = [line for line in lines[:first] if line.page == head.page]
    if not before:
        yield Finding("F022", f"第 {head.page} 页（排版实测）",
                      "署名和成文日期单独成页，该页没有正文；请调整行距、字距或将末段正文移至该页")
    yield from _signature_places(pages[head.page - 1], issuers, date, before)
    after = lines[at + 1] if at + 1 < len(lines) else None
    if after is not None and is_note(after.text):
        yield from _note(pages[after.page - 1], date, after)


def _signature_places(page: Page, issuers: list[Line], date: Line, before: list[Line]) -> Iterator[Finding]:
    frame, char = Frame.of(page), points_mm(BODY)
    right, shift = STANDARD["signature_right"].amount * char, STANDARD["date_shift"].amount * char
    if issuers:
        issuer = issuers[-1]  # the date's first character is two right of the names' (they align)
        # 成文日期长于署名: the date, two characters further in, reaches further right than the
        # 署名; then it is the one 右空二字 (nothing stands closer to the edge).
        date_end = _set_end(date, frame)
        issuer_end = max(_set_end(line, frame) for line in issuers)  # a joint 署名's longest name
        longer = date_end > issuer_end + POSITION_SLACK
        end = date_end if longer else issuer_end
        if abs(frame.right - end - right) > POSITION_SLACK:
            name = "成文日期" if longer else "署名"
            yield Finding("F021", f"{name}（排版实测）", f"右空 {(frame.right - end) / char:.1f} 字；应右空二字")
        if abs(date.x0 - issuer.x0 - shift) > POSITION_SLACK:
            yield Finding("F021", "成文日期（排版实测）",
                          f"首字比署名首字右移 {(date.x0 - issuer.x0) / char:.1f} 字；应右移二字")
        if before and abs(issuers[0].bottom - before[-1].bottom - 2 * pitch_mm()) > 0.3 * pitch_mm():
            yield Finding("F021", "署名（排版实测）", "署名应在正文（或附件说明）下空一行")
    if issuers and abs(date.bottom - issuers[-1].bottom - pitch_mm()) > 0.3 * pitch_mm():
        yield Finding("F021", "成文日期（排版实测）", "成文日期应在署名的下一行")


def _set_end(line: Line, frame: Frame) -> float:
    """Where `line` ends in the document's own fonts (set_width), a character being a 28th of
    the 版心 (5.2.3)."""
    pitch = (frame.right - frame.left) / STANDARD["chars_per_line"].amount
    return line.x0 + set_width(line, pitch) * pitch


def _note(page: Page, date: Line, note: Line) -> Iterator[Finding]:
    frame, char = Frame.of(page), points_mm(BODY)
    indent = STANDARD["note_indent"].amount * char
    if abs(note.x0 - frame.left - indent) > POSITION_SLACK:
        yield Finding("F023", "附注（排版实测）", f"左空 {(note.x0 - frame.left) / char:.1f} 字；应左空二字")
    if note.page == date.page and abs(note.bottom - date.bottom - pitch_mm()) > 0.3 * pitch_mm():
        yield Finding("F023", "附注（排版实测）", "附注应在成文日期的下一行")
