"""The front matter of a text, found by its anchors wherever they stand: the 印发通知 (title,
发文字号, 主送, 印发 sentence, 署名, 成文日期, 附注), then the plan's own title next to the body.
What stands before the first anchor is page chrome (reported by `ingest -v`). Only the head is
read: at most HEAD_MAX lines, each tagged once."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from planner.form.keys import key_of
from planner.form.notice import cited_names, hands_out, issues_plan
from planner.model import Notice
from planner.parse.anchors import (DATE, HEADING, ISSUING, MAYBE_RECIPIENTS, META, NOTICE_TITLE,
                                   NUMBER, ORGANS, PIECE, PROSE, PUBLIC, RECIPIENTS, RED, SIGNED, Tagged, number_in,
                                   tag)
from planner.parse.clean import Dropped, Line
from planner.parse.notice import Evidence, build_notice
from planner.parse.portal import fields, label_alone, read_metadata
from planner.parse.titles import find_title, title_above, title_of, top_title
from planner.parse.wrapper import read_issued, read_wrapper, recipients_at

HEAD_MAX = 80  # lines the front matter is looked for in
NEAR = 4  # lines between the 印发 sentence and its 署名 or its title
SIGNATURE_MAX = 8  # organ lines of a joint 署名
INFO_BOX_MIN = 4  # fields of a policy library's info box (索引号, 发布机构, 成文日期, 名称 …)


class Head:
    """The lines of a text, tagged when first asked for (only the head ever is)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.tags: dict[int, Tagged] = {}

    def __call__(self, at: int) -> Optional[Tagged]:
        if at < 0 or at >= len(self.lines):
            return None
        if at not in self.tags:
            self.tags[at] = tag(self.lines[at].text)
            self.tags[at].line = self.lines[at].line
        return self.tags[at]

    def kind(self, at: int) -> Optional[str]:
        line = self(at)
        return line.kind if line else None


@dataclass
class Front:
    """The notice (None when the text has none), the plan's title (None when no line gives
    one), the index of the first body line, the lines dropped before it and where the title
    stands."""

    notice: Optional[Notice]
    title: Optional[str]
    start: int
    dropped: list[Dropped] = field(default_factory=list)
    title_at: Optional[int] = None  # index of the title's first line


def read_front(lines: list[Line], file: Optional[str]) -> Front:
    head = Head(lines)
    limit = min(len(lines), HEAD_MAX)
    stop = next((at for at in range(limit) if head.kind(at) == HEADING), limit)
    anchor = _anchor(head, stop)
    if anchor is None:
        return _with_title(head, Front(_metadata_notice(head, stop, file), None, 0), 0, limit, top=True)
    evidence = Evidence()
    if _titled_plan(head(anchor)):
        evidence.own_lines = [head(anchor)]
        first, used, end = anchor, set(), anchor  # the title is read as the plan's below
    else:
        first, used = read_wrapper(head, anchor, evidence)
        end = read_issued(head, anchor, evidence)
    before = range(first - 1, -1, -1)
    if evidence.title is None and evidence.own_title is None and _addressed(head, anchor):
        _page_title(head, before, evidence)
    evidence.title_lines = [head(at) for at in before if head.kind(at) == NOTICE_TITLE]
    evidence.loose_numbers += [head(at) for at in before if number_in(head(at))]
    evidence.metadata = [_with_value(head, at) for at in _metadata_lines(head, anchor, end)]
    notice = build_notice(evidence, lines[first].line, file)
    dropped = _chrome(head, range(first), "通知之前的网页内容")
    dropped += _chrome(head, [at for at in range(first, anchor) if at not in used], "通知中的网页内容")
    cited = cited_names(evidence.body)
    front = _with_title(head, Front(notice, None, end, dropped), end, min(len(lines), end + HEAD_MAX), cited)
    if front.title is None and evidence.own_title:  # 实施意见 to its 主送: its title is above
        front.title = evidence.own_title
    if front.title is None and first > 0:
        front.title = _named_page(head, cited, first)
    return front


def _named_page(head: Head, cited: frozenset[str], first: int) -> Optional[str]:
    """A page named after the plan its notice issues (an encyclopedia's entry, with no title line
    under the notice): its first line, or a line above the notice (below the page's info box),
    that is the name the 印发 sentence gives the plan."""
    run = top_title(head)
    if run is not None and key_of(run.text).text in cited:
        return run.text
    named = (head(at) for at in range(first))
    return next((line.text.strip() for line in named if line.kind == PIECE and line.key.text in cited), None)


