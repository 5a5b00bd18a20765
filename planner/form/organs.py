"""Names of organisations (机关、单位) read by their grammar, not from a list: a name is Han
characters ending in an organ word (…人民政府, …办公室, …局, …处, …中心, …公司, …运营商), so a
line of names reads as issuers (发文机关标志, 署名) and a note's list as units, and names written
together (`湖州市发展和改革委员会湖州市大数据发展管理局`) are told apart where the next one opens
with the first one's place. Functions take reading keys (planner.form.keys)."""
from __future__ import annotations

import re
from typing import Optional

from planner.form.keys import key_of
from planner.form.patterns import lazy
from planner.form.script import HAN

# What an organisation's name ends with, longest first. 例：…人民政府 / …办公厅 / …领导小组 /
# …电子信息产业处 / …大数据中心 / …有限公司 / 各电信运营商 / …办公室政务公开组 (a working group) /
# 人行德安分行 (a bank's branch) / 新疆生产建设兵团 / 国家能源局综合司 (a ministry's department) / 合肥海关 /
# 市科协、市妇联 (the people's organisations: 群团)
ORGAN_ENDS = ("人民政府", "管理委员会", "委员会", "办公室", "办公厅", "管委会", "指挥部", "运营商", "工商联", "社科联",
              "政府", "海关", "管委", "工委", "科协", "妇联", "残联", "侨联", "文联", "党委", "小组", "中心", "公司",
              "集团", "银行", "分行", "支行", "分局", "兵团",
              "委", "厅", "局", "办", "处", "司", "院", "署", "部", "所", "站", "队", "会", "社", "馆", "室", "组")
ORGAN_END_RE = lazy("(?:" + "|".join(ORGAN_ENDS) + r")$")
# An organ word anywhere: whether a note names a unit at all. 例：(区大数据局牵头) / (按计划推进)
ORGAN_WORD_RE = lazy("(?:" + "|".join(ORGAN_ENDS) + "|单位|部门|镇|街)")
# A name: Han characters, with a bracketed or a quoted part. 例：各县(市、区)政府 /
# 湛江市“数字政府”改革建设工作领导小组办公室
NAME_RE = lazy(rf"^[{HAN}()（）、“”]+$")
# Words no organisation's name holds, though the line ends in an organ word. 例：关于印发…的通知
# 的办法 / 由市政府同意 / 市大数据局牵头 / 福州市加快推进数字化全面赋能经济社会 (社会 is society, not a 会) /
# 登录个人中心 (a portal's button)
NOT_NAME_RE = lazy(r"关于|印发|通知|同意|贯彻|负责|牵头|配合|的|和$|及$|社会$|登录|注册|个人中心|用户中心")
# The place a name opens with. 例：宁波市 / 中共岳阳市 / 安徽省 / 市 (a bare level)
PLACE_RE = lazy(rf"^(?:中共)?(?P<place>[{HAN}]{{0,6}}?(?:自治区|省|市|区|县|州|盟|旗))")
# A body set up by the organs named before it, its name wrapped onto a line of its own: it opens
# with no place and no parent of its own. 例：中共某县委某县人民政府 / 优化营商环境领导小组
TAIL_RE = lazy(r"(?:领导小组|工作小组|协调小组|推进小组|专项小组|指挥部|联席会议)(?:办公室)?$")
PARENT_RE = lazy(r"^(?:中共|中央|国务院|国家|全国|各)")
NAME_MIN, NAME_MAX = 3, 40
LETTER_SPACE_RE = lazy(rf"(?<=[{HAN}])[ \u3000]+(?=[{HAN}])")
# What follows the organs a title opens with. 例：东营市人民政府|关于印发… / 国家卫生健康委 教育部|印发…
TITLE_VERBS = "关于|印发|转发|批转"
ISSUERS_END_RE = lazy(TITLE_VERBS)
# The organs a title leaves unnamed after the first. 例：市商务委等八部门 / 省数据局等12个部门
OTHERS_RE = lazy(r"等[一二三四五六七八九十\d]{0,3}个?(?:部门|单位|机关|部委)$")
# Organs whose names end in no organ word. 例：中共中央 国务院关于…
NAMED_ORGANS = frozenset({"中共中央"})
NAMES_MAX = 8 * NAME_MAX  # names written together: a joint signature of eight departments
# A word's letters a space or two apart (`教 育 部`): letter spacing, not a gap between names.
WORD_RE = lazy(r"\S+")
LETTER_GAP = 2
# Longest letter-spaced name: letter spacing pads a short name to a longer one's width.
SPACED_NAME_MAX = 5


def is_organ(key: str, longest: int = NAME_MAX) -> bool:
    """`key` reads as the name of an organisation (or, up to `longest`, of several written
    together)."""
    if key in NAMED_ORGANS:
        return True
    return (NAME_MIN <= len(key) <= longest and NAME_RE.match(key) is not None
            and ORGAN_END_RE.search(key) is not None and NOT_NAME_RE.search(key) is None
            and key.count("(") == key.count(")") and key.count("（") == key.count("）")
            and key.count("“") == key.count("”"))


