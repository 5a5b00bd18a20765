"""T006 date-invalid：不存在的日期。

`2月30日` `4月31日` `13月` 这样的日期不存在，多为笔误；有年份时按该年判断闰年。

选项：无。

PASS:
    2025年4月30日前完成数据资源目录编制。

FAIL:
    2025年4月31日前完成数据资源目录编制。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.dates import MONTH_SCREEN, find_invalid_dates
from planner.lint.problem import Problem

CODE = "T006"
NAME = "date-invalid"
LEVEL = "error"
FIXABLE = False
SCREEN = MONTH_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for (start, end, _), month, day, last in find_invalid_dates(span.text):
            why = f"没有{month}月" if last is None else f"{month}月只有{last}天"
            yield span.at(start, f"日期不存在（{span.text[start:end]}）：{why}；请核对日期")
