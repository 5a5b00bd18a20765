"""One input through every stage, the way a user's file would go. Only planner's own errors
(PlannerError) are allowed out; anything else is a crash."""
from __future__ import annotations

import io

from planner.errors import PlannerError
from planner.model import Plan


def through_text(text: str) -> bytes | None:
    """Ingest a text, then render, export and lint what came out; the DOCX, if one was made."""
    from planner.lint.config import default_config
    from planner.lint.readers import text_draft
    from planner.lint.engine import lint_draft
    from planner.parse.document import ingest_text

    try:
        plan = ingest_text(text, "fuzz.txt").plan
    except PlannerError:
        return None
    data = through_plan(plan)
    try:
        lint_draft(text_draft(text, "fuzz.txt"), default_config())
    except PlannerError:
        pass
    return data


def through_plan(plan: Plan, open_docx: bool = True) -> bytes:
    """Render (the DOCX must open with python-docx), export and re-ingest the export."""
    from planner.export import export_text
    from planner.parse.document import ingest_text
    from planner.render.document import plan_docx

    data = plan_docx(plan)
    if open_docx:
        import docx

        docx.Document(io.BytesIO(data))
    text = export_text(plan)
    try:
        ingest_text(text, "export.txt")
    except PlannerError:
        pass
    return data


class ShapeChanged(Exception):
    """lint --fix changed what a draft is (planner.lint.guard.shape): a finding of the run."""


def through_fix(text: str) -> None:
    """`lint --fix` on a draft: the fixed draft must parse to the draft's shape."""
    from planner.lint.config import default_config
    from planner.lint.engine import fix_draft
    from planner.lint.guard import shape
    from planner.lint.readers import text_draft

    try:
        draft = text_draft(text, "草稿.txt")
    except PlannerError:
        return
    fixed, _ = fix_draft(draft, default_config())
    if shape(fixed.plan) != shape(draft.plan):
        raise ShapeChanged("lint --fix 改变了文档结构")
