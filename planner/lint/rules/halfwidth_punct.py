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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.text import CJK, HALF_TO_FULL

CODE = "P001"
NAME = "halfwidth-punct"
LEVEL = "error"
FIXABLE = True
FAULT = ("成立工作专班，", "成立工作专班,")
CJK_OR_FULL_RE = re.compile(f"[{CJK}，。、；：？！（）“”‘’《》〈〉【】—…]")
HALF_RE = re.compile(r"[,;:?!()]|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff（(“]|$)")
SCREEN = re.compile(r"[,;:?!().]")  # any finding has one of these (engine.screened_spans)


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _chinese(ch: str) -> bool:
    return bool(ch) and CJK_OR_FULL_RE.match(ch) is not None


def _neighbours(text: str, i: int) -> tuple[str, str]:
    j, k = i - 1, i + 1
    while j >= 0 and text[j] == " ":
        j -= 1
    while k < len(text) and text[k] == " ":
        k += 1
    return (text[j] if j >= 0 else ""), (text[k] if k < len(text) else "")


def _flag(text: str, i: int) -> bool:
    ch = text[i]
    before, after = _neighbours(text, i)
    if ch == ".":
        return True
    if ch in "?!":
        return _chinese(before) and before not in "：:、，,（("
    if ch == "(":
        return _chinese(before) or _chinese(after)
    if ch == ")":
        return _chinese(before) or _chinese(after)
    return _chinese(before) or _chinese(after)


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        text = span.text
        for match in HALF_RE.finditer(text):
            i = match.start()
            if not _flag(text, i):
                continue
            ch = text[i]
            full = "。" if ch == "." else HALF_TO_FULL[ch]
            yield span.at(i, f"中文中应使用全角标点（{text[max(0, i - 6):i + 6]}）；"
                             f"请把“{ch}”改为“{full}”", span.edit(i, i + 1, full))
