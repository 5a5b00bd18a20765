"""YAML data built straight from libyaml's parse events (CSafeLoader's parser).

PyYAML's C loader still composes a node tree and constructs it in Python; for a plan file of
2000 tasks that is 0.9 s, and finding duplicate keys (which it keeps silently) needs a second
compose. Building dicts and lists from the events is one pass: 0.25 s with both checks. Plain
scalars are resolved with the SafeLoader's own resolver and constructors, so the data is the
same as `yaml.safe_load` gives; aliases and duplicate keys are refused with their marks.

`load_marked` builds, in the same pass, a tree of `Marked` places beside the data (what lint
needs to point at a value and edit it), instead of a second parse with `yaml.compose`.
"""
from __future__ import annotations

import binascii
from dataclasses import dataclass
from typing import Any, Optional

import yaml
from yaml import events

STR_TAG = "tag:yaml.org,2002:str"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# Containers open at once. A plan nests parts in parts: 100 levels of them are 200 containers,
# far beyond any real plan (a 60-level plan is a test case); deeper data would exhaust the
# recursion of whatever walks it next (validation, dumping).
MAX_DEPTH = 200
# What a scalar constructor raises on a value its tag cannot hold: `!!int abc` (ValueError),
# `!!bool maybe` (KeyError), `!!timestamp foo` (AttributeError), `!!int ""` (IndexError),
# `2024-02-30` (ValueError), 5000 digits (ValueError: int's digit limit), `!!binary` (binascii).
SCALAR_ERRORS = (ValueError, KeyError, AttributeError, IndexError, TypeError, OverflowError,
                 binascii.Error)
SCALAR, MAPPING_START, MAPPING_END = events.ScalarEvent, events.MappingStartEvent, events.MappingEndEvent
SEQUENCE_START, SEQUENCE_END = events.SequenceStartEvent, events.SequenceEndEvent


@dataclass(slots=True)
class Marked:
    """Where a value is written: offsets [start, end) into the text, 0-based line and column,
    the scalar style ('', "'", '"', '|', '>') and, for a scalar, its string value. A mapping's
    `children` is a dict by key, a sequence's a list; a scalar's is None."""

    start: int
    end: int
    line: int
    column: int
    style: Optional[str] = None
    value: Any = None
    children: Any = None
    tag: str = ""


def available() -> bool:
    return hasattr(yaml, "CSafeLoader")


def load(text: str) -> Any:
    """The single document in `text` (None when empty); yaml.MarkedYAMLError on bad input.
    `load_marked` without the places, in one tight loop: reading a plan file is most of what a
    whole-process render of a large plan costs, and this is the YAML half of it."""
    loader = yaml.CSafeLoader(text)
    get_event = loader.get_event
    stack: list[list] = []  # per open container: [container, is a list, key, has key, key's mark]
    root: Any = None
    documents = 0
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is SCALAR:
                value = event.value  # quoted, or plain text no resolver claims: a str as is
                if event.tag is not None or not (event.style or value and value[0] not in RESOLVABLE_FIRST):
                    value = _scalar(loader, event)
            elif kind is MAPPING_START or kind is SEQUENCE_START:
                value = {} if kind is MAPPING_START else []
            elif kind is MAPPING_END or kind is SEQUENCE_END:
                stack.pop()
                continue
            elif kind is events.StreamEndEvent:
                return root
            else:
                documents = _other_event(event, kind, documents)
                continue
            if not stack:
                root = value
            else:
                frame = stack[-1]
                if frame[1]:
                    frame[0].append(value)
                elif frame[3]:
                    if frame[2] in frame[0]:
                        raise yaml.MarkedYAMLError(None, None, f"键“{frame[2]}”重复", frame[4])
                    frame[0][frame[2]] = value
                    frame[3] = False
                elif kind is SCALAR:
                    frame[2], frame[3], frame[4] = value, True, event.start_mark
                else:
                    raise yaml.MarkedYAMLError(None, None, "键不能是映射或列表", event.start_mark)
            if kind is not SCALAR:
                if len(stack) >= MAX_DEPTH:
                    raise too_deep(event.start_mark)
                stack.append([value, kind is SEQUENCE_START, None, False, None])
    finally:
        loader.dispose()


