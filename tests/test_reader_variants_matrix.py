"""Reader generality, as a matrix: each construct the front-matter reader knows (notice anchors,
文号 forms, 署名 and 成文日期 forms, info-box field names, plan title kinds with their period, 责任单位
notes) is read the same way from every variant of a few base texts the way real pages write them:
(a) in traditional script, (b) with pinyin glosses after characters, (c) on one line, (d) with
letter spacing and stray spaces, (e) with full-width and half-width brackets and colons swapped.

The base texts are invented (fictional places 临江市, 青岚县, 云溪区); their expected fields are
read from them by eye. The variants are made by program: traditional forms from the reverse of
planner.form.hanzi's table plus a few hand-written pairs it lacks, glosses from a small hand-written
pinyin table. Values are compared as reading keys (simplified, no spaces, no glosses) with bracket
and colon width folded, since each variant writes them differently on purpose."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

import pytest

from planner.form.hanzi import PAIRS
from planner.form.keys import plain
from planner.parse.document import ingest_text

# 临江市: a full 印发通知 (title, 文号, 主送, 印发 sentence, 署名, a date in Chinese numerals, 附注) and a 行动方案 with notes.
NOTICE = """临江市人民政府办公室关于印发临江市数字政府建设2025年行动方案的通知
临政办发〔2025〕12号
各区人民政府，市政府各部门、各直属机构：
《临江市数字政府建设2025年行动方案》已经市政府同意，现印发给你们，请认真贯彻落实。
临江市人民政府办公室
二〇二五年三月十八日
（此件公开发布）
临江市数字政府建设2025年行动方案
为加快数字政府建设，提升政务服务效能，结合我市实际，制定本方案。
一、重点任务
（一）推进政务服务一网通办。拓展网上办事范围。（牵头单位：市政务服务管理局；配合单位：市财政局、市发展改革委）
（二）建设城市运行管理平台。汇聚城市运行数据。（市大数据局牵头，各区人民政府配合）
"""
NOTICE_FIELDS = {
    "notice": True, "notice_title": "临江市人民政府办公室关于印发临江市数字政府建设2025年行动方案的通知",
    "doc_number": "临政办发〔2025〕12号", "issuer": ["临江市人民政府办公室"], "date": dt.date(2025, 3, 18),
    "title": "临江市数字政府建设2025年行动方案", "recipients": ["各区人民政府", "市政府各部门、各直属机构"],
    "notes": [("市政务服务管理局", "市财政局、市发展改革委"), ("市大数据局", "各区人民政府")],
}

# 青岚县: a policy library's info box above a 规划 whose period is in brackets (no notice text).
INFO_BOX = """青岚县数字经济发展规划（2021—2025年）
索引号：QL-2021-00031
发文机关：青岚县人民政府
文号：青政发〔2021〕7号
成文日期：2021年9月6日
发布日期：2021年9月10日
青岚县数字经济发展规划（2021—2025年）
为推动数字经济高质量发展，依据有关规定，编制本规划。
一、发展基础
全县数字基础设施不断完善。
"""
INFO_BOX_FIELDS = {
    "notice": True, "notice_title": None, "doc_number": "青政发〔2021〕7号", "issuer": ["青岚县人民政府"],
    "date": dt.date(2021, 9, 6), "title": "青岚县数字经济发展规划（2021—2025年）", "recipients": [], "notes": [],
}

# 云溪区: a 实施意见 written to its 主送 (its 文号 under its title; its 署名 is pages below, past
# an excerpt's end), a note on its own line under its task.
OPINION = """云溪区人民政府关于加快推进政务服务标准化的实施意见
云政发〔2024〕3号
各街道办事处，区政府各部门：
为加快推进政务服务标准化，现提出如下实施意见。
一、规范审批服务
（一）统一事项清单。全面梳理政务服务事项。
责任单位：区行政审批局、区司法局
（二）优化办事流程。压减办理环节和时限。
责任单位：区政务服务中心
"""
OPINION_FIELDS = {
    "notice": True, "notice_title": None, "doc_number": "云政发〔2024〕3号", "issuer": ["云溪区人民政府"],
    "date": None, "title": "云溪区人民政府关于加快推进政务服务标准化的实施意见",
    "recipients": ["各街道办事处", "区政府各部门"],
    "notes": [("区行政审批局、区司法局", ""), ("区政务服务中心", "")],
}

# 云溪区 on a portal: the library's status and the 文号 before the notice title on its line, the
# page's date field, a joint 署名 on two lines, a zero-padded date, a 规划 with its period.
PORTAL = """首页 > 政务公开 > 政策文件
(有效)云政发〔2023〕15号 云溪区人民政府 云溪区数据资源局关于印发云溪区智慧城市建设规划（2023—2025年）的通知
发布时间：2023-04-12
各街道办事处，区政府各部门：
现将《云溪区智慧城市建设规划（2023—2025年）》印发给你们，请认真组织实施。
云溪区人民政府
云溪区数据资源局
2023年04月06日
云溪区智慧城市建设规划（2023—2025年）
为推进新型智慧城市建设，编制本规划。
一、发展基础
"""
PORTAL_FIELDS = {
    "notice": True, "notice_title": "云溪区人民政府云溪区数据资源局关于印发云溪区智慧城市建设规划（2023—2025年）的通知",
    "doc_number": "云政发〔2023〕15号", "issuer": ["云溪区人民政府", "云溪区数据资源局"], "date": dt.date(2023, 4, 6),
    "title": "云溪区智慧城市建设规划（2023—2025年）", "recipients": ["各街道办事处", "区政府各部门"], "notes": [],
}

# 青岚县 on an aggregator: `文号《…的通知》` on one line, 印发你们, the 署名 and date on one line,
# 附注, a 工作要点 with role-word notes.
AGGREGATOR = """青政办字〔2022〕8号《青岚县人民政府办公室关于印发青岚县2022年数字政府工作要点的通知》
各乡镇人民政府，县直各部门：
现将《青岚县2022年数字政府工作要点》印发你们，请结合实际认真抓好落实。
青岚县人民政府办公室 2022年6月1日
（此件主动公开）
青岚县2022年数字政府工作要点
一、夯实数字基础
（一）建设县级政务云平台。推进部门系统迁移上云。（县大数据中心牵头，县直各部门按职责分工负责）
（二）完善电子政务外网。实现乡镇全覆盖。（县大数据中心负责）
"""
AGGREGATOR_FIELDS = {
    "notice": True, "notice_title": "青岚县人民政府办公室关于印发青岚县2022年数字政府工作要点的通知",
    "doc_number": "青政办字〔2022〕8号", "issuer": ["青岚县人民政府办公室"], "date": dt.date(2022, 6, 1),
    "title": "青岚县2022年数字政府工作要点", "recipients": ["各乡镇人民政府", "县直各部门"],
    "notes": [("县大数据中心", "县直各部门"), ("县大数据中心", "")],
}

# 临江市: a red header, the 文号 under it, a notice title on two lines, a 实施方案.
RED_HEADER = """临江市人民政府办公室文件
临政办发〔2024〕21号
临江市人民政府办公室关于印发临江市
公共数据开放实施方案的通知
各区人民政府，市政府各部门：
《临江市公共数据开放实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。
临江市人民政府办公室
2024年9月3日
临江市公共数据开放实施方案
为规范公共数据开放，制定本方案。
一、工作目标
"""
RED_HEADER_FIELDS = {
    "notice": True, "notice_title": "临江市人民政府办公室关于印发临江市公共数据开放实施方案的通知",
    "doc_number": "临政办发〔2024〕21号", "issuer": ["临江市人民政府办公室"], "date": dt.date(2024, 9, 3),
    "title": "临江市公共数据开放实施方案", "recipients": ["各区人民政府", "市政府各部门"], "notes": [],
}

# 嵐山縣, written in traditional script by hand (characters hanzi's table once lacked: 嵐, 簽, 轄,
# 訴): a library's info box with 簽發日期 (GB/T 9704 7.3.5.4: the 成文日期 is the day the head signs).
HAND_TRADITIONAL = """嵐山縣投訴舉報處置工作規範
索引號：LS-2024-0012
發文機關：嵐山縣人民政府辦公室
文號：嵐政辦發〔2024〕2號
簽發日期：2024年1月15日
有效性：有效
嵐山縣投訴舉報處置工作規範
為規範全縣轄區內投訴舉報處置工作，制定本規範。
一、受理範圍
"""
HAND_TRADITIONAL_FIELDS = {
    "notice": True, "notice_title": None, "doc_number": "嵐政辦發〔2024〕2號", "issuer": ["嵐山縣人民政府辦公室"],
    "date": dt.date(2024, 1, 15), "title": "嵐山縣投訴舉報處置工作規範", "recipients": [], "notes": [],
}

BASES = {"notice": (NOTICE, NOTICE_FIELDS), "hand_traditional": (HAND_TRADITIONAL, HAND_TRADITIONAL_FIELDS), "info_box": (INFO_BOX, INFO_BOX_FIELDS),
         "opinion": (OPINION, OPINION_FIELDS), "portal": (PORTAL, PORTAL_FIELDS),
         "aggregator": (AGGREGATOR, AGGREGATOR_FIELDS), "red_header": (RED_HEADER, RED_HEADER_FIELDS)}

# Traditional forms hanzi's table lacks, and the ones it maps several ways (written by hand).
EXTRA_TRADITIONAL = {"于": "於", "发": "發", "台": "臺", "里": "裡", "复": "複", "面": "面", "范": "範",
                     "制": "制", "志": "志", "后": "後", "只": "只", "系": "系", "划": "劃", "历": "歷"}
TO_TRADITIONAL = {**{pair[1]: pair[0] for pair in reversed(PAIRS.split())}, **EXTRA_TRADITIONAL}
# Pinyin a converter leaves after some characters (as 發(fā), 關(guān) on the pages of the sets).
PINYIN = {"发": "fā", "关": "guān", "区": "qū", "务": "wù", "数": "shù", "据": "jù", "现": "xiàn", "经": "jīng",
          "统": "tǒng", "责": "zé", "县": "xiàn", "规": "guī", "办": "bàn", "实": "shí", "施": "shī"}
WIDTH = str.maketrans({"（": "(", "）": ")", "(": "（", ")": "）", "：": ":", ":": "：", "〔": "[", "〕": "]"})
# The 文号's year brackets as other pages write them. 例：﹝2025﹞ / （2025）
SMALL_BRACKETS = str.maketrans({"〔": "﹝", "〕": "﹞"})
ROUND_BRACKETS = re.compile(r"〔(\d{4})〕")
FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "[": "〔", "]": "〕", "［": "〔", "］": "〕", "﹝": "〔", "﹞": "〕"})
SPACED_LINE_MAX = 30  # short lines (titles, organs, dates, 文号) get letter spacing


def traditional(text: str) -> str:
    return "".join(TO_TRADITIONAL.get(ch, ch) for ch in text)


def glossed(text: str) -> str:
    return "".join(f"{ch}({PINYIN[ch]})" if ch in PINYIN else ch for ch in text)


def one_line(text: str) -> str:
    return " ".join(line for line in text.splitlines() if line)


def spaced(text: str) -> str:
    """Letter spacing on short lines (`临 江 市 人 民 政 府`), stray spaces in numbers' lines."""
    out = []
    for line in text.splitlines():
        if len(line) <= SPACED_LINE_MAX:
            line = " ".join(line)
        else:
            line = re.sub(r"(?<=\d)(?=[年月日号])", " ", line)
        out.append(line)
    return "\n".join(out)


