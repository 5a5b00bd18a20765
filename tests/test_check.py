"""planner.check's table of the standard: the DOCX numbers it gives are those the spec notes
(../shared/spec/gbt9704.md, "DOCX" column) write beside GB/T 9704-2012's millimetres."""
from __future__ import annotations

import zipfile
from pathlib import Path

from planner.check import check_docx
from planner.check.standard import STANDARD, length_twips, margins_twips, max_char_spacing
from planner.planfile import load_plan
from planner.render import render_plan

JIMO = Path(__file__).resolve().parent.parent / "examples" / "plans" / "000_数字即墨2024年行动方案.yaml"


def test_paper_and_margins_in_twips_are_the_spec_notes_values():
    # spec: `pgSz w=11906 h=16838`, `pgMar top=2098 left=1587`, `bottom=1984 right=1474`
    assert (length_twips("paper_width"), length_twips("paper_height")) == (11906, 16838)
    assert margins_twips() == {"top": 2098, "right": 1474, "bottom": 1984, "left": 1587}


def test_the_margins_add_up_to_the_156_by_225_mm_text_area():
    assert STANDARD["paper_width"].amount - STANDARD["margin_left"].amount - STANDARD["margin_right"].amount \
        == STANDARD["text_width"].amount
    assert STANDARD["paper_height"].amount - STANDARD["margin_top"].amount - STANDARD["margin_bottom"].amount \
        == STANDARD["text_height"].amount


def test_22_lines_of_the_line_pitch_fill_the_text_area_and_23_do_not_fit():
    # spec: exact 28.95 pt = 579 twips; 580 fits only 21 lines
    pitch, height = length_twips("line_pitch"), length_twips("text_height")
    assert pitch == 579
    assert 22 * pitch <= height < 23 * pitch
    assert height // 580 == 21


def test_28_characters_of_3hao_need_the_character_spacing_the_spec_names():
    # spec: 28×16pt = 448pt > 442.2pt; run `w:spacing w:val=-5` (−0.25pt)
    assert max_char_spacing() == -5


def test_a_landscape_table_page_turns_the_margins_with_the_paper():
    # the 订口 (28 mm) side becomes the top of a landscape page, the 天头 (37 mm) the right
    assert margins_twips(landscape=True) == {"top": 1587, "right": 2098, "bottom": 1474, "left": 1984}


def test_a_page_with_a_30_point_grid_is_reported_and_nothing_else(tmp_path):
    # 30 pt (600 twips) lines: 225 mm holds 21 of them, not 22 (5.2.3)
    good = render_plan(load_plan(JIMO), tmp_path / "good.docx")
    bad = tmp_path / "grid.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace(b'w:linePitch="579"', b'w:linePitch="600"')
            target.writestr(name, data)
    assert check_docx(good) == []
    assert [(f.code, f.where) for f in check_docx(bad)] == [("F003", "页面设置")]
