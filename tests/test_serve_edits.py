"""The workspace's outline operations (planner.serve.edits) and its folder (planner.serve.files):
plain functions, no server."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.draft.outline import OutlineError, load_outline
from planner.errors import UserError
from planner.serve import edits, files

ROOT = Path(__file__).resolve().parent.parent
JIMO_OUTLINE = ROOT / "examples" / "outlines" / "数字即墨2025年行动方案.yaml"


@pytest.fixture()
def outline():
    return load_outline(JIMO_OUTLINE)


def test_units_typed_with_enumeration_commas_become_a_list(outline):
    changed = edits.apply_edit(outline, "set", {"path": "parts[2].items[0].units",
                                                "value": "区民政局、区卫生健康局"}, "x.yaml")
    assert changed.parts[2].items[0].units == ["区民政局", "区卫生健康局"]


def test_goals_are_one_a_line(outline):
    changed = edits.apply_edit(outline, "set", {"path": "goals", "value": "第一条目标。\n\n第二条目标。"}, "x.yaml")
    assert changed.goals == ["第一条目标。", "第二条目标。"]


def test_an_emptied_optional_field_is_removed(outline):
    changed = edits.apply_edit(outline, "set", {"path": "parts[0].items[0].deadline", "value": "  "}, "x.yaml")
    assert changed.parts[0].items[0].deadline is None
    assert "2025年10月底前" not in edits.outline_text(changed)


def test_a_target_value_is_set_as_a_number(outline):
    changed = edits.apply_edit(outline, "set", {"path": "parts[0].items[0].targets[0].value", "value": "15"}, "x.yaml")
    assert changed.parts[0].items[0].targets[0].value == 15


def test_a_year_of_20255_is_refused_naming_the_year_field(outline):
    with pytest.raises(OutlineError) as raised:
        edits.apply_edit(outline, "set", {"path": "year", "value": "20255"}, "数字即墨.yaml")
    assert edits.error_field(raised.value) == "year"
    assert str(raised.value).startswith("数字即墨.yaml: year: ")


def test_a_one_character_heading_is_refused_naming_the_item(outline):
    with pytest.raises(OutlineError) as raised:
        edits.apply_edit(outline, "set", {"path": "parts[1].items[0].heading", "value": "办"}, "x.yaml")
    assert edits.error_field(raised.value) == "parts[1].items[0].heading"


def test_fields_that_are_not_the_forms_are_refused(outline):
    for path in ("parts[0].items[0].provenance", "notice.title", "../../etc", "parts[9].title"):
        with pytest.raises(UserError):
            edits.apply_edit(outline, "set", {"path": path, "value": "某某"}, "x.yaml")


def test_an_added_item_carries_its_keyword(outline):
    changed = edits.apply_edit(outline, "add_item", {"part": 2, "heading": "智慧医疗", "keywords": "互联网医院、远程医疗"}, "x.yaml")
    assert changed.parts[2].items[-1].heading == "智慧医疗"
    assert changed.parts[2].items[-1].keywords == ["互联网医院", "远程医疗"]


def test_a_new_task_part_goes_before_the_safeguards(outline):
    changed = edits.apply_edit(outline, "add_part", {"role": "tasks"}, "x.yaml")
    roles = [part.role for part in changed.parts]
    assert roles == ["tasks"] * 5 + ["safeguards"]
    assert changed.parts[4].title == "新的部分" and changed.parts[4].items[0].heading == "新的事项"


def test_items_move_within_a_part_and_to_another(outline):
    first = [item.heading for item in outline.parts[2].items]
    moved = edits.apply_edit(outline, "move_item", {"part": 2, "item": 0, "to_part": 2, "to": 2}, "x.yaml")
    assert [item.heading for item in moved.parts[2].items] == [first[1], first[2], first[0]]
    across = edits.apply_edit(outline, "move_item", {"part": 2, "item": 0, "to_part": 3, "to": 0}, "x.yaml")
    assert across.parts[3].items[0].heading == first[0] and len(across.parts[2].items) == 2


def test_parts_move_and_are_removed(outline):
    titles = [part.title for part in outline.parts]
    moved = edits.apply_edit(outline, "move_part", {"part": 0, "to": 1}, "x.yaml")
    assert [part.title for part in moved.parts][:2] == [titles[1], titles[0]]
    removed = edits.apply_edit(outline, "remove", {"part": 1}, "x.yaml")
    assert [part.title for part in removed.parts] == titles[:1] + titles[2:]


def test_removing_the_last_item_of_a_part_is_refused_with_the_parts_rule(outline):
    assert len(outline.parts[3].items) == 1
    with pytest.raises(OutlineError, match="至少需要一个事项"):
        edits.apply_edit(outline, "remove", {"part": 3, "item": 0}, "x.yaml")


def test_an_item_that_is_not_there_is_refused(outline):
    with pytest.raises(edits.EditError):
        edits.apply_edit(outline, "remove", {"part": 2, "item": 9}, "x.yaml")
    with pytest.raises(edits.EditError):
        edits.apply_edit(outline, "explode", {}, "x.yaml")


def test_saved_text_is_what_load_outline_reads_and_keeps_the_opening_comment(outline, tmp_path):
    changed = edits.apply_edit(outline, "add_item", {"part": 0, "heading": "工业互联网平台"}, "x.yaml")
    text = edits.outline_text(changed, JIMO_OUTLINE.read_text(encoding="utf-8"))
    assert text.startswith("# 起草提纲：planner draft")
    path = tmp_path / "提纲.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_outline(path) == changed


# --- the folder --------------------------------------------------------------------------

@pytest.fixture()
def folder(tmp_path):
    root = tmp_path / "work"
    root.mkdir()
    shutil.copy(JIMO_OUTLINE, root / "提纲.yaml")
    shutil.copy(ROOT / "examples" / "plans" / "000_数字即墨2024年行动方案.yaml", root / "方案.yaml")
    (root / "坏.yaml").write_text("title: [未闭合\n", encoding="utf-8")
    (tmp_path / "外面.yaml").write_text("title: 外面\n", encoding="utf-8")
    return files.Folder(root, tmp_path / "uploads")


def test_a_request_names_files_inside_the_folder_only(folder):
    assert folder.resolve("提纲.yaml") == folder.root / "提纲.yaml"
    for name in ("../外面.yaml", str(folder.root.parent / "外面.yaml"), "/etc/passwd", "", "提纲.txt"):
        with pytest.raises(UserError):
            folder.resolve(name)


def test_a_symlink_out_of_the_folder_is_refused(folder):
    (folder.root / "链接.yaml").symlink_to(folder.root.parent / "外面.yaml")
    with pytest.raises(UserError, match="工作目录"):
        folder.resolve("链接.yaml")


def test_the_listing_says_what_each_file_is(folder):
    entries = {entry.name: entry for entry in folder.listing()}
    assert entries["提纲.yaml"].kind == "outline" and entries["提纲.yaml"].title == "数字即墨2025年行动方案"
    assert entries["方案.yaml"].kind == "plan"
    # at the cause, the "[" never closed (planner.yamlmessages), not where the file ends
    assert entries["坏.yaml"].kind is None and entries["坏.yaml"].note.startswith("坏.yaml:1:8: YAML 语法错误")


def test_a_save_over_a_changed_file_is_refused_and_writes_nothing(folder):
    path = folder.root / "提纲.yaml"
    text, version = files.read_versioned(path)
    newer = files.save(path, text.replace("即墨区", "即墨区 "), version)  # the first tab saves
    with pytest.raises(files.ConflictError, match="已在别处修改"):
        files.save(path, text + "# 第二个标签页\n", version)  # the second still holds `version`
    assert files.read_versioned(path)[1] == newer


def test_a_new_file_never_takes_an_existing_name(folder):
    assert folder.new_path("提纲").name == "提纲（2）.yaml"
    assert folder.new_path("数字/即墨:2026").name == "数字即墨2026.yaml"


def test_a_save_keeps_the_files_bom_and_crlf_line_ends(folder):
    path = folder.root / "记事本.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + JIMO_OUTLINE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    text, version = files.read_versioned(path)
    assert "\r" not in text
    files.save(path, text.replace("即墨区", "黄岛区"), version)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == data.count(b"\n")
    assert load_outline(path).region == "黄岛区"
