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

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.notemarks import find_stray_marks
from planner.lint.problem import Problem

CODE = "O006"
NAME = "unit-stray-mark"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span, start, end in draft.notes():
        note = span.text[start:end]
        for at, stop, new in find_stray_marks(note):
            yield span.at(start + at, f"单位名称前有多余符号（{note[max(0, at - 5):stop + 8]}）；"
                                      f"请删去“{note[at:stop]}”", span.edit(start + at, start + stop, new))
