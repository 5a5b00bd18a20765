"""Web-page chrome and news noise: what a scraped page adds around the document body."""
from __future__ import annotations

import re

from planner.form.hanzi import simplify
from planner.parse.portal import DATE_LABELS, label_alone
from planner.parse.source import DroppedLine as Dropped
from planner.parse.source import SourceLine as Line


# Whole lines that are page chrome.
CHROME_LINE_RES = [
    # 例：当前位置: 首页>>本市政策法规 / 您当前的位置: 首页 > 政策法规
    (re.compile(r"^\s*(当前位置|您的位置|你的位置|所在位置|您当前的位置|您现在所在的位置|您当前位置)\s*[:：]"),
     "面包屑导航"),
    # 例：首页 > 政务公开 > 政策文件 / 网站首页>>政策法规 / 首页 » 通知公告
    (re.compile(r"^\s*(?:网站)?首页\s*(?:>|＞|»|›|/)"), "面包屑导航"),
    # 例：东湖区人民政府门户网站 / 中国政府网 (the site's name over its pages)
    (re.compile(r"^\s*[\u4e00-\u9fff]{2,30}(?:门户网站|政府网|政府网站)\s*$"), "网站名称"),
    # 例：返回首页 | 网站地图 | 无障碍 | 长者模式 / 无障碍 关怀版 返回首页
    (re.compile(r"^\s*(?:(?:返回首页|网站首页|首页|网站地图|无障碍|无障碍阅读|长者模式|关怀版|长辈版|English|繁体|简体|登录|注册)"
                r"\s*[|｜/·]?\s*){2,}$"), "网站导航"),
    # 例：您好，欢迎访问东湖区人民政府门户网站！ / 今天是2024年5月6日 星期一
    (re.compile(r"^\s*(?:(?:您好|你好)\s*[,，!！]?\s*)?欢迎(?:访问|来到|光临)|^\s*今天是\s*\d{4}\s*年"), "网页欢迎语"),
    # 例：来源 :东营市人民政府网站 访问次数 : 发布时间:2022-07-07 18:45 打印
    (re.compile(r"^\s*(来源|信息来源|发布机构|发布日期|发布时间|浏览次数|访问次数)\s*[:：].*"
                r"(访问次数|浏览次数|发布时间|发布日期|打印|字号|点击)"), "网页信息栏"),
    # 例：-   /   ·   |   ||||
    (re.compile(r"^\s*[-—–·|•*_=]{1,8}\s*$"), "分隔符"),
    # 例：2022-03-17 访问次数:
    (re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?(?:\s*(?:访问次数|浏览次数|点击))?(?:\s*[:：])?"
                r"(?:\s*\d+)?\s*$"),
     "网页日期"),
    # 例：【打印本页】【关闭窗口】 / 分享到：
    (re.compile(r"^\s*(【?(打印本页|关闭窗口|打印|关闭|返回顶部|收藏)】?\s*)+$"), "网页按钮"),
    # 例：分享到： / 【字体：大 中 小】
    (re.compile(r"^\s*【?\s*(分享到|扫一扫|字号|字体)\s*[:：]?"), "网页按钮"),
    # 例：点赞 / 收藏 / 转发 / 分享:
    (re.compile(r"^\s*(点赞|收藏|转发|分享|评论)\s*[:：]?\s*\d*\s*$"), "网页按钮"),
    # 例：【资料图】 / [图片]
    (re.compile(r"^\s*[【\[](资料图|图片|视频|图)[】\]]\s*$"), "新闻图片占位"),
    # 例：责任编辑:王逸群 / (作者:余博) / 编辑：张三
    (re.compile(r"^\s*(?:[(（]\s*)?(责任编辑|编辑|作者|审核|校对|来源|通讯员)\s*[:：][^。]{0,30}[)）]?\s*$"),
     "新闻署名"),
]
# All of the above in one pattern, tried in the same order (every one is anchored at ^, so the
# first alternative that matches is the first pattern that would). 8 searches → 1 match per line.
CHROME_RE = re.compile("|".join(f"(?P<c{index}>{pattern.pattern})"
                                for index, (pattern, _) in enumerate(CHROME_LINE_RES)))
