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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "M006"
NAME = "arabic-with-qian-bai"
LEVEL = "warning"
FIXABLE = True
FAULT = ("专项资金5000万元", "专项资金5千万元")
# 例：3千万元 / 5百人 — not 千米, 千瓦, 千伏, 百分点, 百姓
QB_RE = re.compile(r"(?<![\d.])(?P<n>\d+)(?P<u>[千百])(?![米瓦伏克兆分姓家余帕赫])")
SCALE = {"千": 1000, "百": 100}
SCREEN = re.compile("[千百]")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in QB_RE.finditer(span.text):
            new = str(int(match["n"]) * SCALE[match["u"]])
            yield span.at(match.start(), f"阿拉伯数字不与“{match['u']}”连用（{match.group()}）；"
                                         f"应写作“{new}”",
                          span.edit(match.start(), match.end(), new))
