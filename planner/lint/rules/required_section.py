"""S001 required-section：方案缺少必备部分（目标、主要任务、保障措施）。

行动方案一般由目标、主要任务、保障措施三部分组成；缺了哪一部分，就补上哪一部分并写明内容。
“工作目标”“发展目标”“重点任务”“组织实施”“工作要求”等同义标题均可识别。

选项：`required`，必备部分的角色，默认 `[goals, tasks, safeguards]`。

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
    二、主要任务
    1.推进数据共享。2025年底前建成区级数据共享平台。（责任单位：区大数据局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.model import Role

CODE = "S001"
NAME = "required-section"
LEVEL = "error"
FIXABLE = False
LABELS = {Role.GOALS: "目标", Role.TASKS: "主要任务", Role.SAFEGUARDS: "保障措施"}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    required: list[Role] = [Role.GOALS, Role.TASKS, Role.SAFEGUARDS]


def _present(plan, role: Role) -> bool:
    if role == Role.GOALS:
        return any(part.paragraphs or part.parts or part.items or part.targets
                   for part in plan.goals)
    return any(s.paragraphs or s.parts or s.items for s in plan.sections_with(role))


def check(draft, options: Options) -> Iterator[Problem]:
    line, col = draft.where(draft.plan)
    if draft.fmt != "yaml" and draft.plan.loc is not None:
        line, col = draft.plan.loc.line, 1
    for role in options.required:
        if not _present(draft.plan, role):
            label = LABELS.get(role, role.value)
            yield Problem(line, col, f"方案缺少“{label}”部分（或该部分没有内容）；"
                                     f"请增加“{label}”一节并写明内容")
