"""Command line: `planner` and its commands (importing the modules registers them)."""
from planner.cli import documents, layout, library, lint, workspace  # noqa: F401  (register the commands)
from planner.cli.app import cli, main

__all__ = ["cli", "main"]
