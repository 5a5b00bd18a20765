"""Text keys for the library: search normalisation, character bigrams, and the masked form
near-duplicate detection compares (years, numbers and place names hidden)."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from planner.form.numbers import NUMBER
from planner.form.ranges import RANGE_SEP
from planner.form.years import YEAR_SPAN_RE

WORD_RE = re.compile(r"[\u4e00-\u9fffa-z0-9]+")
# A number or a range of numbers, not inside a Latin word (5g keeps its digit: it is a name).
# 例：1000 / 3.35 / 1-2
NUMBER_SPAN_RE = re.compile(rf"(?<![a-z]){NUMBER}(?:\s*{RANGE_SEP}\s*{NUMBER})?(?![a-z])")
# Place names of the province the corpus comes from; a document's own region is added to
# these when it is mined. Longest first so 青岛市 wins over 青岛.
PLACES = ("山东省", "山东", "济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安",
          "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽", "即墨", "黄岛", "崂山", "李沧",
          "城阳", "胶州", "平度", "莱西", "西海岸", "垦利", "广饶", "利津", "文登", "荣成", "乳山",
          "环翠", "东港", "岚山", "五莲", "莒县")
# 全市 / 我区 / 市直 … are the same policy whatever level writes them.
LEVEL_RE = re.compile(r"(?<=[全我本各])[省市区县]|[省市区县](?=[直属委政级])")


def normalize(text: str) -> str:
    """Width and case folded (`５Ｇ` / `5g` → `5g`); everything else kept."""
    return unicodedata.normalize("NFKC", text).lower()


def words(text: str) -> list[str]:
    """Runs of searchable characters in normalised text; punctuation and spaces split them."""
    return WORD_RE.findall(normalize(text))


def bigrams(text: str) -> list[str]:
    """Character bigrams of each run, in order, repeats kept (a one-character run is itself)."""
    grams: list[str] = []
    for run in words(text):
        if len(run) == 1:
            grams.append(run)
        else:
            grams.extend(run[i:i + 2] for i in range(len(run) - 1))
    return grams


def place_pattern(extra: Iterable[str] = ()) -> re.Pattern:
    names = set(PLACES)
    for name in extra:
        if name:
            names.add(name)
            names.add(re.sub(r"(市|区|县|省)$", "", name))
    names.discard("")
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?:%s)(?:市|区|县|省)?" % "|".join(map(re.escape, ordered)))


DEFAULT_PLACES = place_pattern()


def masked(text: str, places: re.Pattern = DEFAULT_PLACES) -> str:
    """The policy without its particulars: years → Y, numbers → N, places → P, punctuation gone.
    例：年内全市新建并开通5g基站2000个 → 年内全p新建并开通n基站n个 (5g keeps its digit: it is a name)."""
    text = normalize(text)
    text = places.sub("p", text)
    text = YEAR_SPAN_RE.sub("y", text)
    text = NUMBER_SPAN_RE.sub("n", text)
    text = LEVEL_RE.sub("", text)
    return "".join(WORD_RE.findall(text))


def shingles(text: str, size: int = 2) -> set[str]:
    """Character n-grams of a masked text (the whole text when shorter)."""
    if len(text) <= size:
        return {text} if text else set()
    return {text[i:i + size] for i in range(len(text) - size + 1)}
