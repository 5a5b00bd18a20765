"""S003 task-owner-missing：任务没有责任单位。

主要任务中的每一项都要写明责任单位，写作“（责任单位：…）”或“（牵头单位：…；配合单位：…）”，
也可写“（A牵头，B配合）”。一项任务里只要有一处责任单位即视为已写明。

选项：无。

PASS:
    数字某区2025年行动方案
    二、主要任务
    1.推进老旧小区改造。2025年底前完成改造20个。（责任单位：区住房和城乡建设局）

FAIL:
    数字某区2025年行动方案
    二、主要任务
    1.推进老旧小区改造。2025年底前完成改造20个。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.lint.walk import task_items

CODE = "S003"
NAME = "task-owner-missing"
LEVEL = "error"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for item in task_items(draft.plan):
        if any(c.responsibility for c in item.clauses()):
            continue
        line, col = draft.where(item)
        label = f"{item.marker or ''}{item.title or ''}"
        yield Problem(line, col, f"任务没有责任单位（{label[:30]}）；"
                                 f"请在句末写明“（责任单位：…）”或“（牵头单位：…；配合单位：…）”")
