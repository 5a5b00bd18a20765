"""Rendered DOCX measured on LibreOffice's PDF: A4, text inside the 版心, 22 lines a page,
28 characters a line, page numbers on the right side, notice then plan, 版记 at the foot.

Needs LibreOffice and poppler (.ci/run installs them); skipped, with the reason printed
(pytest -ra), when they are absent."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.model import Plan
from planner.planfile import load_plan
from planner.render import render_plan
from planner.render.preview import docx_to_pdf, preview_docx

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
PT = 25.4 / 72  # mm per PDF point
# The 版心 (GB/T 9704 5.2.1): 28 mm from the left, 37 mm from the top, 156 × 225 mm.
LEFT, TOP, RIGHT, BOTTOM = 28.0, 37.0, 184.0, 262.0

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftotext"),
    reason="未安装 LibreOffice 或 poppler-utils：跳过 PDF 排版测量（.ci/run 会安装）")


@dataclass
class Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def pdf_lines(pdf: Path) -> tuple[list[tuple[float, float]], list[Line]]:
    """Page sizes (mm) and every text line with its box in mm from the top-left corner."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    sizes, lines = [], []
    for number, page in enumerate(re.split(r"<page ", html)[1:], 1):
        width, height = re.match(r'width="([\d.]+)" height="([\d.]+)"', page).groups()
        sizes.append((float(width) * PT, float(height) * PT))
        for box, body in re.findall(r'<line (xMin="[^>]*)>(.*?)</line>', page, re.S):
            x0, y0, x1, y1 = (float(v) * PT for v in re.findall(r'"([\d.]+)"', box))
            text = "".join(re.findall(r">([^<]*)</word>", body))
            lines.append(Line(number, x0, y0, x1, y1, text))
    return sizes, lines


@pytest.fixture(scope="module")
def jimo(laid_out):
    """即墨 2024 with its notice and a 版记 of 13 organisations (conftest.laid_out)."""
    return pdf_lines(laid_out["cc_printer"].pdf)


@pytest.fixture(scope="module")
def rizhao(laid_out):
    return pdf_lines(laid_out["rizhao"].pdf)


def body(lines: list[Line], page: int) -> list[Line]:
    """Lines of one page inside the 版心, top to bottom (the page number below it left out);
    pieces of one line (text either side of a tab) joined."""
    rows: list[Line] = []
    for line in sorted((l for l in lines if l.page == page and l.y0 < BOTTOM), key=lambda l: (l.y0, l.x0)):
        if rows and abs(rows[-1].y0 - line.y0) < 1:
            last = rows[-1]
            rows[-1] = Line(page, last.x0, last.y0, line.x1, max(last.y1, line.y1), last.text + line.text)
        else:
            rows.append(line)
    return rows


