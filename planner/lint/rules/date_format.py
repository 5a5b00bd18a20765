"""T005 date-format：日期写法不规范。

正文中的日期写作“2025年3月1日”，不用 `2025.3.1` `2025/3/1` `2025-3-1`，月、日不补零
（`2025年03月01日`）（GB/T 9704 7.3.5.4，GB/T 15835）。自动修复。

选项：无。

PASS:
    2025年6月30日前完成数据资源目录编制。

FAIL:
    2025/6/30前完成数据资源目录编制，2025年06月01日启动。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.dates import DATE_FORM_SCREEN, find_numeric_dates, find_padded_dates
from planner.lint.problem import Problem

CODE = "T005"
NAME = "date-format"
LEVEL = "error"
FIXABLE = True
SCREEN = DATE_FORM_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_numeric_dates(span.text):
            yield span.at(start, f"日期写法不规范（{span.text[start:end]}）；应写作“{new}”",
                          span.edit(start, end, new))
        for start, end, new in find_padded_dates(span.text):
            yield span.at(start, f"日期中的月、日不补零（{span.text[start:end]}）；"
                                 f"应写作“{new}”", span.edit(start, end, new))
