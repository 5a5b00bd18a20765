"""Whole-process benchmarks: render from a plan file against the other tools, start-up, and the
first run of the README's main job against a warm one. `planner` is a command (the console
script of an installed wheel in a full run); the other tools run with this interpreter.
"""
from __future__ import annotations

import json
import os
import shlex
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Sequence

import competitors
import readback
from synthetic import KINDS, plan_data
from timing import compare, run_once

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HEAVY = ("pydantic", "yaml", "jinja2", "docx", "lxml")  # what `planner --help` must not load


def write_plan(data: dict, stem: Path) -> tuple[Path, Path]:
    """The plan as planner writes its plan files: YAML, and JSON (the other tools' input),
    compact as programs exchange it (indented, 20000 tasks pass planner's 20 MB limit)."""
    from planner.model import Plan
    from planner.planfile import dump_plan, plan_data

    plan = Plan.model_validate(data)
    yaml_file, json_file = stem.with_suffix(".yaml"), stem.with_suffix(".json")
    yaml_file.write_text(dump_plan(plan), encoding="utf-8")
    json_file.write_text(json.dumps(plan_data(plan), ensure_ascii=False, separators=(",", ":")),
                         encoding="utf-8")
    return yaml_file, json_file


def reference_docx(work: Path) -> Path:
    """pandoc's --reference-doc with planner's styles, so both start from the same look (the
    harness makes it once; the pandoc script only reads it)."""
    from planner.model import Plan
    from planner.render.document import plan_docx

    path = work / "reference.docx"
    if not path.exists():
        path.write_bytes(plan_docx(Plan(title="参考样式")))
    return path


def render_commands(planner: Sequence[str], python: str, yaml_file: Path, json_file: Path, out: Path,
                    tools: Sequence[str], reference: Path) -> dict[str, list[str]]:
    script = [python, str(HERE / "competitors.py")]
    commands = {"planner": [*planner, "render", str(yaml_file), "-o", str(out / "planner.docx")],
                "planner-json": [*planner, "render", str(json_file), "-o", str(out / "planner-json.docx")]}
    for tool in tools:
        extra = ["--reference", str(reference)] if tool == "pandoc" else []
        commands[tool] = [*script, tool, str(json_file), str(out / f"{tool}.docx"), *extra]
    return commands


def fairness(data: dict, out: Path, names: Sequence[str]) -> dict:
    """Every tool's DOCX read back holds the plan's paragraphs (folded: see readback)."""
    expected = [text for _, text in competitors.paragraphs(data)]
    result: dict = {"paragraphs": len(expected)}
    for name in names:
        found = readback.docx_paragraphs((out / f"{name}.docx").read_bytes())
        problems = readback.differences(expected, found)
        if problems:
            raise AssertionError(f"{name} 的输出与方案内容不同：{problems}")
        result[f"{name}_corrected"] = readback.corrected(expected, found)
    return result


