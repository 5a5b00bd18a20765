"""draft_plan: an outline filled with the best library clauses, rewritten for its region and
year, each with its provenance; everything the drafter must settle is listed."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Optional

from planner.draft.outline import Outline, OutlineItem, OutlinePart
from planner.draft.rewrite import PLACEHOLDER, Placeholder, Rewriter
from planner.form.deadlines import states_time
from planner.form.numerals import int_to_cn
from planner.mine.search import Filters, Hit, search_clauses
from planner.model import (Clause, Item, Kind, Loc, Notice, Paragraph, Part, Plan, Provenance,
                           Responsibility, Role, Section, Unit)
from planner.form.docnumber import normalize_doc_number
from planner.form.fixes import fix

MAX_CLAUSES = 3
POOL = 12  # hits per query considered
KEEP_RATIO = 0.6  # a second or third clause must score at least this share of the best
ITEM_TITLE_BONUS = 0.5  # the source item's own title names the outline heading
SAME_REGION_BONUS = 0.1  # last year's text of the same place reads most naturally
MIN_RECALL = 0.5  # without a literal match, this share of the heading's bigrams must be found


@dataclass
class Draft:
    plan: Plan
    placeholders: list[Placeholder] = field(default_factory=list)
    unfilled: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # clusters already reused by an earlier item


def draft_plan(outline: Outline, conn: sqlite3.Connection) -> Draft:
    """Fill every item of `outline` from the library behind `conn`. Deterministic."""
    draft = Draft(plan=Plan(kind=Kind.ACTION_PLAN, title=outline.title, year=outline.year,
                            region=outline.region, issuer=outline.issuer, notice=_notice(outline)))
    if outline.preamble:
        draft.plan.preamble.append(Paragraph(clauses=[Clause(text=outline.preamble)]))
    sections: list[Section] = []
    if outline.goals:
        sections.append(Section(role=Role.GOALS, title="行动目标", paragraphs=[
            Paragraph(clauses=[Clause(text=goal)]) for goal in outline.goals]))
    tasks = [p for p in outline.parts if p.role == "tasks"]
    if tasks:
        sections.append(Section(role=Role.TASKS, title="主要任务", parts=[
            _part(draft, outline, part, number, conn) for number, part in enumerate(tasks, 1)]))
    for part in (p for p in outline.parts if p.role == "safeguards"):
        filled = _part(draft, outline, part, 0, conn)
        sections.append(Section(role=Role.SAFEGUARDS, title=part.title, items=filled.items))
    for number, section in enumerate(sections, 1):
        section.marker, section.number = f"{int_to_cn(number)}、", number
    draft.plan.sections = sections
    return draft


def _part(draft: Draft, outline: Outline, part: OutlinePart, number: int,
          conn: sqlite3.Connection) -> Part:
    """A part of 主要任务 `（一）` with items `1.`; 保障措施 (number 0) has items `（一）`
    right under its 一级 heading (GB/T 9704 7.3.3: no level is skipped)."""
    filled = Part(title=part.title, marker=f"（{int_to_cn(number)}）" if number else None,
                  number=number or None)
    for index, item in enumerate(part.items, 1):
        where = f"{part.title} / {item.heading}"
        clauses = _fill_item(draft, outline, item, part.role, where, conn)
        if part.role == "tasks":
            _add_deadline(clauses, item.deadline or outline.deadline)
        marker = f"{index}." if number else f"（{int_to_cn(index)}）"
        filled.items.append(Item(marker=marker, number=index, title=item.heading, end="。",
                                 run_in=True, paragraphs=[Paragraph(clauses=clauses)]))
    return filled


def _add_deadline(clauses: list[Clause], deadline: Optional[str]) -> None:
    """The outline's 完成时限 before the item's first sentence, unless its text states a time."""
    if deadline and not any(states_time(c.text) for c in clauses):
        clauses[0].text = f"{deadline.rstrip('，,')}，{clauses[0].text}"


def _fill_item(draft: Draft, outline: Outline, item: OutlineItem, role: str, where: str,
               conn: sqlite3.Connection) -> list[Clause]:
    if item.text:
        return [Clause(text=fix(item.text), responsibility=_outline_units(item))]
    chosen = choose_clauses(conn, outline, item, role, draft.used)
    draft.used.update(h.cluster for h in chosen if h.cluster is not None)
    if not chosen:
        text = PLACEHOLDER.format(f"条款，条款库中没有与“{item.heading}”相符的内容，请自行撰写")
        draft.placeholders.append(Placeholder(where, "条款", item.heading, text))
        draft.unfilled.append(where)
        return [Clause(text=text, responsibility=_outline_units(item))]
    clauses = []
    for hit in chosen:
        rewriter = Rewriter(outline, hit.region, hit.year)
        text, found = rewriter.rewrite(fix(hit.text), where, item.targets)
        draft.placeholders.extend(found)
        own = hit.region == outline.region and hit.responsibility and not item.units
        clauses.append(Clause(
            text=text, responsibility=_own_units(hit) if own else None,
            provenance=Provenance(document=hit.document, loc=Loc(file=hit.file, line=hit.line or 0),
                                  cluster=hit.cluster, original=hit.text)))
    for current, following in zip(clauses, clauses[1:]):
        # Sentences of one source note: the note once, after the last of them.
        if current.responsibility and following.responsibility and \
                current.responsibility.raw == following.responsibility.raw:
            current.responsibility = None
    _close_note(draft, item, chosen, clauses, where)
    return clauses


def _close_note(draft: Draft, item: OutlineItem, chosen: list[Hit], clauses: list[Clause],
                where: str) -> None:
    """A 责任单位 note covers the sentences before it: the outline's units (or a placeholder
    for units the source named elsewhere) go on the item's last clause."""
    if item.units:
        clauses[-1].responsibility = _outline_units(item)
        return
    foreign = [h.responsibility for h in chosen if h.responsibility and h.region != draft.plan.region]
    if foreign and clauses[-1].responsibility is None:
        text = PLACEHOLDER.format("责任单位")
        draft.placeholders.append(Placeholder(where, "责任单位", "；".join(foreign), text))
        clauses[-1].responsibility = Responsibility(raw=f"（责任单位：{text}）")


