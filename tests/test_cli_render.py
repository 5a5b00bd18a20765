"""render / notice / check-format / preview on the command line: outputs, exit codes, and one
Chinese line for every kind of bad input, with nothing half-written."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
PLANS = ROOT / "examples" / "plans"
JIMO_TXT = next(CORPUS.glob("000_*.txt"))
QINGDAO = next(PLANS.glob("001_*.yaml"))
JIMO = next(PLANS.glob("000_*.yaml"))


def run(*args: str):
    proc = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def test_notice_from_the_seed_text_regenerates_a_formatted_notice(tmp_path):
    out = tmp_path / "new" / "dir" / "即墨通知.docx"
    code, _, err = run("notice", str(JIMO_TXT), "-o", str(out))
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    # The long title breaks between words (a line break), the shorter line on top (GB/T 9704
    # 7.3.1: 梯形, 13 characters over 18).
    assert texts[:2] == ["青岛市即墨区人民政府办公室\n关于印发数字即墨2024年行动方案的通知",
                         "各镇人民政府，各街道办事处，各功能区，区政府各部门，区直各单位："]
    assert "数字即墨2024年行动方案" in texts
    code, out_text, _ = run("check-format", str(out))
    assert code == 0 and "格式检查通过" in out_text


def test_render_writes_the_plan_alone(tmp_path):
    code, _, err = run("render", str(JIMO), "-o", str(tmp_path / "plan.docx"))
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(tmp_path / "plan.docx")).paragraphs if p.text]
    assert texts[0] == "数字即墨2024年行动方案" and "（此件公开发布）" not in texts


def test_notice_options_fill_what_the_plan_lacks(tmp_path):
    out = tmp_path / "qd.docx"
    code, _, err = run("notice", str(QINGDAO), "-o", str(out), "--issuer", "青岛市人民政府办公厅",
                       "--date", "2023-03-01", "--recipients", "各区、市人民政府，市政府各部门，市直各单位",
                       "--doc-number", "青政办字[2023]5号", "--masthead", "青岛市人民政府办公厅文件")
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    assert texts[:3] == ["青岛市人民政府办公厅文件", "青政办字〔2023〕5号",
                         "青岛市人民政府办公厅关于印发\n数字青岛2023年行动方案的通知"]
    assert "2023年3月1日" in texts


def test_notice_without_recipients_names_the_option_and_writes_nothing(tmp_path):
    out = tmp_path / "qd.docx"
    code, out_text, err = run("notice", str(QINGDAO), "-o", str(out), "--issuer", "青岛市人民政府办公厅",
                              "--date", "2023-03-01")
    assert code == 2 and not out.exists()
    assert err.count("\n") == 1 and "主送机关" in err and "--recipients" in err and "Traceback" not in err


def test_invalid_plan_gives_file_line_col_and_no_docx(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: 方案\nsections:\n  - role: 任务\n", encoding="utf-8")
    code, _, err = run("render", str(bad), "-o", str(tmp_path / "bad.docx"))
    assert code == 2 and not (tmp_path / "bad.docx").exists()
    assert f"{bad}:3:" in err and "role" in err and err.count("\n") == 1


def test_output_equal_to_input_is_refused(tmp_path):
    source = tmp_path / "plan.docx"
    assert run("render", str(JIMO), "-o", str(source))[0] == 0
    before = source.read_bytes()
    code, _, err = run("render", str(source), "-o", str(source))
    assert code == 2 and "输入文件相同" in err and source.read_bytes() == before


def test_check_format_reports_a_default_python_docx_file(tmp_path):
    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.add_paragraph("为深入贯彻落实数字中国战略，制定本方案。")
    document.save(str(plain))
    code, out, _ = run("check-format", str(plain))
    assert code == 1
    for expected in ("F001 纸张不是 A4", "F002 上（天头）页边距为 25.4 毫米；应为 37.0 毫米", "F003",
                     "F004 使用了主题字体", "F005", "F006 一级标题字体应为黑体", "F007 字号应为三号（实际：11 磅）",
                     "F008 首行缩进应为 2 字符", "F010 没有单页页码"):
        assert expected in out, expected


@pytest.mark.parametrize("name, data, reason", [
    ("missing.docx", None, "文件不存在"),
    ("empty.docx", b"", "不是 zip 格式"),
    ("text.docx", "一、总体要求".encode(), "不是 zip 格式"),
])
def test_check_format_refuses_unreadable_files_in_one_line(tmp_path, name, data, reason):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    code, _, err = run("check-format", str(path))
    assert code == 2 and reason in err and err.count("\n") == 1 and str(path) in err


def test_check_format_batch_goes_on_after_a_bad_file(tmp_path):
    good = tmp_path / "good.docx"
    assert run("render", str(JIMO), "-o", str(good))[0] == 0
    code, out, err = run("check-format", str(tmp_path / "nope.docx"), str(good))
    assert code == 1 and "格式检查通过" in out and "文件不存在" in err


def test_preview_without_libreoffice_names_the_package(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from planner.cli import cli

    monkeypatch.setattr("planner.office.soffice", lambda: None)
    good = tmp_path / "good.docx"
    assert run("render", str(JIMO), "-o", str(good))[0] == 0
    result = CliRunner().invoke(cli, ["preview", str(good), "-o", str(tmp_path / "p")])
    assert result.exit_code != 0
    assert "libreoffice-writer-nogui" in str(result.exception)


def test_render_help_is_chinese():
    code, out, _ = run("notice", "--help")
    assert code == 0 and "发文字号" in out and "主送机关" in out


def test_check_format_render_measures_and_names_the_clause(laid_out):
    import json

    from click.testing import CliRunner

    from planner.cli import cli

    wrong, right = laid_out["hand_signature_alone"].docx, laid_out["plain"].docx
    result = CliRunner().invoke(cli, ["check-format", "--render", "--json", str(wrong), str(right)])
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert report[str(right)] == []
    assert [(f["code"], f["clause"]) for f in report[str(wrong)]] == [("F022", "7.3.5.5")]


def test_check_format_render_without_libreoffice_says_so_and_checks_the_docx(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from planner.cli import cli

    monkeypatch.setattr("planner.office.soffice", lambda: None)
    good = tmp_path / "good.docx"
    assert run("notice", str(JIMO), "-o", str(good))[0] == 0
    result = CliRunner().invoke(cli, ["check-format", "--render", str(good)])
    assert result.exit_code == 0 and "格式检查通过" in result.stdout
    assert result.stderr.count("\n") == 1 and "LibreOffice" in result.stderr and "只检查了 Word 文档的设置" in result.stderr
