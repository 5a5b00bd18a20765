"""完成时限: when a task is due, as a plan writes it (`2025年底前`, `2025年6月底前`, `年内`,
`长期坚持`). One grammar: the 分工表 reads a task's deadline with it, and lint judges the
deadlines it finds (stale ones, tasks with none). Nothing is invented: a text that states no
time has none, and a day the calendar does not have (2月30日) is due on no date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from planner.form.dates import last_day
from planner.form.patterns import lazy
from planner.form.years import YEAR

BEFORE = r"(?:前|之前|以前)"
# Most specific first. 例：2025年6月30日前 / 2025年6月底前 / 2025年上半年 / 2025年底前 /
# 到2025年， / 6月底前 / 年内 / 长期坚持
DEADLINE_RES = [
    ("date", lazy(rf"(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日\s*{BEFORE}")),
    ("month", lazy(rf"(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?:底|末)?\s*{BEFORE}")),
    ("half", lazy(rf"(?P<y>{YEAR})\s*年\s*(?P<h>上半年|下半年)")),
    # 截至2023年底 states a fact, not a time limit.
    ("year", lazy(rf"(?:(?<!截)(?:到|至|于))?(?<!截至)(?<!截止)(?P<y>{YEAR})\s*年\s*"
                  rf"(?:(?:底|末)(?:\s*{BEFORE})?|{BEFORE})")),
    ("year", lazy(rf"(?:到|至)(?P<y>{YEAR})年(?=[，,])")),
    ("month", lazy(rf"(?<!\d)(?P<m>\d{{1,2}})月(?:底|末){BEFORE}")),
    ("this_year", lazy(r"(?<!\d)(?:年内|年底前|年底|今年底|全年)")),
    ("ongoing", lazy(r"长期坚持|持续推进|持续开展|常态化推进|长期推进")),
]
# Any statement of time, however loose: a task that has none has no 完成时限.
# 例：2025年 / 6月 / 年底 / 第三季度 / 上半年 / 长期 / 持续 / 常态化 / 每年 / 前完成
TIME_STATED_RE = lazy(rf"{YEAR}\s*年|[一二三四五六七八九十\d]+月|年底|年内|年末|季度|上半年|下半年|"
                      r"长期|持续|常态化|每年|逐年|前完成|底前")


@dataclass(frozen=True)
class Deadline:
    """A time limit as written (`text`, at `start` in the text read) and, when it names one,
    the last day it allows; `dated` when the text names its year."""

    text: str
    due: Optional[dt.date] = None
    ongoing: bool = False
    start: int = 0
    dated: bool = False


def find_deadline(text: str, year: Optional[int] = None) -> Optional[Deadline]:
    """The first time limit stated in `text` (by kind, most specific first); `year` is the
    plan's year, for `年内` and `6月底前`."""
    for kind, pattern in DEADLINE_RES:
        match = pattern.search(text)
        if match:
            return _deadline(kind, match, year)
    return None


def find_deadlines(text: str, year: Optional[int] = None) -> Iterator[Deadline]:
    """Every time limit in `text`, in text order; where two readings overlap the more
    specific wins (`2025年6月底前` is one, not also `6月底前`)."""
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in DEADLINE_RES:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            found.append(_deadline(kind, match, year))
    return iter(sorted(found, key=lambda deadline: deadline.start))


def states_time(text: str) -> bool:
    """Whether `text` says when at all (a year, a month, 年底, 长期 …)."""
    return TIME_STATED_RE.search(text) is not None


def _deadline(kind: str, match: re.Match, year: Optional[int]) -> Deadline:
    groups = match.groupdict()
    return Deadline(match.group(0), _due(kind, groups, year), ongoing=kind == "ongoing",
                    start=match.start(), dated=bool(groups.get("y")))


def _due(kind: str, groups: dict, year: Optional[int]) -> Optional[dt.date]:
    y = int(groups["y"]) if groups.get("y") else year
    if y is None or kind == "ongoing":
        return None
    if kind in ("date", "month"):
        month = int(groups["m"])
        last = last_day(y, month)
        if last is None:
            return None
        day = int(groups["d"]) if kind == "date" else last
        return dt.date(y, month, day) if 1 <= day <= last else None
    if kind == "half":
        return dt.date(y, 6, 30) if groups["h"] == "上半年" else dt.date(y, 12, 31)
    return dt.date(y, 12, 31)
