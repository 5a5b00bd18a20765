"""行政区划: which place lies within which (places.yaml, from GB/T 2260). A region's parents
are its city and province (即墨区 → 青岛市, 山东省), never the divisions inside it nor a name
that only looks like a place (崂山实验室); the names of every division are what a drafter must
not carry from one region's text into another's."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Optional

from planner.form.patterns import lazy

TABLE_FILE = "places.yaml"
# The level word a division's name ends in. 例：即墨区 / 广饶县 / 青岛市 / 山东省
SUFFIX_RE = lazy(r"(省|市|区|县)$")


@dataclass(frozen=True)
class Division:
    """One division: its full name, GB/T 2260 code, the name it is also written by (None when
    that would be an ordinary word), and the names of the divisions it lies within."""

    name: str
    code: str
    short: Optional[str]
    parents: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.short) if self.short else (self.name,)


def short_form(name: str) -> str:
    """即墨区 → 即墨, 青岛市 → 青岛; a name with nothing left (莒县) stays whole."""
    stripped = SUFFIX_RE.sub("", name)
    return stripped if len(stripped) >= 2 else name


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """Every division of the table, by full name and by short name."""
    import yaml

    text = files(__package__).joinpath(TABLE_FILE).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    found: dict[str, Division] = {}
    for province in data.get("provinces") or ():
        _add(found, province, ())
        for city in province.get("cities") or ():
            _add(found, city, (province["name"],))
            for county in city.get("counties") or ():
                _add(found, county, (city["name"], province["name"]))
    return found


def _add(found: dict[str, Division], entry: dict, parents: tuple[str, ...]) -> None:
    name = entry["name"]
    short = short_form(name) if entry.get("short", True) else None
    division = Division(name, str(entry["code"]), short if short != name else None, parents)
    found[name] = division
    if division.short:
        found.setdefault(division.short, division)


def find_division(name: Optional[str]) -> Optional[Division]:
    """The division `name` writes (full or short name), if the table has it."""
    if not name:
        return None
    table = divisions()
    return table.get(name.strip()) or table.get(short_form(name.strip()))


def parents_of(region: Optional[str]) -> list[str]:
    """The region's city and province, nearest first: 即墨区 → [青岛市, 山东省]; [] when the
    table does not know it."""
    division = find_division(region)
    return list(division.parents) if division else []


def place_names() -> list[str]:
    """Every name a division is written by, longest first (青岛市 before 青岛)."""
    return sorted(divisions(), key=lambda n: (-len(n), n))
