"""planner.form sits below every verb: it imports none of them, and the writers do not import
the linter (they fix text with form, they do not run rules)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PLANNER = Path(__file__).resolve().parent.parent / "planner"
VERBS = ("planner.parse", "planner.mine", "planner.draft", "planner.render", "planner.lint",
         "planner.cli", "planner.model", "planner.blocks", "planner.export", "planner.matrix")
WRITERS = [PLANNER / "blocks.py", PLANNER / "export.py", PLANNER / "matrix.py", PLANNER / "diff.py",
           PLANNER / "targets.py", *sorted((PLANNER / "render").glob("*.py")),
           *sorted((PLANNER / "draft").glob("*.py"))]


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((PLANNER / "form").glob("*.py")), ids=lambda p: p.name)
def test_form_imports_no_verb(path):
    wrong = {name for name in imports(path) if name.startswith(VERBS) or name == "pydantic"}
    assert not wrong, f"{path.name} imports {sorted(wrong)}"


@pytest.mark.parametrize("path", WRITERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_writers_do_not_import_the_linter(path):
    assert not {name for name in imports(path) if name.startswith("planner.lint")}
