"""The conventions' fixes composed: what a writer does to a text on its way out.

`fix(text)` applies each convention's fix once, in the order of STEPS. The order makes the
result a fixed point (no fixable convention finds anything in it) and the text `planner lint
--fix` leaves, which applies every rule's edits at once and repeats:
- a fix that only ever needs the text as written goes before the fixes that change what it
  reads: width (P001) before the full-width digits it judges by (M001), spaces (P007) before
  the dates, years and 文号 whose spaces it removes;
- a fix that acts on what another one makes goes after it: spaces (P007) after the marks
  made full-width (P001, P002, P003) that it removes spaces around; doubled marks (P004) after
  spaces; 顿号 between quoted items (P005) after quotes and doubled marks; the 附件 line
  (D003) after its colon and marks; notes (O006, O004, O002, O003) last, on clean text.
A step runs only on a text that has one of its characters and that its screen matches, and
`fix_many` screens a plan's texts together first (planner.form.screens), so a text with
nothing to fix costs a few scans in C.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Optional

from planner.form import (attachments, dates, docnumber, numbers, numerals, punctuation, quotes,
                          ranges, screens, terms, years)
from planner.form.notes import find_notes
from planner.form.patterns import lazy
from planner.form.script import has_cjk
from planner.form.spots import apply
from planner.form.units import UnitRegistry, fix_note

# Any character normalise may change; a text without one is already in 公文 form.
NORMALISED_RE = lazy(r'[,:;?!()"\-－~～–―]')


@dataclass(frozen=True)
class Step:
    """One convention's fix, tried on a text that has one of its (rare) `chars` or that its
    `also` pattern (for common characters: 年0, 。。) matches, and run when its `screen`
    matches: any change the fix makes is where the screen matches."""

    name: str
    chars: str
    screen: re.Pattern
    fix: Callable[[str], str]
    also: Optional[re.Pattern] = None


def _spots(find) -> Callable[[str], str]:
    return lambda text: apply(text, find(text))


def _attachment(text: str) -> str:
    spot = attachments.find_attachment_note(text)
    return text if spot is None else apply(text, [spot])


def _issue_date(text: str) -> str:
    spot = dates.find_issue_date(text)
    return text if spot is None else apply(text, [spot])


def _dates(text: str) -> str:
    text = apply(text, dates.find_numeric_dates(text))
    return apply(text, dates.find_padded_dates(text))


def _halfwidth_then_terms(text: str) -> str:
    return TERMS.fix(apply(text, numbers.find_fullwidth_alnum(text)))


def _stops(text: str) -> str:
    return punctuation.fix_halfwidth(text, marks=False)


def _doc_numbers(text: str) -> str:
    return apply(text, (spot for _, spot in docnumber.find_doc_numbers(text)))


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
FULLWIDTH = "".join(map(chr, [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]))
SPACES = Step("stray-space", " \u3000\t", punctuation.SPACE_SCREEN, _spots(punctuation.find_spaces))
TERMS = Step("term-case", LETTERS, terms.WRONG_CASE_SCREEN, terms.fix_term_case)
STEPS = [
    Step("issue-date-form", "日", lazy(r"[〇○零一二三四五六七八九Ｏ]{4}\s*年"), _issue_date),
    Step("straight-quotes", '"「」『』', quotes.QUOTE_SCREEN, quotes.fix_quotes),
    Step("halfwidth-punct", ",;:?!().", punctuation.WIDTH_SCREEN, punctuation.fix_halfwidth),
    TERMS,  # as written (5g１ is 5G1), and again once full-width letters are half-width (ｉｐｖ６)
    Step("fullwidth-alnum", FULLWIDTH, numbers.FULLWIDTH_ALNUM_RE, _halfwidth_then_terms),
    SPACES,  # as the marks around them stand, before dates, years and 文号 change them
    Step("ellipsis", ".…⋯", punctuation.ELLIPSIS_SCREEN, _spots(punctuation.find_ellipses),
         lazy("。。")),
    Step("date-format", "./-", dates.DATE_FORM_SCREEN, _dates, lazy("[年月]0")),
    Step("year-abbrev", ranges.DASHES + "至到", years.SHORT_YEAR_SCREEN, _spots(years.find_short_years),
         lazy(r"年(?<=[0-4]\d年)\d")),
    Step("time-range-dash", ranges.DASHES, years.TIME_RANGE_SCREEN, _spots(years.find_time_ranges)),
    Step("arabic-with-qian-bai", "千百", numerals.QIAN_BAI_SCREEN, _spots(numerals.find_qian_bai)),
    Step("range-unit-omitted", ranges.DASHES + "至到", ranges.RANGE_UNIT_SCREEN, _spots(ranges.find_range_units)),
    Step("numeric-range-dash", "-－", ranges.NUMERIC_RANGE_SCREEN, _spots(ranges.find_numeric_ranges)),
    Step("doc-number", docnumber.OPEN, docnumber.SCREEN, _doc_numbers),
    SPACES,  # again, next to what those made (年, 〔, ……)
    Step("halfwidth-stop", ".", punctuation.HALF_STOP_RE, _stops),
    Step("repeated-punct", "", punctuation.REPEAT_SCREEN, _spots(punctuation.find_repeats),
         punctuation.REPEAT_SCREEN),
    Step("dunhao-marked-items", "》”", punctuation.MARKED_SCREEN, _spots(punctuation.find_marked_items)),
    Step("attachment-note", "附", lazy("附件"), _attachment),
]
# Notes: O006 unit-stray-mark, O004 unit-separator, O002 unit-obsolete, O003 unit-abbrev.
NOTE_STEPS = ("unit-stray-mark", "unit-separator", "unit-obsolete", "unit-abbrev")
NOTE_OPENERS = "(（"
# Every step's characters (and a note's brackets), found in one scan of a text.
TRIGGER_RE = lazy("[" + re.escape("".join(sorted({ch for one in STEPS for ch in one.chars}
                                                      | set(NOTE_OPENERS)))) + "]")
STEPS_BY_CHAR = {ch: frozenset(i for i, one in enumerate(STEPS) if ch in one.chars)
                 for ch in {ch for one in STEPS for ch in one.chars}}


def _triggered(text: str) -> tuple[frozenset[int], bool]:
    """The steps `text` has a character of, and whether it has a bracket (a note may be in it)."""
    return _steps_of(frozenset(TRIGGER_RE.findall(text)))


@lru_cache(maxsize=1024)
def _steps_of(found: frozenset[str]) -> tuple[frozenset[int], bool]:
    """The steps wanted by a set of trigger characters (texts share a few such sets)."""
    wanted: set[int] = set()
    for ch in found:
        wanted |= STEPS_BY_CHAR.get(ch, frozenset())
    return frozenset(wanted), not found.isdisjoint(NOTE_OPENERS)


def fix(text: str, registry: Optional[UnitRegistry] = None) -> str:
    """`text` in 公文 form: every convention with one right form put right (what `planner
    lint --fix` leaves of it); unchanged when nothing is wrong. `registry`: the unit names
    (planner's own by default)."""
    if not text:
        return text
    wanted, bracketed = _triggered(text)  # again after each change
    for index, one in enumerate(STEPS):
        # a step's `also` is looked for only when its turn comes (on the text as it then is)
        if index not in wanted and (one.also is None or one.also.search(text) is None):
            continue
        if one.screen.search(text) is not None:
            fixed = one.fix(text)
            if fixed != text:
                text = fixed
                wanted, bracketed = _triggered(text)
    return _fix_notes(text, registry) if bracketed else text


def fix_many(texts: Iterable[str], registry: Optional[UnitRegistry] = None) -> dict[str, str]:
    """Every text with its fixed form. The texts are screened together first (planner.form.
    screens), so the many with nothing to fix cost almost nothing."""
    unique = list(dict.fromkeys(t for t in texts if t))
    hits = screens.flagged(unique)
    return {text: fix(text, registry) if index in hits else text for index, text in enumerate(unique)}


def _fix_notes(text: str, registry: Optional[UnitRegistry]) -> str:
    out, last = [], 0
    for start, end in find_notes(text):
        out += (text[last:start], fix_note(text[start:end], registry))
        last = end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def normalise(text: str) -> str:
    """The form every text is written in, even as written (`export --as-written`):
    full-width punctuation, paired curly quotes, a year range joined by —. Each step maps one
    character to one character, so offsets survive."""
    if NORMALISED_RE.search(text) is None or not has_cjk(text):
        return text
    text = punctuation.fix_halfwidth(text, stops=False)
    text = quotes.fix_quotes(text, corners=False)
    return apply(text, years.find_time_ranges(text, months=False))
