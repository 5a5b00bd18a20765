"""mine_corpus: documents → the clause library; the default library from the bundled corpus."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from planner.errors import PlannerError, SourceError, contained, os_reason
from planner.mine import store
from planner.mine.cluster import extend_clusters, recluster
from planner.resources import built_file, cache_dir

DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")
LIBRARY_NAME = "library.sqlite"


@dataclass
class MineResult:
    source: str
    status: str = "added"  # added | replaced | unchanged | failed
    clauses: int = 0
    error: Optional[PlannerError] = None


@dataclass
class MineReport:
    db: Path
    results: list[MineResult] = field(default_factory=list)
    clusters: int = 0

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.error is not None)


def expand_inputs(paths: Sequence[os.PathLike]) -> list[Path]:
    """Files as given; directories → their documents (sorted, recursively)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if os.path.isdir(path):  # False for a path that cannot be a file (too long): read, reported
            files.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES))
        else:
            files.append(path)
    return files


def content_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        raise SourceError("文件不存在", path=str(path), hint="请检查路径") from None
    except IsADirectoryError:
        raise SourceError("是目录，不是文件", path=str(path), hint="请给出文件或目录") from None
    except OSError as error:
        raise SourceError(f"无法读取（{os_reason(error)}）", path=str(path), hint="请检查文件权限") from None


def mine_corpus(paths: Sequence[os.PathLike], db: Path,
                progress: Optional[Callable[[Iterable], Iterable]] = None) -> MineReport:
    """Mine documents into the library at `db`. An unchanged file is skipped (content hash), a
    changed one replaces its rows; a bad file is reported and the others go on. The library
    is never one of the documents (planner.output.OutputCheck)."""
    from planner.output import OutputCheck

    files = expand_inputs(paths)
    OutputCheck(files).claim(db, label="--db")
    conn = store.connect(db)
    report = MineReport(db=db)
    try:
        for file in (progress(files) if progress else files):
            report.results.append(_mine_file(conn, file))
        store.count_grams(conn)
        report.clusters = _update_clusters(conn, report)
    finally:
        conn.close()
    return report


def _update_clusters(conn: sqlite3.Connection, report: MineReport) -> int:
    """Added documents join the existing clusters; a replaced one (its old clauses gone, maybe
    a leader among them) or a library without clusters is clustered afresh."""
    statuses = {r.status for r in report.results}
    empty = conn.execute("SELECT count(*) FROM clusters").fetchone()[0] == 0
    if "replaced" in statuses or empty:
        return recluster(conn)
    if "added" in statuses or conn.execute(
            "SELECT count(*) FROM clauses WHERE cluster_id IS NULL").fetchone()[0]:
        return extend_clusters(conn)
    return conn.execute("SELECT count(*) FROM clusters WHERE size > 1").fetchone()[0]


def _mine_file(conn: sqlite3.Connection, file: Path) -> MineResult:
    from planner.mine.segment import plan_records
    from planner.parse.document import ingest_document

    result = MineResult(source=str(file))
    key = os.path.realpath(file)  # Path.resolve raises RuntimeError on a link loop (Python < 3.13)
    try:
        digest = content_hash(file)
        known = store.document_hash(conn, key)
        if known == digest:
            result.status = "unchanged"
            return result
        plan = ingest_document(file).plan
        records = plan_records(plan)
        if not records:
            raise SourceError("没有读到任何条款", path=str(file), hint="请确认这是一份方案正文")
        written = store.write_document(conn, key, digest, plan, records)
        result.status = ("replaced" if known else "added") if written else "unchanged"
        result.clauses = len(records)
    except (store.LibraryError, sqlite3.Error):
        raise  # the library itself failed: no use going on with the other files
    except Exception as error:  # noqa: BLE001  the batch boundary: one file never stops the others
        result.status, result.error = "failed", contained(error, str(file))
    return result


