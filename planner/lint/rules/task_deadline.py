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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.lint.walk import item_text, task_items

CODE = "S004"
NAME = "task-deadline-missing"
LEVEL = "warning"
FIXABLE = False
FAULT = ("2025年9月底前新建5G基站", "新建5G基站")
# 例：2025年6月底前 / 年底前 / 年内 / 长期坚持 / 持续推进 / 第三季度 / 3月底
DEADLINE_RE = re.compile(r"(19|20)\d{2}\s*年|[一二三四五六七八九十\d]+月|年底|年内|年末|"
                         r"季度|上半年|下半年|长期|持续|常态化|每年|逐年|前完成|底前")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for item in task_items(draft.plan):
        if DEADLINE_RE.search(item_text(item)):
            continue
        line, col = draft.where(item)
        label = f"{item.marker or ''}{item.title or ''}"
        yield Problem(line, col, f"任务没有完成时限（{label[:30]}）；"
                                 f"请写明时间节点，如“2025年6月底前完成…”")
