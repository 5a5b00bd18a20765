"""The clause library's connection: errors that name the library, and a connection whose
queries turn SQLite's report of a damaged page into one of them."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from planner.errors import UserError


class LibraryError(UserError):
    """The clause library file is missing, corrupt or not a planner library."""


class StaleLibraryError(LibraryError):
    """A planner library written by another version of planner."""


def rebuild_hint(path: Path) -> str:
    return f"请删除该文件后运行 planner mine 文档目录 --db {path} 重建（默认条款库删除后会自动重建）"


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
