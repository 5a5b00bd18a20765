"""The unit registry lint checks notes against: planner's own (planner/form/units.yaml) and the
user's file named in the config, validated here (the registry's lookups: planner.form.units)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

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


def _load(data: Any, where: str) -> dict:
    try:
        return RegistryFile.model_validate(data or {}).model_dump()
    except ValidationError as error:
        from planner.planfile import dotted
        from planner.validation import message

        first = error.errors()[0]
        raise UserError(f"单位登记表无效（{dotted(first['loc'])}：{message(first)}）",
                        path=where,
                        hint="格式见 planner/form/units.yaml") from None


def load_registry(extra: Optional[Path] = None) -> UnitRegistry:
    if extra is None:
        return shipped_registry()
    from planner.lint.config import read_yaml_file

    registry = UnitRegistry()
    registry.add(shipped_data())
    if not Path(extra).is_file():
        raise UserError("找不到单位登记表" if not Path(extra).exists() else "单位登记表不是文件",
                        path=str(extra), hint="请检查配置中 units 的路径")
    registry.add(_load(read_yaml_file(Path(extra), "单位登记表"), str(extra)))
    return registry
