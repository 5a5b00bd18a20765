"""A plan as plain data, the form its files hold: whole (`plan_data`) or made element by element
as it is written (`plan_pieces`)."""
from __future__ import annotations

import functools
import typing
from typing import Any, Iterator

from pydantic import BaseModel

from planner.model import Plan


def plan_data(plan: Plan) -> dict:
    """The plan as plain data: defaults left out, the responsibility keys always present,
    a division's `role` first."""
    return _tidy(plan.model_dump(mode="json", exclude_defaults=True))


def plan_pieces(plan: Plan) -> dict:
    """`plan_data`, with every non-empty list of divisions, paragraphs and clauses an iterator
    that makes each element's data as it is written (yamlstream): the plan's data is never
    all in memory at once."""
    return _pieces(plan, Plan)


def _pieces(model: BaseModel, declared: type[BaseModel]) -> dict:
    # The declared type's serializer, as in its parent's dump: a Section in `parts` is a Part.
    lazy = {name: getattr(model, name) for name in _model_lists(declared) if getattr(model, name)}
    data = declared.__pydantic_serializer__.to_python(model, mode="json", exclude_defaults=True,
                                                      exclude=set(lazy))
    return _tidy_keys({name: _each(lazy[name], kind) if name in lazy else _tidy(data[name])
                       for name, kind in _field_types(declared) if name in lazy or name in data})


def _each(models: list, declared: type[BaseModel]) -> Iterator[dict]:
    return (_pieces(model, declared) for model in models)


@functools.cache
def _field_types(declared: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """Each field's name, and the model its list holds (None for other fields)."""
    found = []
    for name, field in declared.model_fields.items():
        args = typing.get_args(field.annotation)
        listed = typing.get_origin(field.annotation) is list and isinstance(args[0], type) \
            and issubclass(args[0], BaseModel)
        found.append((name, args[0] if listed else None))
    return tuple(found)


def _model_lists(declared: type[BaseModel]) -> list[str]:
    return [name for name, kind in _field_types(declared) if kind is not None]


def _tidy(node: Any) -> Any:
    if isinstance(node, list):
        return [_tidy(value) for value in node]
    if not isinstance(node, dict):
        return node
    return _tidy_keys({key: _tidy(value) for key, value in node.items()})


def _tidy_keys(data: dict) -> dict:
    resp = data.get("responsibility")
    if isinstance(resp, dict):
        data["responsibility"] = {"lead": resp.get("lead", []), "support": resp.get("support", []),
                                  **resp}
    if "role" in data:
        data = {"role": data.pop("role"), **data}
    return data
