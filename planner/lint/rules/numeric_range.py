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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "M003"
NAME = "numeric-range-dash"
LEVEL = "warning"
FIXABLE = True
FAULT = ("完成10个部门数据对接", "完成10-15个部门数据对接")
# 例：100-200亩 / 10－15个 — not 2024-2026年, 3-5月, 15-30% (T004, M002)
RANGE_RE = re.compile(r"(?<![\d.\-])(?P<a>\d+(?:\.\d+)?)\s*(?P<d>[-－])\s*(?P<b>\d+(?:\.\d+)?)"
                      r"(?!\d|\s*[年月日%％万亿.\-])(?=\s*[\u4e00-\u9fffA-Za-z])")
SCREEN = re.compile("[-－]")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in RANGE_RE.finditer(span.text):
            new = f"{match['a']}～{match['b']}"
            yield span.at(match.start(), f"数值范围应使用浪纹线“～”（{match.group()}）；"
                                         f"应写作“{new}”",
                          span.edit(match.start(), match.end(), new))
