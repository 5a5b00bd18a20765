"""A portal's metadata about a document (信息公开元数据: `文号`, `发布机构`, `成文日期`, `名称` …),
one field a line or several, with `|` table rules or without: evidence for the notice where
its own text lacks a field."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from planner.form.dates import read_field_date
from planner.form.hanzi import simplify
from planner.form.docnumber import BROKEN_NUMBER_RE, NUMBER_LINE_RE
from planner.form.keys import Key, key_of
from planner.form.organs import split_organs

# Field names portals and wiki infoboxes use, read on the key (spaces dropped: `文 号`, `标  题`).
DOC_NUMBER_LABELS = ("发文字号", "政策文号", "文件编号", "文号")
ISSUER_LABELS = ("发文机关", "发文机构", "发布机构", "发布机关", "发文单位", "印发机关", "发布部门", "发文部门", "发布单位",
                 "公开主体")
# A law library's and an encyclopedia's date of the act (颁布/颁发) is its 成文日期 too; 发布日期 is the page's.
DATE_LABELS = ("成文日期", "成文时间", "印发日期", "发文日期", "发文时间", "颁布日期", "颁布时间", "颁发日期", "颁发时间",
               "签发日期")
TITLE_LABELS = ("名称", "标题")
OTHER_LABELS = ("索引号", "组配分类", "主题分类", "信息分类", "体裁分类", "分类", "生成日期", "发布日期", "发布时间",
                "更新时间", "公开方式", "公开时限", "公开范围", "有效性", "效力状态", "是否有效", "时效性",
                "责任部门", "政策级别", "政策主题", "信息来源", "来源", "中文名", "类别", "地区", "行业", "主题词", "关键词",
                "归档时间", "浏览量", "浏览次数", "访问次数", "访问量", "阅读量", "阅读次数", "点击量", "点击", "字号",
                "字体", "作者", "时间", "日期", "时效", "信息索引号", "公开日期", "效力状况", "内容概述",
                "附件下载", "统一编号", "统一登记号", "文件登记号", "资料来源", "生效日期", "失效日期",
                "制发机构")
LABELS = DOC_NUMBER_LABELS + ISSUER_LABELS + DATE_LABELS + TITLE_LABELS + OTHER_LABELS
# A field's name ends in a colon, or in a table's rule. 例：文号:|六盘水府办发〔2022〕10号| /
# 发布机构:通州区人民政府办公室文号:通政办发〔2023〕9号 / 发布机构|姜堰区政府办|
# A table may bracket the name. 例：[ 成文日期 ] | 2021-06-02 |
# …or end its brackets, the value after them. 例：[ 成文日期 ] 2021-09-06
LABEL_RE = re.compile("(?P<open>[\\[【])?(?P<name>" + "|".join(sorted(LABELS, key=len, reverse=True)) + ")"
                      "(?(open)[\\]】](?:[:：]|(?=\\|))?|[\\]】]?(?:[:：]|(?=\\|)))")
# A field's name without a colon, apart from its value by a space, its characters spaced or not
# (on the line as written: the key has no spaces). 例：文  號 白政辦發〔2019〕9號 /
# 索 引 號 11610527Q-2019-000024 成文日期 2019-02-25 / the later fields with a colon:
# 文号 石政办函〔2021〕12号 成文日期: 2021年04月23日 / a field with no value last: 文号 萧发改〔2021〕98号 有效性
SPACED_LABEL_RE = re.compile("(?:(?<=[\\s•·*|-])|^)(?:" + "|".join(r"\s*".join(label) for label in
                                                         sorted(LABELS, key=len, reverse=True)) + ")(?=\\s|[:：]|$)")
# A field's name glued to its value (no colon, no space): only names of three characters or more,
# on a line with no sentence mark. 例：發文機構市政府辦公廳發文字號武政辦〔2018〕103號 / 成文日期2018年08月22日
# 文号 is glued only before what reads as one. 例：发文机关某县人民政府文号某政发〔2021〕7号
GLUED_LABEL_RE = re.compile("|".join(sorted((label for label in LABELS if len(label) >= 3), key=len, reverse=True))
                            + r"|文号(?=[\u4e00-\u9fff]{1,12}[〔\[［【（(﹝]\d{4})")
SENTENCE_MARKS_RE = re.compile("[。，,；;]")
# A bullet or a table rule before the first field. 例：• 中文名: / | 索引号:
LEAD_RE = re.compile(r"^[•·*\-|]*")
FIELD_LINE_MAX = 300


@dataclass
class Metadata:
    """The fields a portal states, as written; each None when not stated."""

    doc_number: Optional[str] = None
    issuer: Optional[list[str]] = None
    date: Optional[dt.date] = None
    title: Optional[str] = None


def fields(text: str) -> Optional[list[tuple[str, str]]]:
    """(label, value as written) of each field on a metadata line; None when it is no such line:
    a field opens the line, or two fields stand on it."""
    if len(text) > FIELD_LINE_MAX:
        return None
    key = key_of(text)
    lead = LEAD_RE.match(key.text).end()
    found = list(LABEL_RE.finditer(key.text, lead))
    if not found or (found[0].start() != lead and len(found) < 2):
        return _spaced_fields(text) or _glued_fields(key)
    pairs = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(key.text)
        value = _value(key, match.end(), end)
        pairs.append((match["name"], value))
    return pairs


def label_alone(text: str) -> Optional[str]:
    """The field a line names with no value (`• 文号:`, its value on the next line), or None."""
    named = fields(text)
    return named[0][0] if named is not None and len(named) == 1 and not named[0][1] else None


def _spaced_fields(text: str) -> Optional[list[tuple[str, str]]]:
    """(label, value) of fields named without a colon, a space before each value; None unless a
    field opens the line and has a value."""
    simple = simplify(text)
    lead = len(simple) - len(simple.lstrip(" \t\u3000\u00a0•·*-|"))
    found = list(SPACED_LABEL_RE.finditer(simple, lead))
    if not found or found[0].start() != lead:
        return None
    pairs = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        value = text[match.end():end].lstrip(":：").strip(" |\u3000")
        pairs.append((key_of(match.group()).text, value.split("|")[0].strip()))  # a table's rule ends a cell
    return pairs if pairs[0][1] else None


def _glued_fields(key: Key) -> Optional[list[tuple[str, str]]]:
    """(label, value) of fields whose names are glued to their values; None unless a name opens
    the line and either two fields stand on it or the one field's value reads as its kind."""
    if SENTENCE_MARKS_RE.search(key.text):
        return None
    found = list(GLUED_LABEL_RE.finditer(key.text))
    if not found or found[0].start() != 0:
        return None
    ends = [match.start() for match in found[1:]] + [len(key.text)]
    pairs = [(match.group(), key.cut(match.end(), end).strip()) for match, end in zip(found, ends)]
    if len(pairs) < 2 and not _states(Metadata(), *pairs[0]):
        return None
    return pairs


