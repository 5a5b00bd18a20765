"""The notice's own page: 署名 and 成文日期 placed (GB/T 9704 7.3.5.2), never alone on a page
(7.3.5.5), the way a secretary does it.

When the notice would spill only its 署名, 成文日期 and 附注 (up to MAX_SPILL lines) onto a
second page, its lines from the 主送 to the 附注 are set a little closer (7.3.5.5: 可以采取调整
行距、字距的措施解决) so that all of it stays on the first page. When more spills, the body's
last paragraph goes over with the 署名 (keep with next) — unless the body is one paragraph: then
keeping it would carry the 主送 and title along too (LibreOffice moves a kept chain whole), and
the first page would show no body text (7.3.3).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Optional

from planner.blocks import Block
from planner.render import styles as st
from planner.render.oxml.markup import PT
from planner.render.oxml.paragraph import Indent, ParagraphFormat, Spacing, paragraph
from planner.render.oxml.text import run
from planner.render.page import LINE_PITCH, TEXT_HEIGHT, TEXT_WIDTH
from planner.render.title import title_lines
from planner.textwidth import text_width

LINES, CHARS = TEXT_HEIGHT // LINE_PITCH, 28  # 22 lines of 28 characters (5.2.3)
# A character of the line (5.2.3: 28 in the 156 mm 版心; the body's 16 pt less the spacing that
# fits them) against the 16 pt em that Word's and LibreOffice's character indents count in: the
# 署名 and 成文日期 are placed in the line's characters (右空二字), 19 of which are 18.75 ems.
GRID_CHAR, BODY_EM = TEXT_WIDTH / CHARS, 16 * PT
# Grid lines the 版头 takes above the title: 35 mm, the 发文机关标志, two lines, the 发文字号,
# the rule 4 mm below it and two lines (measured on the laid-out page: the title starts on
# the eleventh line).
MASTHEAD_LINES = 10
MAX_SPILL = 3  # lines; more and the notice simply runs on
TIGHTEST = 0.8  # the closest the lines may be set, as a share of the grid pitch
# A run set apart from the Chinese around it. 例：2022 in 数字变革创新2022年行动方案
AUTOSPACE_RUN_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.%]*")
# 附件说明 (7.3.4): 左空二字, and a name too long for the line wraps under its first character,
# past 附件： (three characters).
NOTE_LEAD, NOTE_LABEL = 2, 3
ATTACHMENT_NOTE_INDENT = Indent(left_chars=NOTE_LEAD + NOTE_LABEL, hanging_chars=NOTE_LABEL)
# A 署名 or 成文日期 line may run this many characters into the right margin rather than wrap: its
# place is set by its left indent and it fits the 版心 in the document's fonts (a date 右空二字),
# but a viewer without them (LibreOffice's substitute digits are wider, and it sets a gap between
# digits and Chinese that the document turns off) would put a date's 日 on a line of its own.
SIGNATURE_OVERHANG = 2
NOTICE_LINES = ("recipients", "notice_body", "attachment_note", "issuer", "date", "public")


@dataclass
class NoticePage:
    """How each of the notice's paragraphs is set: kept with the next, the 署名/日期 indents,
    and a tighter line pitch (twips) when the page is fitted."""

    kept: set[int] = field(default_factory=set)
    indents: dict[int, float] = field(default_factory=dict)
    pitch: Optional[int] = None

    @classmethod
    def plan(cls, blocks: list[Block], masthead: bool) -> "NoticePage":
        pitch = fitted_pitch(blocks, masthead)
        kept = set() if pitch is not None else kept_with_signature(blocks)
        return cls(kept, signature_indents(blocks), pitch)

    def form(self, index: int, kind: str, blank_before: bool = False,
             indent: Optional[Indent] = None) -> Optional[ParagraphFormat]:
        """The paragraph's direct formatting (None: its style's)."""
        keep = index in self.kept
        if self.pitch is not None and kind in NOTICE_LINES:
            spacing = Spacing(before=self.pitch if blank_before else 0, after=0, line=self.pitch, line_rule="exact")
            return ParagraphFormat(keep_next=keep, snap_to_grid=False, spacing=spacing, indent=indent)
        if not (keep or blank_before or indent):
            return None
        spacing = Spacing(before=LINE_PITCH, before_lines=100) if blank_before else None
        return ParagraphFormat(keep_next=keep, spacing=spacing, indent=indent)

    def signature_line(self, index: int, blocks: list[Block]) -> str:
        block = blocks[index]
        previous = blocks[index - 1].kind if index else ""
        first_issuer = block.kind == "issuer" and previous != "issuer"
        lone_date = block.kind == "date" and previous != "issuer"
        indent = Indent(left_chars=self.indents[index] * GRID_CHAR / BODY_EM, right_chars=-SIGNATURE_OVERHANG)
        form = self.form(index, block.kind, first_issuer or lone_date, indent)
        return paragraph(st.SIGNATURE, [run(block.text)], form)


def predicted_lines(blocks: list[Block], masthead: bool) -> tuple[int, int]:
    """(grid lines the notice's first page needs, how many of them are its NOTICE_LINES)."""
    used, notice = MASTHEAD_LINES if masthead else 0, 0
    for index, block in enumerate(blocks):
        kind = block.kind
        if kind == "title":
            break
        previous = blocks[index - 1].kind if index else ""
        lines = {"notice_title": len(title_lines(block.text)) + 1,
                 "doc_number": 0 if masthead else 1,
                 "recipients": _lines(block.text, 0),
                 "notice_body": _lines(block.text, 2),
                 "attachment_note": 1 + _lines(block.text, NOTE_LEAD, NOTE_LEAD + NOTE_LABEL),
                 "issuer": 1 + (previous != "issuer"),
                 "date": 1 + (previous != "issuer"),
                 "public": 1}.get(kind, 0)
        used += lines
        notice += lines if kind in NOTICE_LINES else 0
    return used, notice


def _lines(text: str, first: int, hanging: Optional[int] = None) -> int:
    """Grid lines the text takes, its first line indented `first` characters, the others
    `hanging` (the left edge when None). LibreOffice sets a quarter of a character apart on
    each side of a run of Latin letters or digits among Chinese though the document turns that
    off (w:autoSpaceDE/DN, which Word honours): counting it keeps the estimate safe in both."""
    width = text_width(text) + 0.5 * len(AUTOSPACE_RUN_RE.findall(text))
    rest = width - (CHARS - first)
    if rest <= 0:
        return 1
    return 1 + math.ceil(rest / (CHARS - (hanging or 0)))


def fitted_pitch(blocks: list[Block], masthead: bool) -> Optional[int]:
    """The line pitch (twips) that keeps the whole notice on its first page when it would
    spill a few lines over; None when it fits as it is, or spills too far to fit."""
    used, notice = predicted_lines(blocks, masthead)
    over = used - LINES
    if over <= 0 or over > MAX_SPILL or not notice:
        return None
    # Half a line to spare: a line may break a character earlier than counted.
    pitch = math.floor(LINE_PITCH * (LINES - (used - notice)) / (notice + 0.5))
    return pitch if pitch >= TIGHTEST * LINE_PITCH else None


def kept_with_signature(blocks: list[Block]) -> set[int]:
    """The notice's last body paragraph (and the 附件说明 after it), kept with the 署名 so
    its page carries body text; not when the body is one paragraph (see the module)."""
    first = next((i for i, b in enumerate(blocks) if b.kind in ("issuer", "date")), None)
    if first is None:
        return set()
    bodies = [i for i in range(first) if blocks[i].kind == "notice_body"]
    if len(bodies) < 2:
        return set()
    return {i for i in range(bodies[-1], first) if blocks[i].kind in ("notice_body", "attachment_note")}


def signature_indents(blocks: list[Block]) -> dict[int, float]:
    """Left indents (in characters) of 署名 and 成文日期 (GB/T 9704 7.3.5.2): 署名 右空二字;
    the date starts two characters right of the 署名; when the date is the longer of the two,
    the date is 右空二字 and the 署名 moves left to keep that offset."""
    issuers = [i for i, b in enumerate(blocks) if b.kind == "issuer"]
    dates = [i for i, b in enumerate(blocks) if b.kind == "date"]
    issuer_width = max((text_width(blocks[i].text) for i in issuers), default=0)
    date_width = text_width(blocks[dates[0]].text) if dates else 0
    issuer_start = CHARS - 2 - issuer_width
    if not issuers:
        issuer_start = CHARS - 4 - date_width  # no 署名: the date 右空四字 (as if sealed)
    elif issuer_start + 2 + date_width > CHARS - 2:
        issuer_start = CHARS - 2 - date_width - 2
    indents = {i: max(issuer_start, 0) for i in issuers}
    indents.update({i: max(issuer_start + (2 if issuers else 0), 0) for i in dates})
    return indents
