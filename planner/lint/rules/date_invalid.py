"""T006 date-invalid：不存在的日期。

`2月30日` `4月31日` `13月` 这样的日期不存在，多为笔误；有年份时按该年判断闰年。

选项：无。

PASS:
    2025年4月30日前完成数据资源目录编制。

FAIL:
    2025年4月31日前完成数据资源目录编制。
"""
from __future__ import annotations

import calendar
import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "T006"
NAME = "date-invalid"
LEVEL = "error"
FIXABLE = False
FAULT = ("2025年9月底前", "2025年9月31日前")
# 例：2025年2月30日 / 4月31日 / 13月
DATE_RE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?<![\d.])(?P<m>\d{1,2})\s*月"
                     r"(?:\s*(?P<d>\d{1,2})\s*日)?")
# A month range's first half is not a month on its own: 例：3—5月 / 1-13月 (handled by T004)
AFTER_RANGE_RE = re.compile(r"[-—–~～至到]\s*$")
SCREEN = re.compile("月")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _why(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"没有{month}月"
    last = calendar.monthrange(year, month)[1]
    if day and not 1 <= day <= last:
        return f"{month}月只有{last}天"
    return ""


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in DATE_RE.finditer(span.text):
            if not match["y"] and AFTER_RANGE_RE.search(span.text[:match.start()]):
                continue
            year = int(match["y"]) if match["y"] else 2024  # a leap year: 2月29日 stays valid
            why = _why(year, int(match["m"]), int(match["d"] or 0))
            if why:
                yield span.at(match.start(), f"日期不存在（{match.group()}）：{why}；请核对日期")
