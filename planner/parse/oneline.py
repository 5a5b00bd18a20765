"""Texts with no line breaks (an aggregator's one-line dump, a page whose paragraphs lost their
breaks): lines are split again before heading markers that follow a sentence end, and, at the
head, after the 主送 colon, after the 印发 sentence, around a 署名-and-date run and after the
title the 印发 sentence names. One pass over each long line (positions, then one cut)."""
from __future__ import annotations

import re
from typing import Optional

from planner.form.docnumber import CLOSE, OPEN
from planner.form.hanzi import simplify
from planner.form.keys import GLOSS, plain, strip_layout
from planner.form.notes import is_note_alone
from planner.form.notice import ISSUING_RE, find_notice_title, recipient_groups, seal_start
from planner.form.organs import is_organ
from planner.form.script import HAN
from planner.form.unitlists import CLOSE as LIST_CLOSE, OPEN as LIST_OPEN
from planner.parse.portal import SENTENCE_MARKS_RE
from planner.parse.source import SourceLine as Line
from planner.parse.titles import KINDS, title_of

# A line this long may hold several paragraphs.
LONG_LINE = 120
# A heading marker after a sentence end (and spaces). 例：…奠定了坚实基础。(一)发展现状。1.数字…
MARKER_AFTER_END_RE = re.compile(r"(?:(?<=[。；;！!？?])\s*|(?<=[。；;:：])\s+)"
                                 r"(?=第[一二三四五六七八九十]{1,3}[章节]|[一二三四五六七八九十]{1,3}、|"
                                 r"[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d))")
