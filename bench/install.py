"""planner as a user has it: a wheel built from this checkout, installed into a fresh venv.

An editable checkout measures something no user runs: its imports go through setuptools'
editable finder, and without bytecode (PYTHONDONTWRITEBYTECODE) every module compiles from
source in every process. So start-up and whole-process figures use this install; the wheel's
dependencies come from the package index pip is set up with, as `pip install .` gets them.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
# Build litter and local state that must not reach the copy the wheel is built from.
NOT_COPIED = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                    ".hypothesis", ".benchmarks", ".venv", "out", "results")


def _run(*args: str | Path, cwd: Path) -> None:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} 失败：\n"
                           f"{done.stderr.decode('utf-8', 'replace')[-2000:]}")


def build_wheel(work: Path) -> Path:
    """The wheel of a clean copy of the checkout (no build isolation: this interpreter's
    setuptools and planner's dependencies run the build hooks)."""
    source = work / "src"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    dist = work / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", dist, ".", cwd=source)
    (wheel,) = dist.glob("planner-*.whl")
    return wheel


def installed_planner(work: Path, others: Sequence[str] = ("docxtpl",)) -> Path:
    """The bin directory of a fresh venv with planner installed from its wheel (with its
    dependencies) and the other tools' libraries: every tool runs with the same interpreter
    and site-packages, none of them with planner's editable finder on its start-up path."""
    wheel = build_wheel(work)
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=work)
    _run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, *others, cwd=work)
    return venv / "bin"
