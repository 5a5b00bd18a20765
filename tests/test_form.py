"""The 公文 conventions (planner.form): each read from the standards (GB/T 9704, GB/T 15834,
GB/T 15835) and from the sample documents, never from planner's own output."""
from __future__ import annotations

import pytest

from planner.form import markers
from planner.form.numerals import cn_to_int, int_to_cn


@pytest.mark.parametrize("value,written", [(99, "九十九"), (100, "一百"), (101, "一百零一"),
                                           (110, "一百一十"), (115, "一百一十五"),
                                           (120, "一百二十"), (999, "九百九十九")])
def test_chinese_numerals_past_ninety_nine(value, written):
    # The draft numbered its 100th part 十十 with a numeral writer of its own.
    assert int_to_cn(value) == written and cn_to_int(written) == value


@pytest.mark.parametrize("text,level", [("一、总体要求", 1), ("（一）指导思想", 2), ("(二)工作目标", 2),
                                        ("1.推进数据共享。", 3), ("（1）数据共享", 4),
                                        ("第一章 总则", None), ("1.5亿元投资", None),
                                        ("2024年完成", None), ("推进数据共享", None)])
def test_level_of_a_heading_paragraph(text, level):
    # GB/T 9704 7.3.3: 一、 → （一） → 1. → （1）
    assert markers.level_of(text) == level


@pytest.mark.parametrize("marker,level", [("第二章", 0), ("一、", 1), ("（三）", 2), ("12.", 3),
                                          ("（4）", 4), ("③", 4), ("", None), ("甲", None)])
def test_marker_levels(marker, level):
    assert markers.marker_level(marker) == level


def test_renumbering_keeps_the_markers_numerals():
    assert markers.renumber("（三）", 2) == "（二）"
    assert markers.renumber("第3章", 2) == "第二章"
    assert markers.renumber("12.", 11) == "11."


@pytest.mark.parametrize("marker,good", [("一.", "一、"), ("（一）、", "（一）"), ("1、", "1."),
                                         ("(1)、", "(1)")])
def test_marker_punctuation(marker, good):
    spot = markers.find_marker_punct(marker)
    assert marker[:spot.start] + spot.new + marker[spot.end:] == good


def test_marker_width():
    spots = markers.find_marker_width("(１)")
    assert [(s.start, s.new) for s in spots] == [(0, "（"), (1, "1"), (2, "）")]


def test_a_bare_heading_drops_its_end_mark_a_run_in_one_keeps_it():
    assert markers.stray_end("一、", "。", run_in=False)
    assert not markers.stray_end("一、", "。", run_in=True)
    assert not markers.stray_end("1.", "。", run_in=False)  # 三级 headings run in


# deadlines ---------------------------------------------------------------------------------

import datetime as dt  # noqa: E402

from planner.form.deadlines import find_deadline, find_deadlines, states_time  # noqa: E402


@pytest.mark.parametrize("text,due", [("2025年6月底前完成", dt.date(2025, 6, 30)),
                                      ("2025年6月30日前完成", dt.date(2025, 6, 30)),
                                      ("2024年2月底前完成", dt.date(2024, 2, 29)),
                                      ("2025年上半年完成", dt.date(2025, 6, 30)),
                                      ("到2025年底，建成", dt.date(2025, 12, 31)),
                                      ("2025年前完成", dt.date(2025, 12, 31))])
def test_deadlines_fall_on_the_last_day_they_allow(text, due):
    assert find_deadline(text).due == due


@pytest.mark.parametrize("text", ["2025年2月30日前完成", "2025年2月29日前完成", "2025年4月31日前完成",
                                  "2025年13月底前完成"])
def test_a_day_the_calendar_lacks_is_due_on_no_date(text):
    # The 分工表 and stale-deadline disagreed: one read 2月30日 as no date, the other as 2月28日.
    deadline = find_deadline(text)
    assert deadline is not None and deadline.due is None
    assert all(d.due is None for d in find_deadlines(text))


def test_a_stated_fact_is_no_deadline():
    assert find_deadline("截至2023年底，全市建成5G基站1000个。") is None


def test_each_deadline_is_read_once_most_specific_first():
    found = list(find_deadlines("2025年6月底前完成建设，12月底前完成验收。", year=2025))
    assert [d.text for d in found] == ["2025年6月底前", "12月底前"]
    assert [d.dated for d in found] == [True, False]


def test_a_task_states_a_time_loosely():
    assert states_time("每年开展一次评估") and states_time("第三季度完成")
    assert not states_time("推进数据共享")
