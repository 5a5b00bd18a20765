"""planner lint as a command: formats, exit codes, config, suppressions, --fix, bad input."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from planner.cli import cli, main
from planner.lint import LintOptions, lint_plan
from canonical import width_key

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = (FIXTURES / "lint" / "clean.txt").read_text(encoding="utf-8")
SEED_002 = next((ROOT / "examples" / "corpus").glob("002_*.txt"))
PLAN_000 = next((ROOT / "examples" / "plans").glob("000_*.yaml"))


@pytest.fixture(autouse=True)
def not_in_github_actions(monkeypatch):
    """The default format is github under GitHub Actions; these tests expect text."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_github_format_is_the_default_under_github_actions(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    draft = write(tmp_path / "d.txt", CLEAN.replace("成立工作专班，", "成立工作专班,"))
    assert run(draft).stdout.startswith("::error ")


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, ["lint", *map(str, args)])
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(cli, ["lint", *map(str, args)])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_draft_exits_zero(tmp_path):
    result = run(write(tmp_path / "clean.txt", CLEAN))
    assert result.exit_code == 0 and result.stdout == ""


def test_text_format_is_path_line_col_level_code_message(tmp_path):
    draft = write(tmp_path / "d.txt", CLEAN.replace("成立工作专班，", "成立工作专班,"))
    result = run(draft)
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{draft}:20:")
    rest = line.split(": ", 1)[1]
    assert rest.startswith("error P001 ") and "（" in rest and "；" in rest


def test_warnings_alone_exit_zero_unless_strict(tmp_path):
    draft = write(tmp_path / "d.txt", CLEAN.replace("2025年底前完成重点系统", "今年底前完成重点系统"))
    assert run(draft).exit_code == 0
    assert "warning T008" in run(draft).stdout
    assert run("--strict", draft).exit_code == 1


def test_unreadable_file_is_reported_and_the_others_still_linted(tmp_path, capsys):
    good = write(tmp_path / "d.txt", CLEAN.replace("成立工作专班，", "成立工作专班,"))
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    with pytest.raises(SystemExit) as done:
        main(["lint", str(tmp_path / "missing.txt"), str(binary), str(good)])
    out = capsys.readouterr()
    assert done.value.code == 1  # some files linted: a partial failure (2 only when none could be read)
    assert "P001" in out.out
    assert f"{tmp_path / 'missing.txt'}: 文件不存在" in out.err and "bad.txt" in out.err
    assert "Traceback" not in out.err


def test_yaml_error_names_file_line_and_col(tmp_path, capsys):
    bad = write(tmp_path / "p.yaml", "title: 方案\nsections:\n  - role: tasks\n\tmarker: x\n")
    with pytest.raises(SystemExit) as done:
        main(["lint", str(bad)])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert f"{bad}:4:1:" in err and "Tab" in err


def test_select_and_ignore_take_codes_and_prefixes(tmp_path):
    draft = write(tmp_path / "d.txt", CLEAN.replace("成立工作专班，", "成立工作专班,")
                  .replace("“一网通办”", '"一网通办"'))
    assert {l.split()[2] for l in run("--select", "P", draft).stdout.splitlines()} == {"P001", "P002"}
    assert {l.split()[2] for l in run("--ignore", "P001", draft).stdout.splitlines()} == {"P002"}
    assert run("--select", "P001,P002", "--ignore", "P", draft).exit_code == 0


