"""A DOCX read back for format checks: its XML parts (document, styles, settings, footers),
parsed safely, found through the package's relationships."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from planner.errors import SourceError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
TWIPS_PER_POINT = 20
HALF_POINTS_PER_POINT = 2
# 例：11906 / -5 / 16pt / 2.54cm (a number of the attribute's unit, or a universal measure)
MEASURE_RE = re.compile(r"\s*(-?\d{1,12}(?:\.\d{1,6})?)\s*(mm|cm|in|pt|pc|pi)?\s*")
POINTS = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0, "pc": 12.0, "pi": 12.0}
# 例：200 / -1 (digits only: int() would also take ² or ١٢)
DECIMAL_RE = re.compile(r"\s*-?[0-9]{1,9}\s*")


@dataclass
class Package:
    """The parts of a DOCX that format checks read."""

    path: Path
    document: object
    styles: Optional[object]
    settings: Optional[object]
    footers: dict[str, object] = field(default_factory=dict)  # relationship id → w:ftr

    @classmethod
    def open(cls, path: Path) -> "Package":
        from planner.parse.package import DOCUMENT, open_zip, parse_part, relationships
        from planner.parse.source import absent_reason

        if not path.is_file():
            raise SourceError("是目录，不是文件" if path.is_dir() else absent_reason(path), path=str(path),
                              hint="请检查路径")
        with open_zip(path) as archive:
            names = set(archive.namelist())
            targets = {rid: (kind, target) for rid, (kind, target) in relationships(archive, path).items()
                       if target in names}

            def first(kind: str):
                return next((parse_part(archive, t, path) for k, t in targets.values() if k == kind), None)

            document = parse_part(archive, DOCUMENT, path)
            footers = {rid: parse_part(archive, target, path) for rid, (kind, target) in targets.items()
                       if kind == "footer"}
            return cls(path, document, first("styles"), first("settings"), footers)

    def body_paragraphs(self) -> Iterator[object]:
        body = self.document.find(W + "body")
        if body is None:
            return
        yield from body.iter(W + "p")

    def sections(self) -> list[object]:
        return list(self.document.iter(W + "sectPr"))


def int_attr(node, name: str) -> Optional[int]:
    """A length attribute (twips) as a whole number; None when absent or no length."""
    return measure(node.get(W + name) if node is not None else None, TWIPS_PER_POINT)


def measure(value: Optional[str], per_point: int) -> Optional[int]:
    """A length written in its unit (twips: per_point 20; half-points, w:sz: 2) or, as strict
    OOXML allows, as a universal measure (`16pt`, `2.5cm`), in that unit; None when absent or
    no finite length (`inf`, `16磅`, 40 digits)."""
    found = MEASURE_RE.fullmatch(value) if value is not None else None
    if found is None:
        return None
    number, unit = float(found.group(1)), found.group(2)
    return round(number * POINTS[unit] * per_point) if unit else round(number)


def whole(value: Optional[str]) -> Optional[int]:
    """A ST_DecimalNumber (firstLineChars, outlineLvl): an integer; None otherwise."""
    return int(value) if value is not None and DECIMAL_RE.fullmatch(value) else None
