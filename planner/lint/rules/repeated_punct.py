"""P004 repeated-punct：标点重复。

同一个标点连用（`，，` `。。` `、、` `；；`）多为录入错误，保留一个。`。。。` 是不规范的
省略号，由 P003 处理。自动修复。

选项：无。

PASS:
    加快数字政府建设，提升政务服务水平。

FAIL:
    加快数字政府建设，，提升政务服务水平。。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.punctuation import REPEAT_SCREEN, find_repeats
from planner.lint.problem import Problem

CODE = "P004"
NAME = "repeated-punct"
LEVEL = "error"
FIXABLE = True
SCREEN = REPEAT_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_repeats(span.text):
            yield span.at(start, f"标点重复（{span.text[start:end]}）；只保留一个“{new}”",
                          span.edit(start, end, new))