def unspaced(name: str) -> str:
    """An organ's name without the spaces between its characters: letter spacing (`临 江 市 数
    据 局`, set to line up with a longer name) is layout; a written-out 署名 sets it by its place."""
    return LETTER_SPACE_RE.sub("", name) if " " in name or "\u3000" in name else name


def is_name_tail(key: str) -> bool:
    """`key` names a 领导小组 (指挥部, 联席会议) without the organs that set it up: the end of a
    name whose head is on the line above."""
    return (is_organ(key) and TAIL_RE.search(key) is not None and PLACE_RE.match(key) is None
            and PARENT_RE.match(key) is None)


def is_organ_line(text: str) -> bool:
    """A line that holds only names of organisations: a 署名 or a 发文机关标志. 例：中共北京市委
    北京市人民政府 / 山 东 省 人 民 政 府"""
    return bool(split_organs(text))


def split_organs(text: str) -> list[str]:
    """The organisations a line names, as written; [] when the line is not only names.
    Letter-spaced names (`市 人 民 政 府`) are one name; names apart at spaces or written
    together are several."""
    tokens = _words(text)
    keys = [key_of(token).text for token in tokens]
    if len(tokens) > 1 and all(is_organ(key) for key in keys):
        return [name for token in tokens for name in _apart(token)]
    key = key_of(text)
    spans = _names(key.text)
    if spans and len(tokens) == 1 and len(spans) == 1:
        return _apart(tokens[0])  # one letter-spaced word: one name, or two (医 保 局 药 监 局)
    return [key.cut(start, end) for start, end in spans] if spans else []


def _words(text: str) -> list[str]:
    """The line's words at its spaces, a letter-spaced word (single characters a space or two
    apart: `教 育 部`) kept as one. 例：卫生健康委 教 育 部 → 卫生健康委 / 教 育 部"""
    words: list[str] = []
    run_start, last_end = None, 0  # where the letter-spaced word being read starts
    for match in WORD_RE.finditer(text):
        single = len(match.group()) == 1
        if single and run_start is not None and match.start() - last_end <= LETTER_GAP:
            words[-1] = text[run_start:match.end()]
        else:
            words.append(match.group())
            run_start = match.start() if single else None
        last_end = match.end()
    return words


def _apart(token: str) -> list[str]:
    key = key_of(token)
    spans = _names(key.text) or [(0, len(key.text))]
    if len(spans) == 1 and " " in token and len(key.text) > SPACED_NAME_MAX:
        spans = _spaced_cut(key.text) or spans
    return [key.cut(start, end) for start, end in spans]


def _spaced_cut(key: str) -> Optional[list[tuple[int, int]]]:
    """Two letter-spaced names with no wider gap between them (`医 保 局 药 监 局`): where both
    halves are names and the second is not an office of the first (…办公室)."""
    for at in range(2, len(key) - 1):
        if is_organ(key[:at]) and is_organ(key[at:]) and not key.startswith("办", at):
            return [(0, at), (at, len(key))]
    return None


def _names(key: str) -> Optional[list[tuple[int, int]]]:
    """Spans of the names `key` is made of; None when it is not names alone."""
    if not is_organ(key, NAMES_MAX):
        return None
    spans = _cuts(key)
    return spans if all(is_organ(key[start:end]) for start, end in spans) else None


def _cuts(key: str) -> list[tuple[int, int]]:
    """Spans of the names written together in `key`: a new name opens where the first name's
    place (or 中共, or the 国家 a ministry's name opens with) comes again right after an organ
    word. 例：国家发展改革委办公厅国家能源局综合司"""
    place = PLACE_RE.match(key)
    parent = PARENT_RE.match(key)
    openers = {"中共"} | ({place.group("place")} if place else set()) | ({parent.group()} if parent else set())
    spans, start = [], 0
    for at in sorted({m.start() for word in openers for m in re.finditer(re.escape(word), key)}):
        if at > start and is_organ(key[start:at]) and _opens(key, at):
            spans.append((start, at))
            start = at
    spans.append((start, len(key)))
    return spans


def _opens(key: str, at: int) -> bool:
    """Whether a name may open at `at`: what follows is itself a name (or names)."""
    return is_organ(key[at:], NAMES_MAX)


def organ_prefix(key: str) -> Optional[str]:
    """The organisation a title opens with, as a key. 例：东营市人民政府关于印发… → 东营市人民政府 /
    市商务委等八部门关于… → 市商务委"""
    match = re.match(rf"^(?P<org>.{{3,320}}?)(?:{TITLE_VERBS})", key)
    if match is None:
        return None
    org = match["org"]
    others = OTHERS_RE.search(org)  # 市商务委等八部门: the first of several, the others not named
    if others:
        org = org[:others.start()]
    return org if _names(org) else None
