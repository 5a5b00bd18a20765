"""What a writer writes (planner.form.fix) lints clean of every fixable form rule, is a fixed
point, and is what `planner lint --fix` leaves of the same text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from planner.errors import PlannerError
from planner.form import screens
from planner.form.fixes import NOTE_STEPS, STEPS, fix, fix_many
from planner.form.markers import match_marker
from planner.form.punctuation import find_halfwidth, fix_halfwidth
from planner.form.quotes import find_quotes, fix_quotes
from planner.form.spots import apply
from planner.form.terms import find_term_case, fix_term_case
from planner.lint.config import build_config
from planner.lint.engine import fix_draft, lint_draft
from planner.lint.readers import text_draft
from planner.lint.registry import all_rules

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
# Numbering and headings are the writers' own work (canonical markers, heading ends), not fix's.
STRUCTURE_CODES = {"N001", "N003", "N004", "P008"}
TEXT_RULES = [r for r in all_rules() if r.fixable and r.code not in STRUCTURE_CODES]
CONFIG = build_config({"select": [r.code for r in TEXT_RULES]}, None, None)
ALPHABET = ("推进数字政府建设市区局委办大数据责任单位牵头配合年月日底前个座家万亿千百环保发改附件"
            "0123456789０１ＡａabgGIPv ,.;:?!()\"'「」…，。、；：？！（）“”《》〔〕[]【】-~～—至\u3000")


def body(line: str) -> str:
    """A line without its numbering marker (markers are the writers' own: canonical_marker)."""
    found = match_marker(line)
    return found[3] if found else line


def lint_fixed(text: str) -> str | None:
    """`planner lint --fix` (the fixable text rules) on a one-line draft; None when lint does
    not read the line as one prose span (a marker line, page chrome it drops) or refuses a
    fix because it would change how the line is read (a quote fix that makes it the title:
    planner.lint.guard; the writers tidy text already read, so they have nothing to refuse)."""
    try:
        draft = text_draft(text, "草稿.txt")
    except PlannerError:
        return None
    if [span.text for span in draft.spans if span.prose] != [text]:
        return None
    fixed = fix_draft(draft, CONFIG)[0]
    return None if fixed.refused else fixed.text


def fixable_findings(text: str) -> list:
    try:
        draft = text_draft(text, "草稿.txt")
    except PlannerError:
        return []
    return [(p.code, p.message) for p in lint_draft(draft, CONFIG) if p.fixable]


def test_every_fixable_text_rule_has_its_step():
    names = {step.name for step in STEPS} | set(NOTE_STEPS)
    assert names == {r.name for r in TEXT_RULES} | {"halfwidth-stop"}


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: r.code)
def test_fix_does_to_each_fail_example_what_lint_fix_does(rule):
    for example in rule.examples("FAIL"):
        for line in filter(str.strip, example.splitlines()):
            text = body(line)
            expected = lint_fixed(text)
            if expected is not None:
                assert fix(text) == expected, line


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_fix_does_to_every_seed_line_what_lint_fix_does(path):
    for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
        text = body(line.strip())
        expected = lint_fixed(text)
        if expected is not None:
            assert fix(text) == expected, line


def test_clean_text_is_left_alone():
    clean = "到2025年底，新建5G基站1200座，推进IPv6规模部署，建成“互联网+监管”平台。"
    assert fix(clean) == clean and fix_many([clean]) == {clean: clean}


def test_seed_faults_are_fixed():
    # Read from the seeds: 002 has 互联网 监管 and lower-case 5g; 000 has a stray ? in a note.
    assert fix("推进互联网 监管，建设5g网络") == "推进互联网+监管，建设5G网络"
    assert fix("（责任单位：?区大数据与电子政务服务中心，区政府有关单位）") == \
        "（责任单位：区大数据与电子政务服务中心、区政府有关单位）"


