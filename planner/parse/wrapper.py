"""A notice read around its anchor (its 主送, 印发 sentence or title): the lines before it
(文号, the notice's title on up to four lines, 发文机关标志) and after it (主送, body, 署名,
成文日期, 附注). A body counts only when a 署名, a date or 附注 closes it: a text that is the
notice itself (通知本身, 实施意见) keeps its body as the plan's."""
from __future__ import annotations

import re
from typing import Callable, Optional

from planner.form.attachments import opens_note
from planner.form.docnumber import BARE_BROKEN_NUMBER_RE
from planner.form.keys import key_of
from planner.form.notice import find_notice_title, recipient_groups, seal_start
from planner.form.organs import ISSUERS_END_RE, TITLE_VERBS, is_name_tail, split_organs
from planner.parse.anchors import (DATE, ISSUING, MAYBE_RECIPIENTS, META, NOTICE_TITLE, NUMBER, ORGANS, OTHER,
                                   PIECE, PROSE, PUBLIC, RECIPIENTS, RED, SEAL, SIGNED, Tagged)
from planner.parse.columns import columned_signature
from planner.parse.notice import Evidence
from planner.parse.portal import DATE_LABELS, DOC_NUMBER_LABELS, ISSUER_LABELS, label_alone
from planner.parse.titles import OPENER_RE, title_of

Lines = Callable[[int], Optional[Tagged]]
WINDOW = 14  # lines from the 主送 to the 成文日期
TITLE_LINES = 4  # a notice's title on up to four lines
ATTACHMENT_LINES = 4  # 附件： and the names of up to three attachments under it
TITLE_LINE_MAX = 120
FRAGMENT_MAX = 6
# A notice title that does not name its issuer. 例：关于印发…的通知 / 印发《…》的通知
BARE_TITLE_RE = re.compile(rf"^(?:{TITLE_VERBS})")
WRAPPER_KINDS = (NOTICE_TITLE, NUMBER, RED)
# What a metadata field's value below its name reads as, by the kind of its line.
VALUE_LABELS = {NUMBER: DOC_NUMBER_LABELS, ORGANS: ISSUER_LABELS, DATE: DATE_LABELS}
SIGNATURE_LINES = 2  # a long 署名 (a 领导小组办公室) wraps onto a second line
SIGNATURE_SPAN = 12  # the lines of a joint 署名 (names in columns, pieces, 代章) above its date
SIGNATURE_PIECE = 40  # a piece of a 署名: a name's wrapped end, a 代章 note, a row of places over names
CLOSING = (ORGANS, SEAL, PUBLIC, DATE, SIGNED)


def read_wrapper(head: Lines, anchor: int, evidence: Evidence) -> tuple[int, set[int]]:
    """Read the 文号, title and 发文机关标志 before the anchor (the anchor too when it is one of
    them); return the first wrapper line and the lines used (a portal's metadata line, a
    header's date or a stray fragment between them is skipped, not used)."""
    at = anchor + 1 if _kind(head, anchor) in WRAPPER_KINDS else anchor
    used: set[int] = set(range(at, anchor + 1)) if at > anchor else set()
    mark_top: Optional[int] = None
    skipped = False  # a line was skipped: what is above is the page's, not the notice's own title
    while at > 0:
        line = head(at - 1)
        if _field_value(head, at - 1):  # `文号:` / `某政办发〔2025〕10号`: the portal's, not the notice's
            evidence.loose_numbers += [line] if line.kind == NUMBER else []
            skipped = True
            at -= 1
            continue
        if line.kind in (NUMBER, RED):
            evidence.add_number(line)
        elif line.kind == PIECE and (bare := BARE_BROKEN_NUMBER_RE.match(line.key.text)):
            evidence.add_number(Tagged(NUMBER, line.key, number=bare.span("num")))
        elif (title := _title_before(head, at)) is not None:
            if evidence.title is not None:
                break
            count, evidence.title = title
            used.update(range(at - count, at))
            at -= count
            continue
        elif (not skipped and evidence.title is None and evidence.own_title is None
              and (own := _own_title_before(head, at))):
            count, evidence.own_title = own
            evidence.own_lines += [head(k) for k in range(at - count, at) if head(k).number is not None]
            used.update(range(at - count, at))
            at -= count
            continue
        elif line.kind == ORGANS and _over_wrapper(head, at, anchor, used) and _is_mark(
                evidence, at, anchor, mark_top, at not in used):
            evidence.mark = line.organs + (evidence.mark or [])
            mark_top = at - 1
        elif not _skippable(line):
            break
        if line.kind == DATE and _kind(head, at - 2) == NUMBER:
            evidence.head_date = line.date  # 标题 / 文号 / 日期 over the 主送, as a compilation sets a head
        if _skippable(line):
            skipped = True
        else:
            used.add(at - 1)
        at -= 1
    return at, used


