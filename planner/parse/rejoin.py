"""Lines a page's markup broke where the text does not: a crawler that writes each inline
element on a line of its own leaves a mark that may not open a line at the head of the next
(`附件` / `：`, `…各项工作` / `，在确保…`) and a 成文日期 in pieces (`2019` / `年` / `11` / `月` /
`15` / `日`), and a 文号 so too (`华中监能市场` / `﹝` / `2020` / `﹞` / `153号`). A PDF's page break may cut a note inside its label (`…数字交通。（牵头部` / `门：市交通委）`).
All are put back together before anything reads the lines."""
from __future__ import annotations

import re

from planner.form.docnumber import NUMBER_LINE_RE
from planner.form.keys import plain
from planner.form.notes import find_notes
from planner.form.unitlists import CLOSE
from planner.parse.clean import Line
from planner.textwidth import NO_LINE_START

# Marks that never open a line (GB/T 15834): a line opening with one of these goes on the line
# before, and so does a line of marks alone (`：`). Not 。 or a closing bracket at the head of a
# line of words: a page that garbled a bracket writes `。ù思鲃庸_)` for （此件公开发布）.
JOINING = "，、；：,;:"
MARKS = NO_LINE_START | set(",;:?!)")
# A date in pieces, each at most this long.
PIECE_MAX = 4
DATE_PIECES = 6  # 2019 / 年 / 11 / 月 / 15 / 日
DATE_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
NUMBER_PIECES = (5, 4, 3)  # 某监能市场 / ﹝ / 2020 / ﹞ / 153号, or with the brackets on the year's line
NUMBER_PIECE_MAX = 12
CUT_NOTE_MAX = 8  # a note's bracket and the start of its label at the end of a line: （牵头部


def rejoin(lines: list[Line]) -> list[Line]:
    """`lines` with those broken by markup put together again (each keeps its first line's number)."""
    out: list[Line] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        pieces = _date_pieces(lines, at) or _number_pieces(lines, at)
        if pieces:
            out.append(Line("".join(piece.text for piece in lines[at:at + pieces]), line.line))
            at += pieces
            continue
        if out and (line.text[:1] in JOINING or all(ch in MARKS for ch in line.text)
                    or _note_across(out[-1].text, line.text)):
            out[-1] = Line(out[-1].text + line.text, out[-1].line)
        else:
            out.append(line)
        at += 1
    return out


def _date_pieces(lines: list[Line], at: int) -> int:
    """How many lines from `at` are one date in pieces (0 when they are not)."""
    if not lines[at].text.isdigit() or at + DATE_PIECES > len(lines):
        return 0
    run = lines[at:at + DATE_PIECES]
    if any(len(piece.text) > PIECE_MAX for piece in run):
        return 0
    return DATE_PIECES if DATE_RE.fullmatch("".join(piece.text for piece in run)) else 0


def _number_pieces(lines: list[Line], at: int) -> int:
    """How many lines from `at` are one 文号 in pieces (0 when they are not)."""
    for count in NUMBER_PIECES:
        run = lines[at:at + count]
        if len(run) < count or any(len(piece.text.strip()) > NUMBER_PIECE_MAX for piece in run):
            continue
        if NUMBER_LINE_RE.match(plain("".join(piece.text.strip() for piece in run))):
            return count
    return 0


def _note_across(above: str, below: str) -> bool:
    """`above` ends with a note's bracket and the start of its label, and `below` goes on with
    the rest of that note up to its closing bracket."""
    start = max(above.rfind("（"), above.rfind("("), above.rfind("〔"))
    if start < 0 or len(above) - start > CUT_NOTE_MAX or any(ch in CLOSE for ch in above[start:]):
        return False
    joined = above[start:] + below
    spans = find_notes(joined)
    return bool(spans) and spans[0][0] == 0 and spans[0][1] > len(above) - start and joined[spans[0][1] - 1] in CLOSE
