"""P005 dunhao-marked-items：带书名号、引号的并列成分之间用了顿号。

标有书名号或引号的并列成分之间通常不用顿号（GB/T 15834 顿号）：`《A》、《B》` 应为
`《A》《B》`，`“一网通办”、“一次办好”` 应为 `“一网通办”“一次办好”`。自动修复。

选项：无。

PASS:
    落实《数据安全法》《个人信息保护法》，推进“一网通办”“一次办好”。

FAIL:
    落实《数据安全法》、《个人信息保护法》，推进“一网通办”、“一次办好”。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.punctuation import MARKED_SCREEN, find_marked_items
from planner.lint.problem import Problem

CODE = "P005"
NAME = "dunhao-marked-items"
LEVEL = "error"
FIXABLE = True
SCREEN = MARKED_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for i, end, new in find_marked_items(span.text):
            yield span.at(i, f"书名号、引号之间不用顿号（{span.text[max(0, i - 5):i + 6]}）；"
                             f"请删去“、”", span.edit(i, end, new))