def test_notes_take_the_standard_unit_names():
    assert fix("（责任单位:市环保局,市发改委）") == "（责任单位：市生态环境局、市发展改革委）"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_fix_is_a_fixed_point(text):
    once = fix(text)
    assert fix(once) == once, text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
@example("万. ")  # a stop before trailing spaces ends the line once a reader strips them
@example("千,?万")  # lint reads `千，` as a heading: its text opens with the ?, a stray mark there too
def test_what_a_writer_writes_lints_clean_of_the_fixable_rules(text):
    assume("\n" not in text)
    assert fixable_findings(fix(text)) == [], text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_the_screen_lets_through_every_text_fix_changes(text):
    if fix(text) != text:
        assert screens.suspect(text), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=30), max_size=8))
def test_fixing_a_plans_texts_at_once_is_fixing_each(texts):
    assert fix_many(texts) == {t: fix(t) for t in texts if t}


# Realistic text: sentences of the seeds with the faults scraped pages and hurried drafts have.
SEED_SENTENCES = [body(line.strip()) for path in sorted(CORPUS.glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if 8 <= len(line.strip()) <= 120]
FAULTS = [("，", ","), ("：", ":"), ("；", ";"), ("（", "("), ("）", ")"), ("“", '"'), ("”", '"'),
          ("，", " ，"), ("年", "年 "), ("—", "-"), ("5G", "5g"), ("2025年", "25年"),
          ("2", "２"), ("、", "，"), ("……", "..."), ("〔", "["), ("〕", "]"), ("。", "。。")]


@st.composite
def drafted(draw) -> str:
    text = draw(st.sampled_from(SEED_SENTENCES))
    for old, new in draw(st.lists(st.sampled_from(FAULTS), max_size=4)):
        text = text.replace(old, new, draw(st.integers(1, 3)))
    return text


@settings(max_examples=300, deadline=None)
@given(drafted())
def test_lint_fix_and_the_writers_agree_on_drafted_text(text):
    expected = lint_fixed(text)
    assume(expected is not None)
    assert fix(text) == expected, text


# The writers' one-pass fixes put right exactly the spots lint's finders report.
@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.booleans(), st.booleans())
def test_one_pass_fixes_put_right_what_the_finders_find(text, first, second):
    assert fix_quotes(text, corners=first) == apply(text, find_quotes(text, corners=first)), text
    assert (fix_halfwidth(text, stops=first, marks=second)
            == apply(text, find_halfwidth(text, stops=first, marks=second))), text
    assert fix_term_case(text) == apply(text, find_term_case(text)), text


# Quote-heavy text: straight quotes among curly and corner ones, the pairs they make or break.
QUOTE_ALPHABET = '"“”「」『』‘’\'一网通办数字政府a1 ，。'


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=QUOTE_ALPHABET, max_size=30), st.booleans())
@example('实施“城市生命线"工程"一个场景”', True)
@example('「一网通办"和"放管服』', False)
def test_fix_quotes_pairs_as_find_quotes_does(text, corners):
    assert fix_quotes(text, corners=corners) == apply(text, find_quotes(text, corners=corners)), text


@pytest.mark.parametrize("text, corners, expected", [
    ('实施“城市生命线"工程。', True, "实施“城市生命线”工程。"),  # a curly quote is open: " closes
    ('推进"一个场景”建设。', True, "推进“一个场景”建设。"),  # none is open: " opens
    ('「一网通办」和"放管服"改革', True, "“一网通办”和“放管服”改革"),
    ('「一网通办"改革', False, "「一网通办”改革"),  # a corner quote kept still opens
    ('『数字』"政府"', True, "‘数字’“政府”"),  # single corner quotes pair no double quote
    ('"a"', True, '"a"'),  # no Chinese: left as written
])
def test_fix_quotes_closes_what_is_open_and_opens_what_is_not(text, corners, expected):
    assert fix_quotes(text, corners=corners) == expected
