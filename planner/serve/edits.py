"""Editing an outline as the page's form does: set a field, add, remove and move parts, items and
targets. Each operation takes the outline as plain data (what dump_outline writes) and returns
new data; `apply_edit` validates the result, so a bad value is refused with the field named and
nothing is saved."""
from __future__ import annotations

import copy
import re
from typing import Any, Callable, Optional

from planner.draft.outline import Outline, OutlineError, dump_outline, validate_outline
from planner.errors import PlannerError, UserError

# A field path as the page and the error messages write it. 例：parts[0].items[1].heading
PATH_RE = re.compile(r"^(?:(?P<part>parts\[(?P<p>\d+)\]\.)(?:items\[(?P<i>\d+)\]\.)?"
                     r"(?:targets\[(?P<t>\d+)\]\.)?|(?P<notice>notice\.))?(?P<field>[a-z_]+)$")
# Fields a form sets, by the node they belong to; list fields take text split as below.
FIELDS = {
    "outline": {"title", "region", "year", "issuer", "parents", "preamble", "goals", "deadline",
                "outdated"},
    "part": {"title", "role", "text"},
    "item": {"heading", "keywords", "units", "support", "text", "deadline"},
    "target": {"metric", "value", "unit", "qualifier"},
    "notice": {"recipients", "date", "doc_number", "public", "cc", "printer"},
}
LINE_LISTS = {"goals"}  # one entry a line
WORD_LISTS = {"parents", "outdated", "keywords", "units", "support", "recipients", "cc"}
# Between the entries of a list typed on one line. 例：区民政局、区卫生健康局 / 养老，医养结合
LIST_SEPARATORS_RE = re.compile(r"[、，,；;\n]+|\s{1,}")


class EditError(UserError):
    """An operation the outline cannot take (a part or item that is not there)."""


def outline_data(outline: Outline) -> dict:
    """The outline as the plain data its file holds."""
    return outline.model_dump(mode="json", exclude_defaults=True)


def list_value(field: str, text: str) -> list[str]:
    if field in LINE_LISTS:
        return [line.strip() for line in text.splitlines() if line.strip()]
    return [word for word in LIST_SEPARATORS_RE.split(text) if word]


def set_field(data: dict, path: str, value: Any) -> dict:
    """`path` set to `value` (text from the form; '' removes an optional field)."""
    match = PATH_RE.match(path or "")
    if match is None:
        raise EditError(f"无法修改的字段（{path}）")
    field = match["field"]
    node_kind = ("target" if match["t"] else "item" if match["i"] else "part" if match["part"]
                 else "notice" if match["notice"] else "outline")
    if field not in FIELDS[node_kind]:
        raise EditError(f"无法修改的字段（{path}）")
    data = copy.deepcopy(data)
    if node_kind == "notice":
        node = data.setdefault("notice", {})
    else:
        node = _node(data, match["p"], match["i"], match["t"])
    if isinstance(value, str) and (field in LINE_LISTS or field in WORD_LISTS):
        value = list_value(field, value)
    if isinstance(value, str):
        value = value.strip()
    if value in ("", None, []):
        node.pop(field, None)
    else:
        node[field] = value
    return data


def _node(data: dict, part: Optional[str], item: Optional[str], target: Optional[str]) -> dict:
    node = data
    for key, index in (("parts", part), ("items", item), ("targets", target)):
        if index is None:
            break
        entries = node.get(key) or []
        if int(index) >= len(entries):
            raise EditError("要修改的部分或事项不存在（页面可能已过期）", hint="请重新载入页面")
        node = entries[int(index)]
    return node


def _entries(data: dict, part: Optional[int] = None, item: Optional[int] = None) -> list:
    """The list an add, remove or move works on: parts, a part's items, an item's targets."""
    if part is None:
        return data.setdefault("parts", [])
    node = _node(data, str(part), None if item is None else str(item), None)
    return node.setdefault("targets" if item is not None else "items", [])


