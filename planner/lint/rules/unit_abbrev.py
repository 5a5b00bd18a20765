"""O003 unit-abbrev：责任单位用了不规范的简称。

简称以国办秘函〔2023〕18号《国务院机构简称》和本地规范为准：`市发改委` 应为 `市发展改革委`，
`住建局` 应为 `住房城乡建设局`。登记表中的 aliases 即不规范简称。自动修复。

选项：无。

PASS:
    1.推进项目建设。（责任单位：市发展改革委）

FAIL:
    1.推进项目建设。（责任单位：市发改委）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.lint.walk import units_of_form

CODE = "O003"
NAME = "unit-abbrev"
LEVEL = "warning"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span, start, end, name, new, edits in units_of_form(draft, "alias"):
        yield span.at(start, f"责任单位简称不规范（{name}）；应为“{new}”", edits)