def render_whole_process(sizes: Sequence[int], planner: Sequence[str], work: Path,
                         python: str = sys.executable, repeat: dict[int, int] | None = None) -> list[dict]:
    """Per size and kind of text: median seconds of each tool and its ratio to docxtpl. The
    other tools' scripts run with `python` (in a full run, the venv planner is installed in)."""
    tools = [t for t in ("docxtpl", "pandoc", "floor") if t in competitors.available()]
    reference = reference_docx(work)
    env = {"XDG_CACHE_HOME": str(work / "cache")}  # warm after the warm-up round
    rows = []
    for size in sizes:
        for kind in KINDS:
            data = plan_data(size, kind)
            out = work / f"out-{kind}-{size}"
            out.mkdir(parents=True, exist_ok=True)
            yaml_file, json_file = write_plan(data, work / f"plan-{kind}-{size}")
            commands = render_commands(planner, python, yaml_file, json_file, out, tools, reference)
            base = "docxtpl" if "docxtpl" in commands else "floor"
            times = (repeat or {}).get(size, 5 if size <= 2000 else 3)
            row = {"tasks": size, "text": kind, **compare(commands, base, times, env=env)}
            row["fair"] = fairness(data, out, list(commands))
            rows.append(row)
            print("process", json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def imported_modules(command: Sequence[str], env: dict | None = None) -> set[str]:
    """Top-level names of the modules `command` (a Python script and its arguments) imports,
    from `python -X importtime`."""
    done = subprocess.run([command[0], "-X", "importtime", *command[1:]], capture_output=True,
                          env={**os.environ, **(env or {})})
    names = set()
    for line in done.stderr.decode("utf-8", "replace").splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def startup(bin_dir: Path, repeat: int = 20) -> dict:
    """`planner --help` against a bare interpreter of the same install, and which heavy
    modules `--help` and `clauses search` load."""
    planner, python = str(bin_dir / "planner"), str(bin_dir / "python")
    row = compare({"planner --help": [planner, "--help"], "python -c pass": [python, "-c", "pass"]},
                  "python -c pass", repeat)
    row["help_loads"] = sorted(imported_modules([python, planner, "--help"]) & set(HEAVY))
    env = {"XDG_CACHE_HOME": str(bin_dir.parent / "cache")}
    run_once([planner, "clauses", "search", "养老"], env)  # the default library exists
    row["clauses_search_loads"] = sorted(imported_modules([python, planner, "clauses", "search", "养老"],
                                                          env) & set(HEAVY))
    print("startup", json.dumps(row, ensure_ascii=False), flush=True)
    return row


# The imports of bench/stackfloor.py: the libraries planner is built on and its model.
STACK_IMPORTS = "import click, jinja2, yaml, planner.model"


def stack_floor(bin_dir: Path, work: Path, sizes: Sequence[int] = (200, 2000, 20000),
                repeat: int = 9) -> list[dict]:
    """The least any render on planner's stack does (bench/stackfloor.py: import the stack,
    read and validate the plan, write it the floor's way) against docxtpl's whole run on the
    same plan, and `stack`: the imports alone. Where `stackfloor/docxtpl` is 1 or more, no
    `planner render` can beat docxtpl at that size."""
    python = str(bin_dir / "python")
    rows = []
    for size in sizes:
        json_file = work / f"plan-realistic-{size}.json"
        if not json_file.exists():
            write_plan(plan_data(size, "realistic"), json_file.with_suffix(""))
        commands = {"stack": [python, "-c", STACK_IMPORTS],
                    "stackfloor": [python, str(HERE / "stackfloor.py"), str(json_file),
                                   str(work / f"stackfloor-{size}.docx")],
                    "docxtpl": [python, str(HERE / "competitors.py"), "docxtpl", str(json_file),
                                str(work / f"stackfloor-docxtpl-{size}.docx")]}
        row = {"tasks": size, "imports": STACK_IMPORTS,
               **compare(commands, "docxtpl", repeat if size <= 2000 else 3)}
        rows.append(row)
        print("stack floor", json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def main_job(planner: str, readme: Path = ROOT / "README.md") -> list[str]:
    """The README's main job: the `planner …` command on its first line of shell."""
    for line in readme.read_text(encoding="utf-8").splitlines():
        for part in line.split("&&"):
            words = shlex.split(part)
            if words and words[0] == "planner":
                return [planner, *words[1:]]
    raise ValueError("README 中没有 planner 命令")


def first_run(bin_dir: Path, work: Path, repeat: int = 11) -> dict:
    """The main job with an empty user cache (a fresh cache each run) against a warm run,
    run in turn; in a directory holding the checkout's examples/, as the README runs it."""
    place = work / "job"
    place.mkdir(parents=True, exist_ok=True)
    if not (place / "examples").exists():
        (place / "examples").symlink_to(ROOT / "examples")
    command = main_job(str(bin_dir / "planner"))
    warm_env = {"XDG_CACHE_HOME": str(work / "job-warm")}
    os.chdir(place)
    try:
        run_once(command, warm_env)
        first, warm = [], []
        for n in range(repeat):
            first.append(run_once(command, {"XDG_CACHE_HOME": str(work / f"job-first-{n}")}))
            warm.append(run_once(command, warm_env))
    finally:
        os.chdir(ROOT)
    row = {"command": shlex.join(["planner", *command[1:]]), "first": statistics.median(first),
           "warm": statistics.median(warm),
           "first/warm": statistics.median(f / w for f, w in zip(first, warm))}
    print("first run", json.dumps(row, ensure_ascii=False), flush=True)
    return row


def phases(bin_dir: Path, sizes: Sequence[int], work: Path) -> list[dict]:
    """Where `planner render` spends its time, per size (bench/phases.py in the install)."""
    rows = []
    for size in sizes:
        yaml_file = work / f"plan-realistic-{size}.yaml"
        if not yaml_file.exists():
            write_plan(plan_data(size, "realistic"), yaml_file.with_suffix(""))
        done = subprocess.run([str(bin_dir / "python"), str(HERE / "phases.py"), str(yaml_file)],
                              capture_output=True, check=True,
                              env={**os.environ, "XDG_CACHE_HOME": str(work / "cache")})
        row = {"tasks": size, **json.loads(done.stdout)}
        rows.append(row)
        print("phases", json.dumps(row, ensure_ascii=False), flush=True)
    return rows