def _index(entries: list, index: int) -> int:
    if not 0 <= index < len(entries):
        raise EditError("要修改的部分或事项不存在（页面可能已过期）", hint="请重新载入页面")
    return index


def add_part(data: dict, role: str = "tasks", title: str = "新的部分") -> dict:
    """A part at the end of its role's run (tasks before safeguards), with one item to fill."""
    data = copy.deepcopy(data)
    parts = _entries(data)
    part = {"title": title, "items": [{"heading": "新的事项"}]}
    if role == "safeguards":
        part["role"] = "safeguards"
        parts.append(part)
    else:
        at = next((n for n, p in enumerate(parts) if p.get("role") == "safeguards"), len(parts))
        parts.insert(at, part)
    return data


def add_item(data: dict, part: int, heading: str = "新的事项", keywords: str = "") -> dict:
    data = copy.deepcopy(data)
    item: dict = {"heading": heading.strip() or "新的事项"}
    if keywords.strip():
        item["keywords"] = list_value("keywords", keywords)
    _entries(data, part).append(item)
    return data


def add_target(data: dict, part: int, item: int) -> dict:
    data = copy.deepcopy(data)
    _entries(data, part, item).append({"metric": "指标名称"})
    return data


def remove(data: dict, part: int, item: Optional[int] = None, target: Optional[int] = None) -> dict:
    """Remove a part, an item of it, or a target of an item."""
    data = copy.deepcopy(data)
    if target is not None:
        entries = _entries(data, part, item)
        entries.pop(_index(entries, target))
    elif item is not None:
        entries = _entries(data, part)
        entries.pop(_index(entries, item))
    else:
        entries = _entries(data)
        entries.pop(_index(entries, part))
    return data


def move_part(data: dict, part: int, to: int) -> dict:
    data = copy.deepcopy(data)
    parts = _entries(data)
    moved = parts.pop(_index(parts, part))
    parts.insert(max(0, min(to, len(parts))), moved)
    return data


def move_item(data: dict, part: int, item: int, to_part: int, to: int) -> dict:
    """An item to position `to` of part `to_part` (the same part or another: drag and drop)."""
    data = copy.deepcopy(data)
    source = _entries(data, part)
    moved = source.pop(_index(source, item))
    target = _entries(data, _index(_entries(data), to_part))
    target.insert(max(0, min(to, len(target))), moved)
    return data


def use_library(data: dict, part: int, item: int) -> dict:
    """The item's own text removed: draft chooses its clauses from the library again."""
    return set_field(data, f"parts[{part}].items[{item}].text", "")


# Operations the page sends by name; each takes the data and its own arguments.
OPERATIONS: dict[str, Callable[..., dict]] = {
    "set": set_field, "add_part": add_part, "add_item": add_item, "add_target": add_target,
    "remove": remove, "move_part": move_part, "move_item": move_item, "use_library": use_library,
}


def apply_edit(outline: Outline, name: str, args: dict, path: str) -> Outline:
    """The outline after operation `name`; OutlineError (with the field) when the result is no
    valid outline, EditError for an unknown operation or arguments."""
    operation = OPERATIONS.get(name)
    if operation is None:
        raise EditError(f"未知的操作（{name}）")
    try:
        data = operation(outline_data(outline), **args)
    except TypeError:
        raise EditError(f"操作参数不对（{name}）") from None
    return validate_outline(data, path)


def outline_text(outline: Outline, old_text: str = "") -> str:
    """The outline's file text (dump_outline), under the comment lines that opened the old text
    (`# 起草提纲：planner draft …`): a drafter's notes at the top survive a save."""
    head = []
    for line in old_text.splitlines():
        if not line.startswith("#"):
            break
        head.append(line + "\n")
    return "".join(head) + dump_outline(outline)


def error_field(error: PlannerError) -> str:
    """The field an OutlineError names (`parts[0].items[1].heading`), '' for the whole file."""
    found = re.match(r"^([a-z_]+(?:\[\d+\]|\.[a-z_]+)*): ", error.message)
    return found.group(1) if found else ""
