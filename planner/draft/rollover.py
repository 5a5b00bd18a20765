"""rollover_plan: next year's outline from last year's plan. Everything a drafter keeps is
carried over — preamble, goals and titles with the years moved on, the notice's recipients and
issuer, every part and item with all its units (collective ones too, 牵头 and 配合 apart), each
item's 完成时限 — and targets become placeholders that show last year's values."""
from __future__ import annotations

import re
from typing import Optional

from planner.draft.outline import (YEARS, Outline, OutlineItem, OutlineNotice, OutlinePart,
                                   OutlineTarget)
from planner.errors import UserError
from planner.form.deadlines import find_deadline, states_time
from planner.form.fixes import fix
from planner.form.places import parents_of, place_names
from planner.form.placeholders import MARK, placeholder
from planner.form.quantities import QUANTITY_RE, is_count
from planner.form.years import BARE_YEAR_RE, YEAR_RE
from planner.model import Item, Paragraph, Plan, Section, Target
from planner.targets import extract_targets

FIRST_PHRASE_RE = re.compile(r"[^，,。；;：:（(]+")  # 例：围绕“高效办成一件事”
HEADING_CHARS = 20
# A title may write the year bare (数字威海2021行动方案); body text only as a year (2022年).
TITLE_YEAR_RE = re.compile(BARE_YEAR_RE.pattern + r"(?![.]|\s*[个座家项万亿元%])")
# A cited document and the 文号 after it. 例：《数字变革创新2022年行动计划》(鲁政办字〔2022〕28号)
CITED_RE = re.compile(r"(?P<title>《[^《》]{1,80}》)(?P<number>\s*[（(][^（）()]{0,30}〔\d{4}〕[^（）()]{0,10}[）)])?")
BOUNDS = ("以上", "以内", "以下", "左右", "及以上")
GOAL_TARGETS = 6  # a proposed 目标 names the first target of this many items
KEYWORDS, KEYWORD_CHARS = 5, 8
METRIC_CHARS = 4  # a shorter metric (企业, 基站) names no topic
# A term the item quotes. 例：“一人一号” / “双千兆”
QUOTED_RE = re.compile(rf"“([^“”]{{2,{KEYWORD_CHARS}}})”")


# Any name of the administrative table. 例：东营市 / 即墨
PLACE_RE = re.compile("|".join(map(re.escape, place_names())))


class RolloverError(UserError):
    """Last year's plan lacks what an outline needs."""


def rollover_plan(plan: Plan, year: Optional[int] = None) -> Outline:
    """The outline for `year` (default: the plan's year + 1)."""
    last = plan.year or (plan.period[1] if plan.period else None)
    if year is None:
        if last is None:
            raise RolloverError("方案没有年份，无法推算下一年", hint="请用 --year 指明新方案的年份")
        year = last + 1
    if not YEARS[0] <= year <= YEARS[1]:
        raise RolloverError(f"新方案的年份不对（{year}）", hint=f"请写 {YEARS[0]}—{YEARS[1]} 之间的年份")
    if not plan.region:
        raise RolloverError("方案没有识别出地区", hint="请在方案文件中补上 region 后再试")
    mover = YearMover(last, year)
    parts = []
    for section in plan.tasks:
        parts.extend(_task_parts(section, mover))
    for section in plan.safeguards:
        part = _safeguards(section, mover)
        if part is not None:
            parts.append(part)
    if not any(p.role == "tasks" for p in parts):
        raise RolloverError("方案中没有可沿用的任务事项", hint="请确认输入是一份带“主要任务”的方案")
    if not plan.name:
        raise RolloverError("方案没有标题", hint="请在方案文件中写上 title（如：数字某市2025年行动方案）")
    return Outline(title=mover.title(plan.name), region=plan.region, year=year, issuer=plan.issuer,
                   parents=parents_of(plan.region), preamble=_preamble(plan.preamble, mover),
                   goals=_goals(plan, mover), deadline=f"{year}年底前", parts=parts,
                   notice=_notice(plan, mover))


class YearMover:
    """Years moved from last year's plan to the new one: `2024年` → `2025年`, a title's bare
    `2021` → `2022`."""

    def __init__(self, last: Optional[int], year: int) -> None:
        self.last, self.year = last, year
        self.shift = year - last if last is not None else 0

    def text(self, text: str) -> str:
        """Body text: stated years moved; a cited document of last year becomes this year's
        (《数字山东2021行动方案》 → 《数字山东2022行动方案》), its 文号 left to fill."""
        if not self.shift:
            return fix(text)
        out, last = [], 0
        for match in CITED_RE.finditer(text):
            out += (YEAR_RE.sub(self._moved, text[last:match.start()]), self._cited(match))
            last = match.end()
        out.append(YEAR_RE.sub(self._moved, text[last:]))
        return fix("".join(out))

    def _cited(self, match: re.Match) -> str:
        title = TITLE_YEAR_RE.sub(self._moved, match["title"])
        if title == match["title"] or not match["number"]:
            return title + (match["number"] or "")
        number = match["number"].strip(" （()）")
        return f"{title}（{placeholder(f'文号，上年{number}')}）"

    def title(self, text: str) -> str:
        return fix(TITLE_YEAR_RE.sub(self._moved, text)) if self.shift else fix(text)

    def _moved(self, match: re.Match) -> str:
        return str(int(match.group("y")) + self.shift)


def _preamble(paragraphs: list[Paragraph], mover: YearMover) -> Optional[str]:
    texts = [mover.text(p.text) for p in paragraphs if p.text.strip()]
    return "\n".join(texts) or None


