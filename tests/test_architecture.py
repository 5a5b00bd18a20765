"""docs/architecture.md's table of which part may import which, held against every import in
planner/ (imports inside functions included): the note stays true, and the arrows stay down."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANNER = ROOT / "planner"
NOTE = ROOT / "docs" / "architecture.md"
# A row of the note's last table. 例：| render | blocks, check, diff |
ROW_RE = re.compile(r"^\|\s*([\w\\]+)\s*\|\s*([\w_, ]*)\|\s*$")


def allowed() -> dict[str, set[str]]:
    table = NOTE.read_text(encoding="utf-8").split("## The table the test reads", 1)[1]
    rows = {}
    for line in table.splitlines():
        match = ROW_RE.match(line)
        if match and match[1] != "part":
            rows[match[1].replace("\\", "")] = {p.strip() for p in match[2].split(",") if p.strip()}
    return rows


def part_of(path: Path) -> str:
    """planner/render/oxml/text.py → render; planner/blocks.py → blocks."""
    relative = path.relative_to(PLANNER).with_suffix("")
    return relative.parts[0]


def imported_parts(path: Path) -> set[str]:
    """The parts of planner a module imports, itself and the package face (`planner`,
    which holds only __version__) aside."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
            if node.module == "planner":
                names = [f"planner.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "planner" and len(parts) > 1 and parts[1] != "__version__":
                found.add(parts[1])
    return found - {part_of(path)}


MODULES = sorted(p for p in PLANNER.rglob("*.py") if p.name != "__init__.py" or p.parent != PLANNER)


def test_every_part_is_in_the_note():
    parts = {part_of(p) for p in MODULES}
    missing = parts - set(allowed())
    assert not missing, f"docs/architecture.md 的表中缺少这些部分：{sorted(missing)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PLANNER)))
def test_imports_follow_the_note(path):
    table = allowed()
    extra = imported_parts(path) - table.get(part_of(path), set())
    assert not extra, (f"{path.relative_to(ROOT)} 导入了 {sorted(extra)}，"
                       f"docs/architecture.md 不允许 {part_of(path)} 导入它们")


def test_the_arrows_point_down():
    """No cycle among the parts the note allows (a cycle would let two parts import each other)."""
    table = allowed()
    state: dict[str, int] = {}

    def visit(part: str, trail: list[str]) -> None:
        if state.get(part) == 2:
            return
        assert state.get(part) != 1, f"docs/architecture.md 的表中有环：{' → '.join(trail + [part])}"
        state[part] = 1
        for below in table.get(part, ()):
            visit(below, trail + [part])
        state[part] = 2

    for part in table:
        visit(part, [])


@pytest.mark.parametrize("part, never", [
    ("lint", {"render", "draft", "export", "matrix", "blocks", "mine", "cli", "serve"}),
    ("check", {"render"}),
    ("form", set()),  # form imports no part of planner at all
    ("model", set()),
    ("parse", {"render", "lint", "draft", "mine", "check", "cli", "serve"}),
])
def test_what_never_imports_what(part, never):
    """The note's prose rules, asserted on the code itself as well as on the table."""
    found = set().union(*(imported_parts(p) for p in MODULES if part_of(p) == part))
    if part in ("form", "model"):
        assert not found, f"{part} 导入了 {sorted(found)}"
    else:
        assert not found & never, f"{part} 导入了 {sorted(found & never)}"


WRITERS = ("blocks", "export", "matrix", "diff", "render", "draft")


@pytest.mark.parametrize("part", WRITERS)
def test_writers_do_not_run_the_linter(part):
    found = set().union(*(imported_parts(p) for p in MODULES if part_of(p) == part))
    assert "lint" not in found


def test_form_needs_no_pydantic():
    for path in (PLANNER / "form").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert not any(n.split(".")[0] == "pydantic" for n in names), path.name
