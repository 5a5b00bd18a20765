"""Numerals: Chinese numerals read and written (序号, 成文日期), and where a text uses the wrong
kind — Arabic digits for a fixed expression or an approximate number, Chinese numerals for a
measured quantity, Arabic digits with 千/百 (GB/T 15835)."""
from __future__ import annotations

from typing import Iterator, Optional

from planner.form.patterns import lazy
from planner.form.spots import Spot

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4,
             "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9, "○": 0, "Ｏ": 0, "O": 0}
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS)
DIGITS = "零一二三四五六七八九"

# 例：百分之二十 / 五千万元 / 三百亩 / 两千吨 (a measured quantity in Chinese numerals)
MEASURE_RE = lazy(r"百分之[零一二三四五六七八九十百点]+|"
                  r"[一二三四五六七八九两][十百千][零一二三四五六七八九十百千]*[万亿]?"
                  r"(?=元|亩|吨|公里|千米|平方米|立方米|千瓦|户|人次)")
MEASURE_SCREEN = lazy("[十百千]")
# 例：14五 / 十4五 (the 五年规划 are named in Chinese numerals: “十四五”)
FIVE_YEAR_RE = lazy(r"(?<!\d)1\d五|十\d五")
# 例：3、4个 / 5、6家 (two neighbouring numbers that approximate: 三四个)
APPROX_RE = lazy(r"(?<![\d.])(?P<a>\d)、(?P<b>\d)(?=[个家项次年天人名所座])")
FIXED_SCREEN = (lazy("五"), lazy(r"、\d"))
# 例：3千万元 / 5百人 — not 千米, 千瓦, 千伏, 百分点, 百姓. A run (5千百) is read at once, so one
# pass leaves nothing for the next.
QIAN_BAI_RE = lazy(r"(?<![\d.])(?P<n>\d+)(?P<u>(?:[千百](?![米瓦伏克兆分姓家余帕赫]))+)")
QIAN_BAI_SCREEN = lazy(r"\d[千百]")
SCALE = {"千": 1000, "百": 100}


def cn_to_int(text: str) -> Optional[int]:
    """`二十二` → 22, `十` → 10, `一〇五` → 105; None when `text` is not a Chinese numeral."""
    if not text or any(ch not in CN_DIGITS and ch not in CN_UNITS for ch in text):
        return None
    if not any(ch in CN_UNITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + CN_DIGITS[ch]
        return value
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def int_to_cn(value: int) -> str:
    """22 → `二十二`, 10 → `十`, 105 → `一百零五`, 1010 → `一千零一十`; a number of 10000
    or more is written in Arabic digits (no numbering marker goes that far)."""
    if value >= 10000:
        return str(value)
    if value >= 1000:
        return _with_head(value, 1000, "千")
    if value >= 100:
        return _with_head(value, 100, "百")
    if value < 10:
        return DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def _with_head(value: int, unit: int, word: str) -> str:
    """`一千零一十` / `一百零五`: a zero is read where a place is skipped, and 十 after a
    hundred or a thousand is said with its 一."""
    head, rest = divmod(value, unit)
    text = DIGITS[head] + word
    if rest == 0:
        return text
    if rest < unit // 10:
        text += "零"
    return text + ("一" + int_to_cn(rest) if 10 <= rest < 20 else int_to_cn(rest))


def find_cn_measures(text: str) -> Iterator[Spot]:
    """Measured quantities in Chinese numerals (百分之二十 → 20%); no one right form."""
    for match in MEASURE_RE.finditer(text):
        yield Spot(match.start(), match.end())


def find_arabic_fixed(text: str) -> Iterator[tuple[Spot, str]]:
    """Fixed expressions (`14五`) and approximate numbers (`3、4个`) in Arabic digits, each
    with its kind: `fixed` or `approx`."""
    for match in FIVE_YEAR_RE.finditer(text):
        yield Spot(match.start(), match.end()), "fixed"
    for match in APPROX_RE.finditer(text):
        if int(match["b"]) == int(match["a"]) + 1:
            yield Spot(match.start(), match.end()), "approx"


def find_qian_bai(text: str) -> Iterator[Spot]:
    """Arabic digits joined to 千/百 (`3千` → `3000`)."""
    for match in QIAN_BAI_RE.finditer(text):
        value = int(match["n"])
        for word in match["u"]:
            value *= SCALE[word]
        yield Spot(match.start(), match.end(), str(value))
