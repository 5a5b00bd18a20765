"""Tidy: the `planner lint --fix` corrections applied to one text, for the writers.

Render, export and draft put every plan text through `tidy_text` so what planner writes
lints clean of the form rules (punctuation, quotes, spaces, numerals, dates, 文号, unit
names in notes), whatever the source looked like. It runs the lint rules themselves, on a
one-line draft, so a fix exists in one place only. Content problems (a missing 责任单位,
a task without a deadline) are the drafter's to settle and are left alone.

Most text needs nothing, so a text first goes through `suspect`: one regular expression over
every character a fixable rule can act on, plus the term-case check. Only a suspect text
(or one with a responsibility note, for the unit rules) meets the rules. A property test
holds `suspect` to the rules: whatever the rules would change, `suspect` flags.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, Optional

# What the fixable text rules look for, loosely: a text with none of this gives them nothing
# to fix. Single characters first (one character-class scan): P001 ,;:?!(). · P002 quotes ·
# P003 ellipsis · P007 spaces · M001 full-width alnum · T007 〇 dates · D001 文号 brackets ·
# O006 stray ? before a unit. Then substrings: P004 doubled marks · P005 、 between 《》/“” ·
# T005 padded dates · D003 附件. Then, only where their characters occur, the patterns:
# M002/M003/T004 ranges and M006 digit + 千/百, T003 short years.
SUSPECT_CHAR_RE = re.compile(r"[,;:?!().\"'「」『』…⋯ \u3000\t０-９Ａ-Ｚａ-ｚ？＊*�〇○\[［【〔]")
SUSPECT_PARTS = ("。。", "，，", "、、", "；；", "：：", "！！", "？？", "》、", "”、", "年0", "月0", "附件")
RANGE_CHAR_RE = re.compile(r"[-－~～—–―至到千百]")
RANGE_RE = re.compile(r"\d\s*[-－~～—–―至到]\s*\d|\d[千百]|[（(]\s*(?:19|20)\d{2}")
YEAR_CHAR_RE = re.compile("年")
SHORT_YEAR_RE = re.compile(r"(?<![\d.０-９])[0-4]\d年\d|\d{4}\s*[-－~～—–―至到]\s*\d{2}年")
# A responsibility note (for the unit rules: names, separators).
NOTE_HINT_RE = re.compile("责任单位|牵头|配合|负责")
# Rules that tidy does not run: numbering and headings are the writers' own work (canonical
# markers, heading ends), and content rules have no fix.
STRUCTURE_CODES = {"N001", "N003", "N004", "P008"}
# The rules tidy runs: every fixable rule but those (tests/test_tidy.py checks the list), by
# module name, so render imports these and not the whole catalogue.
TIDY_RULES = ["unit_obsolete", "unit_abbrev", "unit_separator", "unit_stray_mark", "year_abbrev",
              "range_dash", "date_format", "issue_date_form", "halfwidth_punct", "straight_quotes",
              "ellipsis", "repeated_punct", "marked_items", "stray_space", "fullwidth_alnum",
              "range_unit", "numeric_range", "qian_bai", "term_case", "doc_number",
              "attachment_note"]
MAX_PASSES = 10


def suspect(text: str) -> bool:
    """True when a fixable rule may have something to change in `text`."""
    if SUSPECT_CHAR_RE.search(text) is not None or any(part in text for part in SUSPECT_PARTS):
        return True
    if RANGE_CHAR_RE.search(text) is not None and RANGE_RE.search(text) is not None:
        return True
    if "年" in text and SHORT_YEAR_RE.search(text) is not None:
        return True
    return _wrong_case(text)


def heading_end(part) -> str:
    """A division heading's closing punctuation as written, or '' where P008 would drop it."""
    if not part.end:
        return ""
    from planner.form.markers import stray_end
    return "" if stray_end(part.marker, part.end, part.run_in) else part.end


def tidy_text(text: Optional[str]) -> Optional[str]:
    """`text` as `planner lint --fix` would leave it (form rules only); unchanged when clean."""
    if not text:
        return text
    if NOTE_HINT_RE.search(text) is None and not suspect(text):
        return text
    return _tidy(text)


def written(text: str) -> str:
    """`text` as planner writes it: tidied, then punctuation width, quotes and year ranges
    (planner.text.normalize_text). Export, the matrix and the 分工表 title use it."""
    from planner.form.fixes import normalise
    return normalise(tidy_text(text))


def tidy_many(texts: Iterable[str]) -> dict[str, str]:
    """Every text of a plan with its tidied form. The screen runs over all of them joined
    (a few scans in C instead of a dozen calls per text), so a large clean plan costs little;
    only the texts it flags meet the rules."""
    unique = list(dict.fromkeys(t for t in texts if t))
    joined = "\n".join(unique)
    starts, at = [], 0
    for text in unique:
        starts.append(at)
        at += len(text) + 1
    flagged: set[int] = set()

    def flag(position: int) -> None:
        flagged.add(bisect_right(starts, position) - 1)

    for pattern in (SUSPECT_CHAR_RE, NOTE_HINT_RE):
        for match in pattern.finditer(joined):
            flag(match.start())
    for part in SUSPECT_PARTS:
        found = joined.find(part)
        while found >= 0:
            flag(found)
            found = joined.find(part, found + 1)
    for match in RANGE_CHAR_RE.finditer(joined):  # 至/到/千/百 are common: check around each
        window = joined[max(0, match.start() - 8):match.end() + 8]
        if RANGE_RE.search(window) is not None:
            flag(match.start())
    for match in YEAR_CHAR_RE.finditer(joined):
        if SHORT_YEAR_RE.search(joined, max(0, match.start() - 8), match.end() + 1) is not None:
            flag(match.start())
    for position in _case_screen()(joined):
        flag(position)
    return {text: _tidy(text) if index in flagged else text for index, text in enumerate(unique)}


@lru_cache(maxsize=16384)
def _tidy(text: str) -> str:
    from planner.lint.problem import apply_edits
    for _ in range(MAX_PASSES):
        edits = [edit for problem in _problems(text) for edit in problem.fix]
        if not edits:
            break
        fixed, _ = apply_edits(text, edits)
        if fixed == text:
            break
        text = fixed
    return text


def _problems(text: str):
    from planner.lint.draft import Draft, Span, screened_spans
    draft = Draft("<tidy>", "txt", text, _empty_plan(), [Span(text, 1, 1, 0)])
    draft.units = _registry()
    for rule, options in _rules():
        screen = getattr(rule.module, "SCREEN", None)
        if screen is None or screened_spans(draft, screen, options):
            yield from rule.check(draft, options)


@lru_cache(maxsize=1)
def _rules() -> list:
    from planner.lint.registry import rule_of
    from planner.lint.rules import modules
    return [(rule, rule.options()) for rule in map(rule_of, modules(TIDY_RULES))]


@lru_cache(maxsize=1)
def _registry():
    from planner.lint.units import load_registry
    return load_registry()


@lru_cache(maxsize=1)
def _empty_plan():
    from planner.model import Plan
    return Plan(title="")


@lru_cache(maxsize=1)
def _case_screen():
    """M007's own screen: where a term is written in a case other than its own."""
    from planner.lint.rules import term_case
    options = term_case.Options()
    return lambda text: term_case.SCREEN(text, options)


def _wrong_case(text: str) -> bool:
    return next(iter(_case_screen()(text)), None) is not None
