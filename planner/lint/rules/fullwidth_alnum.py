"""M001 fullwidth-alnum：用了全角数字或字母。

数字和西文字母用半角：`２０２５年` `ＧＤＰ` 应为 `2025年` `GDP`（GB/T 15835）。自动修复。

选项：无。

PASS:
    到2025年，全市GDP增长6%。

FAIL:
    到２０２５年，全市ＧＤＰ增长6%。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "M001"
NAME = "fullwidth-alnum"
LEVEL = "error"
FIXABLE = True
FAULT = ("新建5G基站1000个，推进", "新建5G基站１０００个，推进")
FULL_RE = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
SCREEN = FULL_RE


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in FULL_RE.finditer(span.text):
            new = "".join(chr(ord(ch) - 0xFEE0) for ch in match.group())
            yield span.at(match.start(), f"数字、字母应使用半角（{match.group()}）；应写作“{new}”",
                          span.edit(match.start(), match.end(), new))
