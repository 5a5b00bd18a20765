"""Chinese text primitives: numerals, numbering markers, dates, 发文字号, punctuation width."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from planner.form.numerals import CN_NUMERAL_CHARS, cn_to_int, int_to_cn  # noqa: F401 (moving)


from planner.form.punctuation import FULL_TO_HALF, find_halfwidth, split_sentences  # noqa: F401
from planner.form.quotes import find_quotes
from planner.form.script import CJK, has_cjk  # noqa: F401
from planner.form.spots import apply


def to_fullwidth_punct(text: str) -> str:
    return apply(text, find_halfwidth(text, stops=False))


def width_key(text: str) -> str:
    """Comparison key that ignores punctuation width, year-range dashes and whitespace."""
    table = str.maketrans(FULL_TO_HALF)
    return re.sub(r"\s+", "", normalize_year_ranges(text).translate(table))


# 例：2024年5月31日 / 二〇二四年五月三十一日
DATE_RE = re.compile(r"^\s*(?P<y>\d{4}|[〇○零一二三四五六七八九Ｏ]{4})\s*年\s*"
                     r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
                     r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$")


def parse_date(text: str) -> Optional[dt.date]:
    """A whole-line date `2024年5月31日` (or in Chinese numerals) → date; None otherwise."""
    match = DATE_RE.match(text)
    if not match:
        return None
    parts = []
    for key in ("y", "m", "d"):
        raw = match.group(key)
        parts.append(int(raw) if raw.isdigit() else cn_to_int(raw))
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except (TypeError, ValueError):
        return None


def format_date(value: dt.date) -> str:
    """2024-05-31 → `2024年5月31日` (Arabic numerals, no zero padding: GB/T 9704)."""
    return f"{value.year}年{value.month}月{value.day}日"


# 例：东政办字〔2022〕36号 / 鲁政办字[2022]28号 / 数字强市办发〔2021〕1号
DOC_NUMBER_RE = re.compile(r"(?P<org>[\u4e00-\u9fff]{1,12}?)\s*[〔\[［【（(]\s*(?P<year>\d{4})\s*"
                           r"[〕\]］】）)]\s*第?\s*0*(?P<seq>\d{1,5})\s*号")


def normalize_doc_number(text: str) -> Optional[str]:
    """`东政办字[2022]036号` → `东政办字〔2022〕36号`; None when not a 发文字号."""
    match = DOC_NUMBER_RE.fullmatch(text.strip())
    if not match:
        return None
    return f"{match['org']}〔{match['year']}〕{int(match['seq'])}号"


def to_curly_quotes(text: str) -> str:
    return apply(text, find_quotes(text, corners=False))


# 例：2024-2026年 / 2024~2026年 / 2024－2026年 (a year range joins with a 一字线 —)
YEAR_RANGE_RE = re.compile(r"(?<!\d)(\d{4})[-－~～–](\d{4})(?=年)")


def normalize_year_ranges(text: str) -> str:
    """`2024-2026年` → `2024—2026年` (GB/T 15834: 一字线 between years)."""
    return YEAR_RANGE_RE.sub(r"\1—\2", text)


def normalize_text(text: str) -> str:
    """公文 form of a text run: full-width punctuation, curly quotes, year ranges with —.
    Every step maps one character to one character, so offsets survive normalisation."""
    if NORMALIZED_RE.search(text) is None or not has_cjk(text):
        return text
    return normalize_year_ranges(to_curly_quotes(to_fullwidth_punct(text)))


# Any character normalize_text may change; text without one is already in 公文 form.
NORMALIZED_RE = re.compile(r'[,:;?!()"\-－~～–]')
