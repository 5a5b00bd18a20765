"""A draft under lint: the plan model plus its text as spans that know their file position.

Rules read `draft.plan` for structure and `draft.spans` for wording. A Span is a run of text
(a txt line without its numbering marker, or one YAML string value) with its line, column and
offset in the file, so a rule can point at a character and propose an edit of the file text.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

import yaml
from pydantic import BaseModel

from planner.gcpause import without_gc_pauses
from planner.lint.problem import Edit, Problem
from planner.lint.suppress import split_directive
from planner.model import Plan
from planner.parse.headings import match_marker
from planner.parse.responsibility import find_notes
from planner.yamlevents import Marked

# YAML keys whose string values are prose a reader sees; `marker` and `end` are read by
# numbering and heading rules only.
PROSE_KEYS = {"title", "text", "raw", "lead", "body", "recipients", "issuer", "public", "cc",
              "printer", "doc_number"}
SHAPE_KEYS = {"marker", "end"}
TEXT_KEYS = PROSE_KEYS | SHAPE_KEYS
# A responsibility's unit names in a plan file: kept apart (no rule reads them as text), so a
# fix of the note `raw` can rename the unit there too.
UNIT_KEYS = {"name", "canonical"}
PLAN_SUFFIXES = (".yaml", ".yml", ".json")
TEXT_SUFFIXES = (".txt", ".text")


@dataclass
class Span:
    """Text at a place. `offset` is where text[0] sits in the file text; None when the file
    cannot be edited there (docx, escaped YAML strings)."""

    text: str
    line: int
    col: int
    offset: Optional[int]
    field: str = "text"
    area: str = ""  # notice | title | preamble | a section role | ''
    plain_yaml: bool = False  # an unquoted YAML scalar: emptied, it must become ''
    # (start, end) file offsets of each character, for folded YAML lines where one space of
    # the value is a line break plus indentation in the file
    index_map: Optional[list[tuple[int, int]]] = None

    @property
    def prose(self) -> bool:
        return self.field not in SHAPE_KEYS

    def at(self, index: int, message: str, fix: Optional[list[Edit]] = None) -> Problem:
        return Problem(self.line, self.col + index, message, list(fix or []))

    def edit(self, start: int, end: int, new: str) -> list[Edit]:
        if self.index_map is not None:
            if start >= end:
                at = self.index_map[start][0] if start < len(self.index_map) \
                    else self.index_map[-1][1]
                return [Edit(at, at, new)]
            return [Edit(self.index_map[start][0], self.index_map[end - 1][1], new)]
        if self.offset is None:
            return []
        if self.plain_yaml and not new and start == 0 and end == len(self.text):
            new = "''"
        return [Edit(self.offset + start, self.offset + end, new)]

    def sub(self, start: int, end: Optional[int] = None, field: Optional[str] = None) -> "Span":
        end = len(self.text) if end is None else end
        return Span(self.text[start:end], self.line, self.col + start,
                    None if self.offset is None else self.offset + start,
                    field or self.field, self.area,
                    self.plain_yaml and start == 0 and end == len(self.text),
                    None if self.index_map is None else self.index_map[start:end])


@dataclass
class Draft:
    path: str
    fmt: str  # yaml | txt | docx | html | md | pdf
    text: str  # the file text (newlines normalised); '' when not a text file
    plan: Plan
    spans: list[Span]
    units: Any = None  # planner.lint.units.UnitRegistry, set by the engine
    directives: list = field(default_factory=list)
    _nodes: dict = field(default_factory=dict)  # id(model node) -> yaml MappingNode
    _scalars: dict = field(default_factory=dict)  # id(yaml ScalarNode) -> Span
    _lines: dict = field(default_factory=dict)  # (line, field) -> Span for text files
    cache: dict = field(default_factory=dict)  # what several rules compute alike (notes, units)
    _note_units: dict = field(default_factory=dict)  # id(raw span) -> unit name spans (YAML)
    _prose: Any = None  # (number of spans, prose spans, joined): asked by every text rule
    screened: Optional[list] = None  # set by the engine for a rule with a SCREEN
    tables_only: bool = False  # a DOCX whose content is all in tables (a 分工表 on its own)

    @property
    def editable(self) -> bool:
        return self.fmt in ("yaml", "txt")

    def prose(self) -> list[Span]:
        """The spans a reader sees as text (not markers or heading ends), in file order;
        while the engine runs a screened rule, only the spans its SCREEN let through."""
        if self.screened is not None:
            return self.screened
        if self._prose is None or self._prose[0] != len(self.spans):
            self._prose = (len(self.spans), [span for span in self.spans if span.prose],
                           None)
        return self._prose[1]

    def joined_prose(self) -> tuple[str, list[int]]:
        """The prose texts joined by line breaks, and where each starts in the joined text."""
        self.prose()
        if self._prose[2] is None:
            starts, at = [], 0
            for span in self._prose[1]:
                starts.append(at)
                at += len(span.text) + 1
            self._prose = (*self._prose[:2], ("\n".join(s.text for s in self._prose[1]), starts))
        return self._prose[2]

    def where(self, node: Any) -> tuple[int, int]:
        """(line, col) of a model node in this file."""
        mapping = self._nodes.get(id(node))
        if mapping is not None:
            return mapping.line + 1, mapping.column + 1
        loc = getattr(node, "loc", None)
        if loc is not None and self.fmt != "yaml":
            span = self._lines.get((loc.line, "marker")) or self._lines.get((loc.line, "text"))
            return loc.line, span.col if span else 1
        return 1, 1

    def field_span(self, node: Any, key: str) -> Optional[Span]:
        """The span of `node.key` (marker, title, end …) where it is written."""
        mapping = self._nodes.get(id(node))
        if mapping is not None:
            value = mapping.children.get(key)
            return self._scalars.get(id(value)) if value is not None else None
        loc = getattr(node, "loc", None)
        if loc is None or self.fmt == "yaml":
            return None
        if key == "marker":
            return self._lines.get((loc.line, "marker"))
        body = self._lines.get((loc.line, "text"))
        value = getattr(node, key, None)
        if key == "end" and body is not None and value and not node.run_in \
                and body.text.rstrip().endswith(value):
            stop = len(body.text.rstrip())
            return body.sub(stop - len(value), stop, "end")
        return body

    def notes(self) -> list[tuple[Span, int, int]]:
        """Responsibility notes as (span, start, end), parentheses included."""
        if "notes" not in self.cache:
            self.cache["notes"] = list(self._find_notes())
        return self.cache["notes"]

    def _find_notes(self) -> Iterator[tuple[Span, int, int]]:
        for span in self.spans:
            if span.field == "raw":
                yield span, 0, len(span.text)
            elif span.field == "text" and self.fmt != "yaml":
                for start, end in find_notes(span.text):
                    yield span, start, end

    def renamed(self, note: Span, old: str, new: str) -> list[Edit]:
        """Edits renaming unit `old` to `new` in the name/canonical fields of the plan file
        responsibility whose note is `note` (nothing for text drafts, where the note is all)."""
        edits = []
        for span in self._note_units.get(id(note), []):
            at = span.text.rfind(old)
            if at >= 0 and span.text.endswith(old) and (span.text == old or span.field == "canonical"):
                edits += span.edit(at, len(span.text), new)
        return edits

    def issue_date(self) -> Optional[dt.date]:
        return self.plan.notice.date if self.plan.notice else None


def screened_spans(draft: "Draft", screen, options) -> list:
    """The prose spans a text rule can find anything in, by its SCREEN: a pattern (or tuple
    of patterns) any finding must match, or a function (text, options) → positions. All
    spans are screened at once over their texts joined by line breaks, so a rule's own loop
    meets only the few spans that need it. tests/test_lint_screens.py holds each SCREEN to
    its rule."""
    prose = draft.prose()
    joined, starts = draft.joined_prose()
    if callable(screen):
        hit = {bisect_right(starts, position) - 1 for position in screen(joined, options)}
    else:
        hit = set()
        for pattern in screen if isinstance(screen, tuple) else (screen,):
            hit.update(_spans_hit(pattern, joined, starts))
    return [prose[i] for i in sorted(hit)]


def _spans_hit(pattern, joined: str, starts: list[int]) -> Iterator[int]:
    """Indexes of the spans `pattern` matches in; after a hit the search goes on from the next
    span, so a pattern that matches often (every bracket) costs one search per span, not one per
    match."""
    position, last = 0, len(starts) - 1
    while (match := pattern.search(joined, position)) is not None:
        index = bisect_right(starts, match.start()) - 1
        yield index
        if index == last:
            return
        position = starts[index + 1]


@without_gc_pauses
def read_draft(path: str | os.PathLike) -> Draft:
    """Read any input planner accepts; PlannerError (exit 2) when it cannot be read."""
    name = str(path)
    lower = name.lower()
    if lower.endswith(PLAN_SUFFIXES):
        from planner.planfile import load_marked_data, read_text, validate_plan
        text = read_text(name).replace("\r\n", "\n")
        data, marked = load_marked_data(text, name)
        return yaml_draft(name, text, validate_plan(data, text, name), marked)
    if lower.endswith(TEXT_SUFFIXES):
        from planner.parse.source import _check_file, decode_text
        _check_file(Path(name))
        text, _ = decode_text(Path(name).read_bytes(), name)
        return text_draft(text, name)
    return document_draft(name)


def text_draft(text: str, name: str = "<text>") -> Draft:
    from planner.parse.clean import Line
    from planner.parse.document import ingest_lines
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    kept, directives = [], []
    for number, raw in enumerate(raw_lines, 1):
        body, directive = split_directive(raw, number)
        if directive is not None:
            directives.append(directive)
        if body.strip():
            kept.append(Line(body.rstrip(), number))
    ingested = ingest_lines(kept, Path(name).name, name, "txt", [])
    dropped = {d.line for d in ingested.dropped}
    draft = Draft(name, "txt", text, ingested.plan, [], directives=directives)
    _line_spans(draft, raw_lines, kept, dropped)
    return draft


def _line_spans(draft: Draft, raw_lines: list[str], kept: list, dropped: set[int]) -> None:
    starts, offset = [], 0
    for raw in raw_lines:
        starts.append(offset)
        offset += len(raw) + 1
    areas = _areas(draft.plan)
    for line in kept:
        if line.line in dropped:
            continue
        text = line.text
        lead = len(text) - len(text.lstrip(" \t\u3000\ufeff"))
        area = _area_of(areas, line.line, draft.plan, text.strip())
        base = Span(text, line.line, 1, starts[line.line - 1], "text", area)
        body = base.sub(lead)
        found = match_marker(body.text)
        if found:
            marker_len = len(body.text) - len(found[3])
            marker = body.sub(0, marker_len, "marker")
            draft.spans.append(marker)
            draft._lines[(line.line, "marker")] = marker
            body = body.sub(marker_len)
        draft.spans.append(body)
        draft._lines[(line.line, "text")] = body


def _areas(plan: Plan) -> list[tuple[int, str]]:
    marks = []
    for section in plan.sections:
        if section.loc is not None:
            marks.append((section.loc.line, section.role.value))
    return sorted(marks)


def _area_of(areas: list[tuple[int, str]], line: int, plan: Plan, text: str) -> str:
    if plan.notice is not None and plan.loc is not None and line < plan.loc.line:
        return "notice"
    if text == plan.title:
        return "title"
    area = "preamble"
    for start, role in areas:
        if start <= line:
            area = role
    return area


def document_draft(name: str) -> Draft:
    from planner.parse.document import ingest_document, ingest_lines
    from planner.parse.source import read_source
    source = read_source(name)
    if source.table_lines:
        # A table (an 附件 such as the 分工表) is checked as text, not read as plan structure.
        body = [line for line in source.lines if line.line not in source.table_lines]
        ingested = ingest_lines(body, Path(name).name, name, source.format, list(source.dropped))
    else:
        ingested = ingest_document(name)
    if source.format == "md":
        from planner.parse.clean import Line
        from planner.parse.document import MD_MARKUP_RE
        source.lines = [Line(MD_MARKUP_RE.sub("", line.text), line.line) for line in source.lines]
    draft = Draft(name, source.format, "", ingested.plan, [])
    # Outside its tables only an 附件 label and a title (…分工表): the body is all table.
    outside = [line for line in source.lines if line.line not in source.table_lines]
    draft.tables_only = bool(source.table_lines) and len(outside) <= 2 and not any(
        match_marker(line.text.strip()) for line in outside)
    dropped = {d.line for d in ingested.dropped}
    areas = _areas(draft.plan)
    for line in source.lines:
        if line.line in dropped or not line.text.strip():
            continue
        text = line.text.strip()
        area = _area_of(areas, line.line, draft.plan, text)
        body = Span(text, line.line, 1, None, "text", area)
        found = match_marker(text)
        if found:
            cut = len(text) - len(found[3])
            draft._lines[(line.line, "marker")] = body.sub(0, cut, "marker")
            draft.spans.append(draft._lines[(line.line, "marker")])
            body = body.sub(cut)
        draft.spans.append(body)
        draft._lines[(line.line, "text")] = body
    return draft


def yaml_draft(name: str, text: str, plan: Plan, marked: Optional[Marked] = None) -> Draft:
    """A plan file's draft; `marked` are its values' places (yamlevents.load_marked), else
    the text is composed again to find them."""
    from planner.lint.suppress import yaml_directives
    is_json = name.lower().endswith(".json")
    draft = Draft(name, "yaml", text, plan, [], directives=[] if is_json else yaml_directives(text))
    if marked is None:
        from planner.planfile import SAFE_LOADER
        from planner.yamlevents import from_node
        try:
            # JSON reads as YAML too (flow style), which gives its strings positions as well.
            marked = from_node(yaml.compose(text, Loader=SAFE_LOADER))
        except yaml.YAMLError:
            return draft
    if marked is None:
        return draft
    _walk_scalars(draft, marked, (), "", text)
    _walk_model(draft, plan, marked)
    return draft


def _walk_scalars(draft: Draft, node: Marked, path: tuple, key: str, text: str,
                  units: Optional[list] = None) -> None:
    children = node.children
    if type(children) is dict:
        if key == "responsibility":
            units = []
        for child_key, value in children.items():
            _walk_scalars(draft, value, path + (child_key,), child_key, text, units)
    elif type(children) is list:
        for index, value in enumerate(children):
            _walk_scalars(draft, value, path + (index,), key, text, units)
    elif node.value and node.tag.endswith(":str") and isinstance(node.value, str):
        if key in UNIT_KEYS and units is not None:
            units.append(_scalar_span(node, text, key, ""))
        elif key in TEXT_KEYS:
            span = _scalar_span(node, text, key, _yaml_area(draft.plan, path))
            draft.spans.append(span)
            draft._scalars[id(node)] = span
            if key == "raw" and units is not None:
                draft._note_units[id(span)] = units


def _scalar_span(node: Marked, text: str, key: str, area: str) -> Span:
    start, end = node.start, node.end
    written = text[start:end]
    quoted = node.style in ("'", '"')
    inner = written[1:-1] if quoted else written
    offset = start + (1 if quoted else 0) if inner == node.value else None
    index_map = None
    if offset is None and node.style != '"':
        index_map = _fold_map(inner, node.value, start + quoted)
    return Span(node.value, node.line + 1, node.column + 1 + quoted,
                offset, key, area, plain_yaml=not quoted, index_map=index_map)


def _fold_map(written: str, value: str, base: int) -> Optional[list[tuple[int, int]]]:
    """File offsets of each character of a folded plain scalar (line breaks and indentation
    in the file read as one space); None when the two cannot be lined up."""
    out, i = [], 0
    for ch in value:
        if i < len(written) and written[i] == ch and ch != "\n":
            out.append((base + i, base + i + 1))
            i += 1
            continue
        if ch == " " and i < len(written) and written[i] == "\n":
            first = i
            i += 1
            while i < len(written) and written[i] in " \t":
                i += 1
            out.append((base + first, base + i))
            continue
        return None
    return out if i == len(written.rstrip()) else None


def _yaml_area(plan: Plan, path: tuple) -> str:
    if not path:
        return ""
    if path[0] == "sections" and len(path) > 1 and isinstance(path[1], int) \
            and path[1] < len(plan.sections):
        return plan.sections[path[1]].role.value
    return {"notice": "notice", "title": "title", "preamble": "preamble"}.get(path[0], "")


def _walk_model(draft: Draft, obj: Any, node: Marked) -> None:
    children = node.children
    if type(children) is dict and isinstance(obj, BaseModel):
        draft._nodes[id(obj)] = node
        for key, value in children.items():
            child = getattr(obj, str(key), None)
            if isinstance(child, (BaseModel, list)):
                _walk_model(draft, child, value)
    elif type(children) is list and isinstance(obj, list):
        for item, value in zip(obj, children):
            _walk_model(draft, item, value)
