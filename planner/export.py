"""Plan → text in canonical form (txt or Markdown), and the canonical form of a plan."""
from __future__ import annotations

from typing import Any

from planner.blocks import VERBATIM, Block, Wording, document_blocks
from planner.lint.tidy import written
from planner.model import Plan
from planner.form.markers import canonical_marker
from planner.text import to_fullwidth_punct

SKIP_KEYS = {"loc", "source"}
END_KEYS = {"end", "lead_end"}  # bare marks: `:` → `：` even with no Chinese around


def export_text(plan: Plan, fmt: str = "txt", tidy: bool = True) -> str:
    """One paragraph per line in 公文 form (full-width punctuation, canonical numbering
    markers, the lint fixes of the form rules); `tidy=False` keeps the plan's wording as is."""
    md = fmt == "md"
    lines = [_markdown(block) if md else block.text
             for block in document_blocks(plan, Wording() if tidy else VERBATIM)]
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
    """The plan as its export (and render) reads back: text in 公文 form (tidied and
    normalised), markers canonical, headings without stray end marks, notes re-read."""
    canonical = Plan.model_validate(_canonical(plan.model_dump()))
    from planner.lint.tidy import heading_end
    for part in canonical.divisions():
        part.end = heading_end(part)
    return canonical


def _canonical(node: Any, key: str = "") -> Any:
    if isinstance(node, dict):
        if key == "responsibility" and node.get("raw"):
            return _note(node)
        return {k: (v if k in SKIP_KEYS else _canonical(v, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_canonical(v, key) for v in node]
    if isinstance(node, str):
        if key == "marker":
            return canonical_marker(node)
        return to_fullwidth_punct(node) if key in END_KEYS else written(node)
    return node


def _note(node: dict) -> dict:
    """A responsibility as its tidied note reads back (unit names may be renamed)."""
    from planner.parse.responsibility import parse_note
    raw = written(node["raw"])
    parsed = parse_note(raw)
    if parsed is None:
        return dict(node, raw=raw)
    return dict(parsed.model_dump(), loc=node.get("loc"))


def without_locs(node: Any) -> Any:
    """Plain data with every `loc` and `source` removed, for comparing plans."""
    if isinstance(node, dict):
        return {k: without_locs(v) for k, v in node.items() if k not in SKIP_KEYS}
    if isinstance(node, list):
        return [without_locs(v) for v in node]
    return node
