"""Fuzzing, short run (CI): mutated seed texts and random text into ingest → render → export →
lint; hostile plans into render and export. Only planner's own errors may come out, each input
within a time bound, and every DOCX written opens with python-docx. The long run is
`python -m tests.robustness.long_run`."""
from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import Plan
from tests.robustness.exercise import through_plan, through_text
from tests.robustness.inputs import NASTY, SEEDS, mutate, nasty_plan, one_line, to_traditional

SHORT = settings(max_examples=60, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])


@SHORT
@given(st.integers(0, 2**32 - 1), st.integers(0, len(SEEDS) - 1))
def test_mutated_seed_texts_never_crash(seed, which):
    through_text(mutate(SEEDS[which], random.Random(seed)))


@SHORT
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(list("一、（）1.：，。；责任单位牵头配合"))),
               max_size=400))
def test_random_text_never_crashes(text):
    through_text(text)


@SHORT
@given(st.integers(0, 2**32 - 1), st.integers(0, len(SEEDS) - 1), st.booleans(), st.booleans())
def test_one_line_and_traditional_seed_texts_never_crash(seed, which, flat, traditional):
    rng = random.Random(seed)
    text = mutate(SEEDS[which], rng)
    if flat:
        text = one_line(text, rng)
    if traditional:
        text = to_traditional(text)
    through_text(text)


@SHORT
@given(st.lists(st.sampled_from(["各区人民政府，市政府各部门：", "現將《某市數字政府2025年行動方案》印發給你們。",
                                 "某市人民政府辦公室", "二〇二五年三月一日", "（此件公開發布）", "某政辦發〔2025〕3號",
                                 "索引号：1/2025-1　文号：某政发〔2025〕1号", "某 市 人 民 政 府 文 件", "（市大數據局牽頭負責）",
                                 "〔牵头单位：市大数据局；责任单位：", "（責任單位：市財政局☆、", "<", "〕", "。以下任务均需"]),
                max_size=30).map("".join))
def test_notice_pieces_on_one_line_never_crash(text):
    through_text(text)


@SHORT
@given(st.lists(st.sampled_from(NASTY), max_size=30).map("".join))
def test_nasty_strings_as_a_plan_render_and_export(text):
    through_plan(Plan.model_validate({"title": text or "方案", "preamble": [{"clauses": [{"text": text}]}],
                                      "sections": [{"role": "tasks", "title": text, "items": [
                                          {"marker": "1.", "title": text, "paragraphs": [
                                              {"clauses": [{"text": text}]}]}]}]}))


@SHORT
@given(st.integers(0, 2**32 - 1))
def test_hostile_generated_plans_render(seed):
    through_plan(Plan.model_validate(nasty_plan(random.Random(seed))))


def test_a_100k_character_paragraph_and_deep_nesting_render():
    deep: dict = {"title": "最深", "items": [{"title": "事项", "paragraphs": [{"clauses": [{"text": "正文。"}]}]}]}
    for _ in range(60):
        deep = {"title": "下一层", "parts": [deep]}
    plan = Plan.model_validate({"title": "方案", "sections": [{"role": "tasks", **deep}, {
        "role": "safeguards", "paragraphs": [{"clauses": [{"text": "长" * 100_000}]}]}]})
    assert through_plan(plan)[:2] == b"PK"


def test_a_line_of_100k_spaces_is_read_in_linear_time():
    """Found by the long run (input 83046): the chrome patterns' leading \\s* runs were
    quadratic on an all-space line (108 s)."""
    import time

    from planner.parse.document import ingest_text

    start = time.perf_counter()
    through_text("数字某区2025年行动方案\n一、主要任务\n\x1f" + " " * 100_000 + "\n1.推进一网通办。")
    assert time.perf_counter() - start < 10
    assert ingest_text("方案\n" + "　" * 100_000 + "（责任编辑：张三）", "x.txt")


