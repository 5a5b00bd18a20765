"""Errors planner raises; cli.py turns them into one Chinese line and an exit code."""
from __future__ import annotations

from typing import Optional


class PlannerError(Exception):
    """Base of every error planner reports to the user."""

    exit_code = 1

    def __init__(self, message: str, *, path: Optional[str] = None,
                 line: Optional[int] = None, col: Optional[int] = None,
                 hint: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.hint = hint

    def where(self) -> str:
        parts = [self.path] if self.path else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text}；{self.hint}" if self.hint else text


class UserError(PlannerError):
    """Bad usage or unreadable input: exit 2."""

    exit_code = 2


class SourceError(UserError):
    """An input document cannot be read or holds no plan text."""


class PlanFileError(UserError):
    """A plan YAML/JSON file is malformed or fails the schema."""


class OutputError(UserError):
    """An output cannot be written where asked."""
