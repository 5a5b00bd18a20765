"""D001 doc-number：发文字号写法不规范。

发文字号由机关代字、年份、发文顺序号组成，年份用六角括号“〔〕”，序号不编虚位、不加“第”：
`某政发[2024]05号` `某政发（2024）第5号` 应为 `某政发〔2024〕5号`（GB/T 9704 7.2.5）。自动修复。

选项：无。

PASS:
    根据《某市人民政府关于加快数字政府建设的意见》（某政发〔2024〕5号）要求。

FAIL:
    根据《某市人民政府关于加快数字政府建设的意见》（某政发[2024]05号）要求。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.docnumber import SCREEN, find_doc_numbers  # noqa: F401 (SCREEN: the engine's)
from planner.lint.problem import Problem

CODE = "D001"
NAME = "doc-number"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match, (start, end, new) in find_doc_numbers(span.text):
            yield span.at(match.start(), f"发文字号写法不规范（{match.group()}）；"
                                         f"应写作“{match['org']}{new}”",
                          span.edit(start, end, new))
