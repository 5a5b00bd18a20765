"""The benchmark's tools run and are fair (a smoke test on tiny plans; the measurements are
bench/run.py's, and nothing here is timed)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import competitors  # noqa: E402
import process  # noqa: E402
import readback  # noqa: E402
import run  # noqa: E402
import timing  # noqa: E402
from synthetic import KINDS, plan_data  # noqa: E402

PLANNER = [sys.executable, "-m", "planner"]


def test_synthetic_plans_have_the_asked_number_of_tasks():
    from planner.model import Plan

    for kind in KINDS:
        plan = Plan.model_validate(plan_data(25, kind))
        assert sum(len(p.items) for p in plan.tasks[0].parts) == 25
        assert plan_data(25, kind) == plan_data(25, kind)  # deterministic


def test_realistic_text_is_what_a_pasted_draft_has():
    text = json.dumps(plan_data(30, "realistic"), ensure_ascii=False)
    assert '\\"' in text and "5g" in text and ",区" in text and "(责任单位:" in text
    clean = json.dumps(plan_data(30, "clean"), ensure_ascii=False)
    assert '\\"' not in clean and "5g" not in clean and "(" not in clean


@pytest.mark.parametrize("kind", KINDS)
def test_every_tool_writes_the_plans_paragraphs(kind):
    """The fairness check itself: every tool's DOCX, read back, holds the same paragraphs
    (planner's differing only in the marks it puts in 公文 form)."""
    from planner.model import Plan
    from planner.render.document import plan_docx

    data = plan_data(12, kind)
    paras = competitors.paragraphs(json.loads(json.dumps(data)))
    expected = [text for _, text in paras]
    # Read off the plan: title, preamble, 3 section headings, goals and safeguards text,
    # 2 part headings, 12 run-in items.
    assert len(expected) == 1 + 1 + 3 + 2 + 2 + 12 and expected[0] == "数字某区2025年行动方案"
    assert expected[6].startswith("1.") and expected[6].endswith(("配合）", "）", ")"))
    written = {name: func(paras) for name, func in competitors.available().items()}
    written["planner"] = plan_docx(Plan.model_validate(data))
    for name, docx in written.items():
        assert readback.differences(expected, readback.docx_paragraphs(docx)) == [], name
    fixed = readback.corrected(expected, readback.docx_paragraphs(written["planner"]))
    assert (fixed > 0) == (kind == "realistic")


def test_the_fairness_check_catches_a_missing_paragraph():
    expected = ["标题", "一、任务", "1.建设平台。（区大数据局牵头）"]
    assert readback.differences(expected, ["标题", "一、任务"]) != []
    assert readback.differences(expected, ["标题", "一、任务", "1.建设平台。"]) != []
    assert readback.differences(expected, ["标题", "一、任务", "1.建设平台。(区大数据局牵头)"]) == []


def test_competitors_import_nothing_of_planner(tmp_path):
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(plan_data(5, "realistic"), ensure_ascii=False), encoding="utf-8")
    for tool in sorted(competitors.available()):
        proc = subprocess.run([sys.executable, "-X", "importtime", str(BENCH / "competitors.py"), tool,
                               str(source), str(tmp_path / f"{tool}.docx")], capture_output=True, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-1000:]
        names = [line.rsplit("|", 1)[1].strip() for line in proc.stderr.decode("utf-8").splitlines()
                 if line.startswith("import time:") and line.count("|") == 2]
        assert "docx" in names or tool != "docxtpl"  # the importtime listing is read right
        assert [n for n in names if n.split(".")[0] == "planner"] == [], tool
        assert (tmp_path / f"{tool}.docx").stat().st_size > 0


def test_whole_process_rows_compare_every_tool_on_the_same_content(tmp_path):
    (clean, realistic) = process.render_whole_process([10], PLANNER, tmp_path, repeat={10: 1})
    for row in (clean, realistic):
        assert row["tasks"] == 10 and row["planner"] > 0 and row["planner-json"] > 0
        base = "docxtpl" if "docxtpl" in row else "floor"
        assert f"planner/{base}" in row and row["fair"]["paragraphs"] == 1 + 1 + 3 + 2 + 1 + 10
    assert realistic["fair"]["planner_corrected"] > 0 and clean["fair"]["planner_corrected"] == 0


def test_compare_takes_the_median_of_ratios_pair_by_pair():
    """Shape only (and that a loop of 20000 additions is slower than nothing)."""
    row = timing.compare({"a": [sys.executable, "-c", "pass"], "b": [sys.executable, "-c", "pass"]},
                         "b", repeat=3, warmup=0)
    assert set(row) == {"a", "b", "a/b"} and row["a/b"] > 0
    calls = timing.compare_calls({"slow": lambda: sum(range(20000)), "fast": lambda: None}, "fast", repeat=3)
    assert set(calls) == {"slow", "fast", "slow/fast"} and calls["slow/fast"] > 1


def test_the_main_job_is_read_from_the_readme():
    command = process.main_job("/venv/bin/planner")
    assert command[0] == "/venv/bin/planner" and command[1] == "draft"
    assert "--docx" in command and "--notice" in command


def test_in_process_rows_have_every_tool_and_the_ratio_to_the_floor():
    rows = run.render_in_process([5], naive_max=5)
    assert [r["text"] for r in rows] == list(KINDS)
    for row in rows:
        assert row["planner"] > 0 and row["floor"] > 0 and "planner/floor" in row


def test_scaling_exponent():
    rows = [{"tasks": 200, "planner": 0.01}, {"tasks": 20000, "planner": 1.0}]
    assert run.exponent(rows, "planner", 200, 20000) == pytest.approx(1.0)
    assert run.exponent(rows, "floor", 200, 20000) is None


def test_ingest_and_lint_rows_carry_ratios_to_render(tmp_path):
    (row,) = run.ingest_and_lint([20], tmp_path)
    assert row["tasks"] == 20 and row["ingest"] > 0 and row["lint"] > 0
    assert row["ingest/render"] == pytest.approx(row["ingest"] / row["render"])


def test_a_full_run_without_a_competitor_stops_before_measuring(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(competitors, "pandoc_available", lambda: False)
    monkeypatch.setattr(sys, "argv", ["run.py", "--quick", "--out", str(tmp_path)])
    with pytest.raises(SystemExit) as stopped:
        run.main()
    assert stopped.value.code == 2
    assert "pandoc（apt-get install pandoc）" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing written, not even the directory's results


def test_the_stack_floor_imports_the_stack_validates_and_writes_the_plan(tmp_path):
    """bench/stackfloor.py is a floor for a render on planner's stack only if it does what such a
    render cannot skip: import the stack, validate the plan with the model, write every paragraph."""
    data = plan_data(5, "realistic")
    source, out = tmp_path / "plan.json", tmp_path / "floor.docx"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", str(BENCH / "stackfloor.py"), str(source), str(out)],
                          capture_output=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-1000:]
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.decode("utf-8").splitlines()
             if line.startswith("import time:") and line.count("|") == 2}
    assert {"click", "jinja2", "yaml", "pydantic", "planner.model"} <= names
    expected = [text for _, text in competitors.paragraphs(data)]
    assert readback.differences(expected, readback.docx_paragraphs(out.read_bytes())) == []

    data["sections"][0]["title"] = {"not": "a title"}  # the model refuses it: the floor validates
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(BENCH / "stackfloor.py"), str(source), str(tmp_path / "bad.docx")],
                          capture_output=True, cwd=tmp_path)
    assert proc.returncode != 0 and b"ValidationError" in proc.stderr