# A 一、 or （一） after a note's closing bracket. 例：…（责任单位：市大数据局）（二）建设城市大脑。
MARKER_AFTER_NOTE_RE = re.compile(r"(?<=[)）])\s*(?=[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
# A note on a line of its own, run into the text: it starts after a sentence end and ends before the
# next heading marker. 例：…全面梳理政务服务事项。 责任单位：区行政审批局、区司法局 （二）优化…
NOTE_LABELS = r"(?:责任单位|牵头单位|责任部门|牵头部门)\s*[:：]"
LINE_NOTE_START_RE = re.compile(rf"(?<=。)\s*(?={NOTE_LABELS})")
LINE_NOTE_RE = re.compile(rf"{NOTE_LABELS}[^。；;:：()（）]{{1,120}}?(?=\s+(?:[一二三四五六七八九十]{{1,3}}、|"
                          r"[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d)))")
# A 一、 heading whose title runs into the first （一）. 例：一、主要任务（一）推进一网通办。
HEADING_RUN_RE = re.compile(rf"\s*[一二三四五六七八九十]{{1,3}}、[{HAN}]{{2,20}}?(?=[(（][一二三四五六七八九十]{{1,3}}[)）])")
# A 文号 as a one-line text writes it. 例：某政发〔2020〕5号 / 鄂政办发[2020] 64号
NUMBER = rf"[{HAN}]{{1,12}}[{re.escape(OPEN)}]\s*\d{{4}}\s*[{re.escape(CLOSE)}]\s*第?\s*\d{{1,5}}\s*号"
# A one-line notice may open with its title and 文号. 例：某市人民政府关于印发…的通知 某政发〔2020〕5号
# An aggregator writes the 文号 first and the title in 《》. 例：某政办字〔2022〕8号《…的通知》
NOTICE_HEAD_RE = re.compile(rf"(?P<title>[^。:：；;，,]{{4,200}}?的通\s*知》?)\s*(?P<num>[(（]?{NUMBER}[)）]?)?")
# What a page puts before a one-line notice: its breadcrumb, a red header and its 文号.
# 例：首页 > 政务公开 > 政策文件 / 临江市人民政府办公室文件 临政办发〔2024〕21号
BREADCRUMB_RE = re.compile(r"\s*(?:[^\s>]{1,12}\s*>\s*){1,6}[^\s>]{1,12}\s+")
RED_HEAD_RE = re.compile(rf"\s*[{HAN}]{{2,40}}?文\s*件\s*(?={NUMBER})")
# …and after its title: the page's date field. 例：发布时间：2023-04-12
PAGE_DATE_RE = re.compile(r"\s*(?:发布时间|发布日期|时间|日期)\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# …or a 实施意见 written to its 主送 with its title and 文号. 例：某区人民政府关于…的实施意见 某政发〔2024〕3号
OWN_HEAD_RE = re.compile(rf"(?P<title>[^。:：；;，,]{{4,200}}?的(?:实施)?意\s*见)\s*(?P<num>[(（]?{NUMBER}[)）]?)")
# A page's font-size buttons between the title and the 主送. 例：字号大中小 / 字号:[大][中][小]
FONT_SIZE_RE = re.compile(r"\s*字号\s*[:：]?(?:\s*[【\[]?\s*[大中小]\s*[】\]]?){3}")
# …or, in a gazette's copy (no title), with its 文号 alone. 例：宁政发[2020]58号各区人民政府,…:
NUMBER_HEAD_RE = re.compile(rf"\s*(?P<num>{NUMBER})")
# …or just before the 主送, after the page's chrome. 例：點擊數: 穗府〔2023〕13號 各區人民政府,…
NUMBER_BEFORE_RECIPIENTS_RE = re.compile(rf"(?<=[\s:：|])(?P<num>{NUMBER})\s*$")
# Then its 主送. 例：各县区人民政府,市政府各部门、单位:《…》已经…同意,现印发给你们,…。
RECIPIENTS_HEAD_RE = re.compile(r"\s*(?P<head>[^。:：]{4,300}?[:：])")
# A 成文日期, in Chinese numerals too. 例：2021年12月13日 / 二〇二五年三月十八日
DATE = (r"(?:\d{4}|[〇○零一二三四五六七八九ＯO]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
        r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")
# A 附注, pinyin glosses and all. 例：(此件公开发布) / (公开属性:主动公开) / (此件公開發(fā)布)
PUBLIC = rf"[(（](?:此件|公开属性[:：])(?:[^()（）]|{GLOSS}){{1,16}}[)）]"
# The 署名, its date and 附注. 例：东营市人民政府2021年12月13日(此件公开发布)东营市… /
# 临江市人民政府办公室 二〇二五年三月十八日
SIGNED_RE = re.compile(rf"\s*(?:(?P<org>[{HAN}()（）](?:[{HAN}()（）\s]|{GLOSS}){{2,60}}?)\s*)?"
                       rf"(?P<date>{DATE})(?![前后起止以内])\s*(?P<public>{PUBLIC})?")
# …or a 署名 with no date, then its 附注. 例：哈尔滨市人民政府 (公开属性:主动公开)
UNDATED_RE = re.compile(rf"\s*(?P<org>[{HAN}][{HAN}()（）]{{2,40}}?)\s*(?P<public>{PUBLIC})")
# A 附注 whose characters a page garbled (a glossed page read in the wrong encoding). 例：?。ù思_發(fā)布)
GARBLED_PUBLIC_RE = re.compile(rf"[?？]\s*。(?:[^\s()（）]|{GLOSS}){{1,16}}[)）]")
# 例：《东营市“十四五”数字强市建设规划》 (the name the 印发 sentence gives)
QUOTED_RE = re.compile(r"《(?P<name>[^《》]{4,80})》")
# A one-line text with no notice may open with the plan's title, a space where its line ended.
# 例：江西省 2023 年数字政府建设工作要点 为深入贯彻…
TITLE_HEAD_RE = re.compile(rf"(?P<title>[^。，,；;：:]{{4,80}}?(?:{KINDS})(?:[(（][^()（）]{{1,24}}[)）])?)\s+(?=\S)")
# What a text sent to its 主送 itself says of itself in its first sentence (a 实施意见, a notice).
# 例：…结合我省实际,提出以下实施意见。 / 现就有关事项通知如下:
ADDRESSED_RE = re.compile(r"提出(?:如下|以下)|通知如下")
# Where a title may start after a page's chrome on the same line: after a space or a field's colon.
# 例：更新时间:2016-12-19 深圳市… (the title starts after the date)
TITLE_START_RE = re.compile(r"(?<=[\s:：|])(?=[^\s:：|])(?!\d{4}-\d{1,2}-\d{1,2})")
# Spaces, and the ASCII ? a page read in the wrong encoding put among them. 例：落实。 ? ? ?長治市數據局
SPACE_RUN_RE = re.compile(r"\s+(?:\?+\s+)*")
ONE_LINE_SHARE = 0.8  # a text is one line when one line holds this share of it
KEEP_AFTER = "、，,；;年月" + OPEN  # no break after these …
KEEP_BEFORE = "年月日号號" + CLOSE  # … nor before these
OPENING, CLOSING = LIST_OPEN + "【《", LIST_CLOSE + "】》"  # a list's brackets, a header's, a title's
HAN_RE = re.compile(f"[{HAN}]")
WORD_RE, LAST_WORD_RE = re.compile(r"\S*"), re.compile(r"\S*$")
NUMBER_CLOSE = "〕]］﹞"  # a 文号 year's closing bracket, its number after a space: 〔2022〕 7 号
# What stays on its title's line: a 文号 or a period in brackets. 例：(临政办发〔2024〕5 号) / (2025—2027年)
BRACKETED_NUMBER_RE = re.compile(rf"[(（](?:{NUMBER}[)）]|\s*\d{{4}}\s*年?\s*[-—–~至])")
HEAD_SPAN = 3000  # the notice of a one-line text stands within its first few thousand characters
HEAD_LINES = 10  # a mirror's buttons, page title, account and date, a two-line title, its 文号
NOTICE_LINE_MIN = 40  # a 主送 and a 印发 sentence at least
FIELDS_TAIL_MAX = 60
TAIL_DATE_RE = re.compile(rf"\s*{DATE}(?=\s)")
NOTICE_SENTENCES = 3  # sentences a notice may add after its 印发 sentence (whom to ask, what to report)
SENTENCE_MAX = 200


def split_long_lines(lines: list[Line]) -> list[Line]:
    """Lines with the breaks a one-line text lost put back (other lines as they are): heading
    markers in long lines, the notice's parts in the first lines (or the plan's title that opens
    a text with no notice)."""
    out: list[Line] = []
    total = sum(len(line.text) for line in lines)
    for index, line in enumerate(lines):
        cuts = set(_marker_cuts(line.text)) if len(line.text) >= LONG_LINE else set()
        notice = index < HEAD_LINES and len(line.text) > NOTICE_LINE_MIN and not is_note_alone(line.text)
        head = _notice_cuts(line.text) if notice else []
        if index == 0 and not head and len(line.text) >= LONG_LINE:
            head = _title_cut(line.text)  # no notice: the text may open with the plan's title
        cuts.update(head)
        if index < HEAD_LINES and len(line.text) >= LONG_LINE and len(line.text) >= ONE_LINE_SHARE * total:
            cuts.update(_space_cuts(line.text))
        out.extend(_cut(line, sorted(cuts)) if cuts else [line])
    return out


def _space_cuts(text: str) -> list[int]:
    """Where the spaces of a text joined into one line stood for line breaks (its head only):
    at each run of spaces outside brackets, except inside a spaced date or 文号 (`2023 年 4 月`,
    `〔2022〕 7 号`), inside a list (after `、` or a comma), inside a letter-spaced name
    (`教 育 部`), and before a 文号 or a period in brackets that stays on its title's line."""
    cuts, depth, last = [], 0, 0
    for match in SPACE_RUN_RE.finditer(text, 0, HEAD_SPAN):
        depth += _depth(text[last:match.start()])
        last = match.start()
        before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        word_before, word_after = LAST_WORD_RE.search(text, 0, match.start())[0], WORD_RE.match(text, match.end())[0]
        spaced = HAN_RE.fullmatch(word_before) and HAN_RE.fullmatch(word_after)
        if (depth > 0 or not before or before in KEEP_AFTER or after in KEEP_BEFORE or spaced
                or (before in NUMBER_CLOSE and after.isdigit()) or BRACKETED_NUMBER_RE.match(text, match.end())):
            continue
        cuts.append(match.end())
    return cuts


def _depth(text: str) -> int:
    return sum(text.count(ch) for ch in OPENING) - sum(text.count(ch) for ch in CLOSING)


def _marker_cuts(text: str) -> list[int]:
    """Before each heading marker after a sentence end, and before a （一） that follows a
    一、 heading's title on the same line (`一、主要任务（一）推进一网通办。`)."""
    cuts = [match.end() for match in MARKER_AFTER_END_RE.finditer(text)]
    cuts += [match.end() for match in MARKER_AFTER_NOTE_RE.finditer(text)]
    simple = simplify(text)
    cuts += [match.end() for match in LINE_NOTE_START_RE.finditer(simple)]
    cuts += [match.end() for match in LINE_NOTE_RE.finditer(simple)]
    for at in [0] + cuts:
        run = HEADING_RUN_RE.match(text, at)
        if run:
            cuts.append(run.end())
    return cuts


def _notice_cuts(text: str) -> list[int]:
    """Where a notice written on one line breaks: after 主送, after the 印发 sentence, around the
    署名 and date (and 附注), and after the title the 印发 sentence quotes."""
    keys = simplify(text[:HEAD_SPAN])
    cuts: list[int] = []
    start = 0
    for chrome in (BREADCRUMB_RE, RED_HEAD_RE, NUMBER_HEAD_RE):
        found = chrome.match(keys, start)
        if found and (chrome is RED_HEAD_RE or NOTICE_HEAD_RE.match(keys, found.end())):
            start = found.end()
            cuts.append(start)
    title = NOTICE_HEAD_RE.match(keys, start) or OWN_HEAD_RE.match(keys, start) or _title_after_chrome(keys, start)
    if title:
        if title.start() > start:  # the page's own lines (its title, source, date) before the notice
            cuts.append(title.start())
        # A 文号 in brackets stays on its title's line, as written: (东政办字〔2022〕36号)
        bracketed = title["num"] is not None and title["num"][0] in "(（"
        cuts += [end for end in (0 if bracketed else title.end("title"), title.end("num")) if end > 0]
        start = title.end()
        for chrome in (FONT_SIZE_RE, PAGE_DATE_RE):
            found = chrome.match(keys, start)
            if found:
                start = found.end()
                cuts.append(start)
    elif number := NUMBER_HEAD_RE.match(keys, start):
        start = number.end()
        cuts.append(start)
    head = RECIPIENTS_HEAD_RE.match(keys, start)
    if head and recipient_groups(plain(head["head"])):
        start = head.end()
        cuts.append(start)
    elif found := _recipients_before_issuing(keys, start):
        cuts += found
        start = found[-1]
    elif title and title["num"] and (_fields_tail(keys[start:]) or find_notice_title(plain(title["title"]))):
        dated = TAIL_DATE_RE.match(keys, start)  # the page's date apart from its fields: 2021年5月24日 / 發布機關:…
        return cuts + ([dated.end()] if dated else [])  # a title and its 文号, then the page's fields or the notice's text
    elif cuts:
        return []  # a title or 文号 alone is no one-line notice
    issuing = ISSUING_RE.search(keys, start)
    if issuing is None:
        return cuts
    end = keys.find("。", issuing.end())
    if end < 0:
        return cuts
    end = _signed_after(keys, end)
    signed = SIGNED_RE.match(keys, end + 1)
    if signed is not None and not (cuts or signed["org"]):
        signed = None  # without a 主送, only a 署名 makes a date after a sentence the notice's
    if signed is None and cuts:
        return cuts + _undated(keys, start, end)
    if signed is None or (signed["org"] and not _signs(signed["org"])):
        return cuts + [end + 1] if cuts else []  # a preamble's 经…同意 is no notice
    cuts += [end + 1, signed.start("date"), signed.end("date")]
    if signed["public"]:
        cuts.append(signed.end())
    return cuts + _after_name(keys, signed.end(), _quoted_name(keys[start:end]))


def _title_after_chrome(keys: str, start: int) -> Optional[re.Match]:
    """A notice title after what a page puts before it on the one line (its own title, 来源 and
    date, a breadcrumb), when a 文号 or a 主送 follows the title: the first such title, read from
    the word after a space or a colon. 例：…行动计划 来源:中国电子政务网 更新时间:2016-12-19 深圳市…的通知 深府办函…"""
    issuing = ISSUING_RE.search(keys, start, min(len(keys), start + HEAD_SPAN))
    sentence = keys.find("。", start, issuing.start() if issuing else len(keys))
    stop = sentence if sentence >= 0 else issuing.start() if issuing else start
    for match in TITLE_START_RE.finditer(keys, start, stop):  # the title stands before the 印发 sentence
        title = NOTICE_HEAD_RE.match(keys, match.end())
        if title is None:
            continue
        after = title.end()
        head = RECIPIENTS_HEAD_RE.match(keys, after)
        if title["num"] is not None or (head and recipient_groups(plain(head["head"]))):
            return title
    return None


def _fields_tail(rest: str) -> bool:
    """What follows a title and its 文号 on a line is a page's fields, not prose.
    例：2021年5月24日 發布機關:合肥市人民政府 |"""
    rest = rest.strip()
    return 0 < len(rest) <= FIELDS_TAIL_MAX and not SENTENCE_MARKS_RE.search(rest)


def _recipients_before_issuing(keys: str, start: int) -> list[int]:
    """Cuts around a 主送 that the page's chrome (its source, date, buttons) parts from what
    comes before it: the 主送 ends at the colon before the 印发 sentence and begins after the
    last space before that colon; a 文号 right before it is cut off too.
    例：…信息来源:鄂州政府网 日期:2023-08-22 各区人民政府,市政府各部门: 现将《…》印发给你们"""
    issuing = (ISSUING_RE.search(keys, start, min(len(keys), start + HEAD_SPAN))
               or ADDRESSED_RE.search(keys, start, min(len(keys), start + HEAD_SPAN)))
    if issuing is None:
        return []
    colon = max(keys.rfind(":", start, issuing.start()), keys.rfind("：", start, issuing.start()))
    if colon < 0 or "。" in keys[colon:issuing.start()]:
        return []
    begin = max(keys.rfind(" ", start, colon), keys.rfind("\u3000", start, colon)) + 1
    if begin <= start or not recipient_groups(plain(keys[begin:colon + 1])):
        return []
    number = NUMBER_BEFORE_RECIPIENTS_RE.search(keys, start, begin)
    return ([number.start("num")] if number else []) + [begin, colon + 1]


def _signed_after(keys: str, end: int) -> int:
    """The end of the notice's last sentence: the 印发 sentence's (at `end`), or one of the few
    after it when the 署名 and date follow that one (…请认真贯彻执行。执行中遇到的问题，请径向…反映。 署名 日期)."""
    if SIGNED_RE.match(keys, end + 1) is not None:
        return end
    at = end
    for _ in range(NOTICE_SENTENCES):
        at = keys.find("。", at + 1, at + 1 + SENTENCE_MAX)
        if at < 0:
            return end
        signed = SIGNED_RE.match(keys, at + 1)
        if signed is not None and signed["org"] and _signs(signed["org"]):
            return at
    return end


def _undated(keys: str, start: int, end: int) -> list[int]:
    """Cuts after a 印发 sentence (ending at `end`) whose 署名 has no date but a 附注 after it:
    after the sentence, the 署名 and the 附注, then after the plan's name."""
    signed = UNDATED_RE.match(keys, end + 1)
    if signed is None or not is_organ(signed["org"]):
        return [end + 1]
    return [end + 1, signed.end("org"), signed.end()] + _after_name(keys, signed.end(), _quoted_name(keys[start:end]))


def _after_name(keys: str, after: int, name: Optional[str]) -> list[int]:
    """The cut after the plan's title that opens the text at `after`, when it is `name` (the
    印发 sentence's, not a title in 《》 before it); spaces inside it are layout."""
    after += len(keys[after:]) - len(keys[after:].lstrip())
    garbled = GARBLED_PUBLIC_RE.match(keys, after)
    if garbled:  # a 附注 the page garbled stands between the date and the title
        after = garbled.end() + len(keys[garbled.end():]) - len(keys[garbled.end():].lstrip())
    if not name:
        return []
    named = _name_end(keys, after, name)
    return ([garbled.end()] if garbled and named else []) + named


def _name_end(keys: str, after: int, name: str) -> list[int]:
    """The cut after `name` written from `after` on (spaces inside it are layout)."""
    at = after
    for ch in name:
        while at < len(keys) and keys[at].isspace() and not ch.isspace():
            at += 1
        if at >= len(keys) or keys[at] != ch:
            return []
        at += 1
    return [at]


def _title_cut(text: str) -> list[int]:
    """After the plan's title a one-line text opens with (none when it opens otherwise)."""
    head = TITLE_HEAD_RE.match(simplify(text[:HEAD_SPAN]))  # 規劃 is a 规划 too
    return [head.end("title")] if head and title_of(head["title"]) is not None else []


def _signs(org: str) -> bool:
    """The words before a date name an organ (a 代章 note after it aside). 例：领导小组办公室(代章)"""
    key = plain(org)
    return is_organ(key[:seal_start(key)])


def _quoted_name(sentence: str) -> Optional[str]:
    match = QUOTED_RE.search(sentence)
    return match["name"].strip() if match else None  # 《 2023年…工作要点》: the space is layout


def _cut(line: Line, cuts: list[int]) -> list[Line]:
    pieces, start = [], 0
    for at in cuts + [len(line.text)]:
        piece = strip_layout(line.text[start:at])
        if piece:
            pieces.append(Line(piece, line.line))
        start = max(start, at)
    return pieces
