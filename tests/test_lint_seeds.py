"""Real findings on the five seeds. Every expectation below comes from reading the texts
(examples/corpus/, described in ../shared/spec/seeds.md), not from the linter's output."""
from __future__ import annotations

from pathlib import Path

import pytest

from planner.lint.config import default_config
from planner.lint.readers import read_draft
from planner.lint.engine import lint_draft

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
SEEDS = sorted(CORPUS.glob("*.txt"))


def seed(prefix: str) -> Path:
    (path,) = CORPUS.glob(prefix + "_*.txt")
    return path


def lint(path: Path) -> list:
    return lint_draft(read_draft(path), default_config())


def codes_at(problems, code):
    return [p for p in problems if p.code == code]


@pytest.fixture(scope="module")
def found():
    return {path.name[:3]: lint(path) for path in SEEDS}


def test_004_has_no_goals_part_but_has_tasks_and_safeguards(found):
    s001 = codes_at(found["004"], "S001")
    assert len(s001) == 1 and "目标" in s001[0].message


def test_003_tasks_carry_no_responsibility(found):
    # 三、重点任务: 5 parts holding 5, 3, 4, 3, 3 = 18 items, none with a note.
    assert len(codes_at(found["003"], "S003")) == 18


def test_000_002_004_tasks_all_have_responsibility(found):
    for name in ("000", "002", "004"):
        assert codes_at(found[name], "S003") == [], name


def test_002_lost_plus_in_internet_regulation(found):
    text = seed("002").read_text(encoding="utf-8").splitlines()
    hits = [p for p in codes_at(found["002"], "P007") if "互联网 监管" in p.message]
    assert hits, "互联网 监管 not reported"
    for problem in hits:
        line = text[problem.line - 1]
        assert line[problem.col - 1] == " " and line[problem.col - 4:problem.col - 1] == "互联网"
        assert problem.fix and "“+”" in problem.message


def test_002_lower_cased_terms(found):
    seen = {p.message.split("（")[1].split("）")[0] for p in codes_at(found["002"], "M007")}
    assert {"5g", "ipv6", "nb-iot", "h5", "bim"} <= seen


def test_000_stray_question_mark_before_a_unit(found):
    (hit,) = codes_at(found["000"], "O006")
    line = seed("000").read_text(encoding="utf-8").splitlines()[hit.line - 1]
    assert line[hit.col - 1] == "?" and line[hit.col:].startswith("区大数据与电子政务服务中心")
    assert hit.fix


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_ascii_punctuation_in_all_five(path):
    assert len(codes_at(lint(path), "P001")) > 20


@pytest.mark.parametrize("name", ["000", "002", "003", "004"])
def test_half_width_numbering_parentheses(name):
    # The numbered seeds write their （一） markers as `(一)`; 001 (news copy) has no markers.
    assert codes_at(lint(seed(name)), "N004")
    assert codes_at(lint(seed("001")), "N004") == []


def test_000_units_separated_by_commas(found):
    # `(责任单位:?区大数据与电子政务服务中心,区政府有关单位)` and others like it.
    assert len(codes_at(found["000"], "O004")) >= 10


def test_000_goal_has_no_quantified_target(found):
    # 一、行动目标 is one sentence of aims (争创省级五星级新型智慧城市) with no figure.
    (hit,) = codes_at(found["000"], "S005")
    assert "行动目标" in hit.message


def test_002_non_standard_unit_names(found):
    # 东营市行政审批服务局 is written 市行政审批局 twice; 东营市住房和城乡建设局 is written
    # 市住房城建管理局 in three notes (the registry lists it as a non-standard short form).
    abbrev = codes_at(found["002"], "O003")
    assert len([p for p in abbrev if "市行政审批局" in p.message]) == 2
    assert len([p for p in abbrev if "市住房城建管理局" in p.message
                and "市住房城乡建设局" in p.message]) == 3


def test_002_year_range_with_hyphen(found):
    assert any("2021-2022" in p.message for p in codes_at(found["002"], "T004"))


def test_headings_ending_in_a_full_stop(found):
    # 000 (一)…(四) and 002 (一)…(四) heading lines end in 。
    assert len(codes_at(found["000"], "P008")) == 4
    assert len(codes_at(found["002"], "P008")) == 4


# Rules about the form planner itself writes (width, quotes, markers, dates, 文号).
FORM_RULES = {"P001", "P002", "P003", "P004", "P005", "P006", "N001", "N003", "N004", "M001",
              "T005", "T007", "D001", "D003"}


@pytest.mark.parametrize("plan", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.name[:3])
def test_what_planner_exports_is_clean_in_form(plan, tmp_path):
    from planner.export import export_text
    from planner.planfile import load_plan
    out = tmp_path / "export.txt"
    out.write_text(export_text(load_plan(plan)), encoding="utf-8")
    form = [p for p in lint(out) if p.code in FORM_RULES]
    assert form == [], [(p.line, p.code, p.message) for p in form]


@pytest.mark.parametrize("plan", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.name[:3])
def test_example_plan_yaml_lints_like_its_source(plan):
    """The YAML plan points at its own lines; its structural findings match the text's."""
    structure = {"S001", "S003", "S005"}
    from_yaml = sorted(p.code for p in lint(plan) if p.code in structure)
    from_text = sorted(p.code for p in lint(seed(plan.name[:3])) if p.code in structure)
    assert from_yaml == from_text


def test_registry_knows_every_unit_of_the_seeds(found):
    """The registry was built from the seeds' units (东营's 市住房城建管理局 as a
    non-standard short form of 住房和城乡建设局), so no seed unit is unknown."""
    assert [p.message for name in found for p in codes_at(found[name], "O001")] == []


def test_registry_maps_the_2018_renames():
    from planner.lint.units import load_registry
    registry = load_registry()
    for old, new in [("市国土资源局", "市自然资源和规划局"), ("市环保局", "市生态环境局"),
                     ("市工商局", "市市场监管局"), ("市农委", "市农业农村局"),
                     ("市卫计委", "市卫生健康委"), ("市安监局", "市应急管理局")]:
        match = registry.lookup(old)
        assert match is not None and match.form == "obsolete" and match.standard() == new, old
