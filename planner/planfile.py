"""Plan files (YAML/JSON): load with file:line:col errors, dump in a stable form."""
from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import Any, Optional, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from planner import yamlevents, yamllines
from planner.errors import PlanFileError
from planner.gcpause import without_gc_pauses
from planner.model import Plan
from planner.plandata import plan_data, plan_pieces  # plan_data is also imported from here
from planner.validation import message
from planner.yamlstream import SAFE_DUMPER, write_json, write_yaml  # SAFE_DUMPER: also from here

PLAN_SUFFIXES = (".yaml", ".yml", ".json")
# 例：\ud800 (a UTF-16 half on its own, which only a JSON escape can put in a str)
SURROGATE_RE = re.compile("[\ud800-\udfff]")
LONE_SURROGATE = "JSON 中有孤立的代理项（\\ud800 至 \\udfff 单独出现），不是有效的文字；请删除或改正该转义"
# A plan file planner writes is at most 5 times the text it was read from (parse.source.
# MAX_TEXT_BYTES, 4 MB); dump_plan refuses to write more than it would read back.
MAX_PLAN_BYTES = 32 * 1024 * 1024
ModelT = TypeVar("ModelT", bound=BaseModel)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
class _NoAliasLoader(yaml.SafeLoader):
    """Pure-Python loader that refuses anchors/aliases (alias bombs), duplicate keys, nesting
    deeper than yamlevents.MAX_DEPTH and values their tags cannot hold, as yamlevents does."""

    depth = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "不支持锚点和别名（& 与 *）", event.start_mark)
        if self.depth >= yamlevents.MAX_DEPTH:
            raise yamlevents.too_deep(self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node, deep=False):  # type: ignore[override]
        if isinstance(node, yaml.ScalarNode) and node not in self.constructed_objects:
            try:
                return super().construct_object(node, deep=deep)
            except yamlevents.SCALAR_ERRORS:
                raise yaml.MarkedYAMLError(None, None, yamlevents.scalar_problem(node.tag, node.value),
                                           node.start_mark) from None
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.MarkedYAMLError(None, None, f"键“{key}”重复", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_text(path: str | os.PathLike) -> str:
    return decode_utf8(read_bytes(path), str(path))


def read_bytes(path: str | os.PathLike) -> bytes:
    """A plan file's bytes, refused when missing, a directory, too large or empty."""
    file = Path(path)
    if not file.is_file():
        reason = "是目录，不是文件" if file.is_dir() else "文件不存在"
        raise PlanFileError(reason, path=str(path), hint="请检查路径")
    if file.stat().st_size > MAX_PLAN_BYTES:
        raise PlanFileError(f"文件过大（超过 {MAX_PLAN_BYTES // (1024 * 1024)} MB）", path=str(path),
                            hint="方案文件不应这么大，请检查是否选错文件")
    data = file.read_bytes()
    if not data.strip():
        raise PlanFileError("文件为空", path=str(path), hint="请写入方案内容")
    return data


def decode_utf8(data: bytes, path: str) -> str:
    """UTF-8, with or without a BOM (dropped)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanFileError(f"不是 UTF-8 编码（第 {error.start + 1} 字节）", path=path,
                            hint="请将文件另存为 UTF-8") from None


def load_data(text: str, path: str) -> Any:
    """Parse YAML or JSON text; errors carry file:line:col."""
    return load_marked_data(text, path, marks=False)[0]


def load_marked_data(text: str, path: str, marks: bool = True) -> tuple[Any, Any]:
    """`load_data` with the place of every value (yamlevents.Marked) when libyaml is there;
    the places are None for JSON and without libyaml (lint then composes the text)."""
    if path.endswith(".json"):
        return load_json(text, path), None
    if not marks:
        data = yamllines.load(text)  # the form planner writes, read line by line
        if data is not yamllines.DECLINED:
            return data, None
    try:
        if yamlevents.available():
            return yamlevents.load_marked(text) if marks else (yamlevents.load(text), None)
        return yaml.load(text, Loader=_NoAliasLoader), None
    except yaml.YAMLError as error:
        raise yaml_error(error, text, path) from None


def yaml_error(error: yaml.YAMLError, text: str, path: str) -> PlanFileError:
    """A YAML syntax error as one Chinese line at its cause (planner.yamlmessages)."""
    from planner.yamlmessages import describe

    found = describe(error, text)
    return PlanFileError(f"YAML 语法错误：{found.message}", path=path, line=found.line, col=found.col,
                         hint=found.hint)


def load_json(text: str, path: str) -> Any:
    """JSON data, refused (PlanFileError) when it is malformed, nests deeper than YAML may,
    holds a number too long for Python or a lone surrogate (no UTF-8 file can hold one)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFileError(f"JSON 语法错误：{error.msg}", path=path, line=error.lineno,
                            col=error.colno) from None
    except RecursionError:
        raise PlanFileError(f"JSON 嵌套过深（超过 {yamlevents.MAX_DEPTH} 层）", path=path) from None
    except ValueError:  # int's digit limit (4300 digits)
        raise PlanFileError("JSON 中的数字过长", path=path, hint="请检查是否选错了文件") from None
    problem = json_problem(data, "\\u" in text)
    if problem:
        raise PlanFileError(problem, path=path)
    return data


def json_problem(data: Any, escapes: bool) -> Optional[str]:
    """What the YAML loader refuses, found in loaded JSON data, level by level: nesting deeper
    than yamlevents.MAX_DEPTH, and a lone surrogate (only a `\\ud800` escape makes one, so the
    strings are read only when the text has escapes)."""
    level, depth = [data], 0
    while level:
        deeper: list = []
        for node in level:
            if isinstance(node, dict):
                if escapes and any(map(_lone_surrogate, node)):
                    return LONE_SURROGATE
                deeper.extend(node.values())
            elif isinstance(node, list):
                deeper.extend(node)
            elif escapes and _lone_surrogate(node):
                return LONE_SURROGATE
        depth += 1
        level = deeper if escapes else [node for node in deeper if isinstance(node, (dict, list))]
        if depth >= yamlevents.MAX_DEPTH and any(isinstance(node, (dict, list)) for node in level):
            return f"JSON 嵌套过深（超过 {yamlevents.MAX_DEPTH} 层）"
    return None


def _lone_surrogate(value: Any) -> bool:
    return isinstance(value, str) and not value.isascii() and SURROGATE_RE.search(value) is not None


@without_gc_pauses
def load_plan(path: str | os.PathLike) -> Plan:
    """A plan file as the model. The fast path builds plain data (line by line for the form
    planner writes, else from libyaml's events) and validates it; only an invalid file is
    composed again to place the error (`locate`)."""
    path = str(path)
    text = read_text(path)
    return validate_plan(load_data(text, path), text, path)


def validate_plan(data: Any, text: str, path: str) -> Plan:
    if not isinstance(data, dict):
        raise PlanFileError("顶层应为映射（title: …、sections: …）", path=path, line=1, col=1)
    return validate_model(Plan, data, text, path)


def validate_model(model: type[ModelT], data: Any, text: str, path: str) -> ModelT:
    """`model` from loaded data; the first schema error as `file:line:col: path: 原因`."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = dotted(first["loc"])
        line, col = locate(text, path, first["loc"])
        raise PlanFileError(f"{where}: {message(first)}", path=path, line=line, col=col) from None


DOTTED_KEEP = 6  # a path deeper than twice this shows its first and last steps: a[0].b … c[2].d


def dotted(loc: tuple) -> str:
    if len(loc) > 2 * DOTTED_KEEP:
        return f"{dotted(loc[:DOTTED_KEEP])}…（共 {len(loc)} 层）…{dotted(loc[-DOTTED_KEEP:])}"
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(顶层)"


def locate(text: str, path: str, loc: tuple) -> tuple[Optional[int], Optional[int]]:
    """Line and column of the node at `loc` (the closest existing ancestor)."""
    if path.endswith(".json"):
        return None, None
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return None, None
    mark = node.start_mark if node is not None else None
    for key in loc:
        found = _child(node, key)
        if found is None:
            break
        mark, node = found[0].start_mark, found[1]
    return (mark.line + 1, mark.column + 1) if mark else (None, None)


def _child(node, key):
    """(node whose mark names the place, node to descend into) for one step of a path."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return key_node, value
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key], node.value[key]
    return None