def widths(text: str) -> str:
    return text.translate(WIDTH)


VARIANTS: dict[str, Callable[[str], str]] = {
    "as_written": lambda text: text, "traditional": traditional, "pinyin": glossed, "one_line": one_line,
    "spaced": spaced, "widths": widths, "traditional_pinyin": lambda text: glossed(traditional(text)),
    "traditional_widths": lambda text: widths(traditional(text)), "spaced_widths": lambda text: spaced(widths(text)),
    "small_brackets": lambda text: text.translate(SMALL_BRACKETS),
    "round_brackets": lambda text: ROUND_BRACKETS.sub(r"（\1）", text),
}


# A 文号 written with round year brackets, folded to 〔〕 to compare. 例：临政办发(2025)12号
ROUND_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])\((\d{4})\)(?=第?\d{1,5}号)")


def norm(value: Optional[str]) -> Optional[str]:
    return None if value is None else ROUND_NUMBER.sub(r"〔\1〕", plain(value).translate(FOLD))



def read(text: str) -> dict:
    plan = ingest_text(text.strip() + "\n", "matrix.txt").plan
    notice = plan.notice
    notes = [("、".join(unit.name for unit in clause.responsibility.lead),
              "、".join(unit.name for unit in clause.responsibility.support))
             for clause in plan.clauses() if clause.responsibility is not None]
    return {"notice": notice is not None, "notice_title": norm(notice.title) if notice else None,
            "doc_number": norm(notice.doc_number) if notice else None,
            "issuer": [norm(name) for name in notice.issuer] if notice else [],
            "date": notice.date if notice else None, "title": norm(plan.title),
            "recipients": [norm(group) for group in notice.recipients] if notice else [],
            "notes": [(norm(lead), norm(support)) for lead, support in notes]}


