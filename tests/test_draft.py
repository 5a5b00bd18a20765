"""Drafting from an outline, rollover, outline errors, and the committed example draft."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from planner.draft.fill import draft_plan
from planner.draft.outline import Outline, load_outline
from planner.draft.rollover import rollover_plan
from planner.form.deadlines import states_time
from planner.planfile import read_plan
from planner.targets import QUANTITY_RE

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "examples" / "outlines" / "数字即墨2025年行动方案.yaml"
DRAFT = ROOT / "examples" / "drafts" / "数字即墨2025年行动方案.yaml"
REGENERATE = f"planner draft {OUTLINE.relative_to(ROOT)} -o {DRAFT.relative_to(ROOT)}"
JIMO_PLAN = ROOT / "examples" / "plans" / "000_数字即墨2024年行动方案.yaml"
OTHER_CITIES = ("东营", "威海", "日照", "烟台", "潍坊")
PLACEHOLDER_RE = re.compile(r"【待填：[^】]*】")


def run(*args: str, cwd: Path = ROOT):
    proc = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True,
                          text=True, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def drafted(library):
    from planner.mine import store

    conn = store.connect(library, create=False)
    try:
        return draft_plan(load_outline(OUTLINE), conn)
    finally:
        conn.close()


def items(plan):
    for section in plan.sections:
        for part in [section, *section.parts]:
            yield from ((part.title, item) for item in part.items)


def reused(plan):
    for _, item in items(plan):
        for clause in item.clauses():
            if clause.provenance is not None:
                yield item, clause


def test_smart_elderly_care_is_filled_from_the_seeds_that_write_of_it(drafted):
    # 即墨 2024 (三)2.智慧养老服务, 东营 2022 13.优化智慧养老服务, 日照 12349智慧养老服务平台;
    # 威海 2021 names 居家养老 only in a list.
    (item,) = [i for _, i in items(drafted.plan) if i.title == "智慧养老服务"]
    sources = {c.provenance.loc.file[:3] for c in item.clauses() if c.provenance}
    assert sources <= {"000", "002", "003"} and "000" in sources
    assert all("养老" in c.text for c in item.clauses())


def test_no_reused_clause_keeps_another_city_or_an_old_year(drafted):
    for _, clause in reused(drafted.plan):
        visible = PLACEHOLDER_RE.sub("", clause.text)
        assert not any(city in visible for city in OTHER_CITIES), clause.text
        assert all(int(y) >= 2025 for y in re.findall(r"(20\d\d)年", visible)), clause.text


@pytest.fixture(scope="module")
def gappy_outline(tmp_path_factory):
    """The example outline without the drafter's own text and the targets it sets for
    numbers the 即墨2024 clauses carry (智能化工厂, 贯标认证企业, 充电桩)."""
    data = yaml.safe_load(OUTLINE.read_text("utf-8"))
    for part in data["parts"]:
        for item in part["items"]:
            item.pop("text", None)
            item["targets"] = [t for t in item.get("targets", [])
                               if t["metric"] in ("5G基站", "智慧社区")]
    path = tmp_path_factory.mktemp("outline") / "gappy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


@pytest.fixture(scope="module")
def gappy(library, gappy_outline):
    from planner.mine import store

    conn = store.connect(library, create=False)
    try:
        return draft_plan(load_outline(gappy_outline), conn)
    finally:
        conn.close()


def test_numbers_are_placeholders_or_the_outlines_targets(drafted):
    outline = load_outline(OUTLINE)
    wanted = [f"{t.value:g}{t.unit}" for p in outline.parts for i in p.items for t in i.targets]
    assert "1200座" in wanted and "12个" in wanted  # read from the outline file
    for item, clause in reused(drafted.plan):
        for match in QUANTITY_RE.finditer(PLACEHOLDER_RE.sub("", clause.text)):
            if clause.text[match.end():match.end() + 1] in "年月日":
                continue  # the 完成时限 put before the text
            assert any(match.group(0).startswith(w) for w in wanted), (item.title, clause.text)
    (infra,) = [i for _, i in items(drafted.plan) if i.title == "完善数字基础设施配套"]
    assert "新建5G基站1200座" in infra.paragraphs[0].clauses[0].text  # 即墨2024: 1000座


def test_every_reused_clause_records_its_provenance(drafted, conn):
    for _, clause in reused(drafted.plan):
        source = conn.execute("SELECT c.text, c.cluster_id FROM clauses c JOIN documents d ON "
                              "d.id = c.doc_id WHERE d.name = ? AND c.line = ? AND c.text = ?",
                              (clause.provenance.loc.file, clause.provenance.loc.line,
                               clause.provenance.original)).fetchone()
        assert source is not None and source[1] == clause.provenance.cluster


def test_outline_units_win(drafted):
    outline = load_outline(OUTLINE)
    wanted = {i.heading: i.units for p in outline.parts for i in p.items if i.units}
    for _, item in items(drafted.plan):
        if item.title in wanted:
            notes = [c.responsibility for c in item.clauses() if c.responsibility]
            assert [[u.name for u in n.lead] for n in notes] == [wanted[item.title]]


def test_unmatched_heading_keeps_a_listed_placeholder(gappy):
    (item,) = [i for _, i in items(gappy.plan) if i.title == "低空经济飞行服务"]
    (clause,) = item.clauses()
    assert clause.provenance is None and "【待填：" in clause.text
    assert any(w.endswith("低空经济飞行服务") for w in gappy.unfilled)


def test_the_drafters_own_text_is_used_as_written(drafted):
    outline = load_outline(OUTLINE)
    (wanted,) = [i for p in outline.parts for i in p.items if i.heading == "低空经济飞行服务"]
    (item,) = [i for _, i in items(drafted.plan) if i.title == "低空经济飞行服务"]
    (clause,) = item.clauses()
    assert clause.provenance is None and clause.text.endswith(wanted.text)
    assert [u.name for u in clause.responsibility.lead] == wanted.units


def test_every_task_states_a_time_and_safeguards_do_not_skip_a_level(drafted):
    outline = load_outline(OUTLINE)
    assert outline.deadline == "2025年底前"
    (industry,) = [i for _, i in items(drafted.plan) if i.title == "工业数字化转型"]
    if not industry.paragraphs[0].clauses[0].text.startswith("2025年10月底前，"):  # item's own
        assert any(states_time(c.provenance.original) for c in industry.clauses() if c.provenance)
    (elderly,) = [i for _, i in items(drafted.plan) if i.title == "智慧养老服务"]
    assert elderly.paragraphs[0].clauses[0].text.startswith("2025年底前，")  # the outline's
    (safeguards,) = [s for s in drafted.plan.sections if s.role.value == "safeguards"]
    assert [i.marker for i in safeguards.items] == ["（一）", "（二）"]
    tasks = [s for s in drafted.plan.sections if s.role.value == "tasks"][0]
    assert [p.marker for p in tasks.parts] == ["（一）", "（二）", "（三）", "（四）"]


def test_every_placeholder_is_listed_in_the_summary(library, tmp_path, gappy_outline):
    out = tmp_path / "plan.yaml"
    code, _, err = run("draft", str(gappy_outline), "-o", str(out), "--db", str(library))
    assert code == 0, err
    written = PLACEHOLDER_RE.findall(out.read_text("utf-8"))
    listed = [line for line in err.splitlines() if line.startswith("  ")]
    assert written and len(listed) == len(written)
    for placeholder in written:
        assert any(placeholder in line for line in listed)
    assert f"待填项 {len(written)} 处" in err


def test_same_input_same_output(library, tmp_path):
    outputs = []
    for name in ("a.yaml", "b.yaml"):
        run("draft", str(OUTLINE), "-o", str(tmp_path / name), "--db", str(library))
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_committed_example_draft_is_the_tools_output(tmp_path):
    """examples/drafts/ is produced by the tool from the bundled corpus library."""
    code, out, err = run("draft", str(OUTLINE), cwd=tmp_path)
    assert code == 0, err
    assert out == DRAFT.read_text("utf-8"), f"请运行 {REGENERATE}"
    plan = read_plan(DRAFT)
    assert plan.year == 2025 and plan.region == "即墨区" and plan.tasks


BAD_OUTLINES = {
    "unknown key": ("title: 数字即墨2025年行动方案\nregion: 即墨区\nyear: 2025\nparts:\n"
                    "  - title: 数字经济\n    items:\n      - heading: 智慧养老\n        keyword: [养老]\n",
                    "8:9", "parts[0].items[0].keyword: 未知字段"),
    "wrong type": ("title: 数字即墨2025年行动方案\nregion: 即墨区\nyear: 明年\nparts: []\n",
                   "3:1", "year: 应为整数"),
    "missing": ("title: 数字即墨2025年行动方案\nregion: 即墨区\nyear: 2025\nparts:\n  - title: 数字经济\n"
                "    items:\n      - keywords: [养老]\n", "7:9", "parts[0].items[0].heading: 缺少必填字段"),
    "bad role": ("title: 数字即墨2025年行动方案\nregion: 即墨区\nyear: 2025\nparts:\n  - title: 数字经济\n"
                 "    role: basis\n    items:\n      - heading: 智慧养老\n", "6:5", "parts[0].role: 取值无效"),
    "yaml syntax": ("title: [数字即墨\nregion: 即墨区\n", "", "YAML 语法错误"),
}


@pytest.mark.parametrize("case", sorted(BAD_OUTLINES))
def test_bad_outline_is_reported_with_file_line_col(case, tmp_path, library):
    text, where, message = BAD_OUTLINES[case]
    outline = tmp_path / "提纲.yaml"
    outline.write_text(text, "utf-8")
    out = tmp_path / "plan.yaml"
    code, _, err = run("draft", str(outline), "-o", str(out), "--db", str(library))
    assert code == 2 and not out.exists()
    (line,) = err.strip().splitlines()
    assert line.startswith(f"错误：{outline}:{where}") and message in line, line


def test_missing_outline_file(tmp_path):
    code, _, err = run("draft", str(tmp_path / "无.yaml"))
    assert code == 2 and "文件不存在" in err


def test_rollover_keeps_parts_items_units_and_shows_last_years_targets(tmp_path):
    plan = read_plan(JIMO_PLAN)
    outline = rollover_plan(plan)
    assert (outline.title, outline.year, outline.region) == ("数字即墨2025年行动方案", 2025, "即墨区")
    tasks = [p for p in outline.parts if p.role == "tasks"]
    # seeds.md: 即墨 主要任务 has 4 parts holding 5, 8, 9, 4 items; 保障措施 4 items.
    assert [len(p.items) for p in tasks] == [5, 8, 9, 4]
    assert [len(p.items) for p in outline.parts if p.role == "safeguards"] == [4]
    infra = next(i for p in tasks for i in p.items if i.heading == "完善数字基础设施配套")
    station = next(t for t in infra.targets if t.metric == "5G基站")
    assert (station.value, station.previous, station.qualifier) == (None, "1000座", "新建")
    assert "区发展和改革局" in infra.units


def test_rollover_cli_writes_an_outline_that_drafts(tmp_path, library):
    outline = tmp_path / "提纲.yaml"
    code, _, err = run("rollover", str(JIMO_PLAN), "-o", str(outline))
    assert code == 0, err
    assert isinstance(load_outline(outline), Outline)
    code, out, err = run("draft", str(outline), "--db", str(library))
    assert code == 0, err
    assert "【待填：5G基站座，上年1000座】" in out or "上年1000座" in out
    assert yaml.safe_load(out)["year"] == 2025


def test_rollover_of_a_plan_without_year_asks_for_one(tmp_path):
    plan = read_plan(JIMO_PLAN).model_copy(update={"year": None})
    with pytest.raises(Exception) as caught:
        rollover_plan(plan)
    assert "--year" in str(caught.value)


def test_rollover_moves_years_not_counts():
    # 东营 2022 目标: 建成并开通5g基站2000个 — a count that looks like a year.
    outline = rollover_plan(read_plan(ROOT / "examples" / "plans" / "002_东营市数字变革创新2022年行动方案.yaml"))
    assert outline.title == "东营市数字变革创新2023年行动方案"
    assert any("5G基站【待填：上年2000个】" in goal for goal in outline.goals)
    weihai = rollover_plan(read_plan(ROOT / "examples" / "plans" / "004_数字威海2021行动方案.yaml"))
    assert weihai.title == "数字威海2022行动方案" and weihai.year == 2022


def test_a_source_sentence_fills_one_item_only(drafted):
    sources = [(c.provenance.loc.file, c.provenance.original) for _, c in reused(drafted.plan)]
    assert len(sources) == len(set(sources))
    clusters = [c.provenance.cluster for _, c in reused(drafted.plan)]
    assert len(clusters) == len(set(clusters))


def test_draft_writes_the_plan_and_its_notice_as_docx(tmp_path, library):
    plan_docx, notice_docx = tmp_path / "plan.docx", tmp_path / "notice.docx"
    code, _, err = run("draft", str(OUTLINE), "-o", str(tmp_path / "plan.yaml"), "--db", str(library),
                       "--docx", str(plan_docx), "--notice", str(notice_docx))
    assert code == 0, err
    from planner.check import check_docx
    import docx

    assert check_docx(plan_docx) == [] and check_docx(notice_docx) == []
    texts = [p.text for p in docx.Document(str(notice_docx)).paragraphs if p.text]
    # The outline's notice part: 主送, 署名 (its issuer) and 成文日期.
    assert texts[1] == "各镇人民政府，各街道办事处，各功能区，区政府各部门，区直各单位："
    assert "青岛市即墨区人民政府办公室" in texts and "2025年5月30日" in texts
    assert "数字即墨2025年行动方案" in texts


def test_draft_notice_without_the_outline_notice_names_what_is_missing(tmp_path, library):
    outline = tmp_path / "o.yaml"
    text = OUTLINE.read_text(encoding="utf-8")
    outline.write_text(text[:text.index("notice:")], encoding="utf-8")
    code, _, err = run("draft", str(outline), "-o", str(tmp_path / "p.yaml"), "--db", str(library),
                       "--notice", str(tmp_path / "n.docx"))
    assert code == 2 and "主送机关" in err and not (tmp_path / "n.docx").exists()


def test_the_readme_outline_is_a_valid_outline(tmp_path):
    """The outline shown in the README loads: its fields are the real ones."""
    from pathlib import Path

    from planner.draft.outline import load_outline

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("起草提纲（完整示例")[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "outline.yaml"
    path.write_text(block, encoding="utf-8")
    outline = load_outline(path)
    assert outline.deadline == "2025年底前"
    assert outline.parts[0].items[1].text.startswith("建设低空飞行服务站")