def exit_of(capsys, *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as done:
        main(["lint", *map(str, args)])
    return done.value.code, capsys.readouterr().err


def test_unknown_selector_is_a_usage_error(capsys):
    code, err = exit_of(capsys, "--select", "Q9", "x.txt")
    assert code == 2 and "Q9" in err and "Traceback" not in err


def test_config_found_upward_sets_levels_options_and_per_file_ignores(tmp_path):
    write(tmp_path / ".planner-lint.yaml", yaml.safe_dump({
        "rules": {"P001": "warning", "T001": {"extra_years": [2026]}, "unit-unknown": "disable"},
        "per-file-ignores": {"*.skip.txt": ["P002"]}}))
    text = (CLEAN.replace("成立工作专班，", "成立工作专班,").replace("2025年6月底前建成", "2026年6月底前建成")
            .replace("（责任单位：市财政局）", "（责任单位：市数字资源管理局）"))
    draft = write(tmp_path / "deep" / "er" / "d.txt", text)
    result = run(draft)
    assert result.exit_code == 0, result.stdout
    assert [l.split()[1:3] for l in result.stdout.splitlines()] == [["warning", "P001"]]
    skip = write(tmp_path / "a.skip.txt", CLEAN.replace("“一网通办”", '"一网通办"'))
    assert run(skip).exit_code == 0


def test_config_extends_strict_makes_warnings_count(tmp_path):
    write(tmp_path / ".planner-lint.yaml", "extends: strict\n")
    draft = write(tmp_path / "d.txt", CLEAN.replace("2025年底前完成重点系统", "今年底前完成重点系统"))
    assert run(draft).exit_code == 1


@pytest.mark.parametrize("config, named", [
    ({"rules": {"P01": "warning"}}, "最接近的是“P001”"),
    ({"rules": {"unit-unknwn": "disable"}}, "最接近的是“unit-unknown”"),
    ({"rules": {"T001": {"extra_yeras": [2035]}}}, "最接近的是“extra_years”"),
    ({"rules": {"T001": {"lvel": "warning"}}}, "最接近的是“level”"),
    ({"selct": ["P"]}, "最接近的是“select”"),
])
def test_bad_config_names_the_closest_valid_name(tmp_path, capsys, config, named):
    write(tmp_path / ".planner-lint.yaml", yaml.safe_dump(config, allow_unicode=True))
    draft = write(tmp_path / "d.txt", CLEAN)
    with pytest.raises(SystemExit) as done:
        main(["lint", str(draft)])
    err = capsys.readouterr().err
    assert done.value.code == 2 and ".planner-lint.yaml" in err and named in err
    assert "Traceback" not in err


def test_txt_suppression_comment_and_unused_suppression(tmp_path):
    text = CLEAN.replace("成立工作专班，", "成立工作专班,<!-- planner-lint: disable P001 -->")
    text = text.replace("二、主要任务\n", "<!-- planner-lint: disable P002 -->\n二、主要任务\n")
    result = run(write(tmp_path / "d.txt", text))
    lines = result.stdout.splitlines()
    assert not any("P001" in l for l in lines)
    assert len(lines) == 1 and "warning X001" in lines[0] and "P002" in lines[0]
    assert ":12:" in lines[0]


def test_txt_suppression_on_its_own_line_covers_the_next_line(tmp_path):
    text = CLEAN.replace("（二）强化资金保障。", "<!-- planner-lint: disable P -->\n（二）强化资金保障,")
    assert run(write(tmp_path / "d.txt", text)).exit_code == 0


def test_yaml_suppression_and_file_level_suppression(tmp_path):
    plan = PLAN_000.read_text(encoding="utf-8")
    first = run("--select", "O006", write(tmp_path / "p.yaml", plan))
    (hit,) = first.stdout.splitlines()
    line_no = int(hit.split(":")[1])
    lines = plan.split("\n")
    lines[line_no - 1] += "  # planner-lint: disable O006"
    assert run("--select", "O006", write(tmp_path / "q.yaml", "\n".join(lines))).exit_code == 0
    whole = "# planner-lint: disable-file P001,N004\n" + plan
    out = run("--select", "P001,N004", write(tmp_path / "r.yaml", whole)).stdout
    assert out == ""


def test_yaml_findings_point_at_yaml_lines(tmp_path):
    result = run("--select", "O006", PLAN_000)
    (hit,) = result.stdout.splitlines()
    line, col = map(int, hit.split(":")[1:3])
    text = PLAN_000.read_text(encoding="utf-8").splitlines()[line - 1]
    assert text[col - 1] == "?"


def structure(path: Path):
    from planner.lint.readers import read_draft
    plan = read_draft(path).plan

    def words(title):  # fixes change punctuation width, letter case and spaces, not words
        return re.sub(r"[\W_]", "", width_key(title or "")).lower()

    def shape(part):
        return (part.role, part.number, words(part.title), len(part.items),
                [shape(p) for p in part.parts])
    return [shape(s) for s in plan.sections], words(plan.title), bool(plan.notice)


SOURCES = sorted((ROOT / "examples" / "corpus").glob("*.txt")) + \
    sorted((ROOT / "examples" / "plans").glob("*.yaml"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name[:3] + p.suffix)
def test_fix_writes_a_fixed_copy_that_parses_the_same_and_is_stable(tmp_path, source):
    draft = tmp_path / source.name
    draft.write_bytes(source.read_bytes())
    result = run("--fix", draft)
    fixed = draft.with_name(f"{draft.stem}.fixed{draft.suffix}")
    assert draft.read_bytes() == source.read_bytes(), "输入文件不应被改写"
    assert fixed.exists() and "已修复" in result.stderr
    assert structure(fixed) == structure(draft)
    after = run(fixed).stdout
    assert not any(" P001 " in l or " N004 " in l or " M007 " in l for l in after.splitlines())
    once = fixed.read_text(encoding="utf-8")
    run("--fix", "--in-place", fixed)
    assert fixed.read_text(encoding="utf-8") == once, "第二次修复不应再有改动"


def test_fix_in_place_rewrites_the_input(tmp_path):
    draft = write(tmp_path / "d.txt", CLEAN.replace("成立工作专班，", "成立工作专班,"))
    assert run("--fix", "--in-place", draft).exit_code == 0
    assert draft.read_text(encoding="utf-8") == CLEAN
    assert not (tmp_path / "d.fixed.txt").exists()


@pytest.mark.parametrize("codec, bom, newline", [
    ("gb18030", b"", "\r\n"),  # Notepad/WPS on a Chinese Windows
    ("utf-8", b"\xef\xbb\xbf", "\r\n"),
    ("utf-16-le", b"\xff\xfe", "\n"),
    ("utf-8", b"", "\n"),
], ids=["gb18030-crlf", "utf8-bom-crlf", "utf16", "utf8"])
def test_fix_keeps_the_files_encoding_and_line_endings(tmp_path, codec, bom, newline):
    draft = tmp_path / "d.txt"
    bad = CLEAN.replace("成立工作专班，", "成立工作专班,")
    draft.write_bytes(bom + bad.replace("\n", newline).encode(codec))
    assert run("--fix", "--in-place", draft).exit_code == 0
    assert draft.read_bytes() == bom + CLEAN.replace("\n", newline).encode(codec)


def test_fix_keeps_a_plan_files_crlf_lines(tmp_path):
    text = PLAN_000.read_text(encoding="utf-8").replace("，", ",", 1)
    (tmp_path / "lf.yaml").write_bytes(text.encode("utf-8"))
    (tmp_path / "crlf.yaml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    run("--fix", tmp_path / "lf.yaml", tmp_path / "crlf.yaml")
    lf = (tmp_path / "lf.fixed.yaml").read_bytes()
    crlf = (tmp_path / "crlf.fixed.yaml").read_bytes()
    assert lf != text.encode("utf-8") and b"\r" not in lf
    assert crlf == lf.replace(b"\n", b"\r\n")


def test_in_place_without_fix_is_a_usage_error(tmp_path, capsys):
    code, err = exit_of(capsys, "--in-place", write(tmp_path / "d.txt", CLEAN))
    assert code == 2 and "--fix" in err


def test_sarif_is_valid_sarif_2_1_0(tmp_path):
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0-subset.json").read_text(encoding="utf-8"))
    missing = tmp_path / "missing.txt"
    result = run("--format", "sarif", SEED_002, PLAN_000, missing)
    log = json.loads(result.stdout)
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0" and run_["results"]
    assert {r["ruleId"] for r in run_["results"]} >= {"P001", "P007", "M007"}
    assert run_["invocations"][0]["executionSuccessful"] is False
    rules = run_["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run_["results"])


def test_json_and_github_formats(tmp_path):
    draft = write(tmp_path / "d.txt", CLEAN.replace("成立工作专班，", "成立工作专班,"))
    data = json.loads(run("--format", "json", draft).stdout)
    (problem,) = data["problems"]
    assert problem["code"] == "P001" and problem["line"] == 20 and problem["fixable"]
    github = run("--format", "github", draft).stdout
    assert github.startswith(f"::error file={draft},line=20,col=")
    assert "title=P001 halfwidth-punct::" in github


def test_explain_prints_the_rule_docstring():
    result = CliRunner().invoke(cli, ["lint", "--explain", "S003"])
    assert result.exit_code == 0
    assert result.stdout.startswith("S003 task-owner-missing：") and "PASS:" in result.stdout
    assert CliRunner().invoke(cli, ["lint", "--explain", "task-owner-missing"]).stdout == result.stdout


def test_rules_doc_is_generated_and_up_to_date():
    result = CliRunner().invoke(cli, ["lint", "--list-rules", "--format", "md"])
    assert result.exit_code == 0
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == result.stdout, \
        "请运行 planner lint --list-rules --format md > docs/rules.md"


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "planner-lint" and hook["entry"].startswith("planner lint")
    assert hook["language"] == "python" and "ya?ml" in hook["files"]


def test_lint_plan_function_is_the_public_api(tmp_path):
    draft = write(tmp_path / "d.txt", CLEAN)
    report = lint_plan([draft], LintOptions(select=["S"]))
    assert report.exit_code() == 0 and report.problems() == []


def big_plan(tasks: int) -> str:
    head, body = CLEAN.split("二、主要任务\n")
    tail = "三、保障措施\n" + body.split("三、保障措施\n")[1]
    lines = [head + "二、主要任务"]
    parts = tasks // 20
    for p in range(1, parts + 1):
        lines.append(f"（{_cn(p)}）推进第{p}组任务")
        for i in range(1, 21):
            lines.append(f"{i}.建设应用场景。2025年{(i % 9) + 4}月底前完成{i}个场景建设，"
                         f"覆盖率达到{i}%。（责任单位：市大数据局、市财政局）")
    return "\n".join(lines) + "\n" + tail


def _cn(n: int) -> str:
    from planner.form.numerals import int_to_cn
    return int_to_cn(n)


def test_a_plan_of_hundreds_of_parts_lints_clean():
    """400 parts of 20 tasks: （一百一十一） and the like are markers, so numbering holds throughout.
    (How lint time grows with plan size is measured by bench/run.py, not timed here.)"""
    from planner.lint.config import default_config
    from planner.lint.readers import text_draft
    from planner.lint.engine import lint_draft

    problems = lint_draft(text_draft(big_plan(8000), "big.txt"), default_config())
    assert problems == [], problems[:3]
