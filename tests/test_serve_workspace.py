"""What the page does to files (planner.serve.workspace): open, edit, pick, fix, rollover, upload;
the findings on their nodes, the preview and the downloads. Plain functions, no server."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from planner.draft.outline import load_outline
from planner.errors import PlannerError, UserError
from planner.planfile import load_plan
from planner.serve import downloads, files
from planner.serve.clauses import member, search
from planner.serve.preview import font_stacks, preview_html, shown_blocks
from planner.serve.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
JIMO_OUTLINE = ROOT / "examples" / "outlines" / "数字即墨2025年行动方案.yaml"
JIMO_PLAN = ROOT / "examples" / "plans" / "000_数字即墨2024年行动方案.yaml"
JIMO_TXT = ROOT / "examples" / "corpus" / "000_数字即墨2024年行动方案.txt"


@pytest.fixture()
def workspace(tmp_path, library):
    root = tmp_path / "work"
    root.mkdir()
    shutil.copy(JIMO_OUTLINE, root / "提纲.yaml")
    shutil.copy(JIMO_PLAN, root / "方案.yaml")
    return Workspace(files.Folder(root, tmp_path / "uploads"), library)


def snapshot(folder: files.Folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.root.iterdir()}


def test_an_opened_outline_is_drafted_with_no_findings(workspace):
    state = workspace.open("提纲.yaml")
    assert state.kind == "outline" and state.plan.title == "数字即墨2025年行动方案"
    assert state.findings == []  # README: the drafted 即墨 plan lints clean


def test_an_edit_is_written_in_the_form_the_cli_reads(workspace):
    state = workspace.open("提纲.yaml")
    after = workspace.edit("提纲.yaml", state.version, "add_item",
                           {"part": 2, "heading": "智慧医疗服务", "keywords": "互联网医院"})
    reread = load_outline(workspace.folder.root / "提纲.yaml")
    assert reread.parts[2].items[-1].heading == "智慧医疗服务" and reread.parts[2].items[-1].keywords == ["互联网医院"]
    assert after.version != state.version and after.outline == reread


def test_two_tabs_on_one_file_do_not_overwrite_each_other(workspace):
    first = second = workspace.open("提纲.yaml")
    workspace.edit("提纲.yaml", first.version, "set", {"path": "issuer", "value": "即墨区人民政府办公室"})
    before = snapshot(workspace.folder)
    with pytest.raises(files.ConflictError):
        workspace.edit("提纲.yaml", second.version, "set", {"path": "region", "value": "黄岛区"})
    assert snapshot(workspace.folder) == before


def test_a_bad_value_writes_nothing(workspace):
    state = workspace.open("提纲.yaml")
    before = snapshot(workspace.folder)
    with pytest.raises(PlannerError, match="year"):
        workspace.edit("提纲.yaml", state.version, "set", {"path": "year", "value": "20255"})
    assert snapshot(workspace.folder) == before


def test_a_yaml_with_an_error_is_one_line_with_its_place(workspace):
    (workspace.folder.root / "坏.yaml").write_text("title: 数字即墨\n\tyear: 2025\n", encoding="utf-8")
    with pytest.raises(PlannerError) as raised:
        workspace.open("坏.yaml")
    assert str(raised.value) == "坏.yaml:2:1: YAML 语法错误：不能用 Tab 缩进，请改用空格"


def test_a_picked_clause_is_rewritten_for_the_outline(workspace, library):
    """东营's 2022 clause (examples/corpus/002, line 28) read into 即墨's 2025 outline: its
    year moves on three years, 全市 becomes 全区 (a district's plan), its number is left for the
    drafter with the old value, its commas are full-width (README: 起草规则)."""
    from planner.serve.clauses import opened

    state = workspace.open("提纲.yaml")
    with opened(library) as conn:
        hit = next(h for h in search(conn, "数字校园覆盖率") if "东营" in h.document)
        chosen = member(conn, hit.cluster, hit.id)
    assert chosen.text == "推动优质数字教育资源共建共享和基础设施完善更新,2022年全市数字校园覆盖率达到98%。"
    after = workspace.pick("提纲.yaml", state.version, 2, 0, hit.cluster, hit.id)
    assert after.outline.parts[2].items[0].text == \
        "推动优质数字教育资源共建共享和基础设施完善更新，2025年全区数字校园覆盖率达到【待填：原为98%】。"
    assert load_outline(workspace.folder.root / "提纲.yaml").parts[2].items[0].text == after.outline.parts[2].items[0].text


def test_search_lists_what_clauses_search_lists_in_its_order(library):
    from planner.mine.search import search_clauses
    from planner.serve.clauses import opened

    with opened(library) as conn:
        assert [h.id for h in search(conn, "智慧养老")] == [h.id for h in search_clauses(conn, "智慧养老", 10)]


def test_findings_sit_on_their_item_and_a_fix_edits_the_outline(workspace):
    state = workspace.open("提纲.yaml")
    state = workspace.edit("提纲.yaml", state.version, "add_item", {"part": 2, "heading": "智慧医疗"})
    state = workspace.edit("提纲.yaml", state.version, "set",
                           {"path": "parts[2].items[3].text", "value": "推进5g远程医疗,建设互联网医院。"})
    found = {(f.key, f.code, f.source) for f in state.findings}
    # what the drafter typed (lint --fix can mend it) and what the draft leaves (no 责任单位)
    assert {("parts[2].items[3]", "M007", "file"), ("parts[2].items[3]", "P001", "file"),
            ("parts[2].items[3]", "S006", "draft")} <= found
    m007 = next(f for f in state.findings if f.code == "M007")
    fixed = workspace.fix("提纲.yaml", state.version, m007.id)
    assert fixed.outline.parts[2].items[3].text == "推进5G远程医疗,建设互联网医院。"
    everything = workspace.fix("提纲.yaml", fixed.version, None)
    assert everything.outline.parts[2].items[3].text == "推进5G远程医疗，建设互联网医院。"
    assert not [f for f in everything.findings if f.fixable]


def test_a_plan_file_is_fixed_in_place_as_lint_fixes_it(workspace):
    """Plan 000 writes `信创工作要求,不断提高` (a half-width comma between Chinese, P001)."""
    state = workspace.open("方案.yaml")
    assert state.kind == "plan"
    finding = next(f for f in state.findings if f.code == "P001" and "信创工作要求," in f.message)
    assert finding.label.startswith("（")  # the division it is in, by its heading
    fixed = workspace.fix("方案.yaml", state.version, finding.id)
    text = (workspace.folder.root / "方案.yaml").read_text(encoding="utf-8")
    assert "信创工作要求，不断提高" in text and len(fixed.findings) == len(state.findings) - 1


def test_rollover_writes_next_years_outline_beside_the_plan(workspace):
    name = workspace.rollover("方案.yaml", "")
    outline = load_outline(workspace.folder.root / name)
    assert name == "数字即墨2025年行动方案.yaml" and outline.year == 2025


def test_rollover_to_a_year_of_20255_writes_nothing(workspace):
    before = snapshot(workspace.folder)
    with pytest.raises(UserError, match="20255"):
        workspace.rollover("方案.yaml", "20255")
    with pytest.raises(UserError, match="年份应为数字"):
        workspace.rollover("方案.yaml", "二〇二五")
    assert snapshot(workspace.folder) == before


def test_an_uploaded_txt_is_read_and_rolled_over(workspace):
    name = workspace.upload("000_数字即墨2024年行动方案.txt", JIMO_TXT.read_bytes(), "2025")
    assert load_outline(workspace.folder.root / name).title == "数字即墨2025年行动方案"
    plan = load_plan(workspace.folder.root / "000_数字即墨2024年行动方案.yaml")  # for the 对照表
    assert plan.year == 2024


@pytest.mark.parametrize("filename, data", [("方案.docx", b"not a zip at all"), ("方案.pdf", b"%PDF-1.4"),
                                            ("空.txt", b"")])
def test_an_unreadable_upload_writes_nothing(workspace, filename, data):
    before = snapshot(workspace.folder)
    with pytest.raises(UserError) as raised:
        workspace.upload(filename, data)
    assert "\n" not in str(raised.value)
    assert snapshot(workspace.folder) == before


# --- preview ------------------------------------------------------------------------------

def test_the_preview_shows_titles_headings_and_placeholders(workspace):
    state = workspace.open("提纲.yaml")
    state = workspace.edit("提纲.yaml", state.version, "set",
                           {"path": "parts[0].items[0].targets[0].value", "value": ""})
    blocks = shown_blocks(state.plan)
    assert blocks[0].kind == "title" and blocks[0].lines == [[("数字即墨2025年行动方案", False)]]
    assert any(b.kind == "heading" and b.level == 1 and b.pieces == [("一、行动目标", False)] for b in blocks)
    runin = next(b for b in blocks if b.kind == "runin")
    assert runin.level == 3 and runin.head[0][0].startswith("1.工业数字化转型")
    marked = [text for b in blocks for text, todo in b.pieces if todo]
    assert marked and all(text.startswith("【待填") for text in marked)
    html = preview_html(state.plan)
    assert '<mark class="todo">【待填' in html and "（责任单位：区工业和信息化局）" in html


def test_plan_text_in_the_preview_is_escaped(workspace):
    plan = load_plan(JIMO_PLAN)
    plan.title = "<script>alert(1)</script>数字即墨"
    html = preview_html(plan)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_fonts_fall_back_to_the_stand_ins_fonts_conf_names():
    """templates/fonts.conf: 仿宋_GB2312 → FangSong, 仿宋, Noto Serif CJK SC; 黑体 → SimHei, …"""
    stacks = font_stacks()
    assert stacks["body"] == ["仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC"]
    assert stacks["heading1"][:3] == ["黑体", "SimHei", "Noto Sans CJK SC"]


# --- downloads ----------------------------------------------------------------------------

def test_the_plan_docx_passes_check_format(workspace, tmp_path):
    from planner.check import check_docx

    download = downloads.plan_docx(workspace.open("提纲.yaml").plan)
    assert download.filename == "数字即墨2025年行动方案.docx"
    path = tmp_path / download.filename
    path.write_bytes(download.data)
    assert check_docx(path) == []


def test_the_notice_names_the_field_it_lacks(workspace):
    plan = workspace.open("提纲.yaml").plan
    bare = plan.model_copy(update={"notice": None, "issuer": None})
    with pytest.raises(PlannerError) as raised:
        downloads.notice_docx(bare, {})
    assert downloads.notice_field(raised.value) == "recipients"
    with pytest.raises(PlannerError) as raised:
        downloads.notice_docx(bare, {"recipients": "各镇人民政府，各街道办事处"})
    assert downloads.notice_field(raised.value) == "issuer"
    with pytest.raises(PlannerError) as raised:
        downloads.notice_docx(plan, {"masthead": "青岛市即墨区人民政府办公室文件"})
    assert downloads.notice_field(raised.value) == "doc_number"
    with pytest.raises(PlannerError) as raised:
        downloads.notice_docx(plan, {"date": "2025年13月1日"})
    assert downloads.notice_field(raised.value) == "date"


def test_the_notice_matrix_and_comparison_are_real_files(workspace):
    import openpyxl
    from docx import Document

    plan = workspace.open("提纲.yaml").plan
    notice = downloads.notice_docx(plan, {"doc_number": "即政办发〔2025〕9号"})
    texts = [p.text for p in Document(io.BytesIO(notice.data)).paragraphs]
    assert "各镇人民政府，各街道办事处，各功能区，区政府各部门，区直各单位：" in texts
    sheet = openpyxl.load_workbook(io.BytesIO(downloads.matrix_xlsx(plan).data)).worksheets[0]
    assert sheet.max_row > 5
    table = downloads.comparison_docx(load_plan(JIMO_PLAN), plan)
    assert zipfile.ZipFile(io.BytesIO(table.data)).read("word/document.xml").count(b"<w:tr") > 5


def test_each_finding_of_a_plan_is_under_the_item_it_names(workspace):
    """S004 names its item in the message (`任务没有完成时限（2.工业数字化转型）`): the panel
    puts it under that item's heading, not its neighbour's."""
    named = [f for f in workspace.open("方案.yaml").findings if f.code == "S004"]
    assert len(named) > 10
    for finding in named:
        assert f"（{finding.label}）" in finding.message


def test_an_item_left_to_the_library_says_where_its_clauses_come_from(workspace):
    """即墨's outline lets draft choose for 智慧养老服务 (keyword 养老): the form names the
    documents and lines of what it chose, as the drafted plan's provenance records them."""
    from planner.serve.views import chosen_sources, form_html, unit_suggestions

    state = workspace.open("提纲.yaml")
    sources = chosen_sources(state)
    chosen = state.plan.sections[1].parts[2].items[0].paragraphs[0].clauses
    expected = [f"《{c.provenance.document}》{c.provenance.loc.file}:{c.provenance.loc.line}"
                for c in chosen if c.provenance]
    assert expected and sources["parts[2].items[0]"] == expected
    assert "由条款库自动选取：" + "；".join(expected) in form_html(state)
    assert "parts[2].items[2]" in sources and sources["parts[2].items[2]"] == []  # its own text
    assert {"区民政局", "区卫生健康局"} <= set(unit_suggestions(state))
