"""Walking a plan for rules: divisions with their children, task items, clauses, years."""
from __future__ import annotations

import re
from typing import Iterator, Optional, Union

from planner.form.notes import unit_spans
from planner.form.units import find_renames
from planner.model import Item, Part, Plan, Role

Node = Union[Part, Item]
# Text inside 《》 or 〔〕 (titles, 文号) is about other documents, not this plan.
QUOTED_RE = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|\[[^\[\]]*\]")


def children(part: Part) -> list[Node]:
    """A division's numbered or unnumbered children in order (parts, then items)."""
    return [*part.parts, *part.items]


def task_items(plan: Plan) -> Iterator[Item]:
    for section in plan.sections_with(Role.TASKS):
        yield from section.all_items()


def item_text(item: Item) -> str:
    head = (item.title or "") + item.end
    return head + "".join(p.text for p in item.paragraphs)


def part_text(part: Part) -> str:
    head = (part.title or "") + part.end
    return head + "".join(p.text for p in part.paragraphs) + "".join(
        item_text(i) for i in part.all_items()) + "".join(
        "".join(p.text for p in sub.paragraphs) for sub in part.parts)


def plan_period(plan: Plan, years: Optional[list[int]] = None) -> Optional[tuple[int, int]]:
    if years:
        return min(years), max(years)
    if plan.period:
        return plan.period
    if plan.year:
        return plan.year, plan.year
    return None


def masked(text: str) -> str:
    """`text` with 《…》 and 〔…〕 blanked out (same length), so positions still line up."""
    return QUOTED_RE.sub(lambda m: " " * len(m.group()), text)


def note_units(draft) -> list[tuple]:
    """(span, start, end, note_start) for every unit name written in a responsibility note;
    start/end are positions in span.text. Collective units (各镇街, 有关部门) are skipped."""
    if "note_units" not in draft.cache:
        draft.cache["note_units"] = [
            (span, start + at, start + end, start)
            for span, start, stop in draft.notes()
            for at, end, collective in unit_spans(span.text[start:stop]) if not collective]
    return draft.cache["note_units"]


def units_of_form(draft, form: str) -> Iterator[tuple]:
    """(span, start, end, name, standard, edits) for each unit written in the registry's `form`
    (alias, obsolete …): the name as written, the standard name, and the edits that rename it
    in the note and in the plan file's unit fields."""
    for span, start, stop in draft.notes():
        for (at, end, new), name in find_renames(span.text[start:stop], draft.units, form):
            yield (span, start + at, start + end, name, new,
                   span.edit(start + at, start + end, new) + draft.renamed(span, name, new))
