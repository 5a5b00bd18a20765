"""The elements of a 印发通知 (GB/T 9704 7.2–7.3) as the lines of a text show them: the notice's
title, 主送机关, the 印发 sentence, 附注 and the 代章 note. Patterns read reading keys
(planner.form.keys), so traditional text, pinyin glosses and letter-spaced headers read alike;
spans are key positions, cut from the line as written by the caller."""
from __future__ import annotations

from typing import Iterable, NamedTuple, Optional

from planner.form.docnumber import NUMBER_AFTER_RE, NUMBER_BEFORE_RE
from planner.form.hanzi import simplify
from planner.form.keys import key_of
from planner.form.organs import ORGAN_ENDS, TITLE_VERBS
from planner.form.patterns import lazy

# A notice's title: it names what it issues (印发/转发/批转) or what it is about (关于), and ends
# in 通知 (or 通报, sent the same way). 例：东营市人民政府办公室关于印发东营市数字变革创新2022年行动方案的通知 /
# 中共北京市委北京市人民政府印发《…》的通知 / 关于做好2019年政务公开工作的通知
NOTICE_TITLE_RE = lazy(rf"^.{{0,60}}?(?:{TITLE_VERBS}).{{2,200}}?(?:通知|通报)$")
# Marks a title never holds (an ASCII ? is a character a page lost). 例：…印发给你们，请认真贯彻执行。
NOT_TITLE_RE = lazy(r"[。；;：:！!？]|给你们")
# A portal's tag before a title, or a reprint's source mark. 例：“党政混合信息公开” / 【政策文件】 / [通知] /
# (电子商务研究中心讯) / (失效) (a library's status before the title)
TAG_RE = lazy(r"^(?:“[^”]{1,20}”|【[^】]{1,20}】|\[[^\]]{1,20}\]|[(（][^()（）]{1,20}讯[)）]|"
              r"[(（【\[](?:有效|已失效|失效|已废止|废止|现行有效)[)）】\]])")
# A title cut off by the page. 例：…的通知(东政字〔2021〕...
CUT_TAIL_RE = lazy(r"[(（][^()（）]*(?:\.{3}|…+)$")
# What a portal writes after a title. 例：(有效) / （已失效）
STATUS = r"[(（【\[](?:有效|已失效|失效|已废止|废止|现行有效|部分失效)[)）】\]]"
STATUS_RE = lazy(rf"{STATUS}$")
# …or before it. 例：(失效)西政办发〔2017〕13号 …的通知
LEAD_STATUS_RE = lazy(rf"^{STATUS}")
# A portal's field after a title on its line (on the key). 例：…行动计划(2021年-2023年)发布时间:2022-08-3017:45
TRAILING_FIELD_RE = lazy(r"(?:发布时间|发布日期|来源|浏览次数|点击数)[:：].{0,40}$")
# The site a page title names after the document's. 例：…的通知_宜兴市人民政府 / …方案-某市门户网站
SITE_SUFFIX_RE = lazy(r"[_\-|｜—]{1,2}[^_\-|｜—]{2,30}?(?:人民政府|政府|门户网站|网站|网)$")
# 主送机关: groups apart at commas, each ending in an organisation or a group of them, and the
# line ends in a colon. 例：各县区人民政府,市政府各部门、单位: / 区政府各部门、各街道办事处、有关单位:
# A bank is addressed as 行 after the offices and companies; a state farm as 场; the firms in a
# market as 市场主体. 例：区各办局(公司)行 / 各相关市场主体 /
# 各办事处、场 / 各林场
RECIPIENT_END_RE = lazy("(?:" + "|".join(ORGAN_ENDS) + r"|部门|单位|机构|机关|团体|企业|用户|市场主体|院校|学校|高校|大学|"
                        r"组织|街道|乡镇|功能区|开发区|园区|新区|区|县|市|州|盟|旗|镇|乡|片区|(?<=[局办)）])行|"
                        r"(?<=[农林牧渔茶盐、])场)$")
