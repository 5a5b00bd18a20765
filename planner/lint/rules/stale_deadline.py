"""T002 stale-deadline：完成时限早于成文日期。

成文日期是2025年3月1日，正文却要求“2024年底前完成”，多为套用上一年方案未改。成文日期取自
印发通知，也可在选项中给出。

选项：`issue_date`，成文日期（如 `2025-03-01`），默认取自印发通知。

PASS:
    各区人民政府，市政府各部门：
    现将《数字某市2025年行动方案》印发给你们，请认真贯彻落实。
    某市人民政府办公室
    2025年3月1日
    数字某市2025年行动方案
    二、主要任务
    1.推进数据共享。2025年底前建成市级数据共享平台。（责任单位：市大数据局）

FAIL:
    各区人民政府，市政府各部门：
    现将《数字某市2025年行动方案》印发给你们，请认真贯彻落实。
    某市人民政府办公室
    2025年3月1日
    数字某市2025年行动方案
    二、主要任务
    1.推进数据共享。2025年2月底前建成市级数据共享平台。（责任单位：市大数据局）
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator, Optional

from pydantic import BaseModel, ConfigDict

from planner.form.deadlines import find_deadlines
from planner.lint.problem import Problem
from planner.lint.walk import masked

CODE = "T002"
NAME = "stale-deadline"
LEVEL = "error"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    issue_date: Optional[dt.date] = None


def check(draft, options: Options) -> Iterator[Problem]:
    issued = options.issue_date or draft.issue_date()
    if issued is None:
        return
    for span in draft.prose():
        if span.area in ("notice", "basis"):
            continue
        for deadline in find_deadlines(masked(span.text)):
            if deadline.dated and deadline.due is not None and deadline.due < issued:
                yield span.at(deadline.start, f"完成时限早于成文日期{issued.year}年{issued.month}月"
                                              f"{issued.day}日（{deadline.text.strip()}）；"
                                              f"请改为成文日期之后的时间")
