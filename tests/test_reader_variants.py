"""Reader generality: conventions the five seeds do not show. The texts are written for these
tests (invented, not copied from any published document)."""
from __future__ import annotations

import datetime as dt

from planner.info import part_notes
from planner.model import Role
from planner.export import export_text
from planner.parse.document import ingest_text


def parse(text: str):
    return ingest_text(text.strip() + "\n", "variant.txt")


def test_numbering_that_restarts_in_each_part():
    plan = parse("""
某市数字政府2025年工作要点
一、工作目标
到2025年底，政务服务事项网上可办率达到98%以上。
二、重点任务
（一）提升政务服务。
1.推进一网通办。深化一网通办改革。（责任单位：市行政审批局）
2.推进一码通城。扩展电子证照应用。（责任单位：市大数据局）
（二）提升治理能力。
1.建设城市大脑。完善城市运行平台。（责任单位：市大数据局）
三、保障措施
（一）加强组织领导。各单位要落实责任。
""").plan
    parts = plan.tasks[0].parts
    assert [[i.number for i in p.items] for p in parts] == [[1, 2], [1]]
    assert plan.kind.value == "工作要点" and plan.year == 2025
    assert plan.goals and plan.goals[0].targets


def test_chapters_and_sections():
    plan = parse("""
某市数字经济发展规划（2025—2027年）
第一章 发展基础
第一节 发展现状
全市数字经济规模持续扩大，产业基础不断夯实。
第二章 主要任务
第一节 壮大数字产业
一、培育软件产业
加快软件园建设，引进一批骨干企业。
二、发展智能制造
推动企业智能化改造。
第二节 推进产业数字化
一、推动工业互联网发展
建设工业互联网平台。
第三章 保障措施
加强组织领导，健全工作机制。
""").plan
    assert plan.period == (2025, 2027)
    assert [s.role for s in plan.sections] == [Role.BASIS, Role.TASKS, Role.SAFEGUARDS]
    tasks = plan.sections[1]
    assert [p.title for p in tasks.parts] == ["壮大数字产业", "推进产业数字化"]
    assert [i.title for i in tasks.parts[0].items] == ["培育软件产业", "发展智能制造"]
    assert tasks.marker == "第二章"


def test_arabic_marker_variants_and_paren_arabic():
    plan = parse("""
某区数字乡村2025年行动方案
一、主要任务
1、完善基础设施。推进光纤入户。
2 .发展智慧农业。建设示范基地。
（1）建设育苗基地。完成1个育苗基地建设。
（2）推广农机北斗终端。安装北斗终端200台。
3.提升治理水平。推广积分制管理。
""").plan
    items = [i for p in plan.tasks[0].parts for i in p.items] or plan.tasks[0].items
    assert plan.tasks[0].parts or plan.tasks[0].items
    markers = [p.marker for p in plan.tasks[0].parts] + [i.marker for i in plan.tasks[0].items]
    assert markers == ["1、", "2 .", "3."]
    part2 = [p for p in plan.tasks[0].parts if p.number == 2][0]
    assert [i.title for i in part2.items] == ["建设育苗基地", "推广农机北斗终端"]
    assert items is not None


def test_heading_run_into_text():
    plan = parse("""
某市数字政府建设实施方案
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面推进数字政府建设。
（二）工作目标：到2026年，基本建成整体协同的数字政府。
二、主要任务
（一）建设政务云。统筹建设全市政务云平台。（责任单位：市大数据局）
三、组织实施
各部门要加强协作。
""").plan
    requirements = plan.sections[0]
    assert requirements.role == Role.REQUIREMENTS
    guiding, goals = requirements.parts
    assert (guiding.title, guiding.end, guiding.run_in) == ("指导思想", "。", True)
    assert goals.role == Role.GOALS and goals.end == "："
    assert plan.sections[-1].role == Role.SAFEGUARDS


def test_table_of_contents_is_dropped():
    parsed = parse("""
某市智慧城市建设规划（2025—2027年）
目录
一、发展基础……………………1
二、主要任务……………………3
三、保障措施……………………9
一、发展基础
全市智慧城市建设取得积极进展。
二、主要任务
（一）完善城市大脑。提升城市运行监测能力。
三、保障措施
加强资金保障。
""")
    plan = parsed.plan
    assert [s.role for s in plan.sections] == [Role.BASIS, Role.TASKS, Role.SAFEGUARDS]
    assert [d.reason for d in parsed.dropped] == ["目录"] * 4


def test_note_forms():
    plan = parse("""
某县数字政府2025年行动方案
一、主要任务
（一）优化政务服务。推进高频事项网上办。（牵头单位：县行政审批服务局；配合单位：县大数据中心、县司法局）
（二）提升协同办公。推广协同办公平台。（县委办公室牵头，县政府办公室配合）
（三）加强安全防护。开展攻防演练。（县委网信办负责）
（四）推进基层应用。推动数据回流基层。（各乡镇（街道）按职责分工负责）
（五）完善制度。制定管理办法。建立考核机制。（责任单位：县大数据中心
""").plan
    items = plan.tasks[0].items or [i for p in plan.tasks[0].parts for i in p.items]
    notes = [[c.responsibility for c in i.clauses() if c.responsibility] for i in items]
    assert [len(n) for n in notes] == [1, 1, 1, 1, 1]
    assert [u.canonical for u in notes[0][0].support] == ["县大数据中心", "县司法局"]
    assert [u.canonical for u in notes[1][0].lead] == ["县委办公室"]
    assert [u.canonical for u in notes[2][0].lead] == ["县委网信办"]
    assert notes[3][0].raw == "（各乡镇（街道）按职责分工负责）"
    assert notes[4][0].truncated
    clause = [c for c in items[4].clauses() if c.responsibility][0]
    assert clause.text == "制定管理办法。建立考核机制。"


