"""M006 arabic-with-qian-bai：阿拉伯数字后接“千”“百”。

阿拉伯数字不与“千”“百”连用：`3千万元` 应为 `3000万元`，`5百人` 应为 `500人`。“万”“亿”可以
（`5000万元`、`1.2亿元`）。自动修复。

选项：无。

PASS:
    投入资金3000万元，培训500人。

FAIL:
    投入资金3千万元，培训5百人。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.numerals import QIAN_BAI_SCREEN, find_qian_bai
from planner.lint.problem import Problem

CODE = "M006"
NAME = "arabic-with-qian-bai"
LEVEL = "warning"
FIXABLE = True
SCREEN = QIAN_BAI_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, new in find_qian_bai(span.text):
            seen = span.text[start:end]
            words = seen.lstrip("0123456789")
            yield span.at(start, f"阿拉伯数字不与“{words}”连用（{seen}）；应写作“{new}”",
                          span.edit(start, end, new))
