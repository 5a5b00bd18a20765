"""The default library when planner's bundled corpus or its schema changes: the bundled
documents are renewed, the documents the user mined into it (`planner mine` without --db) are
kept. Both work on a copy that planner.mine.library.default_library renames into place."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Optional

from planner.mine import store

BUNDLED_KEY = "bundled"  # meta: JSON list of the documents (paths) that came from the corpus
# Where planner's corpus is installed (a wheel) or kept (a checkout): a library made before the
# list above was kept knows its bundled documents by these folders.
CORPUS_FOLDERS = (("planner", "corpus"), ("examples", "corpus"))


def mark_bundled(conn: sqlite3.Connection, paths: list[str]) -> None:
    store.set_meta(conn, BUNDLED_KEY, json.dumps(sorted(paths), ensure_ascii=False))


def bundled_paths(conn: sqlite3.Connection, corpus: Path) -> set[str]:
    """The library's documents that came from the bundled corpus (the others are the user's)."""
    try:
        recorded = store.get_meta(conn, BUNDLED_KEY)
    except sqlite3.Error:
        recorded = None
    if recorded is not None:
        return set(json.loads(recorded))
    home = corpus.resolve()
    return {path for (path,) in conn.execute("SELECT path FROM documents")
            if Path(path).parent == home or Path(path).parent.parts[-2:] in CORPUS_FOLDERS}


def snapshot(db: Path, target: Path) -> None:
    """A consistent copy of the library at `db`, of any schema version (SQLite's backup: what
    is still in its WAL included)."""
    source = _open_any(db)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def _open_any(db: Path) -> sqlite3.Connection:
    """`db` read-only, without the checks of store.open_for_reading (an older schema is read too)."""
    uri = db.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


def renew_bundled(db: Path, target: Path, files: list[Path], corpus: Path) -> None:
    """`target` = the library at `db` with the bundled documents those of `files`: the ones no
    longer bundled deleted, changed ones replaced, new ones added; the user's kept as they are."""
    from planner.mine.cluster import recluster
    from planner.mine.library import build_library

    snapshot(db, target)
    keep = {str(file.resolve()) for file in files}
    conn = store.connect(target)
    try:
        gone = [row[0] for path in sorted(bundled_paths(conn, corpus) - keep)
                for row in conn.execute("SELECT id FROM documents WHERE path = ?", (path,))]
        if gone:
            conn.execute("BEGIN IMMEDIATE")
            for doc_id in gone:
                store.delete_document(conn, doc_id)
            conn.execute("COMMIT")
    finally:
        conn.close()
    build_library(files, target)
    if gone:
        conn = store.connect(target)
        try:
            recluster(conn)
        finally:
            conn.close()


def carry_user_documents(old: Path, target: Path, corpus: Path) -> Optional[str]:
    """Mine into `target` (a new library) the user's documents of `old`, a library of another
    schema version whose rows cannot be copied. A note for the user when there were any; when
    some cannot be mined again (the file is gone), `old` is kept beside as a backup."""
    from planner.mine.library import mine_corpus

    user = _user_documents(old, corpus)
    if user == []:
        return None
    present = [path for path in user or [] if path.is_file()]
    report = mine_corpus(present, target) if present else None
    failed = {Path(r.source) for r in report.results if r.error is not None} if report else set()
    lost = [path for path in user or [] if path not in present or path in failed]
    mined = len(present) - len(failed)
    if user is not None and not lost:
        return f"默认条款库已按新版本重建，自己收入的 {mined} 份文档已重新收录"
    backup = old.with_name(f"{old.stem}.旧版本{old.suffix}")
    snapshot(old, backup)
    if user is None:
        return f"默认条款库已按新版本重建；旧条款库中的文档无法读出，旧条款库保留为 {backup}"
    return (f"默认条款库已按新版本重建，自己收入的文档中 {mined} 份已重新收录，{len(lost)} 份的原文件已不在"
            f"或无法读取（如 {lost[0]}），旧条款库保留为 {backup}")


def _user_documents(old: Path, corpus: Path) -> Optional[list[Path]]:
    """The documents of `old` that did not come from the corpus; None when they cannot be read."""
    try:
        conn = _open_any(old)
    except sqlite3.Error:
        return None
    try:
        bundled = bundled_paths(conn, corpus)
        return [Path(path) for (path,) in conn.execute("SELECT path FROM documents ORDER BY path")
                if path not in bundled]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
