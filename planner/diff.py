"""Year-over-year comparison (对照表): two plans aligned by content, not by position.

Items (and parts that hold text but no items) are compared as masked character bigrams:
years, numbers and both plans' place names are masked first, so `数字即墨2024` and
`数字即墨2025` (or 即墨 and 东营) compare equal where the policy is the same. Bigrams are
weighted by TF-IDF over both plans' entries (common words such as 推进、建设 count little;
the heading counts three times), and entries are compared by cosine. Pairs are taken
greedily by score above a threshold; ties break the same whichever plan is first, so
diff(A, B) and diff(B, A) mirror each other.
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Iterator, Optional

from pydantic import Field

from planner.alignment import match, tfidf
from planner.blocks import heading_label
from planner.model import Model, Part, Plan, Role
from planner.targets import extract_targets
from planner.form.fixes import normalise
from planner.form.numbers import NUMBER_RE
from planner.form.placeholders import MARK
from planner.form.years import BARE_YEAR_RE

# Measured on the corpus (docs/diff.md): an item and its reworded next-year version score
# 0.5–1; one topic written by two cities (智慧养老服务 / 优化智慧养老服务) 0.1–0.4; unrelated
# items of two cities stay under 0.08.
# What a change marks as a whole. 例：【待填：上年1000座】 / 1000 / 3.5 / IPv / 数
TOKEN_RE = re.compile(r"【待填[^】]*】?|\d+(?:\.\d+)?|[A-Za-z]+|.", re.S)
SAME_CITY_THRESHOLD = 0.25
FIRST_WORDS = 16
FIRST_WORDS_RE = re.compile(rf"[^，。；：、（]{{2,{FIRST_WORDS}}}")  # 例：落实青岛市“双12”场景应用
CROSS_CITY_THRESHOLD = 0.1
TITLE_WEIGHT = 3
PENDING = "待填"  # the value of a target that a draft leaves to fill
COMPARED_ROLES = (Role.GOALS, Role.TASKS, Role.PROJECTS, Role.SAFEGUARDS)


class Entry(Model):
    """One comparable unit of a plan: an item, or a part whose text has no items."""

    part: str
    label: str  # 1.数字经济产业化; an untitled item by its first words: 1.落实青岛市“双12”场景应用…
    text: str
    title: str = ""  # the heading's own words (none for an untitled item): weighed in matching
    units: list[str] = Field(default_factory=list)
    index: int = 0  # position in its plan
    loc: Optional[str] = None


class TargetChange(Model):
    metric: str
    old: Optional[str] = None  # `1000座`
    new: Optional[str] = None


class Change(Model):
    """One aligned pair (or an added / removed entry)."""

    status: str  # unchanged | years | reworded | added | removed
    old: Optional[Entry] = None
    new: Optional[Entry] = None
    similarity: float = 0.0
    moved: bool = False  # under another part
    renumbered: bool = False
    targets: list[TargetChange] = Field(default_factory=list)
    units_added: list[str] = Field(default_factory=list)
    units_removed: list[str] = Field(default_factory=list)


class PlanDiff(Model):
    old_title: str
    new_title: str
    changes: list[Change]
    parts_renamed: list[tuple[str, str]] = Field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)


def diff_plans(old: Plan, new: Plan, threshold: Optional[float] = None) -> PlanDiff:
    """Align `new` against `old` and describe every change."""
    olds, news = entries(old), entries(new)
    places = _places(old) | _places(new)
    if threshold is None:
        same_city = bool(old.region and new.region and old.region == new.region)
        threshold = SAME_CITY_THRESHOLD if same_city else CROSS_CITY_THRESHOLD
    vectors = tfidf([_bag(e, places) for e in olds + news])
    pairs = match([e.label + e.text for e in olds], [e.label + e.text for e in news],
                  vectors[:len(olds)], vectors[len(olds):], threshold)
    changes = [_describe(olds[i], news[j], score, old, new, places) for i, j, score in pairs]
    matched_old, matched_new = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    changes += [Change(status="removed", old=e) for i, e in enumerate(olds) if i not in matched_old]
    changes += [Change(status="added", new=e) for j, e in enumerate(news) if j not in matched_new]
    changes.sort(key=_order)
    return PlanDiff(old_title=old.name or "", new_title=new.name or "", changes=changes,
                    parts_renamed=_renamed_parts(pairs, olds, news, places))


def entries(plan: Plan) -> list[Entry]:
    out: list[Entry] = []
    for section in plan.sections:
        if section.role in COMPARED_ROLES:
            out.extend(_part_entries(section, []))
    for index, entry in enumerate(out):
        entry.index = index
    return out


def _part_entries(part: Part, path: list[str]) -> Iterator[Entry]:
    here = path + ([heading_label(part)] if part.title or part.marker else [])
    clauses = [c for p in part.paragraphs for c in p.clauses]
    if clauses and not part.items and not part.parts:
        yield _entry(" › ".join(here[:-1]), here[-1] if here else "", part.paragraphs, part.loc)
    for child in part.parts:
        yield from _part_entries(child, here)
    for item in part.items:
        yield _entry(" › ".join(here), heading_label(item), item.paragraphs, item.loc,
                     titled=bool(item.title))


def _entry(part: str, label: str, paragraphs, loc, titled: bool = True) -> Entry:
    text = normalise("".join(p.text for p in paragraphs))
    title = _strip_marker(label)
    if not titled:  # named by its first words, so that a reader knows which item it is
        words = FIRST_WORDS_RE.match(text)
        label += (words.group(0) if words else text[:FIRST_WORDS]) + "…"
        title = ""
    units = []
    for paragraph in paragraphs:
        for clause in paragraph.clauses:
            if clause.responsibility:
                units.extend(u.canonical for u in clause.responsibility.units())
    return Entry(part=part, label=label, text=text, title=title, units=list(dict.fromkeys(units)),
                 loc=str(loc.model_dump()) if loc else None)


def _places(plan: Plan) -> set[str]:
    """Place names to mask: the plan's region with and without its 市/区/县."""
    names = set()
    if plan.region:
        names.add(plan.region)
        names.add(re.sub(r"[市区县]$", "", plan.region))
    return {n for n in names if len(n) >= 2}


