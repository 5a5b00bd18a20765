"""The 印发通知 put together from what the head of a text shows (planner.parse.front finds it):
each field from the notice's own text first, then from its title line or the portal's
metadata, recording where it came from; and the 版记 (抄送, 印发) at the end of the text."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from planner.form.attachments import is_label
from planner.form.dates import parse_date
from planner.form.docnumber import NUMBER_LINE_RE
from planner.form.keys import Key, key_of
from planner.form.notice import TitleSpan, find_notice_title
from planner.form.organs import organ_prefix, split_organs
from planner.model import Loc, Notice, Origin
from planner.parse.anchors import DATE, ORGANS, PUBLIC, RED, SIGNED, Tagged, number_in, tag
from planner.parse.clean import Line
from planner.parse.portal import Metadata, read_metadata

# 例：抄送：市委各部门
CC_RE = re.compile(r"^\s*抄送\s*[:：]\s*(?P<cc>.+?)\s*$")
# 例：青岛市即墨区人民政府办公室　　2024年5月31日印发
PRINTED_RE = re.compile(r"^\s*(?P<printer>\S.*?)\s+(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                        r"\s*印发\s*$")
# 例：2024年5月31日印发 (a line of its own: the 印发机关 is the line before, as in a 版记
# table whose 印发 row has the 印发机关 and 印发日期 in two cells)
PRINT_DATE_RE = re.compile(r"^\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发\s*$")
LIST_SPLIT_RE = re.compile(r"[,，;；]")
# 版记 lines are short; PRINTED_RE's lazy printer before spaces is quadratic on a long line of
# spaces, so longer lines are not tried.
IMPRINT_LINE_MAX = 200
CLOSING_LINES = 10  # a 署名 of joint issuers, its date and 附注, at the end of a text


@dataclass
class Evidence:
    """What the head of a text says of its notice, as found (nearest the body first)."""

    title: Optional[tuple[Key, TitleSpan]] = None  # the notice's own title
    numbers: list[Tagged] = field(default_factory=list)  # 文号 lines (and red headers)
    mark: Optional[list[str]] = None  # 发文机关标志
    recipients: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    issuer: list[str] = field(default_factory=list)  # 署名
    date: Optional[dt.date] = None
    head_date: Optional[dt.date] = None  # a date under the 文号 above the 主送, for want of a signed one
    public: Optional[str] = None
    own_title: Optional[str] = None  # a 实施意见's (or 通知本身's plan) own title above its 主送
    own_lines: list[Tagged] = field(default_factory=list)  # that title written with its 文号
    title_lines: list[Tagged] = field(default_factory=list)  # the title as the page repeats it
    loose_numbers: list[Tagged] = field(default_factory=list)  # 文号 lines among the page's metadata
    metadata: list[str] = field(default_factory=list)  # the portal's metadata lines

    def add_number(self, line: Tagged) -> None:
        self.numbers.append(line)
        if line.kind == RED and line.organs and self.mark is None:
            self.mark = line.organs


def build_notice(evidence: Evidence, line: int, file: Optional[str]) -> Notice:
    meta = read_metadata(evidence.metadata)
    notice = Notice(recipients=evidence.recipients, body=evidence.body, public=evidence.public,
                    loc=Loc(file=file, line=line))
    titles = _titles(evidence)
    _take(notice, "title", *_title(titles, meta))
    titles += [(line.key, line.title, Origin.TITLE_LINE) for line in evidence.own_lines]
    _take(notice, "doc_number", *_doc_number(evidence, titles, meta))
    _take(notice, "issuer", *_issuer(evidence, titles, meta))
    date = evidence.date or evidence.head_date
    _take(notice, "date", *((date, Origin.WRAPPER) if date else (meta.date, Origin.METADATA)))
    return notice


def _take(notice: Notice, name: str, value, origin: Optional[Origin]) -> None:
    if value:
        setattr(notice, name, value)
        notice.origin[name] = origin


def _titles(evidence: Evidence) -> list[tuple[Key, TitleSpan, Origin]]:
    """The notice's titles, nearest the body first: its own, then the page's copies."""
    found = [(*evidence.title, Origin.WRAPPER)] if evidence.title else []
    found += [(line.key, line.title, Origin.TITLE_LINE) for line in evidence.title_lines]
    return found


def _title(titles, meta: Metadata) -> tuple[Optional[str], Optional[Origin]]:
    for key, span, origin in titles:
        return key.cut(span.start, span.end), origin
    if meta.title:
        key = key_of(meta.title)
        span = find_notice_title(key.text)
        if span:
            return key.cut(span.start, span.end), Origin.METADATA
    return None, None


def _doc_number(evidence: Evidence, titles, meta: Metadata) -> tuple[Optional[str], Optional[Origin]]:
    """Nearest the body first; a whole 文号 before one a page broke (`政办〔202122`)."""
    found = [(line.key.cut(*line.number), Origin.WRAPPER) for line in evidence.numbers if line.number]
    found += [(key.cut(*span.number), Origin.TITLE_LINE) for key, span, origin in titles[:1]
              if span.number and origin == Origin.WRAPPER]  # the notice's own title line, nearest the body
    if meta.doc_number:
        found.append((meta.doc_number, Origin.METADATA))
    found += [(line.key.cut(*span), Origin.METADATA) for line in evidence.loose_numbers
              for span in [number_in(line)] if span]
    found += [(key.cut(*span.number), Origin.TITLE_LINE) for key, span, _ in titles if span.number]
    whole = [pair for pair in found if NUMBER_LINE_RE.match(key_of(pair[0]).text)]
    return (whole or found or [(None, None)])[0]


def _issuer(evidence: Evidence, titles, meta: Metadata) -> tuple[list[str], Optional[Origin]]:
    """署名 first; then the 发文机关标志, unless a title names the same organ in full (`市人民政府`
    above `十堰市人民政府关于…`); then the title's organ, then the portal's."""
    if evidence.issuer:
        return evidence.issuer, Origin.WRAPPER
    named = [names for key, span, _ in titles for names in [_organs_of(key, span)] if names]
    if evidence.own_title:
        own = key_of(evidence.own_title)
        org = organ_prefix(own.text)
        named += [split_organs(own.cut(0, len(org)))] if org else []
    if evidence.mark:
        mark = "".join(key_of(name).text for name in evidence.mark)
        fuller = [names for names in named if _key(names).endswith(mark) and len(_key(names)) > len(mark)]
        return (fuller[0], Origin.TITLE_LINE) if fuller else (evidence.mark, Origin.WRAPPER)
    if named:
        return named[0], Origin.TITLE_LINE
    if meta.issuer:
        return meta.issuer, Origin.METADATA
    if meta.title:
        key = key_of(meta.title)
        span = find_notice_title(key.text)
        names = _organs_of(key, span) if span else []
        if names:
            return names, Origin.METADATA
    return [], None


def _organs_of(key: Key, span: TitleSpan) -> list[str]:
    org = organ_prefix(key.text[span.start:span.end])
    return split_organs(key.cut(span.start, span.start + len(org))) if org else []


def _key(names: list[str]) -> str:
    return "".join(key_of(name).text for name in names)


def split_list(text: str) -> list[str]:
    """`A,B、C;D` → [`A`, `B、C`, `D`]: groups split at commas and semicolons, 、 kept."""
    return [part.strip() for part in LIST_SPLIT_RE.split(text) if part.strip()]


def read_imprint(lines: list[Line], notice: Notice) -> list[int]:
    """Fill 版记 (抄送, 印发机关 and 印发日期) from lines; return the indexes it used."""
    used = []
    for index, line in enumerate(lines):
        if len(line.text) > IMPRINT_LINE_MAX:
            continue
        cc = CC_RE.match(line.text)
        printed = PRINTED_RE.match(line.text)
        if cc:
            notice.cc = split_list(cc["cc"].rstrip("。."))
            used.append(index)
        elif printed:
            notice.printer = printed["printer"].strip()
            notice.print_date = parse_date(printed["date"])
            used.append(index)
        elif (alone := PRINT_DATE_RE.match(line.text)) and index > 0 and index - 1 not in used:
            notice.printer = lines[index - 1].text.strip()
            notice.print_date = parse_date(alone["date"])
            used += [index - 1, index]
    return used


def read_closing(lines: list[Line], notice: Notice) -> tuple[int, int]:
    """A 署名 and 成文日期 that close the text (a 实施意见, or a notice that is the text itself,
    signed after its body), at its end or before its first 附件 label (the attachment it sends
    follows the date): the notice's issuer and date when its head gave neither (an issuer read
    off the title line gives way to the 署名). Returns the span of lines it used ((0, 0): none)."""
    if notice.date or (notice.issuer and notice.origin.get("issuer") != Origin.TITLE_LINE):
        return 0, 0
    ends = [len(lines)] + [at for at, line in enumerate(lines) if at and is_label(line.text)][:1]
    for end in ends:
        used = _closing_at(lines[:end], notice)
        if used:
            return end - used, end
    return 0, 0


def _closing_at(lines: list[Line], notice: Notice) -> int:
    """How many lines at the end of `lines` are the 署名, date and 附注 (0: none); fills
    `notice`."""
    tail = [tag(line.text) for line in lines[-CLOSING_LINES:]]
    at = len(tail) - 1
    public = tail[at].public if at >= 0 and tail[at].kind == PUBLIC else None
    at -= public is not None
    if at < 0 or tail[at].kind not in (DATE, SIGNED):
        return 0
    dated, names = tail[at], []
    while at > 0 and tail[at - 1].kind == ORGANS:
        at -= 1
        names = tail[at].organs + names
    issuer = names + list(dated.organs)
    if not issuer or at == 0 and len(lines) <= len(tail):
        return 0  # a date alone is no 署名; a text that is only a 署名 has no body it closes
    notice.issuer, notice.date = issuer, dated.date
    notice.public = notice.public or public or dated.public
    notice.origin.update(issuer=Origin.WRAPPER, date=Origin.WRAPPER)
    return len(tail) - at