# The same bar after the page's title on its line. 例：…的实施意见 来源:市政府办公室 访问次数:134 发布日期:…
INFO_BAR_TAIL_RE = re.compile(r"(?<=\S)\s+(?:来源|信息来源|发布机构|发布日期|发布时间)\s*[:：].*"
                              r"(?:访问次数|浏览次数|发布时间|发布日期|打印|字号|点击|分享)")
# A list bullet a page puts before a line. 例：• 煙臺信用制度詳情
BULLET_RE = re.compile(r"^\s*[•●▪]\s*")
# A menu's item: a bullet and a few words, no field's colon. 例：• 政务公开
MENU_ITEM_RE = re.compile(r"^\s*[•●▪]\s*[^\s:：|]{1,8}\s*$")
MENU_RUN_MIN = 3
# …or a number, a space and a few words. 例：1. 现行有效行政规范性文件库
NUMBERED_ITEM_RE = re.compile(r"^\s*(?P<n>\d{1,2})[.．]\s+[^\s:：|。，,]{1,14}\s*$")
NUMBERED_RUN_MIN = 5
# A page's home as the first item of a list: the list is its breadcrumb (a page saved as Markdown).
HOME_RE = re.compile(r"^\s*(?:\d{1,2}[.．]|[•●▪])\s*(?:首页|网站首页|主页)\s*$")
# A first line that is the name of the file the text was saved from. 例：数字某市2025年行动方案.docx
FILE_NAME_RE = re.compile(r"^\s*[^\s/\\。，,；;]{1,120}\.(?:docx?|wps|pdf|txt|html?|ofd|rtf)\s*$", re.IGNORECASE)
# A trailer heading: everything from here to the end is page chrome.
# 例：热点新闻 / 相关链接 / 上一篇：
TRAILER_RE = re.compile(r"^\s*(热点新闻|相关新闻|相关链接|相关阅读|相关文件|推荐阅读|上一篇|下一篇|"
                        r"网站地图|版权所有|主办单位|联系我们)\s*[:：]?")
# …or a page's bracketed mark over what it adds after the text: a download link, a tool's notes.
# 例：【原文下载】- 关于印发….pdf / 【高亮说明】
TRAILER_MARK_RE = re.compile(r"^\s*【(?:原文下载|附件下载|下载附件|相关附件|高亮说明|打印本页|关闭窗口)】")
# A news byline appended to the last paragraph. 例：…协调机制。(青岛日报/观海新闻记者 余博)
BYLINE_TAIL_RE = re.compile(r"(?<=[。！？!?”])\s*[(（][^()（）]{0,30}(记者|通讯员|编辑)[^()（）]{0,20}[)）]\s*$")
BYLINE_WORDS = ("记者", "通讯员", "编辑")
# A literature database's mark that the body text follows (CNKI's abstract pages print it before a
# gazette's text). 例：<正>宁政发[2020]58号各区人民政府,…
BODY_MARK_RE = re.compile(r"^\s*[<＜〈]正[>＞〉]\s*")
# 例：东营市人民政府办公室关于印发…的通知(东政办字〔2022〕36号) is NOT chrome: kept for the notice.


