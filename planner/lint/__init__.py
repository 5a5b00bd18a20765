"""planner lint: check drafts against the schema and the 公文 rules (docs/rules.md).

`lint_plan(paths, options)` is the command's public function: it lints every file (a file
that cannot be read is recorded and the others go on), with the config found upward from
each file, and applies fixes when asked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from pydantic import BaseModel, ConfigDict, Field

from planner.errors import UserError, contained
from planner.lint.config import META_CODES, Config, check_selector, find_config, load_config
from planner.lint.problem import Problem

# The engine (and with it the readers, parse and the rules) is imported when a lint runs.
if TYPE_CHECKING:
    from planner.lint.engine import FileResult


class LintOptions(BaseModel):
    """What `planner lint` was asked to do."""

    model_config = ConfigDict(extra="forbid")
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    config: Optional[Path] = None
    strict: bool = False
    fix: bool = False
    in_place: bool = False


@dataclass
class LintReport:
    results: list["FileResult"] = field(default_factory=list)
    strict: bool = False

    def problems(self) -> list[Problem]:
        return [p for r in self.results for p in r.problems]

    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error is not None]

    def exit_code(self) -> int:
        """0 clean, 1 findings at error level (any finding with strict) or some files unreadable,
        2 no file could be read."""
        if self.errors():
            return 2 if len(self.errors()) == len(self.results) else 1
        counted = ("error", "warning") if self.strict else ("error",)
        return 1 if any(p.level in counted for p in self.problems()) else 0


def _config(path: str, options: LintOptions, cache: dict) -> Config:
    where = options.config if options.config is not None else find_config(Path(path))
    key = str(where)
    if key not in cache:
        config = load_config(where)
        if options.select:
            config.select = list(options.select)
        config.ignore = config.ignore + list(options.ignore)
        cache[key] = config
    return cache[key]


def lint_plan(paths: list[str | Path], options: Optional[LintOptions] = None) -> LintReport:
    """Lint (and with options.fix, fix) each file. Bad selectors or a bad --config raise
    UserError; a file that cannot be read, or whose own config is bad, is recorded in its result
    and the others go on. Every file read (drafts, configs, unit lists) is an input no fix may
    overwrite."""
    from planner.lint.engine import FileResult, fix_file, lint_file
    from planner.output import OutputCheck
    options = options or LintOptions()
    for selector in options.select + options.ignore:
        check_selector(selector, None)
    if options.in_place and not options.fix:
        raise UserError("--in-place 需要与 --fix 一起使用", hint="请加上 --fix")
    report = LintReport(strict=options.strict)
    cache: dict = {}
    if options.config is not None:
        _config(str(options.config), options, cache)  # a bad --config is a usage error, once
    check = OutputCheck(paths).read(options.config, label="--config")
    for path in paths:
        try:
            config = _config(str(path), options, cache)
            report.strict = report.strict or config.strict
            if options.fix:
                check.read(config.source, label="配置文件").read(config.units, label="单位登记表")
                report.results.append(fix_file(path, config, options.in_place, check))
            else:
                report.results.append(lint_file(path, config))
        except Exception as error:  # noqa: BLE001  the batch boundary: one file never stops the others
            report.results.append(FileResult(str(path), error=contained(error, str(path))))
    return report


__all__ = ["LintOptions", "LintReport", "lint_plan", "META_CODES"]
