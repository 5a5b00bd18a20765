"""What the wheel's build makes from the bundled data (setup.py's build hook runs this), so that
a user's first run reads it instead of building it: the default clause library, mined from the
bundled corpus. (The DOCX package needs nothing built: render writes every part itself.)

    python -c "from planner.bundle import build_bundle; build_bundle(TARGET)"

It runs against the package as laid out in the build directory (its corpus), and writes only
into TARGET (planner/built/ there). At run time planner.resources.built_file finds the file; a
library that does not match (another corpus or schema version) is not used.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def build_bundle(target: str | os.PathLike) -> list[Path]:
    """Build every bundled file into `target`; the paths written."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    return [bundle_library(target)]


def bundle_library(target: Path) -> Path:
    """The default library, as one self-contained file (rollback journal, not WAL: it is read
    from an install directory that may be read-only)."""
    from planner.mine.library import LIBRARY_NAME, build_library
    from planner.resources import corpus_dir

    path = target / LIBRARY_NAME
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    build_library(sorted(corpus_dir().glob("*.txt")), path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return path
