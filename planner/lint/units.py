"""The unit registry (单位名称登记表): canonical names, short forms, aliases and obsolete names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.errors import UserError

REGISTRY_FILE = "units.yaml"
# Level prefix kept apart from the name: 例：市委网信办 → 市 + 委网信办, 区政府办公室 → 区 + 政府办公室
LEVEL_RE = re.compile(r"^(省|市|区|县|镇|街道)")


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


@dataclass(frozen=True)
class Match:
    """How a written name relates to the registry: form is name | short | alias | obsolete | other."""

    entry: Optional[Entry]
    prefix: str
    stem: str
    form: str

    @property
    def key(self) -> str:
        return self.prefix + (self.entry.name if self.entry else self.stem)

    def standard(self) -> str:
        """The name to write instead (for aliases and obsolete names)."""
        if self.entry is None:
            return self.prefix + self.stem
        if self.form == "obsolete":
            # 工商局 → 市场监管局 (a short name for a short one), 国土资源局 → 自然资源和规划局
            short = self.entry.short[0] if self.entry.short and len(self.stem) <= 4 else None
            return self.prefix + (self.entry.renamed_to or short or self.entry.name)
        return self.prefix + (self.entry.short[0] if self.entry.short else self.entry.name)


@dataclass
class UnitRegistry:
    forms: dict[str, tuple[Entry, str]] = field(default_factory=dict)
    others: set[str] = field(default_factory=set)
    _found: dict[str, Optional[Match]] = field(default_factory=dict)  # lookups, by name

    def add(self, data: RegistryFile) -> None:
        for entry in data.units:
            self.forms[entry.name] = (entry, "name")
            for form, names in (("short", entry.short), ("alias", entry.aliases),
                                ("obsolete", entry.obsolete)):
                for name in names:
                    self.forms.setdefault(name, (entry, form))
        self.others.update(data.others)
        self._found.clear()

    def lookup(self, name: str) -> Optional[Match]:
        """The registry entry `name` is a form of (a plan names a few units many times)."""
        if name not in self._found:
            self._found[name] = self._lookup(name)
        return self._found[name]

    def _lookup(self, name: str) -> Optional[Match]:
        name = name.strip()
        if name in self.others:
            return Match(None, "", name, "other")
        if name in self.forms:
            entry, form = self.forms[name]
            return Match(entry, "", name, form)
        level = LEVEL_RE.match(name)
        if level:
            stem = name[level.end():]
            if stem in self.forms:
                entry, form = self.forms[stem]
                return Match(entry, level.group(1), stem, form)
        return None


def _load(text: str, where: str) -> RegistryFile:
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return RegistryFile.model_validate(yaml.load(text, Loader=loader) or {})
    except (yaml.YAMLError, ValidationError) as error:
        first = str(error).splitlines()[0]
        raise UserError(f"单位登记表无效（{first}）", path=where,
                        hint="格式见 planner/lint/units.yaml") from None


def load_registry(extra: Optional[Path] = None) -> UnitRegistry:
    registry = UnitRegistry()
    shipped = files("planner.lint").joinpath(REGISTRY_FILE).read_text(encoding="utf-8")
    registry.add(_load(shipped, REGISTRY_FILE))
    if extra is not None:
        try:
            text = Path(extra).read_text(encoding="utf-8")
        except OSError as error:
            raise UserError(f"无法读取单位登记表（{error.strerror}）", path=str(extra),
                            hint="请检查配置中 units 的路径") from None
        registry.add(_load(text, str(extra)))
    return registry
