"""P002 straight-quotes：引号不规范。

中文引号用“”和‘’，不用直引号 `"` `'`，也不用直角引号「」『』（GB/T 15834 引号）。自动修复
（直引号按出现顺序交替改为前引号、后引号）。

选项：无。

PASS:
    推进政务服务“一网通办”。

FAIL:
    推进政务服务"一网通办"，打造「无证明城市」。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.quotes import QUOTE_SCREEN, find_quotes
from planner.lint.problem import Problem

CODE = "P002"
NAME = "straight-quotes"
LEVEL = "error"
FIXABLE = True
SCREEN = QUOTE_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        text = span.text
        for i, _, new in find_quotes(text):
            yield span.at(i, f"引号不规范（{text[max(0, i - 4):i + 6]}）；请把“{text[i]}”改为“{new}”",
                          span.edit(i, i + 1, new))
