"""P007 stray-space：多余的空格。

公文正文中汉字之间、汉字与数字或字母之间、全角标点前后都不加空格：`到 2026 年 ，` 应为
`到2026年，`。网页转抄时“互联网+监管”的“+”常丢成空格（`互联网 监管`），这种情况提示补回“+”。
自动修复（汉字之间的空格只在“互联网”之后补“+”，其余只提示）。

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


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        text = span.text
        for match in SPACE_RE.finditer(text):
            before, after = text[match.start() - 1], text[match.end()]
            if not (CHINESE.match(before) or CHINESE.match(after)):
                continue
            seen = text[max(0, match.start() - 4):match.end() + 4]
            both_cjk = re.match(f"[{CJK}]", before) and re.match(f"[{CJK}]", after)
            if both_cjk and text[:match.start()].endswith(PLUS_WORDS):
                yield span.at(match.start(), f"汉字之间有空格（{seen}），可能丢失了“+”；"
                                             f"应写作“{text[match.start() - 3:match.start()]}+{after}”",
                              span.edit(match.start(), match.end(), "+"))
            elif both_cjk:
                yield span.at(match.start(), f"汉字之间有空格（{seen}）；请删去空格，"
                                             f"若原文是“+”“、”等请补回")
            else:
                yield span.at(match.start(), f"多余的空格（{seen}）；请删去空格",
                              span.edit(match.start(), match.end(), ""))
