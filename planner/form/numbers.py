"""Arabic numbers in Chinese text: how one is written (half-width digits, a decimal point),
and letters and digits never full-width (GB/T 15835)."""
from __future__ import annotations

from typing import Iterator

from planner.form.patterns import lazy
from planner.form.spots import Spot

# A number as written: digits with an optional decimal part. 例：1000 / 3.35
NUMBER = r"\d+(?:\.\d+)?"
NUMBER_RE = lazy(NUMBER)
# Full-width digits and Latin letters. 例：２０２５年 / ＧＤＰ
FULLWIDTH_ALNUM_RE = lazy(r"[０-９Ａ-Ｚａ-ｚ]+")


def find_fullwidth_alnum(text: str) -> Iterator[Spot]:
    """Full-width digits and letters, with their half-width form (`２０２５` → `2025`)."""
    for match in FULLWIDTH_ALNUM_RE.finditer(text):
        yield Spot(match.start(), match.end(), "".join(chr(ord(ch) - 0xFEE0) for ch in match.group()))
