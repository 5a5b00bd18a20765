"""Findings that had no test of their own (issue 19 audit): the long title laid out in quadratic
time (95 s, README's 可靠性), a check-format of a DOCX without a body and a batch whose unreadable
file is the first one (the issue's list), and the byte-level fuzzer's two finds on i19-readers
(a PDF encryption version pypdf does not know, an exact line spacing of 0)."""
from __future__ import annotations

from pathlib import Path

import pytest

from planner.model import Plan
from tests.robustness import hostile

ROOT = Path(__file__).resolve().parents[2]


def test_a_100k_character_title_is_laid_out_whole():
    """The title's balancing tried every break of a long title against every other (95 s for a
    fuzzed title); a title too long for two lines is laid out as written, all of it."""
    from planner.render.document import plan_docx, title_lines

    title = "推进数字政府建设" * 12_500
    lines = title_lines(title)
    assert "".join(lines) == title
    plan = Plan.model_validate({"title": title, "preamble": [{"clauses": [{"text": "为推进数字政府建设，制定本方案。"}]}]})
    assert plan_docx(plan)[:2] == b"PK"


def test_a_docx_without_a_body_is_checked_not_crashed(tmp_path):
    """The issue lists a DOCX with no w:body among the crashes; check-format reports what a
    document without a body lacks (its page setup) instead."""
    from planner.check import check_docx

    path = tmp_path / "nobody.docx"
    path.write_bytes(hostile.docx_bytes(hostile.document_xml(hostile.paragraph("x"), with_body=False)))
    findings = check_docx(path)
    assert any("sectPr" in str(finding) or "节属性" in str(finding) for finding in findings), findings


@pytest.mark.parametrize("first", ["gone.txt", "dir.txt"])
def test_a_batch_whose_first_file_cannot_be_read_reads_the_rest(first, tmp_path, capsys, monkeypatch):
    """click used to check the arguments before anything ran: the first file decides nothing."""
    import shutil

    from tests.robustness.test_nothing_lost import call

    monkeypatch.chdir(tmp_path)
    shutil.copy(next((ROOT / "examples" / "corpus").glob("000_*.txt")), tmp_path / "good.txt")
    if first == "dir.txt":
        (tmp_path / first).mkdir()
    else:
        (tmp_path / first).symlink_to(tmp_path / "missing.txt")
    code, out, err = call(capsys, "ingest", first, "good.txt", "-o", "out")
    errors = [line for line in err.splitlines() if line.startswith("错误：")]
    assert code == 1 and len(errors) == 1 and first in errors[0], err
    assert (tmp_path / "out" / "good.yaml").exists()


def test_a_pdf_whose_encryption_version_pypdf_does_not_know_is_one_line(tmp_path):
    """Found by the byte-level fuzzer (i19-readers): an encryption dictionary of /V 0 made pypdf
    raise NotImplementedError, which left the reader as a traceback."""
    import re

    from planner.errors import SourceError
    from planner.parse.source import read_source

    data = hostile.encrypted_pdf(hostile.text_pdf(hostile.PLAN_LINES), "", "RC4-128")
    assert re.search(rb"/V [1-5]\b", data)
    path = tmp_path / "v0.pdf"
    path.write_bytes(re.sub(rb"/V [1-5]\b", b"/V 0", data, count=1))
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_an_exact_line_spacing_of_zero_is_a_finding_not_a_division_by_zero(tmp_path):
    """Found by the byte-level fuzzer (i19-readers): check-format divided the page's height by
    an exact line spacing of 0. GB/T 9704 asks 22 lines a page; a spacing of 0 gives no such page."""
    import io
    import re
    import zipfile

    from planner.check import check_docx
    from planner.planfile import load_plan
    from planner.render.document import plan_docx

    data = plan_docx(load_plan(next((ROOT / "examples" / "plans").glob("000_*.yaml"))))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename in ("word/document.xml", "word/styles.xml"):
                part, count = re.subn(rb'w:line="\d+"', b'w:line="0"', part)
            target.writestr(info.filename, part)
    path = tmp_path / "zero.docx"
    path.write_bytes(out.getvalue())
    findings = [str(finding) for finding in check_docx(path)]
    assert any("行距" in finding and "22 行" in finding for finding in findings), findings