def test_a_note_cut_after_its_lead_unit_is_truncated_through_pinyin_glosses():
    plan = parse("""
某市優化營商環境2025年工作要點
一、主要任務
（一）推進信用承諾。編制承諾事項清單。（市場監(jiān)管局牽頭，市政務服務辦(bàn)、市公安局
""").plan
    items = plan.tasks[0].items or [i for p in plan.tasks[0].parts for i in p.items]
    (note,) = [c.responsibility for c in items[0].clauses() if c.responsibility]
    assert note.truncated and note.lead == [] and note.support == []
    assert note.raw == "（市場監(jiān)管局牽頭，市政務服務辦(bàn)、市公安局"


def test_notice_starting_at_recipients_with_xianjiang_and_joint_issuers():
    plan = parse("""
各区人民政府，市政府各部门：
现将《某市数据要素市场化配置改革2025年行动方案》印发给你们，请结合实际认真组织实施。
某市人民政府办公室  某市大数据局
2025年3月8日
（此件公开发布）
某市数据要素市场化配置改革2025年行动方案
为加快培育数据要素市场，制定本方案。
一、主要任务
（一）建设数据交易平台。年内建成市级数据交易平台。
""").plan
    notice = plan.notice
    assert notice.recipients == ["各区人民政府", "市政府各部门"]
    assert notice.issuer == ["某市人民政府办公室", "某市大数据局"]
    assert notice.date == dt.date(2025, 3, 8)
    assert plan.title == "某市数据要素市场化配置改革2025年行动方案"


def test_notice_with_date_but_no_issuer():
    plan = parse("""
各镇人民政府，各街道办事处：
《某区数字社区2025年工作要点》已经区政府同意，现印发给你们，请认真贯彻落实。
2025年4月2日
某区数字社区2025年工作要点
一、重点工作
（一）建设社区服务平台。完成平台上线。
""").plan
    assert plan.notice.issuer == []
    assert plan.notice.date == dt.date(2025, 4, 2)
    assert plan.notice.body[0].startswith("《某区数字社区2025年工作要点》")


def test_notice_with_title_and_doc_number_lines_and_imprint():
    plan = parse("""
某市人民政府办公室关于印发某市数字政府2025年行动方案的通知
某政办发〔2025〕7号
各区人民政府，市政府各部门：
现将《某市数字政府2025年行动方案》印发给你们，请认真贯彻执行。
某市人民政府办公室
2025年2月10日
某市数字政府2025年行动方案
一、主要任务
（一）推进一网通办。年内实现高频事项全程网办。（责任单位：市行政审批局）
抄送：市委各部门，市人大常委会办公室。
某市人民政府办公室  2025年2月10日印发
""").plan
    notice = plan.notice
    assert notice.doc_number == "某政办发〔2025〕7号"
    assert notice.title == "某市人民政府办公室关于印发某市数字政府2025年行动方案的通知"
    assert notice.cc == ["市委各部门", "市人大常委会办公室"]
    assert notice.printer == "某市人民政府办公室"
    assert notice.print_date == dt.date(2025, 2, 10)
    item = plan.tasks[0].items[0] if plan.tasks[0].items else plan.tasks[0].parts[0]
    assert "抄送" not in str(item)


def test_a_doc_number_is_kept_as_written_and_exported_in_its_one_form():
    parsed = parse("""
某市人民政府办公室关于印发某市数字政府2025年行动方案的通知
某政办发[2025]07号
各区人民政府，市政府各部门：
现将《某市数字政府2025年行动方案》印发给你们，请认真贯彻执行。
某市人民政府办公室
2025年2月10日
某市数字政府2025年行动方案
一、主要任务
（一）推进一网通办。年内实现高频事项全程网办。（责任单位：市行政审批局）
""")
    assert parsed.plan.notice.doc_number == "某政办发[2025]07号"
    assert parsed.plan.notice.origin["doc_number"].value == "wrapper"
    assert "（某政办发〔2025〕7号）" in export_text(parsed.plan).splitlines()


def test_traditional_characters():
    plan = parse("""
某市數位政府2025年行動方案
一、工作目標
到2025年，政務服務事項全程網辦率達到90%以上。
二、主要任務
（一）推進一網通辦。深化政務服務改革。（責任單位：市大數據局）
三、保障措施
加強組織領導。
""").plan
    assert [s.role for s in plan.sections] == [Role.GOALS, Role.TASKS, Role.SAFEGUARDS]
    assert plan.kind.value == "行动方案"
    assert sum(len(part_notes(s)) for s in plan.tasks) == 1


def test_prose_without_headings_is_one_part_with_a_warning():
    parsed = parse("""
某区智慧教育2025年实施方案
为推进教育数字化转型，全面提升教育信息化水平，现制定本方案。全区中小学年内实现千兆到校。
各学校要明确专人负责，按期完成建设任务。
""")
    assert len(parsed.plan.sections) == 1
    assert parsed.warnings
