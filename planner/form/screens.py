"""Which texts may break a fixable convention: the quick looks that let clean text through
untouched. A plan's texts are looked at together, joined, with scans that run in C: one for
the rare characters, one for a few short sequences (。。, IPV6), then patterns that open on one
literal character (年, 至, 千, .), which the regex engine skips to. tests/test_form_fix.py holds
the screen to fix: a text it lets through, fix leaves as it is."""
from __future__ import annotations

import re
from bisect import bisect_right

from planner.form.patterns import lazy
from planner.form.terms import SHOUTED_TERMS

# Characters only a text with something to fix (or a bracketed aside) has: half-width marks,
# straight and corner quotes, ellipses, spaces, full-width letters and digits, small Latin
# letters (a term in the wrong case has one), dashes, brackets. 例：, / " / ５ / 5g / 〔
RARE_RE = lazy(r'[,;:?!()"「」『』…⋯０-９Ａ-Ｚａ-ｚa-z \u3000\t\-－~～–―/〔\[［【（(﹝]')
# Doubled marks (P004, P003), 顿号 after a quote (P005), a padded month (T005), 附件 (D003),
# and the terms a text writes all in capitals (IPV6).
PARTS = ("。。", "，，", "、、", "；；", "：：", "！！", "？？", "》、", "”、", "年0", "月0", "附件",
         *SHOUTED_TERMS)
# Any of them, in one scan (21 str.find over the joined texts took twice as long). 例：。。 / IPV6
PARTS_RE = lazy("|".join(map(re.escape, PARTS)))
# Patterns that open on one literal character. 例：24年3月 / 3至5万 / 2024—26年 / 5千 / 完成.推进 /
# 2025.3.1 / 二〇二五年
LITERAL_RES = (lazy(r"年(?<=[0-4]\d年)(?<![\d.０-９]\d\d年)\d"),
               *(lazy(rf"{word}(?<=\d{word})") for word in "至到—千百"),
               lazy(r"\.(?<=[\u4e00-\u9fff\d.]\.)"),
               lazy(r"年(?<=[〇○零一二三四五六七八九Ｏ]{4}年)"))


def flagged(texts: list[str]) -> set[int]:
    """Indexes of the texts the screen lets through."""
    joined = "\n".join(texts)
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    hits: set[int] = set()
    for pattern in (RARE_RE, PARTS_RE, *LITERAL_RES):
        _scan(pattern, joined, starts, hits)
    return hits


def _scan(pattern: re.Pattern, joined: str, starts: list[int], hits: set[int]) -> None:
    """Every text `pattern` matches in; after a hit the search goes on from the next text."""
    position, last = 0, len(starts) - 1
    while (match := pattern.search(joined, position)) is not None:
        index = bisect_right(starts, match.start()) - 1
        hits.add(index)
        if index >= last:
            return
        position = starts[index + 1]


def suspect(text: str) -> bool:
    """Whether fix may change `text` (the same looks, on one text)."""
    return (RARE_RE.search(text) is not None or PARTS_RE.search(text) is not None
            or any(pattern.search(text) for pattern in LITERAL_RES))
