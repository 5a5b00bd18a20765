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

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.numerals import MEASURE_SCREEN, find_cn_measures
from planner.lint.problem import Problem

CODE = "M004"
NAME = "cn-numeral-measure"
LEVEL = "warning"
FIXABLE = False
SCREEN = MEASURE_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, _ in find_cn_measures(span.text):
            yield span.at(start, f"计量数值应使用阿拉伯数字（{span.text[start:end]}）；"
                                 f"如“20%”“5000万元”")
