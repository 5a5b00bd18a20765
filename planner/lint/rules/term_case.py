"""M007 term-case：技术名词的大小写不对。

`5g` `ipv6` `nb-iot` `h5` `bim` 等是网页转抄把字母改成小写造成的，应写作 `5G` `IPv6` `NB-IoT`
`H5` `BIM`。可用选项追加名词。自动修复。

选项：`terms`，追加的规范写法列表，如 `[CIM, OFD]`。

PASS:
    推进5G、IPv6和NB-IoT网络建设，推广BIM技术。

FAIL:
    推进5g、ipv6和nb-iot网络建设，推广bim技术。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.terms import find_term_case
from planner.lint.problem import Problem

CODE = "M007"
NAME = "term-case"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    terms: list[str] = []


def SCREEN(text: str, options: Options) -> Iterator[int]:  # noqa: N802 (the screen's name)
    """Where a term is written in a case other than its own (engine.lint_draft screens by it)."""
    return (spot.start for spot in find_term_case(text, options.terms))


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for start, end, want in find_term_case(span.text, options.terms):
            yield span.at(start, f"名词大小写不规范（{span.text[start:end]}）；应写作“{want}”",
                          span.edit(start, end, want))
