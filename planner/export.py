"""Plan → text in 公文 form (txt or Markdown)."""
from __future__ import annotations

from planner.blocks import VERBATIM, Block, Wording, document_blocks
from planner.model import Plan


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
