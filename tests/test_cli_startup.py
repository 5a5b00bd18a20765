"""What `planner --help` costs is click's own start-up: the help formatter finds the terminal's
width as shutil does, without importing it (tests/test_packaging.py checks the installed
console script imports nothing heavy)."""
from __future__ import annotations

import shutil

import pytest

from planner.zh_click import terminal_columns


@pytest.mark.parametrize("columns", [None, "120", "60", "0", "宽"])
def test_terminal_width_is_the_one_shutil_reports(monkeypatch, columns):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
