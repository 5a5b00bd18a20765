"""The lint rules, one module each; MODULES is the explicit registry the engine runs."""
from planner.lint.rules import (abbrev_first_use, attachment_note, citation_order, cn_numeral,
                                date_format, date_invalid, doc_number, ellipsis, fixed_numeral,
                                fullwidth_alnum, halfwidth_punct, heading_punct, issue_date_form,
                                level_skip, marked_items, marker_punct, marker_width, numeric_range,
                                placeholder_left,
                                qian_bai, range_dash, range_unit, relative_time, repeated_punct,
                                required_section, section_order, seq_gap, stale_deadline,
                                straight_quotes, stray_space, target_quantified, task_deadline,
                                task_owner, term_case, unit_abbrev, unit_inconsistent,
                                unit_obsolete, unit_separator, unit_stray_mark, unit_unknown,
                                unpaired, year_abbrev, year_outside)

MODULES = [
    # S structure
    required_section, section_order, task_owner, task_deadline, target_quantified,
    placeholder_left,
    # N numbering
    seq_gap, level_skip, marker_punct, marker_width,
    # O units
    unit_unknown, unit_obsolete, unit_abbrev, unit_separator, unit_inconsistent, unit_stray_mark,
    # T time
    year_outside, stale_deadline, year_abbrev, range_dash, date_format, date_invalid,
    issue_date_form, relative_time,
    # P punctuation
    halfwidth_punct, straight_quotes, ellipsis, repeated_punct, marked_items, unpaired,
    stray_space, heading_punct,
    # M numerals
    fullwidth_alnum, range_unit, numeric_range, cn_numeral, fixed_numeral, qian_bai, term_case,
    # D document elements
    doc_number, citation_order, attachment_note, abbrev_first_use,
]
