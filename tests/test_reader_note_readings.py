"""Note readings the real sets' annotations settle (issue 16, tests/fixtures/real/README.md
convention 8 and final4's remarks): two label lines under one task are one note, a line note cut
by the end of an excerpt is cut, a bracket of unit names only after a task leads, and a 。 before
another label goes on with the note. Texts invented for these tests."""
from __future__ import annotations

from planner.form.notes import find_notes, read_note
from planner.parse.document import ingest_text

HEAD = "青山市2025年数字经济工作要点\n一、重点专项工作\n(一)数字技术创新专项\n"


def _notes(text: str) -> list:
    return [c.responsibility for c in ingest_text(text).plan.clauses() if c.responsibility]


def test_a_lead_line_and_a_support_line_are_one_note() -> None:
    text = HEAD + "牵头单位:市科技局\n配合单位:市发改委、市工信局\n1.梳理发布关键技术目录。\n"
    (note,) = _notes(text)
    assert [u.name for u in note.lead] == ["市科技局"]
    assert [u.name for u in note.support] == ["市发改委", "市工信局"]


def test_a_responsibility_line_alone_stays_one_note_of_leads() -> None:
    text = HEAD + "1.梳理发布关键技术目录。\n责任单位:市发改委、市财政局\n时限要求:持续推进\n"
    (note,) = _notes(text)
    assert [u.name for u in note.lead] == ["市发改委", "市财政局"] and not note.support


def test_a_line_note_cut_by_the_end_of_the_excerpt_is_truncated() -> None:
    (note,) = _notes(HEAD + "牵头单位:市")
    assert note.truncated and not note.lead and not note.support


def test_a_whole_line_note_on_the_last_line_is_not_truncated() -> None:
    (note,) = _notes(HEAD + "1.梳理发布关键技术目录。\n责任单位:市科技局")
    assert not note.truncated and [u.name for u in note.lead] == ["市科技局"]


def test_a_bracket_of_unit_names_after_a_task_is_a_note_of_leads() -> None:
    text = "推广“一企一码”的场景应用(区市场局、区行政服务中心)。提升登记便利度(区市场局)。"
    raws = [text[b:e] for b, e in find_notes(text)]
    assert raws == ["(区市场局、区行政服务中心)", "(区市场局)"]
    assert read_note(raws[0]).lead == "区市场局、区行政服务中心"


def test_a_gloss_in_brackets_is_no_note() -> None:
    for text in ("不再新建独立机房(数据中心)。", "各镇人民政府(街道办事处):", "便利住所(经营场所)登记。",
                 "区科学技术和信息化局\n(北京市朝阳区大数据管理局)"):
        assert find_notes(text) == []


def test_a_full_stop_before_another_label_goes_on_with_the_note() -> None:
    reading = read_note("(牵头部门:市政府办公厅。责任部门、单位:各区政府、市政府有关部门)")
    assert reading.lead == "市政府办公厅"
    assert reading.support == "各区政府、市政府有关部门" and not reading.rule


def test_a_full_stop_before_a_rule_still_ends_the_note() -> None:
    reading = read_note("(责任单位:市大数据局。以下任务均需各区落实,不再一一列出)")
    assert reading.lead == "市大数据局" and reading.rule.startswith("以下任务")
