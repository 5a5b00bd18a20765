"""The committed schemas/plan.schema.json is exactly what `planner schema` prints."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.planfile import load_data, plan_schema, read_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "schemas" / "plan.schema.json"
EXAMPLE_PLANS = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
HOW_TO_FIX = "请运行 planner schema -o schemas/plan.schema.json"
REGENERATE = f"schemas/plan.schema.json 与 planner/model.py 不一致；{HOW_TO_FIX}"


def committed() -> bytes:
    assert SCHEMA_FILE.is_file(), f"缺少 schemas/plan.schema.json；{HOW_TO_FIX}"
    return SCHEMA_FILE.read_bytes()


def test_committed_schema_matches_the_model():
    text = json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
    assert text.encode("utf-8") == committed(), REGENERATE


def test_schema_command_prints_the_committed_schema():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == committed(), REGENERATE


def test_schema_command_writes_the_committed_schema(tmp_path):
    target = tmp_path / "plan.schema.json"
    result = CliRunner().invoke(cli, ["schema", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == committed(), REGENERATE


def test_committed_schema_is_a_valid_json_schema():
    jsonschema = pytest.importorskip("jsonschema", reason="未安装 jsonschema，跳过 JSON Schema 自检")
    schema = json.loads(committed())
    jsonschema.validators.validator_for(schema).check_schema(schema)


@pytest.mark.parametrize("path", EXAMPLE_PLANS or [None],
                         ids=[p.name for p in EXAMPLE_PLANS] or ["no-example-plans"])
def test_example_plan_conforms_to_the_schema(path):
    jsonschema = pytest.importorskip("jsonschema", reason="未安装 jsonschema，跳过示例方案的校验")
    if path is None:
        pytest.skip("examples/plans/ 中还没有 *.yaml 方案文件")
    schema = json.loads(committed())
    # Editors read YAML 1.2, where 2024-01-05 is a string, not a date: round-trip through JSON.
    data = json.loads(json.dumps(load_data(read_text(path), str(path)), default=str))
    validator = jsonschema.validators.validator_for(schema)(schema)
    problems = [f"{'.'.join(map(str, e.absolute_path)) or '<根>'}: {e.message}"
                for e in sorted(validator.iter_errors(data), key=lambda e: [str(k) for k in e.absolute_path])]
    assert not problems, f"{path.name} 不符合 schemas/plan.schema.json：\n" + "\n".join(problems[:20])
