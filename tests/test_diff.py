"""planner diff: alignment by content, year-over-year and across cities, outputs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from planner.check import check_docx
from planner.diff import diff_json, diff_plans, explain
from planner.planfile import load_plan
from planner.render.comparison import comparison_docx, comparison_xlsx, segments

ROOT = Path(__file__).resolve().parent.parent
PLANS = {p.stem[:3]: p for p in (ROOT / "examples" / "plans").glob("*.yaml")}
DRAFT = ROOT / "examples" / "drafts" / "数字即墨2025年行动方案.yaml"


def plan(prefix: str):
    return load_plan(PLANS[prefix])


def labels(diff, status: str, side: str) -> list[str]:
    return sorted(getattr(c, side).label for c in diff.changes if c.status == status)


@pytest.mark.parametrize("prefix", sorted(PLANS))
def test_a_plan_against_itself_has_no_change(prefix):
    diff = diff_plans(plan(prefix), plan(prefix))
    assert diff.changes and {c.status for c in diff.changes} == {"unchanged"}
    assert not any(c.moved or c.renumbered or c.targets or c.units_added for c in diff.changes)


@pytest.mark.parametrize("a, b", [("000", "002"), ("002", "004"), ("000", "003")])
def test_added_and_removed_mirror_when_the_plans_swap(a, b):
    forward, backward = diff_plans(plan(a), plan(b)), diff_plans(plan(b), plan(a))
    assert labels(forward, "added", "new") == labels(backward, "removed", "old")
    assert labels(forward, "removed", "old") == labels(backward, "added", "new")


def next_year(source):
    """即墨 2024 edited the way a drafter edits it for 2025 (the edits are the gold)."""
    data = source.model_dump(mode="json")
    text = json.dumps(data, ensure_ascii=False).replace("2024", "2025")
    data = json.loads(text)
    tasks = next(s for s in data["sections"] if s["role"] == "tasks")
    economy, government, society, infra = tasks["parts"]
    economy["items"].pop(2)  # 3.农业数字化转型 dropped
    moved = government["items"].pop(7)  # 8.加强智慧城管应用 moved to the end of 数字社会
    moved["marker"], moved["number"] = f"{len(society['items']) + 1}.", len(society["items"]) + 1
    society["items"].append(moved)
    society["title"] = "持续推进数字社会建设，打造民生服务标杆工程"
    clause = infra["items"][0]["paragraphs"][0]["clauses"][0]
    assert "新建5G基站1000座" in clause["text"]
    clause["text"] = clause["text"].replace("新建5G基站1000座", "新建5G基站1200座")
    clause["responsibility"]["lead"].append({"name": "区通信发展办公室", "canonical": "区通信发展办公室"})
    economy["items"].append({"marker": "6.", "number": 6, "title": "低空经济发展", "end": "。", "run_in": True,
                             "paragraphs": [{"clauses": [{"text": "开展无人机物流配送试点。"}]}]})
    return type(source).model_validate(data)


def test_year_over_year_changes_are_each_reported():
    old = plan("000")
    diff = diff_plans(old, next_year(old))
    assert labels(diff, "removed", "old") == ["3.农业数字化转型"]
    assert labels(diff, "added", "new") == ["6.低空经济发展"]
    moved = next(c for c in diff.changes if c.new and c.new.label.endswith("加强智慧城管应用"))
    assert moved.moved and moved.renumbered and moved.status in ("unchanged", "years")
    infra = next(c for c in diff.changes if c.targets)
    assert [(t.metric, t.old, t.new) for t in infra.targets] == [("5G基站", "1000座", "1200座")]
    assert infra.units_added == ["区通信发展办公室"]
    assert any(c.status == "years" for c in diff.changes)  # only 2024 → 2025 in its text
    matched = [c for c in diff.changes if c.old and c.new]
    assert len(matched) == len(diff.changes) - 2


def test_the_drafted_2025_plan_against_2024():
    old, new = plan("000"), load_plan(DRAFT)
    diff = diff_plans(old, new)
    seen_new = {c.new.index for c in diff.changes if c.new}
    seen_old = {c.old.index for c in diff.changes if c.old}
    from planner.diff import entries

    assert seen_new == set(range(len(entries(new)))) and seen_old == set(range(len(entries(old))))
    # The outline sets 新建5G基站 to 1200 (the 2024 plan: 1000座).
    assert any((t.metric, t.old, t.new) == ("5G基站", "1000座", "1200座") for c in diff.changes for t in c.targets)
    pension = next(c for c in diff.changes if c.new and c.new.label.endswith("智慧养老服务"))
    assert pension.old is not None and pension.old.label == "2.智慧养老服务"


def test_plans_of_two_cities_align_by_topic():
    diff = diff_plans(plan("000"), plan("002"))
    pairs = {(c.old.label, c.new.label) for c in diff.changes if c.old and c.new}
    # The same topics, named differently by 即墨 and 东营 (read from the two texts).
    assert ("2.智慧养老服务", "13.优化智慧养老服务") in pairs
    assert ("4.智慧医疗服务", "12.优化智慧医疗服务") in pairs
    assert ("3.智慧教育服务", "11.优化智慧教育服务") in pairs


def test_numbers_change_as_whole_tokens_and_words_by_the_character():
    # 即墨 2024 (四)1.: 新建5G基站1000座 — a 2025 draft writes 1200座: 1000 → 1200, not 0 → 2.
    left, right = segments("新建5G基站1000座。", "新建5G基站1200座。")
    assert [t for t, changed in left if changed] == ["1000"]
    assert [t for t, changed in right if changed] == ["1200"]
    assert "".join(t for t, _ in left) == "新建5G基站1000座。"
    left, right = segments("打造数字经济标杆工程", "打造数字政府标杆工程")
    assert [t for t, changed in left if changed] == ["经济"] and [t for t, c in right if c] == ["政府"]
    left, right = segments("新建5G基站1000座", "新建5G基站【待填：上年1000座】")
    assert [t for t, changed in right if changed] == ["【待填：上年1000座】"]


def test_json_docx_and_xlsx_outputs(tmp_path):
    old = plan("000")
    diff = diff_plans(old, next_year(old))
    data = diff_json(diff)
    assert set(data) >= {"old", "new", "summary", "changes"} and data["summary"]["removed"] == 1
    assert all("explanation" in c and "status" in c for c in data["changes"])
    docx_path = tmp_path / "对照表.docx"
    docx_path.write_bytes(comparison_docx(diff))
    assert check_docx(docx_path) == []
    import docx

    table = docx.Document(str(docx_path)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "原表述", "新表述", "变化说明"]
    xml = docx_path.read_bytes()
    assert xml  # the struck-through and underlined runs are in the table
    import zipfile

    body = zipfile.ZipFile(docx_path).read("word/document.xml").decode("utf-8")
    assert "<w:strike/>" in body and '<w:u w:val="single"/>' in body
    xlsx_path = tmp_path / "对照表.xlsx"
    xlsx_path.write_bytes(comparison_xlsx(diff))
    sheet = openpyxl.load_workbook(xlsx_path, rich_text=True)["对照表"]
    assert [c.value for c in sheet[1]] == ["序号", "原表述", "新表述", "变化说明"]
    assert sheet.max_row == len(diff.changes) + 1 and sheet.freeze_panes == "A2"


def test_diff_cli_text_and_errors(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True)

    proc = run("diff", str(PLANS["000"]), str(DRAFT))
    assert proc.returncode == 0 and "5G基站 1000座 → 1200座" in proc.stdout
    assert "\x1b[" not in proc.stdout  # no colour codes when not a terminal
    proc = run("diff", str(PLANS["000"]), str(DRAFT), "--format", "docx")
    assert proc.returncode == 2 and "-o" in proc.stderr and proc.stderr.count("\n") == 1
    proc = run("diff", str(PLANS["000"]), str(tmp_path / "nope.yaml"))
    assert proc.returncode == 2 and "文件不存在" in proc.stderr
    proc = run("diff", str(PLANS["000"]), str(DRAFT), "--format", "xlsx", "-o", str(tmp_path / "d.xlsx"))
    assert proc.returncode == 0 and (tmp_path / "d.xlsx").exists()


@pytest.fixture(scope="module")
def rolled_draft(library):
    """即墨 2024 rolled over to 2025 and drafted: its values are placeholders showing 2024's."""
    from planner.draft.fill import draft_plan
    from planner.draft.rollover import rollover_plan
    from planner.mine import store

    conn = store.connect(library, create=False)
    try:
        return draft_plan(rollover_plan(plan("000")), conn).plan
    finally:
        conn.close()


def test_placeholders_are_not_read_as_metrics(rolled_draft):
    diff = diff_plans(plan("000"), rolled_draft)
    metrics = [t.metric for c in diff.changes for t in c.targets]
    assert metrics and not any("】" in m or "【" in m or "待填" in m for m in metrics)
    # 即墨 2024 (四)1.: 新建5G基站1000座 — in the draft the value is to fill.
    infra = next(c for c in diff.changes if c.new and c.new.label.endswith("完善数字基础设施配套"))
    station = next(t for t in infra.targets if t.metric == "5G基站")
    assert (station.old, station.new) == ("1000座", "待填")
    assert "5G基站 1000座 → 待填" in explain(infra)


def test_an_untitled_item_is_named_by_its_first_words():
    # 即墨 2024 (二)1. has no title: 1.落实青岛市“双12”场景应用,推动人才、民生等领域…
    old = plan("000")
    diff = diff_plans(old, next_year(old))
    named = [c.old.label for c in diff.changes if c.old and c.old.label.startswith("1.落实")]
    assert named == ["1.落实青岛市“双12”场景应用…"]
    assert not any(c.old and c.old.label in ("1.", "1.：") for c in diff.changes)
