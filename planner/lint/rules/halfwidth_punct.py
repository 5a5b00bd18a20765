"""P001 halfwidth-punct：中文语境用了半角标点。

中文正文中的逗号、分号、冒号、问号、叹号、括号用全角：`完成,责任单位:` 应为
`完成，责任单位：`（GB/T 15834）。两边都是西文或数字时（`1:1000` `10:30`）不算。
句末紧跟汉字的半角句点 `.` 也报告。自动修复。

选项：无。

PASS:
    推进数据共享，完善数据目录（2025年底前完成）。（责任单位：区大数据局）

FAIL:
    推进数据共享,完善数据目录(2025年底前完成).(责任单位:区大数据局)
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.punctuation import WIDTH_SCREEN, find_halfwidth
from planner.lint.problem import Problem

CODE = "P001"
NAME = "halfwidth-punct"
LEVEL = "error"
FIXABLE = True
SCREEN = WIDTH_SCREEN  # any finding has one of these (engine.screened_spans)


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        text = span.text
        for i, _, full in find_halfwidth(text):
            yield span.at(i, f"中文中应使用全角标点（{text[max(0, i - 6):i + 6]}）；"
                             f"请把“{text[i]}”改为“{full}”", span.edit(i, i + 1, full))
