"""check-format on attributes that are no number Word writes, and the clause library damaged
below its header: findings or one Chinese line, never a traceback (issue 19)."""
from __future__ import annotations

import io
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from planner.errors import UserError

ROOT = Path(__file__).resolve().parents[2]
JIMO = ROOT / "examples" / "plans" / "000_数字即墨2024年行动方案.yaml"


@pytest.fixture(scope="module")
def rendered() -> bytes:
    from planner.planfile import load_plan
    from planner.render.document import plan_docx

    return plan_docx(load_plan(JIMO))


def edited(data: bytes, part: str, pattern: bytes, replacement: bytes, count: int = 0) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                content, made = re.subn(pattern, replacement, content, count=count)
                assert made, (part, pattern)
            target.writestr(info, content)
    return out.getvalue()


def findings(tmp_path: Path, data: bytes) -> list[str]:
    from planner.check import check_docx

    path = tmp_path / "edited.docx"
    path.write_bytes(data)
    return [f"{item.code} {item.where}：{item.text()}" for item in check_docx(path)]


def test_the_rendered_example_is_clean(tmp_path, rendered):
    assert findings(tmp_path, rendered) == []


def test_a_size_written_as_a_universal_measure_is_read(tmp_path, rendered):
    """Strict OOXML writes sizes as `16pt`: 16 points is 三号, the body size — no finding."""
    data = edited(rendered, "word/styles.xml", rb'<w:sz w:val="32"/>', b'<w:sz w:val="16pt"/>')
    assert findings(tmp_path, data) == []


@pytest.mark.parametrize("value, seen", [(b"16\xe7\xa3\x85", "无法识别的字号"), (b"x", "无法识别的字号"),
                                         (b"9" * 40, "无法识别的字号")])
def test_a_size_that_is_no_size_is_reported_as_written(tmp_path, rendered, value, seen):
    data = edited(rendered, "word/styles.xml", rb'<w:sz w:val="32"/>', b'<w:sz w:val="' + value + b'"/>')
    found = [f for f in findings(tmp_path, data) if f.startswith("F007")]
    assert found and all(seen in f for f in found), found


@pytest.mark.parametrize("pattern, replacement, code", [
    (rb'(<w:pgSz[^>]*w:w=")\d+', rb"\1inf", "F001"),
    (rb'(<w:pgSz[^>]*w:w=")\d+', rb"\g<1>1e400", "F001"),
    (rb'(<w:pgSz[^>]*w:w=")\d+', rb"\1nan", "F001"),
    (rb'(<w:pgSz[^>]*) w:w="\d+"', rb"\1", "F001"),
    (rb'(<w:pgMar[^>]*w:top=")\d+', rb"\1inf", "F002"),
    (rb'(w:linePitch=")\d+', rb"\1x", "F003"),
])
def test_page_setup_that_is_no_length_is_a_finding(tmp_path, rendered, pattern, replacement, code):
    data = edited(rendered, "word/document.xml", pattern, replacement)
    assert [f for f in findings(tmp_path, data) if f.startswith(code)], findings(tmp_path, data)


@pytest.mark.parametrize("pattern, replacement", [
    (rb'w:firstLineChars="\d+"', b'w:firstLineChars="2.5x"'),
    (rb'(<w:spacing w:val=")-?\d+', rb"\1x"),
    (rb'(<w:spacing [^>]*w:line=")\d+', "\\1٣".encode()),
    (rb'<w:name w:val="[^"]*"/>', b"<w:name/>"),
])
def test_style_attributes_that_are_no_number_do_not_stop_the_check(tmp_path, rendered, pattern, replacement):
    data = edited(rendered, "word/styles.xml", pattern, replacement)
    assert isinstance(findings(tmp_path, data), list)


def test_an_outline_level_that_is_no_digit_is_no_heading(tmp_path, rendered):
    data = edited(rendered, "word/document.xml", rb"<w:pPr>", '<w:pPr><w:outlineLvl w:val="²"/>'.encode(), count=1)
    assert isinstance(findings(tmp_path, data), list)


@pytest.fixture(scope="module")
def mined(tmp_path_factory) -> Path:
    from planner.mine.library import mine_corpus

    db = tmp_path_factory.mktemp("library") / "library.sqlite"
    mine_corpus([ROOT / "examples" / "corpus"], db)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    return db


def damaged_copy(source: Path, target: Path, page: int) -> Path:
    """`source` with page `page` (1-based, below the header page) overwritten with noise."""
    shutil.copy(source, target)
    data = bytearray(target.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[(page - 1) * size:page * size] = bytes((n * 131 + 7) % 256 for n in range(size))
    target.write_bytes(bytes(data))
    return target


def test_a_library_damaged_below_its_header_is_one_line(tmp_path, mined):
    """The header and schema read, so the library opens; the query that meets a damaged page
    said 'sqlite3.DatabaseError: database disk image is malformed' in a traceback."""
    from planner.mine import store
    from planner.mine.search import search_clauses

    pages = mined.stat().st_size // 4096
    reported = 0
    for page in range(2, pages + 1, max(1, pages // 12)):
        db = damaged_copy(mined, tmp_path / f"lib{page}.sqlite", page)
        try:
            conn = store.connect(db, create=False)
            try:
                for query in ("智慧养老", "一网通办", "数字经济"):
                    search_clauses(conn, query)
                conn.execute("SELECT text FROM clauses").fetchall()
            finally:
                conn.close()
        except UserError as error:
            assert str(error).startswith(str(db)) and "条款库" in str(error), str(error)
            reported += 1
    assert reported, "no damaged page was ever read"


def test_the_cli_reports_a_damaged_library_in_one_line(tmp_path, mined):
    db = damaged_copy(mined, tmp_path / "lib.sqlite", 2)
    proc = subprocess.run([sys.executable, "-m", "planner", "clauses", "search", "智慧养老", "--db", str(db)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "条款库已损坏" in proc.stderr and "Traceback" not in proc.stderr
