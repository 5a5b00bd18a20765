"""Chinese text primitives: numerals, dates, 发文字号, punctuation width, markers, titles."""
from __future__ import annotations

import datetime as dt

import pytest

from planner.form.hanzi import simplify
from planner.form.markers import canonical_marker
from planner.parse.headings import parse_heading, split_title
from canonical import width_key
from planner.form.dates import format_date, parse_date
from planner.form.docnumber import normalize_doc_number
from planner.form.fixes import normalise
from planner.form.numerals import cn_to_int, int_to_cn
from planner.form.punctuation import split_sentences


@pytest.mark.parametrize("text,value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20),
                                        ("二十二", 22), ("一百零五", 105), ("二〇二四", 2024)])
def test_chinese_numerals(text, value):
    assert cn_to_int(text) == value
    if value < 1000 and text != "二〇二四":
        assert int_to_cn(value) == text


def test_dates_parse_and_format_without_zero_padding():
    assert parse_date("2024年5月31日") == dt.date(2024, 5, 31)
    assert parse_date("二〇二四年五月三十一日") == dt.date(2024, 5, 31)
    assert parse_date("2024年2月30日") is None
    assert parse_date("截至2024年5月31日") is None
    assert format_date(dt.date(2022, 7, 1)) == "2022年7月1日"


@pytest.mark.parametrize("raw,good", [("东政办字〔2022〕36号", "东政办字〔2022〕36号"),
                                      ("鲁政办字[2022]28号", "鲁政办字〔2022〕28号"),
                                      ("某政发(2024)第05号", "某政发〔2024〕5号"),
                                      ("武政办发﹝2016﹞35号", "武政办发〔2016〕35号")])
def test_doc_numbers_get_hexagonal_brackets_and_no_padding(raw, good):
    assert normalize_doc_number(raw) == good


def test_fullwidth_punctuation_keeps_decimals_and_ratios():
    assert normalise("完成,责任单位:市大数据局;(牵头)") == "完成，责任单位：市大数据局；（牵头）"
    assert normalise("比例尺1:1000,版本5.0") == "比例尺1:1000，版本5.0"
    assert normalise('建设"城市大脑"') == "建设“城市大脑”"
    assert width_key("甲, 乙") == width_key("甲，乙")


def test_sentences_split_after_marks_and_keep_closing_quotes():
    assert split_sentences("甲。乙“丙。”丁；戊") == ["甲。", "乙“丙。”", "丁；", "戊"]


@pytest.mark.parametrize("marker,good", [("(一)", "（一）"), ("一.", "一、"), ("1、", "1."),
                                         ("1 .", "1."), ("１．", "1."), ("(2)", "（2）"),
                                         ("第3章", "第三章"), ("（十二）", "（十二）")])
def test_canonical_markers(marker, good):
    assert canonical_marker(marker) == good


def test_heading_titles_run_in_or_alone():
    assert split_title("数字经济产业化。按照思路推进。") == ("数字经济产业化", "。", "按照思路推进。")
    assert split_title("提升数字科技创新水平") == ("提升数字科技创新水平", "", "")
    assert split_title("持续推进数字经济建设,打造数字经济标杆工程。") == (
        "持续推进数字经济建设,打造数字经济标杆工程", "。", "")
    long_first = "落实青岛市“双12”场景应用,推动人才、民生等领域2024年改革事项立项建设。深化应用。"
    assert split_title(long_first) == (None, "", long_first)


def test_decimals_and_years_are_not_markers():
    assert parse_heading("1.2万个端口") is None
    assert parse_heading("2024年,全市完成建设。") is None
    assert parse_heading("(二十二)加快服务业数字化转型。").number == 22


def test_chinese_markers_run_as_far_as_arabic_ones():
    # Arabic markers go up to 999; the Chinese ones must too, or part 111 of a long plan is body text.
    for number, marker in [(111, "（一百一十一）"), (999, "（九百九十九）"), (345, "三百四十五、")]:
        assert parse_heading(marker + "推进数据共享。").number == number


def test_simplify_keeps_length():
    text = "某市數位政府2025年行動方案（責任單位：市大數據局）"
    assert len(simplify(text)) == len(text)
    assert simplify(text) == "某市数位政府2025年行动方案（责任单位：市大数据局）"


def test_numbers_of_a_thousand_and_more_in_chinese():
    # A heading numbered （一千） ingested, then export crashed in int_to_cn (IndexError).
    for value, written in [(1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"),
                           (1234, "一千二百三十四"), (9999, "九千九百九十九")]:
        assert int_to_cn(value) == written and cn_to_int(written) == value
    assert int_to_cn(12000) == "12000"


def test_a_heading_numbered_one_thousand_exports():
    from planner.export import export_text
    from planner.parse.document import ingest_text
    text = "数字某区2025年行动方案\n一、主要任务\n（一千）加强数据治理。\n"
    assert "（一千）加强数据治理" in export_text(ingest_text(text).plan)
