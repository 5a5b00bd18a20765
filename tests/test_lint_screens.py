"""A rule's SCREEN lets through every text the rule finds something in (the engine runs a
screened rule only on the spans its SCREEN flags)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.lint.readers import text_draft
from planner.lint.draft import screened_spans
from planner.lint.registry import all_rules
from planner.lint.units import load_registry
from planner.form.script import has_cjk

SCREENED = [r for r in all_rules() if getattr(r.module, "SCREEN", None) is not None]
UNITS = load_registry()
ALPHABET = ("推进数字政府建设市区局委办发字号〔〕《》〈〉“”‘’（）()【】年月日底前个座家项元亩十百千万亿五"
            "0123456789０１ＡａabgGIPv ,.;:?!\"'「」…⋯。，、；：？！-－~～—–―至到/根据按照\u3000\t")


def findings(rule, text: str) -> list:
    draft = text_draft(text, "草稿.txt")
    draft.units = UNITS
    return list(rule.check(draft, rule.options()))


def flagged(rule, text: str) -> bool:
    draft = text_draft(text, "草稿.txt")
    return bool(screened_spans(draft, rule.module.SCREEN, rule.options()))


def test_the_text_rules_are_screened():
    assert len(SCREENED) >= 18


@pytest.mark.parametrize("rule", SCREENED, ids=lambda r: r.code)
def test_screen_lets_the_fail_examples_through(rule):
    for example in rule.examples("FAIL"):
        assert findings(rule, example) and flagged(rule, example), example


@pytest.mark.parametrize("rule", SCREENED, ids=lambda r: r.code)
@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=ALPHABET, min_size=1, max_size=40))
def test_screen_flags_every_text_the_rule_finds_something_in(rule, text):
    if has_cjk(text) and findings(rule, text):
        assert flagged(rule, text), text
