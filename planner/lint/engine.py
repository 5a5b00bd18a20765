"""The lint engine: runs the rules on a draft, applies levels, config and suppressions, fixes."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from planner.errors import PlannerError
from planner.lint.config import META_CODES, Config, find_config, load_config
from planner.lint.draft import Draft, screened_spans
from planner.lint.readers import read_draft, text_draft, yaml_draft
from planner.lint.problem import Problem, apply_edits
from planner.lint.registry import all_rules
from planner.lint.units import UnitRegistry, load_registry

if TYPE_CHECKING:
    from planner.output import OutputCheck

MAX_FIX_PASSES = 10


@dataclass
class FileResult:
    """What linting one file gave: problems, or the error that stopped it, and any fixed copy."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    error: Optional[PlannerError] = None
    fixed: Optional[Path] = None
    fixes_applied: int = 0
    note: Optional[str] = None  # said on stderr: 例：docx 不能自动修复


def lint_draft(draft: Draft, config: Config, units: Optional[UnitRegistry] = None) -> list[Problem]:
    """Every problem in `draft` that the config lets through, sorted."""
    draft.units = units or load_registry(config.units)
    found: list[Problem] = []
    for rule in all_rules():
        if not config.active(rule.code, draft.path):
            continue
        if draft.tables_only and rule.code.startswith("S"):
            continue  # a table on its own (planner matrix) is no plan: no parts to require
        options = config.options.get(rule.code) or rule.options()
        screen = getattr(rule.module, "SCREEN", None)
        draft.screened = None if screen is None else screened_spans(draft, screen, options)
        try:
            for problem in rule.check(draft, options):
                problem.code, problem.name = rule.code, rule.name
                problem.level = config.level(rule.code, rule.level)
                found.append(problem)
        finally:
            draft.screened = None
    found.extend(format_problems(draft, config))
    for problem in found:
        problem.file = draft.path
    kept = _suppress(draft, found, config)
    return sorted(_unique(kept), key=Problem.sort_key)


def format_problems(draft: Draft, config: Config) -> list[Problem]:
    """F group: the check-format findings (planner.check) of a DOCX, turned
    into Problems that go through config and suppression like any rule. A DOCX has no
    lines: the place (页面设置, 第 N 段（…）, 单页页码) leads the message."""
    if draft.fmt != "docx":
        return []
    from planner.check import check_docx

    out = []
    for item in check_docx(draft.path):
        if not config.active(item.code, draft.path):
            continue
        out.append(Problem(1, 1, f"{item.where}：{item.text()}", code=item.code,
                           level=config.level(item.code, "error")))
    return out


def _suppress(draft: Draft, problems: list[Problem], config: Config) -> list[Problem]:
    kept = []
    for problem in problems:
        hit = [d for d in draft.directives if d.covers(problem.code, problem.line)]
        for directive in hit:
            directive.used = True
        if not hit:
            kept.append(problem)
    if config.active("X001", draft.path):
        level = config.levels.get("X001") or META_CODES["X001"]
        for directive in draft.directives:
            if not directive.used:
                kept.append(Problem(directive.line, directive.col,
                                    f"抑制注释未抑制任何问题（{directive.text()}）；请删除该注释",
                                    code="X001", name="unused-suppression", level=level,
                                    file=draft.path))
    return kept


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen, out = set(), []
    for problem in problems:
        key = (problem.code, problem.line, problem.col, problem.message)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def config_for(path: str, explicit: Optional[Path] = None) -> Config:
    return load_config(explicit if explicit is not None else find_config(Path(path)))


def lint_file(path: str | os.PathLike, config: Optional[Config] = None) -> FileResult:
    """Lint one file; a PlannerError (unreadable input) is kept in the result, not raised."""
    name = str(path)
    try:
        config = config or config_for(name)
        return FileResult(name, lint_draft(read_draft(name), config))
    except PlannerError as error:
        return FileResult(name, error=error)


def reread(draft: Draft, text: str) -> Draft:
    if draft.fmt == "yaml":
        from planner.planfile import load_data, validate_plan
        return yaml_draft(draft.path, text, validate_plan(load_data(text, draft.path), text,
                                                         draft.path))
    return text_draft(text, draft.path)


def fix_draft(draft: Draft, config: Config) -> tuple[Draft, int]:
    """Apply fixable problems until nothing more changes; returns the fixed draft and count.
    A fix that would change the draft's parse is not applied (planner.lint.guard): its
    problem stays, and `draft.refused` holds it."""
    from planner.lint.guard import guarded_pass, key, shape

    units = load_registry(config.units)
    total, refused = 0, set()
    before = shape(draft.plan)
    for _ in range(MAX_FIX_PASSES):
        problems = lint_draft(draft, config, units)
        fixes = [p for p in problems if p.fix and key(p, draft.text) not in refused]
        if not fixes:
            break
        fixed, count, refusing = guarded_pass(draft.text, fixes, lambda text: reread(draft, text), before,
                                              local=draft.fmt == "txt")
        refused.update(key(p, draft.text) for p in refusing)
        if fixed is None or fixed.text == draft.text:
            break
        draft, total = fixed, total + count
    draft.refused = refused
    return draft, total


def refused_fixes(draft: Draft, problems: list[Problem]) -> list[Problem]:
    """`problems` of a fixed draft, those whose fix was refused said so and left unfixable."""
    from planner.lint.guard import key

    for problem in problems:
        if problem.fix and key(problem, draft.text) in draft.refused:
            problem.fix = []
            problem.message += "（自动修复会改变文档结构或引号配对，未修复，请人工修改）"
    return problems


def fixed_path(path: Path, in_place: bool) -> Path:
    return path if in_place else path.with_name(f"{path.stem}.fixed{path.suffix}")


def fix_file(path: str | os.PathLike, config: Optional[Config] = None,
             in_place: bool = False, check: Optional[OutputCheck] = None) -> FileResult:
    """Fix one file and write NAME.fixed.EXT (or, with in_place, the file itself: through a
    symbolic link the file it points to, a hard-linked file in place; planner.output). `check`
    holds every input of the run: a NAME.fixed.EXT that is one of them is refused."""
    from planner.output import OutputCheck, write_atomic
    name = str(path)
    try:
        target = fixed_path(Path(name), in_place)
        (check or OutputCheck([name])).claim(target, source=name, replaces_source=in_place)
        config = config or config_for(name)
        draft = read_draft(name)
        if not draft.editable:
            return FileResult(name, lint_draft(draft, config),
                              note=f"{draft.fmt} 文件不能自动修复，只报告问题；"
                                   f"请在 Word 中修改，或先 planner ingest 成方案 YAML 再修复")
        fixed, count = fix_draft(draft, config)
        write_atomic(target, draft.form.encode(fixed.text), inputs=[] if in_place else [name])
        fixed.path = str(target)
        return FileResult(str(target), refused_fixes(fixed, lint_draft(fixed, config)), fixed=target,
                          fixes_applied=count)
    except PlannerError as error:
        return FileResult(name, error=error)
