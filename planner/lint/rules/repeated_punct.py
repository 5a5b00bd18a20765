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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "P004"
NAME = "repeated-punct"
LEVEL = "error"
FIXABLE = True
FAULT = ("加快数字政府建设，", "加快数字政府建设，，")
# 例：，， / 。。 / ！！ — but not 。。。 (an ellipsis, P003)
REPEAT_RE = re.compile(r"([，、；：！？。])\1+")
SCREEN = re.compile("([，、；：！？。])\\1")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in REPEAT_RE.finditer(span.text):
            if match.group(1) == "。" and len(match.group()) >= 3:
                continue
            yield span.at(match.start(), f"标点重复（{match.group()}）；只保留一个“{match.group(1)}”",
                          span.edit(match.start(), match.end(), match.group(1)))