RECIPIENT_HINT_RE = lazy(r"各|有关|相关|直属|所属|成员|部门|单位")
RECIPIENT_SPLIT_RE = lazy(r"[,，]")
TRAILING_BRACKET_RE = lazy(r"[(（][^()（）]*[)）]$")
RECIPIENTS_MAX = 300
RECIPIENT_GROUPS_LONG = 4
# The 印发 sentence: what makes a text a 印发通知. 例：现印发给你们 / 现将…印发给你们 / 现予(以)印发 /
# 印发你们 / 经市政府同意 / 业经…审议通过
HANDING = r"印发给你们|转发给你们|批转给你们|印发你们|现予以?印发|现印发|现将.{0,120}?(?:印发|转发)"
ISSUING_RE = lazy(HANDING + r"|经.{1,40}?同意|审议通过")
# …without the consent a 实施意见's own preamble states too. 例：经省人民政府同意,现就…提出以下实施意见 (no match)
ISSUES_RE = lazy(HANDING)
# The 印发 sentence's own words, handing the plan out to its 主送 (not 经…同意, which a preamble may
# say, nor a wiki's retelling `现印发，请认真组织实施`). 例：《…工作要点》已经省领导同意,现印发给你们
HANDING_OUT_RE = lazy(r"[印转批]发给你们|印发你们")
ISSUING_SPAN = 400  # the sentence stands at the head of the body
# 附注. 例：(此件公开发布) / （此件主动公开） / (此件公开发布 (the page lost the bracket) /
# (公开属性:主动公开)
PUBLIC_RE = lazy(r"^[(（](?:此件|公开属性[:：])[^()（）]{1,12}[)）]?$")
# A seal note under the 署名, not another issuer. 例：(德州市大数据局代章) / (代)
SEAL_RE = lazy(r"^[(（][^()（）]{2,40}代章[)）]$|^[(（]代[)）]$")
# …or after the name on its line. 例：领导小组办公室(代章) / 领导小组办公室(代)
SEAL_AFTER_RE = lazy(r"[(（][^()（）]{0,40}代章[)）]$|[(（]代[)）]$")
# 例：（此页无正文）
NO_TEXT_RE = lazy(r"^[(（]此页无正文[)）]$")
# Whom to ask, noted under the 署名 or the date (GB/T 9704 7.3.6 附注). 例：（联系人：张某，电话：12345678）/
# (联系电话:市大数据局战略规划与发展处,66607668)
CONTACT_RE = lazy(r"^[(（](?:联系人|联系电话|联系方式)[:：][^()（）]{1,80}[)）]$")


# A plan a text cites by its name: what a 印发 sentence or a lead paragraph calls the plan.
# 例：《数字威海2021行动方案》已经市政府同意 / 《数字青岛2023年行动方案》 / 《山西省数字政府建设规划(2023-2025年)》
CITED_PLAN_RE = lazy(r"《([^《》]{4,60}?(?:行动方案|工作要点|实施方案|实施意见|行动计划|规划|方案|要点|计划)"
                     r"(?:[(（][^()（）《》]{1,20}[)）])?)》")


class TitleSpan(NamedTuple):
    """Where a notice's title stands in a key, and the 文号 written before or after it."""

    start: int
    end: int
    number: Optional[tuple[int, int]]


