"""A draft under lint: the plan model plus its text as spans that know their file position.

Rules read `draft.plan` for structure and `draft.spans` for wording. A Span is a run of text
(a txt line without its numbering marker, or one YAML string value) with its line, column and
offset in the file, so a rule can point at a character and propose an edit of the file text.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from planner.lint.problem import Edit, Problem
from planner.model import Plan
from planner.form.notes import find_notes

# YAML keys whose string values are prose a reader sees; `marker` and `end` are read by
# numbering and heading rules only.
PROSE_KEYS = {"title", "text", "raw", "lead", "body", "recipients", "issuer", "public", "cc",
              "printer", "doc_number"}
SHAPE_KEYS = {"marker", "end"}


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


@dataclass(frozen=True)
class FileForm:
    """A text file's encoding, byte-order mark and line ending, as read: `--fix` writes the
    file back in them, so a GB18030 draft with CRLF lines (Notepad, WPS) stays one."""
    codec: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"

    @classmethod
    def of(cls, data: bytes, codec: str) -> "FileForm":
        """The form of `data`, decoded with `codec` (utf-8, gb18030 or utf-16)."""
        marks = {"utf-8": (b"\xef\xbb\xbf",), "utf-16": (b"\xff\xfe", b"\xfe\xff")}.get(codec, ())
        bom = next((mark for mark in marks if data.startswith(mark)), b"")  # GB18030 has none
        if codec == "utf-16":
            codec = "utf-16-be" if bom == b"\xfe\xff" else "utf-16-le"
        crlf, cr = "\r\n".encode(codec), "\r".encode(codec)
        newline = "\r\n" if crlf in data else "\r" if cr in data else "\n"
        return cls(codec, bom, newline)

    def encode(self, text: str) -> bytes:
        """`text` (lines ending in \\n) as the file held it."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return self.bom + text.encode(self.codec)


@dataclass
class Draft:
    path: str
    fmt: str  # yaml | txt | docx | html | md | pdf
    text: str  # the file text (newlines normalised); '' when not a text file
    plan: Plan
    spans: list[Span]
    units: Any = None  # planner.form.units.UnitRegistry, set by the engine
    directives: list = field(default_factory=list)
    _nodes: dict = field(default_factory=dict)  # id(model node) -> yaml MappingNode
    _scalars: dict = field(default_factory=dict)  # id(yaml ScalarNode) -> Span
    _lines: dict = field(default_factory=dict)  # (line, field) -> Span for text files
    cache: dict = field(default_factory=dict)  # what several rules compute alike (notes, units)
    _note_units: dict = field(default_factory=dict)  # id(raw span) -> unit name spans (YAML)
    _prose: Any = None  # (number of spans, prose spans, joined): asked by every text rule
    screened: Optional[list] = None  # set by the engine for a rule with a SCREEN
    tables_only: bool = False  # a DOCX whose content is all in tables (a 分工表 on its own)
    form: FileForm = FileForm()  # how the file was stored, so --fix writes it back the same way
    refused: set = field(default_factory=set)  # fixes --fix refused (planner.lint.guard.key)

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
