"""P003 ellipsis：省略号不规范。

省略号是两个“…”连写的“……”，不用 `...` `。。。` 或单个“…”（GB/T 15834 省略号）。自动修复。

选项：无。

PASS:
    完成数据目录、共享平台、开放平台……等建设任务。

FAIL:
    完成数据目录、共享平台、开放平台...等建设任务，推进应用。。。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.punctuation import ELLIPSIS_SCREEN, find_ellipses
from planner.lint.problem import Problem

CODE = "P003"
NAME = "ellipsis"
LEVEL = "error"
FIXABLE = True
SCREEN = ELLIPSIS_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_ellipses(span.text):
            yield span.at(start, f"省略号不规范（{span.text[start:end]}）；应写作“{new}”",
                          span.edit(start, end, new))