def _states(meta: Metadata, label: str, value: str) -> bool:
    """Whether `value` reads as what its field names (a 文号, organs, a date)."""
    _take(meta, label, value)
    return any(read is not None for read in (meta.doc_number, meta.issuer, meta.date))


def _value(key: Key, start: int, end: int) -> str:
    while start < end and key.text[start] == "|":
        start += 1
    while end > start and key.text[end - 1] == "|":
        end -= 1
    return key.cut(start, end).strip(" |\u3000")


def read_metadata(lines: list[str]) -> Metadata:
    """The first stated value of each field over `lines` (portals repeat their table)."""
    meta = Metadata()
    for text in lines:
        for label, value in fields(text) or ():
            if value:
                _take(meta, label, value)
    return meta


def _take(meta: Metadata, label: str, value: str) -> None:
    key = key_of(value).text
    if label in DOC_NUMBER_LABELS and meta.doc_number is None:
        if NUMBER_LINE_RE.match(key) or BROKEN_NUMBER_RE.match(key):
            meta.doc_number = value.strip("()（）")
    elif label in ISSUER_LABELS and meta.issuer is None:
        names = split_organs(value)
        meta.issuer = names or None
    elif label in DATE_LABELS and meta.date is None:
        meta.date = read_field_date(key)
    elif label in TITLE_LABELS and meta.title is None:
        meta.title = value
