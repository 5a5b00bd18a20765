"""ingest_document: any supported input file → Plan, with what was dropped and why."""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from planner.errors import SourceError
from planner.gcpause import without_gc_pauses
from planner.model import Loc, Notice, Part, Plan, Role
from planner.parse import meta
from planner.parse.clean import Dropped, Line, strip_chrome
from planner.parse.front import read_front
from planner.parse.linenotes import join_paired, mark_cut
from planner.parse.notice import read_closing, read_imprint
from planner.parse.oneline import split_long_lines
from planner.parse.rejoin import rejoin
from planner.parse.source import read_source
from planner.parse.structure import build_body
from planner.targets import extract_targets
from planner.form.keys import strip_layout
from planner.form.notes import line_rule, note_rule
from planner.form.notice import cited_plan
from planner.form.script import has_cjk

# A PDF line that ends without a sentence mark continues on the next line.
# 例：…持续推进数字经济
PDF_JOIN_END = "。；;：:！!？?）)”》"
# Markdown that `export --format md` writes, and a page saved as Markdown: a link is its words.
# 例：## 一、主要任务 / **1.标题。** / [首页](https://www.shanghai.gov.cn/index.html "首页")
MD_MARKUP_RE = re.compile(r"^#{1,6}\s+|\*\*|\\(?=[#*\[\]()_])")
MD_LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
# A heading line of Markdown: a text file with one is Markdown saved as .txt (a 公文 line never
# opens with #). 例：# 上海市交通委员会关于印发《…》的通知
MD_HEADING_RE = re.compile(r"^#{1,6}\s+\S")
# …or a line wholly in bold (a 公文 line never opens with **). 例：**2024—2025年节能降碳行动方案**
MD_BOLD_LINE_RE = re.compile(r"^\*\*[^*]+\*\*$")
# …or a link to a web address written as Markdown writes it. 例：[首页](https://jjxxw.cq.gov.cn/)
MD_WEB_LINK_RE = re.compile(r"\]\(https?://")
# An HTML entity left in a page's text (a 公文 never writes one). 例：&nbsp;&nbsp;为… / &ldquo;一网通办&rdquo;
ENTITY_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


@dataclass
class Ingested:
    """A parsed document: the plan plus what was dropped from the input and warnings."""

    plan: Plan
    path: str
    format: str
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ingest_document(path: str | os.PathLike) -> Ingested:
    """Read `path` (.txt/.md/.docx/.html/.pdf) into a Plan. Raises SourceError."""
    source = read_source(path)
    name = Path(path).name
    lines, dropped = list(source.lines), list(source.dropped)
    if source.format == "pdf":
        lines = join_wrapped(lines)
    elif source.format == "md" or any(MD_HEADING_RE.match(line.text) or MD_BOLD_LINE_RE.match(line.text.strip())
                                               or MD_WEB_LINK_RE.search(line.text) for line in lines):
        lines = [Line(_markdown_text(line.text), line.line) for line in lines]
    return ingest_lines(lines, name, str(path), source.format, dropped)


def _markdown_text(text: str) -> str:
    """A Markdown line as the words it shows."""
    if "](" in text:
        text = MD_LINK_RE.sub(r"\1", text)
    return MD_MARKUP_RE.sub("", text)


def ingest_text(text: str, name: str = "<text>") -> Ingested:
    """Parse plan text already in memory (one paragraph per line)."""
    lines = [Line(t, n) for n, t in enumerate(text.splitlines(), 1) if t.strip()]
    return ingest_lines(lines, name, name, "txt", [])