def corpus_hash(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def default_library(notes: Optional[list[str]] = None) -> Path:
    """The library in the user's cache dir: on first use a copy of the library the wheel's build
    mined from the bundled corpus (planner/built/), or, where there is none that matches (an
    editable checkout), mined here. The user's own documents (`planner mine` without --db) go
    into this copy, never into the bundled file, and are kept when the bundled corpus changes
    (only the bundled documents are renewed) or the schema does (they are mined again from
    their files; `notes` says so). A new library is made under a temporary name and renamed
    into place, so a second process never sees (or deletes) a half-made library. One the user
    may read but not write is used as it is."""
    from planner.resources import corpus_dir

    corpus = corpus_dir()
    files = sorted(corpus.glob("*.txt"))
    db = cache_dir() / LIBRARY_NAME
    state = library_state(db, corpus_hash(files))
    if state == "current":
        return db
    building = db.with_name(f".{LIBRARY_NAME}.{os.getpid()}.tmp")
    _remove(building)
    try:
        note = _make_default(state, db, building, files, corpus)
        _remove(Path(f"{db}-wal"), Path(f"{db}-shm"))
        os.replace(building, db)
    except (OSError, sqlite3.Error, store.LibraryError) as error:
        if state != "other corpus":
            raise store.LibraryError(f"无法建立默认条款库（{_reason(error)}）", path=str(db),
                                     hint="请检查用户缓存目录（$XDG_CACHE_HOME）的写权限，或用 --db 指定条款库") from None
        note = f"默认条款库未能按新的样例文档更新（{_reason(error)}），仍使用原有的条款库"
    finally:
        _remove(building, Path(f"{building}-wal"), Path(f"{building}-shm"))
    if note and notes is not None:
        notes.append(note)
    return db


def library_state(db: Path, wanted: str) -> str:
    """current, absent, other corpus (the bundled corpus changed) or other schema; a corrupt
    library raises LibraryError (its message names the rebuild)."""
    if not db.exists():
        return "absent"
    try:
        conn = store.open_for_reading(db)
    except store.StaleLibraryError:
        return "other schema"
    try:
        return "current" if store.get_meta(conn, "corpus") == wanted else "other corpus"
    finally:
        conn.close()


def _make_default(state: str, db: Path, building: Path, files: list[Path], corpus: Path) -> Optional[str]:
    from planner.mine import upgrade

    if state == "other corpus":
        upgrade.renew_bundled(db, building, files, corpus)
        return None
    bundled = built_file(LIBRARY_NAME)
    if bundled is not None and bundled_matches(bundled, corpus_hash(files)):
        _copy_bundled(bundled, building, corpus)
    else:
        build_library(files, building)
    return upgrade.carry_user_documents(db, building, corpus) if state == "other schema" else None


def _reason(error: Exception) -> str:
    from planner.errors import os_reason

    if isinstance(error, OSError):
        return os_reason(error)
    return error.message if isinstance(error, store.LibraryError) else str(error)


def build_library(files: list[Path], db: Path) -> None:
    """Mine the bundled corpus into a new library at `db`, marked with the corpus's hash."""
    from planner.mine.upgrade import mark_bundled

    report = mine_corpus(files, db)
    if report.failed:
        raise next(r.error for r in report.results if r.error is not None)
    conn = store.connect(db)
    try:
        store.set_meta(conn, "corpus", corpus_hash(files))
        mark_bundled(conn, [str(file.resolve()) for file in files])
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def bundled_matches(bundled: Path, wanted: str) -> bool:
    """True when the shipped library was mined from this corpus by this schema version. Read
    only and immutable: the bundled file is never written, not even a journal beside it."""
    uri = f"{bundled.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return False
    try:
        ids = conn.execute("PRAGMA application_id").fetchone()[0], conn.execute("PRAGMA user_version").fetchone()[0]
        return ids == (store.APPLICATION_ID, store.SCHEMA_VERSION) and store.get_meta(conn, "corpus") == wanted
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _copy_bundled(bundled: Path, db: Path, corpus: Path) -> None:
    """The shipped library as the user's, its documents keyed by where the corpus is installed
    (as mining the installed corpus would key them, so re-mining it finds them unchanged)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundled, db)
    conn = store.connect(db)
    try:
        from planner.mine.upgrade import mark_bundled

        rows = conn.execute("SELECT id, name FROM documents").fetchall()
        paths = [(str((corpus / name).resolve()), doc_id) for doc_id, name in rows]
        conn.executemany("UPDATE documents SET path = ? WHERE id = ?", paths)
        mark_bundled(conn, [path for path, _ in paths])
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _remove(*paths: Path) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def library_path(db: Optional[Path], notes: Optional[list[str]] = None) -> Path:
    """--db when given (it must exist for reading), else the default library."""
    if db is None:
        return default_library(notes)
    if not db.exists():
        raise store.LibraryError("条款库不存在", path=str(db), hint=f"请先运行 planner mine 文档… --db {db}")
    return db
