"""A long title in several lines (GB/T 9704-2012 7.3.1): broken between words, shaped as a
梯形 (each line no longer than the one below it) or, for three lines and more, a 菱形 (the
middle line longest), never as an inverted 梯形.
"""
from __future__ import annotations

from itertools import combinations, product
from typing import Iterable, Optional

from planner.check.standard import title_shape
from planner.form.organs import ISSUERS_END_RE
from planner.form.patterns import lazy
from planner.textwidth import NO_LINE_END, NO_LINE_START, text_width

TITLE_CHARS = 20  # 2号 characters on one line of the 156 mm 版心
MAX_EXTRA_LINES = 2  # a title may take this many lines more than its width needs, for its shape
# Shaping tries every choice of breaks: titles longer than this many lines, or with more break
# points than MAX_BREAKS, are left to wrap by themselves. A joint notice of six departments, each
# named in full, takes five lines (即墨区数据局 即墨区发展和改革局 … 即墨区统计局关于印发…的通知).
MAX_LINES, MAX_BREAKS = 5, 40
# When no shape is found at word boundaries: places this many characters either side of where
# even lines would end are tried too (no line opening or ending with a mark GB/T 15834 keeps off).
NEAR = 3
# Where a line may end without splitting a word: after these ...
# 例：…办公室|关于印发… / …关于印发|数字即墨… / 2024年|行动方案 / 《…》|和 / 、| / the space between joint
# issuers (卫生健康委 |教育部), left at the end of its line where it takes no room
BREAK_AFTER_RE = lazy(r"(关于印发|关于转发|关于批转|关于|办公室|办公厅|委员会|\d{4}年|\d{4}—\d{4}年|[》）、]|"
                      r"(?<=\S)[ \u3000]+(?=\S))")
# Verbs a title's phrase opens with: where a word starts, though not where a title is broken
# when it has a shape without (上海市脑机接口未来产业|培育行动方案（2025—2030年）).
PHRASE_START_RE = lazy(r"加快|推进|促进|推动|培育|提升|打造|深化|优化|加强|支持|建设|实施|开展|做好|进一步")
# The spaces between joint issuers. 例：卫生健康委 教育部
SPACE_RE = lazy(r"[ \u3000]+")
# ... and before these: 例：…|关于… / …|《… / …|（2024—2026年） / …方案|的通知 / …|和… / …即墨|2024年…
BREAK_BEFORE_RE = lazy(r"(关于|[《（]|的(通知|意见|决定|批复|报告|函)|[和及与暨](?=[\u4e00-\u9fff《])|"
                       r"(?<!\d)\d{4}(年|—)|(行动|工作|实施)方案|(发展)?规划|工作要点)")


def title_lines(title: str) -> list[str]:
    """The title in as few well-shaped lines as fit the 版心; one line when it fits, or when
    it has no word boundaries to break at (then it wraps by itself)."""
    total = text_width(title)
    if total <= TITLE_CHARS:
        return [title]
    prefix = [0.0]
    for ch in title:  # width of title[:i], once: each candidate split is then O(lines)
        prefix.append(prefix[-1] + text_width(ch))
    breaks = _word_breaks(title)
    fewest = int(-(-total // TITLE_CHARS))
    if fewest > MAX_LINES or len(breaks) > MAX_BREAKS:
        return [title]
    counts = range(fewest, min(fewest + MAX_EXTRA_LINES, MAX_LINES) + 1)
    for count in counts:
        best = _best_split(breaks, prefix, count)
        if best is not None:
            return _lines_at(title, best)
    # No shape at those boundaries: break near even lengths, inside as few words as can be, a
    # verb that opens the title's phrase counting as a word's start (…未来产业|培育行动方案).
    words = frozenset(breaks) | {match.start() for match in PHRASE_START_RE.finditer(title) if match.start()}
    for count in counts:
        windows = [_near(title, prefix, prefix[-1] * line / count) for line in range(1, count)]
        choices = (cuts for cuts in product(*windows) if all(a < b for a, b in zip(cuts, cuts[1:])))
        best = _best(choices, prefix, words)
        if best is not None:
            return _lines_at(title, best)
    return [title]


def _lines_at(title: str, cuts: tuple[int, ...]) -> list[str]:
    edges = [0, *cuts, len(title)]
    return [title[a:b] for a, b in zip(edges, edges[1:])]


def _near(title: str, prefix: list[float], ideal: float) -> list[int]:
    """The places a line may end within NEAR characters of `ideal`: between two characters that
    are not one Latin word, no line opening with a closing mark or ending with an opening one."""
    return [at for at in range(1, len(title)) if abs(prefix[at] - ideal) <= NEAR
            and title[at] not in NO_LINE_START and title[at - 1] not in NO_LINE_END
            and not (title[at - 1].isascii() and title[at].isascii())]


def _word_breaks(title: str) -> list[int]:
    """Positions between two characters where a line may end. Joint issuers named apart with
    spaces break only at those spaces (即墨区发展和改革局 is one name, though 和 may begin a line
    elsewhere)."""
    found = {match.end() for match in BREAK_AFTER_RE.finditer(title)}
    found |= {match.start() for match in BREAK_BEFORE_RE.finditer(title)}
    names = ISSUERS_END_RE.search(title)
    if names and SPACE_RE.search(title, 0, names.start()):
        spaced = {match.end() for match in SPACE_RE.finditer(title, 0, names.start())}
        found = {at for at in found if at >= names.start() or at in spaced}
    return sorted(at for at in found if 0 < at < len(title))


def _best_split(breaks: list[int], prefix: list[float], count: int) -> Optional[tuple[int, ...]]:
    """The break positions giving `count` lines that fit and are best shaped: a 梯形 before a
    菱形, then the most even lengths."""
    return _best(combinations(breaks, count - 1), prefix, frozenset(breaks))


def _best(choices: Iterable[tuple[int, ...]], prefix: list[float], words: frozenset[int]) -> Optional[tuple[int, ...]]:
    """The best shaped of the `choices` of cuts that fit: a 梯形 before a 菱形, then the fewest
    cuts inside a word (not in `words`), then the most even lengths."""
    best, best_score = None, None
    for cuts in choices:
        edges = [0, *cuts, len(prefix) - 1]
        widths = [prefix[b] - prefix[a] for a, b in zip(edges, edges[1:])]
        if max(widths) > TITLE_CHARS:
            continue
        shape = shape_rank(widths)
        if shape is None:
            continue
        mean = sum(widths) / len(widths)
        score = (shape, sum(cut not in words for cut in cuts), sum((w - mean) ** 2 for w in widths))
        if best_score is None or score < best_score:
            best, best_score = cuts, score
    return best


SHAPE_RANK = {"梯形": 0, "菱形": 1}


def shape_rank(widths: list[float]) -> Optional[int]:
    """0 for a 梯形, 1 for a 菱形 (planner.check.standard.title_shape), None otherwise."""
    return SHAPE_RANK.get(title_shape(widths))
