"""Reading keys: a line as the 公文 patterns read it — simplified characters, no whitespace (nor
an indent a page turned into ?) and no pinyin glosses (`發(fā)`, `關(guan) ` in portal copies) —
with the place of each key character in the line, so what a pattern finds on the key is cut
from the line as written."""
from __future__ import annotations

from dataclasses import dataclass, field

from planner.form.hanzi import simplify
from planner.form.patterns import lazy
from planner.form.script import HAN

# A pinyin gloss a converter left after a character, sometimes repeated. 例：發(fā) / 關(guan) / 區(qū) /
# 能(neng)(neng)
GLOSS = r"\(\s*[a-zāáǎàēéěèêīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\s*\)"
PINYIN_GLOSS_RE = lazy(rf"(?<=[{HAN}])(?:{GLOSS})+")
# Layout, not content: the key drops it. 例：市 人 民 政 府 / 2021 年6 月29 日
SPACE_RE = lazy(r"[\s\u3000\xa0\ufeff\u200b]+")
EDGE_SPACES = " \t\r\n\f\v\u3000\xa0\ufeff\u200b"
# An indent a page re-encoded as ASCII ?: layout too, where it opens a line (inside a line a ?
# stands for a lost character and stays). 例：? ? ? ? ?某市数据局 / ??2025年12月31日
LOST_INDENT_RE = lazy(r"^[\s\u3000\xa0?]*\?[\s\u3000\xa0]*")
# The same after a line's text, where a space stands between: trailing layout. 例：???2018年7月30日 ??
LOST_TRAIL_RE = lazy(r"[\s\u3000\xa0]+\?[\s\u3000\xa0?]*$")
# A full-width open bracket a page mis-decoded as `?。`, where it opens a line or a bracket closes
# after it: the key reads it as `(`. 例：?。?025—2027年) / ?。ù思_發(fā)布) / 方案?。?025—2027年)
LOST_OPEN_RE = lazy(r"(?:^[\s\u3000\xa0]*|(?<=\S))\?。(?=[^\s()（）。]{1,24}[)）]|(?<=^\?。)\S)")


@dataclass(frozen=True)
class Key:
    """`text` is the key of `source`; key character i was read from source[at[i]]."""

    text: str
    source: str
    at: tuple[int, ...]
    glossed: dict[int, int] = field(default_factory=dict)  # key position → end of its gloss

    def cut(self, start: int, end: int) -> str:
        """The part of the source that key[start:end] was read from, glosses kept (a gloss
        goes with the character before it)."""
        if end <= start:
            return ""
        stop = self.glossed.get(end - 1, self.at[end - 1] + 1)
        return self.source[self.at[start]:stop]

    def __len__(self) -> int:
        return len(self.text)


def key_of(text: str) -> Key:
    """The reading key of `text` (one pass; `text` is a line, not a document)."""
    simple = simplify(text)
    skip = [match.span() for match in SPACE_RE.finditer(text)]
    lost = [match.end() for match in LOST_OPEN_RE.finditer(text)] if "?。" in text else []
    for end in lost:
        simple = simple[:end - 2] + "(" + simple[end - 1:]
        skip.append((end - 1, end))
    indent = None if lost else LOST_INDENT_RE.match(text) if text[:1] in "? \u3000\xa0" else None
    if indent:
        skip = [(0, indent.end())] + [span for span in skip if span[0] >= indent.end()]
    trail = LOST_TRAIL_RE.search(text) if text.rstrip().endswith("?") and not lost else None
    if trail and (indent is None or trail.start() >= indent.end()):
        skip = [span for span in skip if span[1] <= trail.start()] + [trail.span()]
    glosses = [match.span() for match in PINYIN_GLOSS_RE.finditer(text)] if "(" in text else []
    chars: list[str] = []
    at: list[int] = []
    ends: dict[int, int] = {}
    cursor = 0
    for start, end in sorted(skip + glosses):
        if start > cursor:
            chars.append(simple[cursor:start])
            at.extend(range(cursor, start))
        if (start, end) in glosses and at:
            ends[len(at) - 1] = end
        cursor = max(cursor, end)
    chars.append(simple[cursor:])
    at.extend(range(cursor, len(text)))
    return Key("".join(chars), text, tuple(at), ends)


def strip_layout(text: str) -> str:
    """`text` without the layout around it: whitespace (zero-width too) and the runs of ASCII ?
    a page made of its indent and its trailing spaces (the key drops them too). A bracket a page
    mis-decoded as `?。` stays. 例：????臨江市人民政府辦公室 ?? → 臨江市人民政府辦公室"""
    text = text.strip(EDGE_SPACES)
    if "?" not in text:
        return text
    indent = LOST_INDENT_RE.match(text)
    start = indent.end() if indent else 0
    if indent and text.startswith("。", start):
        start -= 1  # the indent's last ? is the bracket's: ???。?025—2027年)
    trail = LOST_TRAIL_RE.search(text, start)
    return text[start:trail.start() if trail else len(text)].strip(EDGE_SPACES)


def plain(text: str) -> str:
    """The key alone. 例：關(guān)於 印發 → 关于印发"""
    return key_of(text).text
