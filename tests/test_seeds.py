"""The five sample documents read into the model. Gold values come from reading the texts
(../shared/spec/seeds.md and the files in examples/corpus/), not from planner's output."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.export import export_text
from planner.info import part_notes, plan_info
from planner.model import Role
from planner.parse.document import ingest_document
from canonical import width_key

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def seed(prefix: str):
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return ingest_document(path)


@pytest.fixture(scope="module")
def jimo():
    return seed("000")


@pytest.fixture(scope="module")
def qingdao():
    return seed("001")


@pytest.fixture(scope="module")
def dongying():
    return seed("002")


@pytest.fixture(scope="module")
def rizhao():
    return seed("003")


@pytest.fixture(scope="module")
def weihai():
    return seed("004")


def task_parts(plan):
    return [part for section in plan.tasks for part in section.parts]


# 000 数字即墨2024年行动方案 -------------------------------------------------------------

def test_jimo_notice_has_recipients_issuer_date_and_public_note(jimo):
    notice = jimo.plan.notice
    assert notice.recipients == ["各镇人民政府", "各街道办事处", "各功能区", "区政府各部门", "区直各单位"]
    assert notice.issuer == ["青岛市即墨区人民政府办公室"]
    assert notice.date == dt.date(2024, 5, 31)
    assert notice.public == "(此件公开发布)"
    assert notice.doc_number is None
    assert notice.body == ["《数字即墨2024年行动方案》已经区政府研究同意,现印发给你们,请认真贯彻落实。"]


def test_jimo_meta(jimo):
    plan = jimo.plan
    assert (plan.title, plan.kind.value, plan.year, plan.region) == (
        "数字即墨2024年行动方案", "行动方案", 2024, "即墨区")
    assert plan.preamble[0].text.startswith("为深入贯彻落实数字中国")


def test_jimo_has_four_task_parts_with_26_items(jimo):
    parts = task_parts(jimo.plan)
    assert [len(p.items) for p in parts] == [5, 8, 9, 4]
    assert parts[0].title == "持续推进数字经济建设,打造数字经济标杆工程"
    assert parts[0].items[0].title == "数字经济产业化"
    # (二)1 opens with a full sentence, not a short title
    assert parts[1].items[0].title is None
    assert parts[1].items[0].paragraphs[0].text.startswith("落实青岛市“双12”场景应用")


def test_jimo_counts_39_task_notes_and_6_safeguard_notes(jimo):
    plan = jimo.plan
    assert sum(len(part_notes(s)) for s in plan.tasks) == 39
    (safeguards,) = plan.safeguards
    assert len(safeguards.items) == 4
    assert len(part_notes(safeguards)) == 6


def test_jimo_note_covers_sentences_before_it(jimo):
    item = task_parts(jimo.plan)[0].items[0]
    clauses = list(item.clauses())
    assert len(clauses) == 3
    assert clauses[1].text.startswith("发挥企业创新主体作用")
    assert clauses[1].text.endswith("“小巨人”企业80家。")
    assert clauses[1].responsibility.raw == "(责任单位:区发展和改革局、工业和信息化局、科学技术局)"


def test_jimo_shared_prefix_is_expanded(jimo):
    clause = list(task_parts(jimo.plan)[0].items[0].clauses())[1]
    units = clause.responsibility.lead
    assert [u.name for u in units] == ["区发展和改革局", "工业和信息化局", "科学技术局"]
    assert [u.canonical for u in units] == ["区发展和改革局", "区工业和信息化局", "区科学技术局"]


def test_jimo_stray_question_mark_kept_in_raw_not_in_unit(jimo):
    item = task_parts(jimo.plan)[1].items[4]  # (二)5. 加快“一码通城”场景建设
    (clause,) = list(item.clauses())
    assert clause.responsibility.raw == "(责任单位:?区大数据与电子政务服务中心,区政府有关单位)"
    names = [u.name for u in clause.responsibility.lead]
    assert names == ["区大数据与电子政务服务中心", "区政府有关单位"]
    assert clause.responsibility.lead[1].collective


def test_jimo_collective_units_are_marked(jimo):
    item = task_parts(jimo.plan)[2].items[1]  # (三)2. 智慧养老服务
    (clause,) = list(item.clauses())
    units = {u.canonical: u.collective for u in clause.responsibility.lead}
    assert units == {"区民政局": False, "区大数据与电子政务服务中心": False,
                     "各镇街": True, "各功能区": True}


# 001 青岛 news article ---------------------------------------------------------------

def test_qingdao_news_has_six_parts_last_is_safeguards(qingdao):
    plan = qingdao.plan
    parts = task_parts(plan)
    assert [p.title for p in parts] == [
        "实施数字政府场景变革创新工程", "实施数字社会服务变革创新工程", "实施数字经济模式变革创新工程",
        "实施数字基础设施韧性变革创新工程", "实施数字生态机制变革创新工程"]
    assert plan.sections[-1].role == Role.SAFEGUARDS
    assert plan.sections[-1].title == "实施综合保障体制变革创新工程"
    # No line of the article is a title: the plan is only cited (《数字青岛2023年行动方案》) in
    # its lead, and a citation is not taken as the title (issue 16). The cited name still
    # tells the kind and year.
    assert plan.title is None
    assert (plan.kind.value, plan.year) == ("行动方案", 2023)


def test_qingdao_lead_sentences_become_items(qingdao):
    first = task_parts(qingdao.plan)[0]
    assert [i.title for i in first.items] == ["打造“双12”服务标杆场景", "打造统建共用政务设施创新场景",
                                              "打造高效便捷政务服务场景", "打造协同化政府运行场景"]


def test_qingdao_news_noise_is_dropped_and_reported(qingdao):
    text = export_text(qingdao.plan)
    for noise in ("资料图", "责任编辑", "观海新闻记者", "作者"):
        assert noise not in text
    reasons = {d.text.strip(): d.reason for d in qingdao.dropped}
    assert "【资料图】" in reasons and "责任编辑:王逸群" in reasons
    assert "(青岛日报/观海新闻记者 余博)" in reasons
    assert plan_info(qingdao.plan)["notes"] == []


# 002 东营市数字变革创新2022年行动方案 ----------------------------------------------------

def test_dongying_chrome_is_dropped(dongying):
    text = export_text(dongying.plan)
    for chrome in ("当前位置", "访问次数", "热点新闻", "广饶县发展和改革局"):
        assert chrome not in text
    assert any(d.reason for d in dongying.dropped if "当前位置" in d.text)


def test_dongying_notice_from_title_line(dongying):
    notice = dongying.plan.notice
    assert notice.doc_number == "东政办字〔2022〕36号"
    assert notice.date == dt.date(2022, 7, 1)
    assert notice.title == "东营市人民政府办公室关于印发东营市数字变革创新2022年行动方案的通知"
    assert notice.recipients == ["各县区人民政府", "市政府各部门、单位"]
    assert notice.issuer == ["东营市人民政府办公室"]


def test_dongying_items_run_on_across_parts(dongying):
    parts = task_parts(dongying.plan)
    assert [len(p.items) for p in parts] == [4, 3, 7, 5]
    assert [i.number for p in parts for i in p.items] == list(range(1, 20))
    assert dongying.plan.goals


def test_dongying_notes_split_lead_and_support(dongying):
    plan = dongying.plan
    assert sum(len(part_notes(s)) for s in plan.tasks) == 19
    item2 = task_parts(plan)[0].items[1]
    note = [c.responsibility for c in item2.clauses() if c.responsibility][0]
    assert [u.canonical for u in note.lead] == ["市政府办公室", "市行政审批局"]
    # 市医保局等市直有关部门单位 is one unit: five independent by-eye annotators read
    # `<name>等<group>` so even after a list (tests/fixtures/real final2/010 035 036, final5/042).
    assert [u.canonical for u in note.support] == [
        "市民政局", "市人力资源社会保障局", "市市场监管局", "市医保局等市直有关部门单位"]
    assert note.support[-1].collective


def test_dongying_work_requirements_are_safeguards(dongying):
    (safeguards,) = dongying.plan.safeguards
    assert safeguards.title == "工作要求"
    assert len(safeguards.items) == 3
    assert len(part_notes(safeguards)) == 3


# 003 日照市数字强市发展规划(2024—2026年) ------------------------------------------------

def test_rizhao_period_and_roles(rizhao):
    plan = rizhao.plan
    assert plan.period == (2024, 2026) and plan.year is None
    assert plan.kind.value == "规划"
    assert [s.role for s in plan.sections] == [
        Role.BASIS, Role.REQUIREMENTS, Role.TASKS, Role.PROJECTS, Role.SAFEGUARDS]
    requirements = plan.sections[1]
    assert [p.role for p in requirements.parts] == [Role.GUIDING, Role.PRINCIPLES, Role.GOALS]
    assert len(requirements.parts[1].items) == 5
    assert plan.notice is None


def test_rizhao_18_items_with_lead_paragraphs(rizhao):
    parts = task_parts(rizhao.plan)
    assert [len(p.items) for p in parts] == [5, 3, 4, 3, 3]
    first = parts[0].items[0]
    assert first.title == "提升数字科技创新水平" and not first.run_in
    assert [p.lead for p in first.paragraphs] == ["建设数字科技创新平台体系", "提升企业数字科技创新能力"]


def test_rizhao_projects_and_safeguards(rizhao):
    projects = rizhao.plan.sections[3]
    assert len(projects.items) == 7
    for item in projects.items:
        assert [p.lead for p in item.paragraphs[:2]] == ["建设目标", "建设内容"]
    assert len(rizhao.plan.sections[4].items) == 7
    assert plan_info(rizhao.plan)["notes"] == []


# 004 数字威海2021行动方案 -----------------------------------------------------------------

def test_weihai_has_no_title_line_but_the_notice_names_the_plan(weihai):
    plan = weihai.plan
    # The notice is followed by the preamble: no title line, so no title (issue 16; the real
    # excerpts' README, convention 7); the name in the 印发 sentence gives kind, year, region.
    assert plan.title is None and plan.cited_name == "数字威海2021行动方案"
    assert (plan.kind.value, plan.year, plan.region) == ("行动方案", 2021, "威海市")
    assert plan.notice.date == dt.date(2021, 6, 29)
    assert plan.notice.issuer == ["威海市人民政府办公室"]
    assert len(plan.notice.recipients) == 5
    assert plan.preamble[0].text.startswith("为全面贯彻落实《数字山东2021行动方案》")


def test_weihai_has_no_goals(weihai):
    assert weihai.plan.goals == []
    assert plan_info(weihai.plan)["goals"] is False


def test_weihai_items_numbered_through_four_parts(weihai):
    parts = task_parts(weihai.plan)
    assert [len(p.items) for p in parts] == [5, 5, 6, 6]
    assert [i.number for p in parts for i in p.items] == list(range(1, 23))
    assert parts[3].items[-1].marker == "(二十二)"


def test_weihai_22_notes_one_per_item(weihai):
    for part in task_parts(weihai.plan):
        for item in part.items:
            assert len([c for c in item.clauses() if c.responsibility]) == 1
    note = list(task_parts(weihai.plan)[0].items[1].clauses())[-1].responsibility
    assert [u.canonical for u in note.lead] == ["市工业和信息化局", "市科技局", "市发展改革委"]
    assert [u.canonical for u in note.support] == ["各区市政府", "开发区管委"] or \
        [u.canonical for u in note.support] == ["各区市政府", "各开发区管委"]


def test_weihai_one_safeguards_paragraph(weihai):
    (safeguards,) = weihai.plan.safeguards
    assert safeguards.title == "完善保障措施"
    assert len(safeguards.paragraphs) == 1 and not safeguards.items


# every seed -------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_body_character_is_in_the_model(prefix):
    """Export ≡ source once punctuation width is normalised and reported chrome removed."""
    parsed = seed(prefix)
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    source = path.read_text(encoding="utf-8").splitlines()
    for dropped in parsed.dropped:
        index = dropped.line - 1
        source[index] = source[index].replace(dropped.text, "", 1)
    exported = export_text(parsed.plan, tidy=False).splitlines()
    if parsed.plan.title is None and parsed.plan.name:  # export titles it with the name cited (001, 004)
        exported.remove(parsed.plan.name)
    assert width_key("".join(exported)) == width_key("".join(source))
