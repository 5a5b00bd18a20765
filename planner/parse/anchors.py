"""What each line at the head of a text is — a portal's metadata, a 发文字号, a notice's title,
主送, the 印发 sentence, a 署名, a 成文日期, 附注, a heading, prose — read from the line alone
(its reading key), so the front matter is found by its anchors wherever they stand."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from planner.form.dates import TRAILING_DATE_RE, read_issue_date
from planner.form.docnumber import (BROKEN_NUMBER_RE, NUMBER_AFTER_RE, NUMBER_BEFORE_RE, NUMBER_IN_LINE_RE,
                                    NUMBER_LINE_RE, NUMBER_OPENING_RE, RED_HEADER_RE)
from planner.form.keys import Key, key_of
from planner.form.notes import is_note_alone
from planner.form.notice import (TRAILING_FIELD_RE, TitleSpan, find_notice_title, is_issuing, is_public,
                                 is_seal, recipient_groups)
from planner.form.organs import split_organs
from planner.parse.headings import parse_heading
from planner.parse.portal import fields

# A line longer than this is prose or a one-line dump: only its head is read.
KEY_MAX = 400
# Prose: a sentence mark in a line of some length (not an ASCII ?: in Chinese text it is a
# character a page lost). 例：为深入贯彻落实…，制定本方案。
SENTENCE_RE = re.compile(r"[。，,；;！!？]")
PROSE_MIN = 30
# A piece of a title: short, and no mark a title never holds (an ASCII ? is a character the page
# lost, not a question). 例：洛阳市加强数字政府建设 / 盘锦市政府?数据资源共建共享管理办法
PIECE_RE = re.compile(r"^[^。；;:：！!？]{2,80}$")
# Headings that open a plan's body (not a list inside the notice). 例：一、 / 第一章 / （一）
BODY_HEADINGS = ("chapter", "cn", "paren_cn", "arabic")
# 附注 on the date's line. 例：2022年6月9日（此件公开发布）
PUBLIC_AFTER_RE = re.compile(r"[(（]此件[^()（）]{1,12}[)）]?$")
# A 主送 line whose colon the page lost (read as one when a 印发 sentence follows): groups, or one
# that opens with a group word. 例：各县区人民政府,市政府各部门 / 局各科室,所属事业单位
OPEN_GROUP_RE = re.compile(r"^(各|市|省|区|县)")

META, NUMBER, RED, NOTICE_TITLE, RECIPIENTS, MAYBE_RECIPIENTS = (
    "meta", "number", "red", "notice_title", "recipients", "maybe_recipients")
ISSUING, DATE, SIGNED, PUBLIC, SEAL, ORGANS = "issuing", "date", "signed", "public", "seal", "organs"
HEADING, PROSE, PIECE, OTHER = "heading", "prose", "piece", "other"


@dataclass
class Tagged:
    """A head line and what it is, with what was read off it."""

    kind: str
    key: Key
    number: Optional[tuple[int, int]] = None  # key span of a 发文字号
    title: Optional[TitleSpan] = None
    groups: list[tuple[int, int]] = field(default_factory=list)  # 主送 spans
    organs: list[str] = field(default_factory=list)  # names as written
    date: Optional[dt.date] = None
    heading: Optional[str] = None  # marker kind
    public: Optional[str] = None  # 附注 as written
    line: Optional[int] = None  # its line in the source (set by the caller)

    @property
    def text(self) -> str:
        return self.key.source


def number_in(line: Tagged) -> Optional[tuple[int, int]]:
    """The key span of a 文号 the line states: its own, or one among other fields of a line of
    unlabelled metadata (`某区人民政府办公室 2023-05-06 某政办发〔2023〕12号`)."""
    if line.kind in (PROSE, ISSUING, NOTICE_TITLE) or line.title is not None:
        return None  # a title's 文号 is the title line's; prose only cites
    if line.number is not None:
        return line.number
    match = NUMBER_IN_LINE_RE.search(line.key.text)
    return match.span("num") if match else None


def tag(text: str) -> Tagged:
    """What the line `text` is."""
    key = key_of(text[:KEY_MAX])
    k = key.text
    if len(text) > KEY_MAX:
        return Tagged(ISSUING if is_issuing(k) else PROSE if SENTENCE_RE.search(k) else OTHER, key)
    if fields(text) is not None:  # before a 文号: `文  号 某政发〔2023〕6号` is the portal's field
        return Tagged(META, key)
    found = _number(key) or _dated(key) or _notice_parts(key)
    if found is not None:
        return found
    heading = parse_heading(text.strip())
    if heading is not None and heading.kind in BODY_HEADINGS:
        return Tagged(HEADING, key, heading=heading.kind)
    if is_issuing(k):
        return Tagged(ISSUING, key)
    organs = split_organs(text.strip())
    if organs:
        return Tagged(ORGANS, key, organs=organs)
    if len(k) >= PROSE_MIN and SENTENCE_RE.search(k):
        return Tagged(PROSE, key)
    tail = TRAILING_FIELD_RE.search(k)
    if not PIECE_RE.match(k[:tail.start()] if tail and tail.start() else k):
        return Tagged(OTHER, key)
    titled = _titled(k)
    return Tagged(PIECE, key, number=titled.number if titled else None, title=titled)


def _titled(k: str) -> Optional[TitleSpan]:
    """A title written with its 文号 (`…的实施意见(池政〔2017〕101号)`): where each stands."""
    after = NUMBER_AFTER_RE.search(k)
    if after:
        return TitleSpan(0, after.start(), after.span("num" if after["num"] else "bare"))
    before = NUMBER_BEFORE_RE.match(k)
    return TitleSpan(before.end(), len(k), before.span("num")) if before else None


def _number(key: Key) -> Optional[Tagged]:
    k = key.text
    match = NUMBER_LINE_RE.match(k) or BROKEN_NUMBER_RE.match(k)
    if match:
        return Tagged(NUMBER, key, number=match.span("num"))
    red = RED_HEADER_RE.match(k)
    organs = split_organs(key.cut(*red.span("org"))) if red and red["org"] else []
    if red and (organs or not red["org"]):  # 文件 alone: a red header whose name is the line above
        return Tagged(RED, key, number=red.span("num") if red["num"] else None, organs=organs)
    return None


def _dated(key: Key) -> Optional[Tagged]:
    """A 成文日期, alone, after the 署名 on its line, or before its 附注."""
    k = key.text
    public = PUBLIC_AFTER_RE.search(k)
    end = public.start() if public and public.start() > 0 else len(k)
    note = key.cut(end, len(k)).strip() if end < len(k) else None
    date = read_issue_date(k[:end])
    if date is not None:
        return Tagged(DATE, key, date=date, public=note)
    trailing = TRAILING_DATE_RE.search(k, 0, end)
    if trailing and trailing.start() > 0:
        organs = split_organs(key.cut(0, trailing.start()))
        date = read_issue_date(trailing["date"])
        if organs and date:
            return Tagged(SIGNED, key, organs=organs, date=date, public=note)
    return None


def _notice_parts(key: Key) -> Optional[Tagged]:
    k = key.text
    if is_note_alone(k):
        return None  # a 责任单位 note on a line of its own lists units, not a 主送

    title = find_notice_title(k)
    if title is not None:
        return Tagged(NOTICE_TITLE, key, title=title, number=title.number)
    fused = NUMBER_OPENING_RE.match(k)
    groups = recipient_groups(k[fused.end():]) if fused else None
    if groups:  # 卫政办发〔2025〕26号各县(区)人民政府,市政府各部门: the 文号 and the 主送 run together
        return Tagged(RECIPIENTS, key, groups=[(a + fused.end(), b + fused.end()) for a, b in groups],
                      number=fused.span("num"))
    groups = recipient_groups(k)
    if groups:
        return Tagged(RECIPIENTS, key, groups=groups)
    groups = recipient_groups(k, colon=False)
    if groups and (len(groups) > 1 or OPEN_GROUP_RE.match(k)) and not split_organs(key.source.strip()):
        return Tagged(MAYBE_RECIPIENTS, key, groups=groups)
    if is_public(k):
        return Tagged(PUBLIC, key, public=key.source.strip())
    if is_seal(k):
        return Tagged(SEAL, key)
    return None
