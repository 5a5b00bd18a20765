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
VARIANTS = ("plain", "masthead", "cc_printer", "matrix", "matrix_imprint", "title3", "short_issuer", "joint_six", "joint_inside_words", "joint_title_year",
            "dongying_plain", "dongying_matrix_imprint")


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


def test_a_page_that_holds_the_title_counts_its_empty_line_as_a_line(laid_out):
    # 5.2.3: 22 lines a page. A short plan's one page that runs on holds its title, the empty
    # line under it (7.3.1) and 20 lines of text: 21 lines of characters, 22 grid lines.
    from planner.check.measure import Frame, text_lines
    laid = laid_out["titled_short"]
    page = laid.pages[0]
    lines = text_lines(page)
    assert len(lines) == 21 and lines[-1].bottom > Frame.of(page).bottom - 10
    assert "F003" not in {f.code for f in all_findings(laid)}, shown(all_findings(laid))


def _line_starting(laid, text: str):
    """The laid-out line that reads `text` (spaces aside) and nothing more."""
    return next(line for page in laid.pages for line in page.lines if "".join(line.text.split()) == text)


@pytest.mark.parametrize("variant, longest", [("short_issuer", None), ("joint_six", "人力资源社会保障局")])
def test_the_signature_stands_where_the_standard_puts_it_on_the_laid_out_page(laid_out, variant, longest):
    """Read off LibreOffice's page with the standard's numbers (GB/T 9704 7.3.5.2, 5.2.3: a
    character is a 28th of the 156 mm line): the date's first character two to the right of the
    署名's; the longest name of a joint 署名 ends two characters from the right edge; a date longer
    than the 署名 begins where, in the document's fonts (Chinese full width, digits half), it ends
    two characters from the edge — 2024年5月31日 is 6.5 characters."""
    laid = laid_out[variant]
    char = 156 / 28
    date = _line_starting(laid, "2024年5月31日")
    issuer = _line_starting(laid, "即墨区数据局")
    right = 210 - 26  # the 版心's right edge (5.2.1)
    assert abs(date.x0 - issuer.x0 - 2 * char) < 0.5
    if longest is None:
        assert abs(right - (date.x0 + 6.5 * char) - 2 * char) < 0.5
    else:
        name = _line_starting(laid, longest)
        assert abs(right - name.x1 - 2 * char) < 0.5
        assert name.x0 == pytest.approx(issuer.x0, abs=0.3)  # the names stacked, first characters aligned


def test_the_date_stays_on_its_line_in_a_libreoffice_without_the_documents_fonts(laid_out, tmp_path):
    """A drafter's own LibreOffice with none of the 公文 fonts and no alias file (planner's
    check uses templates/fonts.conf) substitutes a font whose digits are wider than half a
    character: a 数据局's date, 右空二字 in the document's fonts, must not put its 日 on a line of
    its own there. Read off the PDF's text, line by line."""
    import os
    import subprocess

    from planner.office import soffice

    env = {key: value for key, value in os.environ.items() if key != "FONTCONFIG_FILE"}
    profile = tmp_path / "profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(laid_out["short_issuer"].docx)],
                   env=env, capture_output=True, timeout=180, check=False)
    pdf = tmp_path / (laid_out["short_issuer"].docx.stem + ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = ["".join(line.split()) for line in text.splitlines()]
    assert "2024年5月31日" in lines, [line for line in lines if "2024年" in line]
