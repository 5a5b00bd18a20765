"""M002 range-unit-omitted：数值范围省略了前一个数的单位。

表示数值范围时，百分数和“万”“亿”不能省略前一个数的单位：`15~30%` 应为 `15%～30%`，
`5~10万元` 应为 `5万～10万元`（GB/T 15835 数值范围）。自动修复。

选项：无。

PASS:
    增长15%～30%，投入5万～10万元。

FAIL:
    增长15~30%，投入5~10万元。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.ranges import RANGE_UNIT_SCREEN, find_range_units
from planner.lint.problem import Problem

CODE = "M002"
NAME = "range-unit-omitted"
LEVEL = "error"
FIXABLE = True
SCREEN = RANGE_UNIT_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_range_units(span.text):
            yield span.at(start, f"数值范围的前一个数不能省略单位（{span.text[start:end]}）；"
                                 f"应写作“{new}”", span.edit(start, end, new))
