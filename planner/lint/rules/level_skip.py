"""N002 level-skip：标题层级跳级。

公文结构层次序数依次为“一、”“（一）”“1.”“（1）”（GB/T 9704 7.3.3）。“一、”下直接用“1.”
而没有“（一）”时提示跳级。只有两层时可用选项放宽。

选项：`allow_two_level`，为 true 时允许“一、”下直接用“1.”，默认 false。

PASS:
    数字某区2025年行动方案
    二、主要任务
    （一）提升政务服务水平
    1.推进数据共享。2025年底前建成平台。（责任单位：区大数据局）

FAIL:
    数字某区2025年行动方案
    二、主要任务
    （一）提升政务服务水平
    （1）推进数据共享。2025年底前建成平台。（责任单位：区大数据局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.form.markers import STANDARD_KINDS, marker_kind
from planner.lint.walk import children

CODE = "N002"
NAME = "level-skip"
LEVEL = "warning"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    allow_two_level: bool = False


def check(draft, options: Options) -> Iterator[Problem]:
    for part in draft.plan.divisions():
        kind = marker_kind(part.marker)
        if kind not in STANDARD_KINDS:
            continue
        rank = STANDARD_KINDS.index(kind)
        for child in children(part):
            child_kind = marker_kind(child.marker)
            if child_kind not in STANDARD_KINDS:
                continue
            skip = STANDARD_KINDS.index(child_kind) - rank
            if skip > 1 and not (options.allow_two_level and rank == 0 and skip == 2):
                line, col = draft.where(child)
                missing = "、".join(["“一、”", "“（一）”", "“1.”", "“（1）”"][rank + 1:rank + skip])
                yield Problem(line, col, f"标题层级跳级（{part.marker}之下直接用"
                                         f"{child.marker}）；请补上{missing}一级，或调整序号")
                break
