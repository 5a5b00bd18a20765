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
