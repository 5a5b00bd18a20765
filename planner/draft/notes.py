"""责任单位 notes of a drafted item: the outline's units win (one note at the item's end, 牵头
and 配合 apart); else a clause of the outline's own region keeps its note; else the note is a
placeholder, so that no task is left without one."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from planner.draft.outline import Outline, OutlineItem
from planner.draft.pending import Placeholder
from planner.form.fixes import fix
from planner.form.notes import read_note
from planner.form.placeholders import placeholder
from planner.form.unitlists import read_units
from planner.mine.search import Hit
from planner.model import Clause, Responsibility, Unit

if TYPE_CHECKING:
    from planner.draft.fill import Draft


def note(raw: str) -> Responsibility:
    """A note in 公文 form (`fix`: separators, unit names), its units read back from it."""
    raw = fix(raw)
    reading = read_note(raw)
    lead = reading.lead if reading else ""
    support = reading.support if reading else ""
    return Responsibility(lead=_units(lead), support=_units(support), raw=raw)


def _units(text: str) -> list[Unit]:
    return [Unit(name=name, canonical=canonical, collective=collective)
            for name, canonical, collective in read_units(text)]


def outline_note(item: OutlineItem) -> Optional[Responsibility]:
    """`（责任单位：A、B）`, or `（A、B牵头，C配合）` when the outline names 配合 units."""
    if not item.units and not item.support:
        return None
    if item.support:
        lead = "、".join(item.units) + "牵头，" if item.units else ""
        return note(f"（{lead}{'、'.join(item.support)}配合）")
    return note(f"（责任单位：{'、'.join(item.units)}）")


def own_note(hit: Hit, outline: Outline, item: OutlineItem) -> Optional[Responsibility]:
    """A reused clause of the outline's own region keeps its note when the outline names none."""
    if hit.region != outline.region or not hit.responsibility or item.units or item.support:
        return None
    return note(hit.responsibility)


def close_note(draft: "Draft", item: OutlineItem, clauses: list[Clause], where: str,
               foreign: list[str]) -> None:
    """A note covers the sentences before it: sentences of one source note get it once, after
    the last of them; the item's last sentence always has one."""
    for current, following in zip(clauses, clauses[1:]):
        if current.responsibility and following.responsibility and \
                current.responsibility.raw == following.responsibility.raw:
            current.responsibility = None
    given = outline_note(item)
    if given is not None:
        for clause in clauses:
            clause.responsibility = None
        clauses[-1].responsibility = given
        return
    if clauses[-1].responsibility is None:
        text = placeholder("责任单位")
        draft.placeholders.append(Placeholder(where, "责任单位", "；".join(foreign) or "提纲未写",
                                              text))
        clauses[-1].responsibility = Responsibility(raw=f"（责任单位：{text}）")
