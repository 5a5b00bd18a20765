"""The classes of front matter and notes real/final5 showed the reader missing, each on an invented
text (fictional places), so the class is read wherever it stands, not only in that excerpt."""
from __future__ import annotations

import datetime as dt

from planner.parse.document import ingest_text


def ingest(text: str):
    return ingest_text(text.strip() + "\n", "class.txt").plan


def test_a_working_group_office_signing_on_two_lines_is_one_issuer():
    # final5/034: the 署名 breaks after 工作; the second line reads as a name alone.
    plan = ingest("""
关于印发《2024年青岚区数字化转型工作要点》的通知
青数字化办〔2024〕1号
各部门、各街道:
现将《2024年青岚区数字化转型工作要点》印发给你们,请认真贯彻落实。
青岚市青岚区城区数字化转型工作
领导小组办公室
2024年7月19日
一、推进数据共享
""")
    assert plan.notice.issuer == ["青岚市青岚区城区数字化转型工作领导小组办公室"]
    assert plan.notice.date == dt.date(2024, 7, 19)


def test_a_site_s_name_above_a_column_line_is_no_issuer_when_the_title_names_one():
    # final5/005: a county's portal reposts a province's notice; the county is the site's name,
    # set apart from the notice title by the column's name, and the 署名 is blank.
    plan = ingest("""
青岚县人民政府
政府信息公开
青山省人民政府关于印发青山省数字政府建设方案的通知
发布时间: 2024-11-10
各市人民政府,省直各部门:
《青山省数字政府建设方案》已经省人民政府同意,现印发给你们,请认真贯彻执行。
2023年4月16日
青山省数字政府建设方案
一、总体要求
""")
    assert plan.notice.issuer == ["青山省人民政府"] and plan.notice.origin["issuer"] == "title line"


def test_a_bank_s_branch_alone_is_the_unit_of_a_responsibility_note():
    # final5/001: (人行德安分行负责) — 分行 ends an organ's name as 银行 and 分局 do.
    plan = ingest("""
青岚县社会信用体系建设工作要点
一、完善信用制度
1.贯彻执行《征信业管理条例》,制定相关配套制度。(人行青岚分行负责)
2.建立信用信息目录。(人行青岚支行、县发改委牵头负责)
""")
    notes = [c.responsibility for c in plan.clauses() if c.responsibility]
    assert [[u.name for u in note.lead] for note in notes] == [["人行青岚分行"], ["人行青岚支行", "县发改委"]]


def test_a_note_cut_inside_a_name_right_after_a_pinyin_gloss_is_truncated():
    # final5/018: the excerpt ends `…、縣交通運(yùn)`; that bracket closes the gloss, not the note.
    plan = ingest("""
青嵐縣5G建設(shè)工作要點
一、加快基站建設(shè)
1.將鐵塔公司納入縣規(guī)委會(huì)。(責(zé)任單位:縣自然資源局、縣發(fā)改局、縣交通運(yùn)
""")
    (note,) = [c.responsibility for c in plan.clauses() if c.responsibility]
    assert note.truncated and note.lead == [] and note.support == []
