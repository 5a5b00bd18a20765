"""The clause library's SQLite file: schema, opening (WAL, checks), and one document's rows."""
from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections import Counter
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from planner.errors import os_reason
from planner.mine.connection import LibraryConnection, LibraryError, StaleLibraryError, rebuild_hint
from planner.mine.mask import bigrams, masked, normalize, place_pattern

if TYPE_CHECKING:  # writing a document needs the model; opening and reading the library do not
    from planner.mine.segment import ClauseRecord
    from planner.model import Plan

APPLICATION_ID = 0x504C4E52  # "PLNR": marks the file as a planner library
# 5: targets read as the noun phrase a quantity counts (planner.targets), so a library mined
# before holds other metrics and is rebuilt.
SCHEMA_VERSION = 5
BUSY_MS = 60_000  # a second `mine` waits for the first one's transaction instead of failing
MMAP_BYTES = 1 << 30  # reads use the mapped file instead of copying pages: search -20% CPU
# Split on ";" when created: no semicolon inside a comment.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents(
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, name TEXT NOT NULL, hash TEXT NOT NULL,
    title TEXT, region TEXT, year INTEGER, period TEXT, clauses INTEGER NOT NULL DEFAULT 0,
    counted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS parts(
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, heading TEXT NOT NULL, role TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items(
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, part_id INTEGER NOT NULL, title TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clauses(
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, part_id INTEGER, item_id INTEGER,
    seq INTEGER NOT NULL, text TEXT NOT NULL, norm TEXT NOT NULL, masked TEXT NOT NULL,
    heading TEXT NOT NULL, role TEXT NOT NULL, line INTEGER, responsibility TEXT,
    cluster_id INTEGER);
CREATE INDEX IF NOT EXISTS clauses_doc ON clauses(doc_id);
CREATE INDEX IF NOT EXISTS clauses_cluster ON clauses(cluster_id);
-- Search reads a match's cluster, document and role here, not in its wide row (about 700 bytes).
CREATE INDEX IF NOT EXISTS clauses_keys ON clauses(id, cluster_id, doc_id, role);
CREATE TABLE IF NOT EXISTS units(
    clause_id INTEGER NOT NULL, name TEXT NOT NULL, canonical TEXT NOT NULL, kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS units_clause ON units(clause_id);
CREATE TABLE IF NOT EXISTS targets(
    clause_id INTEGER NOT NULL, doc_id INTEGER NOT NULL, text TEXT NOT NULL, metric TEXT NOT NULL,
    metric_key TEXT NOT NULL, value REAL NOT NULL, unit TEXT, qualifier TEXT, year INTEGER);
CREATE INDEX IF NOT EXISTS targets_doc ON targets(doc_id);
CREATE TABLE IF NOT EXISTS clusters(id INTEGER PRIMARY KEY, canonical INTEGER NOT NULL,
    leader INTEGER NOT NULL, size INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5(g, h, tokenize='unicode61');
-- Per bigram, the clauses whose text holds it: BM25's document frequency, which fts5vocab
-- counts by reading the whole posting list (3 ms for 建设 at 100k clauses). A document's
-- clauses are in it once documents.counted = 1.
CREATE TABLE IF NOT EXISTS gram_df(gram TEXT PRIMARY KEY, clauses INTEGER NOT NULL) WITHOUT ROWID;
"""


def connect(path: Path, create: bool = True) -> sqlite3.Connection:
    """Open (and create) a library to write. Foreign or corrupt files raise LibraryError; so
    does a library the user may not write (it is read with open_for_reading)."""
    if not create and not path.exists():
        raise LibraryError("条款库不存在", path=str(path), hint=f"请先运行 planner mine 文档… --db {path}")
    _check_regular(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None, factory=LibraryConnection)
        conn.path = path
    except OSError as error:
        raise LibraryError(f"无法打开条款库（{os_reason(error)}）", path=str(path), hint="请检查路径和权限") from None
    except sqlite3.Error as error:
        raise LibraryError(f"无法打开条款库（{error}）", path=str(path), hint="请检查路径和权限") from None
    try:
        _prepare(conn, path)
    except sqlite3.DatabaseError as error:
        conn.close()
        if _read_only(error):
            raise LibraryError("条款库是只读的，不能写入", path=str(path),
                               hint="请检查该文件和所在目录的写权限，或用 --db 指定另一个条款库") from None
        raise LibraryError(f"不是有效的条款库（{error}）", path=str(path), hint=rebuild_hint(path)) from None
    return conn


def open_for_reading(path: Path) -> sqlite3.Connection:
    """Open a library to read, changing nothing in it. Where the file or its folder cannot be
    written, it is opened read-only (mode=ro), and a WAL library in a folder that cannot hold
    its -shm file as immutable: a library the user may read but not write is read, not called
    corrupt. Otherwise a plain connection, which tidies its WAL files away when it closes."""
    if not path.exists():
        raise LibraryError("条款库不存在", path=str(path), hint=f"请先运行 planner mine 文档… --db {path}")
    _check_regular(path)
    uri = Path(path).resolve().as_uri()
    for suffix in ("?mode=rw", "?mode=ro", "?mode=ro&immutable=1"):
        try:
            return _open_uri(f"{uri}{suffix}", path)
        except sqlite3.DatabaseError as error:
            if "immutable" in suffix or not (_read_only(error) or "unable to open" in str(error)):
                raise LibraryError(f"不是有效的条款库（{error}）", path=str(path), hint=rebuild_hint(path)) from None
    raise LibraryError("无法打开条款库", path=str(path), hint="请检查路径和权限")  # not reached


def _open_uri(uri: str, path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_MS / 1000, isolation_level=None,
                           factory=LibraryConnection)
    conn.path = path
    try:
        _check_library(conn, path)
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    except BaseException:
        conn.close()
        raise
    return conn


def _check_regular(path: Path) -> None:
    """A library is a regular file: SQLite would write a FIFO or device (and its journal in /dev)."""
    try:
        kind = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise LibraryError(f"无法打开条款库（{os_reason(error)}）", path=str(path), hint="请检查路径") from None
    if not stat.S_ISREG(kind):
        raise LibraryError("条款库路径不是普通文件（是目录、管道或设备）", path=str(path),
                           hint="请用 --db 指定一个 .sqlite 文件")


def _read_only(error: sqlite3.Error) -> bool:
    return "readonly" in str(error) or "read-only" in str(error) or \
        str(getattr(error, "sqlite_errorname", "")).startswith("SQLITE_READONLY")


def _check_library(conn: sqlite3.Connection, path: Path) -> int:
    """The number of schema objects (0: a new file); LibraryError for another program's
    database or another schema version."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if tables and app_id != APPLICATION_ID:
        raise LibraryError("不是 planner 条款库（可能是别的程序的数据库）", path=str(path),
                           hint=rebuild_hint(path))
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if tables and version != SCHEMA_VERSION:
        raise StaleLibraryError(f"条款库版本不符（{version}，应为 {SCHEMA_VERSION}）", path=str(path),
                           hint=rebuild_hint(path))
    if tables:
        conn.execute("SELECT count(*) FROM documents").fetchone()
    return tables


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    tables = _check_library(conn, path)
    _use_wal(conn)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    if not tables:
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    conn.execute("SELECT count(*) FROM documents").fetchone()


def _use_wal(conn: sqlite3.Connection) -> None:
    """WAL is a property of the file, set once. Switching needs a lock that SQLite does not
    wait for (no busy handler), so a second process creating the same library retries."""
    deadline = time.monotonic() + BUSY_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def document_hash(conn: sqlite3.Connection, key: str) -> Optional[str]:
    row = conn.execute("SELECT hash FROM documents WHERE path = ?", (key,)).fetchone()
    return row[0] if row else None


def delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
    ids = "SELECT id FROM clauses WHERE doc_id = ?"
    if conn.execute("SELECT counted FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]:
        _add_grams(conn, conn.execute(f"SELECT g FROM grams WHERE rowid IN ({ids})", (doc_id,)), -1)
        conn.execute("DELETE FROM gram_df WHERE clauses <= 0")
    conn.execute(f"DELETE FROM grams WHERE rowid IN ({ids})", (doc_id,))
    conn.execute(f"DELETE FROM units WHERE clause_id IN ({ids})", (doc_id,))
    for table in ("targets", "clauses", "items", "parts"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def write_document(conn: sqlite3.Connection, key: str, digest: str, plan: Plan,
                   records: list[ClauseRecord]) -> Optional[int]:
    """Replace the rows of document `key` (a path) in one transaction; the new document id,
    or None when the same content was already there (another run got it first)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT id, hash FROM documents WHERE path = ?", (key,)).fetchone()
        if row and row[1] == digest:
            conn.execute("ROLLBACK")
            return None
        if row:
            delete_document(conn, row[0])
        doc_id = _insert(conn, key, digest, plan, records)
        conn.execute("COMMIT")
        return doc_id
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _insert(conn: sqlite3.Connection, key: str, digest: str, plan: Plan,
            records: list[ClauseRecord]) -> int:
    from planner.mine.segment import plan_year

    period = "-".join(map(str, plan.period)) if plan.period else None
    doc_id = conn.execute(
        "INSERT INTO documents(path, name, hash, title, region, year, period, clauses) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (key, os.path.basename(key), digest, plan.name, plan.region, plan_year(plan), period,
         len(records))).lastrowid
    places = place_pattern([plan.region or ""])
    parts: dict[tuple[str, str], int] = {}
    items: dict[tuple[int, str], int] = {}
    for record in records:
        part_heading = record.heading.rsplit(" / ", 1)[0] if record.item else record.heading
        part_id = parts.get((part_heading, record.role))
        if part_id is None:
            part_id = conn.execute("INSERT INTO parts(doc_id, heading, role) VALUES (?, ?, ?)",
                                   (doc_id, part_heading, record.role)).lastrowid
            parts[(part_heading, record.role)] = part_id
        item_id = None
        if record.item:
            item_id = items.get((part_id, record.item))
            if item_id is None:
                item_id = conn.execute("INSERT INTO items(doc_id, part_id, title) VALUES (?, ?, ?)",
                                       (doc_id, part_id, record.item)).lastrowid
                items[(part_id, record.item)] = item_id
        _insert_clause(conn, doc_id, part_id, item_id, record, places)
    return doc_id


def count_grams(conn: sqlite3.Connection) -> None:
    """Add the documents not yet counted to gram_df, in one transaction at the end of a run.
    Counting each document as it was written rewrote most of the table's pages every time
    (15 ms a document). A run killed before this leaves them for the next run to count."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        _add_grams(conn, conn.execute(
            "SELECT g FROM grams WHERE rowid IN (SELECT c.id FROM clauses c JOIN documents d "
            "ON d.id = c.doc_id WHERE d.counted = 0)"), 1)
        conn.execute("UPDATE documents SET counted = 1 WHERE counted = 0")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _add_grams(conn: sqlite3.Connection, rows: Iterable[tuple[str]], sign: int) -> None:
    """Add (sign 1) or take away (-1) clauses, given by their indexed bigrams, in gram_df."""
    counts = Counter(chain.from_iterable(set(grams.split()) for (grams,) in rows))
    conn.executemany("INSERT INTO gram_df(gram, clauses) VALUES (?, ?) ON CONFLICT(gram) "
                     "DO UPDATE SET clauses = clauses + excluded.clauses",
                     sorted((gram, sign * n) for gram, n in counts.items()))


def _insert_clause(conn, doc_id, part_id, item_id, record: ClauseRecord, places) -> None:
    from planner.targets import normalize_metric

    resp = record.responsibility.raw if record.responsibility else None
    clause_id = conn.execute(
        "INSERT INTO clauses(doc_id, part_id, item_id, seq, text, norm, masked, heading, role, line,"
        " responsibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, part_id, item_id, record.seq, record.text, normalize(record.text),
         masked(record.text, places), record.heading, record.role, record.line, resp)).lastrowid
    own_heading = record.heading.rsplit(" / ", 1)[-1]
    conn.execute("INSERT INTO grams(rowid, g, h) VALUES (?, ?, ?)",
                 (clause_id, " ".join(bigrams(record.text)), " ".join(bigrams(own_heading))))
    conn.executemany("INSERT INTO units(clause_id, name, canonical, kind) VALUES (?, ?, ?, ?)",
                     [(clause_id, *unit) for unit in record.units()])
    conn.executemany(
        "INSERT INTO targets(clause_id, doc_id, text, metric, metric_key, value, unit, qualifier, year)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(clause_id, doc_id, t.text, t.metric, normalize_metric(t.metric), t.value, t.unit,
          t.qualifier, t.year) for t in record.targets])


def get_meta(conn: sqlite3.Connection, key: str) -> Optional[str]:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))