def test_a_sentence_end_and_100k_spaces_at_the_end_is_read_in_linear_time():
    """Found while checking issue 16's reader: the 版记 pattern (`…  2024年5月31日印发`) tried
    every lazy printer before a run of spaces on the text's last lines (150 s for 100k)."""
    import time

    start = time.perf_counter()
    through_text("数字某区2025年行动方案\n一、主要任务\n。" + " " * 100_000 + "x")
    assert time.perf_counter() - start < 10


def test_a_line_of_300k_brackets_is_searched_for_notes_in_linear_time():
    """Each `（` is a candidate note; copying out its inside at every `（` made a line of brackets
    quadratic (before: 3.4 s unclosed + 2.0 s nested; after: 0.35 s + 0.21 s)."""
    import time

    from planner.form.notes import find_notes

    start = time.perf_counter()
    assert find_notes("（" * 300_000) == []
    assert find_notes("（" * 150_000 + "）" * 150_000) == []
    assert time.perf_counter() - start < 3


def test_a_note_of_20k_等_is_read_in_linear_time():
    """等 splits a unit list when a collective follows in the same run of Han characters; the
    lookahead that checked it rescanned the run at every 等 (20k: 5.6 s; now ~0.01 s)."""
    import time

    from planner.parse.document import ingest_text

    start = time.perf_counter()
    plan = ingest_text("数字某区2025年行动方案\n一、主要任务\n1.推进一网通办。建设平台（责任单位：区大数据局"
                       + "等" * 20_000 + "）\n", "x.txt").plan
    assert time.perf_counter() - start < 2
    assert plan.tasks[0].items[0].paragraphs[0].clauses[0].responsibility.lead


def test_a_run_of_100k_digits_is_tidied_in_linear_time():
    """Found by the long run (input 3654): M007's screen, which render's tidy runs on every
    text, tried its word pattern at each digit of a digit run and backtracked over the rest
    (over 120 s; now milliseconds)."""
    import time

    start = time.perf_counter()
    for run in ("1" * 100_000, "1-" * 50_000):
        through_plan(Plan.model_validate({"title": "方案", "preamble": [{"clauses": [{"text": run}]}]}))
    assert time.perf_counter() - start < 10


def test_the_long_run_keeps_each_kinds_docx_and_opens_them_in_libreoffice(tmp_path):
    """The long run's own machinery, on four inputs (one of each kind) kept as samples."""
    import shutil

    import pytest

    from tests.robustness.long_run import KINDS, one, open_in_libreoffice

    numbers = [4, 5, 2, 3]  # mutated, random, plan, nasty: small documents, quick to open
    assert sorted(KINDS[n % 4] for n in numbers) == sorted(KINDS)
    for number in numbers:
        assert one(number, 60, str(tmp_path), 1) == (number, "ok", "")
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == sorted(f"{n}.docx" for n in numbers)
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("未安装 LibreOffice：跳过长时间运行中用 LibreOffice 打开样本的部分")
    summary = open_in_libreoffice(tmp_path, pdf_every=4, workers=2)
    assert summary["libreoffice_opened"] == 4 and summary["libreoffice_pdf"] == 1
    assert summary["libreoffice_failed"] == [] and summary["libreoffice_slow"] == []
    assert all((tmp_path / "txt" / f"{n}.txt").read_text(encoding="utf-8", errors="replace").strip()
               for n in numbers)

    # an interrupted run resumed: only the document without text is opened again
    kept = {n: (tmp_path / "txt" / f"{n}.txt").stat().st_mtime_ns for n in numbers[:3]}
    (tmp_path / "txt" / f"{numbers[3]}.txt").unlink()
    summary = open_in_libreoffice(tmp_path, pdf_every=0, workers=2, resume=True)
    assert summary["libreoffice_opened"] == 4 and summary["libreoffice_failed"] == []
    assert (tmp_path / "txt" / f"{numbers[3]}.txt").stat().st_size > 0
    assert {n: (tmp_path / "txt" / f"{n}.txt").stat().st_mtime_ns for n in numbers[:3]} == kept
