"""M005 arabic-fixed-or-approx：固定说法或概数用了阿拉伯数字。

固定说法和相邻两数表示的概数用汉字：`14五规划` 应为 `“十四五”规划`，`3、4个` 应为 `三四个`，
概数之间不加顿号（GB/T 15835 4.2，GB/T 15834 顿号）。

选项：无。

PASS:
    落实“十四五”规划，每年建设三四个示范场景。

FAIL:
    落实14五规划，每年建设3、4个示范场景。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "M005"
NAME = "arabic-fixed-or-approx"
LEVEL = "error"
FIXABLE = False
FAULT = ("落实“十四五”规划", "落实14五规划")
# 例：14五 / 十4五
FIVE_YEAR_RE = re.compile(r"(?<!\d)1\d五|十\d五")
# 例：3、4个 / 5、6家
APPROX_RE = re.compile(r"(?<![\d.])(?P<a>\d)、(?P<b>\d)(?=[个家项次年天人名所座])")
SCREEN = (re.compile("五"), re.compile(r"、\d"))


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in FIVE_YEAR_RE.finditer(span.text):
            yield span.at(match.start(), f"固定说法应使用汉字（{match.group()}）；"
                                         f"应写作“十四五”之类的汉字形式")
        for match in APPROX_RE.finditer(span.text):
            if int(match["b"]) != int(match["a"]) + 1:
                continue
            yield span.at(match.start(), f"概数应使用汉字且不加顿号（{match.group()}）；"
                                         f"如“三四个”")
