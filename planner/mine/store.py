"""The clause library's SQLite file: schema, opening (WAL, checks), and one document's rows."""
from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from planner.errors import UserError
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


class LibraryError(UserError):
    """The clause library file is missing, corrupt or not a planner library."""


class StaleLibraryError(LibraryError):
    """A planner library written by another version of planner."""


def rebuild_hint(path: Path) -> str:
    return f"请删除该文件后运行 planner mine 文档目录 --db {path} 重建（默认条款库删除后会自动重建）"


def connect(path: Path, create: bool = True) -> sqlite3.Connection:
    """Open (and create) a library. Foreign or corrupt files raise LibraryError."""
    if not create and not path.exists():
        raise LibraryError("条款库不存在", path=str(path), hint=f"请先运行 planner mine 文档… --db {path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None, factory=LibraryConnection)
        conn.path = path
    except (OSError, sqlite3.Error) as error:
        raise LibraryError(f"无法打开条款库（{error}）", path=str(path), hint="请检查路径和权限") from None
    try:
        _prepare(conn, path)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise LibraryError(f"不是有效的条款库（{error}）", path=str(path), hint=rebuild_hint(path)) from None
    return conn


class LibraryConnection(sqlite3.Connection):
    """A connection whose queries report a damaged page as a LibraryError naming the library.
    SQLite reads a page when a query first needs it, so a file damaged below its header opens
    and answers most queries; the one that meets the damage raises, at execute or at a fetch."""

    path: Path = Path()

    def cursor(self, factory=None):  # type: ignore[override]
        cursor = super().cursor(factory or LibraryCursor)
        cursor.path = self.path
        return cursor

    # sqlite3's own shortcuts make a plain cursor in C, whatever cursor() says.
    def execute(self, *args):  # type: ignore[override]
        return self.cursor().execute(*args)

    def executemany(self, *args):  # type: ignore[override]
        return self.cursor().executemany(*args)


class LibraryCursor(sqlite3.Cursor):
    path: Path = Path()

    def execute(self, *args):  # type: ignore[override]
        return self._guarded(super().execute, *args)

    def executemany(self, *args):  # type: ignore[override]
        return self._guarded(super().executemany, *args)

    def fetchone(self):
        return self._guarded(super().fetchone)

    def fetchmany(self, *args):  # type: ignore[override]
        return self._guarded(super().fetchmany, *args)

    def fetchall(self):
        return self._guarded(super().fetchall)

    def __next__(self):
        return self._guarded(super().__next__)

    def _guarded(self, method, *args):
        try:
            return method(*args)
        except sqlite3.DatabaseError as error:
            if damaged(error):
                raise LibraryError(f"条款库已损坏（{error}）", path=str(self.path),
                                   hint=rebuild_hint(self.path)) from None
            raise


def damaged(error: sqlite3.DatabaseError) -> bool:
    """SQLITE_CORRUPT (and its extended codes, fts5's too) or SQLITE_NOTADB."""
    name = str(getattr(error, "sqlite_errorname", ""))
    if name:
        return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"
    return type(error) is sqlite3.DatabaseError  # Python 3.10: no error names; these two only


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
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
        (key, os.path.basename(key), digest, plan.title, plan.region, plan_year(plan), period,
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
