"""M004 cn-numeral-measure：计量数值用了汉字数字。

统计、计量的数值用阿拉伯数字：`百分之二十` 应为 `20%`，`五千万元` 应为 `5000万元`
（GB/T 15835 4.1.1）。“一网通办”“三级联动”这类固定说法不在此列。

选项：无。

PASS:
    覆盖率达到20%，投入资金5000万元。

FAIL:
    覆盖率达到百分之二十，投入资金五千万元。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "M004"
NAME = "cn-numeral-measure"
LEVEL = "warning"
FIXABLE = False
FAULT = ("达到95%以上", "达到百分之九十五以上")
# 例：百分之二十 / 五千万元 / 三百亩 / 两千吨
MEASURE_RE = re.compile(r"百分之[零一二三四五六七八九十百点]+|"
                        r"[一二三四五六七八九两][十百千][零一二三四五六七八九十百千]*[万亿]?"
                        r"(?=元|亩|吨|公里|千米|平方米|立方米|千瓦|户|人次)")
SCREEN = re.compile("[十百千]")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in MEASURE_RE.finditer(span.text):
            yield span.at(match.start(), f"计量数值应使用阿拉伯数字（{match.group()}）；"
                                         f"如“20%”“5000万元”")
