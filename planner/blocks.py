"""A plan as a flow of typed blocks in reading order: what export and render both lay out.

Each block is one paragraph of the output. Its text is already in 公文 form (normalised
punctuation, canonical numbering markers), so every writer shows the same words and a
rendered DOCX reads back exactly as the text export does.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Iterator, Optional

from planner.model import Item, Notice, Paragraph, Part, Plan, Responsibility
from planner.form.dates import format_date
from planner.form.fixes import fix, fix_many, normalise
from planner.form.markers import canonical_marker, marker_level, stray_end
from planner.form.organs import unspaced



class Wording:
    """The words planner adds around a plan's own text: the responsibility note, the
    numbering marker, the 版记 lines. This plain form is the export's; render uses the
    Jinja templates (render/wording.py), whose defaults say the same.

    `tidy` puts the plan's own texts in 公文 form as they are written out (planner.form.fix:
    what `planner lint --fix` does to them); VERBATIM keeps them as the plan has them."""

    tidy = True
    _fixed: Optional[dict[str, str]] = None  # a plan's texts, fixed at once (prepared)

    def form(self, text: str) -> str:
        fixed = self._fixed
        if fixed is not None:  # prepared: most texts are known
            known = fixed.get(text)
            if known is not None:
                return known
        if not self.tidy or not text:
            return text
        if fixed is None:
            return fix(text)
        known = fixed[text] = fix(text)  # a note or a line the templates made: fixed once per plan
        return known

    def prepared(self, plan: Plan) -> "Wording":
        """This wording with every text of `plan` fixed at once (planner.form.fix_many)."""
        if not self.tidy or self._fixed is not None:
            return self
        texts, notes = _plan_texts(plan)
        ready = copy.copy(self)
        ready._fixed = fix_many(texts)
        ready.read_notes(plan, notes)
        return ready

    def read_notes(self, plan: Plan, notes: list[str]) -> None:
        """`plan`'s responsibility notes as written, met on the walk that gathers its texts
        (a wording that follows the plan's own style learns it here, without a walk of its own)."""

    def note(self, responsibility: Responsibility) -> str:
        return responsibility.raw

    def marker(self, marker: str) -> str:
        return canonical_marker(marker)

    def cc_line(self, cc: list[str]) -> str:
        return "抄送：" + "，".join(cc) + "。"

    def printer_line(self, printer: str, date: str) -> str:
        return f"{printer}　　{date}印发"


class Verbatim(Wording):
    tidy = False


PLAIN = Wording()
VERBATIM = Verbatim()


@dataclass(slots=True)
class Block:
    """One output paragraph. `kind` names its role in the document (title, body, heading,
    recipients, issuer, date, public, cc, imprint …); a heading has a `level` and, when the
    body runs on after it (`1.标题。正文…`), `head` is the heading part of `text`."""

    kind: str
    text: str
    level: Optional[int] = None
    head: str = ""
    depth: int = 0  # nesting depth of a division (Markdown heading depth)
    is_item: bool = False
    titled: bool = False  # the heading has a title, not only a marker


def notice_blocks(notice: Notice, wording: Wording = PLAIN) -> Iterator[Block]:
    """The 印发通知 from its title to the 附注."""
    form = wording.form
    if notice.title:
        yield Block("notice_title", normalise(form(notice.title)))
    if notice.doc_number:
        yield Block("doc_number", f"（{fix(notice.doc_number)}）")  # 文号 stored as written: [2022]036号
    if notice.recipients:
        yield Block("recipients", normalise(form("，".join(notice.recipients) + "：")))
    for line in notice.body:
        yield Block("notice_body", normalise(form(line)))
    for issuer in notice.issuer:
        yield Block("issuer", normalise(form(unspaced(issuer))))
    if notice.date:
        yield Block("date", format_date(notice.date))
    if notice.public:
        yield Block("public", normalise(form(notice.public)))


def imprint_blocks(notice: Notice, wording: Wording = PLAIN) -> Iterator[Block]:
    """版记: 抄送 and 印发 lines."""
    if notice.cc:
        yield Block("cc", normalise(wording.form(wording.cc_line(notice.cc))))
    if notice.printer and notice.print_date:
        yield Block("imprint", normalise(wording.printer_line(notice.printer,
                                                                   format_date(notice.print_date))))


def _plan_texts(plan: Plan) -> tuple[list[str], list[str]]:
    """The plan's own texts that go out as written (title, headings, leads, clauses), and its
    responsibility notes as written, in one walk: a 20000-task plan's objects lie all over
    memory, and a clause's note is cheap to read while the clause is at hand."""
    texts = [plan.name] if plan.name else []
    notes = []
    paragraphs = list(plan.preamble)
    for part in plan.divisions():
        for node in (part, *part.items):
            if node.title:
                texts.append(node.title)
            paragraphs.extend(node.paragraphs)
    for paragraph in paragraphs:
        if paragraph.lead:
            texts.append(paragraph.lead)
        for clause in paragraph.clauses:
            texts.append(clause.text)
            if clause.responsibility is not None and clause.responsibility.raw:
                notes.append(clause.responsibility.raw)
    return texts, notes


def plan_blocks(plan: Plan, wording: Wording = PLAIN) -> Iterator[Block]:
    """The plan itself: title, preamble, every division in document order."""
    wording = wording.prepared(plan)
    if plan.name:  # a plan without title line is titled with the name its notice cites
        yield Block("title", normalise(wording.form(plan.name)))
    for paragraph in plan.preamble:
        yield _body(paragraph, wording)
    for section in plan.sections:
        yield from _part_blocks(section, 1, 2, wording)


def document_blocks(plan: Plan, wording: Wording = PLAIN) -> Iterator[Block]:
    """Notice (when the plan has one), the plan, then the 版记."""
    if plan.notice:
        yield from notice_blocks(plan.notice, wording)
    yield from plan_blocks(plan, wording)
    if plan.notice:
        yield from imprint_blocks(plan.notice, wording)


def heading_label(node: Part | Item) -> str:
    """A division's marker (canonical) and title in 公文 form: `（一）持续推进数字经济建设`.
    The matrix and the diff name parts and items by it."""
    marker = canonical_marker(node.marker) if node.marker else ""
    return normalise(marker + fix(node.title or ""))


def heading_level(node: Part | Item, depth: int) -> int:
    """Level from the marker's form; unnumbered headings take their nesting depth."""
    level = marker_level(node.marker)
    return level if level is not None else min(max(depth, 1), 4)


def _heading_text(node: Part | Item, wording: Wording) -> str:
    marker = wording.marker(node.marker) if node.marker else ""
    end = node.end
    if wording.tidy and isinstance(node, Part) and stray_end(node.marker, end, node.run_in):
        end = ""  # a heading on its own line ends without a mark (P008)
    return marker + wording.form(node.title or "") + end


def _part_blocks(part: Part, level_depth: int, md_depth: int, wording: Wording) -> Iterator[Block]:
    paragraphs = list(part.paragraphs)
    if part.title is not None or part.marker:
        yield _heading_block(part, _heading_text(part, wording), paragraphs, level_depth, md_depth, wording,
                             is_item=False)
        level_depth += 1
    for paragraph in paragraphs:
        yield _body(paragraph, wording)
    for child in part.parts:
        yield from _part_blocks(child, level_depth, md_depth + 1, wording)
    for item in part.items:
        items = list(item.paragraphs)
        head = _heading_text(item, wording)
        if head or (item.run_in and items):
            yield _heading_block(item, head, items, level_depth, md_depth, wording, is_item=True)
        for paragraph in items:
            yield _body(paragraph, wording)


def _heading_block(node: Part | Item, head: str, paragraphs: list[Paragraph], depth: int, md_depth: int,
                   wording: Wording, is_item: bool) -> Block:
    """The heading line (`head`: its marker, title and end); a run-in heading takes its first
    paragraph with it (popped)."""
    body = _paragraph(paragraphs.pop(0), wording) if node.run_in and paragraphs else ""
    line = normalise(head + body)  # one pass: quotes pair across the whole line
    return Block("heading", line, heading_level(node, depth), line[:len(head)] if body else "", md_depth,
                 is_item, bool(node.title))


def _body(paragraph: Paragraph, wording: Wording) -> Block:
    return Block("body", normalise(_paragraph(paragraph, wording)))


def _paragraph(paragraph: Paragraph, wording: Wording) -> str:
    form = wording.form
    pieces = [form(paragraph.lead) if paragraph.lead else "", paragraph.lead_end]
    for clause in paragraph.clauses:
        pieces.append(form(clause.text))
        if clause.responsibility:
            pieces.append(form(wording.note(clause.responsibility)))
    return "".join(pieces)
