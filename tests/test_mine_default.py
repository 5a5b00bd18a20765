"""The default library keeps the user's documents when planner's bundled corpus or schema
changes, and a library the user may read but not write is read, not called corrupt."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from planner.mine import store
from planner.mine.library import default_library, mine_corpus
from tests.another_user import AS_ANOTHER_USER

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
JIMO = next(CORPUS.glob("000_*.txt"))
DONGYING = next(CORPUS.glob("002_*.txt"))
WEIHAI = next(CORPUS.glob("004_*.txt"))


def rows(db: Path, sql: str) -> list:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture()
def bundled(tmp_path, monkeypatch):
    """A bundled corpus of one document (即墨) and a cache of its own; returns the corpus dir."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(JIMO, corpus / JIMO.name)
    monkeypatch.setattr("planner.resources.corpus_dir", lambda: corpus)
    monkeypatch.setattr("planner.mine.library.built_file", lambda name: None)
    return corpus


def users_own(tmp_path) -> Path:
    """A document of the user's own (威海), outside the corpus."""
    mine = tmp_path / "mine" / "威海.txt"
    mine.parent.mkdir()
    shutil.copy(WEIHAI, mine)
    return mine


def test_the_users_documents_survive_a_change_of_the_bundled_corpus(bundled, tmp_path):
    db = default_library()
    own = users_own(tmp_path)
    assert mine_corpus([own], db).failed == 0
    shutil.copy(DONGYING, bundled / DONGYING.name)  # the corpus gains 东营 and loses 即墨
    (bundled / JIMO.name).unlink()
    notes: list[str] = []
    assert default_library(notes) == db and notes == []
    names = sorted(name for (name,) in rows(db, "SELECT name FROM documents"))
    assert names == sorted([DONGYING.name, "威海.txt"])
    # the user's clauses kept as they were, every clause in a cluster of live clauses
    assert rows(db, "SELECT count(*) FROM clauses c JOIN documents d ON d.id = c.doc_id "
                    "WHERE d.name = '威海.txt'")[0][0] > 20
    assert rows(db, "SELECT count(*) FROM clauses WHERE cluster_id IS NULL "
                    "OR cluster_id NOT IN (SELECT id FROM clusters)") == [(0,)]
    assert rows(db, "SELECT sum(size) FROM clusters") == rows(db, "SELECT count(*) FROM clauses")
    assert default_library() == db  # now current: not renewed again


def test_a_library_made_before_bundled_documents_were_listed_keeps_the_users_too(bundled, tmp_path):
    db = default_library()
    own = users_own(tmp_path)
    mine_corpus([own], db)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'bundled'")
    (bundled / JIMO.name).write_text(JIMO.read_text("utf-8").replace("2024", "2025"), "utf-8")
    default_library()
    assert sorted(name for (name,) in rows(db, "SELECT name FROM documents")) == sorted([JIMO.name, "威海.txt"])
    assert rows(db, f"SELECT year FROM documents WHERE name = '{JIMO.name}'") == [(2025,)]


def test_a_library_of_an_older_schema_mines_the_users_documents_again(bundled, tmp_path):
    db = default_library()
    own = users_own(tmp_path)
    mine_corpus([own], db)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 1")
    notes: list[str] = []
    default_library(notes)
    assert rows(db, "PRAGMA user_version") == [(store.SCHEMA_VERSION,)]
    assert sorted(name for (name,) in rows(db, "SELECT name FROM documents")) == sorted([JIMO.name, "威海.txt"])
    assert len(notes) == 1 and "重新收录" in notes[0]


def test_an_older_library_whose_user_files_are_gone_is_kept_as_a_backup(bundled, tmp_path):
    db = default_library()
    own = users_own(tmp_path)
    mine_corpus([own], db)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 1")
    own.unlink()
    notes: list[str] = []
    default_library(notes)
    backups = [p for p in db.parent.iterdir() if "旧版本" in p.name]
    assert len(backups) == 1 and str(backups[0]) in notes[0] and "不在" in notes[0]
    assert rows(backups[0], "SELECT name FROM documents WHERE name = '威海.txt'") == [("威海.txt",)]


def test_the_cli_says_what_happened_to_the_users_documents(bundled, tmp_path):
    db = default_library()
    mine_corpus([users_own(tmp_path)], db)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 1")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    # the CLI's own corpus is the real one: all five bundled documents plus the user's
    proc = subprocess.run([sys.executable, "-m", "planner", "clauses", "search", "威海"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0 and "提示：默认条款库已按新版本重建" in proc.stderr, proc.stderr
    assert len(rows(db, "SELECT name FROM documents WHERE name = '威海.txt'")) == 1


def test_a_fifo_or_device_is_no_library(tmp_path):
    os.mkfifo(tmp_path / "lib.sqlite")
    with pytest.raises(store.LibraryError, match="不是普通文件"):
        store.connect(tmp_path / "lib.sqlite")
    with pytest.raises(store.LibraryError, match="不是普通文件"):
        store.open_for_reading(tmp_path / "lib.sqlite")


@pytest.mark.skipif(AS_ANOTHER_USER is None, reason="planner cannot be run as another user here")
def test_a_library_the_user_may_only_read_is_read(library):
    """The library and its folder belong to another user and are not writable: search and
    draft read it; mine says it is read-only (it used to be called corrupt)."""
    folder = Path(tempfile.mkdtemp(prefix="planner-ro-"))
    try:
        db = folder / "cache" / "planner" / "library.sqlite"
        db.parent.mkdir(parents=True)
        copy = sqlite3.connect(db)
        with sqlite3.connect(library) as source:
            source.backup(copy)
        copy.execute("PRAGMA journal_mode = WAL")  # as planner's own libraries are
        copy.close()
        shutil.copy(JIMO, folder / "doc.txt")
        for path in (db.parent, db.parent.parent, folder):
            path.chmod(0o755)
        db.chmod(0o444)
        if AS_ANOTHER_USER == []:  # not root: make the folder read-only for this user
            db.parent.chmod(0o555)
        env = {**os.environ, "HOME": str(folder), "XDG_CACHE_HOME": str(folder / "cache")}

        def planner(*args):
            return subprocess.run([*AS_ANOTHER_USER, sys.executable, "-m", "planner", *map(str, args)],
                                  capture_output=True, text=True, env=env, cwd=folder, timeout=300)

        for args in (["clauses", "search", "养老"], ["clauses", "search", "养老", "--db", db],
                     ["clauses", "targets", "5G基站", "--db", db]):
            proc = planner(*args)
            assert proc.returncode == 0 and proc.stdout.strip(), (args, proc.stderr)
            assert "不是有效的条款库" not in proc.stderr
        proc = planner("mine", "doc.txt", "--db", db)
        assert proc.returncode == 2 and "只读" in proc.stderr and "不是有效" not in proc.stderr, proc.stderr
    finally:
        for path in folder.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
