"""Dates: written 2025年3月1日 with Arabic digits and no zero padding (GB/T 9704 7.3.5.4,
GB/T 15835), never 2025.3.1 or 2025/3/1, and a date that exists."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterator, Optional

from planner.form.numerals import cn_to_int
from planner.form.patterns import lazy
from planner.form.spots import Spot
from planner.form.years import YEAR

# A whole line that is a date. 例：2024年5月31日 / 二〇二四年五月三十一日
DATE_LINE_RE = lazy(r"^\s*(?P<y>\d{4}|[〇○零一二三四五六七八九Ｏ]{4})\s*年\s*"
                    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
                    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$")
# A date with a separator. 例：2025.3.1 / 2025/3/1 / 2025-3-1 (the same separator twice)
NUMERIC_DATE_RE = lazy(rf"(?<![\d.])(?P<y>{YEAR})(?P<s>[./\-])(?P<m>\d{{1,2}})(?P=s)"
                       r"(?P<d>\d{1,2})(?![\d.])")
# A zero before a month or a day. 例：2025年03月01日 / 3月05日
PADDED_RE = lazy(r"(?:(?<=年)|(?<=月))0(?P<n>\d)(?=[月日])")
# Where a date may be written wrong: digits around a separator, a zero after 年 or 月.
DATE_FORM_SCREEN = lazy(r"\d[./-]\d|[年月]0\d")
# A month, with its year and day where written. 例：2025年2月30日 / 4月31日 / 13月
MONTH_DATE_RE = lazy(rf"(?:(?P<y>{YEAR})\s*年\s*)?(?<![\d.])(?P<m>\d{{1,2}})\s*月"
                     r"(?:\s*(?P<d>\d{1,2})\s*日)?")
MONTH_SCREEN = lazy("月")
# A month range's first half is not a month on its own. 例：3—5月 / 1-13月
RANGE_BEFORE = "-—–~～至到"
LEAP_YEAR = 2024  # a date without its year: 2月29日 may exist
ISSUE_DATE_MAX = 14  # 二〇二四年十二月三十一日 and its spaces
# A 成文日期 whose 年 and 月 a web page lost. 例：2021416 / 2018213日 (read when one day fits)
RUN_DATE_RE = lazy(r"^(?P<y>(?:19|20)\d{2})(?P<md>\d{2,4})日?$")
# A portal's date field. 例：2023-02-13 / 2025年09月18日 / 2022-06-13 08:54:33
FIELD_DATE_RE = lazy(rf"^(?P<y>{YEAR})\s*[-./年]\s*(?P<m>\d{{1,2}})\s*[-./月]\s*(?P<d>\d{{1,2}})日?")
# A 成文日期 at the end of a 署名 line. 例：东营市人民政府2021年12月13日
TRAILING_DATE_RE = lazy(r"(?P<date>(?:\d{4}|[〇○零一二三四五六七八九ＯO]{4})年"
                        r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
                        r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)$")


def parse_date(text: str) -> Optional[dt.date]:
    """A whole-line date `2024年5月31日` (or in Chinese numerals) → date; None otherwise."""
    match = DATE_LINE_RE.match(text)
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


def read_issue_date(key: str) -> Optional[dt.date]:
    """A 成文日期 read off a line's key (planner.form.keys: no spaces): `2024年5月31日`,
    `二○○九年十月十五日`, `2021年06月09日`, or digits that lost 年 and 月 when only one date
    fits them unpadded (`2021416` → 2021-4-16; `2022109` → 2022-10-9; `2021111` is left unread)."""
    found = parse_date(key.replace("O", "〇"))
    if found is not None or len(key) > ISSUE_DATE_MAX:
        return found
    match = RUN_DATE_RE.match(key)
    if match is None:
        return None
    year, digits = int(match["y"]), match["md"]
    cuts = [cut for cut in (1, 2) if 0 < cut < len(digits) and len(digits) - cut <= 2
            and _date(year, int(digits[:cut]), int(digits[cut:])) is not None]
    unpadded = [cut for cut in cuts if digits[0] != "0" and digits[cut] != "0"]
    if len(cuts) > 1 and len(unpadded) == 1:
        cuts = unpadded  # 公文 dates are not zero-padded: 2022109 is 10月9日, not 1月09日
    return _date(year, int(digits[:cuts[0]]), int(digits[cuts[0]:])) if len(cuts) == 1 else None


def read_field_date(text: str) -> Optional[dt.date]:
    """The date of a portal's field (`2023-02-13`, `2025年09月18日`), None when none."""
    match = FIELD_DATE_RE.match(text.strip())
    return _date(int(match["y"]), int(match["m"]), int(match["d"])) if match else None


def _date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_date(value: dt.date) -> str:
    """2024-05-31 → `2024年5月31日` (Arabic numerals, no zero padding: GB/T 9704)."""
    return f"{value.year}年{value.month}月{value.day}日"


def last_day(year: int, month: int) -> Optional[int]:
    """The last day of a month by the calendar; None for no such month."""
    return calendar.monthrange(year, month)[1] if 1 <= month <= 12 else None


def find_numeric_dates(text: str) -> Iterator[Spot]:
    """Dates with separators: `2025/6/30` → `2025年6月30日` (a month or day out of range is
    not a date: `2025.13.5` is left alone)."""
    for match in NUMERIC_DATE_RE.finditer(text):
        month, day = int(match["m"]), int(match["d"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            yield Spot(match.start(), match.end(), f"{match['y']}年{month}月{day}日")


def find_padded_dates(text: str) -> Iterator[Spot]:
    """A month or day with a leading zero: `年03月` → the 0 dropped."""
    for match in PADDED_RE.finditer(text):
        yield Spot(match.start(), match.end(), match["n"])


def find_invalid_dates(text: str) -> Iterator[tuple[Spot, int, int, Optional[int]]]:
    """Dates that do not exist, with (month, day, last day of the month or None): `4月31日`,
    `2025年2月29日` (the year decides a leap day; without one it may exist), `13月`."""
    for match in MONTH_DATE_RE.finditer(text):
        if not match["y"] and _after_range(text, match.start()):
            continue
        year = int(match["y"]) if match["y"] else LEAP_YEAR
        month, day = int(match["m"]), int(match["d"] or 0)
        last = last_day(year, month)
        if last is None or (day and not 1 <= day <= last):
            yield Spot(match.start(), match.end()), month, day, last


def find_issue_date(text: str) -> Optional[Spot]:
    """A line that is a date in Chinese numerals (a 成文日期 as the old rules wrote it):
    `二〇二五年三月一日` → `2025年3月1日`."""
    stripped = text.strip()
    if not stripped or stripped[0].isdigit() or len(stripped) > ISSUE_DATE_MAX:
        return None
    date = parse_date(stripped)
    if date is None:
        return None
    start = text.index(stripped)
    return Spot(start, start + len(stripped), format_date(date))


def _after_range(text: str, at: int) -> bool:
    """Whether a range dash (and spaces) stands right before `at`."""
    at -= 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at >= 0 and text[at] in RANGE_BEFORE