def _over_wrapper(head: Lines, at: int, anchor: int, used: set[int]) -> bool:
    """The line above `at` stands right over the notice's own lines (its title, 文号, red header,
    another organ line of the mark, or the anchor), not over a line of the page's (a menu's
    `互动交流` under its `政务服务中心`)."""
    return at == anchor or at in used or _kind(head, at) in (NUMBER, RED, NOTICE_TITLE, ORGANS)


def _field_value(head: Lines, at: int) -> bool:
    """The line is the value of a metadata field named alone on the line above: a 文号 under
    `文号:`, an organ under `发布机构:`, a date under `成文日期:`."""
    above, line = head(at - 1), head(at)
    label = label_alone(above.text) if above is not None and above.kind == META else None
    return label is not None and label in VALUE_LABELS.get(line.kind, ())


def _skippable(line: Tagged) -> bool:
    """A line between the notice's own lines that is the page's: metadata, a wiki header's
    date, a stray fragment (成府发)."""
    return line.kind in (META, DATE) or (line.kind in (PIECE, OTHER) and len(line.key.text) <= FRAGMENT_MAX)


def _is_mark(evidence: Evidence, at: int, anchor: int, mark_top: Optional[int], apart: bool) -> bool:
    """An organ line is the 发文机关标志 above a title or 文号, or right above the anchor; a
    second one joins the first (joint issuers). An organ line set apart from a title that names
    its own issuer by a line of the page's is the site's name (芒康县人民政府 / 政府信息公开 /
    西藏自治区人民政府关于印发…的通知)."""
    if mark_top is not None:
        return mark_top == at
    if apart and evidence.title is not None and not _bare(evidence.title):
        return False
    return evidence.mark is None and bool(evidence.title or evidence.numbers or at == anchor)


def _bare(title) -> bool:
    """A notice title that does not open with its issuer (关于印发…的通知)."""
    key, span = title
    return BARE_TITLE_RE.match(key.text, span.start) is not None


def _title_before(head: Lines, end: int):
    """(lines, (key, span)) of a notice title on the lines just before `end`."""
    texts: list[str] = []
    found = None
    for count in range(1, TITLE_LINES + 1):
        line = head(end - count)
        if line is None or line.kind not in (NOTICE_TITLE, PIECE, OTHER, ORGANS) \
                or len(line.key.text) > TITLE_LINE_MAX:
            return found
        texts.insert(0, line.text.strip())
        key = key_of("".join(texts))
        span = find_notice_title(key.text)
        if span is None or _opens_inside_quote(key.text, head(end - count - 1)):
            continue
        if span.start == 0 and BARE_TITLE_RE.match(key.text) and _about_above(head, end - count):
            continue  # 广东省生态环境厅 广东省能源局关于 / 印发《…》的通知: the title goes on above
        if span.start == 0 and (BARE_TITLE_RE.match(key.text) and _issuer_line(head, end - count)
                                or _more_issuers(head, end - count, key.text)):
            above = _broken_issuers(head, end - count - 1)
            key = key_of("".join(head(at).text.strip() for at in range(end - count - above, end - count)) + "".join(texts))
            return count + above, (key, find_notice_title(key.text))
        if key.text.startswith("《") and not key.text.endswith("》") and found is None:
            found = count, (key, span)  # 《…》的通知: what it issues; its verb and issuers may be above
            continue
        return count, (key, span)
    return found