def strip_chrome(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """Split lines into body lines and dropped chrome/noise (with reasons)."""
    kept: list[Line] = []
    dropped: list[Dropped] = []
    trailer = _trailer_start(lines)
    menu = _menu_lines(lines)
    for index, line in enumerate(lines):
        if index >= trailer:
            dropped.append(Dropped(line.text, line.line, "页面尾部链接"))
            continue
        reason = "网站菜单" if index in menu else _chrome_reason(line.text)
        if index == 0 and FILE_NAME_RE.match(line.text):
            reason = "文件名"
        if reason == "网页日期" and index and label_alone(lines[index - 1].text) in DATE_LABELS:
            reason = None  # the value of `成文日期:` named alone on the line above
        if reason:
            dropped.append(Dropped(line.text, line.line, reason))
            continue
        line = _trimmed(line, dropped)
        if line.text.strip():
            kept.append(line)
    return kept, dropped


def _menu_lines(lines: list[Line]) -> set[int]:
    """A page's menus: runs of MENU_RUN_MIN or more bulleted short items (• 首页 / • 政务公开 /
    • 政务服务中心), not bulleted fields (• 文号: …); and runs of numbered short items whose
    numbering starts again at 1 (`1. 目录` / `2. 旗人民政府` / `1. 旗政府工作部门` …), which no
    document's headings do without a heading or text between; and a list whose first item is the
    site's home (`1. 首页` / `2. 政务公开`): a breadcrumb."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(lines + [Line("", 0)]):
        if MENU_ITEM_RE.match(line.text) or NUMBERED_ITEM_RE.match(line.text):
            run.append(index)
            continue
        bullets = [at for at in run if MENU_ITEM_RE.match(lines[at].text)]
        restarts = sum(1 for at in run if (item := NUMBERED_ITEM_RE.match(lines[at].text)) and item["n"] == "1")
        home = bool(run) and HOME_RE.match(lines[run[0]].text) is not None  # a breadcrumb: 1. 首页 / 2. 政务公开
        if len(bullets) >= MENU_RUN_MIN or (len(run) >= NUMBERED_RUN_MIN and restarts >= 2) or (home and len(run) >= 2):
            found.update(run)
        run = []
    return found


def _trimmed(line: Line, dropped: list[Dropped]) -> Line:
    """The line without what a page adds at its ends: a list bullet or a database's body mark
    before it, the page's info bar or a news byline after it."""
    text = BULLET_RE.sub("", line.text, count=1)
    mark = BODY_MARK_RE.match(text)
    if mark:
        dropped.append(Dropped(mark.group().strip(), line.line, "文献库正文标记"))
        text = text[mark.end():]
    for split, reason in ((_split_info_bar, "网页信息栏"), (_split_byline, "新闻署名")):
        text, tail = split(text)
        if tail:
            dropped.append(Dropped(tail, line.line, reason))
    return line if text == line.text else Line(text, line.line)


def _split_info_bar(text: str) -> tuple[str, str]:
    """`…的实施意见(某政办发〔2019〕7号) 来源:市政府办公室 访问次数:134 发布日期:2019-07-01`: the
    page's info bar after its title on the title's line (read on the simplified text)."""
    if len(text) > MAX_CHROME_LINE or (bar := INFO_BAR_TAIL_RE.search(simplify(text))) is None:
        return text, ""
    return text[:bar.start()].rstrip(), text[bar.start():].strip()


def _trailer_start(lines: list[Line]) -> int:
    """Index of a trailer heading in the last third of the text (or len(lines)): the first of a
    page's bracketed marks there, else the last trailer heading."""
    floor = (len(lines) * 2) // 3
    marks = [index for index in range(floor, len(lines)) if TRAILER_MARK_RE.match(lines[index].text)]
    if marks:
        return marks[0]
    for index in range(len(lines) - 1, floor - 1, -1):
        if TRAILER_RE.match(lines[index].text) and len(lines[index].text.strip()) <= 12:
            start = index
            while start > 0 and _chrome_reason(lines[start - 1].text) == "分隔符":
                start -= 1
            return start
    return len(lines)


# Chrome lines are short; a long line is never one, and the patterns' leading \s* runs would
# cost quadratic time on a line of 100k spaces (found by the long fuzzing run: 108 s).
MAX_CHROME_LINE = 200


def _chrome_reason(text: str) -> str | None:
    if len(text) > MAX_CHROME_LINE:
        return None
    match = CHROME_RE.match(text)
    if match is None:
        return None
    return CHROME_LINE_RES[int(match.lastgroup[1:])][1]  # the c<index> group closes last


def _split_byline(text: str) -> tuple[str, str]:
    # What BYLINE_TAIL_RE needs, checked cheaply first: the search tries every 。 of the line.
    if not text.rstrip().endswith((")", "）")) or not any(word in text for word in BYLINE_WORDS):
        return text, ""
    match = BYLINE_TAIL_RE.search(text)
    if not match or match.start() == 0:
        return text, ""
    return text[:match.start()], text[match.start():]
