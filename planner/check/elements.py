"""The parts of a 公文 recognised by what they say and where they stand, not by a writer's
style names: so a DOCX from Word, WPS or another tool is checked as planner's own are.

Used on a DOCX's paragraphs (check.paragraphs) and on a laid-out page's lines
(check.measure); both hand over the texts in reading order.
"""
from __future__ import annotations

import re
from typing import Optional

from planner.form.dates import DATE_LINE_RE  # 例：2024年5月31日 (a line of its own: the 成文日期)
from planner.form.docnumber import WHOLE_RE  # 例：即政办发〔2024〕9号
from planner.form.organs import TITLE_VERBS  # 关于|印发|…: what follows a title's issuers

# 例：各镇人民政府，各街道办事处： (it ends with a colon; a 主送 is no sentence)
RECIPIENTS_RE = re.compile(r"^[^。！？]{2,200}[：:]$")
# 例：（此件公开发布） / （此件依申请公开）
NOTE_RE = re.compile(r"^[（(]此件.{1,12}[）)]$")
# 例：抄送：区委各部门，区人大常委会办公室。
CC_RE = re.compile(r"^抄送[：:]")
# 例：青岛市即墨区人民政府办公室　　2024年5月31日印发 (印发机关 and 印发日期, however far apart)
PRINTED_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日印发$")
# 例：— 1 — (the page number; also a wrong one written with hyphens: - 1 -)
PAGE_NUMBER_RE = re.compile(r"^[—\-－–‒―~～]{1,2}\s*\d{1,4}\s*[—\-－–‒―~～]{1,2}$")
PROPER_PAGE_NUMBER_RE = re.compile(r"^—\s*\d{1,4}\s*—$")
# 例：附件：数字即墨2024年行动方案重点任务分工表 / 附件：1.…
ATTACHMENT_NOTE_RE = re.compile(r"^附件[：:]")
# 例：…关于印发…的通知 (a notice's title)
NOTICE_TITLE_RE = re.compile(rf"({TITLE_VERBS}).*的(通知|意见|决定|批复|函)$")


def compact(text: str) -> str:
    """The text without any whitespace (tabs, spaces, ideographic spaces)."""
    return re.sub(r"\s+", "", text.replace("\u3000", " "))


def is_recipients(text: str, after_title: bool) -> bool:
    """A 主送 line: right under the title, ending in a colon."""
    return after_title and bool(RECIPIENTS_RE.match(compact(text)))


def is_date_line(text: str) -> bool:
    return bool(DATE_LINE_RE.match(compact(text)))


def is_note(text: str) -> bool:
    return bool(NOTE_RE.match(compact(text)))


def is_cc(text: str) -> bool:
    return bool(CC_RE.match(compact(text)))


def is_printed(text: str) -> bool:
    return bool(PRINTED_RE.search(compact(text)))


def is_doc_number(text: str) -> bool:
    return bool(WHOLE_RE.fullmatch(compact(text).strip("（）()")))


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER_RE.match(compact(text)))


# A joint 署名 stacks its organs a line each (7.3.5.2: 其余发文机关署名依次向下编排): eight or ten
# departments sign together.
SIGNATURE_LINES = 12


def signature_block(texts: list[str]) -> Optional[tuple[int, int]]:
    """(first 署名 line, 成文日期 line) of the first date line that follows body text: the
    署名 lines are the short lines right above the date (none when the date stands alone)."""
    for at, text in enumerate(texts):
        if at > 1 and is_date_line(text):
            first = at
            while first > 0 and _short(texts[first - 1]) and not is_recipients(texts[first - 1], True) \
                    and first > at - SIGNATURE_LINES:
                first -= 1
            return first, at
    return None


def _short(text: str) -> bool:
    words = compact(text)
    return 2 <= len(words) <= 30 and not words.endswith(("。", "：", ":", "；")) \
        and not ATTACHMENT_NOTE_RE.match(words)


def notice_roles(texts: list[str]) -> dict[int, str]:
    """Roles of a notice's lines (index → recipients, issuer, date, note, cc, printed) by
    their content and order: the 主送 is the first line ending in a colon among the first
    lines, before any body; the 署名 and 成文日期 are found by signature_block."""
    roles: dict[int, str] = {}
    for at, text in enumerate(texts[:8]):
        if is_recipients(text, True):
            roles[at] = "recipients"
            break
        if compact(text).endswith(("。", "；")):
            break  # body text before any 主送: there is none
    block = signature_block(texts)
    if block is not None:
        first, date = block
        roles.update({at: "issuer" for at in range(first, date)})
        roles[date] = "date"
        if date + 1 < len(texts) and is_note(texts[date + 1]):
            roles[date + 1] = "note"
    for at, text in enumerate(texts):
        if is_cc(text):
            roles[at] = "cc"
        elif is_printed(text):
            roles[at] = "printed"
    return roles