def width(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


@pytest.mark.parametrize("doc", ["jimo", "rizhao"])
def test_pages_are_a4_and_text_stays_inside_the_type_area(doc, request):
    sizes, lines = request.getfixturevalue(doc)
    assert all(abs(w - 210) < 0.5 and abs(h - 297) < 0.5 for w, h in sizes)
    for line in lines:
        if re.fullmatch(r"—\d+—", line.text):
            continue
        assert line.x0 >= LEFT - 1 and line.x1 <= RIGHT + 1, line
        assert line.y0 >= TOP - 1 and line.y1 <= BOTTOM + 1, line


@pytest.mark.parametrize("doc", ["jimo", "rizhao"])
def test_a_full_body_page_holds_22_lines_at_the_standard_pitch(doc, request):
    sizes, lines = request.getfixturevalue(doc)
    counts = [len(body(lines, page)) for page in range(2, len(sizes))]
    assert max(counts) == 22 and counts.count(22) >= len(counts) // 2, counts
    page = body(lines, counts.index(22) + 2)
    steps = [b.y0 - a.y0 for a, b in zip(page, page[1:])]
    assert all(abs(step - 579 / 20 * PT) < 0.3 for step in steps), steps


@pytest.mark.parametrize("doc", ["jimo", "rizhao"])
def test_a_full_body_line_holds_28_characters(doc, request):
    _, lines = request.getfixturevalue(doc)
    full = [round(width(line.text)) for line in lines
            if line.x0 < LEFT + 1 and line.x1 > RIGHT - 6 and all(ord(ch) > 0x2E80 for ch in line.text)]
    assert full and max(full) == 28
    assert full.count(28) > len(full) * 0.7, full


def test_page_numbers_sit_right_on_odd_and_left_on_even_pages(jimo, laid_out):
    sizes, lines = jimo
    numbers = [line for line in lines if re.fullmatch(r"—\d+—", line.text)]
    # every page but the 版记页 (7.5: 版记页不编排页码)
    assert [int(line.text.strip("—")) for line in numbers] == list(range(1, len(sizes)))
    for line in numbers:
        if line.page % 2:  # 右空一字: one 4号 character (4.9 mm) in from the right edge
            assert abs(line.x1 - (RIGHT - 4.94)) < 1.5, line
        else:
            assert abs(line.x0 - (LEFT + 4.94)) < 1.5, line
    # 一字线上距版心下边缘7mm: the dash runs across the middle of the characters' em box (the
    # box pdfminer gives; pdftotext's is the taller ascent-to-descent box)
    for page in laid_out["cc_printer"].pages[:-1]:
        number = next(line for line in page.lines if re.fullmatch(r"—\s*\d+\s*—", line.text.strip()))
        assert abs(number.middle - BOTTOM - 7) < 0.5, (page.number, number.middle)


def test_the_plan_starts_on_a_new_page_after_the_notice(jimo):
    _, lines = jimo
    first = [line.text for line in body(lines, 1)]
    assert first[-1] == "（此件公开发布）" and "数字即墨2024年行动方案" not in first
    assert body(lines, 2)[0].text == "数字即墨2024年行动方案"


def test_preview_writes_pdf_and_png_pages(tmp_path):
    docx = render_plan(load_plan(PLANS[1]), tmp_path / "qd.docx")
    result = preview_docx(docx, tmp_path / "preview", dpi=40)
    assert result.pdf.is_file() and result.pages
    assert all(page.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for page in result.pages)


def test_hostile_text_gives_a_docx_libreoffice_opens(tmp_path):
    plan = Plan.model_validate({"title": "<方案>&\"'", "sections": [
        {"role": "tasks", "title": "主要任务"},
        {"role": "safeguards", "title": "保障\x07措施", "paragraphs": [
            {"clauses": [{"text": "长" * 20_000 + "]]><!-- \ud83d\ude00 \u202e。"}]}]}]})
    docx = render_plan(plan, tmp_path / "h.docx")
    sizes, lines = pdf_lines(docx_to_pdf(docx, tmp_path))
    assert len(sizes) > 20 and any("保障措施" in line.text for line in lines)


def test_masthead_is_red_above_the_rule(laid_out):
    _, lines = pdf_lines(laid_out["masthead"].pdf)
    page = body(lines, 1)
    assert page[0].text == "青岛市即墨区人民政府办公室文件"
    assert 70 < page[0].y0 < 74  # 35 mm below the 版心 top (37 + 35 = 72 mm), glyph box aside
    assert page[1].text == "即政办发〔2024〕9号"


def test_matrix_docx_repeats_its_header_on_every_page(laid_out):
    sizes, lines = pdf_lines(laid_out["matrix_alone"].pdf)
    assert len(sizes) > 3 and all(w > h for w, h in sizes)  # landscape
    for page in range(1, len(sizes) + 1):
        assert any("具体内容" in line.text for line in lines if line.page == page), page


def _has_calc() -> bool:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    return bool(program) and (Path(program).resolve().parent / "libsclo.so").exists()


@pytest.mark.skipif(not _has_calc(), reason="未安装 LibreOffice Calc（libreoffice-calc-nogui）：跳过 XLSX 打开测试")
def test_matrix_xlsx_opens_in_libreoffice(tmp_path):
    from planner.render import render_matrix

    xlsx = render_matrix(load_plan(PLANS[0]), tmp_path / "分工表.xlsx", by_unit=True)
    _, lines = pdf_lines(docx_to_pdf(xlsx, tmp_path))
    assert any("具体内容" in line.text for line in lines)
    assert any("区大数据与电子政务服务中心" in line.text for line in lines)
