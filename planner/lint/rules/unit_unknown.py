"""O001 unit-unknown：责任单位不在单位名称登记表中。

责任单位应使用登记表（planner/form/units.yaml，可在配置中用 `units:` 追加）中的全称或规范简称。
不在表中的名称可能写错了，也可能需要补登记。“各镇街”“有关部门”等统称不检查；
起草留下的 `【待填：责任单位】` 由 S006 报告。

选项：无。

PASS:
    1.推进数据共享。（责任单位：区大数据局、区财政局）

FAIL:
    1.推进数据共享。（责任单位：区数字资源管理局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.placeholders import MARK
from planner.lint.problem import Problem
from planner.lint.walk import note_units

CODE = "O001"
NAME = "unit-unknown"
LEVEL = "warning"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span, start, end, _ in note_units(draft):
        name = span.text[start:end]
        if MARK not in name and draft.units.lookup(name) is None:
            yield span.at(start, f"责任单位不在登记表中（{name}）；请核对名称，"
                                 f"或在配置的 units 登记表中补充")
