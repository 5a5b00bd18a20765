"""rollover_plan: next year's outline from last year's plan — same parts, items and units,
years moved on, targets turned into placeholders that show last year's values."""
from __future__ import annotations

import re
from typing import Optional

from planner.draft.outline import Outline, OutlineItem, OutlinePart, OutlineTarget
from planner.draft.rewrite import short_name
from planner.errors import UserError
from planner.mine.mask import DEFAULT_PLACES
from planner.model import Item, Plan, Section
from planner.form.years import BARE_YEAR_RE, YEAR_RE
from planner.targets import QUANTITY_RE, extract_targets

FIRST_PHRASE_RE = re.compile(r"[^，,。；;：:（(]+")  # 例：围绕“高效办成一件事”
HEADING_CHARS = 20
# A title may write the year bare (数字威海2021行动方案); body text only as a year (2022年).
TITLE_YEAR_RE = re.compile(BARE_YEAR_RE.pattern + r"(?![.]|\s*[个座家项万亿元%])")


class RolloverError(UserError):
    """Last year's plan lacks what an outline needs."""


def rollover_plan(plan: Plan, year: Optional[int] = None) -> Outline:
    """The outline for `year` (default: the plan's year + 1)."""
    last = plan.year or (plan.period[1] if plan.period else None)
    if year is None:
        if last is None:
            raise RolloverError("方案没有年份，无法推算下一年", hint="请用 --year 指明新方案的年份")
        year = last + 1
    if not plan.region:
        raise RolloverError("方案没有识别出地区", hint="请在方案文件中补上 region 后再试")
    parts = []
    for section in plan.tasks:
        parts.extend(_task_parts(section, last))
    for section in plan.safeguards:
        items = [_item(item, last) for item in section.all_items() if _heading(item)]
        if items:
            parts.append(OutlinePart(title=section.title or "保障措施", role="safeguards", items=items))
    if not parts:
        raise RolloverError("方案中没有可沿用的任务事项", hint="请确认输入是一份带“主要任务”的方案")
    goals = [_move_years(_goal(clause.text), last, year, YEAR_RE) for part in plan.goals
             for paragraph in part.paragraphs for clause in paragraph.clauses]
    return Outline(title=_move_years(plan.title, last, year, TITLE_YEAR_RE), region=plan.region,
                   year=year, issuer=plan.issuer, parents=_places(plan), goals=goals, parts=parts)


def _places(plan: Plan) -> list[str]:
    """Places last year's plan itself names besides its region (青岛 in 即墨's plan, 山东 in
    爱山东): next year's text may keep them."""
    own = short_name(plan.region or "")
    found: dict[str, None] = {}
    for section in plan.sections:
        for part in [section, *section.parts]:
            texts = [c.text for p in part.paragraphs for c in p.clauses]
            texts += [c.text for item in part.all_items() for c in item.clauses()]
            for text in texts:
                for match in DEFAULT_PLACES.finditer(text):
                    name = short_name(match.group(0))
                    if name != own and own not in name:
                        found.setdefault(name, None)
    return list(found)


def _task_parts(section: Section, last: Optional[int]) -> list[OutlinePart]:
    groups: list[tuple[str, list[Item]]] = []
    if section.items:
        groups.append((section.title or "主要任务", section.items))
    for part in section.parts:
        groups.append((part.title or section.title or "主要任务", list(part.all_items())))
    return [OutlinePart(title=title, items=[_item(i, last) for i in items if _heading(i)])
            for title, items in groups if any(_heading(i) for i in items)]


def _heading(item: Item) -> Optional[str]:
    if item.title and len(item.title) >= 2:
        return item.title
    for paragraph in item.paragraphs:
        if paragraph.lead:
            return paragraph.lead
    # An item with no title (即墨 (二)1): its first phrase stands in for the heading.
    for clause in item.clauses():
        phrase = FIRST_PHRASE_RE.match(clause.text)
        if phrase and len(phrase.group(0)) >= 2:
            return phrase.group(0)[:HEADING_CHARS]
    return None


def _item(item: Item, last: Optional[int]) -> OutlineItem:
    units: dict[str, None] = {}
    targets: list[OutlineTarget] = []
    for clause in item.clauses():
        if clause.responsibility:
            units.update((u.canonical, None) for u in clause.responsibility.units()
                         if not u.collective)
        for target in extract_targets(clause.text, last):
            targets.append(OutlineTarget(metric=target.metric, unit=target.unit or None,
                                         qualifier=_first_qualifier(target.qualifier),
                                         previous=f"{target.value:g}{target.unit}"))
    return OutlineItem(heading=_heading(item) or "", units=list(units), targets=targets)


def _first_qualifier(qualifier: str) -> Optional[str]:
    head = qualifier.split("、")[0]
    return head if head and not head.startswith("范围") else None


def _goal(text: str) -> str:
    """A goal with its numbers turned into placeholders that show last year's value."""
    def placeholder(match: re.Match) -> str:
        if text[match.end("value"):match.end("value") + 1] in "年月日号":
            return match.group(0)
        return f"【待填：上年{match.group(0)}】"
    return QUANTITY_RE.sub(placeholder, text)


def _move_years(text: str, last: Optional[int], year: int, pattern: re.Pattern) -> str:
    if last is None:
        return text
    return pattern.sub(lambda m: str(int(m.group(1)) + year - last), text)
