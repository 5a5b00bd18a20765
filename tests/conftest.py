"""Shared test options: `--update-golden` rewrites tests/golden/*.yaml from the current output."""
from __future__ import annotations


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="重新生成 tests/golden/ 下的结构快照（改动须像代码一样审阅）")