def expected(fields: dict) -> dict:
    return {name: ([norm(v) if isinstance(v, str) else tuple(norm(x) for x in v) for v in value]
                   if isinstance(value, list) else norm(value) if isinstance(value, str) else value)
            for name, value in fields.items()}


# Variants the reader does not read yet, with why (strict: a fix must remove its line).
KNOWN_GAPS: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("base", sorted(BASES))
def test_every_variant_reads_the_same_fields(base: str, variant: str) -> None:
    text, fields = BASES[base]
    if (base, variant) in KNOWN_GAPS:
        pytest.xfail(KNOWN_GAPS[(base, variant)])
    got, want = read(VARIANTS[variant](text)), expected(fields)
    wrong = {name: (got[name], want[name]) for name in want if got[name] != want[name]}
    assert not wrong, wrong


def test_variants_really_differ_from_the_base() -> None:
    """Each variant changes the text it is given (else the matrix tests nothing)."""
    for name, make in VARIANTS.items():
        if name != "as_written":
            assert make(NOTICE) != NOTICE, name
    assert "辦公室" in traditional(NOTICE) and "发(fā)" in glossed(NOTICE) and "\n" not in one_line(NOTICE)


# The info box's fields in the layouts pages use (one a line with a colon is INFO_BOX itself).
BOX_LAYOUTS = {
    "one_line": "发文机关：青岚县人民政府 文号：青政发〔2021〕7号 成文日期：2021年9月6日 发布日期：2021年9月10日",
    "glued": "发文机关青岚县人民政府文号青政发〔2021〕7号成文日期2021-09-06",
    "table": "| 发文机关 | 青岚县人民政府 |\n| 文号 | 青政发〔2021〕7号 |\n| 成文日期 | 2021-09-06 |",
    "bullets": "  • 发文机关:青岚县人民政府\n  • 文号:青政发〔2021〕7号\n  • 成文日期:2021年9月6日",
    "bracketed": "[ 发文机关 ] 青岚县人民政府\n[ 文号 ] 青政发〔2021〕7号\n[ 成文日期 ] 2021-09-06",
    "spaced_names": "发文机关 青岚县人民政府\n文  号 青政发〔2021〕7号\n成文日期 2021-09-06",
}


@pytest.mark.parametrize("layout", sorted(BOX_LAYOUTS))
def test_every_info_box_layout_reads_the_same_fields(layout: str) -> None:
    title = "青岚县数字经济发展规划（2021—2025年）"
    text = f"{title}\n{BOX_LAYOUTS[layout]}\n{title}\n为推动数字经济高质量发展，编制本规划。\n一、发展基础\n"
    got = read(text)
    assert (got["notice"], got["doc_number"], got["issuer"], got["date"], got["title"]) == (
        True, "青政发〔2021〕7号", ["青岚县人民政府"], dt.date(2021, 9, 6), norm(title))
