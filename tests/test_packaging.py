"""The wheel ships templates/ and schemas/ inside planner and its CLI runs from anywhere.

Offline: the wheel is built with the running interpreter's setuptools (no build isolation)
from a copy of the checkout, and installed without dependencies into a fresh venv that sees
the packages already installed here.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Build litter and local state that must not leak into the copy we build from.
NOT_COPIED = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__",
                                    ".pytest_cache", ".hypothesis", ".benchmarks", ".venv", "out")
PROBE = """
import json, planner
from planner import resources
print(json.dumps({"planner": planner.__file__, "schema": str(resources.schema_path()),
                  "templates": str(resources.templates_dir()),
                  "corpus": sorted(p.name for p in resources.corpus_dir().glob("*.txt"))}))
"""


def missing_build_tool() -> str | None:
    if importlib.util.find_spec("setuptools") is None:
        return "setuptools"
    # setuptools >= 70.1 carries bdist_wheel itself; older ones need the wheel package.
    if (importlib.util.find_spec("setuptools.command.bdist_wheel") is None
            and importlib.util.find_spec("wheel") is None):
        return "wheel"
    return None


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          timeout=600)


def check(proc: subprocess.CompletedProcess) -> str:
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, f"{proc.args}\n{out}\n{proc.stderr.decode('utf-8', 'replace')}"
    return out


def see_our_site_packages(venv_python: Path) -> None:
    """--system-site-packages reaches the base interpreter; if we run in a venv, add ours too."""
    if sys.prefix == sys.base_prefix:
        return
    purelib = check(run(venv_python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                        cwd=venv_python.parent))
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    Path(purelib.strip(), "_planner_test_outer.pth").write_text("\n".join(sorted(ours)) + "\n")


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """(wheel, source copy, venv bin directory) with the wheel installed in the venv."""
    missing = missing_build_tool()
    if missing:
        pytest.skip(f"未安装 {missing}，无法离线构建 wheel（pip install -e '.[test]' 会装上）")
    base = tmp_path_factory.mktemp("packaging")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    dist = base / "dist"
    check(run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
              "--no-index", "-w", dist, ".", cwd=source))
    (wheel,) = dist.glob("planner-*.whl")
    venv = base / "venv"
    check(run(sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", venv,
              cwd=base))
    python = venv / "bin" / "python"
    see_our_site_packages(python)
    check(run(python, "-m", "pip", "install", "--no-deps", "--force-reinstall", "--no-index",
              wheel, cwd=base))
    return wheel, source, venv / "bin"


def data_files(directory: Path) -> set[str]:
    return {p.relative_to(directory).as_posix() for p in directory.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")}


def test_wheel_holds_every_module_and_data_file(build):
    wheel, source, _ = build
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(source).as_posix() for p in (source / "planner").rglob("*.py")}
    assert modules - names == set(), "setup.cfg [options] packages 漏列了子包"
    for top in ("templates", "schemas"):
        shipped = {f"planner/{top}/{name}" for name in data_files(source / top)}
        shipped.add(f"planner/{top}/__init__.py")
        assert shipped - names == set(), "setup.cfg [options.package_data] 漏了这些文件的扩展名"
    corpus = {f"planner/corpus/{p.name}" for p in (source / "examples" / "corpus").glob("*.txt")}
    assert corpus and corpus - names == set(), "内置样例文档（planner.corpus）没有进入 wheel"


def test_installed_package_carries_schema_and_templates(build, tmp_path):
    _, source, bin_dir = build
    found = json.loads(check(run(bin_dir / "python", "-c", PROBE, cwd=tmp_path)))
    installed = Path(found["planner"]).resolve().parent
    assert installed.is_relative_to(bin_dir.parent.resolve()), f"用的不是新装的 planner：{installed}"
    assert Path(found["schema"]).resolve() == installed / "schemas" / "plan.schema.json"
    assert Path(found["schema"]).read_bytes() == (ROOT / "schemas" / "plan.schema.json").read_bytes()
    assert Path(found["templates"]).resolve() == installed / "templates"
    assert data_files(Path(found["templates"])) == data_files(source / "templates")
    assert found["corpus"] == sorted(p.name for p in (ROOT / "examples" / "corpus").glob("*.txt"))


def test_installed_cli_builds_the_default_library_from_the_shipped_corpus(build, tmp_path):
    _, _, bin_dir = build
    env_home = tmp_path / "cache"
    proc = subprocess.run([str(bin_dir / "planner"), "clauses", "targets", "5G基站"], cwd=tmp_path,
                          env={**os.environ, "XDG_CACHE_HOME": str(env_home),
                               "PYTHONIOENCODING": "utf-8"}, capture_output=True, timeout=600)
    out = check(proc)
    assert "即墨区2024 新建1000座" in out
    assert (env_home / "planner" / "library.sqlite").exists()


def test_console_script_help_is_chinese(build, tmp_path):
    _, _, bin_dir = build
    out = check(run(bin_dir / "planner", "--help", cwd=tmp_path))
    assert "用法" in out and "数字政府" in out and "schema" in out


def test_module_help_is_chinese(build, tmp_path):
    _, _, bin_dir = build
    out = check(run(bin_dir / "python", "-m", "planner", "--help", cwd=tmp_path))
    assert "用法" in out and "数字政府" in out


def test_installed_schema_command_prints_the_committed_schema(build, tmp_path):
    _, _, bin_dir = build
    proc = run(bin_dir / "planner", "schema", cwd=tmp_path)
    check(proc)
    assert proc.stdout == (ROOT / "schemas" / "plan.schema.json").read_bytes(), \
        "请运行 planner schema -o schemas/plan.schema.json"


def test_installed_lint_finds_the_unit_registry(build, tmp_path):
    """planner/form/units.yaml is package data; the installed `planner lint` reads it."""
    wheel, _, bin_dir = build
    assert "planner/form/units.yaml" in zipfile.ZipFile(wheel).namelist()
    draft = tmp_path / "草稿.txt"
    draft.write_text("1.加强生态监测。2025年底前完成。（责任单位：市环保局）\n", encoding="utf-8")
    proc = run(bin_dir / "planner", "lint", "--select", "O002", draft, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")
    assert "O002" in proc.stdout.decode("utf-8") and "市生态环境局" in proc.stdout.decode("utf-8")
