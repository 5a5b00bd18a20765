"""The defects of planner's 通知 pages, each measured where LibreOffice lays it out (the
numbers are GB/T 9704-2012's: ../shared/spec/gbt9704.md): the 版记 complete at the foot of an
even, portrait last page, the 署名 with body text, 梯形 titles, output that lints clean,
【待填】 highlighted, 分工表 headers on one line. Documents: conftest.laid_out."""
from __future__ import annotations

import re
import zipfile
from collections import Counter

from conftest import JIMO_PLAN, LONG_CC, PRINTER
from planner.check.elements import compact
from planner.check.measure import body_lines, text_lines
from planner.lint import lint_plan

LEFT, RIGHT, BOTTOM = 28.0, 184.0, 262.0  # the 版心 (5.2.1)
CHAR_4HAO, CHAR_3HAO, CHAR_2HAO = 14 * 25.4 / 72, 16 * 25.4 / 72, 22 * 25.4 / 72
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_a_long_cc_imprint_is_complete_at_the_foot_of_an_even_last_page(laid_out):
    pages = laid_out["cc_printer"].pages
    last = pages[-1]
    assert last.number % 2 == 0 and not last.landscape
    lines = text_lines(last)
    text = "".join(compact(line.text) for line in lines)
    assert text.startswith("抄送：" + "，".join(LONG_CC) + "。")  # all 13, none cut off
    assert lines[-1].text.startswith(PRINTER) and lines[-1].text.endswith("2024年5月31日印发")
    rules = sorted(last.rules, key=lambda rule: rule.y)
    assert [round(rule.weight, 2) for rule in rules] == [0.35, 0.26, 0.35]  # 0.35 / 0.25 / 0.35 mm
    assert abs(rules[-1].y - BOTTOM) < 0.8  # the last rule on the 版心 bottom (7.4.1)
    assert all(abs(rule.x0 - LEFT) < 0.5 and abs(rule.x1 - RIGHT) < 0.5 for rule in rules)  # as wide as the 版心
    cc = [line for line in lines if not line.text.startswith(PRINTER)]
    assert len(cc) == 4 and abs(cc[0].x0 - (LEFT + CHAR_4HAO)) < 0.5  # 左空一字
    colon = next(ch for ch in cc[0].chars if ch.text == "：")
    assert all(abs(line.x0 - colon.x1) < 0.5 for line in cc[1:])  # under the first organisation (7.4.2)
    assert abs(lines[-1].x1 - (RIGHT - CHAR_4HAO)) < 1  # 印发日期右空一字
    assert not [line for page in pages[:-1] for line in page.lines if "抄送" in line.text]


def test_imprint_after_a_landscape_attachment_has_a_portrait_even_page(laid_out):
    pages = laid_out["matrix_imprint"].pages
    assert pages[-2].landscape and not pages[-1].landscape and len(pages) % 2 == 0
    assert text_lines(pages[-1])[0].text.startswith("抄送：")
    assert not [page.number for page in pages if page.landscape and "印发" in "".join(l.text for l in page.lines)]


def test_the_signature_shares_the_first_page_with_the_body(laid_out):
    # --masthead --doc-number --with-matrix: before, 署名/日期/附注 stood alone on page 2
    page = laid_out["matrix"].pages[0]
    texts = [compact(line.text) for line in body_lines(page)]
    assert "青岛市即墨区人民政府办公室" in texts and "2024年5月31日" in texts and "（此件公开发布）" in texts
    assert any(text.endswith("请认真贯彻落实。") for text in texts)
    assert texts.index("青岛市即墨区人民政府办公室") > texts.index("附件：数字即墨2024年行动方案重点任务分工表")
    assert not [line for line in text_lines(laid_out["matrix"].pages[1]) if "2024年5月31日" in line.text]


def title_widths(page) -> list[float]:
    """Characters (2号) in each title line at the top of the page."""
    lines = [line for line in text_lines(page) if abs(line.size - 22) < 0.6]
    return [round((line.x1 - line.x0) / CHAR_2HAO, 1) for line in lines]


def test_a_two_line_title_is_a_trapezoid_broken_between_words(laid_out):
    page = laid_out["plain"].pages[0]
    lines = [compact(line.text) for line in text_lines(page) if abs(line.size - 22) < 0.6]
    assert lines == ["青岛市即墨区人民政府办公室", "关于印发数字即墨2024年行动方案的通知"]
    first, second = title_widths(page)
    assert first < second  # before: 18 over 14 characters, the longer line on top


def test_a_three_line_title_grows_downwards(laid_out):
    widths = title_widths(laid_out["title3"].pages[0])
    assert len(widths) == 3 and widths == sorted(widths)


def test_every_notice_variant_lints_with_only_the_plans_own_unfixable_findings(laid_out):
    source = lint_plan([JIMO_PLAN]).problems()
    own = Counter(p.code for p in source if not p.fixable)
    for name in ("plain", "masthead", "cc_printer", "matrix", "matrix_imprint", "title3"):
        report = lint_plan([laid_out[name].docx])
        assert not report.errors()
        codes = Counter(p.code for p in report.problems())
        assert codes == own, (name, [f"{p.code} {p.message}" for p in report.problems() if p.code not in own])


def test_matrix_headers_stay_on_one_line(laid_out):
    page = laid_out["matrix_alone"].pages[0]
    assert "序号任务具体内容牵头单位配合单位完成时限量化指标" in [compact(line.text) for line in page.lines]


def test_an_empty_column_is_only_as_wide_as_its_header():
    from planner.render.table import HEADER_CHAR, HEADER_SLACK, column_widths

    widths = column_widths(("序号", "任务", "配合单位"), [("1", "建设平台", ""), ("2", "推进改革", "")], (1, 3, 3))
    assert widths[2] == 4 * HEADER_CHAR + HEADER_SLACK and widths[0] >= 2 * HEADER_CHAR + HEADER_SLACK
    assert widths[1] > widths[0]


def test_placeholders_are_highlighted(tmp_path):
    from planner.model import Plan
    from planner.render import render_plan

    plan = Plan.model_validate({"title": "测试方案", "sections": [{"role": "tasks", "title": "主要任务", "paragraphs": [
        {"clauses": [{"text": "新建5G基站【待填：原为1000个】，推进千兆入户。"}]}]}]})
    docx = render_plan(plan, tmp_path / "p.docx")
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    marked = re.findall(r'<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t[^>]*>([^<]*)</w:t></w:r>', xml)
    assert marked == ["【待填：原为1000个】"]


def test_a_long_attachment_name_wraps_under_its_first_character(laid_out):
    # GB/T 9704 7.3.4: 附件说明 左空二字; 附件名称较长需回行时，应当与上一行附件名称的首字对齐.
    lines = text_lines(laid_out["dongying_matrix_imprint"].pages[0])
    at = next(i for i, line in enumerate(lines) if compact(line.text).startswith("附件："))
    note, wrapped = lines[at], lines[at + 1]
    assert abs(note.x0 - (LEFT + 2 * CHAR_3HAO)) < 0.5
    assert compact(wrapped.text) == "表" and abs(wrapped.x0 - (note.x0 + 3 * CHAR_3HAO)) < 0.5