def _about_above(head: Lines, first: int) -> bool:
    """The line above a title's first line ends with its issuers and 关于 (the title broke
    after 关于). 例：广东省生态环境厅 广东省能源局关于 / 印发《…》的通知"""
    above = head(first - 1)
    if above is None or above.kind not in (PIECE, ORGANS) or not above.key.text.endswith("关于"):
        return False
    return bool(split_organs(above.key.cut(0, len(above.key.text) - 2)))


def _broken_issuers(head: Lines, at: int) -> int:
    """How many lines from `at` upward hold a title's issuers: the line at `at`, and the lines
    above it that end inside a name the line below goes on with (`…工业和信息化厅 广东省` /
    `生态环境厅 广东省国资委…`)."""
    count, text = 1, head(at).text.strip()
    while count < TITLE_LINES:
        upper = head(at - count)
        if upper is None or upper.kind != PIECE or len(upper.key.text) > TITLE_LINE_MAX:
            break
        joined = upper.text.strip() + text
        if not split_organs(joined):
            break
        count, text = count + 1, joined
    return count


def _opens_inside_quote(key: str, above: Optional[Tagged]) -> bool:
    """A title line that opens inside a 《》 the line above opened: the title goes on above.
    例：国家发展改革委关于印发《区域电网输电价格定价办法（试行）》《跨省跨区专项工程输电 /
    价格定价办法（试行）》和《…》的通知"""
    opened, closed = key.find("《"), key.find("》")
    if above is None or closed < 0 or 0 <= opened < closed:
        return False
    text = above.key.text
    return text.rfind("《") > text.rfind("》")


def _more_issuers(head: Lines, first: int, title: str) -> bool:
    """Whether the organ line right above a title that opens with its issuers holds the first of
    them: a joint title broken inside its list of issuers (卫生健康委 教育部 财政部 人力资源社会保障部 /
    医保局 药监局关于印发…的通知). A 发文机关标志 above names organs the title names again."""
    above = head(first - 1)
    issuers = ISSUERS_END_RE.search(title)
    if above is None or above.kind != ORGANS or issuers is None or not split_organs(title[:issuers.start()]):
        return False
    return not any(key_of(organ).text in title for organ in above.organs or ())


def _issuer_line(head: Lines, first: int) -> bool:
    """Whether the line above a title's first line is the title's own first line: a title names
    its issuer first (GB/T 9704 7.3.1), and one laid out on two lines breaks after it (冠县人民政府办公室
    / 关于印发…的通知). A 发文机关标志 is not: it is letter-spaced (`市 人 民 政 府`), stacked with another
    organ line (joint issuers), or apart from the title by a blank line — where a page sets a blank
    line after every line (the title and the line after it too), a blank says nothing."""
    above, title = head(first - 1), head(first)
    if above is None or above.kind != ORGANS or _kind(head, first - 2) == ORGANS:
        return False
    tokens = above.text.split()
    if len(tokens) > 2 and all(len(token) == 1 for token in tokens):
        return False
    if above.line is None or title.line is None or title.line - above.line <= 1:
        return True
    after = head(first + 1)
    return after is not None and after.line is not None and after.line - title.line >= title.line - above.line


def _own_title_before(head: Lines, end: int) -> Optional[tuple[int, str]]:
    """(lines, title) of a plan's own title just before `end` (a 实施意见 sent to its 主送
    has its title where a 印发通知 has the notice's): the longest run of lines that reads as a
    title and opens like one (广东省人民政府关于进一步深化… / 改革建设的实施意见). A title opening with
    关于 is written in full with the issuer on the line above (济宁市人民政府 / 关于…的实施意见)."""
    texts: list[str] = []
    found: Optional[tuple[int, str]] = None
    for count in range(1, TITLE_LINES + 1):
        line = head(end - count)
        if line is None or line.kind != PIECE:
            break
        if found is not None and title_of(line.text) is not None:
            break  # a title of its own above: the page's copy (…的实施意见_某市人民政府), not a first line
        texts.insert(0, line.text.strip())
        title = title_of("".join(texts))
        if title is not None and (found is None or OPENER_RE.match(line.key.text)):
            found = count, title
    if found is None:
        return None
    count, title = found
    above = head(end - count - 1)
    if key_of(title).text.startswith("关于") and above is not None and above.kind == ORGANS:
        return count + 1, above.text.strip() + title
    return count, title


