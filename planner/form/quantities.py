"""Quantities in plan text: a number with its counting unit (`1000座`, `3.35万个`, `10%以上`),
which numbers are parts of names rather than counts (`10万吨级`, `5.0版本`, `20人以上的自然村`),
and the counted noun phrase a classifier puts after it (`打造10个可复制、可推广的应用场景`)."""
from __future__ import annotations

import re
from typing import Optional

from planner.form.numbers import NUMBER
from planner.form.patterns import lazy
from planner.form.ranges import RANGE_SEP

UNITS = ("平方米|平方公里|公里|千米|亿元|万元|元|亿次|万次|次|亿条|万条|条|万人|人|万户|户|万家|家|万个|个|"
         "座|项|间|处|块|台|所|张|套|艘|辆|亩|吨|倍|名|类|种|批|场|部|栋|片|根|盏|路|站|宗|件|"
         "万块|万台|万张|万辆|万亩|万吨|%|％")
# A number with a counting unit. 例：1000座 / 3.35万个 / 10%以上 / 1-2个 / 100余艘
QUANTITY_RE = lazy(rf"(?<![A-Za-z0-9.\-〔\[（(第])(?:(?P<low>{NUMBER})\s*{RANGE_SEP}\s*)?"
                   rf"(?P<value>{NUMBER})\s*(?P<approx>余|多)?\s*(?P<unit>(?:万|亿)?(?:{UNITS}))"
                   rf"(?P<after>以上|以内|以下|左右|及以上)?")
# What follows a number that makes it a date, a version or a code, not a count. 例：5月 / 5.0版
NOT_COUNT_AFTER_VALUE = "年月日号版时期"
# A class or a size inside a name, not a count of it. 例：10万吨级 / 15万吨级智慧渔业大型养殖工船
CLASS_AFTER = "级"
# A threshold that scopes what follows (a 以上 with 的). 例：20人以上的自然村 / 100个以下的
SCOPE_RE = lazy(r"以上的|以下的|以内的|及以上的")
# Units that measure (a share, a sum of money, a multiple): never followed by what they count.
# 例：10%以上，增长 / 70亿元，
MEASURE_UNITS = ("%", "％", "倍", "元", "万元", "亿元")
# What ends the noun phrase a classifier counts, read forward. 例：30家企业创建… / 18台…配电箱为智能配电箱
# / 200个老旧小区智慧化改造 / 前60项电子证照证明在… / 680个公共充电桩供电
PREDICATE_RE = lazy(r"智慧化改造|智能化改造|数字化改造|创建|配装|接入|优化|提升|建设|改造|升级|实现|开展|"
                    r"纳入|作为|电子化|全覆盖|上线|供电|落地|在|为")
# A word that cannot open a counted noun phrase: the number ended a clause of its own.
# 例：1000座并开通 / 2个和
NOT_NOUN_START = "并和及与或等在为是以将于由对向从把被、，,。；;：:）)"
# The phrase a classifier counts: up to the next mark. 例：可复制、可推广的应用场景
COUNTED_RE = lazy(r"的?([^，,。；;：:（）()！？!?\n【】]{2,30})")


def is_count(text: str, match: re.Match) -> bool:
    """Whether a QUANTITY_RE match counts something: not a date or version (`2024年`, `5.0版`),
    not a class inside a name (`10万吨级`), not a threshold that scopes a noun (`20人以上的`)."""
    tail = text[match.end("value"):match.end("value") + 1]
    if tail and tail in NOT_COUNT_AFTER_VALUE and match["unit"] not in ("%", "％"):
        return False
    if text[match.end():match.end() + 1] == CLASS_AFTER:
        return False
    if match["after"] and SCOPE_RE.match(text, match.end() - len(match["after"])):
        return False
    return True


def counted_after(text: str, end: int, unit: str) -> Optional[tuple[str, int]]:
    """The noun phrase a classifier at `end` counts, and where it stops: `10个可复制、可推广的
    应用场景` → 应用场景. None when the number ends its phrase (a mark or a verb follows) or the
    unit measures rather than counts."""
    if unit in MEASURE_UNITS or not text[end:end + 1] or text[end] in NOT_NOUN_START:
        return None
    found = COUNTED_RE.match(text, end)
    if found is None:
        return None
    phrase, stop = found.group(1), found.end()
    cut = PREDICATE_RE.search(phrase, 2)
    if cut is not None:
        stop -= len(phrase) - cut.start()
        phrase = phrase[:cut.start()]
    phrase = phrase[phrase.rfind("的") + 1:].rstrip("等")
    return (phrase, stop) if len(phrase) >= 2 and re.search(r"[\u4e00-\u9fff]", phrase) else None
