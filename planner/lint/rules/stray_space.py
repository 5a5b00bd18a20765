"""P007 stray-space：多余的空格。

公文正文中汉字之间、汉字与数字或字母之间、全角标点前后都不加空格：`到 2026 年 ，` 应为
`到2026年，`。网页转抄时“互联网+监管”的“+”常丢成空格（`互联网 监管`），这种情况提示补回“+”。
自动修复：标点前后、汉字与数字之间的空格删去；“互联网”之后的空格改为“+”；
汉字之间、字母与汉字之间的空格只提示（可能是丢失的“+”，需人工判断）。
公文自己的两种空格不算：联合发文的机关名称之间（`国家卫生健康委 教育部关于印发…`、`中共中央 国务院关于…`），
段首条款序号之后（`第一条 为规范…`）。

选项：无。

PASS:
    到2026年，建成“互联网+监管”平台，新建5G基站200个。
    国家卫生健康委 教育部关于印发《…》的通知

FAIL:
    到 2026 年 ，建成互联网 监管平台。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.punctuation import SPACE_SCREEN, find_spaces
from planner.lint.problem import Problem

CODE = "P007"
NAME = "stray-space"
LEVEL = "error"
FIXABLE = True
SCREEN = SPACE_SCREEN


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        text = span.text
        for start, end, new in find_spaces(text):
            seen = text[max(0, start - 4):end + 4]
            if new == "+":
                yield span.at(start, f"多余的空格（{seen}），可能丢失了“+”；"
                                     f"应写作“{text[start - 3:start]}+”", span.edit(start, end, new))
            elif new == "":
                yield span.at(start, f"多余的空格（{seen}）；请删去空格", span.edit(start, end, new))
            else:
                yield span.at(start, f"词语之间有空格（{seen}）；请删去空格，"
                                     f"若原文是“+”（如“互联网+政务服务”）请补回")
