"""The lint rules, one module each; NAMES is the explicit registry the engine runs.

Modules are imported when first asked for (`modules()`), so listing the rules' names costs
nothing until a lint runs.
"""
from __future__ import annotations

import importlib
from types import ModuleType

NAMES = [
    # S structure
    "required_section", "section_order", "task_owner", "task_deadline", "target_quantified",
    "placeholder_left",
    # N numbering
    "seq_gap", "level_skip", "marker_punct", "marker_width",
    # O units
    "unit_unknown", "unit_obsolete", "unit_abbrev", "unit_separator", "unit_inconsistent",
    "unit_stray_mark",
    # T time
    "year_outside", "stale_deadline", "year_abbrev", "range_dash", "date_format", "date_invalid",
    "issue_date_form", "relative_time",
    # P punctuation
    "halfwidth_punct", "straight_quotes", "ellipsis", "repeated_punct", "marked_items", "unpaired",
    "stray_space", "heading_punct",
    # M numerals
    "fullwidth_alnum", "range_unit", "numeric_range", "cn_numeral", "fixed_numeral", "qian_bai",
    "term_case",
    # D document elements
    "doc_number", "citation_order", "attachment_note", "abbrev_first_use",
]


def modules(names: list[str] | None = None) -> list[ModuleType]:
    """The rule modules named (all of them by default), in NAMES order."""
    return [importlib.import_module(f"{__name__}.{name}") for name in (names or NAMES)]
