"""P003 ellipsis：省略号不规范。

省略号是两个“…”连写的“……”，不用 `...` `。。。` 或单个“…”（GB/T 15834 省略号）。自动修复。

选项：无。

PASS:
    完成数据目录、共享平台、开放平台……等建设任务。

FAIL:
    完成数据目录、共享平台、开放平台...等建设任务，推进应用。。。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.text import has_cjk

CODE = "P003"
NAME = "ellipsis"
LEVEL = "error"
FIXABLE = True
FAULT = ("完成10个部门数据对接", "完成10个部门数据对接...")
# 例：... / ...... / 。。。 / … (a single one) / ………
ELLIPSIS_RE = re.compile(r"\.{3,}|。{3,}|…+|⋯+")
SCREEN = (re.compile("[.…⋯]"), re.compile("。。"))


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        if not has_cjk(span.text):
            continue
        for match in ELLIPSIS_RE.finditer(span.text):
            if match.group() == "……":
                continue
            yield span.at(match.start(), f"省略号不规范（{match.group()}）；应写作“……”",
                          span.edit(match.start(), match.end(), "……"))
