"""Chinese text primitives: numerals, numbering markers, dates, 发文字号, punctuation width."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from planner.form.numerals import CN_NUMERAL_CHARS, cn_to_int, int_to_cn  # noqa: F401 (moving)


# Half-width → full-width punctuation inside Chinese text (GB/T 15834).
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FULL_TO_HALF = {v: k for k, v in HALF_TO_FULL.items()}
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
# 例：5.0版本 / 44.1kw — a dot between digits is a decimal point, never 。
DECIMAL_RE = re.compile(r"\d\.\d")


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None


HALF_PUNCT_RE = re.compile(r"[,:;?!()]")


def to_fullwidth_punct(text: str) -> str:
    """`完成,责任单位:` → `完成，责任单位：`. Punctuation between two ASCII word characters
    (`1:1000`, `10:30`, `a,b`) and decimal points are left alone."""
    if HALF_PUNCT_RE.search(text) is None:
        return text
    return HALF_PUNCT_RE.sub(lambda match: _full(text, match.start()), text)


def _full(text: str, i: int) -> str:
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch in ",:;" and _ascii_word(before) and _ascii_word(after) and not has_cjk(before):
        return ch
    return HALF_TO_FULL[ch]


def _ascii_word(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


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


def split_sentences(text: str) -> list[str]:
    """Split after 。！？； (full or half width) keeping the marks; closing quotes and
    brackets that follow a mark stay with their sentence."""
    sentences, start, i = [], 0, 0
    while i < len(text):
        if text[i] in "。！？!?；;":
            j = i + 1
            while j < len(text) and text[j] in "”’」』）)":
                j += 1
            sentences.append(text[start:j])
            start = i = j
            continue
        i += 1
    if start < len(text):
        sentences.append(text[start:])
    return sentences


def to_curly_quotes(text: str) -> str:
    """Straight double quotes in Chinese text → “…” (alternating open/close)."""
    if '"' not in text or not has_cjk(text):
        return text
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


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
