"""Quantitative targets (量化指标) in plan text: `新建5G基站1000座` → (5G基站, 1000, 座, 新建).

A target is a number with a counting unit. Its metric is the phrase before it in the same
clause (`数字经济总量增幅超过11%`), or after it when the phrase before is only a verb
(`打造20个以上典型应用场景`). Qualifiers are the verbs and bounds around the number,
joined with `、` in text order (`新建、以上`). A range `1-2个` takes its upper bound and the
qualifier `范围1-2`. Chinese numerals are not read. The year is one stated in the same
sentence (`到2026年`, `2022年，`), else the plan's year.
"""
from __future__ import annotations

import re
from typing import Optional

from planner.form.notes import find_notes
from planner.form.numbers import NUMBER
from planner.form.ranges import RANGE_SEP
from planner.form.terms import fix_term_case
from planner.form.years import YEAR, YEAR_RE
from planner.model import Target

UNITS = ("平方米|平方公里|公里|千米|亿元|万元|元|亿次|万次|次|亿条|万条|条|万人|人|万户|户|万家|家|万个|个|"
         "座|项|间|处|块|台|所|张|套|艘|辆|亩|吨|倍|名|类|种|批|场|部|栋|片|根|盏|路|站|宗|件|"
         "万块|万台|万张|万辆|万亩|万吨|%|％")
# A number with a counting unit. 例：1000座 / 3.35万个 / 10%以上 / 1-2个 / 100余艘
QUANTITY_RE = re.compile(rf"(?<![A-Za-z0-9.\-〔\[（(第])(?:(?P<low>{NUMBER})\s*{RANGE_SEP}\s*)?"
                         rf"(?P<value>{NUMBER})\s*(?P<approx>余|多)?\s*(?P<unit>(?:万|亿)?(?:{UNITS}))"
                         rf"(?P<after>以上|以内|以下|左右|及以上)?")
# Qualifiers between the metric and the number. 例：达到 / 超过 / 不少于
MID_RE = re.compile(r"(达到|达|超过|突破|不少于|不低于|不超过|低于|高于|提高到|提升到|提升至|提高至|增长|"
                    r"保持|控制在|稳定在|为|至|在)$")
# Verbs and scope words that open a clause before the metric. 例：年内新建 / 全市
LEAD_RE = re.compile(rf"^(?:(?:到|至)?{YEAR}年(?:底|末)?(?:前)?|年内|年底前|全年|为?全市|为?全区|为?全县|全省|"
                     r"力争|累计|新建续建|新建并开通|建成并开通|新建|新增|新培育|新上线|新发布|新创建|新认定|"
                     r"建成|建设|完成|打造|培育|实现|推动|引进|认定|争创|争取|开展|部署|安装|更换|施划|"
                     r"发展|形成|遴选|其中|共|并|再|同比|累计达|认证|升级|改造|配装|接入|支持)+")
QUALIFIER_WORDS = ("累计", "新建", "新增", "新培育", "新上线", "新发布", "新创建", "新认定", "建成", "力争")
CLAUSE_SPLIT = "，,。；;：:！？!?\n"
FORWARD_RE = re.compile(r"^(?:的)?([^，,。；;：:（）()]{2,20})")


def extract_targets(text: str, year: Optional[int] = None) -> list[Target]:
    """Every quantitative target in `text`, in text order."""
    targets, previous_end, inherited = [], 0, ""
    scan = _without_notes(text)
    for match in QUANTITY_RE.finditer(scan):
        if _is_date_or_code(scan, match):
            continue
        start = _clause_start(scan, match.start())
        continues = start < previous_end
        start = previous_end if continues else start
        while start < match.start() and scan[start] in "、和及与并":
            start += 1
        target = _target(scan, match, start, _sentence_year(scan, match.start(), year))
        if target is None:
            continue
        if continues and inherited and inherited not in target.qualifier:
            target.qualifier = "、".join(filter(None, [inherited, target.qualifier]))
        inherited = target.qualifier.split("、")[0] if target.qualifier in QUALIFIER_WORDS or \
            target.qualifier.split("、")[0] in QUALIFIER_WORDS else ""
        target.text = text[start:start + len(target.text)]
        targets.append(target)
        previous_end = match.end()
    return targets


def _without_notes(text: str) -> str:
    """Responsibility notes blanked out (same length) so their units never read as metrics."""
    for begin, end in find_notes(text):
        text = text[:begin] + "。" * (end - begin) + text[end:]
    return text


def _is_date_or_code(text: str, match: re.Match) -> bool:
    tail = text[match.end("value"):match.end("value") + 1]
    if text[match.end():match.end() + 1] == "级":  # 10万吨级: a class, not a count
        return True
    return tail in ("年", "月", "日", "号", "版", "时", "期") and match["unit"] not in ("%", "％")


def _clause_start(text: str, end: int) -> int:
    index = end
    while index > 0 and text[index - 1] not in CLAUSE_SPLIT:
        index -= 1
    return index


def _sentence_year(text: str, at: int, default: Optional[int]) -> Optional[int]:
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    found = [match['y'] for match in YEAR_RE.finditer(text, start, at)]
    return int(found[-1]) if found else default


def _target(text: str, match: re.Match, start: int, year: Optional[int]) -> Optional[Target]:
    before, end = text[start:match.start()], match.end()
    qualifiers: list[str] = []
    lead = LEAD_RE.match(before)
    if lead:
        qualifiers.extend(w for w in QUALIFIER_WORDS if w in lead.group(0))
        before = before[lead.end():]
    mid = MID_RE.search(before)
    if mid:
        qualifiers.append(mid.group(1))
        before = before[:mid.start()]
    metric = before.strip(" “”\"'、")
    if len(metric) < 2:
        forward = FORWARD_RE.match(text[end:])
        phrase = forward.group(1) if forward else ""
        metric = phrase[phrase.rfind("的") + 1:].split("、")[-1].strip()
        end += forward.end() if forward else 0
    if len(metric) < 2 or not re.search(r"[\u4e00-\u9fff]", metric):
        return None
    for word in (match["approx"], match["after"]):
        if word:
            qualifiers.append(word)
    if match["low"]:
        qualifiers.append(f"范围{match['low']}-{match['value']}")
    unit = match["unit"].replace("％", "%")
    return Target(text=text[start:end].strip(), metric=metric, value=float(match["value"]), unit=unit,
                  qualifier="、".join(dict.fromkeys(qualifiers)), year=year)


def normalize_metric(metric: str) -> str:
    """Comparison key for a metric: scraping damage undone (`5g基站` → `5G基站`)."""
    return fix_term_case(metric)
