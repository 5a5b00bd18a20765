"""T003 year-abbrev：年份简写。

年份写全四位：`24年` 应为 `2024年`，`2024-26年` 应为 `2024—2026年`（GB/T 15835）。自动修复。

选项：无。

PASS:
    2024—2026年，每年新建5G基站200个；2025年3月底前完成部署。

FAIL:
    2024—26年，每年新建5G基站200个；25年3月底前完成部署。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.years import SHORT_YEAR_SCREEN, find_short_years
from planner.lint.problem import Problem

CODE = "T003"
NAME = "year-abbrev"
LEVEL = "error"
FIXABLE = True
SCREEN = SHORT_YEAR_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_short_years(span.text):
            yield span.at(start, f"年份不能简写（{span.text[start:end]}年）；应写作“{new}年”",
                          span.edit(start, end, new))
