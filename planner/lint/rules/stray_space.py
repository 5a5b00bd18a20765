"""P007 stray-space：多余的空格。

公文正文中汉字之间、汉字与数字或字母之间、全角标点前后都不加空格：`到 2026 年 ，` 应为
`到2026年，`。网页转抄时“互联网+监管”的“+”常丢成空格（`互联网 监管`），这种情况提示补回“+”。
自动修复：标点前后、汉字与数字之间的空格删去；“互联网”之后的空格改为“+”；
汉字之间、字母与汉字之间的空格只提示（可能是丢失的“+”，需人工判断）。

选项：无。

PASS:
    到2026年，建成“互联网+监管”平台，新建5G基站200个。

FAIL:
    到 2026 年 ，建成互联网 监管平台。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.text import CJK

CODE = "P007"
NAME = "stray-space"
LEVEL = "error"
FIXABLE = True
FAULT = ("新建5G基站1000个，推进", "新建5G基站 1000个，推进")
FULL_PUNCT = "，。、；：？！（）“”‘’《》〈〉【】—…"
SPACE_RE = re.compile(r"(?<=\S)[ \u3000\t]+(?=\S)")
CHINESE = re.compile(f"[{CJK}{FULL_PUNCT}]")
PLUS_WORDS = ("互联网",)
SCREEN = re.compile("[ \u3000\t]")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _kind(ch: str) -> str:
    if re.match(f"[{CJK}]", ch):
        return "cjk"
    if ch in FULL_PUNCT:
        return "punct"
    return "digit" if ch.isdigit() else "other"


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        text = span.text
        for match in SPACE_RE.finditer(text):
            before, after = _kind(text[match.start() - 1]), _kind(text[match.end()])
            if "cjk" not in (before, after) and "punct" not in (before, after):
                continue
            seen = text[max(0, match.start() - 4):match.end() + 4]
            if text[:match.start()].endswith(PLUS_WORDS):
                yield span.at(match.start(), f"多余的空格（{seen}），可能丢失了“+”；"
                                             f"应写作“{text[match.start() - 3:match.start()]}+”",
                              span.edit(match.start(), match.end(), "+"))
            elif "punct" in (before, after) or {before, after} == {"cjk", "digit"}:
                yield span.at(match.start(), f"多余的空格（{seen}）；请删去空格",
                              span.edit(match.start(), match.end(), ""))
            else:
                yield span.at(match.start(), f"词语之间有空格（{seen}）；请删去空格，"
                                             f"若原文是“+”（如“互联网+政务服务”）请补回")
