"""重点任务分工表: rows per responsibility note, 完成时限 read from the text, XLSX and DOCX,
the notice with the table attached, and outputs that cannot be written."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from planner.check import check_docx
from planner.form.deadlines import find_deadline
from planner.errors import OutputError
from planner.matrix import rows_by_unit, task_matrix
from planner.model import Role
from planner.planfile import load_plan
from planner.render import render_matrix, render_notice

ROOT = Path(__file__).resolve().parent.parent
PLANS = {p.stem[:3]: p for p in (ROOT / "examples" / "plans").glob("*.yaml")}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def plan(prefix: str):
    return load_plan(PLANS[prefix])


def test_jimo_has_a_row_for_every_responsibility_note():
    rows = task_matrix(plan("000"))
    tasks = [r for r in rows if r.role == Role.TASKS]
    safeguards = [r for r in rows if r.role == Role.SAFEGUARDS]
    assert all(r.part.startswith("三、保障措施") for r in safeguards)
    assert (len(tasks), len(safeguards)) == (39, 6)  # 39 task notes, 6 in 保障措施 (seeds.md)
    assert all(r.has_responsibility for r in rows)
    assert [r.number for r in rows] == list(range(1, 46))
    # （责任单位:区发展和改革局、工业和信息化局、科学技术局）: the shared 区 restored.
    assert rows[1].lead == ["区发展和改革局", "区工业和信息化局", "区科学技术局"] and rows[1].support == []
    assert rows[1].task == "（一）持续推进数字经济建设，打造数字经济标杆工程 › 1.数字经济产业化"
    assert rows[1].content.startswith("发挥企业创新主体作用，支持日辰食品、即东等30家企业")


def test_matrix_units_are_the_models_units():
    source = plan("000")
    notes = [c.responsibility for c in source.clauses() if c.responsibility]
    rows = task_matrix(source)
    assert [(r.lead, r.support) for r in rows] == [
        ([u.canonical for u in n.lead], [u.canonical for u in n.support]) for n in notes]


def test_dongying_splits_lead_and_support():
    rows = task_matrix(plan("002"))
    row = next(r for r in rows if r.item.startswith("2.增强政务服务效能"))
    assert row.lead == ["市政府办公室", "市行政审批局"]
    assert row.support[:3] == ["市民政局", "市人力资源社会保障局", "市市场监管局"]
    assert len([r for r in rows if r.role == Role.TASKS]) == 19  # 19 牵头/配合 notes
    assert len([r for r in rows if r.role == Role.SAFEGUARDS]) == 3  # 工作要求: 3 notes


def test_rizhao_items_are_listed_as_lacking_a_responsibility():
    rows = task_matrix(plan("003"))
    lacking = [r for r in rows if r.role == Role.TASKS and not r.has_responsibility]
    assert len(lacking) == 18 and all(not r.has_responsibility for r in rows)
    assert lacking[0].item == "1.提升数字科技创新水平"
    assert lacking[0].cells()[3] == "（未明确责任单位）"


@pytest.mark.parametrize("text, year, expected, due", [
    ("年底前完成200个老旧小区智慧化改造", 2021, "年底前", dt.date(2021, 12, 31)),  # 004
    ("年内全市新建并开通5g基站2000个", 2022, "年内", dt.date(2022, 12, 31)),  # 002
    ("持续推进云原生技术在政务领域的应用", 2024, "持续推进", None),  # 000
    ("2025年6月底前完成平台迁移", 2025, "2025年6月底前", dt.date(2025, 6, 30)),
    ("到2026年底前建成", 2024, "到2026年底前", dt.date(2026, 12, 31)),
    ("2025年上半年上线", 2025, "2025年上半年", dt.date(2025, 6, 30)),
])
def test_deadlines_are_read_from_the_text(text, year, expected, due):
    found = find_deadline(text, year)
    assert found is not None and found.text == expected and found.due == due


@pytest.mark.parametrize("text", ["截至2023年底，我国5G基站数达到337.7万个", "加强数据安全保护", ""])
def test_no_deadline_is_invented(text):
    assert find_deadline(text, 2024) is None


def test_deadline_and_targets_columns_on_the_seed():
    rows = task_matrix(plan("000"))
    by_content = {r.content[:10]: r for r in rows}
    infra = next(r for r in rows if "新建5G基站1000座" in r.content)
    assert "新建5G基站1000座" in infra.targets
    ongoing = next(r for r in rows if "持续推进云原生" in r.content)
    assert ongoing.deadline == "持续推进"
    assert by_content


def test_xlsx_has_a_frozen_filtered_header_and_unit_sheets(tmp_path):
    out = render_matrix(plan("000"), tmp_path / "分工表.xlsx", by_unit=True)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["分工表", "按单位", "单位统计"]
    sheet = book["分工表"]
    assert [c.value for c in sheet[1]] == ["序号", "任务", "具体内容", "牵头单位", "配合单位", "完成时限", "量化指标"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:G{sheet.max_row}"
    assert sheet.max_row == 46 and sheet["C2"].alignment.wrap_text
    assert sheet.column_dimensions["C"].width >= 40
    counts = {row[0]: (row[1], row[2]) for row in book["单位统计"].iter_rows(min_row=2, values_only=True)}
    units = rows_by_unit(task_matrix(plan("000")))
    assert counts == {u.unit: (len(u.lead), len(u.support)) for u in units}
    assert counts["区财政局"][0] >= 2  # 资金保障 and the 统筹调度 note name it


def test_docx_is_a_landscape_attachment_with_a_repeating_header(tmp_path):
    out = render_matrix(plan("000"), tmp_path / "分工表.docx")
    assert check_docx(out) == []
    with zipfile.ZipFile(out) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' in document
    assert document.count("<w:tblHeader/>") == 1
    import docx

    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    assert paragraphs[:2] == ["附件", "数字即墨2024年行动方案重点任务分工表"]
    table = docx.Document(str(out)).tables[0]
    assert len(table.rows) == 46 and table.rows[1].cells[3].text == "区工业和信息化局"


def test_notice_with_matrix_attaches_it_with_the_attachment_line(tmp_path):
    out = render_notice(plan("000"), tmp_path / "通知.docx", with_matrix=True)
    assert check_docx(out) == []
    import docx

    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs if p.text]
    note = texts.index("附件：数字即墨2024年行动方案重点任务分工表")
    assert texts[note + 1] == "青岛市即墨区人民政府办公室"  # 附件说明, then the 署名
    assert [s.orientation for s in document.sections] == [0, 1]  # portrait plan, landscape 附件
    assert len(document.tables) == 1


def test_read_only_or_open_xlsx_is_refused_and_left_alone(tmp_path):
    target = tmp_path / "分工表.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="只读"):
        render_matrix(plan("000"), target)
    assert target.read_bytes() == b"old"


def test_file_open_in_an_office_program_is_refused(tmp_path):
    target = tmp_path / "分工表.xlsx"
    target.write_bytes(b"old")
    (tmp_path / ".~lock.分工表.xlsx#").write_text("user", encoding="utf-8")
    with pytest.raises(OutputError, match="正在"):
        render_matrix(plan("000"), target)
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == \
        [".~lock.分工表.xlsx#", "分工表.xlsx"]


def test_matrix_cli_writes_both_formats_and_refuses_other_suffixes(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True)

    for name in ("m.xlsx", "m.docx"):
        proc = run("matrix", str(PLANS["002"]), "-o", str(tmp_path / name), "--by-unit")
        assert proc.returncode == 0, proc.stderr
    proc = run("matrix", str(PLANS["002"]), "-o", str(tmp_path / "m.pdf"))
    assert proc.returncode == 2 and ".xlsx 或 .docx" in proc.stderr and proc.stderr.count("\n") == 1


def test_by_unit_docx_shows_each_units_counts(tmp_path):
    import docx

    out = render_matrix(plan("000"), tmp_path / "按单位.docx", by_unit=True)
    assert check_docx(out) == []
    rows = docx.Document(str(out)).tables[0].rows
    units = rows_by_unit(task_matrix(plan("000")))
    first = units[0]
    assert rows[1].cells[0].text == f"{first.unit}（牵头{len(first.lead)}项，配合{len(first.support)}项）"
    assert len(rows) == 1 + sum(len(u.lead) + len(u.support) for u in units)


def test_drafted_rows_hold_every_sentence_their_note_covers():
    """The bundled 2025 draft writes an item as several clauses with one note at the end: each
    row holds them all, with the 完成时限 and targets written earlier in the item."""
    drafted = load_plan(ROOT / "examples" / "drafts" / "数字即墨2025年行动方案.yaml")
    rows = [r for r in task_matrix(drafted) if r.role == Role.TASKS]
    assert rows and all(r.deadline for r in rows)  # the outline sets 2025年底前 for every task
    community = next(r for r in rows if r.item.endswith("智慧社区建设"))
    assert "优化完善智慧社区综合信息平台功能" in community.content and "30个" in community.content
    assert any("30个" in t for t in community.targets)


def test_an_items_deadline_stated_once_reaches_each_of_its_rows():
    from planner.model import Clause, Item, Paragraph, Plan, Responsibility, Section

    note = Responsibility(raw="（责任单位：区民政局）")
    item = Item(marker="1.", number=1, title="智慧养老服务", paragraphs=[Paragraph(clauses=[
        Clause(text="2025年6月底前，整合养老服务信息资源。", responsibility=note),
        Clause(text="建设智慧养老院3家。", responsibility=note)])])
    plan = Plan(title="数字某区2025年行动方案", year=2025, sections=[
        Section(role=Role.TASKS, title="主要任务", items=[item])])
    assert [r.deadline for r in task_matrix(plan)] == ["2025年6月底前", "2025年6月底前"]


def test_counts_are_numbers_in_the_xlsx(tmp_path):
    out = render_matrix(plan("000"), tmp_path / "分工表.xlsx", by_unit=True)
    book = openpyxl.load_workbook(out)
    for sheet, column in (("分工表", "A"), ("按单位", "C")):
        cells = [c for c in book[sheet][column][1:]]
        assert cells and all(c.data_type == "n" and isinstance(c.value, int) for c in cells), sheet
    for row in book["单位统计"].iter_rows(min_row=2):
        assert [type(c.value) for c in row[1:]] == [int, int, int]
    # An empty 配合单位 cell is empty, not an empty text.
    assert book["分工表"]["E2"].value is None
