"""S006 placeholder-left：草稿中还有待填内容。

`planner draft` 把需要起草人定夺的数值、年份、地名、责任单位和条款写成 `【待填：…】`
（并在命令输出中列出）。送审前每一处都应填好并删去标记；留在稿中的标记逐处报告。

选项：`mark`，待填标记的开头，默认 `【待填`。

PASS:
    2025年9月底前新建5G基站1200个。

FAIL:
    2025年9月底前新建5G基站【待填：原为1000个】。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "S006"
NAME = "placeholder-left"
LEVEL = "error"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mark: str = "【待填"


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        start = span.text.find(options.mark)
        while start >= 0:
            end = span.text.find("】", start)
            seen = span.text[start:end + 1 if end >= 0 else start + 20]
            yield span.at(start, f"还有待填内容（{seen[:40]}）；请填写后删去“【待填：…】”标记")
            start = span.text.find(options.mark, start + len(options.mark))
