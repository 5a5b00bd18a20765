"""Plan → text in canonical form (txt or Markdown), and the canonical form of a plan."""
from __future__ import annotations

from typing import Any, Iterator

from planner.model import Item, Notice, Paragraph, Part, Plan
from planner.parse.headings import canonical_marker
from planner.text import format_date, normalize_text, to_fullwidth_punct

SKIP_KEYS = {"loc", "source"}
END_KEYS = {"end", "lead_end"}  # bare marks: `:` → `：` even with no Chinese around


def export_text(plan: Plan, fmt: str = "txt") -> str:
    """One paragraph per line, full-width punctuation, canonical numbering markers."""
    md = fmt == "md"
    lines: list[str] = []
    if plan.notice:
        lines.extend(_notice_lines(plan.notice))
    lines.append(("# " if md else "") + plan.title)
    lines.extend(_paragraph(p) for p in plan.preamble)
    for section in plan.sections:
        lines.extend(_part_lines(section, depth=2, md=md))
    if plan.notice:
        lines.extend(_imprint_lines(plan.notice))
    text = "\n".join(normalize_text(line) for line in lines)
    return (text.replace("\n", "\n\n") if md else text) + "\n"


def _notice_lines(notice: Notice) -> Iterator[str]:
    if notice.title:
        yield notice.title
    if notice.doc_number:
        yield f"（{notice.doc_number}）"
    if notice.recipients:
        yield "，".join(notice.recipients) + "："
    yield from notice.body
    yield from notice.issuer
    if notice.date:
        yield format_date(notice.date)
    if notice.public:
        yield notice.public


def _imprint_lines(notice: Notice) -> Iterator[str]:
    if notice.cc:
        yield "抄送：" + "，".join(notice.cc) + "。"
    if notice.printer and notice.print_date:
        yield f"{notice.printer}　　{format_date(notice.print_date)}印发"


def _heading(node: Part | Item) -> str:
    marker = canonical_marker(node.marker) if node.marker else ""
    return marker + (node.title or "") + node.end


def _part_lines(part: Part, depth: int, md: bool) -> Iterator[str]:
    paragraphs = list(part.paragraphs)
    if part.title is not None or part.marker:
        head = _heading(part)
        if part.run_in and paragraphs:
            head += _paragraph(paragraphs.pop(0))
        yield ("#" * min(depth, 6) + " " if md else "") + head
    yield from (_paragraph(p) for p in paragraphs)
    for child in part.parts:
        yield from _part_lines(child, depth + 1, md)
    for item in part.items:
        yield from _item_lines(item, md)


def _item_lines(item: Item, md: bool) -> Iterator[str]:
    paragraphs = list(item.paragraphs)
    head = _heading(item)
    if item.run_in and paragraphs:
        body = _paragraph(paragraphs.pop(0))
        yield (f"**{head}**" if md and item.title else head) + body
    elif head:
        yield ("#### " if md else "") + head
    yield from (_paragraph(p) for p in paragraphs)


def _paragraph(paragraph: Paragraph) -> str:
    return paragraph.text


def canonical_plan(plan: Plan) -> Plan:
    """The plan as its export reads back: text normalised, markers in 公文 form."""
    return Plan.model_validate(_canonical(plan.model_dump()))


def _canonical(node: Any, key: str = "") -> Any:
    if isinstance(node, dict):
        return {k: (v if k in SKIP_KEYS else _canonical(v, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_canonical(v, key) for v in node]
    if isinstance(node, str):
        if key == "marker":
            return canonical_marker(node)
        return to_fullwidth_punct(node) if key in END_KEYS else normalize_text(node)
    return node


def without_locs(node: Any) -> Any:
    """Plain data with every `loc` and `source` removed, for comparing plans."""
    if isinstance(node, dict):
        return {k: without_locs(v) for k, v in node.items() if k not in SKIP_KEYS}
    if isinstance(node, list):
        return [without_locs(v) for v in node]
    return node
