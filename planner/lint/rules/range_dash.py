"""T004 time-range-dash：时间范围的连接号不规范。

年份、月份范围用一字线“—”：`2024-2026年` `2024~2026年` `3-5月` 应为 `2024—2026年` `3—5月`
（GB/T 15834 连接号）。自动修复。

选项：无。

PASS:
    数字某市发展规划（2024—2026年）
    每年3—5月开展集中评估。

FAIL:
    数字某市发展规划（2024-2026年）
    每年3~5月开展集中评估。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.years import TIME_RANGE_SCREEN, find_time_ranges
from planner.lint.problem import Problem

CODE = "T004"
NAME = "time-range-dash"
LEVEL = "error"
FIXABLE = True
SCREEN = TIME_RANGE_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_time_ranges(span.text):
            yield span.at(start, f"时间范围应使用一字线“—”（{span.text[start:end]}）；"
                                 f"应写作“{new}”", span.edit(start, end, new))
