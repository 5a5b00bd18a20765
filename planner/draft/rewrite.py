"""Rewriting a reused clause for the outline: places and years moved to the outline's,
numbers turned into placeholders (or the outline's targets), nothing stale left silently."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from planner.draft.outline import Outline, OutlineTarget
from planner.mine.mask import PLACES
from planner.form.years import YEAR_RE
from planner.targets import QUANTITY_RE, normalize_metric

LEVEL_SUFFIX_RE = re.compile(r"(市|区|县|省)$")
# 全市 → 全区 when a city's clause is reused by a district.
LEVEL_WORDS = ("全{}", "我{}", "本{}")
SEGMENT_END = "，,；;。：:"  # an outline target's metric is looked for back to one of these
PLACEHOLDER = "【待填：{}】"


@dataclass
class Placeholder:
    """One thing the drafter must settle: kind 数值 / 年份 / 地名 / 责任单位 / 条款."""

    where: str
    kind: str
    original: str
    text: str

    def line(self) -> str:
        return f"{self.where}: {self.kind} {self.text}（原文：{self.original}）"


def short_name(region: str) -> str:
    """即墨区 → 即墨, 青岛市 → 青岛 (kept whole when nothing would remain)."""
    stripped = LEVEL_SUFFIX_RE.sub("", region)
    return stripped if len(stripped) >= 2 else region


def level(region: Optional[str]) -> Optional[str]:
    match = LEVEL_SUFFIX_RE.search(region or "")
    return match.group(1) if match else None


class Rewriter:
    """Rewrites clauses of one source document for the outline."""

    def __init__(self, outline: Outline, region: Optional[str], year: Optional[int]) -> None:
        self.outline = outline
        self.region, self.year = region, year
        self.keep = {short_name(outline.region), *map(short_name, outline.parents)}
        names = set(PLACES) | ({region, short_name(region)} if region else set())
        names |= {short_name(p) for p in outline.parents} | {short_name(outline.region)}
        ordered = sorted((n for n in names if n), key=len, reverse=True)
        self.places = re.compile(r"(?:%s)(?:市|区|县|省)?" % "|".join(map(re.escape, ordered)))

    def rewrite(self, text: str, where: str, targets: list[OutlineTarget]
                ) -> tuple[str, list[Placeholder]]:
        found: list[Placeholder] = []
        text = self.places.sub(lambda m: self._place(m, where, found), text)
        text = self._levels(text)
        text = YEAR_RE.sub(lambda m: self._year(m, where, found), text)
        text = self._numbers(text, where, targets, found)
        return text, found

    def _place(self, match: re.Match, where: str, found: list[Placeholder]) -> str:
        name = match.group(0)
        base = LEVEL_SUFFIX_RE.sub("", name) or name
        if self.region and base in (short_name(self.region), self.region):
            has_suffix = name != base
            return self.outline.region if has_suffix else short_name(self.outline.region)
        if base in self.keep or short_name(name) in self.keep:
            return name
        text = PLACEHOLDER.format(f"地名，原为{name}")
        found.append(Placeholder(where, "地名", name, text))
        return text

    def _levels(self, text: str) -> str:
        source, target = level(self.region), level(self.outline.region)
        if not source or not target or source == target:
            return text
        for pattern in LEVEL_WORDS:
            text = text.replace(pattern.format(source), pattern.format(target))
        return text

    def _year(self, match: re.Match, where: str, found: list[Placeholder]) -> str:
        year = int(match.group(1))
        if self.year is not None and year >= self.year:
            return str(year + self.outline.year - self.year)
        text = PLACEHOLDER.format(f"年份，原为{year}")
        found.append(Placeholder(where, "年份", f"{year}年", text))
        return text

    def _numbers(self, text: str, where: str, targets: list[OutlineTarget],
                 found: list[Placeholder]) -> str:
        out, last = [], 0
        for match in QUANTITY_RE.finditer(text):
            if text[match.end("value"):match.end("value") + 1] in "年月日号版时期":
                continue
            out.append(text[last:match.start()])
            out.append(self._number(text, match, last, where, targets, found))
            last = match.end()
        out.append(text[last:])
        return "".join(out)

    def _number(self, text: str, match: re.Match, previous: int, where: str,
                targets: list[OutlineTarget], found: list[Placeholder]) -> str:
        """The outline's value when one of its targets names this number, else a placeholder.
        The metric is looked for back to a clause mark or the previous number."""
        original = match.group(0)
        start = max([previous - 1] + [text.rfind(mark, 0, match.start()) for mark in SEGMENT_END]) + 1
        segment = normalize_metric(text[start:match.start()])
        sentence = normalize_metric(text)
        after = match["after"] or ""
        for target in targets:
            metric = normalize_metric(target.metric)
            named = metric in segment or (metric[-2:] in segment and metric in sentence)
            if named and (not target.qualifier or target.qualifier in segment):
                unit = target.unit if target.unit is not None else match["unit"]
                if target.value is not None:
                    return f"{target.value:g}{unit}{after}"
                shown = f"上年{target.previous}" if target.previous else f"原为{original}"
                placeholder = PLACEHOLDER.format(f"{target.metric}{unit}，{shown}")
                found.append(Placeholder(where, "数值", original, placeholder))
                return placeholder + after
        placeholder = PLACEHOLDER.format(f"原为{original}")
        found.append(Placeholder(where, "数值", original, placeholder))
        return placeholder
