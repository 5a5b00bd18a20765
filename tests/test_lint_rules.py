"""Every lint rule documents a PASS and a FAIL example that behave, and catches its injected fault."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint_faults import FAULTS
from planner.lint.config import build_config, default_config
from planner.lint.readers import text_draft
from planner.lint.engine import lint_draft
from planner.lint.registry import all_rules

CLEAN = (Path(__file__).parent / "fixtures" / "lint" / "clean.txt").read_text(encoding="utf-8")
RULES = all_rules()
GROUPS = "SNOTPMD"


def lint_text(text: str, *codes: str) -> list:
    config = build_config({"select": list(codes)}, None, None) if codes else default_config()
    return lint_draft(text_draft(text, "草稿.txt"), config)


def test_at_least_thirty_rules_cover_every_group():
    assert len(RULES) >= 30
    assert {rule.code[0] for rule in RULES} == set(GROUPS)
    assert len({rule.code for rule in RULES}) == len(RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_module_has_the_contract(rule):
    assert rule.module.__name__.startswith("planner.lint.rules.")
    assert rule.level in ("error", "warning")
    assert rule.summary.startswith(f"{rule.code} {rule.name}：")
    assert "选项" in rule.doc
    rule.options()  # defaults are valid


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_pass_example_is_clean_and_fail_example_is_reported(rule):
    passes, fails = rule.examples("PASS"), rule.examples("FAIL")
    assert passes and fails, f"{rule.code} 的文档字符串缺少 PASS 或 FAIL 示例"
    for text in passes:
        assert lint_text(text, rule.code) == [], text
    for text in fails:
        found = lint_text(text, rule.code)
        assert found and {p.code for p in found} == {rule.code}, text


@pytest.mark.parametrize("rule", [r for r in RULES if r.fixable], ids=lambda r: r.code)
def test_fixable_rule_fixes_its_fail_example(rule):
    from planner.lint.engine import fix_draft
    for text in rule.examples("FAIL"):
        config = build_config({"select": [rule.code]}, None, None)
        fixed, count = fix_draft(text_draft(text, "草稿.txt"), config)
        remaining = lint_draft(fixed, config)
        assert count > 0
        if rule.code != "P007":  # P007 only suggests for spaces between two words
            assert remaining == [], fixed.text


def test_clean_plan_has_no_findings():
    assert lint_text(CLEAN) == []


def inject(rule) -> str:
    fault = FAULTS[rule.code]
    if callable(fault):
        return fault(CLEAN)
    old, new = fault
    assert old in CLEAN, f"{rule.code} 的 FAULTS 项在 clean.txt 中找不到“{old}”"
    return CLEAN.replace(old, new, 1)


def test_every_rule_has_a_fault_to_inject():
    assert set(FAULTS) == {rule.code for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_injected_fault_is_reported_by_its_rule(rule):
    mutated = inject(rule)
    assert mutated != CLEAN
    found = {p.code for p in lint_text(mutated)}
    assert rule.code in found, f"注入 {rule.code} 的错误后只报告了 {sorted(found)}"


def test_stale_deadline_and_date_invalid_read_february_30_alike():
    """A day the calendar lacks is due on no date: T006 reports it, T002 does not take it for
    2月28日 (it used to clamp the day, while the 分工表 read no deadline at all)."""
    text = ("数字某区2025年行动方案\n二、主要任务\n"
            "1.推进数据共享。2025年2月30日前建成平台。（责任单位：区大数据局）\n")
    config = build_config({"select": ["T002", "T006"],
                           "rules": {"T002": {"issue_date": "2025-03-01"}}}, None, None)
    found = lint_draft(text_draft(text, "草稿.txt"), config)
    assert [p.code for p in found] == ["T006"]
    config = build_config({"select": ["T002"], "rules": {"T002": {"issue_date": "2025-03-01"}}},
                          None, None)
    stale = text.replace("2月30日", "2月28日")
    assert [p.code for p in lint_draft(text_draft(stale, "草稿.txt"), config)] == ["T002"]


def test_a_note_saying_its_first_unit_leads_gets_no_comma_report_on_those_words():
    # GB/T 15834: parallel names take 顿号; `排在首位为牵头单位，下同` names no unit, so the commas
    # before and inside it stay. The one between two names is still reported.
    text = "一、主要任务\n（一）建设平台。依托大数据平台建设。[责任单位：区数据局、区财政局，各街道办事处，排在首位为牵头单位，下同]\n"
    found = [problem for problem in lint_text(text, "O004")]
    assert len(found) == 1 and "区财政局，各街道办事处" in found[0].message


@pytest.mark.parametrize("text, reported", [
    ("国家卫生健康委 教育部 财政部关于印发《加强医疗机构药事管理的意见》的通知", False),  # joint issuers, 公文's own space
    ("中共中央 国务院关于深化数字政府建设的意见", False),
    ("第一条 为规范公共数据授权运营，制定本办法。", False),  # an article's number, then its text
    ("按照第一条 规定办理。", True),  # not at the paragraph's start
    ("举行新闻发布会 介绍天然气产供储销体系建设情况。", True),  # an organ word, then no organ
    ("建设 平台。", True),
])
def test_p007_leaves_the_spaces_a_gongwen_writes_itself(text, reported):
    from planner.form.punctuation import find_spaces
    assert bool(list(find_spaces(text))) is reported
