"""Years: written in full with four digits (GB/T 15835), and a range of years or months joined
by a 一字线 — (GB/T 15834). The patterns every module reads a year with."""
from __future__ import annotations

from typing import Iterator

from planner.form.patterns import lazy
from planner.form.ranges import NOT_TIME_DASH, RANGE_SEP, between_digits
from planner.form.spots import Spot

# The digits of a year. 例：2024
YEAR = r"(?:19|20)\d{2}"
# A year the text states: before 年, or first of a range that ends in 年. 例：2024年 /
# 2024—2026年 (2024, and 2026 after it); not 12024年
YEAR_RE = lazy(rf"(?<![0-9０-９])(?P<y>{YEAR})(?=\s*年|\s*{RANGE_SEP}\s*{YEAR}\s*年)")
# A year written bare, as titles do. 例：数字威海2021行动方案
BARE_YEAR_RE = lazy(rf"(?<!\d)(?P<y>{YEAR})(?!\d)")
# A year or a range of years, with or without 年: what a policy's wording moves on from. 例：
# 2024—2026年 / 2021年 / 2023
YEAR_SPAN_RE = lazy(rf"{YEAR}(?:\s*{RANGE_SEP}\s*{YEAR})?\s*年?")
# A range whose second year lost its century. 例：2024-26年 / 2024—26年
SHORT_RANGE_RE = lazy(rf"(?P<a>{YEAR})\s*{RANGE_SEP}\s*(?P<b>\d{{2}})(?=\s*年)")
# A two-digit year before a month. 例：24年3月
SHORT_YEAR_RE = lazy(r"(?<![\d.０-９])(?P<b>[0-4]\d)(?=年\d{1,2}月)")
SHORT_YEAR_SCREEN = lazy(rf"(?<![\d.０-９])[0-4]\d年\d|\d\s*{RANGE_SEP}\s*\d\d\s*年")
# A range of years or months not joined by —. 例：2024-2026年 / 2024~2026 / 3-5月
TIME_RANGE_RE = lazy(rf"(?<![\d.])(?:(?P<y1>{YEAR})\s*{NOT_TIME_DASH}\s*(?P<y2>{YEAR})"
                     rf"|(?P<m1>\d{{1,2}})\s*{NOT_TIME_DASH}\s*(?P<m2>\d{{1,2}})(?=\s*月))")
TIME_RANGE_SCREEN = between_digits(NOT_TIME_DASH)


def find_short_years(text: str) -> Iterator[Spot]:
    """Years written with two digits: `2024-26年` → `2024—2026`, `24年3月` → `2024年3月`."""
    spots = [Spot(m.start(), m.end(), f"{m['a']}—{m['a'][:2]}{m['b']}")
             for m in SHORT_RANGE_RE.finditer(text)]
    spots += [Spot(m.start(), m.end(), "20" + m["b"]) for m in SHORT_YEAR_RE.finditer(text)]
    return iter(sorted(spots))


def find_time_ranges(text: str, months: bool = True) -> Iterator[Spot]:
    """Ranges of years (and of months) not joined by —: `2024-2026` → `2024—2026`."""
    for match in TIME_RANGE_RE.finditer(text):
        if match["y1"]:
            yield Spot(match.start(), match.end(), f"{match['y1']}—{match['y2']}")
        elif months:
            yield Spot(match.start(), match.end(), f"{match['m1']}—{match['m2']}")
