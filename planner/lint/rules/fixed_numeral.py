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

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.numerals import FIXED_SCREEN, find_arabic_fixed
from planner.lint.problem import Problem

CODE = "M005"
NAME = "arabic-fixed-or-approx"
LEVEL = "error"
FIXABLE = False
SCREEN = FIXED_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for (start, end, _), kind in find_arabic_fixed(span.text):
            seen = span.text[start:end]
            if kind == "fixed":
                yield span.at(start, f"固定说法应使用汉字（{seen}）；应写作“十四五”之类的汉字形式")
            else:
                yield span.at(start, f"概数应使用汉字且不加顿号（{seen}）；如“三四个”")
