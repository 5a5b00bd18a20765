"""The command line: outputs, exit codes, Chinese one-line errors, batches, info --json."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from planner.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
JIMO = next(CORPUS.glob("000_*.txt"))
DONGYING = next(CORPUS.glob("002_*.txt"))


def run(*args: str):
    """Run the real entry point in a subprocess: exit code, stdout, stderr."""
    proc = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True,
                          text=True, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def test_help_is_chinese():
    code, out, _ = run("--help")
    assert code == 0
    assert "用法：" in out and "命令" in out and "ingest" in out
    code, out, _ = run("ingest", "--help")
    assert code == 0 and "输出目录" in out


def test_ingest_writes_one_plan_per_input(tmp_path):
    code, out, err = run("ingest", str(JIMO), str(DONGYING), "-o", str(tmp_path / "out"))
    assert code == 0, err
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [JIMO.stem + ".yaml", DONGYING.stem + ".yaml"]
    data = yaml.safe_load((tmp_path / "out" / (JIMO.stem + ".yaml")).read_text(encoding="utf-8"))
    assert data["title"] == "数字即墨2024年行动方案"
    clause = data["sections"][1]["parts"][0]["items"][0]["paragraphs"][0]["clauses"][0]
    assert set(clause["responsibility"]) >= {"lead", "support", "raw"}


def test_ingest_json_format(tmp_path):
    code, _, err = run("ingest", str(JIMO), "-o", str(tmp_path), "--format", "json")
    assert code == 0, err
    data = json.loads((tmp_path / (JIMO.stem + ".json")).read_text(encoding="utf-8"))
    assert data["notice"]["date"] == "2024-05-31"


def test_ingest_verbose_reports_dropped_chrome(tmp_path):
    code, _, err = run("-v", "ingest", str(DONGYING), "-o", str(tmp_path))
    assert code == 0
    assert "面包屑导航" in err and "当前位置" in err


def test_ingest_verbose_reports_what_stood_before_the_notice(tmp_path):
    # A portal page (tests/fixtures/constructs/c08.txt): the page title doubled with |, the
    # metadata table and the notice title's copy stand before the notice's own title.
    page = ROOT / "tests" / "fixtures" / "constructs" / "c08.txt"
    code, _, err = run("-v", "ingest", str(page), "-o", str(tmp_path))
    assert code == 0, err
    lines = [line for line in err.splitlines() if "已去除" in line]
    assert [line.split(":", 2)[1] for line in lines] == ["1", "2", "3", "4"]
    assert "（通知之前的网页内容）：青山市数字乡村2025年工作方案 | " in lines[0]
    assert all("（门户元数据）" in line for line in lines[1:])


def test_info_json_says_where_each_notice_field_was_read(tmp_path):
    page = ROOT / "tests" / "fixtures" / "constructs" / "c08.txt"
    code, out, err = run("info", str(page), "--json")
    assert code == 0, err
    notice = json.loads(out)["notice"]
    # The 文号 and date are only in the metadata table; the issuer only in the notice's title.
    assert (notice["doc_number"], notice["doc_number_from"]) == ("青农发〔2025〕6号", "metadata")
    assert (notice["date"], notice["date_from"]) == ("2025-03-15", "metadata")
    assert (notice["issuer"], notice["issuer_from"]) == ("青山市农业农村局", "title line")
    assert notice["title_from"] == "wrapper"
    code, out, _ = run("info", str(page))
    assert "青农发〔2025〕6号（取自网页元数据）" in out and "青山市农业农村局（取自标题行）" in out


def test_info_of_a_text_without_title_line_shows_no_title():
    weihai = next(CORPUS.glob("004_*.txt"))
    code, out, err = run("info", str(weihai), "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["title"] is None and info["year"] == 2021
    assert info["notice"]["issuer_from"] == "wrapper" and info["notice"]["doc_number_from"] is None
    assert run("info", str(weihai))[1].startswith("（无标题）")


def bad_inputs(tmp: Path) -> dict[str, Path]:
    files = {}
    files["missing"] = tmp / "没有这个文件.txt"
    files["directory"] = tmp / "adir.txt"
    files["directory"].mkdir()
    files["empty"] = tmp / "empty.txt"
    files["empty"].write_bytes(b"")
    files["binary"] = tmp / "binary.txt"
    files["binary"].write_bytes(bytes(range(256)) * 4)
    files["undecodable"] = tmp / "bad.txt"
    files["undecodable"].write_bytes("一、主要任务\n".encode() + b"\xff\xfe\xfa\x80\x81 abc")
    files["notzip"] = tmp / "notzip.docx"
    files["notzip"].write_bytes(b"this is not a zip file")
    files["nodoc"] = tmp / "nodoc.docx"
    with zipfile.ZipFile(files["nodoc"], "w") as archive:
        archive.writestr("hello.txt", "x")
    files["nochinese"] = tmp / "english.txt"
    files["nochinese"].write_text("This is an English text.\nNothing to see.\n", encoding="utf-8")
    return files


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "binary", "undecodable",
                                  "notzip", "nodoc", "nochinese"])
def test_bad_input_gives_one_chinese_line_and_exit_2(tmp_path, kind):
    path = bad_inputs(tmp_path)[kind]
    out_dir = tmp_path / "out"
    code, out, err = run("ingest", str(path), "-o", str(out_dir))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert path.name in lines[0]
    assert "Traceback" not in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    bad = bad_inputs(tmp_path)["binary"]
    out_dir = tmp_path / "out"
    code, out, err = run("ingest", str(bad), str(JIMO), "-o", str(out_dir))
    assert code == 1
    assert [p.name for p in out_dir.iterdir()] == [JIMO.stem + ".yaml"]
    assert bad.name in err


def test_debug_shows_traceback(tmp_path):
    code, _, err = run("--debug", "ingest", str(tmp_path / "missing.txt"))
    assert code != 0 and "Traceback" in err


def test_output_is_never_written_over_an_input(tmp_path):
    plan = tmp_path / "plan.yaml"
    code, _, err = run("ingest", str(JIMO), "-o", str(tmp_path))
    (tmp_path / (JIMO.stem + ".yaml")).rename(plan)
    before = plan.read_bytes()
    code, _, err = run("export", str(plan), "-o", str(plan))
    assert code == 2 and "输入" in err
    assert plan.read_bytes() == before


def test_output_directory_is_created(tmp_path):
    target = tmp_path / "a" / "b" / "plan.txt"
    code, _, err = run("export", str(JIMO), "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("各镇人民政府，各街道办事处")


def test_outputs_get_the_usual_permissions_and_keep_a_replaced_files(tmp_path):
    import os
    import stat

    fresh, kept = tmp_path / "new.txt", tmp_path / "kept.txt"
    kept.write_text("旧", encoding="utf-8")
    kept.chmod(0o640)
    old_mask = os.umask(0o022)
    try:
        for target in (fresh, kept):
            code, _, err = run("export", str(JIMO), "-o", str(target))
            assert code == 0, err
    finally:
        os.umask(old_mask)
    # as `open(..., "w")` would under umask 022, not the 0600 of a temporary file
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_unknown_option_is_usage_error_in_chinese():
    code, _, err = run("ingest", "--nope", str(JIMO))
    assert code == 2 and "没有这个选项" in err


def test_info_json_has_the_fixed_shape():
    code, out, err = run("info", str(JIMO), "--json")
    assert code == 0, err
    info = json.loads(out)
    for key in ("kind", "title", "year", "period", "issuer", "notice", "goals", "counts", "notes",
                "units"):
        assert key in info
    assert set(info["notice"]) >= {"doc_number", "date", "issuer", "recipients", "public"}
    assert info["notice"]["date"] == "2024-05-31" and info["notice"]["public"] is True
    assert info["counts"]["task_parts"] == 4 and info["counts"]["task_items"] == 26
    assert info["counts"]["task_notes"] == 39 and info["counts"]["safeguard_notes"] == 6
    assert info["counts"]["safeguard_items"] == 4
    assert len(info["notes"]) == 45
    first = info["notes"][0]
    assert set(first) >= {"raw", "lead", "support", "part"}
    assert first == {**first, "raw": "(责任单位:区工业和信息化局)", "lead": ["区工业和信息化局"],
                     "support": [], "part": "tasks"}
    assert info["units"]["区工业和信息化局"] >= 5


def test_info_reads_plan_yaml_and_text_alike(tmp_path):
    code, _, _ = run("ingest", str(DONGYING), "-o", str(tmp_path))
    from_yaml = json.loads(run("info", str(tmp_path / (DONGYING.stem + ".yaml")), "--json")[1])
    from_text = json.loads(run("info", str(DONGYING), "--json")[1])
    assert from_yaml == from_text
    assert from_text["notice"]["doc_number"] == "东政办字〔2022〕36号"
    assert from_text["period"] is None and from_text["year"] == 2022


def test_info_text_summary_is_chinese():
    code, out, _ = run("info", str(JIMO))
    assert code == 0
    assert "数字即墨2024年行动方案" in out and "2024年5月31日" in out and "26 项" in out


def test_schema_error_in_plan_yaml_points_at_line_and_column(tmp_path):
    plan = tmp_path / "bad.yaml"
    plan.write_text("title: 测试方案\nsections:\n  - role: tasks\n    colour: red\n", encoding="utf-8")
    code, _, err = run("info", str(plan))
    assert code == 2
    assert f"{plan}:4:5: sections[0].colour: 未知字段" in err


def test_yaml_syntax_error_points_at_line(tmp_path):
    plan = tmp_path / "bad.yaml"
    plan.write_text("title: 测试方案\nsections:\n\t- role: tasks\n", encoding="utf-8")
    code, _, err = run("info", str(plan))
    assert code == 2 and f"{plan}:3:" in err and "Tab" in err


def test_yaml_alias_bomb_is_refused(tmp_path):
    plan = tmp_path / "bomb.yaml"
    lines = ["a0: &a0 [x, x]"] + [f"a{i}: &a{i} [*a{i-1}, *a{i-1}]" for i in range(1, 30)]
    plan.write_text("\n".join(lines) + "\ntitle: t\n", encoding="utf-8")
    code, _, err = run("info", str(plan))
    assert code == 2 and "别名" in err


def test_export_roundtrip_through_the_cli(tmp_path):
    text = tmp_path / "jimo.txt"
    assert run("export", str(JIMO), "-o", str(text))[0] == 0
    again = tmp_path / "again.txt"
    assert run("export", str(text), "-o", str(again))[0] == 0
    assert again.read_text(encoding="utf-8") == text.read_text(encoding="utf-8")


def test_clirunner_invokes_the_group():
    result = CliRunner().invoke(cli, ["info", str(JIMO), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "数字即墨2024年行动方案"


def test_markdown_export_reads_back_as_the_same_plan(tmp_path):
    md, txt = tmp_path / "jimo.md", tmp_path / "jimo.txt"
    assert run("export", str(JIMO), "--format", "md", "-o", str(md))[0] == 0
    assert md.read_text(encoding="utf-8").startswith("各镇人民政府")
    assert "## 二、主要任务" in md.read_text(encoding="utf-8")
    assert run("export", str(md), "-o", str(txt))[0] == 0
    assert txt.read_text(encoding="utf-8") == run("export", str(JIMO))[1]
