"""P006 unpaired-nesting：括号、引号、书名号不成对或嵌套错误。

（）“”《》〈〉要成对出现；书名号内再用书名号时用〈〉：`《关于《X》的通知》` 应为
`《关于〈X〉的通知》`（GB/T 15834 书名号、引号）。

选项：无。

PASS:
    根据《关于印发〈数字中国建设整体布局规划〉的通知》（中发〔2023〕1号）要求。

FAIL:
    根据《关于印发《数字中国建设整体布局规划》的通知（中发〔2023〕1号）要求。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.punctuation import CLOSERS, PAIR_RE, PAIRS, find_unpaired
from planner.lint.problem import Problem

CODE = "P006"
NAME = "unpaired-nesting"
LEVEL = "error"
FIXABLE = False
SCREEN = PAIR_RE


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _why(what: str, mark: str, closer: str) -> str:
    if what == "nested":
        return "书名号内的书名号应使用“〈〉”"
    if what == "crossed":
        return f"“{mark}”与“{closer}”交叉嵌套"
    if what == "unopened":
        return f"“{mark}”没有对应的“{CLOSERS[mark]}”"
    return f"“{mark}”没有对应的“{PAIRS[mark]}”"


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        if span.field in ("raw",):
            continue
        for at, what, mark, closer in find_unpaired(span.text):
            yield span.at(at, f"{_why(what, mark, closer)}（{span.text[max(0, at - 6):at + 8]}）；"
                              f"请补齐或改正")
