"""Where the shipped data lives: the JSON Schema (schemas/), the templates (templates/) and
the sample corpus the default clause library is mined from (examples/corpus/), and what the
wheel's build makes from them (planner/built/, see setup.py).

setup.cfg maps the top-level directories templates/, schemas/ and examples/corpus/ onto the
packages planner.templates, planner.schemas and planner.corpus (package_dir), so they are found through
importlib.resources however planner is installed:

- from a wheel or `pip install .`: site-packages/planner/{templates,schemas}/;
- from `pip install -e .`: the checkout's templates/ and schemas/ themselves (setuptools'
  editable finder maps the packages there), so edits show up without reinstalling.

planner is installed unzipped (zip_safe = False; wheels are always unpacked), so
`files()` gives a real `pathlib.Path` and callers (Jinja's FileSystemLoader, editors'
$schema paths) get a directory they can hand to anything; `as_file` is not needed.
A plain source checkout that is not installed cannot import planner.templates:
run `pip install -e .` first.
"""
from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path
from typing import Optional

from planner.errors import PlannerError

SCHEMAS_PACKAGE = "planner.schemas"
TEMPLATES_PACKAGE = "planner.templates"
CORPUS_PACKAGE = "planner.corpus"
BUILT_DIR = "built"
PLAN_SCHEMA = "plan.schema.json"


def _package_dir(package: str) -> Path:
    root = files(package)
    if not isinstance(root, Path):
        # Only a zipped install gets here; setup.cfg says zip_safe = False.
        raise PlannerError(f"{package} 不是以目录形式安装的（{root}）",
                           hint="请用 pip install 重新安装 planner（不要以 zip 形式安装）")
    return root


def schema_path() -> Path:
    """The committed plan schema, `planner schema -o schemas/plan.schema.json`."""
    return _package_dir(SCHEMAS_PACKAGE) / PLAN_SCHEMA


def templates_dir() -> Path:
    """The directory of Jinja templates and reference styles."""
    return _package_dir(TEMPLATES_PACKAGE)


def corpus_dir() -> Path:
    """The bundled sample documents (examples/corpus/*.txt) the default library is built from."""
    return _package_dir(CORPUS_PACKAGE)


def built_file(name: str) -> Optional[Path]:
    """A file the wheel's build made from the bundled data (planner/built/NAME: the default
    clause library), or None where there is none (an editable checkout builds it on first use,
    into the user cache)."""
    path = _package_dir("planner") / BUILT_DIR / name
    return path if path.is_file() else None


def cache_dir() -> Path:
    """planner's cache: $XDG_CACHE_HOME/planner (default ~/.cache/planner)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "planner"
