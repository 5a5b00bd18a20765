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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "P006"
NAME = "unpaired-nesting"
LEVEL = "error"
FIXABLE = False
FAULT = ("《数字某市2025年行动方案》已经", "《数字某市2025年行动方案已经")
PAIRS = {"（": "）", "(": ")", "“": "”", "《": "》", "〈": "〉", "【": "】"}
CLOSE = {v: k for k, v in PAIRS.items()}
SCREEN = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSE)) + "]")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _scan(text: str) -> Iterator[tuple[int, str]]:
    stack: list[tuple[int, str]] = []
    for match in SCREEN.finditer(text):  # the brackets only
        i, ch = match.start(), match.group()
        if ch in PAIRS:
            if ch == "《" and any(c == "《" for _, c in stack):
                yield i, "书名号内的书名号应使用“〈〉”"
            stack.append((i, ch))
        elif ch in CLOSE:
            if stack and stack[-1][1] == CLOSE[ch]:
                stack.pop()
            elif any(c == CLOSE[ch] for _, c in stack):
                at, opener = stack.pop()
                yield at, f"“{opener}”与“{ch}”交叉嵌套"
                while stack and stack[-1][1] != CLOSE[ch]:
                    stack.pop()
                if stack:
                    stack.pop()
            else:
                yield i, f"“{ch}”没有对应的“{CLOSE[ch]}”"
    for at, opener in stack:
        yield at, f"“{opener}”没有对应的“{PAIRS[opener]}”"


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        if span.field in ("raw",):
            continue
        for at, why in _scan(span.text):
            yield span.at(at, f"{why}（{span.text[max(0, at - 6):at + 8]}）；请补齐或改正")
