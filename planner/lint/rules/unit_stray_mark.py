"""O006 unit-stray-mark：责任单位名称前后有多余符号。

网页转抄常在单位名称前留下“?”“？”“*”等乱码符号，如“（责任单位:?区大数据与电子政务服务中心）”。
删去这些符号。自动修复。

选项：无。

PASS:
    1.推进数据共享。（责任单位：区大数据局）

FAIL:
    1.推进数据共享。（责任单位：?区大数据局）
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "O006"
NAME = "unit-stray-mark"
LEVEL = "error"
FIXABLE = True
FAULT = ("（责任单位：市工业和信息化局）", "（责任单位：?市工业和信息化局）")
# A mark after a label or separator and before a name. 例：责任单位:?区大数据局 / 、？市财政局
STRAY_RE = re.compile(r"(?<=[:：、，,;；（(])[?？*＊�]+(?=[\u4e00-\u9fff])")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span, start, end in draft.notes():
        note = span.text[start:end]
        for match in STRAY_RE.finditer(note):
            at = start + match.start()
            yield span.at(at, f"单位名称前有多余符号（{note[max(0, match.start() - 5):match.end() + 8]}）；"
                              f"请删去“{match.group()}”",
                          span.edit(at, start + match.end(), ""))
