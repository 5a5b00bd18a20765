"""M001 fullwidth-alnum：用了全角数字或字母。

数字和西文字母用半角：`２０２５年` `ＧＤＰ` 应为 `2025年` `GDP`（GB/T 15835）。自动修复。

选项：无。

PASS:
    到2025年，全市GDP增长6%。

FAIL:
    到２０２５年，全市ＧＤＰ增长6%。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.numbers import FULLWIDTH_ALNUM_RE, find_fullwidth_alnum
from planner.lint.problem import Problem

CODE = "M001"
NAME = "fullwidth-alnum"
LEVEL = "error"
FIXABLE = True
SCREEN = FULLWIDTH_ALNUM_RE


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_fullwidth_alnum(span.text):
            yield span.at(start, f"数字、字母应使用半角（{span.text[start:end]}）；应写作“{new}”",
                          span.edit(start, end, new))
