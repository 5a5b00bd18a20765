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

from planner.lint.problem import Problem
from planner.text import format_date, parse_date

CODE = "T007"
NAME = "issue-date-form"
LEVEL = "error"
FIXABLE = True
FAULT = ("\n2025年3月1日\n", "\n二〇二五年三月一日\n")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        text = span.text.strip()
        if not text or text[0].isdigit() or len(text) > 14:
            continue
        date = parse_date(text)
        if date is None:
            continue
        new = format_date(date)
        start = span.text.index(text)
        yield span.at(start, f"成文日期应使用阿拉伯数字（{text}）；应写作“{new}”",
                      span.edit(start, start + len(text), new))
