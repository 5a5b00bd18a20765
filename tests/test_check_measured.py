"""check-format --render measures the page LibreOffice lays out, against GB/T 9704-2012's
numbers (../shared/spec/gbt9704.md): planner's 通知 in every variant passes, and a notice
written by hand with python-docx is caught in each of six wrong ways, each with its own code
and clause. The documents are laid out once for the session (conftest.laid_out)."""
from __future__ import annotations

import pytest

from handmade import WRONG
from planner.check import check_docx
from planner.check.rendered import imprint_lines, measure_pdf
from planner.check.parts import Package

# The wrong notice → the code that must catch it, and the clause it names.
CAUGHT = {"top_margin_28mm": ("F002", "5.2.1"), "spacing_33pt": ("F014", "5.2.3"),
          "signature_alone": ("F022", "7.3.5.5"), "imprint_cut_off": ("F024", "7.4.1"),
          "recipients_indented": ("F015", "7.3.2"), "hyphen_page_numbers": ("F010", "7.5")}
VARIANTS = ("plain", "masthead", "cc_printer", "matrix", "matrix_imprint", "title3", "dongying_plain",
            "dongying_matrix_imprint")


def all_findings(laid):
    measured = measure_pdf(laid.pages, imprint_lines(Package.open(laid.docx)))
    return check_docx(laid.docx) + measured


def shown(findings) -> list[str]:
    return [finding.line("") for finding in findings]


def test_the_hand_written_notice_passes_the_docx_and_the_measured_checks(laid_out):
    assert shown(all_findings(laid_out["hand_right"])) == []


@pytest.mark.parametrize("wrong", WRONG)
def test_each_wrong_hand_written_notice_is_caught_with_its_code_and_clause(laid_out, wrong):
    findings = all_findings(laid_out[f"hand_{wrong}"])
    code, clause = CAUGHT[wrong]
    assert code in {f.code for f in findings}, shown(findings)
    assert all(f.clause == clause for f in findings if f.code == code)
    assert all(f"GB/T 9704 {clause}" in f.line("x.docx") for f in findings if f.code == code)
    if wrong != "imprint_cut_off":  # a cut-off 版记 also shows as badly placed (F025)
        assert {f.code for f in findings} == {code}, shown(findings)


def test_33_point_lines_are_reported_from_the_docx_though_libreoffice_snaps_them_to_the_grid(laid_out):
    # Word sets an exact 33 pt line 33 pt high: 19 lines a page. LibreOffice snaps it to the
    # 28.95 pt grid (measured: 22 lines), so the page cannot show it; the DOCX check must.
    laid = laid_out["hand_spacing_33pt"]
    found = [f for f in check_docx(laid.docx) if f.code == "F014"]
    assert found and "33 磅" in found[0].message and "19 行" in found[0].message


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_notice_variant_passes_check_format_render(laid_out, variant):
    assert shown(all_findings(laid_out[variant])) == []


def test_the_check_names_every_code_of_the_standard_table():
    from planner.check.findings import FORMAT_CODES
    from planner.check.standard import STANDARD

    clauses = {value.clause for value in STANDARD.values()}
    for code, (clause, _) in FORMAT_CODES.items():
        assert clause.startswith(("5.", "7.")), code
    assert {"7.2.4", "7.2.5", "7.2.7", "7.3.1", "7.3.2", "7.3.3", "7.3.5.2", "7.3.5.5", "7.3.6", "7.4.1",
            "7.4.2", "7.5"} <= clauses


def test_a_table_standing_alone_has_no_first_page_body_to_show(laid_out):
    # a landscape 分工表 on its own: 7.3.3's 正文 does not apply
    assert shown(all_findings(laid_out["matrix_alone"])) == []


def test_a_text_with_no_title_line_shows_its_body_on_page_one(laid_out):
    # 7.3.3 asks for 正文 on page 1; a plan read from a page with no title line has only 正文
    laid = laid_out["untitled"]
    from planner.check.measure import body_lines
    assert body_lines(laid.pages[0])
    assert "F020" not in {f.code for f in all_findings(laid)}, shown(all_findings(laid))


def test_a_line_that_gives_a_character_away_before_a_comma_is_not_counted_short(laid_out):
    # 5.2.3: 28 characters a line. A comma may not open a line, so the line before `设，` ends a
    # character early and is spread to the full width (Word and LibreOffice alike): 27 on the page.
    from planner.check.elements import compact
    from planner.check.measure import body_lines
    laid = laid_out["gives_way"]
    texts = [compact(line.text) for line in body_lines(laid.pages[0])]
    assert any(len(text) == 27 and following[1:2] == "，" for text, following in zip(texts, texts[1:]))
    assert "F011" not in {f.code for f in all_findings(laid)}, shown(all_findings(laid))
