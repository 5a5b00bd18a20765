"""T007 issue-date-form：成文日期用了汉字数字。

成文日期用阿拉伯数字将年、月、日标全，年份写全，月、日不编虚位（GB/T 9704 7.3.5.4）：
`二〇二五年三月一日` 应为 `2025年3月1日`。自动修复。

选项：无。

PASS:
    某市人民政府办公室
    2025年3月1日

FAIL:
    某市人民政府办公室
    二〇二五年三月一日
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.dates import find_issue_date
from planner.lint.problem import Problem

CODE = "T007"
NAME = "issue-date-form"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        spot = find_issue_date(span.text)
        if spot is not None:
            yield span.at(spot.start, f"成文日期应使用阿拉伯数字（{span.text[spot.start:spot.end]}）；"
                                      f"应写作“{spot.new}”", span.edit(spot.start, spot.end, spot.new))
