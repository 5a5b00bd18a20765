"""Sentence-level clause records from a Plan: text, heading path, role, responsibility, targets."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from planner.form.punctuation import SENTENCE_MARKS, split_sentences
from planner.model import Clause, Item, Paragraph, Part, Plan, Responsibility, Role, Target
from planner.targets import extract_targets

# A sentence ends at 。！？ (full or half width) or at ；. 例：…增长10%以上。
SENTENCE_END_RE = re.compile(rf"[^{SENTENCE_MARKS}]*[{SENTENCE_MARKS}]+|[^{SENTENCE_MARKS}]+$")
MIN_SENTENCE = 6  # shorter pieces (`(禽蛋)`, `一是`) join the next sentence


@dataclass
class ClauseRecord:
    """One sentence of a plan as the library stores it."""

    seq: int
    text: str
    heading: str  # heading path: `主要任务 / 持续推进数字经济建设 / 数字经济产业化`
    role: str
    line: Optional[int]
    item: Optional[str] = None
    responsibility: Optional[Responsibility] = None
    targets: list[Target] = field(default_factory=list)

    def units(self) -> list[tuple[str, str, str]]:
        """(name, canonical, lead|support) for each responsible unit."""
        if self.responsibility is None:
            return []
        return ([(u.name, u.canonical, "lead") for u in self.responsibility.lead]
                + [(u.name, u.canonical, "support") for u in self.responsibility.support])


def plan_year(plan: Plan) -> Optional[int]:
    """The plan's year, or the first year of its period (规划 2024—2026 → 2024)."""
    return plan.year or (plan.period[0] if plan.period else None)


def split_sentences(text: str) -> list[str]:
    pieces = [m.group(0).strip() for m in SENTENCE_END_RE.finditer(text)]
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if not piece:
            continue
        carry += piece
        if len(carry) >= MIN_SENTENCE:
            out.append(carry)
            carry = ""
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def plan_records(plan: Plan) -> list[ClauseRecord]:
    """Every sentence of the plan's body, in document order (the notice and preamble left out)."""
    records: list[ClauseRecord] = []
    year = plan_year(plan)
    for section in plan.sections:
        role = section.role.value
        path = [section.title] if section.title else []
        for paragraphs, heading, item, sub_role in _divisions(section, path, role):
            for paragraph in paragraphs:
                where = heading
                if paragraph.lead and paragraph.lead != item:
                    where = f"{heading} / {paragraph.lead}" if heading else paragraph.lead
                for clause in paragraph.clauses:
                    _add(records, clause, paragraph, where, item, sub_role, year)
    return records


def _divisions(part: Part, path: list[str], role: str
               ) -> Iterator[tuple[list[Paragraph], str, Optional[str], str]]:
    own_role = part.role.value if part.role and part.role != Role.OTHER else role
    yield part.paragraphs, " / ".join(path), None, own_role
    for child in part.parts:
        child_path = path + [child.title] if child.title else path
        yield from _divisions(child, child_path, own_role)
    for item in part.items:
        title = _item_title(item)
        item_path = path + [title] if title else path
        yield item.paragraphs, " / ".join(item_path), title, own_role


def _item_title(item: Item) -> Optional[str]:
    if item.title:
        return item.title
    for paragraph in item.paragraphs:
        if paragraph.lead:
            return paragraph.lead
    return None


def _add(records: list[ClauseRecord], clause: Clause, paragraph: Paragraph, heading: str,
         item: Optional[str], role: str, year: Optional[int]) -> None:
    line = clause.loc.line if clause.loc else (paragraph.loc.line if paragraph.loc else None)
    for sentence in split_sentences(clause.text):
        records.append(ClauseRecord(
            seq=len(records), text=sentence, heading=heading, role=role, line=line, item=item,
            responsibility=clause.responsibility, targets=extract_targets(sentence, year)))