def _mask(text: str, places: set[str]) -> str:
    for place in sorted(places, key=len, reverse=True):
        text = text.replace(place, "□")
    text = BARE_YEAR_RE.sub("年", text)
    return NUMBER_RE.sub("#", text)


def _bigrams(text: str) -> Counter:
    text = re.sub(r"[\s，。；：、（）“”《》,.;:()]", "", text)
    return Counter(text[i:i + 2] for i in range(len(text) - 1))


def _bag(entry: Entry, places: set[str]) -> Counter:
    bag = _bigrams(_mask(entry.text, places))
    for gram, count in _bigrams(_mask(entry.title, places)).items():
        bag[gram] += TITLE_WEIGHT * count
    return bag


def _describe(old: Entry, new: Entry, score: float, old_plan: Plan, new_plan: Plan,
              places: set[str]) -> Change:
    if old.label + old.text == new.label + new.text:
        status = "unchanged"
    elif _only_years(old.text, new.text):
        status = "years"  # the same words, the years moved on
    else:
        status = "reworded"
    return Change(status=status, old=old, new=new, similarity=round(score, 3),
                  moved=_strip_marker(old.part) != _strip_marker(new.part),
                  renumbered=_marker_of(old.label) != _marker_of(new.label),
                  targets=_target_changes(old.text, new.text, old_plan, new_plan),
                  units_added=[u for u in new.units if u not in old.units],
                  units_removed=[u for u in old.units if u not in new.units])


def _only_years(a: str, b: str) -> bool:
    return BARE_YEAR_RE.sub("年", a) == BARE_YEAR_RE.sub("年", b)


def _target_changes(old_text: str, new_text: str, old_plan: Plan, new_plan: Plan) -> list[TargetChange]:
    def slots(text: str, plan: Plan) -> dict[str, str]:
        found = {}
        for target in extract_targets(text, plan.year):
            value = f"{target.value:g}{target.unit}"
            found.setdefault(target.metric, value)
        return found

    before, after = slots(old_text, old_plan), slots(new_text, new_plan)
    for metric in before:  # a value the drafter is still to fill: 5G基站【待填：上年1000座】
        if metric not in after and _pending(metric, new_text):
            after[metric] = PENDING
    for metric in after:
        if metric not in before and _pending(metric, old_text):
            before[metric] = PENDING
    out = []
    for metric in list(dict.fromkeys([*before, *after])):
        if before.get(metric) != after.get(metric):
            out.append(TargetChange(metric=metric, old=before.get(metric), new=after.get(metric)))
    return out


