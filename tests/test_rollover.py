"""Rollover of the seed plans: what a drafter keeps is carried over, and the outline drafts into
a plan that lints clean apart from its placeholders. Expected values are read off the seeds
(examples/corpus/*.txt and ../shared/spec/seeds.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from planner.draft.fill import draft_plan
from planner.draft.rollover import rollover_plan
from planner.form.fixes import fix
from planner.lint import lint_plan
from planner.planfile import dump_plan, read_plan
from planner.render import render_notice, render_plan

ROOT = Path(__file__).resolve().parent.parent
PLANS = {p.stem[:3]: p for p in (ROOT / "examples" / "plans").glob("*.yaml")}


def outline_of(prefix: str):
    return rollover_plan(read_plan(PLANS[prefix]))


def units_of(outline) -> set[str]:
    return {u for part in outline.parts for item in part.items for u in [*item.units, *item.support]}


def item(outline, heading: str):
    (found,) = [i for part in outline.parts for i in part.items if i.heading == heading]
    return found


def test_jimo_keeps_its_preamble_notice_and_collective_units():
    outline = outline_of("000")
    # 000: 为深入贯彻落实数字中国、数字强省、数字青岛规划,…,制定本行动方案。
    assert outline.preamble.startswith("为深入贯彻落实数字中国、数字强省、数字青岛规划，")
    assert outline.preamble.endswith("制定本行动方案。")
    # 主送 各镇人民政府,各街道办事处,各功能区,区政府各部门,区直各单位; 署名 …即墨区人民政府办公室
    assert outline.notice.recipients == ["各镇人民政府", "各街道办事处", "各功能区", "区政府各部门",
                                         "区直各单位"]
    assert outline.issuer == "青岛市即墨区人民政府办公室" and outline.notice.public
    assert outline.notice.date.year == 2025  # 2024年5月31日, a year on
    # seeds.md: collective units 区政府有关单位, 各镇街、各功能区.
    assert {"区政府有关单位", "各镇街", "各功能区"} <= units_of(outline)


def test_dongying_keeps_lead_and_support_and_its_collectives():
    outline = outline_of("002")
    assert outline.notice.recipients == ["各县区人民政府", "市政府各部门、单位"]
    assert outline.issuer == "东营市人民政府办公室"
    # 2.增强政务服务效能: (牵头单位:市政府办公室、市行政审批局;配合单位:市民政局、…等市直有关部门单位)
    services = item(outline, "增强政务服务效能")
    assert services.units == ["市政府办公室", "市行政审批局"]
    # One unit, as the annotators read `<name>等<group>` (tests/fixtures/real final2/035, final5/042).
    assert "市民政局" in services.support and "市医保局等市直有关部门单位" in services.support
    # 三、(一)加强组织领导: (牵头单位:市大数据局,各县区政府、市属开发区管委会)
    assert "各县区政府" in units_of(outline)


def test_weihai_keeps_its_one_paragraph_safeguards_and_development_zones():
    outline = outline_of("004")
    # 004: no 目标 part; 五、完善保障措施 is one paragraph.
    (safeguards,) = [p for p in outline.parts if p.role == "safeguards"]
    assert safeguards.title == "完善保障措施" and safeguards.text.startswith("市大数据中心要加强统筹协调")
    # (二): (市工业和信息化局、市科技局、市发展改革委牵头,各区市政府、开发区管委配合)
    innovative = item(outline, "加快发展创新性基础设施")
    assert innovative.units == ["市工业和信息化局", "市科技局", "市发展改革委"]
    assert any("开发区管委" in u for u in innovative.support) and "各区市政府" in innovative.support
    assert outline.preamble.startswith("为全面贯彻落实《数字山东2022行动方案》")  # years moved on
    assert outline.goals and "【待填：上年1500个以上】" in outline.goals[0]  # a goal proposed


def test_every_unit_of_the_seed_is_carried_over():
    for prefix in ("000", "002", "004"):
        plan = read_plan(PLANS[prefix])
        seed = {u.canonical for section in [*plan.tasks, *plan.safeguards] for c in section.all_clauses()
                if c.responsibility for u in c.responsibility.units()}
        assert seed and seed <= units_of(outline_of(prefix)), prefix


def test_parents_are_the_regions_city_and_province():
    # 即墨区 lies in 青岛市, 山东省; 崂山 only names 崂山实验室 in the text.
    assert outline_of("000").parents == ["青岛市", "山东省"]
    # 利津, 垦利, 广饶 are counties of 东营市, not places above it.
    assert outline_of("002").parents == ["山东省"]
    assert outline_of("004").parents == ["山东省"]


def test_targets_are_counted_noun_phrases():
    outline = outline_of("000")
    industry = item(outline, "工业数字化转型")
    metrics = {t.metric: t.previous for t in industry.targets}
    # 新培育自动化生产线、数字化车间、智能化工厂10个以上,“两化融合”贯标认证企业达到100家
    assert metrics == {"智能化工厂": "10个以上", "“两化融合”贯标认证企业": "100家"}
    every = [t.metric for part in outline.parts for i in part.items for t in i.targets]
    assert not any(word in m for m in every for word in ("日辰", "即东", "万吨级智慧渔业大型养殖工船养殖"))
    assert not any("10万吨" in m for m in every)
    weihai = [t.metric for part in outline_of("004").parts for i in part.items for t in i.targets]
    assert "主题数据库" in weihai and not any("应急管理、综合治理" in m for m in weihai)


def test_each_items_deadline_pattern_is_carried_over():
    outline = outline_of("000")
    # 5.加快“一码通城”场景建设: …年内打造使用量高…
    assert item(outline, "加快“一码通城”场景建设").deadline == "年内"
    assert outline.deadline == "2025年底前"


@pytest.fixture(scope="module")
def drafted_seeds(library, tmp_path_factory):
    from planner.mine import store

    conn = store.connect(library, create=False)
    folder = tmp_path_factory.mktemp("rolled")
    out = {}
    try:
        for prefix, path in sorted(PLANS.items()):
            outline = rollover_plan(read_plan(path))
            draft = draft_plan(outline, conn)
            written = folder / f"{prefix}.yaml"
            written.write_text(dump_plan(draft.plan), encoding="utf-8")
            out[prefix] = (outline, draft, written)
    finally:
        conn.close()
    return out


@pytest.mark.parametrize("prefix", sorted(PLANS))
def test_every_seed_rolls_over_into_a_draft_that_lints_clean_apart_from_placeholders(
        prefix, drafted_seeds, tmp_path):
    _, draft, written = drafted_seeds[prefix]
    outputs = [written, render_plan(draft.plan, tmp_path / "plan.docx")]
    if draft.plan.notice is not None:  # 001 and 003 have no 印发通知
        outputs.append(render_notice(draft.plan, tmp_path / "notice.docx"))
    report = lint_plan(outputs)
    assert not report.errors()
    assert [f"{p.line}:{p.code} {p.message}" for p in report.problems() if p.code != "S006"] == []


@pytest.mark.parametrize("prefix", sorted(PLANS))
def test_no_unit_preamble_or_notice_field_is_lost_on_the_way(prefix, drafted_seeds):
    outline, draft, _ = drafted_seeds[prefix]
    seed = read_plan(PLANS[prefix])
    assert bool(outline.preamble) == bool(seed.preamble)
    if seed.preamble:
        assert [p.text for p in draft.plan.preamble] == outline.preamble.splitlines()
    if seed.notice is not None:
        assert draft.plan.notice.recipients == [fix(r) for r in seed.notice.recipients]
        assert draft.plan.notice.issuer == seed.notice.issuer
        assert bool(draft.plan.notice.public) == bool(seed.notice.public)
    written = []
    for section in draft.plan.sections:
        for part in [section, *section.parts]:
            for drafted in part.items:
                clauses = list(drafted.clauses())
                notes = [c.responsibility for c in clauses if c.responsibility]
                written.append((sum(len(n.lead) + len(n.support) for n in notes),
                                clauses[-1].responsibility is not None))
    # Every unit written; an item without units still ends with a note (【待填：责任单位】).
    wanted = [(len(i.units) + len(i.support), True) for part in outline.parts for i in part.items]
    assert written == wanted


def test_a_year_outside_what_an_outline_holds_is_refused_in_one_line():
    """`--year 20255` (a typo for 2025) is a RolloverError naming the year, not a crash in
    moving the notice's date."""
    from planner.draft.rollover import RolloverError

    plan = read_plan(ROOT / "examples" / "plans" / "000_数字即墨2024年行动方案.yaml")
    with pytest.raises(RolloverError, match="20255"):
        rollover_plan(plan, 20255)