def find_notice_title(key: str) -> Optional[TitleSpan]:
    """The notice title a key holds whole: bare, in 《》, after its 文号 (`京政办发〔2016〕26号《…》`,
    `某政发〔2024〕1号关于…`) or before it (`…的通知(岳办发〔2017〕2号)`, `…的通知某政发〔2024〕1号`);
    None when the key is not a notice's title."""
    tag = TAG_RE.match(key)
    start, end, number = tag.end() if tag and len(key) > tag.end() + 8 else 0, len(key), None
    cut = CUT_TAIL_RE.search(key) or SITE_SUFFIX_RE.search(key) or STATUS_RE.search(key)
    if cut:
        end = cut.start()
    before = NUMBER_BEFORE_RE.match(key, start)
    if before:
        number, start = before.span("num"), before.end()
    after = NUMBER_AFTER_RE.search(key, start, end)
    if after and number is None:
        number, end = after.span("num" if after["num"] else "bare"), after.start()
    if key.startswith("《", start) and key.endswith("》", start, end):
        start, end = start + 1, end - 1
    text = key[start:end]
    if len(text) > 240 or NOT_TITLE_RE.search(text) or not NOTICE_TITLE_RE.match(text):
        return None
    return TitleSpan(start, end, number)


def recipient_groups(key: str, colon: bool = True) -> Optional[list[tuple[int, int]]]:
    """Spans of the 主送 groups of a key that is a 主送 line (colon dropped), else None.
    `colon=False` reads a line whose colon the page lost (the caller checks what follows)."""
    body = key.rstrip(":：")
    if (colon and body == key) or not body or len(key) > RECIPIENTS_MAX or "。" in body:
        return None
    spans, start, depth = [], 0, 0
    for at, ch in enumerate(body):
        depth += ch in "(（"
        depth -= ch in ")）"
        if depth == 0 and ch in ",，":
            spans.append((start, at))
            start = at + 1
    spans.append((start, len(body)))
    groups = [body[a:b] for a, b in spans]
    ends = [RECIPIENT_END_RE.search(TRAILING_BRACKET_RE.sub("", g)) is not None for g in groups if g]
    # Every group ends like an addressee; in a long list, a group of companies' short names may
    # not (中国华能、中国大唐、国家电投), when the first and the last groups and most of them do.
    if not all(ends) and not (len(ends) >= RECIPIENT_GROUPS_LONG and ends[0] and ends[-1]
                              and sum(ends) * 2 > len(ends)):
        return None
    if len(groups) < 2 and not RECIPIENT_HINT_RE.search(body):
        return None
    return [(a, b) for a, b in spans if b > a]


def is_issuing(key: str) -> bool:
    """The key holds the 印发 sentence."""
    return ISSUING_RE.search(key, 0, ISSUING_SPAN) is not None


def issues_plan(key: str) -> bool:
    """The key's 印发 sentence issues a plan (not only 经…同意, which a 实施意见's preamble says)."""
    return ISSUES_RE.search(key, 0, ISSUING_SPAN) is not None


def hands_out(key: str) -> bool:
    """The key holds the 印发 sentence in the words only a notice uses (`现印发给你们`)."""
    return HANDING_OUT_RE.search(key, 0, ISSUING_SPAN) is not None


def cited_plan(texts: Iterable[str]) -> Optional[str]:
    """The first plan `texts` cite by name, as written (it names the plan; it is not a title
    line)."""
    for text in texts:
        match = CITED_PLAN_RE.search(simplify(text))
        if match:
            return text[match.start(1):match.end(1)]
    return None


def cited_names(texts: Iterable[str]) -> frozenset[str]:
    """The reading keys of every plan `texts` cite by name (what a 印发 sentence calls the plan
    it issues: a title line that reads so is that plan's title)."""
    return frozenset(match.group(1) for text in texts for match in CITED_PLAN_RE.finditer(key_of(text).text))


def is_public(key: str) -> bool:
    return PUBLIC_RE.match(key) is not None


def seal_start(key: str) -> int:
    """Where a 代章 note after a 署名 on its line starts (len(key) when there is none)."""
    seal = SEAL_AFTER_RE.search(key)
    return seal.start() if seal and seal.start() > 0 else len(key)


def is_seal(key: str) -> bool:
    """A note under the 署名 that names no issuer: a 代章, 此页无正文, a contact."""
    return any(pattern.match(key) for pattern in (SEAL_RE, NO_TEXT_RE, CONTACT_RE))
