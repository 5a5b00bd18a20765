"""The wheel ships templates/ and schemas/ inside planner and its CLI runs from anywhere; it
also carries what is built from the bundled files (the default clause library), so a first run
builds nothing.

Offline: the wheel is built with the running interpreter's setuptools (no build isolation)
from a copy of the checkout, and installed without dependencies into a fresh venv that sees
the packages already installed here.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sqlite3
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
    pages = {p.relative_to(source).as_posix() for p in (source / "planner" / "serve").rglob("*")
             if p.suffix in (".html", ".js", ".css")}
    assert pages and pages - names == set(), "工作台的页面模板和脚本（planner.serve 的 package_data）没有进入 wheel"
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


def test_installed_cli_answers_from_the_default_library_of_the_shipped_corpus(build, tmp_path):
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


FIRST_RUN = """
import sys
import planner.mine.library as library


def refuse(*args, **kwargs):
    raise SystemExit("rebuilt on first run: " + repr(args)[:80])


library.build_library = library.mine_corpus = refuse
from planner.cli import main
try:
    main(sys.argv[1:])
finally:
    print("LOADED docx" if "docx" in sys.modules else "NO docx", file=sys.stderr)
"""


def test_wheel_holds_the_library_built_from_the_bundled_corpus(build):
    wheel, _, _ = build
    built = [n for n in zipfile.ZipFile(wheel).namelist() if n.startswith("planner/built/")]
    assert built == ["planner/built/library.sqlite"]


def test_first_run_with_an_empty_cache_builds_nothing(build, tmp_path):
    """The README's main job, first run of a fresh install with an empty cache: the library
    comes from the wheel (mining is made to fail), python-docx is not even imported, and the
    user cache gets only its copy of the library (and Jinja's compiled templates)."""
    _, _, bin_dir = build
    outline = ROOT / "examples" / "outlines" / "数字即墨2025年行动方案.yaml"
    cache = tmp_path / "cache"
    proc = subprocess.run([str(bin_dir / "python"), "-c", FIRST_RUN, "draft", str(outline),
                           "-o", "out/方案.yaml", "--docx", "out/方案.docx", "--notice", "out/通知.docx"],
                          cwd=tmp_path, env={**os.environ, "XDG_CACHE_HOME": str(cache),
                                             "PYTHONIOENCODING": "utf-8"}, capture_output=True, timeout=600)
    check(proc)
    assert "NO docx" in proc.stderr.decode("utf-8")
    assert (tmp_path / "out" / "方案.docx").stat().st_size > 0 and (tmp_path / "out" / "通知.docx").exists()
    assert sorted(p.name for p in (cache / "planner").iterdir()) == ["library.sqlite", "templates"]


def test_documents_a_user_mines_go_into_the_user_library_not_the_bundled_one(build, tmp_path):
    wheel, _, bin_dir = build
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    installed = Path(check(run(bin_dir / "python", "-c", "import planner; print(planner.__file__)",
                               cwd=tmp_path)).strip()).parent
    bundled = installed / "built" / "library.sqlite"
    assert bundled.read_bytes() == zipfile.ZipFile(wheel).read("planner/built/library.sqlite")
    # Another city's plan: 威海's seed with the place changed and one task no seed has.
    seed = (ROOT / "examples" / "corpus" / "004_数字威海2021行动方案.txt").read_text(encoding="utf-8")
    own = tmp_path / "数字安丘2021行动方案.txt"
    own.write_text(seed.replace("威海", "安丘").replace("加快智慧海洋牧场建设", "建设智慧渔港监测平台"),
                   encoding="utf-8")
    for args in (("mine", own), ("clauses", "search", "智慧渔港")):
        proc = subprocess.run([str(bin_dir / "planner"), *map(str, args)], cwd=tmp_path, env=env,
                              capture_output=True, timeout=600)
        out = check(proc)
    assert "安丘" in out and "智慧渔港监测平台" in out
    assert bundled.read_bytes() == zipfile.ZipFile(wheel).read("planner/built/library.sqlite")
    with sqlite3.connect(tmp_path / "cache" / "planner" / "library.sqlite") as conn:
        paths = [row[0] for row in conn.execute("SELECT path FROM documents ORDER BY name")]
    assert len(paths) == 6 and all(Path(p).exists() for p in paths), paths


@pytest.mark.parametrize("args, heavy", [(("--help",), ("pydantic", "yaml", "jinja2", "docx", "starlette", "uvicorn")),
                                         (("clauses", "search", "养老"), ("pydantic",))])
def test_start_up_loads_no_heavy_library(build, tmp_path, args, heavy):
    """`planner --help` needs click alone (not even the workspace's server); `clauses search` reads
    SQLite and prints."""
    _, _, bin_dir = build
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([str(bin_dir / "python"), "-X", "importtime", str(bin_dir / "planner"), *args],
                          cwd=tmp_path, env=env, capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    loaded = {line.rsplit("|", 1)[1].strip().split(".")[0]
              for line in proc.stderr.decode("utf-8", "replace").splitlines() if line.startswith("import time:")}
    assert "click" in loaded and loaded.isdisjoint(heavy), sorted(loaded & set(heavy))


def test_build_requirements_cover_what_the_build_hook_imports(tmp_path):
    """pyproject.toml's [build-system] requires brings what planner/bundle.py imports (an
    isolated `pip install .` has nothing else), pinned as in setup.cfg."""
    import configparser
    from importlib.metadata import packages_distributions

    probe = ("import sys, json; before = set(sys.modules)\n"
             "from planner.bundle import build_bundle; build_bundle(sys.argv[1])\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in set(sys.modules) - before})))")
    proc = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "built")], capture_output=True,
                          env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}, timeout=600)
    owners = packages_distributions()
    needed = {_dist(d) for name in json.loads(check(proc)) for d in owners.get(name, ())} - {"planner"}
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    requires = re.findall(r'"([^"]+)"', re.search(r"^requires = \[(.*?)\]", pyproject, re.M | re.S).group(1))
    listed = {_dist(r): r for r in requires}
    assert needed and needed <= _with_dependencies(listed), sorted(needed - _with_dependencies(listed))
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    runtime = {_dist(r): r for r in config["options"]["install_requires"].split("\n") if r.strip()}
    assert {name: listed[name] for name in listed if name in runtime} == \
        {name: runtime[name] for name in listed if name in runtime}


def _dist(requirement: str) -> str:
    """A requirement's distribution name, normalised (PEP 503)."""
    name = re.split(r"[<>=!~ ;\[(]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _with_dependencies(names) -> set[str]:
    from importlib.metadata import PackageNotFoundError, requires

    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = _dist(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            todo.extend(r for r in requires(name) or [] if "extra ==" not in r)
        except PackageNotFoundError:
            pass
    return seen
