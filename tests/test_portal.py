"""A portal's metadata lines (planner.parse.portal): which lines are fields, and what each says."""
from __future__ import annotations

import datetime as dt

from planner.parse.portal import fields, read_metadata


def test_a_table_may_bracket_its_field_names():
    assert fields("[ 成文日期 ] | 2021-06-02 | [ 发布日期 ] | 2021-06-03 |") == [
        ("成文日期", "2021-06-02"), ("发布日期", "2021-06-03")]


def test_field_names_glued_to_their_values_are_read():
    meta = read_metadata(["發文機構市政府辦公廳發文字號武政辦〔2018〕103號", "成文日期2018年08月22日"])
    assert meta.doc_number == "武政辦〔2018〕103號"
    assert meta.issuer == ["市政府辦公廳"]
    assert meta.date == dt.date(2018, 8, 22)


def test_a_sentence_that_opens_with_a_field_name_is_no_field():
    assert fields("责任部门要切实履行职责，按时完成任务。") is None
    assert fields("成文日期以落款为准") is None
