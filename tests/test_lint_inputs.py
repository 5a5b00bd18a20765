"""Lint over other inputs: .docx (and the seam for DOCX format rules), a user unit registry,
and any text at all (never a crash)."""
from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import PlannerError
from planner.lint import LintOptions, lint_plan
from planner.lint.config import default_config
from planner.lint.readers import text_draft
from planner.lint.engine import lint_draft

CLEAN = (Path(__file__).parent / "fixtures" / "lint" / "clean.txt").read_text(encoding="utf-8")


def make_docx(path: Path, text: str) -> Path:
    from docx import Document
    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def test_docx_is_linted_by_paragraph(tmp_path):
    docx = make_docx(tmp_path / "方案.docx", CLEAN.replace("成立工作专班，", "成立工作专班,"))
    report = lint_plan([docx], LintOptions(ignore=["F"]))  # python-docx's template: F findings
    (problem,) = report.problems()
    assert problem.code == "P001" and problem.line == 20 and problem.file == str(docx)


def test_docx_fix_reports_but_does_not_write(tmp_path):
    docx = make_docx(tmp_path / "方案.docx", CLEAN.replace("成立工作专班，", "成立工作专班,"))
    before = docx.read_bytes()
    (result,) = lint_plan([docx], LintOptions(fix=True, ignore=["F"])).results
    assert result.fixed is None and "不能自动修复" in result.note
    assert [p.code for p in result.problems] == ["P001"] and docx.read_bytes() == before


def test_docx_format_findings_join_the_f_group(tmp_path):
    """A DOCX from python-docx's default template breaks the 公文 format: check-format's
    findings come in as F problems and obey --select / --ignore."""
    docx = make_docx(tmp_path / "方案.docx", CLEAN)
    codes = {p.code for p in lint_plan([docx]).problems()}
    assert {"F001", "F002", "F003", "F004"} <= codes  # Letter paper, margins, grid, theme fonts
    found = next(p for p in lint_plan([docx]).problems() if p.code == "F001")
    assert found.level == "error" and "纸张不是 A4" in found.message and "页面设置" in found.message
    assert not any(p.code.startswith("F") for p in lint_plan([docx], LintOptions(ignore=["F"])).problems())
    assert {p.code for p in lint_plan([docx], LintOptions(select=["F001"])).problems()} == {"F001"}
    txt = tmp_path / "方案.txt"
    txt.write_text(CLEAN, encoding="utf-8")
    assert lint_plan([txt]).problems() == []  # F rules only for .docx


def test_docx_planner_renders_has_no_format_findings(tmp_path):
    from planner.parse.document import ingest_text
    from planner.render import render_plan

    plan = ingest_text(CLEAN, "方案.txt").plan
    docx = render_plan(plan, tmp_path / "方案.docx")
    assert [p for p in lint_plan([docx]).problems() if p.code.startswith("F")] == []


def test_user_unit_registry_extends_the_shipped_one(tmp_path):
    text = CLEAN.replace("（责任单位：市财政局）", "（责任单位：市数字资源管理局）")
    draft = tmp_path / "d.txt"
    draft.write_text(text, encoding="utf-8")
    assert [p.code for p in lint_plan([draft]).problems()] == ["O001"]
    (tmp_path / "units.yaml").write_text(yaml.safe_dump(
        {"units": [{"name": "数字资源管理局", "aliases": ["数资局"]}]}, allow_unicode=True),
        encoding="utf-8")
    (tmp_path / ".planner-lint.yaml").write_text("units: units.yaml\n", encoding="utf-8")
    assert lint_plan([draft]).problems() == []
    draft.write_text(text.replace("市数字资源管理局", "市数资局"), encoding="utf-8")
    assert [p.code for p in lint_plan([draft]).problems()] == ["O003"]


def test_bad_user_unit_registry_is_an_error_naming_it(tmp_path):
    (tmp_path / "units.yaml").write_text("units:\n  - nam: x\n", encoding="utf-8")
    (tmp_path / ".planner-lint.yaml").write_text("units: units.yaml\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    (result,) = lint_plan([draft]).results
    assert result.error is not None and "units.yaml" in str(result.error)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.sampled_from(list(
    "一二三四五1234567890（）()、，,。.:：;；“”\"《》〈〉 ?？%～~-—年月日底前责任单位市局牵头配合附件简称以下")),
    max_size=40), max_size=8))
def test_lint_never_crashes_on_any_text(lines):
    text = "数字某市2025年行动方案\n" + "\n".join(lines)
    try:
        draft = text_draft(text, "随机.txt")
    except PlannerError:
        return
    for problem in lint_draft(draft, default_config()):
        assert problem.line >= 1 and problem.col >= 1 and problem.message


def test_json_plan_is_linted_and_fixed_in_place_of_its_strings(tmp_path):
    import json

    from planner.planfile import dump_plan, load_plan
    plan = load_plan(next(Path(__file__).resolve().parent.parent.glob("examples/plans/000_*.yaml")))
    source = tmp_path / "p.json"
    source.write_text(dump_plan(plan, "json"), encoding="utf-8")
    found = lint_plan([source]).problems()
    o006 = [p for p in found if p.code == "O006"]
    assert len(o006) == 1 and o006[0].line > 1
    (result,) = lint_plan([source], LintOptions(fix=True)).results
    data = json.loads(result.fixed.read_text(encoding="utf-8"))
    assert "?" not in json.dumps(data, ensure_ascii=False)
    assert not [p for p in result.problems if p.code in ("P001", "O006", "O004")]


def test_yaml_unit_fix_renames_the_unit_fields_with_the_note(tmp_path):
    from planner.ingest import ingest_files
    from planner.planfile import load_plan
    draft = tmp_path / "o.txt"
    draft.write_text("数字某区2025年行动方案\n一、主要任务\n"
                     "1.加强生态监测。2025年底前完成。（责任单位：市环保局、市发改委）\n",
                     encoding="utf-8")
    (ingested,) = ingest_files([draft], tmp_path / "out", "yaml")
    (result,) = lint_plan([ingested.output], LintOptions(select=["O"], fix=True)).results
    assert result.problems == []
    plan = load_plan(result.fixed)
    (clause,) = plan.sections[0].items[0].clauses()
    assert clause.responsibility.raw == "（责任单位：市生态环境局、市发展改革委）"
    assert [(u.name, u.canonical) for u in clause.responsibility.lead] == [
        ("市生态环境局", "市生态环境局"), ("市发展改革委", "市发展改革委")]
