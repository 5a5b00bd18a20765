"""Display width of terminal text (a Chinese character takes two columns) and wrapping by it:
Chinese breaks between any two characters, Latin text at spaces, and no line starts with a
closing punctuation mark (，。）” …). Used for the CLI's help, whose columns click measures
in characters."""
from __future__ import annotations

import re
import unicodedata

# One unit of wrapping: a run of spaces, a run of printable ASCII (a word, an option), or any
# other single character. 例：`--format`、`2024`、`方`
TOKEN_RE = re.compile(r" +|[\x21-\x7e]+|.", re.S)
# Marks that may not begin a line (GB/T 15834 标点符号用法: 句内点号、结束引号和括号).
NO_LINE_START = set("，。、；：？！）」』”’》〉】〕…—·%")
# …and marks that may not end one (opening quotes and brackets).
NO_LINE_END = set("（「『“‘《〈【〔")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")  # 例：\x1b[31m


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> float:
    """Width of 公文 text in characters of its line: full-width 1, half-width 0.5 (the GB2312
    fonts' ASCII), the dash, ellipsis and curly quotes full-width."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "—…“”‘’" else 1 for ch in text)


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal (colour codes take none)."""
    text = ANSI_RE.sub("", text)
    if text.isascii():
        return len(text)
    return sum(char_width(char) for char in text)


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` columns (a Latin word longer than a line is cut)."""
    width = max(width, 4)
    lines: list[list[str]] = [[]]
    used = 0
    for token in TOKEN_RE.findall(text):
        size = display_width(token)
        line = lines[-1]
        if token.startswith(" "):
            if line and used + size < width:
                line.append(token)
                used += size
            continue
        if used + size > width and line:
            carried = _break(lines, token)
            used = sum(display_width(t) for t in carried)
        while display_width(token) > width:  # an over-long word: cut it
            head = _fit(token, width - used)
            lines[-1].append(head)
            lines.append([])
            token, used = token[len(head):], 0
        lines[-1].append(token)
        used += display_width(token)
    return ["".join(line).rstrip() for line in lines if line] or [""]


def _break(lines: list[list[str]], token: str) -> list[str]:
    """Start a new line before `token`; a mark that may not start a line takes the last
    character of the line before it along (and that one's, if it is such a mark too)."""
    line = lines[-1]
    while line and line[-1].startswith(" "):
        line.pop()
    carried: list[str] = []
    while (carried or [token])[0][0] in NO_LINE_START and len(line) > 1 and len(carried) < 4:
        carried.insert(0, line.pop())
    lines.append(carried)
    return carried


def _fit(token: str, room: int) -> str:
    out, used = "", 0
    for char in token:
        if used + char_width(char) > max(room, 1) and out:
            break
        out += char
        used += char_width(char)
    return out


def wrap_text(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """click.formatting.wrap_text measured in columns: paragraphs are separated by blank lines,
    one that starts with a line holding only `\\b` is kept as written; a paragraph's own
    indentation is kept."""
    text = text.expandtabs()
    if not preserve_paragraphs:
        return _fill(text.replace("\n", " "), width, initial_indent, subsequent_indent)
    out = []
    for indent, raw, body in _paragraphs(text):
        pad = " " * indent
        if raw:
            out.append("\n".join(initial_indent + pad + line for line in body.splitlines()))
        else:
            out.append(_fill(body, width, initial_indent + pad, subsequent_indent + pad))
    return "\n\n".join(out)


def _fill(text: str, width: int, first: str, rest: str) -> str:
    room = width - max(display_width(first), display_width(rest))
    return "\n".join((rest if n else first) + line for n, line in enumerate(wrap(text, room)))


def _paragraphs(text: str) -> list[tuple[int, bool, str]]:
    found: list[tuple[int, bool, str]] = []
    block: list[str] = []
    indent = 0
    for line in text.splitlines() + [""]:
        if line.strip():
            if not block:
                indent = len(line) - len(line.lstrip())
            block.append(line.strip() if block and block[0].strip() != "\b" else line[indent:])
            continue
        if block:
            raw = block[0].strip() == "\b"
            found.append((indent, raw, "\n".join(block[1:]) if raw else _join(block)))
        block = []
    return found


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one: Chinese lines join without a space, Latin ones with one."""
    out = lines[0].strip()
    for line in lines[1:]:
        line = line.strip()
        wide = out and line and (char_width(out[-1]) == 2 or char_width(line[0]) == 2)
        out += line if wide else " " + line
    return out