def _anchor(head: Head, stop: int) -> Optional[int]:
    """The line the notice is read from: its 主送, else its 印发 sentence, else (before any
    prose) its title, 文号 or a 印发 sentence alone; None when the text has no notice."""
    for at in range(stop):
        kind = head.kind(at)
        if kind == RECIPIENTS or (kind == MAYBE_RECIPIENTS and head.kind(at + 1) == ISSUING):
            wrapped = at > 0 and recipients_at(head, at - 1)
            return at - 1 if wrapped and wrapped[0] == 2 else at
    for at in range(stop):
        if head.kind(at) == ISSUING and _near_notice(head, at):
            return at
    for at in range(stop):
        kind = head.kind(at)
        if kind == ISSUING and hands_out(head(at).key.text):
            return at  # an excerpt that opens at the 印发 sentence (no title, 主送 or 署名)
        if kind in (PROSE, ISSUING):
            break
        if kind in (NOTICE_TITLE, NUMBER) or _titled_plan(head(at)) or (kind == RED and head(at).organs):
            return at  # (`文件` alone is a red header only under its organ's name)
        if _signature_block(head, at):
            return at  # an excerpt that opens at the notice's 署名
    return None


def _metadata_notice(head: Head, stop: int, file: Optional[str]) -> Optional[Notice]:
    """A page with no notice text but an info box (a policy library's, an encyclopedia's) that
    states the 文号, or the 成文日期 in a table of INFO_BOX_MIN fields: its notice is that
    metadata. An issuing organ alone is not one (a library files every text under a 发文部门),
    nor a portal's one line of 发布机构 and 成文日期 above a plan (constructs c02)."""
    found = []
    for at in range(stop):
        if head.kind(at) in (PROSE, ISSUING):
            break
        found += [at] if head.kind(at) == META else []
    if not found:
        return None
    texts = [_with_value(head, at) for at in found]
    meta = read_metadata(texts)
    boxed = sum(len(fields(text) or ()) for text in texts) >= INFO_BOX_MIN
    if meta.doc_number is None and (meta.date is None or not boxed):
        return None
    evidence = Evidence(metadata=texts)
    return build_notice(evidence, head.lines[found[0]].line, file)


def _with_value(head: Head, at: int) -> str:
    """A metadata line with the value a field named alone on it has on the next line.
    例：公开主体: / 上海市崇明区人民政府办公室 / 成文日期: / 2022-03-17"""
    text, below = head(at).text.strip(), head(at + 1)
    if label_alone(text) is None or below is None or below.kind in (META, PROSE, ISSUING, HEADING):
        return text
    return text + below.text.strip()


def _signature_block(head: Head, at: int) -> bool:
    """A 署名 and its 成文日期 start at `at`: organ lines, then the date (or both on one line)."""
    if head.kind(at) == SIGNED:
        return True
    end = at
    while head.kind(end) == ORGANS and end - at < SIGNATURE_MAX:
        end += 1
    return end > at and head.kind(end) == DATE


def _metadata_lines(head: Head, anchor: int, end: int) -> list[int]:
    """A portal's metadata lines: before the anchor, and between the notice and the body (a
    policy library's fields under the document's name and 文号)."""
    after = []
    for at in range(end, len(head.lines)):
        if head.kind(at) in (PROSE, HEADING, ISSUING, NOTICE_TITLE, None):
            break
        after += [at] if head.kind(at) == META else []
    return [at for at in range(anchor) if head.kind(at) == META] + after


def _addressed(head: Head, anchor: int) -> bool:
    """The text is itself addressed to its 主送 (a 实施意见, a 通知本身): no 印发 sentence follows."""
    after = head(anchor + 1)
    issued = after is not None and after.kind == ISSUING and issues_plan(after.key.text)
    return head.kind(anchor) in (RECIPIENTS, MAYBE_RECIPIENTS) and not issued


def _page_title(head: Head, before: Iterable[int], evidence: Evidence) -> None:
    """A text addressed to its 主送 with no title line of its own is titled by the page: the
    nearest title above it, on one line or opening on the lines before (its 文号 and issuer
    with it)."""
    for at in before:
        run = title_above(head, at)
        if run is not None:
            evidence.own_title = run.text
            evidence.own_lines += [head(at)] if head(at).number is not None else []
            return


def _titled_plan(line: Tagged) -> bool:
    """A plan's own title written with its 文号: the head of a 实施意见 with no notice."""
    return line.kind == PIECE and line.number is not None and title_of(line.text) is not None


def _near_notice(head: Head, at: int) -> bool:
    after = {head.kind(at + step) for step in range(1, NEAR + 1)}
    before = {head.kind(at - step) for step in range(1, NEAR + 1)}
    return bool(after & {DATE, SIGNED, ORGANS, PUBLIC} or before & {NOTICE_TITLE, NUMBER, RED})


def _with_title(head: Head, front: Front, start: int, stop: int, cited: frozenset[str] = frozenset(),
                top: bool = False) -> Front:
    """The plan's title: the last title run between `start` and the body (`cited`: the names
    the notice's 印发 sentence gives the plan); on a page with no notice (`top`), else the
    first line when it reads as a title."""
    run = find_title(head, start, stop, cited) or (top_title(head) if top else None)
    if run is None:
        return front
    front.title, front.title_at = run.text, run.start
    front.dropped += _chrome(head, range(start, run.start), "标题之前的网页内容")
    front.start = run.end
    return front


def _chrome(head: Head, indexes: Iterable[int], reason: str) -> list[Dropped]:
    return [Dropped(head.lines[at].text, head.lines[at].line,
                    "门户元数据" if head.kind(at) == META else reason) for at in indexes]