@without_gc_pauses
def ingest_lines(lines: list[Line], name: str, path: str, fmt: str,
                 dropped: list[Dropped]) -> Ingested:
    lines = [_stripped(line) for line in lines]
    lines = rejoin([line for line in lines if line.text])
    if not any(has_cjk(line.text) for line in lines):
        raise SourceError("没有找到中文方案正文", path=path,
                          hint="请确认文件是行动方案、工作要点或规划的正文")
    lines, chrome = strip_chrome(lines)
    lines = split_long_lines(lines)
    front = read_front(lines, name)
    notice = front.notice
    first = front.start if front.title_at is None else front.title_at
    first_line = lines[first].line if first < len(lines) else 1
    lines, imprint = _take_imprint(lines[front.start:], notice)
    lines, notice = _take_closing(lines, notice, name)
    lines = join_paired(lines)
    body, toc = build_body(lines, name)
    plan = Plan.model_validate({
        "title": front.title, "notice": notice if notice or imprint else None,
        "preamble": body.preamble, "sections": body.sections, "source": name,
        "loc": Loc(file=name, line=first_line)})
    if plan.title is None:
        plan.cited_name = cited_plan((notice.body if notice else []) + [p.text for p in plan.preamble[:1]])
    _fill_meta(plan, lines)
    mark_cut(plan, lines)
    plan.blanket_rule = _blanket_rule(plan)
    result = Ingested(plan, path, fmt, dropped + chrome + front.dropped + toc, body.warnings)
    if front.title is None:
        result.warnings.append("未找到标题行，方案标题留空")
    return result


def _stripped(line: Line) -> Line:
    text = line.text
    if "&" in text and ENTITY_RE.search(text):
        text = html.unescape(text)  # a page's text copied with its markup's entities: &nbsp;&ldquo;
    text = strip_layout(text)
    return line if text == line.text else Line(text, line.line)


def _take_imprint(lines: list[Line], notice: Optional[Notice]) -> tuple[list[Line], bool]:
    """版记 lines (抄送, 印发) at the end of the text go into the notice."""
    tail_start = max(0, len(lines) - 4)
    holder = notice or Notice()
    used = {tail_start + i for i in read_imprint(lines[tail_start:], holder)}
    if not used:
        return lines, False
    return [line for i, line in enumerate(lines) if i not in used], True


def _take_closing(lines: list[Line], notice: Optional[Notice], name: str) -> tuple[list[Line], Optional[Notice]]:
    """A 署名 and date after the body go into the notice (one is made when the head had none)."""
    holder = notice or Notice(loc=None)
    start, end = read_closing(lines, holder)
    if start == end:
        return lines, notice
    if holder.loc is None:
        holder.loc = Loc(file=name, line=lines[start].line)
    return lines[:start] + lines[end:], holder


def _blanket_rule(plan: Plan) -> Optional[str]:
    """The first rule a note states for all tasks (kept on the plan, not read as units)."""
    noted = False
    for clause in plan.clauses():
        rule = note_rule(clause.responsibility.raw) if clause.responsibility else None
        if rule is None and noted and not clause.responsibility:
            rule = line_rule(clause.text)  # (第一责任单位为牵头单位,下同) after a line's note
        if rule:
            return rule
        noted = clause.responsibility is not None
    return None


def _fill_meta(plan: Plan, lines: list[Line]) -> None:
    notice = plan.notice
    # Without a title line, the name the text cites (《数字威海2021行动方案》) still tells the
    # kind, year and region; it is not the title.
    name = plan.name or ""
    plan.kind = meta.detect_kind(name)
    plan.period = meta.detect_period(name)
    fallback = [str(notice.date.year)] if notice and notice.date else []
    plan.year = None if plan.period else meta.detect_year(name, fallback)
    plan.issuer = "、".join(notice.issuer) if notice and notice.issuer else None
    sample = "\n".join(line.text for line in lines[:200])
    plan.region = meta.detect_region(name, plan.issuer, sample)
    year = plan.year or (plan.period[1] if plan.period else None)
    for part in goal_parts(plan):
        text = "\n".join(p.text for p in part.paragraphs)
        part.targets = extract_targets(text, year)


def goal_parts(plan: Plan) -> Iterator[Part]:
    for section in plan.sections:
        if section.role == Role.GOALS:
            yield section
        for part in section.parts:
            if part.role == Role.GOALS:
                yield part


def join_wrapped(lines: list[Line]) -> list[Line]:
    """PDF text breaks paragraphs at the line end: join lines that stop mid-sentence."""
    from planner.parse.headings import parse_heading
    joined: list[Line] = []
    for line in lines:
        if (joined and not joined[-1].text.rstrip().endswith(tuple(PDF_JOIN_END))
                and parse_heading(line.text) is None and len(joined[-1].text) >= 20):
            joined[-1] = Line(joined[-1].text.rstrip() + line.text.strip(), joined[-1].line)
        else:
            joined.append(line)
    return joined

