"""D002 citation-order：引用公文只写了文号，或文号写在标题前。

引用公文先引标题，后引发文字号，文号加圆括号：`根据国办发〔2024〕3号文件` 应为
`根据《国务院办公厅关于…的通知》（国办发〔2024〕3号）`（《党政机关公文处理工作条例》惯例）。

选项：无。

PASS:
    根据《国务院办公厅关于加快推进政务服务标准化规范化便利化的指导意见》（国办发〔2022〕5号）要求。

FAIL:
    根据国办发〔2022〕5号文件要求，结合本市实际。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.docnumber import SCREEN, find_citations  # noqa: F401 (SCREEN: the engine's)
from planner.lint.problem import Problem

CODE = "D002"
NAME = "citation-order"
LEVEL = "warning"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for how, at, number in find_citations(span.text):
            if how == "bare":
                yield span.at(at, f"引用公文应先写标题（{number}）；请写作“《标题》（{number}）”")
            else:
                yield span.at(at, f"发文字号应写在标题之后（{number}）；请写作“《标题》（{number}）”")