def _outline_units(item: OutlineItem) -> Optional[Responsibility]:
    if not item.units:
        return None
    units = [Unit(name=u, canonical=u) for u in item.units]
    return Responsibility(lead=units, raw=f"（责任单位：{'、'.join(item.units)}）")


def _own_units(hit: Hit) -> Responsibility:
    return Responsibility(lead=[Unit(name=u, canonical=u) for u in hit.units],
                          raw=fix(hit.responsibility or ""))


def choose_clauses(conn: sqlite3.Connection, outline: Outline, item: OutlineItem,
                   role: str, used: frozenset[int] | set[int] = frozenset()) -> list[Hit]:
    """The best 1–3 clauses for the item's heading and keywords, one per cluster and none
    from a cluster in `used`; clauses of one document keep their order in it."""
    scores: dict[int, float] = {}
    hits: dict[int, Hit] = {}
    for query in [item.heading, *item.keywords]:
        for hit in search_clauses(conn, query, top=POOL, filters=Filters(part=role)):
            if not _relevant(hit, item):
                continue
            bonus = ITEM_TITLE_BONUS if _names_heading(hit.heading, item) else 0.0
            bonus += SAME_REGION_BONUS if hit.region == outline.region else 0.0
            scores[hit.id] = scores.get(hit.id, 0.0) + hit.score + bonus
            hits[hit.id] = hit
    ranked = sorted(scores, key=lambda i: (-scores[i], i))
    chosen: list[Hit] = []
    clusters: set[Optional[int]] = set(used)
    for clause_id in ranked:
        hit = hits[clause_id]
        if chosen and scores[clause_id] < KEEP_RATIO * scores[chosen[0].id]:
            break
        if hit.cluster is not None and hit.cluster in clusters:
            continue
        chosen.append(hit)
        clusters.add(hit.cluster)
        if len(chosen) == MAX_CLAUSES:
            break
    documents = list(dict.fromkeys(h.file for h in chosen))
    return sorted(chosen, key=lambda h: (documents.index(h.file), h.id))


def _relevant(hit: Hit, item: OutlineItem) -> bool:
    """A literal match of the query, or of the heading in the clause's own heading; a loose
    match must still cover most of the query's bigrams."""
    return hit.phrase >= 1.0 or _names_heading(hit.heading, item) or hit.recall >= MIN_RECALL


def _names_heading(heading: str, item: OutlineItem) -> bool:
    own = heading.rsplit(" / ", 1)[-1]
    return item.heading in own or (len(own) >= 4 and own in item.heading)


def _notice(outline: Outline) -> Optional[Notice]:
    """The outline's 印发通知 parts as a Notice (title and body come from the templates)."""
    if outline.notice is None:
        return None
    given = outline.notice
    doc_number = (normalize_doc_number(given.doc_number) or given.doc_number) if given.doc_number else None
    return Notice(recipients=given.recipients, issuer=[outline.issuer] if outline.issuer else [],
                  date=given.date, doc_number=doc_number,
                  public="（此件公开发布）" if given.public else None, cc=given.cc,
                  printer=given.printer, print_date=given.date if given.printer else None)
