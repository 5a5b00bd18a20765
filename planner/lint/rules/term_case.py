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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "M007"
NAME = "term-case"
LEVEL = "error"
FIXABLE = True
FAULT = ("推进IPv6规模部署", "推进ipv6规模部署")
TERMS = ["5G", "4G", "IPv6", "IPv4", "NB-IoT", "IoT", "H5", "BIM", "CIM", "GIS", "AI", "API",
         "APP", "VR", "AR", "ICT", "IT", "GDP", "CPU", "GPU", "IDC", "ETC", "OA", "PC", "SaaS",
         "PaaS", "IaaS", "VPN", "WLAN", "Wi-Fi", "eSIM"]


# A maximal run of Latin letters, digits and hyphens: what the term pattern (bounded by anything
# but [A-Za-z0-9-]) matches, whole. Tried only where a run starts: `[…]*[A-Za-z][…]*` was tried
# at every digit of a long digit run and backtracked over the rest (100k digits: minutes).
# 例：ipv6 / 5g / NB-IoT
WORD_RE = re.compile(r"(?<![A-Za-z0-9\-])[A-Za-z0-9\-]+")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    terms: list[str] = []


def SCREEN(text: str, options: Options) -> Iterator[int]:  # noqa: N802 (the screen's name)
    """Where a term is written in a case other than its own (engine.lint_draft screens by it)."""
    table = {t.lower(): t for t in TERMS + options.terms}
    for match in WORD_RE.finditer(text):
        want = table.get(match.group().lower())
        if want is not None and want != match.group():
            yield match.start()


def check(draft, options: Options) -> Iterator[Problem]:
    table = {t.lower(): t for t in TERMS + options.terms}
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![A-Za-z0-9\-])(" + "|".join(re.escape(w) for w in words) +
                         r")(?![A-Za-z0-9\-])", re.I)
    for span in draft.prose():
        for match in pattern.finditer(span.text):
            want = table[match.group().lower()]
            if match.group() == want:
                continue
            yield span.at(match.start(), f"名词大小写不规范（{match.group()}）；应写作“{want}”",
                          span.edit(match.start(), match.end(), want))
