"""三栏对照表 (原表述 | 新表述 | 变化说明) as DOCX and XLSX, changed characters marked:
deleted ones struck through in red on the old side, inserted ones red and underlined on the new
(a number as a whole)."""
from __future__ import annotations

from typing import Optional

from planner.diff import PlanDiff, changed_runs, explain
from planner.render.options import RenderOptions
from planner.render.oxml.markup import clean
from planner.render.oxml.text import RunFormat, run, run_props
from planner.render.sheet import Sheet, workbook_bytes
from planner.render.table import attachment_section

HEADER = ("序号", "原表述", "新表述", "变化说明")
SHARES = (4, 38, 38, 20)
RED = "C00000"
DELETED = RunFormat(strike=True, color=RED)
INSERTED = RunFormat(color=RED, underline=True)


def segments(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """(text, changed) runs for each side (planner.diff.changed_runs: numbers as whole tokens)."""
    return changed_runs(old, new)


def _side(entry) -> str:
    """The heading on its own line, then the text."""
    if entry is None:
        return ""
    return "\n".join(filter(None, [entry.label, entry.text]))


def rows(diff: PlanDiff) -> list[tuple[int, str, str, str, list, list]]:
    out = []
    for number, change in enumerate(diff.changes, 1):
        old, new = _side(change.old), _side(change.new)
        left, right = segments(old, new) if change.old and change.new else (
            [(old, True)] if old else [], [(new, True)] if new else [])
        out.append((number, old, new, explain(change), left, right))
    return out


def comparison_docx(diff: PlanDiff, options: Optional[RenderOptions] = None) -> bytes:
    from planner.render.package import assemble
    from planner.render.profile import load_profile

    options = options or RenderOptions()
    deleted, inserted = run_props(DELETED), run_props(INSERTED)
    table_rows = []
    for number, _, _, note, left, right in rows(diff):
        table_rows.append([str(number),
                           [run(text, deleted if changed else "") for text, changed in left],
                           [run(text, inserted if changed else "") for text, changed in right],
                           note])
    title = f"{diff.new_title}与{diff.old_title}对照表"
    body = attachment_section(title, HEADER, table_rows, SHARES, label=None)
    return assemble(load_profile(options.profile), body, title, "", landscape_end=True)


def comparison_xlsx(diff: PlanDiff) -> bytes:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    deleted = InlineFont(color=RED, strike=True)
    inserted = InlineFont(color=RED, u="single")

    def rich(parts: list[tuple[str, bool]], font) -> object:
        if not any(changed for _, changed in parts):
            return "".join(clean(text) for text, _ in parts)
        return CellRichText(*[TextBlock(font, clean(text)) if changed else clean(text)
                              for text, changed in parts])

    sheet = Sheet("对照表", HEADER, [(number, rich(left, deleted), rich(right, inserted), note)
                                     for number, _, _, note, left, right in rows(diff)],
                  widths={"序号": 6, "原表述": 50, "新表述": 50, "变化说明": 30})
    return workbook_bytes([sheet])
