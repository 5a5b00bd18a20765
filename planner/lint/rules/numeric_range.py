"""M003 numeric-range-dash：数值范围用了短横线。

数值范围用浪纹线“～”：`100-200亩` 应为 `100～200亩`（GB/T 15834 浪纹线，GB/T 15835）。
年份、月份的范围用一字线，由 T004 检查；百分数和“万”“亿”由 M002 检查。自动修复。

选项：无。

PASS:
    新建标准厂房100～200亩。

FAIL:
    新建标准厂房100-200亩。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.ranges import NUMERIC_RANGE_SCREEN, find_numeric_ranges
from planner.lint.problem import Problem

CODE = "M003"
NAME = "numeric-range-dash"
LEVEL = "warning"
FIXABLE = True
SCREEN = NUMERIC_RANGE_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_numeric_ranges(span.text):
            yield span.at(start, f"数值范围应使用浪纹线“～”（{span.text[start:end]}）；"
                                 f"应写作“{new}”", span.edit(start, end, new))
