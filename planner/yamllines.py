"""YAML in the plain block form planner writes, read line by line without libyaml's events.

A plan file of 20000 tasks is some 300,000 lines and 920,000 parse events; libyaml hands each
event to Python as an object with two marks, which is most of what reading the file costs.
Most plan files are what `dump_plan` wrote: block mappings and sequences, one `key: value` a
line, values plain or single-quoted on their line. `load` reads exactly that form and gives
the data `yamlevents.load` gives; anything else — a tab, a control character, a comment after
a value, a flow collection other than `[]`/`{}`, a double-quoted, block or multi-line scalar,
an anchor, a tag, a second document, a duplicate key, nesting past yamlevents.MAX_DEPTH, a
value its tag cannot hold — is DECLINED, and the caller reads the text with libyaml, which
accepts it or places the error at file:line:col. Declining is always safe; accepting is only
done where the YAML rules leave one reading.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

from planner.yamlevents import MAX_DEPTH, RESOLVABLE_FIRST, SCALAR_ERRORS, STR_TAG

DECLINED = object()
# Characters that make a text not the plain form: what YAML forbids or reads as a line break
# (C0/C1 controls, surrogates, U+FFFE/U+FFFF, U+2028/U+2029, a BOM inside), and tabs and CRs,
# which change how lines and indentation are read. 例：\t / \r / \x85
UNUSUAL_RE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u2028\u2029]")
# A key planner's model uses. 例：title / run_in
KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A plain scalar's first character that makes it something else (an indicator). 例：- / ' / [ / &
INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
EMPTY_FLOW = {"[]": list, "{}": dict}
NOT_TEXT_FIRST = INDICATORS | RESOLVABLE_FIRST | {" "}


class _Declined(Exception):
    """The text is not in the plain form: read it with libyaml."""


def load(text: str) -> Any:
    """The data of `text`, as yamlevents.load gives it, or DECLINED."""
    if UNUSUAL_RE.search(text) is not None:
        return DECLINED
    indents, contents = [], []
    for line in text.split("\n"):
        content = line.lstrip(" ")
        if content and content[0] != "#":  # blank lines and whole-line comments carry nothing
            indents.append(len(line) - len(content))
            contents.append(content.rstrip(" "))
    if not indents or indents[0] != 0:
        return DECLINED
    reader = _Reader(indents, contents)
    try:
        data, end = reader.block(0, 0, 0)
    except (_Declined, RecursionError):  # RecursionError: nesting near MAX_DEPTH, deep in a caller's stack
        return DECLINED
    return data if end == len(indents) else DECLINED


class _Reader:
    def __init__(self, indents: list[int], contents: list[str]):
        self.indents, self.contents = indents, contents
        self.keys: dict[str, bool] = {}  # key → whether it reads as a plain string
        self.values: dict[str, Any] = {}  # a plain scalar that is not text → its value
        self.loader: Any = None  # a SafeLoader, made for the first value that is not text

    def block(self, index: int, indent: int, depth: int) -> tuple[Any, int]:
        """The mapping or sequence whose first line is lines[index], at `indent`."""
        content = self.contents[index]
        if content == "-" or content.startswith("- "):
            return self.sequence(index, indent, depth)
        return self.mapping(index, indent, depth)

    def mapping(self, index: int, indent: int, depth: int) -> tuple[dict, int]:
        if depth >= MAX_DEPTH - 1:
            raise _Declined  # libyaml's error to place
        indents, contents, keys, out = self.indents, self.contents, self.keys, {}
        count = len(indents)
        while index < count and indents[index] == indent:
            key, colon, rest = contents[index].partition(": ")
            if not colon:
                if key[-1] != ":":
                    raise _Declined
                key = key[:-1]
            if key in out or not (keys.get(key) or self._plain_key(key)):
                raise _Declined  # a duplicate key is libyaml's error to place
            index += 1
            if rest:
                if index < count and indents[index] > indent:
                    raise _Declined  # a scalar going on over lines
                out[key] = rest if _text_as_is(rest) else self._scalar(rest.lstrip(" "))
            elif index < count and (indents[index] > indent or indents[index] == indent
                                    and (contents[index] == "-" or contents[index].startswith("- "))):
                out[key], index = self.block(index, indents[index], depth + 1)  # a sequence may stand at the key's indent
            else:
                out[key] = None
        if index < count and indents[index] > indent:
            raise _Declined
        return out, index

    def sequence(self, index: int, indent: int, depth: int) -> tuple[list, int]:
        if depth >= MAX_DEPTH - 1:
            raise _Declined
        indents, contents, out = self.indents, self.contents, []
        count = len(indents)
        while index < count and indents[index] == indent:
            content = contents[index]
            if not content.startswith("- "):
                break
            rest = content[2:].lstrip(" ")
            if rest[0] in "-#":
                raise _Declined
            if rest[-1] == ":" or ": " in rest:  # `- key: value`: a mapping at the item's column
                indents[index], contents[index] = len(content) - len(rest) + indent, rest
                value, index = self.mapping(index, indents[index], depth + 1)
            else:
                value, index = self._scalar(rest), index + 1
                if index < count and indents[index] > indent:
                    raise _Declined  # a scalar going on over lines
            out.append(value)
        if index < count and indents[index] > indent:
            raise _Declined
        return out, index

    def _plain_key(self, key: str) -> bool:
        known = self.keys[key] = KEY_RE.fullmatch(key) is not None and self._plain(key) is key
        return known

    def _scalar(self, rest: str) -> Any:
        first = rest[0]
        if first == "'":
            inner = rest[1:-1]
            if len(rest) < 2 or rest[-1] != "'" or "'" in inner.replace("''", ""):
                raise _Declined
            return inner.replace("''", "'")
        if rest in EMPTY_FLOW:
            return EMPTY_FLOW[rest]()
        if first in INDICATORS or ": " in rest or " #" in rest or rest[-1] == ":":
            raise _Declined
        return self._plain(rest)

    def _plain(self, value: str) -> Any:
        """A plain scalar as the SafeLoader's resolver and constructors read it."""
        if value[0] not in RESOLVABLE_FIRST:
            return value
        if value in self.values:  # ints, floats, booleans, null, dates: immutable, shared
            return self.values[value]
        if self.loader is None:
            self.loader = yaml.SafeLoader("")
        tag = self.loader.resolve(yaml.ScalarNode, value, (True, False))
        if tag == STR_TAG:
            return value
        try:
            found = self.loader.construct_object(yaml.ScalarNode(tag, value))
        except (yaml.YAMLError, *SCALAR_ERRORS):  # a value its tag cannot hold: libyaml's error to place
            raise _Declined from None
        self.values[value] = found
        return found


def _text_as_is(rest: str) -> bool:
    """Whether a value is plain text as written: no indicator or resolvable first character,
    no `: `, ` #` or closing `:` (most values of a plan; the others go through _scalar)."""
    return (rest[0] not in NOT_TEXT_FIRST and ": " not in rest and " #" not in rest
            and rest[-1] != ":")
