"""T008 relative-time：用了不明确的相对时间。

“今年底前”“明年”“近期”这类说法离开成文时间就无法理解，应写明年份：`今年底前` 应为
`2025年底前`。“发展基础”部分的回顾性表述不检查。

选项：`words`，要检查的词，默认 今年、明年、后年、去年、近期、今后一段时间。

PASS:
    1.推进数据共享。2025年底前建成区级数据共享平台。

FAIL:
    1.推进数据共享。今年底前建成区级数据共享平台。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "T008"
NAME = "relative-time"
LEVEL = "warning"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str] = ["今年", "明年", "后年", "去年", "近期", "今后一段时间"]


def check(draft, options: Options) -> Iterator[Problem]:
    if not options.words:
        return
    pattern = re.compile("|".join(re.escape(w) for w in sorted(options.words, key=len, reverse=True)))
    for span in draft.prose():
        if span.area in ("basis", "notice"):
            continue
        for match in pattern.finditer(span.text):
            yield span.at(match.start(), f"时间表述不明确（{match.group()}）；请写明具体年份，"
                                         f"如“2025年底前”")
