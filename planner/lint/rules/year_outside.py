"""T001 year-outside-plan：年份超出方案期限。

方案期限取自标题（`2024—2026年`、`2025年`）或配置选项。正文中的“到2027年”“2023年底前”等
超出期限的年份多为照抄旧文未改。书名号、六角括号内的年份（引用的文件名、文号）和“发展基础”
部分不检查。

选项：`years`，方案期限的起止年份，如 `[2024, 2026]`，默认取自标题；`extra_years`，另外允许的
年份（如远景目标 `[2035]`）。

PASS:
    数字某区2025年行动方案
    二、主要任务
    1.推进数据共享。2025年6月底前建成区级数据共享平台。（责任单位：区大数据局）

FAIL:
    数字某区2025年行动方案
    二、主要任务
    1.推进数据共享。2026年6月底前建成区级数据共享平台。（责任单位：区大数据局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.form.years import YEAR_RE
from planner.lint.walk import masked, plan_period

CODE = "T001"
NAME = "year-outside-plan"
LEVEL = "error"
FIXABLE = False
SKIP_AREAS = {"notice", "title", "basis", "preamble"}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    years: list[int] = []
    extra_years: list[int] = []


def check(draft, options: Options) -> Iterator[Problem]:
    period = plan_period(draft.plan, options.years)
    if period is None:
        return
    for span in draft.prose():
        if span.area in SKIP_AREAS:
            continue
        for match in YEAR_RE.finditer(masked(span.text)):
            year = int(match["y"])
            if period[0] <= year <= period[1] or year in options.extra_years:
                continue
            when = f"{period[0]}年" if period[0] == period[1] else f"{period[0]}—{period[1]}年"
            yield span.at(match.start(), f"年份超出方案期限{when}（{year}年）；"
                                         f"请核对是否照抄旧文未改")
