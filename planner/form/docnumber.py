"""发文字号: 机关代字, the year in 六角括号 〔〕, the number without 第 or padding, then 号
(GB/T 9704 7.2.5): 东政办字〔2022〕36号. A cited document gives its title first and the 文号
after it in brackets (《党政机关公文处理工作条例》)."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from planner.form.patterns import lazy
from planner.form.script import HAN
from planner.form.spots import Spot
from planner.form.years import YEAR

# The year's brackets as pages write them, the small form ﹝﹞ too. 例：〔2022〕 / [2022] / ﹝2016﹞
OPEN, CLOSE = "〔[［【（(﹝", "〕]］】）)﹞"
# The 机关代字 where its start is known (a whole field, or after 根据). 例：数字强市办发
ORG = rf"[{HAN}]{{1,12}}?"
# …in running text, where it ends in 发 字 函 办 令 电. 例：某政发 (of 根据某政发〔2024〕5号)
ORG_IN_TEXT = rf"[{HAN}]{{1,3}}(?:发|字|函|办|令|电)"
# Year, number and 号, as written right or wrong. 例：〔2022〕36号 / [2022]036号 / （2024）第5号
NUMBER_PART = (rf"\s*(?P<open>[{re.escape(OPEN)}])\s*(?P<year>{YEAR})\s*(?P<close>[{re.escape(CLOSE)}])"
               r"\s*(?P<di>第?)\s*0*(?P<seq>\d{1,5})\s*号")
# 例：某政发[2024]05号 / 鲁政办字（2022）第28号 / 东政办字〔2022〕36号 (right)
DOC_NUMBER_RE = lazy(rf"(?P<org>{ORG_IN_TEXT}){NUMBER_PART}")
WHOLE_RE = lazy(rf"(?P<org>{ORG}){NUMBER_PART}")
# A 文号 cited bare. 例：根据国办发〔2024〕3号文件 / 按照鲁政发〔2023〕5号要求
BARE_CITATION_RE = lazy(rf"(?:根据|按照|依据|落实|贯彻)(?P<num>{ORG}{NUMBER_PART})")
# A 文号 before the title it belongs to. 例：（国办发〔2024〕3号）《关于…》
NUMBER_FIRST_RE = lazy(rf"[（(]?(?P<num>{ORG_IN_TEXT}{NUMBER_PART})[）)]?\s*《")
# Where a 文号 may stand: a bracket before a year. 例：〔2024 / [2024 / （2024
SCREEN = lazy(rf"[{re.escape(OPEN)}]\s*{YEAR}")
# A 文号 read off a reading key (planner.form.keys: simplified, no spaces), as a whole line, before
# the title it belongs to or after it in brackets. 例：京政办发〔2016〕26号 / 政办〔2021〕22号 /
# （东政办字〔2022〕36号）
NUMBER_KEY = rf"[{HAN}]{{1,12}}?[{re.escape(OPEN)}]{YEAR}[{re.escape(CLOSE)}]第?\d{{1,5}}号"
# …after the page's word for how it is published. 例：主動公開 明府辦函〔2018〕84號
NUMBER_LINE_RE = lazy(rf"^(?:主动公开|依申请公开)?[(（]?(?P<num>{NUMBER_KEY})[)）]?$")
NUMBER_BEFORE_RE = lazy(rf"(?P<num>{NUMBER_KEY})(?=《|.{{0,60}}?(?:关于|印发))")
# …or bare after the title, a table's | left after it. 例：…的实施意见常政发〔2022〕82号|
NUMBER_AFTER_RE = lazy(rf"[(（](?P<num>{NUMBER_KEY})[)）]\|*$|(?<=通知|通报|意见)(?P<bare>{NUMBER_KEY})\|*$")
# A 文号 among other fields of a line (unlabelled metadata). 例：某区人民政府办公室 2023-05-06 某政办发〔2023〕12号
# A 文号 run into the 主送 after it on one line (a page that lost the line break). 例：卫政办发〔2025〕26号各县(区)人民政府
NUMBER_OPENING_RE = lazy(rf"^(?P<num>{NUMBER_KEY})(?=[{HAN}])")
NUMBER_IN_LINE_RE = lazy(rf"(?<![{HAN}《〈])(?P<num>{NUMBER_KEY})")
# A 文号 a web page broke: 〕 and 号 lost, or 号 alone. 例：政办〔202122 / 六政〔201760 / 咸安政发〔2019〕1
BROKEN_NUMBER_RE = lazy(rf"^(?P<num>[{HAN}]{{1,12}}[{re.escape(OPEN)}]{YEAR}"
                        rf"(?:[{re.escape(CLOSE)}]\d{{1,5}}|\d{{0,5}}))$")
# …and one that lost its brackets too: read only where a 文号 stands (next to the notice's title),
# since elsewhere it reads as any name with a number. 例：中县政务公开202210
BARE_BROKEN_NUMBER_RE = lazy(rf"^(?P<num>[{HAN}]{{2,12}}{YEAR}\d{{1,4}})$")
# A red header (发文机关标志) with the 文号 on its line. 例：某市人民政府办公室文件某政办发〔2024〕5号 /
# 文件 (the organ's name on the line above)
RED_HEADER_RE = lazy(rf"^(?P<org>[{HAN}]{{2,40}}?)?文件(?P<num>{NUMBER_KEY})?$")


def normalize_doc_number(text: str) -> Optional[str]:
    """`东政办字[2022]036号` → `东政办字〔2022〕36号`; None when `text` is not a 发文字号."""
    match = WHOLE_RE.fullmatch(text.strip())
    if not match:
        return None
    return f"{match['org']}〔{match['year']}〕{int(match['seq'])}号"


def find_doc_numbers(text: str) -> Iterator[tuple[re.Match, Spot]]:
    """文号 in running text not in their one form, each with the spot that puts its year,
    number and 号 right (the 代字 is kept): `某政发[2024]05号` → `〔2024〕5号`."""
    for match in DOC_NUMBER_RE.finditer(text):
        start, new = match.start("open"), f"〔{match['year']}〕{int(match['seq'])}号"
        if text[start:match.end()] != new:
            yield match, Spot(start, match.end(), new)


def find_citations(text: str) -> Iterator[tuple[str, int, str]]:
    """(how, where, 文号) for documents cited by their 文号 alone (`bare`) or with the 文号
    before the title (`number_first`)."""
    for match in BARE_CITATION_RE.finditer(text):
        yield "bare", match.start("num"), match["num"]
    for match in NUMBER_FIRST_RE.finditer(text):
        yield "number_first", match.start(), match["num"]
