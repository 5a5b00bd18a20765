"""A plan's title read by where it stands and how it reads, whatever its 文种 (issue 16): the line
right before the body, after the notice's 成文日期 and 附注, with endings no 文种 list names."""
from __future__ import annotations

import pytest

from planner.parse.document import ingest_text
from planner.parse.placed import reads_as_title

NOTICE = ("各区人民政府，市政府各部门：\n"
          "  现将《{title}》印发给你们，请认真贯彻执行。\n"
          "  青山市人民政府办公室\n"
          "  2025年3月12日\n"
          "  （此件公开发布）\n")


@pytest.mark.parametrize("title", ["青山市推进政务服务“一网通办”若干举措", "青山市2025年数字政府重点工作安排",
                                   "青山市数字经济发展行动纲要", "青山市数据要素改革重点清单",
                                   "青山市公共数据开放建设指引 （2025—2027年）"])
def test_a_title_with_an_unlisted_ending_is_read_where_it_stands(title: str) -> None:
    text = NOTICE.format(title=title.replace(" ", "")) + title + "\n  为提升政务服务效能，结合我市实际，制定本文件。\n  一、总体要求\n"
    assert ingest_text(text).plan.title == title


def test_a_title_with_an_unlisted_ending_opens_a_page_with_no_notice() -> None:
    text = "首页 > 政策文件\n东湖区2025年数字政府建设工作安排\n  一、夯实数据底座\n  1.完善数据共享平台。\n"
    assert ingest_text(text).plan.title == "东湖区2025年数字政府建设工作安排"


@pytest.mark.parametrize("line", ["为提升政务服务效能，制定本方案。", "一、总体要求", "（一）指导思想",
                                  "当前位置：首页", "政策解读东湖区数字政府", "打印本页关闭窗口",
                                  "2025年3月12日", "目录", "东湖区政府网站 | 东湖区人民政府",
                                  "青山市人民政府办公室印发青山市重点清单"])
def test_what_is_no_title_does_not_read_as_one(line: str) -> None:
    assert not reads_as_title(line)


def test_a_line_before_the_body_that_is_no_title_leaves_the_title_empty() -> None:
    text = NOTICE.format(title="青山市推进政务服务若干举措") + "  附件：1.任务分工表\n  一、总体要求\n"
    assert ingest_text(text).plan.title is None


def test_a_title_whose_period_stands_on_the_next_line_is_read_with_it() -> None:
    text = NOTICE.format(title="青山市数字经济发展行动纲要（2025—2027年）") + \
        "青山市数字经济发展行动纲要\n（2025—2027年）\n  为加快数字经济发展，结合我市实际，制定本纲要。\n"
    assert ingest_text(text).plan.title == "青山市数字经济发展行动纲要（2025—2027年）"


def test_the_first_line_of_a_page_with_no_notice_is_its_title_when_it_reads_as_one() -> None:
    text = ("东湖区数据要素市场化配置改革重点举措\n发布时间:2025-05-20 16:02\n信息来源:区数据局\n"
            "  为加快培育数据要素市场，结合我区实际，制定如下举措。\n  一、健全数据资源体系\n")
    assert ingest_text(text).plan.title == "东湖区数据要素市场化配置改革重点举措"


def test_a_breadcrumb_first_line_is_no_title() -> None:
    text = "网站首页 政策文件 东湖区数据要素改革\n发布时间:2025-05-20 16:02\n  为加快培育数据要素市场，结合我区实际，制定如下举措。\n"
    assert ingest_text(text).plan.title is None


def test_a_one_line_notice_signed_without_a_date_then_its_public_note_and_the_title() -> None:
    text = ("青山市人民政府关于印发青山市数字政府建设实施方案(2025—2027年)的通知 青政发〔2025〕3号 "
            "各区人民政府,市政府各部门: 现将《青山市数字政府建设实施方案(2025—2027年)》印发给你们,请认真贯彻执行。 "
            "青山市人民政府 (公开属性:主动公开) 青山市数字政府建设实施方案 (2025—2027年) "
            "为加快数字政府建设,结合我市实际,制定本方案。 一、总体要求 (一)指导思想 坚持以人民为中心,统筹推进数字政府建设。")
    plan = ingest_text(text).plan
    assert plan.title == "青山市数字政府建设实施方案 (2025—2027年)"
    assert plan.notice.issuer == ["青山市人民政府"] and plan.notice.public == "(公开属性:主动公开)"


def test_a_title_opening_with_its_issuer_and_about_wraps_onto_the_next_line() -> None:
    # final5/015: a traditional copy with pinyin glosses; the 意见's title on two lines, the
    # first holding the issuer, 关于 and the title's first words, then its 文号 and 主送.
    text = ("國(guó)務院辦公廳關于加快(kuài)推進\n\n電子證照(zhào)擴大(dà)應用領域的意見(jiàn)\n\n"
            "國(guó)辦發〔2022〕3号\n\n各省、自(zì)治區、直轄市人(rén)民(mín)政府:\n\n"
            "  近年(nián)來(lái),各地區各部門(mén)積極推進電子證照(zhào)應用,現提出以下意見(jiàn)。\n\n一、總體(tǐ)要求\n")
    plan = ingest_text(text).plan
    assert plan.title == "國(guó)務院辦公廳關于加快(kuài)推進電子證照(zhào)擴大(dà)應用領域的意見(jiàn)"
    assert plan.notice.issuer == ["國(guó)務院辦公廳"] and plan.notice.origin["issuer"] == "title line"
