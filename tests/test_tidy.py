"""Tidy (what render, export and draft do to every text) is lint's own fixes, and its quick
`suspect` screen never hides a text the rules would change."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.lint.config import build_config
from planner.lint.readers import text_draft
from planner.lint.engine import fix_draft
from planner.lint.registry import all_rules
from planner.lint.tidy import (NOTE_HINT_RE, STRUCTURE_CODES, _tidy, suspect, tidy_many,
                               tidy_text)

TEXT_RULES = [r for r in all_rules() if r.fixable and r.code not in STRUCTURE_CODES]


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: r.code)
def test_tidy_fixes_each_fail_example_as_lint_fix_does(rule):
    for example in rule.examples("FAIL"):
        for line in example.splitlines():
            if not line.strip():
                continue
            config = build_config({"select": [r.code for r in TEXT_RULES]}, None, None)
            fixed, _ = fix_draft(text_draft(line, "草稿.txt"), config)
            assert tidy_text(line) == fixed.text, line


def test_tidy_leaves_clean_text_alone():
    clean = "到2025年底，新建5G基站1200座，推进IPv6规模部署，建成“互联网+监管”平台。"
    assert not suspect(clean)
    assert tidy_text(clean) == clean


def test_seed_faults_are_tidied():
    # Read from the seeds: 002 has 互联网 监管 and lower-case 5g; 000 has a stray ? in a note.
    assert tidy_text("推进互联网 监管，建设5g网络") == "推进互联网+监管，建设5G网络"
    assert tidy_text("（责任单位：?区大数据与电子政务服务中心，区政府有关单位）") == \
        "（责任单位：区大数据与电子政务服务中心、区政府有关单位）"


ALPHABET = ("推进数字政府建设市区局委办大数据责任单位牵头配合年月日底前个座家万亿千百"
            "0123456789０１ＡａabgGIPv ,.;:?!()\"'「」…，。、；：？！（）“”《》〔〕[]【】-~～—至附件\u3000")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_suspect_flags_every_text_the_rules_would_change(text):
    if _tidy(text) != text:
        assert suspect(text) or NOTE_HINT_RE.search(text), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=30), max_size=8))
def test_tidying_a_plans_texts_at_once_is_tidying_each(texts):
    assert tidy_many(texts) == {t: tidy_text(t) for t in texts if t}


def test_many_fixes_on_one_long_line_are_applied_in_one_pass():
    """apply_edits joins once (it rebuilt the whole text per edit: 50,000 fixes on one line
    took 2 s, 200,000 would take minutes)."""
    import time

    from planner.lint.problem import apply_edits
    from planner.lint.problem import Edit
    text = "推," * 200_000
    edits = [Edit(i, i + 1, "，") for i in range(1, len(text), 2)]
    start = time.perf_counter()
    fixed, count = apply_edits(text, edits)
    assert time.perf_counter() - start < 10  # a hang bound, not a benchmark
    assert count == 200_000 and fixed == "推，" * 200_000


def test_tidy_runs_every_fixable_rule_but_numbering_and_headings():
    from planner.lint.tidy import TIDY_RULES, _rules
    assert sorted(r.code for r, _ in _rules()) == sorted(r.code for r in TEXT_RULES)
    assert len(TIDY_RULES) == len(set(TIDY_RULES))
