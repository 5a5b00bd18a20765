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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "O004"
NAME = "unit-separator"
LEVEL = "error"
FIXABLE = True
FAULT = ("市大数据局、市发展改革委", "市大数据局，市发展改革委")
# A separator between two names. 例：区大数据局,区政府有关单位 / 市财政局/市税务局
SEPARATOR_RE = re.compile(r"(?<=[\u4e00-\u9fff])\s*([,，/／]|\s+)\s*(?=[\u4e00-\u9fff])")
# The comma after a division of labour: 例：A牵头,B配合 / A负责，B参与
ROLE_END_RE = re.compile(r"(牵头|配合|负责|参与|落实|实施|推进|按职责分工|分工负责)$")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span, start, end in draft.notes():
        note = span.text[start:end]
        for match in SEPARATOR_RE.finditer(note):
            if ROLE_END_RE.search(note[:match.start()]):
                continue
            at = start + match.start()
            yield span.at(at, f"并列单位之间应使用顿号（{note[max(0, match.start() - 6):match.end() + 6]}）；"
                              f"请把“{match.group()}”改为“、”",
                          span.edit(at, start + match.end(), "、"))
