"""D004 abbrev-first-use：简称在定义之前使用，或重复定义。

简称在第一次出现全称时定义：“国家发展和改革委员会（以下简称国家发展改革委）”。在定义之前
已经使用简称，或同一简称定义了两次，都要调整。

选项：无。

PASS:
    《数字某市2025年行动方案》（以下简称《方案》）已经市政府同意。
    请按照《方案》要求抓好落实。

FAIL:
    请按照《方案》要求抓好落实。
    《数字某市2025年行动方案》（以下简称《方案》）已经市政府同意。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "D004"
NAME = "abbrev-first-use"
LEVEL = "warning"
FIXABLE = False
# 例：（以下简称《方案》） / (以下简称“数字政府”) / （以下简称市发展改革委）
DEFINE_RE = re.compile(r"[（(]以下简称[:：]?\s*(?P<short>[《“]?[^）)”》]{1,20}[》”]?)[）)]")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    spans = list(draft.prose())
    defined: dict[str, tuple] = {}
    for index, span in enumerate(spans):
        for match in DEFINE_RE.finditer(span.text):
            short = match["short"].strip("“”")
            if short in defined:
                yield span.at(match.start(), f"简称重复定义（{short}）；只在第一次出现时定义")
                continue
            defined[short] = (index, match.start())
    for short, (index, at) in defined.items():
        for earlier in spans[:index]:
            where = earlier.text.find(short)
            if where >= 0:
                yield earlier.at(where, f"简称在定义之前使用（{short}）；请在第一次出现处写全称并定义简称")
                break
