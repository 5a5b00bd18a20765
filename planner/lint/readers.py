"""Reading a draft: a plan file (YAML or JSON, with every value's place), a text, or a document
(docx, html, pdf) becomes a Draft whose spans point back into the file."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic import BaseModel

from planner.gcpause import without_gc_pauses
from planner.lint.draft import PROSE_KEYS, SHAPE_KEYS, Draft, FileForm, Span
from planner.lint.suppress import split_directive
from planner.model import Plan
from planner.form.markers import match_marker
from planner.yamlevents import Marked

TEXT_KEYS = PROSE_KEYS | SHAPE_KEYS
# A responsibility's unit names in a plan file: kept apart (no rule reads them as text), so a
# fix of the note `raw` can rename the unit there too.
UNIT_KEYS = {"name", "canonical"}
PLAN_SUFFIXES = (".yaml", ".yml", ".json")
TEXT_SUFFIXES = (".txt", ".text")


@without_gc_pauses
def read_draft(path: str | os.PathLike) -> Draft:
    """Read any input planner accepts; PlannerError (exit 2) when it cannot be read."""
    name = str(path)
    lower = name.lower()
    if lower.endswith(PLAN_SUFFIXES):
        from planner.planfile import decode_utf8, load_marked_data, read_bytes, validate_plan
        raw = read_bytes(name)
        text = decode_utf8(raw, name).replace("\r\n", "\n")
        data, marked = load_marked_data(text, name)
        draft = yaml_draft(name, text, validate_plan(data, text, name), marked)
        draft.form = FileForm.of(raw, "utf-8")
        return draft
    if lower.endswith(TEXT_SUFFIXES):
        from planner.parse.source import _check_file, check_text, decode_text
        _check_file(Path(name))
        data = Path(name).read_bytes()
        text, codec = decode_text(data, name)
        check_text(text, name)
        draft = text_draft(text, name)
        draft.form = FileForm.of(data, codec)
        return draft
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
            units.append(scalar_span(node, text, key, ""))
        elif key in TEXT_KEYS:
            span = scalar_span(node, text, key, _yaml_area(draft.plan, path))
            draft.spans.append(span)
            draft._scalars[id(node)] = span
            if key == "raw" and units is not None:
                draft._note_units[id(span)] = units


def scalar_span(node: Marked, text: str, key: str, area: str) -> Span:
    """The span of a YAML string value, with the file offsets an edit of it needs (the
    workspace lints an outline's own strings with it too)."""
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
