"""Unit names (单位名称登记表, units.yaml): each unit's full name, its standard short names, the
short names not to use (aliases) and the names before the 2018 reform (obsolete). A written
name is looked up with or without its level prefix (市, 区 …); an alias or an obsolete name
has one standard name to write instead."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Iterator, Optional

from planner.form.notemarks import find_separators, find_stray_marks
from planner.form.notes import unit_spans
from planner.form.patterns import lazy
from planner.form.spots import Spot, apply

REGISTRY_FILE = "units.yaml"
# Level prefix kept apart from the name: 例：市委网信办 → 市 + 委网信办, 区政府办公室 → 区 + 政府办公室
LEVEL_RE = lazy(r"^(省|市|区|县|镇|街道)")
FORMS = ("short", "aliases", "obsolete")
# The forms a writer renames: the name before the 2018 reform, the short name not to use.
RENAMED_FORMS = ("obsolete", "alias")


@dataclass(frozen=True)
class Entry:
    """One unit of the registry (the YAML's fields)."""

    name: str
    short: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    obsolete: tuple[str, ...] = ()
    renamed_to: Optional[str] = None

    @classmethod
    def of(cls, data: dict) -> "Entry":
        return cls(data["name"], *(tuple(data.get(key) or ()) for key in FORMS), data.get("renamed_to"))


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

    def add(self, data: dict) -> None:
        """Add a registry file's contents (`units:` entries, `others:` names)."""
        for entry in map(Entry.of, data.get("units") or ()):
            self.forms[entry.name] = (entry, "name")
            for form, names in (("short", entry.short), ("alias", entry.aliases),
                                ("obsolete", entry.obsolete)):
                for name in names:
                    self.forms.setdefault(name, (entry, form))
        self.others.update(data.get("others") or ())
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


def shipped_data() -> dict:
    """The registry planner ships (trusted: read without validation)."""
    import yaml  # the registry is YAML so users extend it in the same format

    text = files(__package__).joinpath(REGISTRY_FILE).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


@lru_cache(maxsize=1)
def shipped_registry() -> UnitRegistry:
    registry = UnitRegistry()
    registry.add(shipped_data())
    return registry


def find_renames(note: str, registry: UnitRegistry, form: str) -> Iterator[tuple[Spot, str]]:
    """Unit names in note `note` written in the registry's `form` (alias, obsolete), each with
    the spot that writes the standard name and the name as written: `市发改委` → `市发展改革委`."""
    for start, end, collective in unit_spans(note):
        if collective:
            continue
        name = note[start:end]
        match = registry.lookup(name)
        if match is not None and match.form == form:
            yield Spot(start, end, match.standard()), name


def fix_note(note: str, registry: Optional[UnitRegistry] = None) -> str:
    """A note in its one form: stray marks gone, names joined by 顿号, then each obsolete name
    and alias written as its standard name (O006, O004, O002, O003)."""
    if registry is None:
        return _fix_shipped(note)
    note = apply(note, find_stray_marks(note))
    note = apply(note, find_separators(note))
    renames = sorted([spot for form in RENAMED_FORMS for spot, _ in find_renames(note, registry, form)])
    return apply(note, renames)


@lru_cache(maxsize=8192)
def _fix_shipped(note: str) -> str:
    """Notes repeat across a plan (and plans): each is put right once."""
    return fix_note(note, shipped_registry())
