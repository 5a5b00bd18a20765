"""A portal's metadata lines (planner.parse.portal): which lines are fields, and what each says."""
from __future__ import annotations

import datetime as dt

from planner.parse.document import ingest_text
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


def test_a_box_of_fields_each_above_its_value_is_a_page_s_notice():
    # final5/030: a Shanghai district's portal names the issuer 公开主体 and puts every value on
    # the line under its field; no notice text, the body follows the box.
    text = ("索引号:\nSY0024781711202200061\n主题分类:\n综合政务-政务公开\n公开主体:\n上海市崇明区人民政府办公室\n"
            "发文字号:\n成文日期:\n2022-03-17\n发布日期:\n2022-03-21\n生效日期:\n失效日期:\n"
            "2022年,崇明区政务公开工作的总体要求是:以人民为中心推进政务公开工作。主要做好以下工作:\n"
            "一、规范政务公开日常工作\n")
    notice = ingest_text(text).plan.notice
    assert notice.issuer == ["上海市崇明区人民政府办公室"] and notice.date == dt.date(2022, 3, 17)
    assert notice.origin["issuer"] == "metadata" and notice.origin["date"] == "metadata"
    assert notice.doc_number is None
