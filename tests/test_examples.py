"""Generated files under examples/ are the tool's output: regenerate and compare (drift test)."""
from __future__ import annotations

from pathlib import Path

import pytest

from planner.parse.document import ingest_document
from planner.planfile import dump_plan, load_plan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "examples" / "corpus").glob("*.txt"))
PLANS = ROOT / "examples" / "plans"
REGENERATE = "planner ingest examples/corpus/*.txt -o examples/plans"


@pytest.mark.parametrize("source", CORPUS, ids=[p.stem[:3] for p in CORPUS])
def test_committed_plan_matches_ingest(source):
    committed = PLANS / f"{source.stem}.yaml"
    assert committed.exists(), f"缺少 {committed.name}；请运行 {REGENERATE}"
    fresh = dump_plan(ingest_document(source).plan)
    assert committed.read_text(encoding="utf-8") == fresh, f"{committed.name} 已过期；请运行 {REGENERATE}"


@pytest.mark.parametrize("source", CORPUS, ids=[p.stem[:3] for p in CORPUS])
def test_committed_plan_loads_back_to_the_same_model(source):
    assert load_plan(PLANS / f"{source.stem}.yaml") == ingest_document(source).plan
