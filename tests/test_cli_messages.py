"""What the user reads: usage errors in one Chinese line, help without click's English labels
and with columns aligned in display width, --debug and -v anywhere, YAML and schema errors in
Chinese at their cause, every missing part of a 印发通知 named at once."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from planner.textwidth import display_width, wrap, wrap_text

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
JIMO_TEXT = next((ROOT / "examples" / "corpus").glob("000_*.txt"))
# click's own English, which must not reach the user.
ENGLISH = re.compile(r"Usage|Error|Try '|Missing|Invalid|is not|does not|No such|required|default:|"
                     r"\bTEXT\b|\bINTEGER\b|\bRANGE\b|\bPATH\b|\bFILE\b|\bPLAN\b|Options|Commands|Show this")


def run(*args, cwd: Path = ROOT, columns: int = 100) -> subprocess.CompletedProcess:
    env = {"COLUMNS": str(columns), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    import os

    env = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


@pytest.mark.parametrize("args, says", [
    (["render", "plan.yaml"], "缺少选项 -o/--output"),
    (["render"], "缺少参数 方案"),
    (["render", "plan.yaml", "-o"], "需要一个值"),
    (["lint", "--strikt", "x.txt"], "没有这个选项：--strikt（是不是 --strict？）"),
    (["rendr", "x"], "没有这个命令：rendr（是不是 render？）"),
    (["preview", "x.docx", "-o", "out", "--dpi", "500"], "--dpi 的取值无效：500 不在范围 30–300 内"),
    (["clauses", "search", "养老", "--top", "many"], "--top 的取值无效：'many' 不是有效的整数"),
    (["ingest", "x.txt", "--format", "xml"], "--format 的取值无效"),
    (["schema", "extra"], "多余的参数（extra）"),
])
def test_a_usage_error_is_one_chinese_line(args, says, tmp_path):
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("错误：") and says in proc.stderr, proc.stderr
    assert "planner" in proc.stderr and "--help" in proc.stderr  # where to read the usage
    assert not ENGLISH.search(proc.stderr), proc.stderr


def command_paths() -> list[list[str]]:
    import click

    from planner.cli import cli

    found = [[]]
    for name, command in cli.commands.items():
        found.append([name])
        if isinstance(command, click.Group):
            found.extend([name, sub] for sub in command.commands)
    return found


@pytest.mark.parametrize("columns", [100, 64])
def test_help_has_no_english_labels_and_fits_the_width(columns):
    for path in command_paths():
        proc = run(*path, "--help", columns=columns)
        assert proc.returncode == 0, proc.stderr
        if path in ([], ["clauses"]):  # a group lists its commands
            names = command_paths()
            listed = re.findall(r"^  (\S+)  ", proc.stdout.split("命令：\n", 1)[1], re.M)
            assert listed == sorted(p[-1] for p in names if len(p) == len(path) + 1 and p[:-1] == path)
        assert not ENGLISH.search(proc.stdout), (path, ENGLISH.search(proc.stdout).group(0))
        width = min(columns, 100) - 2
        for line in proc.stdout.splitlines():
            if line.startswith("    planner "):
                continue  # the examples of the top help, a block kept as written (click's \b)
            assert display_width(line) <= width or " " not in line.strip(), (path, line)
            assert not line.strip().startswith(tuple("，。、；：）”")), (path, line)


def option_rows(help_text: str) -> list[str]:
    section = help_text.split("选项：\n", 1)[1].split("\n\n", 1)[0]
    return [line for line in section.splitlines() if line.startswith("  -")]


@pytest.mark.parametrize("command", ["notice", "clauses search", "lint", "draft", "preview"])
def test_option_descriptions_start_in_one_column(command):
    """The second column starts at one display column in every row whose first column fits
    (a Chinese metavar such as 路径 takes two columns a character)."""
    proc = run(*command.split(), "--help")
    starts = set()
    for row in option_rows(proc.stdout):
        match = re.match(r"(  \S.*?\S)  +(\S)", row)
        if match and display_width(match.group(1)) <= 32:
            starts.add(display_width(row[:match.start(2)]))
    assert len(starts) == 1, (command, starts, proc.stdout)


def test_display_width_counts_chinese_as_two_columns():
    assert display_width("路径") == 4 and display_width("-o, --output 路径") == 17 and display_width("ab") == 2
    assert display_width("\x1b[31m红\x1b[0m") == 2


@pytest.mark.parametrize("width", range(8, 40, 3))
def test_wrapping_fits_and_never_starts_a_line_with_closing_punctuation(width):
    text = "出错时显示完整的调用栈（排查问题用；可写在命令行的任何位置）。用 --debug 查看，如 planner lint --debug 草稿.txt。"
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert display_width(line) <= width or " " not in line and display_width(line) <= width + 2, line
        assert line[:1] not in "，。、；：）”", lines
    assert wrap_text("\b\n  原样\n  保留", 10, preserve_paragraphs=True) == "  原样\n  保留"


def test_debug_and_verbose_work_after_the_command(tmp_path):
    proc = run("lint", "--debug", tmp_path / "missing.txt", cwd=tmp_path)
    assert proc.returncode != 0 and "Traceback" in proc.stderr
    proc = run("lint", tmp_path / "missing.txt", cwd=tmp_path)
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") <= 2
    dongying = next((ROOT / "examples" / "corpus").glob("002_*.txt"))
    proc = run("ingest", dongying, "-o", tmp_path, "-v", cwd=tmp_path)
    assert proc.returncode == 0 and "面包屑导航" in proc.stderr
    proc = run("clauses", "--debug", "search", "养老", "--db", tmp_path / "none.sqlite", cwd=tmp_path)
    assert "Traceback" in proc.stderr


def test_notice_names_every_missing_part_at_once(tmp_path):
    source = tmp_path / "方案.txt"
    source.write_text("一、主要任务\n（一）推进数字政府建设。\n1.建设平台。（责任单位：区大数据局）\n", "utf-8")
    proc = run("notice", source, "-o", tmp_path / "n.docx", "--masthead", "某某区人民政府办公室文件", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and str(source) in proc.stderr
    for part, option in (("主送机关", "--recipients"), ("发文机关署名", "--issuer"), ("成文日期", "--date"),
                         ("发文字号", "--doc-number")):
        assert part in proc.stderr and option in proc.stderr, proc.stderr
    assert not (tmp_path / "n.docx").exists()


def test_draft_notice_names_every_missing_part_at_once(tmp_path):
    from planner.draft.outline import Outline, check_notice
    from planner.errors import UserError

    outline = Outline.model_validate({"title": "数字某某2025年行动方案", "region": "某某区", "year": 2025,
                                      "parts": [{"title": "数字政府", "text": "推进数字政府建设。"}]})
    with pytest.raises(UserError) as caught:
        check_notice(outline, "提纲.yaml")
    assert all(part in str(caught.value) for part in ("主送机关", "发文机关署名", "成文日期"))


@pytest.mark.parametrize("text, where, says", [
    ('title: "数字即墨\nsections:\n  - title: 一、主要任务\n', "1:8", "引号没有闭合"),
    ("title: '数字即墨\n", "1:8", "引号没有闭合"),
    ("title: 方案\nsections: [一, 二\n", "2:11", "方括号“[”没有闭合"),
    ("title: 方案\nnotice: {date: 2024-05-31\n", "2:9", "花括号“{”没有闭合"),
    ("[", "1:1", "方括号“[”没有闭合"),
    ("title: 方案\n  region: 某区\n", "2:9", "此处不能出现“键: 值”"),
    ("title: 方案\nsections:\n  - title: 一\n  x\n", "4:3", "缺少冒号"),
    ("title: 方案\nregion: @某区\n", "2:9", "不能作为 YAML 值的开头"),
    ("title: 方案\x07\n", "1:10", "U+0007"),
    ('title: "方\\q案"\n', "1:10", "转义无效"),
    ("title: |x\n  方案\n", "1:9", "此处应换行"),
])
def test_yaml_syntax_errors_are_chinese_and_point_at_the_cause(text, where, says, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, "utf-8")
    proc = run("info", plan, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert f"{plan}:{where}: YAML 语法错误：" in proc.stderr and says in proc.stderr, proc.stderr
    assert not re.search(r"[a-z]{4,}", proc.stderr.replace(str(plan), "")), proc.stderr  # no libyaml English


def test_lint_config_and_unit_list_yaml_errors_are_chinese(tmp_path):
    draft = tmp_path / "草稿.txt"
    shutil.copy(JIMO_TEXT, draft)
    (tmp_path / ".planner-lint.yaml").write_text("rules: {P001: off\n", "utf-8")
    proc = run("lint", draft, cwd=tmp_path)
    assert "配置文件 YAML 语法错误：花括号“{”没有闭合" in proc.stderr and ".planner-lint.yaml:1:8" in proc.stderr
    (tmp_path / ".planner-lint.yaml").write_text("units: 单位.yaml\n", "utf-8")
    (tmp_path / "单位.yaml").write_text("units:\n  - name: '区大数据局\n", "utf-8")
    proc = run("lint", draft, cwd=tmp_path)
    assert "单位登记表 YAML 语法错误：引号没有闭合" in proc.stderr and "单位.yaml:2:11" in proc.stderr, proc.stderr


def test_every_pydantic_error_type_has_a_chinese_message():
    from pydantic_core.core_schema import ErrorType

    from planner.validation import message

    for kind in typing.get_args(ErrorType):
        text = message({"type": kind, "msg": "English that must not show", "ctx": {}})
        assert re.search(r"[\u4e00-\u9fff]", text) and "English" not in text and "{" not in text, (kind, text)
    assert message({"type": "a type pydantic adds later", "msg": "English"}) == "取值无效"
    assert message({"type": "greater_than_equal", "ctx": {"ge": 2000}}) == "数值太小（应不小于 2000）"
    assert message({"type": "literal_error", "ctx": {"expected": "'tasks' or 'safeguards'"}}) == \
        "取值无效（可选：tasks、safeguards）"
    assert message({"type": "value_error", "ctx": {"error": ValueError("不能有空白条目")}}) == "不能有空白条目"


def test_a_plan_nested_past_pydantic_depth_is_chinese(tmp_path):
    import json

    inner: dict = {"title": "事项"}
    for _ in range(400):
        inner = {"title": "部分", "parts": [inner]}
    plan = tmp_path / "deep.json"
    plan.write_text(json.dumps({"title": "方案", "sections": [{"title": "一", "parts": [inner]}]}), "utf-8")
    proc = run("info", plan, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "嵌套过深" in proc.stderr and "Recursion" not in proc.stderr and len(proc.stderr) < 400


@pytest.mark.parametrize("damage", ["not a zip", "deflate"])
def test_preview_of_a_corrupt_docx_is_one_line(damage, tmp_path):
    good = tmp_path / "good.docx"
    assert run("render", next(PLANS.glob("000_*.yaml")), "-o", good, cwd=tmp_path).returncode == 0
    bad = tmp_path / "bad.docx"
    if damage == "not a zip":
        bad.write_bytes(b"PK but not really a zip" * 100)
    else:
        from tests.robustness.hostile import damage_member

        bad.write_bytes(damage_member(good.read_bytes(), "word/document.xml", "deflate"))
    proc = run("preview", bad, "-o", tmp_path / "out", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert str(bad) in proc.stderr or "LibreOffice" in proc.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
