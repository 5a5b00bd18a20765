"""Numbers in a drafted item: a reused clause's numbers become the outline's targets where the
clause states that metric, placeholders otherwise; the targets no clause states are written as
sentences of their own. A target is never dropped."""
from __future__ import annotations

import re
from typing import Optional

from planner.draft.outline import OutlineTarget
from planner.draft.pending import Placeholder
from planner.form.placeholders import placeholder
from planner.form.quantities import QUANTITY_RE, is_count
from planner.model import Target
from planner.targets import find_targets, normalize_metric

# A metric that is a share, not a count. 例：智慧社区覆盖率 / 可网办率 / 占GDP比重
SHARE_RE = re.compile(r"(率|比|比重|占比|%|％)$")
# Qualifiers written before the metric (新建5G基站…); any other verb goes between the metric and
# its number (…增加值增长10%), and these open the sentence without being its verb.
LEAD_VERBS = ("新建", "新增", "新培育", "新上线", "新发布", "新创建", "新认定", "建成", "新建续建")
OPENING_WORDS = ("累计", "力争", "全年", "年内")


class Amounts:
    """Rewrites the numbers of one clause for an item's outline targets; `placed` collects the
    indexes of the targets the clause states."""

    def __init__(self, targets: list[OutlineTarget], where: str, found: list[Placeholder],
                 placed: set[int]) -> None:
        self.targets, self.where, self.found, self.placed = targets, where, found, placed

    def rewrite(self, text: str, year: Optional[int]) -> str:
        metrics = {match.start(): target for match, target in find_targets(text, year)}
        out, last = [], 0
        for match in QUANTITY_RE.finditer(text):
            if not is_count(text, match):
                continue  # 2024年, 5.0版, 10万吨级: not a number to fill
            out += (text[last:match.start()], self._number(text, match, metrics.get(match.start())))
            last = match.end()
        out.append(text[last:])
        return "".join(out)

    def _number(self, text: str, match: re.Match, read: Optional[Target]) -> str:
        original = match.group(0)
        index = self._named(text, read)
        if index is None:
            return self._placeholder(original, f"原为{original}")
        self.placed.add(index)
        target = self.targets[index]
        if target.value is not None:
            unit = target.unit if target.unit is not None else match["unit"]
            return f"{target.value:g}{unit}{match['after'] or ''}"
        return self._placeholder(original, f"上年{target.previous}" if target.previous else f"原为{original}")

    def _placeholder(self, original: str, what: str) -> str:
        text = placeholder(what)
        self.found.append(Placeholder(self.where, "数值", original, text))
        return text

    def _named(self, text: str, read: Optional[Target]) -> Optional[int]:
        """The outline target this number is a value of: the same metric first, then one that
        holds the other (新能源智能充电桩 for 充电桩; 基站 for 5G基站 when the sentence names
        5G基站), never a share for a count."""
        if read is None:
            return None
        metric = normalize_metric(read.metric)
        sentence = normalize_metric(text)
        candidates = [(i, normalize_metric(t.metric)) for i, t in enumerate(self.targets)
                      if _same_kind(t, read) and (not t.qualifier or t.qualifier in read.text
                                                  or t.qualifier in read.qualifier)]
        for index, wanted in candidates:
            if wanted == metric:
                return index
        for index, wanted in candidates:
            if wanted in metric or (len(metric) >= 2 and metric in wanted and wanted in sentence):
                return index
        return None


def _same_kind(wanted: OutlineTarget, read: Target) -> bool:
    """Both shares (覆盖率 70%) or both counts (智慧社区 70个)."""
    share = SHARE_RE.search(wanted.unit or "") or (wanted.unit is None and SHARE_RE.search(wanted.metric))
    return bool(share) == bool(SHARE_RE.search(read.unit) or SHARE_RE.search(read.metric))


def target_sentence(target: OutlineTarget) -> str:
    """An outline target no reused clause states, as a sentence of its own:
    `新建5G基站1200座。`, `智慧社区数量达到30个。`, `政务服务事项网上可办率达到95%。`,
    `新建5G基站【待填：上年1000座】。`"""
    if target.value is not None:
        amount = f"{target.value:g}{target.unit or ''}"
    else:
        amount = placeholder(f"上年{target.previous}" if target.previous else f"{target.metric}的数值")
    if target.qualifier in LEAD_VERBS:
        return f"{target.qualifier}{target.metric}{amount}。"
    share = SHARE_RE.search(target.unit or "") or SHARE_RE.search(target.metric)
    counted = share or target.metric.endswith(("数", "量", "规模", "收入", "总额"))
    verb = target.qualifier if target.qualifier and target.qualifier not in OPENING_WORDS else "达到"
    return f"{target.metric}{'' if counted else '数量'}{verb}{amount}。"