def read_issued(head: Lines, anchor: int, evidence: Evidence) -> int:
    """Read 主送, body, 署名, 成文日期 and 附注 from the anchor on; return the index after them."""
    recipients = recipients_at(head, anchor)
    if recipients is not None:
        count, evidence.recipients = recipients
        if head(anchor).number is not None:  # a 文号 run into the 主送 on its line
            evidence.add_number(head(anchor))
        start = anchor + count
    elif _kind(head, anchor) in WRAPPER_KINDS:
        at = anchor
        while _kind(head, at) in WRAPPER_KINDS:
            if at > anchor and _kind(head, at) in (NUMBER, RED):
                evidence.add_number(head(at))  # the 文号 under a notice sent with no 主送
            at += 1
        return at
    else:
        start = anchor
    closing = _closing(head, start)
    if closing is None:
        return start
    evidence.body = [head(at).text.strip() for at in range(start, closing)]
    return _signature(head, closing, evidence)


def recipients_at(head: Lines, at: int) -> Optional[tuple[int, list[str]]]:
    """(lines, groups as written) of a 主送 at `at`, on its line or wrapped onto the next."""
    line = head(at)
    if line is None:
        return None
    after = head(at + 1)
    wrapped = line.key.text.endswith((",", "，", "、")) or (line.kind in (PROSE, OTHER, PIECE) and "," in line.key.text)
    # (a line broken inside a name: …各行政公署,自治 / 区人民政府各部门、各直属机构:)
    if after is not None and wrapped and after.kind == RECIPIENTS:
        key = key_of(line.text.strip() + after.text.strip())
        groups = recipient_groups(key.text)
        if groups:
            return 2, [key.cut(a, b).strip() for a, b in groups]
    if line.kind in (RECIPIENTS, MAYBE_RECIPIENTS):
        return 1, [line.key.cut(a, b).strip() for a, b in line.groups]
    return None


def _closing(head: Lines, start: int) -> Optional[int]:
    """Where the body ends: the first line of the 署名 block (or the date), or the plan's
    title line when the notice has neither; None when neither comes within the window."""
    for at in range(start, start + WINDOW):
        line = head(at)
        if line is None:
            return None
        if line.kind in (DATE, SIGNED) and (wrapped := _wrapped_signature(head, at, start)):
            return at - wrapped[0]
        if _wrapped_piece(line) and _kind(head, at + 1) in (DATE, SIGNED) and (
                wrapped := _wrapped_signature(head, at + 1, start)):
            return at + 1 - wrapped[0]  # a 领导小组办公室 closing a name begun on the line above
        if line.kind == PIECE and columned_signature(head, at):
            return at  # a 署名 in columns, its row of places first
        quoted = line.key.text.startswith("《") and _kind(head, at + 1) == ISSUING  # 《…》 / 已经…印发你们
        if line.kind == ORGANS and not _closes(head, at):
            continue  # a line of a list that names organs (a committee's members and their units)
        if line.kind in CLOSING or (line.kind == PIECE and not quoted and title_of(line.text) is not None):
            return at
        if _past_attachment_note(head, at) > at:
            return at  # the 附件说明 between the body and the 署名 (7.3.4)
    return None


def _closes(head: Lines, at: int) -> bool:
    """The organ lines from `at` close the notice: a date, a 附注, the plan's title or the end
    of the text follows them, past the short pieces of a 署名 (a name wrapped onto the next
    line, a 代章 note), not more of the body (a committee's members and their units)."""
    for at in range(at + 1, at + 1 + SIGNATURE_SPAN):
        line = head(at)
        if line is None or line.kind in (PUBLIC, DATE, SIGNED):
            return True
        if line.kind == PIECE and title_of(line.text) is not None:
            return True
        if line.kind not in (ORGANS, SEAL) and not (line.kind == PIECE and len(line.key.text) <= SIGNATURE_PIECE):
            return False
    return False


