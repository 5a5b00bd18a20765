"""What the wheel's build makes from the bundled files (planner/bundle.py), and how the default
library uses it: a bundled library that matches the installed corpus is copied, never mined
again and never written; one that does not match is left alone and the corpus is mined."""
from __future__ import annotations

import sqlite3

import pytest

from planner.bundle import build_bundle
from planner.mine import library
from planner.resources import corpus_dir


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    target = tmp_path_factory.mktemp("built")
    paths = build_bundle(target)
    assert [p.relative_to(target).as_posix() for p in paths] == ["library.sqlite"]
    return target


def count(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_the_bundled_library_is_one_self_contained_file(built):
    db = built / "library.sqlite"
    assert sorted(p.name for p in built.iterdir()) == ["library.sqlite"]  # no -wal, no -shm
    assert count(db, "PRAGMA journal_mode") == "delete"
    assert count(db, "SELECT count(*) FROM documents") == len(list(corpus_dir().glob("*.txt"))) == 5


def test_a_matching_bundled_library_is_copied_not_mined(built, tmp_path, monkeypatch):
    bundled = built / "library.sqlite"
    before = bundled.read_bytes()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(library, "built_file", lambda name: bundled)
    monkeypatch.setattr(library, "mine_corpus", lambda *a, **k: pytest.fail("mined on first use"))
    db = library.default_library()
    assert db == tmp_path / "cache" / "planner" / "library.sqlite"
    with sqlite3.connect(db) as conn:
        paths = [row[0] for row in conn.execute("SELECT path FROM documents")]
    # keyed where the corpus is installed, as mining it there would key them
    assert sorted(paths) == sorted(str(p.resolve()) for p in corpus_dir().glob("*.txt"))
    assert bundled.read_bytes() == before


def test_a_bundled_library_of_another_corpus_is_not_used(built, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite"
    other.write_bytes((built / "library.sqlite").read_bytes())
    with sqlite3.connect(other) as conn:
        conn.execute("UPDATE meta SET value = 'another corpus' WHERE key = 'corpus'")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(library, "built_file", lambda name: other)
    db = library.default_library()
    assert count(db, "SELECT value FROM meta WHERE key = 'corpus'") != "another corpus"
    assert count(db, "SELECT count(*) FROM documents") == 5
    assert count(other, "SELECT value FROM meta WHERE key = 'corpus'") == "another corpus"
