"""Ranges of numbers: what joins the two ends (GB/T 15834: a 浪纹线 ～ between numbers, a
一字线 — between times) and that the first number keeps its unit (15%～30%, not 15~30%)."""
from __future__ import annotations

import re
from typing import Iterator

from planner.form.numbers import NUMBER
from planner.form.patterns import lazy
from planner.form.spots import Spot

# What a text writes between the two ends of a range, right or wrong. 例：2024-2026 / 3～5 / 10—20
DASHES = "-－~～—–―"
# …or a word. 例：3至5万 / 2024到2026年
RANGE_SEP = rf"(?:[{re.escape(DASHES)}]|至|到)"
# A hyphen standing for a range dash. 例：100-200亩
HYPHENS = "[-－]"
# What a range of times is wrongly joined by (GB/T 15834: a 一字线 —). 例：2024-2026 / 3~5月
NOT_TIME_DASH = "[-~～－–―]"


def between_digits(separator: str) -> re.Pattern:
    """Where a range joined by `separator` may stand: digits around it (a screen)."""
    return re.compile(rf"\d\s*{separator}\s*\d")


# The first number lost its unit. 例：15~30% / 5-10万元 / 3至5亿
RANGE_UNIT_RE = lazy(rf"(?<![\d.])(?P<a>{NUMBER})\s*{RANGE_SEP}\s*(?P<b>{NUMBER})\s*(?P<u>%|％|万|亿)")
RANGE_UNIT_SCREEN = between_digits(RANGE_SEP)
# A numeric range joined by a hyphen. 例：100-200亩 / 10－15个 — not 2024-2026年, 3-5月, 15-30%
NUMERIC_RANGE_RE = lazy(rf"(?<![\d.\-])(?P<a>{NUMBER})\s*{HYPHENS}\s*(?P<b>{NUMBER})"
                        r"(?!\d|\s*[年月日%％万亿.\-])(?=\s*[\u4e00-\u9fffA-Za-z])")
NUMERIC_RANGE_SCREEN = between_digits(HYPHENS)


def find_range_units(text: str) -> Iterator[Spot]:
    """Ranges whose first number lost its unit: `15~30%` → `15%～30%`."""
    for match in RANGE_UNIT_RE.finditer(text):
        unit = "%" if match["u"] in "%％" else match["u"]
        yield Spot(match.start(), match.end(), f"{match['a']}{unit}～{match['b']}{unit}")


def find_numeric_ranges(text: str) -> Iterator[Spot]:
    """Numeric ranges joined by a hyphen: `100-200亩` → `100～200亩`."""
    for match in NUMERIC_RANGE_RE.finditer(text):
        yield Spot(match.start(), match.end(), f"{match['a']}～{match['b']}")
