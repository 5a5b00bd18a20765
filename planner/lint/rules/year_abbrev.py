"""T003 year-abbrev：年份简写。

年份写全四位：`24年` 应为 `2024年`，`2024-26年` 应为 `2024—2026年`（GB/T 15835）。自动修复。

选项：无。

PASS:
    2024—2026年，每年新建5G基站200个；2025年3月底前完成部署。

FAIL:
    2024—26年，每年新建5G基站200个；25年3月底前完成部署。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "T003"
NAME = "year-abbrev"
LEVEL = "error"
FIXABLE = True
FAULT = ("2025年9月底前", "25年9月底前")
# 例：2024-26年 / 2024—26年
SHORT_RANGE_RE = re.compile(r"(?P<a>(?:19|20)\d{2})\s*(?P<dash>[-—–~～－至到])\s*(?P<b>\d{2})(?=\s*年)")
# 例：24年3月 (a two-digit year before a month)
SHORT_YEAR_RE = re.compile(r"(?<![\d.０-９])(?P<b>[0-4]\d)(?=年\d{1,2}月)")
SCREEN = (re.compile("[-—–~～－至到]"), re.compile(r"年\d"))  # a dash, or 年 then a month


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in SHORT_RANGE_RE.finditer(span.text):
            full = match["a"][:2] + match["b"]
            new = f"{match['a']}—{full}"
            yield span.at(match.start(), f"年份不能简写（{match.group()}年）；应写作“{new}年”",
                          span.edit(match.start(), match.end(), new))
        for match in SHORT_YEAR_RE.finditer(span.text):
            new = "20" + match["b"]
            yield span.at(match.start(), f"年份不能简写（{match.group()}年）；应写作“{new}年”",
                          span.edit(match.start(), match.end(), new))