def dump_plan(plan: Plan, fmt: str = "yaml", schema_ref: Optional[str] = None) -> str:
    """The plan file's text: what `yaml.dump` (or `json.dumps` with indent 2) of `plan_data`
    writes, made piece by piece (yamlstream), in a small multiple of the text's memory."""
    out = io.StringIO()
    if fmt == "json":
        write_json(plan_pieces(plan), out.write)
        out.write("\n")
    else:
        if schema_ref:
            out.write(f"# yaml-language-server: $schema={schema_ref}\n")
        write_yaml(plan_pieces(plan), out.write)
    text = out.getvalue()
    check_readable_size(text)
    return text


def check_readable_size(text: str) -> None:
    """A plan file longer than planner reads is never written (it could not be read back)."""
    if len(text) * 4 > MAX_PLAN_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_PLAN_BYTES:
        raise PlanFileError(f"方案过大，写成文件将超过 planner 能读入的 {MAX_PLAN_BYTES // (1024 * 1024)} MB",
                            hint="请把文档拆成几份分别读入")


def read_plan(path: str | os.PathLike) -> Plan:
    """A plan from a plan file (.yaml/.yml/.json) or from any document ingest reads."""
    if str(path).lower().endswith(PLAN_SUFFIXES):
        return load_plan(path)
    from planner.parse.document import ingest_document
    return ingest_document(path).plan


def plan_schema() -> dict:
    schema = Plan.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
