"""The 印发通知 at the head of a plan: title, 发文字号, 主送, body, 署名, 成文日期, 附注, 版记."""
from __future__ import annotations

import re
from typing import Optional

from planner.form.hanzi import simplify
from planner.model import Loc, Notice
from planner.parse.clean import Line
from planner.form.dates import parse_date
from planner.form.docnumber import normalize_doc_number

# 例：东营市人民政府办公室关于印发东营市数字变革创新2022年行动方案的通知(东政办字〔2022〕36号)
NOTICE_TITLE_RE = re.compile(r"^(?P<title>.{0,80}?(关于)?(印发|转发|批转).{2,80}?的通知)\s*"
                             r"(?P<num>[(（].*[〔\[［(（]\d{4}[〕\]］)）].*号[)）])?\s*$")
# 例：(东政办字〔2022〕36号)
DOC_NUMBER_LINE_RE = re.compile(r"^\s*[(（]?\s*(?P<num>[^()（）]{1,20}[〔\[［【(（]\d{4}[〕\]］】)）]"
                                r"\s*第?\s*\d{1,5}\s*号)\s*[)）]?\s*$")
# 例：各镇人民政府,各街道办事处,各功能区,区政府各部门,区直各单位:
RECIPIENT_HINT_RE = re.compile(r"(各|政府|部门|单位|管委|委员会|办事处|机关|局|委)")
# 例：青岛市即墨区人民政府办公室 / 威海市人民政府办公室
ISSUER_RE = re.compile(r"^[\u4e00-\u9fff（）()]{3,40}(政府|办公室|办公厅|委员会|委|局|厅|中心|部|院|署|"
                       r"小组|指挥部|管委会|管理委员会)$")
# 例：(此件公开发布) / （此件依申请公开）
PUBLIC_RE = re.compile(r"^\s*[(（]\s*此件.{1,12}[)）]\s*$")
# 例：现印发给你们 / 现将…印发给你们 / 现予印发
ISSUING_RE = re.compile(r"(印发给你们|现予印发|现印发|予以印发|转发给你们|现将.{0,60}印发)")
# 例：抄送：市委各部门
CC_RE = re.compile(r"^\s*抄送\s*[:：]\s*(?P<cc>.+?)\s*$")
# 例：青岛市即墨区人民政府办公室　　2024年5月31日印发
PRINTED_RE = re.compile(r"^\s*(?P<printer>\S.*?)\s+(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                        r"\s*印发\s*$")
# 例：2024年5月31日印发 (a line of its own: the 印发机关 is the line before, as in a 版记
# table whose 印发 row has the 印发机关 and 印发日期 in two cells)
PRINT_DATE_RE = re.compile(r"^\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发\s*$")
LIST_SPLIT_RE = re.compile(r"[,，;；]")
WINDOW = 14


def read_notice(lines: list[Line], file: Optional[str]) -> tuple[Optional[Notice], int]:
    """The notice at the head of `lines` and the index of the first line after it."""
    index, notice = 0, Notice()
    if index < len(lines):
        index = _read_title(lines, index, notice)
    index = _read_doc_number(lines, index, notice)
    start = index
    if index < len(lines) and _is_recipients(lines[index].text):
        notice.recipients = split_list(lines[index].text.rstrip(":： "))
        index += 1
    date_at = _find_date(lines, index)
    if date_at is None or not (notice.recipients or notice.title or _issues(lines, index, date_at)):
        return None, 0
    notice.loc = Loc(file=file, line=lines[0].line)
    issuer_from = _issuer_start(lines, index, date_at)
    notice.body = [line.text for line in lines[index:issuer_from]]
    notice.issuer = [part for line in lines[issuer_from:date_at] for part in line.text.split()]
    notice.date = parse_date(lines[date_at].text)
    index = date_at + 1
    if index < len(lines) and PUBLIC_RE.match(lines[index].text):
        notice.public = lines[index].text.strip()
        index += 1
    if not notice.body and start == index:
        return None, 0
    return notice, index


def _read_title(lines: list[Line], index: int, notice: Notice) -> int:
    text = lines[index].text.strip()
    match = NOTICE_TITLE_RE.match(simplify(text))
    if not match:
        return index
    notice.title = text[match.start("title"):match.end("title")]
    if match["num"]:
        notice.doc_number = _doc_number(text[match.start("num"):match.end("num")])
    return index + 1


def _read_doc_number(lines: list[Line], index: int, notice: Notice) -> int:
    if index < len(lines) and notice.doc_number is None:
        match = DOC_NUMBER_LINE_RE.match(lines[index].text)
        if match:
            notice.doc_number = _doc_number(match["num"])
            index += 1
            if notice.title is None and index < len(lines):
                index = _read_title(lines, index, notice)
    return index


def _doc_number(raw: str) -> str:
    raw = raw.strip().strip("()（）").strip()
    return normalize_doc_number(raw) or raw


def _is_recipients(text: str) -> bool:
    text = simplify(text.strip())
    return (text.endswith((":", "：")) and len(text) <= 200 and "。" not in text
            and bool(RECIPIENT_HINT_RE.search(text)))


def _find_date(lines: list[Line], index: int) -> Optional[int]:
    for at in range(index, min(len(lines), index + WINDOW)):
        if parse_date(lines[at].text):
            return at
    return None


def _issues(lines: list[Line], start: int, end: int) -> bool:
    """A notice with no 主送 still says it issues something: `现将…印发给你们`."""
    return any(ISSUING_RE.search(simplify(line.text)) for line in lines[start:end])


def _issuer_start(lines: list[Line], start: int, date_at: int) -> int:
    at = date_at
    while at > start and _is_issuer(lines[at - 1].text):
        at -= 1
    return at


def _is_issuer(text: str) -> bool:
    parts = simplify(text).split()
    return bool(parts) and all(ISSUER_RE.match(part) for part in parts)


def split_list(text: str) -> list[str]:
    """`A,B、C;D` → [`A`, `B、C`, `D`]: groups split at commas and semicolons, 、 kept."""
    return [part.strip() for part in LIST_SPLIT_RE.split(text) if part.strip()]


def read_imprint(lines: list[Line], notice: Notice) -> list[int]:
    """Fill 版记 (抄送, 印发机关 and 印发日期) from lines; return the indexes it used."""
    used = []
    for index, line in enumerate(lines):
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

