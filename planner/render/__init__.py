"""Plan → DOCX in the 公文 format (GB/T 9704-2012): the plan alone, or with its 印发通知."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

from planner.model import Plan
from planner.render.options import NoticeFields, RenderOptions


def claim_output(output: str | os.PathLike, inputs: Iterable[str | os.PathLike],
                 options: Optional[RenderOptions]) -> None:
    """Refuse, before anything is made, an output that is one of the inputs, the profile or a
    file in the template directory (planner.output.OutputCheck)."""
    from planner.output import OutputCheck

    check = OutputCheck(inputs)
    if options is not None:
        check.read(options.profile, label="--profile").read(options.templates, label="--templates")
    check.claim(output)


def render_plan(plan: Plan, output: str | os.PathLike, options: Optional[RenderOptions] = None,
                inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Write the plan alone as DOCX (atomically; never over an input)."""
    from planner.output import write_atomic
    from planner.render.document import plan_docx

    inputs = list(inputs)
    claim_output(output, inputs, options)
    return write_atomic(output, plan_docx(plan, options), inputs=inputs)


def render_notice(plan: Plan, output: str | os.PathLike, fields: Optional[NoticeFields] = None,
                  options: Optional[RenderOptions] = None,
                  inputs: Iterable[str | os.PathLike] = (), with_matrix: bool = False) -> Path:
    """Write the 印发通知 with the plan after it as DOCX (and the 分工表 as 附件)."""
    from planner.output import write_atomic
    from planner.render.document import notice_docx
    from planner.render.options import complete_notice
    from planner.render.wording import JinjaWording

    options = options or RenderOptions()
    inputs = list(inputs)
    claim_output(output, inputs, options)
    wording = JinjaWording(plan, options.templates)
    notice = complete_notice(plan, fields or NoticeFields(), wording, options.masthead is not None)
    return write_atomic(output, notice_docx(plan, notice, options, with_matrix), inputs=inputs)


def render_matrix(plan: Plan, output: str | os.PathLike, by_unit: bool = False,
                  options: Optional[RenderOptions] = None,
                  inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Write the 重点任务分工表 as .xlsx or .docx (by the output's suffix)."""
    from planner.errors import OutputError
    from planner.matrix import task_matrix
    from planner.output import write_atomic
    from planner.render.reports import matrix_docx, matrix_xlsx

    suffix = Path(output).suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise OutputError("输出文件应为 .xlsx 或 .docx", path=str(output), hint="例如 -o 分工表.xlsx")
    inputs = list(inputs)
    claim_output(output, inputs, options)
    rows = task_matrix(plan)
    data = matrix_xlsx(plan, rows, by_unit) if suffix == ".xlsx" else matrix_docx(plan, rows, by_unit, options)
    return write_atomic(output, data, inputs=inputs)


__all__ = ["NoticeFields", "RenderOptions", "render_matrix", "render_notice", "render_plan"]
