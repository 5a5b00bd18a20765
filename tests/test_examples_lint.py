"""What planner writes lints clean.

The drafted example (examples/drafts/) and its DOCX and 印发通知 have no finding at all. The
seeds (examples/plans/, ingested as written) keep the faults lint must find in them, so their
renders are held to this: every fixable finding of the source is gone from the DOCX, and
what remains is exactly the source's findings that have no fix (content the drafter must
settle: a missing 目标 part, a task with no 责任单位 or 完成时限, an ambiguous space).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from planner.lint import lint_plan
from planner.planfile import read_plan
from planner.matrix import task_matrix
from planner.render import render_notice, render_plan
from planner.render.reports import matrix_docx

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "drafts" / "数字即墨2025年行动方案.yaml"
SEEDS = sorted((ROOT / "examples" / "plans").glob("*.yaml"))


def findings(*paths: Path) -> list:
    report = lint_plan(list(paths))
    assert not report.errors(), [r.error for r in report.errors()]
    return report.problems()


def shown(problems) -> list[str]:
    return [f"{p.file}:{p.line}:{p.col}: {p.code} {p.message}" for p in problems]


def test_drafted_example_lints_clean():
    assert shown(findings(DRAFT)) == []


def test_drafted_example_renders_to_a_plan_and_notice_that_lint_clean(tmp_path):
    plan = read_plan(DRAFT)
    docx = render_plan(plan, tmp_path / "方案.docx")
    notice = render_notice(plan, tmp_path / "通知.docx")
    attached = render_notice(plan, tmp_path / "通知及分工表.docx", with_matrix=True)
    matrices = [tmp_path / "分工表.docx", tmp_path / "分工表按单位.docx"]
    for path, by_unit in zip(matrices, (False, True)):
        path.write_bytes(matrix_docx(plan, task_matrix(plan), by_unit=by_unit))
    assert shown(findings(docx, notice, attached, *matrices)) == []


@pytest.mark.parametrize("source", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_seed_render_keeps_only_the_unfixable_findings_of_its_source(source, tmp_path):
    before = findings(source)
    assert any(p.fixable for p in before)  # every seed has form faults to fix (ASCII punctuation)
    docx = render_plan(read_plan(source), tmp_path / f"{source.stem}.docx")
    after = findings(docx)
    assert Counter(p.code for p in after) == Counter(p.code for p in before if not p.fixable), \
        shown(after)


def test_seed_render_content_findings_are_the_documents_own():
    """Read from the documents (../shared/spec/seeds.md): 004 and 001 have no 目标 part, 003's
    and 001's tasks carry no 责任单位 — planner does not invent them."""
    codes = {}
    for source in SEEDS:
        codes[source.stem[:3]] = {p.code for p in findings(source) if not p.fixable}
    assert "S001" in codes["004"] and "S001" in codes["001"]
    assert "S003" in codes["003"] and "S003" in codes["001"]
    assert "S003" not in codes["000"] and "S001" not in codes["000"]


def test_export_tidies_and_as_written_keeps_the_source_wording(tmp_path):
    import subprocess
    import sys
    source = next(p for p in SEEDS if p.stem.startswith("002"))  # 002 writes 5g
    def export(*extra):
        proc = subprocess.run([sys.executable, "-m", "planner", "export", str(source), *extra],
                              capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout
    assert "5g" not in export() and "5G" in export()
    assert "5g" in export("--as-written")
