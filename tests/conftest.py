"""Shared fixtures and options: the user cache dir points at a temporary directory for the whole
session, so the default clause library is never built in the real ~/.cache; `--update-golden`
rewrites tests/golden/*.yaml from the current output."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield Path(os.environ["XDG_CACHE_HOME"])
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(scope="session")
def library(tmp_path_factory) -> Path:
    """A library mined from examples/corpus."""
    from planner.mine.library import mine_corpus

    db = tmp_path_factory.mktemp("library") / "library.sqlite"
    report = mine_corpus([ROOT / "examples" / "corpus"], db)
    assert report.failed == 0
    return db


@pytest.fixture()
def conn(library):
    from planner.mine import store

    connection = store.connect(library, create=False)
    yield connection
    connection.close()


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="重新生成 tests/golden/ 下的结构快照（改动须像代码一样审阅）")
