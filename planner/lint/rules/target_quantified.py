"""S005 target-not-quantified：目标没有量化指标。

目标部分应有可考核的数字、百分比或数量，如“到2025年底，网上可办率达到95%以上”。只有
“显著提升”“进一步完善”之类的表述时提示补充指标。

选项：无。

PASS:
    数字某区2025年行动方案
    一、工作目标
    到2025年底，政务服务事项网上可办率达到95%以上，新建5G基站200个。

FAIL:
    数字某区2025年行动方案
    一、工作目标
    数字政府建设水平显著提升，政务服务能力进一步增强。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.lint.walk import part_text

CODE = "S005"
NAME = "target-not-quantified"
LEVEL = "warning"
FIXABLE = False
# A number with a unit or a percentage; a bare year does not count. 例：95% / 1000个 / 3家
QUANTITY_RE = re.compile(r"\d+(\.\d+)?\s*(%|％|个|家|项|座|万|亿|人|户|条|套|所|次|台|公里|千米|"
                         r"兆|G|T|P|倍|小时|分钟|天|个百分点)|百分之|[一二三四五六七八九十百千]+"
                         r"(个|家|项|座|万|亿)")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for part in draft.plan.goals:
        if part.targets or QUANTITY_RE.search(part_text(part)):
            continue
        line, col = draft.where(part)
        yield Problem(line, col, f"目标没有量化指标（{part.marker or ''}{part.title or ''}）；"
                                 f"请写明可考核的数值，如“到2025年底…达到95%以上”")
