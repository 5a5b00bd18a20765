"""Plan files written piece by piece (planner.yamlstream, plan_pieces) are byte for byte what
`yaml.dump` and `json.dumps` of the whole plan data write: for the example plans, the DOCX
goldens, the ingest of every sample and real document, and generated plans and data."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import yamlstream
from planner.model import Part, Plan, Role, Section
from planner.parse.document import ingest_document
from planner.planfile import SURROGATE_RE, dump_plan, load_plan, plan_data
from tests.robustness.inputs import nasty_plan
from test_properties import plans

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PLANS = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
GOLDENS = sorted((ROOT / "tests" / "golden").glob("*.yaml")) + sorted(ROOT.glob("tests/fixtures/real/*/*.yaml"))
SOURCE_DIRS = [ROOT / "examples" / "corpus", *sorted(p for p in (ROOT / "tests/fixtures/real").iterdir() if p.is_dir())]


def whole_yaml(data, dumper=yamlstream.SAFE_DUMPER) -> str:
    """How dump_plan wrote a plan file before it wrote it piece by piece."""
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def whole_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def pieces(write, data) -> str:
    out: list[str] = []
    write(data, out.append)
    return "".join(out)


def assert_dumps_as_whole(plan: Plan) -> None:
    """dump_plan's YAML and JSON equal the whole-tree dumps of plan_data, or both refuse."""
    try:
        data = plan_data(plan)
        expected = [whole_yaml(data), whole_json(data) + "\n"]
    except (yaml.YAMLError, UnicodeEncodeError) as error:  # a lone surrogate cannot be written
        with pytest.raises(type(error)):
            dump_plan(plan)
        return
    assert [dump_plan(plan), dump_plan(plan, "json")] == expected


@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=[p.stem[:3] for p in EXAMPLE_PLANS])
def test_example_plans_are_written_as_committed_and_as_the_whole_dump(path):
    plan = load_plan(path)
    assert dump_plan(plan) == path.read_text(encoding="utf-8")
    assert_dumps_as_whole(plan)


@pytest.mark.parametrize("path", GOLDENS, ids=[p.name for p in GOLDENS])
def test_golden_data_is_written_as_yaml_dump_writes_it(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert pieces(yamlstream.write_yaml, data) == whole_yaml(data)
    try:
        expected = whole_json(data)
    except TypeError:  # a date read from the YAML: json refuses it whole or piece by piece
        with pytest.raises(TypeError):
            pieces(yamlstream.write_json, data)
    else:
        assert pieces(yamlstream.write_json, data) == expected


@pytest.mark.parametrize("folder", SOURCE_DIRS, ids=[p.name for p in SOURCE_DIRS])
def test_the_ingest_of_every_sample_and_real_document_is_written_as_the_whole_dump(folder):
    sources = sorted(path for path in folder.iterdir() if path.suffix in (".txt", ".docx"))
    assert sources
    for source in sources:
        assert_dumps_as_whole(ingest_document(source).plan)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_generated_plans_are_written_as_the_whole_dump(plan):
    assert_dumps_as_whole(plan)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1), st.booleans())
def test_plans_of_hostile_strings_and_deep_parts_are_written_as_the_whole_dump(seed, surrogates):
    """Control characters, line breaks, long text, nested parts: the emitter's line wrapping,
    quoting and escapes at every depth. Most plans hold a lone surrogate somewhere (both dumps
    refuse it), so half of them have it replaced."""
    data = nasty_plan(random.Random(seed))
    if not surrogates:
        data = json.loads(SURROGATE_RE.sub("\ufffd", json.dumps(data, ensure_ascii=False)))
    assert_dumps_as_whole(Plan.model_validate(data))


# Scalars that make the emitter quote, escape, wrap or tag: what plain text would read as
# another type, leading and trailing spaces, breaks, YAML indicators, long runs with spaces.
SPECIAL = st.sampled_from(["", " ", "123", "1.5", "yes", "null", "~", "2024-05-31", "- a", "a: b", "#c",
                           "'", '"', "a\nb", "a\n\nb", " lead", "trail ", "\t", "\x85", "\u2028", "…",
                           "推进 " * 40, "x " * 120, "长" * 150])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), SPECIAL,
                    st.text(max_size=30), st.lists(SPECIAL, min_size=1, max_size=6).map(" ".join))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(SPECIAL, st.text(max_size=8)), inner, max_size=4)),
    max_leaves=40)


def iterators(data):
    """The data with every list an iterator, as plan_pieces gives its lists."""
    if isinstance(data, list):
        return iter([iterators(value) for value in data])
    if isinstance(data, dict):
        return {key: iterators(value) for key, value in data.items()}
    return data


@settings(max_examples=300, deadline=None)
@given(DATA)
def test_any_plain_data_is_written_as_yaml_dump_and_json_dumps_write_it(data):
    try:
        expected = whole_yaml(data)
    except (yaml.YAMLError, UnicodeEncodeError) as error:
        with pytest.raises(type(error)):
            pieces(yamlstream.write_yaml, data)
    else:
        assert pieces(yamlstream.write_yaml, data) == expected
        assert pieces(yamlstream.write_yaml, iterators(data)) == expected
    assert pieces(yamlstream.write_json, iterators(data)) == whole_json(data)


def test_the_pure_python_emitter_writes_as_its_whole_dump(monkeypatch):
    """Without libyaml planner falls back on PyYAML's own emitter; the events are the same."""
    monkeypatch.setattr(yamlstream, "SAFE_DUMPER", yaml.SafeDumper)
    plan = load_plan(EXAMPLE_PLANS[0])
    assert dump_plan(plan) == whole_yaml(plan_data(plan), yaml.SafeDumper)


def test_a_section_among_parts_is_written_as_its_declared_type():
    """A Section in `parts` is dumped as a Part (its `role: other` is not a default there)."""
    plan = Plan(title="方案", sections=[Section(role=Role.TASKS, title="主要任务", parts=[
        Part(title="甲"), Section(title="乙", role=Role.OTHER)])])
    assert "role: other" in dump_plan(plan)
    assert_dumps_as_whole(plan)


def test_a_schema_reference_heads_the_yaml():
    plan = load_plan(EXAMPLE_PLANS[1])
    written = dump_plan(plan, schema_ref="plan.schema.json")
    assert written == "# yaml-language-server: $schema=plan.schema.json\n" + whole_yaml(plan_data(plan))
