"""The unit registry lint checks notes against: planner's own (planner/form/units.yaml) and the
user's file named in the config, validated here (the registry's lookups: planner.form.units)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.errors import UserError
from planner.form.units import UnitRegistry, shipped_data, shipped_registry


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    short: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    obsolete: list[str] = Field(default_factory=list)
    renamed_to: Optional[str] = None


class RegistryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    units: list[Entry] = Field(default_factory=list)
    others: list[str] = Field(default_factory=list)


def _load(text: str, where: str) -> dict:
    from planner.validation import message
    from planner.yamlmessages import describe

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return RegistryFile.model_validate(yaml.load(text, Loader=loader) or {}).model_dump()
    except yaml.YAMLError as error:
        found = describe(error, text)
        raise UserError(f"单位登记表 YAML 语法错误：{found.message}", path=where, line=found.line,
                        col=found.col, hint=found.hint) from None
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(map(str, first["loc"]))
        raise UserError(f"单位登记表无效（{place}: {message(first)}）", path=where,
                        hint="格式见 planner/form/units.yaml") from None


def load_registry(extra: Optional[Path] = None) -> UnitRegistry:
    if extra is None:
        return shipped_registry()
    registry = UnitRegistry()
    registry.add(shipped_data())
    try:
        text = Path(extra).read_text(encoding="utf-8")
    except OSError as error:
        from planner.errors import os_reason

        raise UserError(f"无法读取单位登记表（{os_reason(error)}）", path=str(extra),
                        hint="请检查配置中 units 的路径") from None
    registry.add(_load(text, str(extra)))
    return registry
