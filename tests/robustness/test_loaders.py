"""The files planner loads besides documents — plan files (YAML, JSON), outlines, lint configs,
unit lists, templates — refused with one Chinese line at the place of the fault when a value
cannot be read: a date that does not exist, a tag its value cannot hold, 5000 digits, nesting
1000 deep, a lone surrogate, a file in UTF-16 cut short. Each case crashed with a traceback
(issue 19)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner.errors import PlannerError, UserError

ROOT = Path(__file__).resolve().parents[2]
OUTLINE = ("title: 数字某区2025年行动方案\nregion: 某区\nyear: 2025\nparts:\n  - title: 主要任务\n"
           "    items:\n      - heading: 建设基站\n        targets: [{metric: 5G基站, value: VALUE, unit: 座}]\n")


def refused(call, path: Path, *words: str) -> PlannerError:
    with pytest.raises(UserError) as caught:
        call(path)
    text = str(caught.value)
    assert text.startswith(str(path)) and "\n" not in text, text
    for word in words:
        assert word in text, text
    return caught.value


@pytest.mark.parametrize("name, text, words, line", [
    ("date.yaml", "title: 方案\nnotice:\n  date: 2024-02-30\n", ["日期无效", "2024-02-30"], 3),
    ("key.yaml", "title: 方案\n2024-02-30: x\n", ["日期无效"], 2),
    ("int.yaml", "title: !!int abc\n", ["!!int", "abc"], 1),
    ("empty-int.yaml", "title: !!int ''\n", ["!!int"], 1),
    ("bool.yaml", "title: !!bool maybe\n", ["!!bool"], 1),
    ("float.yaml", "title: 方案\nyear: !!float abc\n", ["!!float"], 2),
    ("stamp.yaml", "title: 方案\nnotice: {date: !!timestamp foo}\n", ["日期无效", "foo"], 2),
    ("digits.yaml", "title: 方案\nyear: " + "9" * 5000 + "\n", ["数字过长", "5000"], 2),
    ("deep.yaml", "title: 方案\nx: " + "[" * 1000 + "]" * 1000 + "\n", ["嵌套过深"], 2),
    ("deep-block.yaml", "title: 方案\nx:\n" + "".join("  " * d + "- \n" for d in range(1, 300)), ["嵌套过深"], None),
])
def test_plan_yaml_values_that_cannot_be_read_are_refused_at_their_line(tmp_path, name, text, words, line):
    from planner.planfile import load_plan

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    error = refused(load_plan, path, *words)
    if line is not None:
        assert error.line == line


@pytest.mark.parametrize("name, text, words", [
    ("digits.json", '{"title": "方案", "year": ' + "9" * 5000 + "}", ["数字过长"]),
    ("deep.json", '{"title": "方案", "x": ' + "[" * 1000 + "]" * 1000 + "}", ["嵌套过深"]),
    ("deeper.json", "[" * 100_000 + "]" * 100_000, ["嵌套过深"]),
    ("surrogate.json", '{"title": "\\ud800方案"}', ["孤立的代理项"]),
    ("key.json", '{"title": "方案", "\\udfff": 1}', ["孤立的代理项"]),
])
def test_plan_json_that_python_cannot_hold_is_refused(tmp_path, name, text, words):
    from planner.planfile import load_plan

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    refused(load_plan, path, *words)


def test_a_pair_of_surrogate_escapes_is_one_character_and_is_read(tmp_path):
    from planner.planfile import load_plan

    path = tmp_path / "emoji.json"
    path.write_text('{"title": "方案\\ud83d\\ude00"}', encoding="utf-8")
    assert load_plan(path).title == "方案😀"


def test_a_plan_nested_199_deep_still_loads(tmp_path):
    """The depth limit (yamlevents.MAX_DEPTH = 200 containers) is far above any real plan: a
    plan of 95 levels of parts (190 containers) loads, validates and renders."""
    from planner.planfile import dump_plan, load_plan
    from planner.model import Plan
    from planner.render.document import plan_docx

    deep: dict = {"title": "最深", "paragraphs": [{"clauses": [{"text": "正文。"}]}]}
    for _ in range(95):
        deep = {"title": "下一层", "parts": [deep]}
    path = tmp_path / "deep.yaml"
    path.write_text(dump_plan(Plan.model_validate({"title": "方案", "sections": [{"role": "tasks", **deep}]})),
                    encoding="utf-8")
    assert plan_docx(load_plan(path))[:2] == b"PK"


@pytest.mark.parametrize("value, words", [(".inf", ["有限"]), (".nan", ["有限"]), ("-.inf", ["有限"])])
def test_an_outline_target_of_inf_or_nan_is_refused(tmp_path, value, words):
    from planner.draft.outline import load_outline

    path = tmp_path / "outline.yaml"
    path.write_text(OUTLINE.replace("VALUE", value), encoding="utf-8")
    error = refused(load_outline, path, *words, "targets[0].value")
    assert error.line == 8


@pytest.mark.parametrize("text, words", [
    ("title: 某\nregion: 某区\nyear: 2025\nnotice: {date: 2024-02-30}\nparts: []\n", ["日期无效"]),
    ("title: !!int abc\n", ["!!int"]),
    ("title: 数字某区\nregion: 某区\nyear: " + "9" * 5000 + "\nparts: []\n", ["数字过长"]),
])
def test_outline_values_that_cannot_be_read_are_refused(tmp_path, text, words):
    from planner.draft.outline import load_outline

    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    refused(load_outline, path, *words)


def lint_folder(tmp_path: Path, config: bytes, units: bytes | None = None) -> Path:
    (tmp_path / ".planner-lint.yaml").write_bytes(config)
    if units is not None:
        (tmp_path / "units.yaml").write_bytes(units)
    draft = tmp_path / "draft.txt"
    draft.write_text("数字某区2025年行动方案\n一、主要任务\n1.推进一网通办（责任单位：区大数据局）。\n", encoding="utf-8")
    return draft


@pytest.mark.parametrize("config, words", [
    (b"units: 2024-02-30\n", ["日期无效"]),
    (b"select: !!int abc\n", ["!!int"]),
    (b"units: !!timestamp foo\n", ["日期无效"]),
    (("rules: {T001: {extra_years: [" + "9" * 5000 + "]}}\n").encode(), ["数字过长"]),
    ("\ufeffselect: [P]\n".encode("utf-16-le")[:-1], ["UTF-16"]),
])
def test_lint_configs_that_cannot_be_read_are_one_line(tmp_path, config, words):
    from planner.lint.engine import config_for

    draft = lint_folder(tmp_path, config)
    refused(lambda _: config_for(str(draft)), tmp_path / ".planner-lint.yaml", *words)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_a_lint_config_saved_by_notepad_or_wps_is_read(tmp_path, encoding):
    """GBK (GB18030) and UTF-16 with BOM, as Windows editors save a file, are read like UTF-8."""
    from planner.lint.engine import config_for

    draft = lint_folder(tmp_path, "# 只查标点\nselect: [P]\nunits: units.yaml\n".encode(encoding),
                        "units:\n  - name: 区大数据局\n    short: [大数据局]\n".encode(encoding))
    config = config_for(str(draft))
    assert config.select == ["P"] and config.units == tmp_path / "units.yaml"
    from planner.lint.units import load_registry

    assert load_registry(config.units).lookup("区大数据局") is not None


@pytest.mark.parametrize("units, words", [
    (b"2024-02-30: x\n", ["日期无效"]),
    (b"!!int abc\n", ["!!int"]),
    ("\ufeffunits: []\n".encode("utf-16-le")[:-1], ["UTF-16"]),
    (b"units: [a, b]\n", ["units[0]", "应为映射"]),
])
def test_unit_lists_that_cannot_be_read_are_one_line(tmp_path, units, words):
    from planner.lint.units import load_registry

    lint_folder(tmp_path, b"units: units.yaml\n", units)
    refused(load_registry, tmp_path / "units.yaml", *words)


@pytest.mark.parametrize("template, words", [
    ("{{ 1 // 0 }}", ["除以零"]),
    ('{% include "note.j2" %}', ["自身"]),
    ('{% extends "note.j2" %}', ["自身"]),
    ("{{ raw + 1 }}", ["运算无法进行"]),
    ('{{ "x" * 10 ** 11 }}', ["过长"]),
    ("{{ 2 ** 100000 }}", ["指数过大"]),
])
def test_user_templates_that_fail_name_the_template_and_line(tmp_path, template, words):
    from planner.planfile import load_plan
    from planner.render.document import plan_docx
    from planner.render.options import RenderOptions

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "note.j2").write_text("{# 责任单位 #}\n" + template, encoding="utf-8")
    plan = load_plan(next((ROOT / "examples" / "plans").glob("000_*.yaml")))
    with pytest.raises(UserError) as caught:
        plan_docx(plan, RenderOptions(templates=folder))
    assert str(caught.value).startswith("note.j2:2: "), str(caught.value)
    assert all(word in str(caught.value) for word in words), str(caught.value)


def test_a_template_not_in_utf8_is_refused(tmp_path):
    from planner.render.wording import JinjaWording

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "note.j2").write_bytes("{{ raw }}（责任单位）".encode("gb18030"))
    with pytest.raises(UserError) as caught:
        JinjaWording(None, folder)
    assert "UTF-8" in str(caught.value) and str(caught.value).startswith("note.j2")


def test_the_cli_says_one_line_and_exits_2_for_an_unreadable_plan(tmp_path):
    path = tmp_path / "date.yaml"
    path.write_text("title: 方案\nnotice:\n  date: 2024-02-30\n", encoding="utf-8")
    for command in (["info", str(path)], ["lint", str(path)], ["render", str(path), "-o", str(tmp_path / "x.docx")]):
        proc = subprocess.run([sys.executable, "-m", "planner", *command], capture_output=True, text=True)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
        assert f"{path}:3:" in proc.stderr and "Traceback" not in proc.stderr


def test_a_truncated_template_cache_file_is_compiled_again():
    """Jinja's bytecode cache let a truncated file's UnpicklingError out of render."""
    from planner.planfile import load_plan
    from planner.render import wording
    from planner.render.document import plan_docx
    from planner.resources import cache_dir

    plan = load_plan(next((ROOT / "examples" / "plans").glob("000_*.yaml")))
    plan_docx(plan)
    cached = list((cache_dir() / "templates").glob("bounded-*.cache"))
    assert cached
    for path in cached:
        path.write_bytes(path.read_bytes()[:20])
    wording._cached_environment.cache_clear()
    assert plan_docx(plan)[:2] == b"PK"
