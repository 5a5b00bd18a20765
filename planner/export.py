"""Plan → text in canonical form (txt or Markdown), and the canonical form of a plan."""
from __future__ import annotations

from typing import Any

from planner.blocks import Block, document_blocks
from planner.model import Plan
from planner.parse.headings import canonical_marker
from planner.text import normalize_text, to_fullwidth_punct

SKIP_KEYS = {"loc", "source"}
END_KEYS = {"end", "lead_end"}  # bare marks: `:` → `：` even with no Chinese around


def export_text(plan: Plan, fmt: str = "txt") -> str:
    """One paragraph per line, full-width punctuation, canonical numbering markers."""
    md = fmt == "md"
    lines = [_markdown(block) if md else block.text for block in document_blocks(plan)]
    return ("\n\n" if md else "\n").join(lines) + "\n"


def _markdown(block: Block) -> str:
    if block.kind == "title":
        return "# " + block.text
    if block.kind != "heading":
        return block.text
    if block.is_item:
        if block.head and block.titled:
            return f"**{block.head}**" + block.text[len(block.head):]
        return block.text if block.head else "#### " + block.text
    return "#" * min(block.depth, 6) + " " + block.text


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
