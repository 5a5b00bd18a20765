"""draft_plan: an outline filled with the library clauses that speak of each item, rewritten for
its region and year, each with its provenance; every outline target lands in its item, and
everything the drafter must settle is listed."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Optional

from planner.draft.amounts import target_sentence
from planner.draft.choose import choose_clauses
from planner.draft.notes import close_note, own_note
from planner.draft.outline import Outline, OutlineItem, OutlinePart
from planner.draft.pending import Placeholder, Skipped
from planner.draft.rewrite import Rewriter
from planner.form.deadlines import find_deadline, states_time
from planner.form.docnumber import normalize_doc_number
from planner.form.fixes import fix
from planner.form.numerals import int_to_cn
from planner.form.placeholders import PLACEHOLDER_RE, placeholder
from planner.mine.mask import normalize
from planner.mine.search import Hit
from planner.model import (Clause, Item, Kind, Loc, Notice, Paragraph, Part, Plan, Provenance,
                           Role, Section)
from planner.targets import extract_targets, normalize_metric

HEADING_END = "，,。；;：:、 "  # what may follow a heading repeated at a clause's start
MAX_FOREIGN_PLACES = 2


@dataclass
class Draft:
    plan: Plan
    placeholders: list[Placeholder] = field(default_factory=list)
    unfilled: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # clusters already reused by an earlier item
    allow_outdated: bool = False


def draft_plan(outline: Outline, conn: sqlite3.Connection, allow_outdated: bool = False) -> Draft:
    """Fill every item of `outline` from the library behind `conn`. Deterministic."""
    draft = Draft(plan=Plan(kind=Kind.ACTION_PLAN, title=fix(outline.title), year=outline.year,
                            region=outline.region, issuer=outline.issuer, notice=_notice(outline)),
                  allow_outdated=allow_outdated)
    draft.plan.preamble = [_paragraph(text) for text in (outline.preamble or "").splitlines()
                           if text.strip()]
    sections: list[Section] = []
    if outline.goals:
        goals = [_paragraph(goal) for goal in outline.goals]
        sections.append(Section(role=Role.GOALS, title="行动目标", paragraphs=goals, targets=[
            t for p in goals for c in p.clauses for t in extract_targets(c.text, outline.year)]))
    tasks = [p for p in outline.parts if p.role == "tasks"]
    if tasks:
        sections.append(Section(role=Role.TASKS, title="主要任务", parts=[
            _part(draft, outline, part, number, conn) for number, part in enumerate(tasks, 1)]))
    for part in (p for p in outline.parts if p.role == "safeguards"):
        filled = _part(draft, outline, part, 0, conn)
        sections.append(Section(role=Role.SAFEGUARDS, title=filled.title, items=filled.items,
                                paragraphs=filled.paragraphs))
    for number, section in enumerate(sections, 1):
        section.marker, section.number = f"{int_to_cn(number)}、", number
    draft.plan.sections = sections
    return draft


def _paragraph(text: str) -> Paragraph:
    return Paragraph(clauses=[Clause(text=fix(text.strip()))])


def _part(draft: Draft, outline: Outline, part: OutlinePart, number: int,
          conn: sqlite3.Connection) -> Part:
    """A part of 主要任务 `（一）` with items `1.`; 保障措施 (number 0) has items `（一）`
    right under its 一级 heading (GB/T 9704 7.3.3: no level is skipped)."""
    filled = Part(title=fix(part.title), marker=f"（{int_to_cn(number)}）" if number else None,
                  number=number or None)
    if part.text:
        filled.paragraphs = [_paragraph(text) for text in part.text.splitlines() if text.strip()]
    for index, item in enumerate(part.items, 1):
        where = f"{filled.title} / {fix(item.heading)}"
        clauses = _fill_item(draft, outline, item, part.role, where, conn)
        if part.role == "tasks":
            _add_deadline(clauses, item.deadline or outline.deadline)
        marker = f"{index}." if number else f"（{int_to_cn(index)}）"
        filled.items.append(Item(marker=marker, number=index, title=fix(item.heading), end="。",
                                 run_in=True, paragraphs=[Paragraph(clauses=clauses)]))
    return filled


def _add_deadline(clauses: list[Clause], deadline: Optional[str]) -> None:
    """The outline's 完成时限 before the item's first sentence, unless its text states one
    (`年内`, `2025年6月底前`; not `常态化`, which says how, not by when)."""
    text = "".join(c.text for c in clauses)
    if deadline and (find_deadline(text) is None or not states_time(text)):
        clauses[0].text = f"{fix(deadline).rstrip('，,')}，{clauses[0].text}"


def _fill_item(draft: Draft, outline: Outline, item: OutlineItem, role: str, where: str,
               conn: sqlite3.Connection) -> list[Clause]:
    foreign: list[str] = []
    if item.text:
        clauses = [Clause(text=fix(item.text))]
        placed = {i for i, t in enumerate(item.targets)
                  if normalize_metric(t.metric) in normalize_metric(clauses[0].text)}
    else:
        clauses, placed = _reused(draft, outline, item, role, where, conn, foreign)
    if not clauses:
        text = placeholder(f"条款，条款库中没有与“{fix(item.heading)}”相符的内容，请自行撰写")
        draft.placeholders.append(Placeholder(where, "条款", item.heading, text))
        draft.unfilled.append(where)
        clauses = [Clause(text=text)]
    for index, target in enumerate(item.targets):
        if index not in placed:  # no clause states it: a sentence of its own
            clauses.append(Clause(text=fix(target_sentence(target))))
            if target.value is None:
                found = PLACEHOLDER_RE.search(clauses[-1].text)
                draft.placeholders.append(Placeholder(where, "数值", target.metric, found.group()))
    close_note(draft, item, clauses, where, foreign)
    return clauses


def _reused(draft: Draft, outline: Outline, item: OutlineItem, role: str, where: str,
            conn: sqlite3.Connection, foreign: list[str]) -> tuple[list[Clause], set[int]]:
    """The chosen library clauses rewritten for the outline, and the targets they state;
    `foreign` gets the notes of the clauses from other regions."""
    chosen = choose_clauses(conn, outline, item, role, draft.used, draft.skipped, where,
                            draft.allow_outdated)
    draft.used.update(h.cluster for h in chosen if h.cluster is not None)
    clauses: list[Clause] = []
    placed: set[int] = set()
    for hit in chosen:
        rewriter = Rewriter(outline, hit.region, hit.year)
        text, found = rewriter.rewrite(fix(hit.text), where, item.targets, placed)
        if not clauses:
            text = without_heading(text, fix(item.heading))
        if not text or sum(p.kind == "地名" for p in found) > MAX_FOREIGN_PLACES:
            continue  # a clause about other places' towns and counties says nothing here
        draft.placeholders.extend(found)
        if hit.responsibility and hit.region != outline.region:
            foreign.append(hit.responsibility)
        clauses.append(Clause(text=text, responsibility=own_note(hit, outline, item),
                              provenance=_provenance(hit)))
    return clauses, placed


def without_heading(text: str, heading: str) -> str:
    """A clause that opens with the item's heading (`落实青岛市“双12”场景应用，推动…`) loses it:
    the heading is printed before it already."""
    if heading and normalize(text).startswith(normalize(heading)):
        return text[len(heading):].lstrip(HEADING_END)
    return text


def _provenance(hit: Hit) -> Provenance:
    return Provenance(document=hit.document, loc=Loc(file=hit.file, line=hit.line or 0),
                      cluster=hit.cluster, original=hit.text)


def _notice(outline: Outline) -> Optional[Notice]:
    """The outline's 印发通知 parts as a Notice (title and body come from the templates)."""
    if outline.notice is None:
        return None
    given = outline.notice
    doc_number = (normalize_doc_number(given.doc_number) or given.doc_number) if given.doc_number else None
    return Notice(recipients=[fix(r) for r in given.recipients],
                  issuer=[outline.issuer] if outline.issuer else [],
                  date=given.date, doc_number=doc_number,
                  public="（此件公开发布）" if given.public else None, cc=given.cc,
                  printer=given.printer, print_date=given.date if given.printer else None)
