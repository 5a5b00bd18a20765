"""The canonical form of a plan: the model its export (or render) reads back as. The round-trip
tests compare `ingest(export(plan))` with it (locations aside)."""
from __future__ import annotations

import re
from typing import Any

from planner.form.fixes import fix
from planner.form.markers import canonical_marker, stray_end
from planner.form.punctuation import FULL_TO_HALF, HALF_TO_FULL
from planner.form.spots import apply
from planner.form.years import find_time_ranges
from planner.model import Plan
from planner.parse.responsibility import parse_note

# Where a node was read: its place (loc, source) and where a notice field came from (origin).
SKIP_KEYS = {"loc", "source", "origin"}
END_KEYS = {"end", "lead_end"}  # bare marks: `:` → `：` even with no Chinese around


def canonical_plan(plan: Plan) -> Plan:
    """The plan as its export (and render) reads back: text in 公文 form, markers canonical,
    headings without stray end marks, notes re-read."""
    canonical = Plan.model_validate(_canonical(plan.model_dump()))
    for part in canonical.divisions():
        if stray_end(part.marker, part.end, part.run_in):
            part.end = ""
    return canonical


def _canonical(node: Any, key: str = "") -> Any:
    if isinstance(node, dict):
        if key == "responsibility" and node.get("raw"):
            return _note(node)
        return {k: (v if k in SKIP_KEYS else _canonical(v, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_canonical(v, key) for v in node]
    if isinstance(node, str):
        if key == "marker":
            return canonical_marker(node)
        return "".join(HALF_TO_FULL.get(ch, ch) for ch in node) if key in END_KEYS else fix(node)
    return node


def _note(node: dict) -> dict:
    """A responsibility as its written note reads back (unit names may be renamed)."""
    raw = fix(node["raw"])
    parsed = parse_note(raw)
    if parsed is None:
        return dict(node, raw=raw)
    return dict(parsed.model_dump(), loc=node.get("loc"))


def without_locs(node: Any) -> Any:
    """Plain data with every `loc`, `source` and `origin` removed, for comparing plans."""
    if isinstance(node, dict):
        return {k: without_locs(v) for k, v in node.items() if k not in SKIP_KEYS}
    if isinstance(node, list):
        return [without_locs(v) for v in node]
    return node


def width_key(text: str) -> str:
    """Comparison key that ignores punctuation width, year-range dashes and whitespace."""
    ranged = apply(text, find_time_ranges(text, months=False))
    return re.sub(r"\s+", "", ranged.translate(str.maketrans(FULL_TO_HALF)))
