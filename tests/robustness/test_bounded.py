"""Bounded work: what planner writes it reads back, sizes past the limits are refused before the
work starts, and diff is linear in the plans (issue 19)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from planner.errors import PlannerError, SourceError

ROOT = Path(__file__).resolve().parents[2]
UNITS = "、".join(["区大数据局", "区财政局", "区发展和改革局", "区工业和信息化局", "区市场监管局", "区教育和体育局"] * 3)


def notes_text(items: int) -> str:
    """The text that makes the largest plan file for its size: every item a long 责任单位 note
    (kept as written and again unit by unit)."""
    return "数字某区2025年行动方案\n一、主要任务\n" + "".join(
        f"{n % 9 + 1}.推进一网通办。（责任单位：{UNITS}）\n" for n in range(items))


def test_a_plan_file_ingest_writes_from_the_largest_text_is_read_back(tmp_path):
    """A 10 MB text made 22.6 MB of YAML and planner refused to read it (limit 20 MB). The
    plan file of the most expansive text (notes) is measured here at 200 KB and scaled to the
    text limit: it stays under the plan-file limit."""
    from planner.parse.document import ingest_text
    from planner.parse.source import MAX_TEXT_BYTES
    from planner.planfile import MAX_PLAN_BYTES, dump_plan, load_plan

    text = notes_text(460)
    written = dump_plan(ingest_text(text, "notes.txt").plan)
    ratio = len(written.encode()) / len(text.encode())
    assert ratio * MAX_TEXT_BYTES < MAX_PLAN_BYTES * 0.9, ratio
    path = tmp_path / "notes.yaml"
    path.write_text(written, encoding="utf-8")
    assert len(load_plan(path).tasks[0].items) == 460


def test_a_plan_larger_than_planner_reads_is_never_written(tmp_path, monkeypatch):
    from planner import planfile
    from planner.ingest import ingest_files

    monkeypatch.setattr(planfile, "MAX_PLAN_BYTES", 20_000)
    source = tmp_path / "notes.txt"
    source.write_text(notes_text(50), encoding="utf-8")
    result = ingest_files([source], tmp_path / "out")[0]
    assert isinstance(result.error, PlannerError) and "方案过大" in str(result.error)
    assert not (tmp_path / "out" / "notes.yaml").exists()


# Ingest in a fresh process, its peak resident memory read before and after (KB on Linux).
INGEST_SCRIPT = """
import resource, sys
from pathlib import Path
from planner.ingest import ingest_files
import planner.model, planner.output, planner.parse.document, planner.planfile
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = ingest_files([Path(sys.argv[1])], Path(sys.argv[2]))[0]
assert result.error is None, result.error
print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
ITEM = "推进一网通办，建设城市运行平台，完善一体化大数据平台，提升政务服务效能。（责任单位：区大数据局、区财政局）"


def one_section_text(items: int) -> str:
    return "数字某区2025年行动方案\n一、主要任务\n" + "".join(f"{n % 9 + 1}.{ITEM}\n" for n in range(items))


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KB on Linux")
@pytest.mark.parametrize("make, items", [(notes_text, 2450), (one_section_text, 6150)], ids=["notes", "one-section"])
def test_ingest_of_a_large_text_stays_within_a_small_multiple_of_it(tmp_path, make, items):
    """About 1 MB of text, the kinds that make the largest plans (a long 责任单位 note on every
    item; one section of 6000 items). The plan file was dumped through PyYAML's node tree of the
    whole plan: 130 MB for each MB of text (2 MB: 300 MB). Written piece by piece it takes about
    50 MB per MB of text, most of it the plan model itself."""
    import subprocess

    source = tmp_path / "plan.txt"
    source.write_text(make(items), encoding="utf-8")
    size_mb = source.stat().st_size / 2**20
    assert 0.9 < size_mb < 1.1
    run = subprocess.run([sys.executable, "-c", INGEST_SCRIPT, str(source), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    before, after = (int(kb) for kb in run.stdout.split())
    assert (tmp_path / "out" / "plan.yaml").stat().st_size > 2 * source.stat().st_size
    grown_mb = (after - before) / 1024
    assert grown_mb < 80 * size_mb, (grown_mb, size_mb)


@pytest.mark.parametrize("name", ["long.txt", "long.html"])
def test_a_text_longer_than_planner_reads_is_refused_before_ingest(tmp_path, name):
    from planner.lint.readers import read_draft
    from planner.parse.source import MAX_TEXT_BYTES, read_source

    line = "推进一网通办，建设城市运行平台，完善一体化大数据平台。" * 10
    body = "\n".join([line] * (MAX_TEXT_BYTES // len(line.encode()) + 10))
    path = tmp_path / name
    path.write_text(body if name.endswith(".txt") else f"<p>{body.replace(chr(10), '</p><p>')}</p>", encoding="utf-8")
    for read in (read_source, read_draft):
        with pytest.raises(SourceError) as caught:
            read(path)
        assert "正文过长" in str(caught.value)


def synthetic(tasks: int, kind: str):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from synthetic import synthetic_plan
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return synthetic_plan(tasks, kind)


def test_a_diff_of_two_large_plans_of_a_few_phrases_is_bounded():
    """Two 4000-item plans written from 12 phrases share every bigram: diff scored all 16
    million pairs (370 s, 10.5 GB). The work is now capped (planner.alignment): every item is
    still paired, with a reworded version of itself or another."""
    import time
    import tracemalloc

    from planner.alignment import WORK_BUDGET
    from planner.diff import diff_plans

    old, new = synthetic(1500, "clean"), synthetic(1500, "realistic")
    tracemalloc.start()
    start = time.perf_counter()
    result = diff_plans(old, new)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.count("added") + result.count("removed") <= 2 * len(result.changes) // 10
    assert peak < 200 * 1024 * 1024 and seconds < 60, (peak, seconds)
    assert WORK_BUDGET < 1500 * 1500


def test_diff_is_exact_within_the_budget():
    """Below the work budget the pairing is the exhaustive greedy one: every pair scored."""
    from planner.alignment import match, tfidf
    from collections import Counter

    bags = [Counter({"甲乙": 2, "乙丙": 1}), Counter({"丙丁": 1, "甲乙": 1}), Counter({"甲乙": 2, "乙丙": 1}),
            Counter({"丙丁": 2})]
    vectors = tfidf(bags)
    pairs = match(["a", "b"], ["c", "d"], vectors[:2], vectors[2:], 0.1)
    assert [(i, j) for i, j, _ in pairs] == [(0, 0), (1, 1)]
    assert pairs[0][2] == pytest.approx(1.0)


def test_the_changed_runs_of_two_long_texts_are_bounded():
    """Word-level runs of two 50k-character texts (SequenceMatcher is quadratic): the common
    head and tail are found, the middle is one change."""
    import time

    from planner.diff import changed_runs

    old = "推进" * 25_000 + "甲" + "建设" * 25_000
    new = "推进" * 25_000 + "乙" + "建设" * 25_000
    start = time.perf_counter()
    left, right = changed_runs(old, new)
    assert time.perf_counter() - start < 10
    assert "".join(t for t, _ in left) == old and "".join(t for t, _ in right) == new
    assert [t for t, changed in left if changed] == ["甲"] and [t for t, changed in right if changed] == ["乙"]
