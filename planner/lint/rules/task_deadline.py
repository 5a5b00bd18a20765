"""S004 task-deadline-missing：任务没有完成时限。

每项任务应有时间节点，如“2025年6月底前”“年内”“长期坚持”“持续推进”。没有任何时间表述的
任务提示补充时限。

选项：无。

PASS:
    数字某区2025年行动方案
    二、主要任务
    1.完善数据目录。2025年6月底前完成数据资源目录编制。（责任单位：区大数据局）

FAIL:
    数字某区2025年行动方案
    二、主要任务
    1.完善数据目录。逐步完善数据资源目录。（责任单位：区大数据局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.deadlines import states_time
from planner.lint.problem import Problem
from planner.lint.walk import item_text, task_items

CODE = "S004"
NAME = "task-deadline-missing"
LEVEL = "warning"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for item in task_items(draft.plan):
        if states_time(item_text(item)):
            continue
        line, col = draft.where(item)
        label = f"{item.marker or ''}{item.title or ''}"
        yield Problem(line, col, f"任务没有完成时限（{label[:30]}）；"
                                 f"请写明时间节点，如“2025年6月底前完成…”")
