"""O002 unit-obsolete：责任单位用了机构改革前的旧称。

2018年党和国家机构改革后，国土资源局、环保局、工商局、农委、卫计委、安监局等已更名
（自然资源和规划局、生态环境局、市场监管局、农业农村局、卫生健康委、应急管理局）。按登记表
改为现名。自动修复。

选项：无。

PASS:
    1.加强生态监测。（责任单位：市生态环境局）

FAIL:
    1.加强生态监测。（责任单位：市环保局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.lint.walk import units_of_form

CODE = "O002"
NAME = "unit-obsolete"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span, start, end, name, new, edits in units_of_form(draft, "obsolete"):
        yield span.at(start, f"责任单位用了机构改革前的名称（{name}）；应为“{new}”", edits)
