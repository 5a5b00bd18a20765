"""The byte-level readers on damaged and hostile files: each is read, or refused with one
Chinese SourceError naming the file — never a traceback. Every case here crashed (issue 19)."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from planner.errors import SourceError
from planner.parse.source import read_source
from tests.robustness import hostile
from tests.robustness.hostile import PLAN_LINES, TITLE, document_xml, docx_bytes, num_pr, numbering_xml, paragraph


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, *words: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        read_source(path)
    text = str(caught.value)
    assert text.startswith(str(path)) and "\n" not in text
    assert all(word in text for word in words), text
    return caught.value


def texts(path: Path) -> list[str]:
    return [line.text for line in read_source(path).lines]


@pytest.mark.parametrize("data", [
    "\ufeff数字某区".encode("utf-16-le")[:-1],
    b"\xfe\xff" + "数字某区".encode("utf-16-be") + b"\x00",
    "\ufeff甲\n".encode("utf-16-le") + b"\x00\xd8",  # a high surrogate at the end
])
def test_a_utf16_text_cut_short_is_refused_at_its_place(tmp_path, data):
    error = refused(write(tmp_path, "cut.txt", data), "UTF-16")
    assert error.line is not None and error.col is not None


@pytest.mark.parametrize("charset", ["undefined", "utf-16", "x-unknown", "base64", "rot13"])
def test_an_html_charset_no_codec_decodes_falls_back_to_the_bytes(tmp_path, charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>{TITLE}</p><p>一、主要任务</p></body></html>'
    assert texts(write(tmp_path, "page.html", page.encode("utf-8")))[:2] == [TITLE, "一、主要任务"]


def test_100k_inline_runs_in_one_paragraph_are_read_in_linear_time(tmp_path):
    """The reader joined the block's pieces at every piece to see whether it was blank: 100k
    <b> runs took 91 s; now a flag says so (about a second here)."""
    import time

    page = f"<p>{TITLE}</p><p>" + "<b>字</b>" * 100_000 + "</p>"
    start = time.perf_counter()
    lines = texts(write(tmp_path, "runs.html", page.encode("utf-8")))
    assert time.perf_counter() - start < 15
    assert lines == [TITLE, "字" * 100_000]


def test_an_html_blocks_line_is_where_its_text_starts(tmp_path):
    page = f"<p>{TITLE}</p>\n<div>\n  <b>一、</b>主要任务\n</div>\n<p>\n</p>"
    assert [(line.line, line.text) for line in read_source(write(tmp_path, "l.html", page.encode())).lines] == \
        [(1, TITLE), (3, "一、主要任务")]


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_encrypted_with_an_empty_password_is_read(tmp_path, algorithm):
    """Government sites publish PDFs with an owner password only (no editing): they open
    without a password, and planner reads them."""
    data = hostile.encrypted_pdf(hostile.text_pdf(PLAN_LINES), "", algorithm)
    assert texts(write(tmp_path, "gov.pdf", data)) == PLAN_LINES


def test_a_pdf_that_needs_a_password_is_refused(tmp_path):
    data = hostile.encrypted_pdf(hostile.text_pdf(PLAN_LINES), "secret")
    refused(write(tmp_path, "locked.pdf", data), "密码")


@pytest.mark.parametrize("error, words", [("DependencyError", ["cryptography"]), ("LimitReachedError", ["上限"]),
                                          ("ParseError", ["无法读取 PDF"])])
def test_pypdfs_own_errors_are_one_line(tmp_path, monkeypatch, error, words):
    """pypdf raises DependencyError for an AES file without the cryptography package,
    LimitReachedError past its decompression limits: neither is a PdfReadError."""
    import pypdf
    import pypdf.errors

    def failing(*args, **kwargs):
        raise getattr(pypdf.errors, error)("from pypdf")

    monkeypatch.setattr(pypdf, "PdfReader", failing)
    refused(write(tmp_path, "x.pdf", hostile.text_pdf(PLAN_LINES)), *words)


@pytest.mark.parametrize("how, words", [("crc", ["已损坏"]), ("deflate", ["已损坏"]), ("encrypted", ["已加密"]),
                                        ("method", ["压缩方式"])])
def test_a_docx_with_a_damaged_member_is_refused(tmp_path, how, words):
    data = hostile.damage_member(hostile.plan_docx(), "word/document.xml", how)
    path = write(tmp_path, "damaged.docx", data)
    refused(path, *words)
    from planner.check import check_docx

    with pytest.raises(SourceError):
        check_docx(path)


@pytest.mark.parametrize("encrypted, words", [(True, ["已加密", "密码"]), (False, [".doc"])])
def test_a_word_encrypted_docx_and_an_old_doc_say_what_they_are(tmp_path, encrypted, words):
    refused(write(tmp_path, "secret.docx", hostile.compound_file(encrypted)), *words)


def test_a_docx_without_a_body_is_refused(tmp_path):
    refused(write(tmp_path, "nobody.docx", docx_bytes(document_xml("", with_body=False))), "w:body")


@pytest.mark.parametrize("ilvl", ["9", "x", "-1", "99999999999999999999", "٣"])
def test_a_list_level_that_is_no_level_gets_no_marker(tmp_path, ilvl):
    body = paragraph(TITLE) + paragraph("推进一网通办。", num_pr(ilvl)) + paragraph("建设平台。", num_pr("0"))
    data = docx_bytes(document_xml(body), numbering_xml())
    assert texts(write(tmp_path, "levels.docx", data)) == [TITLE, "推进一网通办。", "1.建设平台。"]


@pytest.mark.parametrize("levels", [
    '<w:lvl w:ilvl="zz"><w:lvlText w:val="%1."/></w:lvl>',
    '<w:lvl w:ilvl="300000000"><w:lvlText w:val="%1."/></w:lvl>',
    '<w:lvl w:ilvl="0"><w:start w:val="abc"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>',
    '<w:lvl w:ilvl="0"><w:start w:val="' + "9" * 5000 + '"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>',
])
def test_numbering_definitions_with_odd_numbers_are_read(tmp_path, levels):
    body = paragraph(TITLE) + paragraph("推进一网通办。", num_pr("0"))
    lines = texts(write(tmp_path, "defs.docx", docx_bytes(document_xml(body), numbering_xml(levels))))
    assert lines[0] == TITLE and lines[1].endswith("推进一网通办。")


def test_two_numbering_relationships_take_the_first(tmp_path):
    """python-docx refused a package with two (ValueError: multiple relationships)."""
    body = paragraph(TITLE) + paragraph("推进一网通办。", num_pr("0"))
    data = docx_bytes(document_xml(body), numbering_xml(), numbering_rels=2)
    assert texts(write(tmp_path, "two.docx", data)) == [TITLE, "1.推进一网通办。"]


def test_an_empty_list_paragraph_is_counted_and_left_out(tmp_path):
    """Word shows “2.” for an empty second list paragraph and counts it: the next is 3."""
    body = (paragraph(TITLE) + paragraph("推进一网通办。", num_pr()) + paragraph("", num_pr())
            + paragraph("建设平台。", num_pr()) + paragraph("（一）甲", num_pr("1")))
    lines = texts(write(tmp_path, "empty.docx", docx_bytes(document_xml(body), numbering_xml())))
    assert lines == [TITLE, "1.推进一网通办。", "3.建设平台。", "（一）（一）甲"]


READ = "import sys\nfrom planner.parse.source import read_source\nprint(len(read_source(sys.argv[1]).lines))\n"
# The reader runs in a child of a small process, which reports the child's peak memory: a
# process started straight from pytest would inherit pytest's own peak (Linux keeps ru_maxrss
# across fork and exec).
MEASURE = ("import resource, subprocess, sys\n"
           "out = subprocess.run([sys.executable, '-c', sys.argv[1], sys.argv[2]], capture_output=True, text=True,"
           " check=True).stdout\n"
           "print(out.strip(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n")


def test_a_million_empty_list_paragraphs_are_read_in_bounded_memory(tmp_path):
    """A 300 KB DOCX of a million empty numbered paragraphs (84 MB of XML): python-docx built
    the whole tree and ingest a million items (158 s, 5.9 GB). The reader now frees each
    paragraph once read and leaves empty ones out: one line, and memory of a few dozen MB."""
    body = paragraph(TITLE) + paragraph("", num_pr()) * 1_000_000
    path = write(tmp_path, "million.docx", docx_bytes(document_xml(body), numbering_xml()))
    assert path.stat().st_size < 1_000_000
    proc = subprocess.run([sys.executable, "-c", MEASURE, READ, str(path)], capture_output=True, text=True, check=True)
    count, peak_mb = map(int, proc.stdout.split())
    assert count == 1 and peak_mb < 120, (count, peak_mb)


def test_more_paragraphs_than_a_plan_has_are_refused_as_soon_as_read(tmp_path):
    from planner.parse.source import MAX_PARAGRAPHS

    body = paragraph(TITLE) + paragraph("一", num_pr()) * (MAX_PARAGRAPHS + 10)
    refused(write(tmp_path, "many.docx", docx_bytes(document_xml(body), numbering_xml())), "段落过多")
    refused(write(tmp_path, "many.txt", (TITLE + "\n" + "推进。\n" * (MAX_PARAGRAPHS + 1)).encode()), "段落过多")


def test_a_damaged_docx_is_refused_before_libreoffice_sees_it(tmp_path):
    """preview and check-format --render copy the DOCX for LibreOffice: a damaged member was
    a BadZipFile traceback there, a document that is no XML a bare 'LibreOffice 没有生成 PDF'."""
    from planner.office import for_libreoffice

    damaged = write(tmp_path, "crc.docx", hostile.damage_member(hostile.plan_docx(), "word/document.xml", "crc"))
    not_xml = write(tmp_path, "notxml.docx", docx_bytes("<w:document garbage"))
    (tmp_path / "copies").mkdir()
    for path, words in ((damaged, "已损坏"), (not_xml, "不是有效的 XML")):
        with pytest.raises(SourceError) as caught:
            for_libreoffice(path, tmp_path / "copies")
        assert words in str(caught.value)


def test_the_cli_reads_a_batch_with_a_damaged_docx_in_it(tmp_path):
    good = write(tmp_path, "good.docx", hostile.plan_docx())
    bad = write(tmp_path, "bad.docx", hostile.damage_member(hostile.plan_docx(), "word/document.xml", "deflate"))
    proc = subprocess.run([sys.executable, "-m", "planner", "ingest", str(bad), str(good), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{bad}: 文件已损坏" in proc.stderr and (tmp_path / "out" / "good.yaml").is_file()


def test_a_docx_read_back_keeps_its_tables_apart(tmp_path):
    table = ("<w:tbl><w:tr><w:tc>" + paragraph("序号") + "</w:tc><w:tc>" + paragraph("任务") + "</w:tc></w:tr></w:tbl>")
    data = docx_bytes(document_xml(paragraph(TITLE) + table + paragraph("一、主要任务")))
    source = read_source(write(tmp_path, "table.docx", data))
    assert [line.text for line in source.lines] == [TITLE, "序号", "任务", "一、主要任务"]
    assert source.table_lines == {2, 3}
    with zipfile.ZipFile(tmp_path / "table.docx") as archive:
        assert archive.testzip() is None
