"""The library commands through click's CliRunner: output shapes, JSON, progress, errors."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import cli
from planner.draft.outline import OutlineError, load_outline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_search_json_has_the_documented_fields(library):
    result = invoke("clauses", "search", "智慧社区", "--top", "3", "--json", "--db", str(library))
    hits = json.loads(result.output)
    assert len(hits) == 3
    for hit in hits:
        assert {"text", "document", "region", "year", "heading", "units", "cluster",
                "cluster_size", "line", "file"} <= set(hit)
        assert "智慧社区" in hit["text"] + hit["heading"]


def test_search_text_output_names_document_place_and_units(library):
    result = invoke("clauses", "search", "新建5G基站1000座", "--top", "1", "--db", str(library))
    assert "数字即墨2024年行动方案（即墨区 2024）000_数字即墨2024年行动方案.txt:37" in result.output
    assert "位置：主要任务 / " in result.output and "责任单位：区发展和改革局" in result.output


def test_targets_and_show_commands(library):
    result = invoke("clauses", "targets", "5G基站", "--db", str(library))
    assert "即墨区2024 新建1000座" in result.output
    rows = json.loads(invoke("clauses", "targets", "5G基站", "--json", "--db", str(library)).output)
    assert {"metric", "value", "unit", "qualifier", "year", "document"} <= set(rows[0])
    found = json.loads(invoke("clauses", "search", "领导小组作用", "--json", "--db", str(library)).output)
    cluster = next(h["cluster"] for h in found if h["cluster_size"] == 2)
    shown = invoke("clauses", "show", str(cluster), "--db", str(library)).output
    assert "[代表]" in shown and "[变体]" in shown


def test_mine_shows_progress_for_many_files(tmp_path):
    for index, source in enumerate(sorted(CORPUS.glob("*.txt")) * 2):
        (tmp_path / f"{index}_{source.name}").write_bytes(source.read_bytes())
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames \
        else CliRunner()
    result = runner.invoke(cli, ["mine", str(tmp_path), "--db", str(tmp_path / "lib.sqlite")])
    assert result.exit_code == 0
    assert "收录" in (result.stderr if hasattr(result, "stderr") else result.output)
    assert result.output.count("新增") == 10


def test_unknown_part_filter_is_a_usage_error(library):
    result = CliRunner().invoke(cli, ["clauses", "search", "养老", "--part", "basis",
                                      "--db", str(library)])
    assert result.exit_code == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("titleregionyarpsm:- []{}\n  12025数字即墨\"'#&*")),
                    max_size=80))
def test_any_outline_text_loads_or_is_an_outline_error(tmp_path, text):
    path = tmp_path / "提纲.yaml"
    path.write_text(text, "utf-8")
    try:
        load_outline(path)
    except OutlineError as error:
        assert str(error).startswith(str(path))


def test_yaml_ending_inside_a_flow_list_is_an_error_not_a_crash(tmp_path):
    from planner.errors import PlanFileError
    from planner.planfile import read_plan

    path = tmp_path / "plan.yaml"
    path.write_text("[", "utf-8")
    with pytest.raises(PlanFileError) as caught:
        read_plan(path)
    # At the cause, the "[" that is never closed (the parser gives up past the last line).
    assert str(caught.value).startswith(f"{path}:1:1: YAML 语法错误：方括号“[”没有闭合")


def test_benchmark_script_runs_on_a_small_synthetic_corpus(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import library as bench_library
    finally:
        sys.path.pop(0)
    from planner.mine.library import mine_corpus

    files = bench_library.make_corpus(tmp_path / "corpus", 6)
    texts = [f.read_text("utf-8") for f in files]
    assert not any(place in text for text in texts for place in bench_library.SEED_PLACES)
    report = mine_corpus(files, tmp_path / "lib.sqlite")
    assert report.failed == 0 and sum(r.clauses for r in report.results) > 300
    times = bench_library.latency(tmp_path / "lib.sqlite")
    assert len(times) == 5 * len(bench_library.QUERIES)