def _pending(metric: str, text: str) -> bool:
    """Whether `text` names `metric` with a placeholder for its value, before it (5G基站【待填：
    上年1000座】) or after it (打造【待填：上年2艘】15万吨级…工船)."""
    name = re.escape(metric)
    return re.search(rf"{name}[^，。；]{{0,6}}?{re.escape(MARK)}|】[^，。；】]{{0,8}}?{name}", text) is not None


def changed_runs(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """(text, changed) runs for each side. Numbers, Latin words and placeholders change as
    whole tokens (1000 → 1200, not 1~~0~~0 → 1<u>2</u>0); Chinese text by the character."""
    a, b = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    for op, a0, a1, b0, b1 in _opcodes(a, b):
        if a1 > a0:
            left.append(("".join(a[a0:a1]), op != "equal"))
        if b1 > b0:
            right.append(("".join(b[b0:b1]), op != "equal"))
    return left, right


MAX_COMPARED = 4_000_000  # token pairs SequenceMatcher may compare (its time is their product)


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """SequenceMatcher's opcodes; for two long texts, the common head and tail and one change
    between them (SequenceMatcher is quadratic: two 50k-character texts took minutes)."""
    if len(a) * len(b) <= MAX_COMPARED:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    codes = [("equal", 0, head, 0, head)] if head else []
    if head < len(a) - tail or head < len(b) - tail:
        codes.append(("replace", head, len(a) - tail, head, len(b) - tail))
    if tail:
        codes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return codes


def _strip_marker(part: str) -> str:
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.]?", "", part.split(" › ")[-1] if part else "")


def _marker_of(label: str) -> str:
    found = re.match(r"^([（(]?[一二三四五六七八九十\d]+[)）、.]?)", label)
    return found.group(1) if found else ""


def _renamed_parts(pairs, olds, news, places) -> list[tuple[str, str]]:
    """Parts whose items mostly moved together to a part with another title."""
    votes: Counter = Counter()
    for i, j, _ in pairs:
        if olds[i].part and news[j].part:
            votes[(olds[i].part, news[j].part)] += 1
    sizes = Counter(e.part for e in olds)
    best: dict[str, tuple[str, int]] = {}
    for (old_part, new_part), count in votes.items():
        if count > best.get(old_part, ("", 0))[1]:
            best[old_part] = (new_part, count)
    # Renamed: at least two of its entries, and most of them, went to one part of another name.
    return sorted((old_part, new_part) for old_part, (new_part, count) in best.items()
                  if count >= 2 and count * 2 > sizes[old_part]
                  and _strip_marker(old_part) != _strip_marker(new_part)
                  and _mask(_strip_marker(old_part), places) != _mask(_strip_marker(new_part), places))


def _order(change: Change) -> tuple:
    """New plan's order; removed entries after, in the old plan's order."""
    return (0, change.new.index) if change.new else (1, change.old.index)


STATUS_WORDS = {"unchanged": "未变", "years": "年份顺延", "reworded": "改写", "added": "新增", "removed": "删除"}


def explain(change: Change) -> str:
    """变化说明 for one row of the 对照表."""
    parts = [STATUS_WORDS[change.status]]
    if change.status == "reworded":
        parts[0] += f"（相似度 {change.similarity:.2f}）"
    if change.renumbered and change.old and change.new:
        parts.append(f"序号 {_marker_of(change.old.label)} → {_marker_of(change.new.label)}")
    if change.moved and change.old and change.new:
        parts.append(f"移至“{change.new.part.split(' › ')[-1]}”")
    for target in change.targets:
        if target.old and target.new:
            parts.append(f"{target.metric} {target.old} → {target.new}")
        else:
            parts.append(f"{'新增' if target.new else '去掉'}指标“{target.metric} {target.new or target.old}”")
    if change.units_added:
        parts.append("新增单位：" + "、".join(change.units_added))
    if change.units_removed:
        parts.append("去掉单位：" + "、".join(change.units_removed))
    return "；".join(parts)


def summary(diff: PlanDiff) -> dict[str, int]:
    return {status: diff.count(status) for status in STATUS_WORDS}


def diff_json(diff: PlanDiff) -> dict:
    """The fixed JSON shape other tools read: summary counts, then every change."""
    return {"old": diff.old_title, "new": diff.new_title, "summary": summary(diff),
            "parts_renamed": [list(pair) for pair in diff.parts_renamed],
            "changes": [dict(c.model_dump(mode="json"), explanation=explain(c)) for c in diff.changes]}
