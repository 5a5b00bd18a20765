"""The benchmark tools run (a smoke test on a tiny plan; the measurements are bench/run.py's)."""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import competitors  # noqa: E402
import run  # noqa: E402
from synthetic import synthetic_plan  # noqa: E402


def test_synthetic_plans_have_the_asked_number_of_tasks():
    plan = synthetic_plan(25)
    assert sum(len(p.items) for p in plan.tasks[0].parts) == 25
    assert synthetic_plan(25) == plan  # deterministic


@pytest.mark.parametrize("tool", sorted(competitors.available()))
def test_every_competitor_writes_a_docx_with_the_plans_text(tool):
    data = competitors.available()[tool](synthetic_plan(5))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "数字某区2025年行动方案" in archive.read("word/document.xml").decode("utf-8")


def test_whole_process_competitors_read_the_yaml_without_planner(tmp_path):
    from planner.planfile import dump_plan

    data = __import__("yaml").safe_load(dump_plan(synthetic_plan(3)))
    texts = competitors.texts_from_yaml(data)
    assert texts[0] == (0, "数字某区2025年行动方案") and any(level == 9 for level, _ in texts)


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
