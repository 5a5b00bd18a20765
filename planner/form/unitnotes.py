"""A bracket that lists unit names only, with no label or role word, closing a task's sentence:
a 责任单位 note whose units all lead. 例：…的场景应用(區市場局、區行政服務中心)。"""
from __future__ import annotations

from typing import Optional

from planner.form.organs import ORGAN_END_RE, is_organ
from planner.form.patterns import lazy
from planner.form.script import HAN
from planner.form.unitlists import read_units

# A bracket of unit names only that ends a task's sentence, or its paragraph after the 。: a note
# whose units all lead. The first name opens with its level (a 区's 局, a 市's 中心) or 各, so a
# gloss (`机房(数据中心)`, `住所(经营场所)`) is none. 例：…的场景应用(區市場局、區行政服務中心)。 /
# …等要求。(各县(区、市)人民政府、开发区管委会、市直各单位)
# How a unit's name opens: its level (a 市's 局, a 区's 中心) or 各. 例：区数据局 / 各街镇
UNIT_LEVEL = "(?:省|市|区|县|州|镇|各)"
UNIT_NAME_RE = lazy(rf"^{UNIT_LEVEL}[{HAN}()（）、]{{1,20}}$")
OTHER_NAME_RE = lazy(rf"^[{HAN}()（）、]{{2,24}}$")
# …or a group of them. 例：市直各单位 / 相关区
UNIT_LIST_END_RE = lazy(r"(?:单位|部门|街镇|街道|乡镇|国企|企业|(?:相关|有关|各)(?:区|县|市|区县))$")
UNITS_ONLY_MAX = 60


def units_only(keys: str, begin: int, end: Optional[int]) -> bool:
    """The bracket at `begin` lists unit names only and ends a task's sentence (after text
    that is no name, before its 。 or ；), or is all the task's text after its run-in title
    (`4.加强科学普及。（市委网信办、市科委、市科协）`)."""
    if end is None or end - begin > UNITS_ONLY_MAX:
        return False
    if begin == 0:  # the whole paragraph: the body of a task whose run-in title said what it is
        return not keys[end:].strip() and is_unit_list(keys[1:end - 1])
    closes = keys[end:end + 1] in ("。", "；", ";") or (keys[begin - 1] == "。" and not keys[end:].strip())
    if not closes or not keys[begin - 1].strip() or is_organ(keys[max(0, begin - 8):begin].strip()):
        return False
    return is_unit_list(keys[begin + 1:end - 1])


def is_unit_list(inner: str) -> bool:
    names = [name for name, _, _ in read_units(inner)]
    return (bool(names) and UNIT_NAME_RE.match(names[0]) is not None
            and all(OTHER_NAME_RE.match(name) and (ORGAN_END_RE.search(name.removesuffix("等"))
                                                   or UNIT_LIST_END_RE.search(name.removesuffix("等")))
                    for name in names))
