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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "T004"
NAME = "time-range-dash"
LEVEL = "error"
FIXABLE = True
FAULT = ("2025年底前实现100项", "2025年3-5月实现100项")
# 例：2024-2026年 / 2024~2026 / 3-5月
RANGE_RE = re.compile(r"(?<![\d.])(?:(?P<y1>(?:19|20)\d{2})\s*(?P<d1>[-~～－–―])\s*(?P<y2>(?:19|20)\d{2})"
                      r"|(?P<m1>\d{1,2})\s*(?P<d2>[-~～－–―])\s*(?P<m2>\d{1,2})(?=\s*月))")
SCREEN = re.compile("[-~～－–―]")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in RANGE_RE.finditer(span.text):
            a, b = (match["y1"], match["y2"]) if match["y1"] else (match["m1"], match["m2"])
            new = f"{a}—{b}"
            yield span.at(match.start(), f"时间范围应使用一字线“—”（{match.group()}）；"
                                         f"应写作“{new}”",
                          span.edit(match.start(), match.end(), new))