def _notice(plan: Plan, mover: YearMover) -> Optional[OutlineNotice]:
    """The 印发通知's recipients, copies, printer and 附注 as last year; its date a year on
    (the drafter sets the real one); its 文号 with the year moved and the number to fill."""
    notice = plan.notice
    if notice is None:
        return None
    date = None
    if notice.date is not None and mover.shift:
        day = min(notice.date.day, 28) if notice.date.month == 2 else notice.date.day
        date = notice.date.replace(year=notice.date.year + mover.shift, day=day)
    return OutlineNotice(recipients=[fix(r) for r in notice.recipients], date=date,
                         doc_number=_doc_number(notice.doc_number, mover),
                         public=notice.public is not None, cc=[fix(c) for c in notice.cc],
                         printer=notice.printer)


def _doc_number(doc_number: Optional[str], mover: YearMover) -> Optional[str]:
    found = re.fullmatch(r"(?P<org>.+?)〔(?P<y>\d{4})〕(?P<seq>\d+)号", doc_number or "")
    if found is None:
        return None
    year, number = int(found["y"]) + mover.shift, found["seq"]
    return f"{found['org']}〔{year}〕{placeholder(f'序号，上年{number}号')}号"


def _task_parts(section: Section, mover: YearMover) -> list[OutlinePart]:
    groups: list[tuple[str, list[Item]]] = []
    if section.items:
        groups.append((section.title or "主要任务", section.items))
    for part in section.parts:
        groups.append((part.title or section.title or "主要任务", list(part.all_items())))
    return [OutlinePart(title=mover.text(title), items=[_item(i, mover) for i in items if _heading(i)])
            for title, items in groups if any(_heading(i) for i in items)]


def _safeguards(section: Section, mover: YearMover) -> Optional[OutlinePart]:
    """保障措施 with items, or (威海 2021: `五、完善保障措施` is one paragraph) its text."""
    items = [_item(item, mover) for item in section.all_items() if _heading(item)]
    text = "\n".join(mover.text(p.text) for p in section.paragraphs if p.text.strip()) or None
    if not items and not text:
        return None
    return OutlinePart(title=mover.text(section.title or "保障措施"), role="safeguards",
                       text=text, items=items)


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


def _item(item: Item, mover: YearMover) -> OutlineItem:
    lead: dict[str, None] = {}
    support: dict[str, None] = {}
    for clause in item.clauses():
        if clause.responsibility:
            lead.update((u.canonical, None) for u in clause.responsibility.lead)
            support.update((u.canonical, None) for u in clause.responsibility.support)
    text = "".join(c.text for c in item.clauses())
    found = extract_targets(text, mover.last)
    return OutlineItem(heading=mover.text(_heading(item) or ""), keywords=_keywords(text, found),
                       units=list(lead), support=[u for u in support if u not in lead],
                       targets=[_target(t) for t in found], deadline=_deadline(text, mover))


def _keywords(text: str, targets: list[Target]) -> list[str]:
    """What last year's item was about, for the library search: the terms it quotes (“一人一号”,
    “山东通”) and its short metrics (智慧社区), none naming a place."""
    words = [m.group(1) for m in QUOTED_RE.finditer(fix(text))]
    words += [t.metric for t in targets if METRIC_CHARS <= len(t.metric) <= KEYWORD_CHARS]
    kept = [w for w in dict.fromkeys(words) if not PLACE_RE.search(w) and not re.search(r"\s", w)]
    return kept[:KEYWORDS]


def _target(target: Target) -> OutlineTarget:
    words = [w for w in target.qualifier.split("、") if w and not w.startswith("范围")]
    bounds = "".join(w for w in words if w in BOUNDS)
    verbs = [w for w in words if w not in BOUNDS]
    # The verb next to the number says what the value is (新建, 增长, 不少于, 达到).
    return OutlineTarget(metric=target.metric, unit=target.unit or None,
                         qualifier=verbs[-1] if verbs else None,
                         previous=f"{target.value:g}{target.unit}{bounds}")


def _deadline(text: str, mover: YearMover) -> Optional[str]:
    """The item's 完成时限 in next year's terms: `2024年6月底前` → `2025年6月底前`, `年内` as is."""
    found = find_deadline(text)
    # 全年 says how long, 持续推进 how: neither is a time limit to put before the text.
    if found is None or found.ongoing or not states_time(found.text):
        return None
    return mover.text(found.text) if found.dated else found.text


def _goals(plan: Plan, mover: YearMover) -> list[str]:
    """Last year's goals with their numbers turned into placeholders; when they state no number
    (即墨 2024) or there are none (威海 2021), a goal is proposed from the items' first targets."""
    goals = [_unquantified(mover.text(clause.text)) for part in plan.goals
             for paragraph in part.paragraphs for clause in paragraph.clauses]
    if any(MARK in goal for goal in goals):
        return goals
    firsts = []
    for section in plan.tasks:
        for item in section.all_items():
            found = extract_targets("".join(c.text for c in item.clauses()), mover.last)
            if found:
                firsts.append(_unquantified(mover.text(found[0].text)))
    if firsts:
        goals.append(f"到{mover.year}年底，{'，'.join(firsts[:GOAL_TARGETS])}。")
    return goals


def _unquantified(text: str) -> str:
    """A goal with its numbers turned into placeholders that show last year's value."""
    def swap(match: re.Match) -> str:
        if not is_count(text, match):
            return match.group(0)
        return placeholder(f"上年{match.group(0)}")
    return QUANTITY_RE.sub(swap, text)
