"""Reading keys (planner.form.keys): what the 公文 patterns read, and what is cut back from the
line as written."""
from __future__ import annotations

from planner.form.keys import key_of


def test_an_indent_a_page_turned_into_question_marks_is_layout():
    key = key_of("? ? ? ? ?長治市數(shù)據(jù)局")
    assert key.text == "长治市数据局"
    assert key.cut(0, len(key)) == "長治市數(shù)據(jù)局"
    assert key_of("?").text == ""


def test_a_question_mark_inside_a_line_stands_for_a_lost_character():
    assert key_of("盘锦市政府?数据资源共建共享管理办法").text == "盘锦市政府?数据资源共建共享管理办法"


def test_pinyin_glosses_are_read_through_and_kept_in_what_is_cut():
    key = key_of("數(shù)字效(xiao)能(neng)(neng)提升")
    assert key.text == "数字效能提升"
    assert key.cut(0, len(key)) == "數(shù)字效(xiao)能(neng)(neng)提升"
    assert key_of("建设信息模型(BIM)").text == "建设信息模型(BIM)"  # an abbreviation is no gloss


def test_the_layout_around_a_line_goes_and_what_a_page_lost_inside_it_stays():
    from planner.form.keys import strip_layout

    assert strip_layout("????临江市人民政府办公室 ??") == "临江市人民政府办公室"  # indent and trailing spaces as ?
    assert strip_layout("???2018年7月30日 ??") == "2018年7月30日"
    assert strip_layout("\u200b正文\u200b") == "正文"
    assert strip_layout("关于办法?") == "关于办法?"  # a ? right after the text is a lost character
    assert strip_layout("。万?") == "。万?"  # no indent: nothing before the text goes
    assert strip_layout("?。?025—2027年)") == "?。?025—2027年)"  # a bracket read as ?。 stays
    assert strip_layout("????。?025—2027年) ??") == "?。?025—2027年)"
    assert strip_layout("???") == ""
