"""Input formats: text encodings, .docx (tables, automatic numbering), .html, .pdf, and files
that must be refused with one Chinese reason. Fixtures are built in the tests."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from planner.errors import SourceError
from planner.export import export_text
from planner.parse.document import ingest_document
from planner.parse.source import read_source

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
JIMO = next(CORPUS.glob("000_*.txt"))
TEXT = "一、主要任务\n（一）推进一网通办。深化改革。（责任单位：市大数据局）\n"


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                             ("gb18030", b""), ("utf-16", b"")])
def test_text_encodings(tmp_path, encoding, prefix):
    path = tmp_path / "plan.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    source = read_source(path)
    assert [line.text for line in source.lines] == TEXT.splitlines()
    assert source.lines[0].text.startswith("一、")  # BOM gone


def test_crlf_and_blank_lines_keep_line_numbers(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("甲\r\n\r\n乙\r丙\n".encode("utf-8"))
    assert [(line.text, line.line) for line in read_source(path).lines] == [("甲", 1), ("乙", 3), ("丙", 4)]


def test_undecodable_bytes_give_line_and_column(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("第一行\n第二行".encode("utf-8") + b"\x81\x30\xff\xff")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    error = caught.value
    assert (error.line, error.col) == (2, 4)
    assert "UTF-8" in str(error) and "bad.txt" in str(error) and error.exit_code == 2


@pytest.mark.parametrize("name,data,reason", [
    ("a.txt", b"", "文件为空"),
    ("a.txt", b"\x00\x01\x02binary\x00", "二进制"),
    ("a.rtf", b"{\\rtf1}", "不支持的文件类型"),
    ("a.docx", b"not a zip", "不是 zip"),
    ("a.pdf", b"%PDF-1.4 broken", "无法读取 PDF"),
])
def test_refused_files(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert reason in str(caught.value) and name in str(caught.value)


def test_docx_without_document_xml(tmp_path):
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(SourceError, match="document.xml"):
        read_source(path)


def test_zip_bomb_is_refused_before_reading(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(SourceError, match="压缩炸弹"):
        read_source(path)


def make_docx(path: Path, lines: list[str]) -> None:
    from docx import Document
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "表格单元一"
    table.cell(0, 1).text = "表格单元二"
    document.save(path)


def test_docx_reads_paragraphs_and_tables(tmp_path):
    path = tmp_path / "plan.docx"
    make_docx(path, ["数字某市2025年行动方案", "一、主要任务"])
    texts = [line.text for line in read_source(path).lines]
    assert texts == ["数字某市2025年行动方案", "一、主要任务", "表格单元一", "表格单元二"]


def test_docx_automatic_numbering_is_rendered(tmp_path):
    from docx import Document
    from docx.oxml import parse_xml
    document = Document()
    numbering = document.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="91"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [("主要任务", 0), ("推进一网通办", 1), ("建设城市大脑", 1), ("保障措施", 0),
                        ("加强领导", 1)]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>'))
    path = tmp_path / "numbered.docx"
    document.save(path)
    assert [line.text for line in read_source(path).lines] == [
        "一、主要任务", "（一）推进一网通办", "（二）建设城市大脑", "二、保障措施", "（一）加强领导"]


def test_docx_external_entity_is_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    good = tmp_path / "good.docx"
    make_docx(good, ["占位"])
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", f'?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
                                    .encode(), 1).replace("占位".encode(), b"&x;")
            dst.writestr(item, data)
    try:
        texts = [line.text for line in read_source(evil).lines]
    except SourceError:
        return  # refusing the file is fine too
    assert not any("SECRET" in text for text in texts)


def test_docx_of_a_seed_ingests_like_the_text(tmp_path):
    lines = JIMO.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "jimo.docx"
    from docx import Document
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    from_docx, from_text = ingest_document(path).plan, ingest_document(JIMO).plan
    assert export_text(from_docx) == export_text(from_text)


def test_html_page_with_chrome(tmp_path):
    body = "".join(f"<p>{line}</p>\n" for line in JIMO.read_text(encoding="utf-8").splitlines())
    page = (f'<html><head><meta charset="gb2312"><title>即墨</title><script>var x="一、";</script>'
            f'</head><body><nav>首页 &gt; 政策</nav><div class="article">\n{body}</div>'
            f'<footer>版权所有</footer></body></html>')
    path = tmp_path / "jimo.html"
    path.write_bytes(page.encode("gb18030"))
    source = read_source(path)
    assert source.lines[0].text.startswith("各镇人民政府") and source.lines[0].line == 2
    assert not any("版权" in line.text or "首页" in line.text for line in source.lines)
    assert export_text(ingest_document(path).plan) == export_text(ingest_document(JIMO).plan)


def test_html_keeps_space_between_chinese_characters(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<p>深入推进“互联网 监管”，<br>第二行&nbsp;文字</p>", encoding="utf-8")
    assert [line.text for line in read_source(path).lines] == ["深入推进“互联网 监管”，", "第二行 文字"]


@pytest.fixture(scope="module")
def soffice():
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice 未安装：跳过 PDF 读入测试（apt-get install libreoffice-writer-nogui fonts-noto-cjk）")
    return found


def test_pdf_text_layer_of_a_seed(tmp_path, soffice):
    text = tmp_path / "jimo.txt"
    shutil.copy(JIMO, text)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(text)],
                   check=True, capture_output=True, timeout=180)
    plan = ingest_document(tmp_path / "jimo.pdf").plan
    reference = ingest_document(JIMO).plan
    assert plan.title == reference.title
    assert plan.notice.date == reference.notice.date
    assert [len(p.items) for s in plan.tasks for p in s.parts] == [5, 8, 9, 4]
