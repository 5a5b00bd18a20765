"""Quantitative targets (量化指标) in plan text: `新建5G基站1000座` → (5G基站, 1000, 座, 新建).

A target is a number with a counting unit (planner.form.quantities) and the noun phrase it
counts: the phrase after a classifier when one follows (`打造20个以上典型应用场景`, `支持…等30家
企业创建…` → 企业), else the phrase before it in the same clause, the last of a list
(`数字化车间、智能化工厂10个以上` → 智能化工厂), quotes kept in pairs. A number inside a name
(`10万吨级`, `5G`, `“双12”`, `12345热线`) counts nothing, and placeholders (`【待填：…】`) and
responsibility notes are not read. Qualifiers are the verbs and bounds around the number,
joined with `、` in text order (`新建、以上`). A range `1-2个` takes its upper bound and the
qualifier `范围1-2`. Chinese numerals are not read. The year is one stated in the same
sentence (`到2026年`, `2022年，`), else the plan's year.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from planner.form.notes import find_notes
from planner.form.placeholders import blank_placeholders
from planner.form.quantities import QUANTITY_RE, counted_after, is_count
from planner.form.terms import fix_term_case
from planner.form.years import YEAR, YEAR_RE
from planner.model import Target

# Qualifiers between the metric and the number. 例：达到 / 超过 / 不少于
MID_RE = re.compile(r"(达到|达|超过|突破|不少于|不低于|不超过|低于|高于|提高到|提升到|提升至|提高至|增长|"
                    r"保持|控制在|稳定在|为|至|在)$")
# Verbs and scope words that open a clause before the metric. 例：年内新建 / 全市
LEAD_RE = re.compile(rf"^(?:(?:到|至)?{YEAR}年(?:底|末)?(?:前)?|年内|年底前|全年|为?全市|为?全区|为?全县|全省|"
                     r"力争|累计|新建续建|新建并开通|建成并开通|新建|新增|新培育|新上线|新发布|新创建|新认定|"
                     r"建成|建设|完成|打造|培育|实现|推动|引进|认定|争创|争取|开展|部署|安装|更换|施划|"
                     r"发展|形成|遴选|其中|共|并|再|同比|累计达|认证|升级|改造|配装|接入|支持)+")
QUALIFIER_WORDS = ("累计", "新建", "新增", "新培育", "新上线", "新发布", "新创建", "新认定", "建成", "力争")
# Words after the metric that qualify it, not name it. 例：覆盖率及联网率均 / 占比力争 / 应用基地累计
TAIL_RE = re.compile(r"(累计|均|力争|分别|共|总计)$")
CLAUSE_SPLIT = "，,。；;：:！？!?\n"


def extract_targets(text: str, year: Optional[int] = None) -> list[Target]:
    """Every quantitative target in `text`, in text order."""
    return [target for _, target in find_targets(text, year)]


def find_targets(text: str, year: Optional[int] = None) -> Iterator[tuple[re.Match, Target]]:
    """Each target with the QUANTITY_RE match of its number (where it stands in `text`)."""
    previous_end, inherited = 0, ""
    scan = _without_notes(text)
    for match in QUANTITY_RE.finditer(scan):
        if not is_count(scan, match):
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
        yield match, target
        previous_end = start + len(target.text)


def _without_notes(text: str) -> str:
    """Responsibility notes and placeholders blanked out (same length) so that their units and
    last year's values never read as metrics."""
    text = blank_placeholders(text)
    for begin, end in find_notes(text):
        text = text[:begin] + "。" * (end - begin) + text[end:]
    return text


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
    before = _strip_qualifiers(before, qualifiers)
    after = counted_after(text, end, match["unit"])
    if after is not None:  # 打造10个可复制、可推广的应用场景: the classifier counts what follows
        metric, end = after
    else:
        metric = _last_of_list(_balanced(before.strip(" 、")))
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


def _strip_qualifiers(before: str, qualifiers: list[str]) -> str:
    """The words between the metric and its number, taken off from the end in any order:
    `市级以上智慧农业应用基地累计达` → 市级以上智慧农业应用基地 (累计、达)."""
    words: list[str] = []
    while True:
        found = MID_RE.search(before) or TAIL_RE.search(before)
        if found is None:
            qualifiers.extend(reversed(words))
            return before
        words.append(found.group(1))
        before = before[:found.start()]


def _balanced(metric: str) -> str:
    """Quotes kept only in pairs: `“两化融合”贯标认证企业` keeps both, a stray one at either
    end goes."""
    metric = metric.strip("\"'")
    if metric.startswith("“") and "”" not in metric:
        metric = metric[1:]
    if metric.endswith("”") and "“" not in metric:
        metric = metric[:-1]
    if metric.endswith("“"):
        metric = metric[:-1]
    return metric


def _last_of_list(metric: str) -> str:
    """The last of a list of metrics sharing one number (`自动化生产线、数字化车间、智能化工厂`
    → 智能化工厂); a list that names its kind after 等 is one metric (`…、数字化车间等试点示范`)."""
    if "、" not in metric or "等" in metric:
        return metric
    depth, last = 0, 0
    for index, ch in enumerate(metric):
        depth += ch in "“（(《"
        depth -= ch in "”）)》"
        if ch == "、" and depth == 0:
            last = index + 1
    return metric[last:]


def normalize_metric(metric: str) -> str:
    """Comparison key for a metric: scraping damage undone (`5g基站` → `5G基站`)."""
    return fix_term_case(metric)
