"""P008 heading-punct：单独成行的标题末尾有标点。

单独成行的一级、二级标题（“一、”“（一）”）末尾不加句号、冒号、分号、逗号：
`一、总体要求。` 应为 `一、总体要求`。标题与正文连排（`（一）加强组织领导。成立…`）时不在此列。
自动修复。

选项：无。

PASS:
    数字某区2025年行动方案
    一、总体要求
    （一）指导思想
    坚持以人民为中心，推进数字政府建设。

FAIL:
    数字某区2025年行动方案
    一、总体要求。
    （一）指导思想：
    坚持以人民为中心，推进数字政府建设。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.form.markers import stray_end

CODE = "P008"
NAME = "heading-punct"
LEVEL = "warning"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for part in draft.plan.divisions():
        if not stray_end(part.marker, part.end, part.run_in):
            continue
        line, col = draft.where(part)
        span = draft.field_span(part, "end")
        fix = span.edit(0, len(span.text), "") if span is not None and span.field == "end" else []
        if span is not None and span.field == "end":
            line, col = span.line, span.col
        yield Problem(line, col, f"标题末尾不加标点（{part.marker}{part.title}{part.end}）；"
                                 f"请删去“{part.end}”", fix)