def load_marked(text: str) -> tuple[Any, Optional[Marked]]:
    """Like `load`, with the place of every value (None when the document is empty)."""
    loader = yaml.CSafeLoader(text)
    stack: list[list] = []  # [container, pending key, has key, key's mark, marked container]
    root: Any = None
    root_mark: Optional[Marked] = None
    documents = 0
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is events.ScalarEvent:
                value = _scalar(loader, event)
                mark = _mark(event, value, event.style or "")
                if stack:
                    _add(stack, value, event, mark)
                else:
                    root, root_mark = value, mark
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                is_map = kind is events.MappingStartEvent
                container: Any = {} if is_map else []
                mark = _mark(event, None, None, {} if is_map else [])
                if stack:
                    _add(stack, container, event, mark)
                else:
                    root, root_mark = container, mark
                if len(stack) >= MAX_DEPTH:
                    raise too_deep(event.start_mark)
                stack.append([container, None, False, None, mark])
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                stack.pop()[4].end = event.end_mark.index
            elif kind is events.StreamEndEvent:
                return root, root_mark
            else:
                documents = _other_event(event, kind, documents)
    finally:
        loader.dispose()


def _other_event(event, kind: type, documents: int) -> int:
    """Aliases are refused, and a second document; the documents seen so far."""
    if kind is events.AliasEvent or getattr(event, "anchor", None):
        raise yaml.MarkedYAMLError(None, None, "不支持锚点和别名（& 与 *）", event.start_mark)
    if kind is events.DocumentStartEvent:
        documents += 1
        if documents > 1:
            raise yaml.MarkedYAMLError(None, None, "文件中只能有一个 YAML 文档（多了一个 ---）",
                                       event.start_mark)
    return documents


def _mark(event, value: Any, style: Optional[str], children: Any = None) -> Marked:
    start, end = event.start_mark, event.end_mark
    tag = STR_TAG if type(value) is str else ""
    return Marked(start.index, end.index, start.line, start.column, style, value, children, tag)


# First characters of a plain scalar that an implicit resolver (int, float, bool, null, date,
# merge, value) may claim; any other plain scalar (Chinese text, most words) is a string.
RESOLVABLE_FIRST = frozenset(k for k in yaml.SafeLoader.yaml_implicit_resolvers if k is not None)


def _scalar(loader, event) -> Any:
    if event.tag is None and not event.style:  # plain: int, float, bool, null, date or str
        value = event.value
        if value and value[0] not in RESOLVABLE_FIRST:
            return value
        tag = loader.resolve(yaml.ScalarNode, value, event.implicit)
    elif event.tag is None or event.tag == "!":
        return event.value  # quoted: always text
    else:
        tag = event.tag
    if tag == STR_TAG:
        return event.value
    return construct_scalar(loader, yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark))


def construct_scalar(loader, node: yaml.ScalarNode) -> Any:
    """The scalar's value by its tag; a value the tag cannot hold (`2024-02-30`, `!!int abc`,
    5000 digits) is a MarkedYAMLError at the value, never the constructor's own exception."""
    try:
        return loader.construct_object(node)
    except SCALAR_ERRORS:
        raise yaml.MarkedYAMLError(None, None, scalar_problem(node.tag, node.value),
                                   node.start_mark) from None


def scalar_problem(tag: str, value: str) -> str:
    """Why `value` cannot be read as `tag`, in Chinese."""
    shown = value if len(value) <= 40 else value[:20] + "…"
    if tag == TIMESTAMP_TAG:
        return f"日期无效（{shown}）；请写成实有的日期，如 2024-05-31，要当作文字请加引号"
    digits = sum(ch.isdigit() for ch in value[:10_000])
    if digits > 4000:
        return f"数字过长（{digits} 位）"
    name = tag.rsplit(":", 1)[-1]
    return f"取值不能按 !!{name} 读取（{shown}）；请删除标签 !!{name} 或改正取值"


def too_deep(mark) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(None, None, f"嵌套过深（超过 {MAX_DEPTH} 层）", mark)


def _add(stack: list[list], value: Any, event, mark: Marked) -> None:
    top = stack[-1]
    container = top[0]
    if type(container) is list:
        container.append(value)
        top[4].children.append(mark)
    elif not top[2]:
        if isinstance(value, (dict, list)):
            raise yaml.MarkedYAMLError(None, None, "键不能是映射或列表", event.start_mark)
        top[1], top[2], top[3] = value, True, event.start_mark
    else:
        key = top[1]
        if key in container:
            raise yaml.MarkedYAMLError(None, None, f"键“{key}”重复", top[3])
        container[key] = value
        top[4].children[key] = mark
        top[2] = False


def from_node(node: Any) -> Optional[Marked]:
    """A `yaml.compose` node tree as Marked places (for JSON, or without libyaml)."""
    if node is None:
        return None
    start, end = node.start_mark, node.end_mark
    if isinstance(node, yaml.MappingNode):
        children = {key.value: from_node(value) for key, value in node.value}
    elif isinstance(node, yaml.SequenceNode):
        children = [from_node(value) for value in node.value]
    else:
        return Marked(start.index, end.index, start.line, start.column, node.style or "",
                      node.value, None, node.tag)
    return Marked(start.index, end.index, start.line, start.column, None, None, children)
