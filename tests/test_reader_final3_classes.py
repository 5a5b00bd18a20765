"""The classes of front matter and notes real/final3 showed the reader missing, each on an invented
text (fictional places), so the class is read wherever it stands, not only in that excerpt."""
from __future__ import annotations

import datetime as dt

from planner.form.docnumber import BROKEN_NUMBER_RE
from planner.form.keys import key_of
from planner.form.notice import recipient_groups
from planner.form.unitlists import read_units
from planner.parse.document import ingest_text


def ingest(text: str):
    return ingest_text(text.strip() + "\n", "class.txt").plan


def test_a_status_and_a_doc_number_before_the_notice_title_on_its_line():
    plan = ingest("""
信息详情
(失效)青政办发〔2018〕9号 青岚县人民政府办公室印发青岚县政务服务提升方案的通知
发布时间:2018-05-02
各乡镇人民政府,县政府各部门:
现将《青岚县政务服务提升方案》印发给你们,请认真贯彻落实。
青岚县人民政府办公室
2018年4月28日
青岚县政务服务提升方案
为提升政务服务水平,制定本方案。
""")
    assert plan.notice.doc_number == "青政办发〔2018〕9号"
    assert plan.notice.title == "青岚县人民政府办公室印发青岚县政务服务提升方案的通知"


def test_a_bracketed_period_title_with_the_pages_date_field_on_its_line_is_the_title():
    plan = ingest("""
雲溪區數字政府建設行動計劃(2022年-2024年) 發布時間:2022-08-30 17:45
為加快數字政府建設,制定本行動計劃。
一、發展現狀
""")
    assert plan.title == "雲溪區數字政府建設行動計劃(2022年-2024年)"


def test_the_title_after_a_table_of_contents():
    plan = ingest("""
各县区人民政府,市政府各部门:
《临江市数字政府建设总体规划(2021—2025)》已经市政府同意,现印发给你们,请认真组织实施。
临江市人民政府办公室
2021年12月2日
目??录
一、发展基础
(一)发展现状
二、总体要求
临江市数字政府建设总体规划(2021—2025)
数字政府是以新一代信息技术为支撑的新型政府运行模式,本规划明确了建设任务。
""")
    assert plan.title == "临江市数字政府建设总体规划(2021—2025)"


def test_an_encyclopedia_info_box_is_the_notice_and_its_summary_sentence_no_title():
    plan = ingest("""
青岚縣數字經濟發展規劃(2022—2024年)
青岚縣人民政府於2022年3月1日印發青岚縣數字經濟發展規劃
(2022—2024年)的通知.
基本介紹
  • 中文名:青岚縣數字經濟發展規劃(2022—2024年)
  • 頒布時間:2022年3月1日
  • 發布單位:青岚縣人民政府
  • 發文字號:青政〔2022〕4號
全文
為推動數字經濟發展,依據有關規定,編制本規劃。
""")
    assert plan.title == "青岚縣數字經濟發展規劃(2022—2024年)"
    notice = plan.notice
    assert (notice.doc_number, notice.issuer, notice.date) == ("青政〔2022〕4號", ["青岚縣人民政府"], dt.date(2022, 3, 1))


def test_a_library_table_with_a_cheng_wen_date_and_an_empty_doc_number_is_the_notice():
    plan = ingest("""
索引号: 11440116/2023-00025 分类:
发布机构: 云溪区营商环境局 成文日期: 2023-05-19
名称: 云溪区优化营商环境行动方案
文号: 发布日期: 2023-06-14
云溪区优化营商环境行动方案
为优化营商环境,制定本方案。
""")
    assert plan.notice.issuer == ["云溪区营商环境局"] and plan.notice.date == dt.date(2023, 5, 19)


def test_a_doc_number_that_lost_only_its_hao_is_a_broken_doc_number():
    assert BROKEN_NUMBER_RE.match(key_of("咸安政发〔2019〕1").text)
    assert not BROKEN_NUMBER_RE.match("咸安政发〔2019〕1号")  # whole: NUMBER_LINE_RE reads it


def test_state_farms_are_recipients():
    assert recipient_groups("各乡、镇人民政府,各办事处、场,区政府各部门,青岚经济开发区:")


def test_a_line_note_and_the_rule_bracketed_after_it():
    plan = ingest("""
临江市优化营商环境若干措施
一、破除不合理门槛
(一)推进工程项目审批改革,压减审批时限。
责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)
时限要求:持续推进
(二)规范招投标,消除不合理限制。
责任单位:市建设局
时限要求:2024年底
""")
    notes = [c.responsibility for c in plan.clauses() if c.responsibility]
    assert [n.raw for n in notes] == ["责任单位:市发改委、市财政局", "责任单位:市建设局"]
    assert [[u.name for u in n.lead] for n in notes] == [["市发改委", "市财政局"], ["市建设局"]]
    assert plan.blanket_rule == "第一责任单位为牵头单位,下同"


def test_he_after_a_units_closing_bracket_joins_two_units():
    names = [name for name, _, _ in read_units("省市场监管局等部门(单位)和各市(州)人民政府")]
    assert names == ["省市场监管局等部门(单位)", "各市(州)人民政府"]


def test_an_open_bracket_misdecoded_as_question_mark_and_full_stop():
    plan = ingest("""
各市人民政府:
《臨江省數字政府建設實施方案(2025—2027年)》已經省政府同意,現印發給你們,請認真貫徹執行。
臨江省人民政府辦公廳
2025年7月2日
臨江省數字政府建設實施方案
?。?025—2027年)
為深入貫徹落實黨中央決策部署,加快構建數字化政府運行新形態,制定本方案。
""")
    assert plan.title == "臨江省數字政府建設實施方案?。?025—2027年)"


def test_a_plan_with_its_task_schedule_and_a_code_of_practice_are_titles():
    from planner.parse.titles import title_of
    assert title_of("青岚县加快推进“互联网+政务服务”工作方案及工作任务进度表")
    assert title_of("青岚县投诉举报处置工作规范")


PERIODS = ("(2021—2025年)", "（2021-2023年）", "(2021年-2023年)", "（2021—2025）", "〔2024—2026年〕", "【2024-2026年】",
           "(2024～2026年)", "(2024至2026年)")
KIND_TITLES = ("青岚县数字政府建设行动计划", "青岚县数字经济发展规划", "青岚县智慧城市建设实施方案", "青岚县支持数字经济发展若干政策",
               "青岚县2024年政务公开重点任务分工", "青岚县政务服务中心工作规则", "青岚县优化营商环境若干措施")


def test_a_title_of_each_kind_with_a_period_in_any_brackets_is_a_title_in_either_script():
    from planner.parse.titles import title_of
    from test_reader_variants_matrix import traditional
    for base in KIND_TITLES:
        for period in ("",) + PERIODS:
            for text in (base + period, traditional(base + period)):
                assert title_of(text) == text, text