def _past_attachment_note(head: Lines, at: int) -> int:
    """The line after an 附件说明 at `at` (`附件：` and the names, on its line or the lines
    under it) when a 署名 or date follows it; `at` itself otherwise. 例：附件： / 关于加快…的意见 /
    国家发展改革委"""
    line = head(at)
    if line is None or not opens_note(line.text):
        return at
    for count in range(1, ATTACHMENT_LINES + 1):
        if _kind(head, at + count) in (ORGANS, DATE, SIGNED) or columned_signature(head, at + count):
            return at + count
        if head(at + count) is None:
            break
    return at


def _wrapped_signature(head: Lines, date: int, start: int) -> Optional[tuple[int, list[str]]]:
    """(lines, names) of a 署名 just above the date that a tagged line does not show: wrapped onto
    two lines, or with its 代章 note after it (包头市优化营商环境工作 / 领导小组办公室(代章)); the
    second line may read as a name alone (上海市黄浦区城区数字化转型工作 / 领导小组办公室)."""
    for count in range(SIGNATURE_LINES, 0, -1):  # the longest name: a wrapped one, not its second line
        lines = [head(at) for at in range(date - count, date)]
        if date - count < start or any(line is None for line in lines):
            continue
        if lines[0].kind != PIECE or any(not _wrapped_piece(line) for line in lines[1:]):
            continue
        key = key_of("".join(line.text.strip() for line in lines))
        names = split_organs(key.cut(0, seal_start(key.text)))
        if names:
            return count, names
    return None


def _wrapped_piece(line: Tagged) -> bool:
    """A line that goes on with a 署名 begun above: a piece, or a 领导小组 named alone."""
    return line.kind == PIECE or (line.kind == ORGANS and is_name_tail(line.key.text))


def _signature(head: Lines, at: int, evidence: Evidence) -> int:
    at = _past_attachment_note(head, at)
    columned = columned_signature(head, at)
    if columned is not None:
        count, names = columned
        evidence.issuer.extend(names)
        at += count
    for count in range(1, SIGNATURE_LINES + 1):
        wrapped = _kind(head, at + count) in (DATE, SIGNED) and _wrapped_signature(head, at + count, at)
        if wrapped and wrapped[0] == count:
            evidence.issuer.extend(wrapped[1])
            at += count
            break
    while _kind(head, at) in (ORGANS, SEAL, PUBLIC) or _sealed_for(head, at):
        if _kind(head, at - 1) == ORGANS and is_name_tail(head(at).key.text):
            _join_tail(head(at - 1), head(at), evidence)
        elif head(at).kind == PIECE:
            pass  # the organ that sealed for the 署名 above is not one more issuer
        else:
            _take(head(at), evidence)
        at += 1
    if _kind(head, at) in (DATE, SIGNED):
        line = head(at)
        evidence.issuer.extend(line.organs)
        evidence.date = line.date
        _take(line, evidence)
        at += 1
        while _kind(head, at) in (PUBLIC, SEAL):
            _take(head(at), evidence)
            at += 1
    return at


def _sealed_for(head: Lines, at: int) -> bool:
    """An organ's 代章 under a 署名: 重庆市涪陵区新型智慧城市领导小组办公室 / 重庆市涪陵区大数据应用发展管理局(代章)."""
    line = head(at)
    if line is None or line.kind != PIECE or _kind(head, at - 1) != ORGANS:
        return False
    end = seal_start(line.key.text)
    return end < len(line.key.text) and bool(split_organs(line.key.cut(0, end)))


def _join_tail(above: Tagged, line: Tagged, evidence: Evidence) -> None:
    """A 领导小组 named after the organs on the line above is one issuer, not one more:
    中共木兰县委木兰县人民政府 / 优化营商环境领导小组."""
    if evidence.issuer[-len(above.organs):] == above.organs:
        del evidence.issuer[-len(above.organs):]
    evidence.issuer.append(above.text.strip() + line.text.strip())


def _take(line: Tagged, evidence: Evidence) -> None:
    if line.kind == ORGANS:
        evidence.issuer.extend(line.organs)
    elif line.public and evidence.public is None:
        evidence.public = line.public


def _kind(head: Lines, at: int) -> Optional[str]:
    line = head(at)
    return line.kind if line else None
