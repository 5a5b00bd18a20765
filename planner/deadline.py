"""完成时限 read from a clause's text: `2025年底前`, `2025年6月底前`, `年内`, `长期坚持`, `持续推进`.
Nothing is invented: a clause that states no time has none."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

# Most specific first. 例：2025年6月底前 / 2025年6月30日前 / 2025年底前 / 2025年上半年 / 年内 / 长期坚持
DEADLINE_RES = [
    ("date", re.compile(r"(?P<y>20\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:前|之前|以前)")),
    ("month", re.compile(r"(?P<y>20\d{2})年(?P<m>\d{1,2})月(?:底|末)?(?:前|之前|以前)")),
    ("half", re.compile(r"(?P<y>20\d{2})年(?P<h>上半年|下半年)")),
    # 截至2023年底 states a fact, not a time limit.
    ("year", re.compile(r"(?:(?<!截)(?:到|至|于))?(?<!截至)(?<!截止)(?P<y>20\d{2})年(?:底|末)(?:前|之前|以前)?")),
    ("year", re.compile(r"(?:到|至)(?P<y>20\d{2})年(?=[，,])")),
    ("month", re.compile(r"(?<!\d)(?P<m>\d{1,2})月(?:底|末)(?:前|之前|以前)")),
    ("this_year", re.compile(r"(?<!\d)(?:年内|年底前|年底|今年底|全年)")),
    ("ongoing", re.compile(r"长期坚持|持续推进|持续开展|常态化推进|长期推进")),
]


@dataclass(frozen=True)
class Deadline:
    """A time limit as written (`text`) and, when it names one, the last day it allows."""

    text: str
    due: Optional[dt.date] = None
    ongoing: bool = False


def find_deadline(text: str, year: Optional[int] = None) -> Optional[Deadline]:
    """The first time limit stated in `text` (by kind, most specific first); `year` is the
    plan's year, for `年内` and `6月底前`."""
    for kind, pattern in DEADLINE_RES:
        match = pattern.search(text)
        if match:
            return Deadline(match.group(0), _due(kind, match, year), ongoing=kind == "ongoing")
    return None


def _due(kind: str, match: re.Match, year: Optional[int]) -> Optional[dt.date]:
    groups = match.groupdict()
    y = int(groups["y"]) if groups.get("y") else year
    if y is None or kind == "ongoing":
        return None
    try:
        if kind == "date":
            return dt.date(y, int(groups["m"]), int(groups["d"]))
        if kind == "month":
            return _month_end(y, int(groups["m"]))
        if kind == "half":
            return dt.date(y, 6, 30) if groups["h"] == "上半年" else dt.date(y, 12, 31)
    except ValueError:
        return None
    return dt.date(y, 12, 31)


def _month_end(year: int, month: int) -> Optional[dt.date]:
    if not 1 <= month <= 12:
        return None
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)
