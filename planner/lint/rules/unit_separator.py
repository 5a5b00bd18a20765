"""O004 unit-separator：并列的责任单位之间没有用顿号。

并列的单位名称之间用顿号“、”（GB/T 15834 顿号），不用逗号、斜线或空格。“A牵头，B配合”中
逗号分隔的是分工，不在此列。自动修复。

选项：无。

PASS:
    1.推进数据共享。（责任单位：区大数据局、区政府有关单位）

FAIL:
    1.推进数据共享。（责任单位：区大数据局，区政府有关单位）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.notemarks import find_separators
from planner.lint.problem import Problem

CODE = "O004"
NAME = "unit-separator"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span, start, end in draft.notes():
        note = span.text[start:end]
        for at, stop, new in find_separators(note):
            yield span.at(start + at, f"并列单位之间应使用顿号（{note[max(0, at - 6):stop + 6]}）；"
                                      f"请把“{note[at:stop]}”改为“{new}”",
                          span.edit(start + at, start + stop, new))
