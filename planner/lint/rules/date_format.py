"""T005 date-format：日期写法不规范。

正文中的日期写作“2025年3月1日”，不用 `2025.3.1` `2025/3/1` `2025-3-1`，月、日不补零
（`2025年03月01日`）（GB/T 9704 7.3.5.4，GB/T 15835）。自动修复。

选项：无。

PASS:
    2025年6月30日前完成数据资源目录编制。

FAIL:
    2025/6/30前完成数据资源目录编制，2025年06月01日启动。
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "T005"
NAME = "date-format"
LEVEL = "error"
FIXABLE = True
FAULT = ("2025年6月底前建成", "2025/6/30前建成")
# 例：2025.3.1 / 2025/3/1 / 2025-3-1 (same separator twice)
NUMERIC_DATE_RE = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<s>[./\-])(?P<m>\d{1,2})(?P=s)"
                             r"(?P<d>\d{1,2})(?![\d.])")
# 例：2025年03月01日 / 3月05日
PADDED_RE = re.compile(r"(?:(?<=年)|(?<=月))0(?P<n>\d)(?=[月日])")
SCREEN = (re.compile("[./-]"), re.compile("[年月]0"))


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.prose():
        for match in NUMERIC_DATE_RE.finditer(span.text):
            month, day = int(match["m"]), int(match["d"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            new = f"{match['y']}年{month}月{day}日"
            yield span.at(match.start(), f"日期写法不规范（{match.group()}）；应写作“{new}”",
                          span.edit(match.start(), match.end(), new))
        for match in PADDED_RE.finditer(span.text):
            yield span.at(match.start(), f"日期中的月、日不补零（{match.group()}）；"
                                         f"应写作“{match['n']}”",
                          span.edit(match.start(), match.end(), match["n"]))
