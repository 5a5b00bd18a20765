"""Rewriting a reused clause for the outline: places and years moved to the outline's, cited
documents of another place or year and numbers turned into placeholders (or the outline's
targets), nothing stale or foreign left silently."""
from __future__ import annotations

import re
from typing import Optional

from planner.draft.amounts import Amounts
from planner.draft.outline import Outline, OutlineTarget
from planner.draft.pending import Placeholder
from planner.form.places import place_names, short_form
from planner.form.punctuation import find_spaces
from planner.form.placeholders import MARK, PLACEHOLDER, PLACEHOLDER_RE
from planner.form.years import YEAR_RE
from planner.mine.mask import PLACES

LEVEL_SUFFIX_RE = re.compile(r"(市|区|县|省)$")
# 全市 → 全区 when a city's clause is reused by a district.
LEVEL_WORDS = ("全{}", "我{}", "本{}")
# A cited document: its title and the 文号 after it. 例：《东营市数字机关建设工作实施方案》
# (数字强市办发〔2021〕1号) / 《数字变革创新2022年行动计划》
CITATION_RE = re.compile(r"《[^《》]{1,80}》(?:\s*[（(][^（）()]{0,30}〔\d{4}〕[^（）()]{0,10}[）)])?")
# A 文号 cited alone. 例：东政办字〔2021〕62号
DOC_NUMBER = r"[\u4e00-\u9fff]{2,12}〔\d{4}〕\d{1,5}号"
# What is kept or replaced whole: a cited document, a 文号, a placeholder already written.
# 例：《数字变革创新2022年行动计划》 / 东政办字〔2021〕62号 / 【待填：原为1000座】
WHOLE_RE = re.compile(rf"{CITATION_RE.pattern}|{DOC_NUMBER}|{PLACEHOLDER_RE.pattern}")
# A town after its district: one place. 例：东营区六户镇 / 垦利区董集镇
TOWN = r"(?P<town>[\u4e00-\u9fff]{1,3}?(?:镇|街道|乡))?"


def short_name(region: str) -> str:
    """即墨区 → 即墨, 青岛市 → 青岛 (kept whole when nothing would remain)."""
    return short_form(region)


def level(region: Optional[str]) -> Optional[str]:
    match = LEVEL_SUFFIX_RE.search(region or "")
    return match.group(1) if match else None


class Rewriter:
    """Rewrites clauses of one source document for the outline."""

    def __init__(self, outline: Outline, region: Optional[str], year: Optional[int]) -> None:
        self.outline = outline
        self.region, self.year = region, year
        self.keep = {short_name(outline.region), *map(short_name, outline.parents)}
        names = set(PLACES) | set(place_names()) | ({region, short_name(region)} if region else set())
        names |= {short_name(p) for p in outline.parents} | {short_name(outline.region)}
        ordered = sorted((n for n in names if n), key=len, reverse=True)
        self.places = re.compile(r"(?P<place>(?:%s)(?:市|区|县|省)?)%s"
                                 % ("|".join(map(re.escape, ordered)), TOWN))

    def rewrite(self, text: str, where: str, targets: list[OutlineTarget],
                placed: Optional[set[int]] = None) -> tuple[str, list[Placeholder]]:
        """`text` for the outline, with what the drafter must settle; the indexes of the
        outline's targets it states are added to `placed`."""
        found: list[Placeholder] = []
        amounts = Amounts(targets, where, found, placed if placed is not None else set())
        text = amounts.rewrite(text, self.year)  # first: it reads the metrics as written
        out, last = [], 0
        for match in WHOLE_RE.finditer(text):  # rewritten as a whole, or not at all
            out += (self._plain(text[last:match.start()], where, found),
                    self._whole(match.group(0), where, found))
            last = match.end()
        out.append(self._plain(text[last:], where, found))
        return "".join(out), found

    def _plain(self, text: str, where: str, found: list[Placeholder]) -> str:
        for pattern, replace in ((self.places, self._place), (YEAR_RE, self._year)):
            text = pattern.sub(lambda m: m.group(0) if _in_placeholder(m) else replace(m, where, found),
                               text)
        return self._levels(_spaces(text, where, found))

    def _whole(self, text: str, where: str, found: list[Placeholder]) -> str:
        """A placeholder stays; a document cited by a plan of this region stays as cited (its
        title and 文号 are a real document's); another place's is for the drafter to name."""
        if text.startswith(MARK) or self._own():
            return text
        mark = PLACEHOLDER.format(f"文件，原为{text}")
        found.append(Placeholder(where, "文件", text, mark))
        return mark

    def _parent(self) -> bool:
        """The source is a plan of a place above the outline's (东营市 for 广饶县): its name
        stays a name of that place."""
        return bool(self.region) and short_name(self.region or "") in map(short_name, self.outline.parents)

    def _own(self) -> bool:
        return bool(self.region) and short_name(self.region or "") == short_name(self.outline.region)

    def _foreign(self, original: str, kind: str, where: str, found: list[Placeholder]) -> str:
        text = PLACEHOLDER.format(f"{kind}，原为{original}")
        found.append(Placeholder(where, kind, original, text))
        return text

    def _place(self, match: re.Match, where: str, found: list[Placeholder]) -> str:
        """The source's own region becomes the outline's (东营市 → 烟台市, 数字东营 → 数字烟台);
        the outline's region and parents stay; any other place (or a town of another
        place's) is for the drafter to name."""
        name, town = match["place"], match["town"] or ""
        base = LEVEL_SUFFIX_RE.sub("", name) or name
        if self.region and base in (short_name(self.region), self.region) and not self._parent():
            if town and not self._own():
                return self._foreign(name + town, "地名", where, found)
            return (self.outline.region if name != base else short_name(self.outline.region)) + town
        if (base in self.keep or short_name(name) in self.keep) and not town:
            return name
        return self._foreign(name + town, "地名", where, found)

    def _levels(self, text: str) -> str:
        source, target = level(self.region), level(self.outline.region)
        if not source or not target or source == target:
            return text
        for pattern in LEVEL_WORDS:
            text = text.replace(pattern.format(source), pattern.format(target))
        return text

    def _year(self, match: re.Match, where: str, found: list[Placeholder]) -> str:
        """A year from the source's on moves by the years between the two plans, unless that
        takes it past the outline's year (a 规划's end year); an earlier one is to fill."""
        year = int(match.group(1))
        moved = year + self.outline.year - self.year if self.year is not None else None
        if moved is not None and year >= self.year and moved <= self.outline.year:
            return str(moved)
        text = PLACEHOLDER.format(f"年份，原为{year}")
        found.append(Placeholder(where, "年份", f"{year}年", text))
        return text


def _in_placeholder(match: re.Match) -> bool:
    """Whether `match` lies inside a placeholder written earlier (its original text)."""
    before = match.string[:match.start()]
    return before.rfind(MARK) > before.rfind("】")


def _spaces(text: str, where: str, found: list[Placeholder]) -> str:
    """A space between two words that a scraped page left where a `+` may have been
    (`5G 工业互联网`): the drafter decides, so it becomes a placeholder."""
    spots = [spot for spot in find_spaces(text) if spot.new is None]
    for spot in reversed(spots):
        original = text[max(0, spot.start - 4):spot.end + 4]
        mark = PLACEHOLDER.format("原为空格，如为“+”请补回")
        found.append(Placeholder(where, "空格", original, mark))
        text = text[:spot.start] + mark + text[spot.end:]
    return text
