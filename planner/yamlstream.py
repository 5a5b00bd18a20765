"""Data written as YAML and JSON piece by piece, byte for byte as the whole-tree dumps write it.

`yaml.dump` first represents the whole document as a tree of nodes, then serialises it: for the
21 MB plan file of a 4 MB text the nodes took 385 MB. Here the serialiser's events are made from
the data one value at a time and handed to the same emitter (libyaml's when installed), so the
emitter sees the same events and writes the same bytes while only the path to the current value
is held. A sequence may be any iterator (a list made element by element), so the caller need not
build the whole data either. `write_json` walks the data the same way for `json.dumps` with
`indent`, which otherwise joins a list of every piece of the text.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterator

import yaml
from yaml.events import (DocumentEndEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent,
                         ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent,
                         StreamStartEvent)
from yaml.nodes import ScalarNode

SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MAP_TAG, SEQ_TAG, STR_TAG = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str"
JSON_INDENT = "  "


def is_sequence(value: Any) -> bool:
    """A list, or an iterator standing for one (the data is plain: dicts, lists and scalars)."""
    kind = type(value)
    return kind is list or (kind is not str and kind is not dict and isinstance(value, Iterator))


def write_yaml(data: Any, write: Callable[[str], Any], width: int = 100) -> None:
    """What `yaml.dump(data, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False,
    width=width)` returns, passed to `write` a piece at a time. The data holds no object twice
    (plan data never does; yaml.dump would write anchors and aliases for it)."""
    dumper = SAFE_DUMPER(_Sink(write), allow_unicode=True, width=width, sort_keys=False)
    try:
        dumper.emit(StreamStartEvent(encoding=None))
        dumper.emit(DocumentStartEvent(explicit=False))
        for event in _node_events(data, dumper):
            dumper.emit(event)
        dumper.emit(DocumentEndEvent(explicit=False))
        dumper.emit(StreamEndEvent())
    finally:
        dumper.dispose()


class _Sink:
    """The stream the emitter writes to. `encoding` makes libyaml's emitter pass text, as it
    does to the StringIO of `yaml.dump`."""

    encoding = None

    def __init__(self, write: Callable[[str], Any]) -> None:
        self.write = write


def _node_events(data: Any, dumper: Any) -> Iterator[Any]:
    """The serialiser's events for `data`, depth first, with an explicit stack (no recursion
    limit below the loaders')."""
    stack: list[tuple[Iterator[Any], Any]] = [(iter((data,)), None)]
    while stack:
        for value in stack[-1][0]:
            if type(value) is str:
                yield _str_event(value, dumper)
                continue
            if type(value) is dict:
                yield MappingStartEvent(None, MAP_TAG, True, flow_style=False)
                stack.append((_flat_pairs(value), MappingEndEvent))
                break
            if is_sequence(value):
                yield SequenceStartEvent(None, SEQ_TAG, True, flow_style=False)
                stack.append((iter(value), SequenceEndEvent))
                break
            yield _scalar_event(value, dumper)
        else:
            end = stack.pop()[1]
            if end is not None:
                yield end()


def _flat_pairs(mapping: dict) -> Iterator[Any]:
    for key, value in mapping.items():
        yield key
        yield value


def _str_event(value: str, dumper: Any) -> ScalarEvent:
    """`_scalar_event` for a str, without making its node (SafeRepresenter.represent_str)."""
    implicit = (dumper.resolve(ScalarNode, value, (True, False)) == STR_TAG,
                dumper.resolve(ScalarNode, value, (False, True)) == STR_TAG)
    return ScalarEvent(None, STR_TAG, implicit, value, style=dumper.default_style)


def _scalar_event(value: Any, dumper: Any) -> ScalarEvent:
    """A scalar as the representer makes its node and the serialiser its event: the tag, and
    whether the tag may be left out of a plain or a quoted scalar (`'123'` is quoted because
    plain 123 would be read as an int)."""
    node = dumper.represent_data(value)
    if not isinstance(node, ScalarNode):
        raise TypeError(f"not plain data: {type(value).__name__}")
    implicit = (dumper.resolve(ScalarNode, node.value, (True, False)) == node.tag,
                dumper.resolve(ScalarNode, node.value, (False, True)) == node.tag)
    return ScalarEvent(None, node.tag, implicit, node.value, style=node.style)


def write_json(data: Any, write: Callable[[str], Any]) -> None:
    """What `json.dumps(data, ensure_ascii=False, indent=2)` returns, a piece at a time:
    containers are walked (a sequence may be an iterator), scalars written by json's encoder."""
    stack: list[list[Any]] = []  # [items, keyed, closing bracket, values written]
    value: Any = data
    while True:
        if type(value) is dict:
            write("{")
            stack.append([iter(value.items()), True, "}", 0])
        elif is_sequence(value):
            write("[")
            stack.append([((None, v) for v in value), False, "]", 0])
        else:
            write(_JSON.encode(value))
        value = _next_json_value(stack, write)
        if value is _DONE:
            return


_JSON = json.JSONEncoder(ensure_ascii=False, indent=2)
_DONE = object()


def _next_json_value(stack: list[list[Any]], write: Callable[[str], Any]) -> Any:
    """Close what is finished and write the next value's line break, indent and key; _DONE
    at the end."""
    while stack:
        top = stack[-1]
        for key, value in top[0]:
            head = ",\n" if top[3] else "\n"
            top[3] += 1
            write(head + JSON_INDENT * len(stack) + (_json_key(key) + ": " if top[1] else ""))
            return value
        stack.pop()
        write(("\n" + JSON_INDENT * len(stack) if top[3] else "") + top[2])
    return _DONE


def _json_key(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"not plain data: a key of type {type(key).__name__}")
    return _JSON.encode(key)
