"""S002 section-order：目标、主要任务、保障措施的先后顺序不对。

方案的正文依次写目标、主要任务、保障措施；保障措施写在任务之前、目标写在任务之后时提示调整顺序。

选项：无。

PASS:
    数字某区2025年行动方案
    一、工作目标
    到2025年底，政务服务事项网上可办率达到95%以上。
    二、主要任务
    1.推进数据共享。2025年底前建成区级数据共享平台。（责任单位：区大数据局）
    三、保障措施
    1.加强组织领导。建立工作推进机制。（责任单位：区大数据局）

FAIL:
    数字某区2025年行动方案
    一、工作目标
    到2025年底，政务服务事项网上可办率达到95%以上。
    二、保障措施
    1.加强组织领导。建立工作推进机制。（责任单位：区大数据局）
    三、主要任务
    1.推进数据共享。2025年底前建成区级数据共享平台。（责任单位：区大数据局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.model import Role

CODE = "S002"
NAME = "section-order"
LEVEL = "warning"
FIXABLE = False
ORDER = [Role.GOALS, Role.TASKS, Role.SAFEGUARDS]
LABELS = {Role.GOALS: "目标", Role.TASKS: "主要任务", Role.SAFEGUARDS: "保障措施"}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    first: dict[Role, int] = {}
    for index, section in enumerate(draft.plan.sections):
        roles = {section.role} | {p.role for p in section.parts if p.role == Role.GOALS}
        for role in roles:
            if role in ORDER:
                first.setdefault(role, index)
    for earlier, later in zip(ORDER, ORDER[1:]):
        if earlier in first and later in first and first[later] < first[earlier]:
            section = draft.plan.sections[first[earlier]]
            line, col = draft.where(section)
            yield Problem(line, col, f"“{LABELS[earlier]}”写在了“{LABELS[later]}”之后"
                                     f"（{section.marker or ''}{section.title or ''}）；"
                                     f"请按目标、主要任务、保障措施的顺序排列")
