"""Lint findings for the page, each on the node it concerns, and their fixes.

An outline is linted twice with the lint engine (planner.lint): its own strings (titles,
headings, the drafter's text: a fix edits the outline file, as `planner lint --fix` edits a
plan file), and the plan `planner draft` makes of it (what will be printed: owners, deadlines,
【待填】; draft already writes what lint can fix in 公文 form, so these are for the drafter to
settle). A plan file is linted as `planner lint` lints it, and fixed in place.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional

from planner.draft.outline import Outline, validate_outline
from planner.errors import UserError
from planner.lint.draft import Draft
from planner.lint.engine import config_for, lint_draft
from planner.lint.problem import Problem, apply_edits
from planner.model import Item, Part, Plan, Role, Section

# An outline's string fields a reader sees, as lint spans: the YAML key → the span's field.
OUTLINE_PROSE = {"title": "title", "preamble": "text", "goals": "text", "heading": "title",
                 "text": "text", "deadline": "text", "issuer": "issuer", "recipients": "recipients",
                 "cc": "cc", "printer": "printer", "doc_number": "doc_number"}
MAX_FIX_PASSES = 10
LABEL_CHARS = 12  # an untitled item is named by this many of its first characters


@dataclass
class Finding:
    """One lint problem on the page. `key` is the node it concerns (`parts[0].items[1]`,
    `parts[0]`, `goals`, '' for the whole file); `source` says whether a fix edits the file
    (`file`) or the problem is in what draft makes of it (`draft`)."""

    key: str
    code: str
    level: str
    message: str
    line: int
    col: int
    fixable: bool
    source: str = "file"
    label: str = ""

    @property
    def id(self) -> str:
        return f"{self.code}:{self.line}:{self.col}"


class FixGone(UserError):
    """The finding a page asked to fix is no longer there."""


# --- outline files ------------------------------------------------------------------------

def outline_lint_draft(path: str, text: str, plan: Plan) -> tuple[Draft, list[tuple[int, int, str]]]:
    """A lint draft over the outline's own strings (their places in `text`), with `plan` (the
    drafted plan) for what rules read of the whole (its years, its 成文日期); and each string's
    [start, end) in the text with the outline node it belongs to."""
    from planner.lint.readers import scalar_span
    from planner.lint.suppress import yaml_directives
    from planner.planfile import load_marked_data

    _, marked = load_marked_data(text, path)
    draft = Draft(path, "yaml", text, plan, [], directives=yaml_directives(text))
    owners: list[tuple[int, int, str]] = []
    if marked is None:
        return draft, owners
    for keys, node in _strings(marked, ()):
        field = OUTLINE_PROSE[next(k for k in reversed(keys) if isinstance(k, str))]
        span = scalar_span(node, text, field, _area(keys))
        draft.spans.append(span)
        owners.append((node.start, node.end, node_key(keys)))
    return draft, owners


def _strings(node: Any, keys: tuple) -> Iterator[tuple[tuple, Any]]:
    children = node.children
    if type(children) is dict:
        for key, value in children.items():
            yield from _strings(value, keys + (key,))
    elif type(children) is list:
        for index, value in enumerate(children):
            yield from _strings(value, keys + (index,))
    elif isinstance(node.value, str) and node.value and node.tag.endswith(":str"):
        name = next((k for k in reversed(keys) if isinstance(k, str)), "")
        if name in OUTLINE_PROSE and "targets" not in keys:
            yield keys, node


def _area(keys: tuple) -> str:
    """The lint area of an outline string: T001/T002 skip the notice's, as in a plan file."""
    if keys[0] in ("title", "preamble", "goals", "notice"):
        return keys[0]
    return "notice" if keys[0] == "issuer" else "tasks"


def node_key(keys: tuple) -> str:
    """The outline node a value belongs to: ('parts', 0, 'items', 1, 'heading') → parts[0].items[1]."""
    out = ""
    for first, second in zip(keys[::2], keys[1::2]):
        if not isinstance(second, int) or first not in ("parts", "items"):
            break
        out += f"{'.' if out else ''}{first}[{second}]"
    return out or ("goals" if keys[0] == "goals" else "")


def outline_findings(path: str, text: str, outline: Outline, plan: Plan) -> list[Finding]:
    """Fixable problems in the outline's own strings, and every problem of the drafted plan,
    each on its outline node."""
    config = config_for(path)
    draft, owners = outline_lint_draft(path, text, plan)
    found = []
    for problem in lint_draft(draft, config):
        if problem.fix:
            at = problem.fix[0].start
            key = next((k for s, e, k in owners if s <= at <= e), "")
            found.append(_finding(problem, key, "file"))
    found.extend(drafted_findings(path, outline, plan, config))
    return found


def drafted_findings(path: str, outline: Outline, plan: Plan, config=None) -> list[Finding]:
    """The drafted plan's problems (lint of its plan file as draft would write it)."""
    from planner.lint.readers import yaml_draft
    from planner.planfile import dump_plan, load_marked_data

    text = dump_plan(plan)
    _, marked = load_marked_data(text, path)
    draft = yaml_draft(path, text, plan, marked)
    keys = outline_keys(outline, plan)
    ranges = [(start, end, keys.get(id(node), "")) for start, end, node in node_ranges(plan, marked, text)]
    return [_finding(problem, _enclosing(ranges, problem.line), "draft", fixable=False)
            for problem in lint_draft(draft, config or config_for(path))]


def outline_keys(outline: Outline, plan: Plan) -> dict[int, str]:
    """id(plan node) → the outline node draft made it from: task parts become the parts of
    主要任务 in order, each 保障措施 part a section of its own (planner.draft.fill)."""
    keys: dict[int, str] = {}
    tasks = iter([n for n, p in enumerate(outline.parts) if p.role == "tasks"])
    guards = iter([n for n, p in enumerate(outline.parts) if p.role == "safeguards"])
    for section in plan.sections:
        if section.role == Role.GOALS:
            keys[id(section)] = "goals"
            continue
        divisions = section.parts if section.role == Role.TASKS else [section]
        for division in divisions:
            index = next(tasks if section.role == Role.TASKS else guards, None)
            if index is None:
                break
            keys[id(division)] = f"parts[{index}]"
            for number, item in enumerate(division.items):
                keys[id(item)] = f"parts[{index}].items[{number}]"
    return keys


def node_ranges(plan: Plan, marked: Any, text: str) -> Iterator[tuple[int, int, Any]]:
    """(first line, last line, node) of every section, part and item, 1-based, in file order."""
    if marked is None or type(marked.children) is not dict or "sections" not in marked.children:
        return
    yield from _ranges(plan.sections, marked.children["sections"], text)


def _ranges(nodes: list, marked: Any, text: str) -> Iterator[tuple[int, int, Any]]:
    for node, mark in zip(nodes, marked.children or []):
        # A block mapping ends where the next token starts (the next item's `- `): its last
        # line is that of its last character.
        last = len(text[:mark.end].rstrip())
        yield mark.line + 1, text.count("\n", 0, last) + 1, node
        children = mark.children if type(mark.children) is dict else {}
        for key in ("parts", "items"):
            if key in children and isinstance(node, (Section, Part)):
                yield from _ranges(getattr(node, key), children[key], text)


def _enclosing(ranges: list[tuple[int, int, Any]], line: int) -> Any:
    """The innermost node whose lines hold `line` ('' when none)."""
    best, size = "", None
    for start, end, key in ranges:
        if start <= line <= end and (size is None or end - start <= size):
            best, size = key, end - start
    return best


def _finding(problem: Problem, key: str, source: str, fixable: Optional[bool] = None,
             label: str = "") -> Finding:
    return Finding(key, problem.code, problem.level, problem.message, problem.line, problem.col,
                   bool(problem.fix) if fixable is None else fixable, source, label)


def fix_outline(path: str, text: str, plan: Plan, finding: Optional[str]) -> str:
    """The outline text with one finding fixed (by its id), or every fixable one (None)."""
    config = config_for(path)
    for _ in range(1 if finding else MAX_FIX_PASSES):
        draft, _ = outline_lint_draft(path, text, plan)
        problems = [p for p in lint_draft(draft, config) if p.fix]
        if finding:
            problems = [p for p in problems if f"{p.code}:{p.line}:{p.col}" == finding]
            if not problems:
                raise FixGone("这个问题已经不在了（文件可能已修改）", hint="请重新载入页面")
        fixed, _count = apply_edits(text, [edit for p in problems for edit in p.fix])
        if fixed == text:
            break
        text = fixed
    from planner.planfile import load_data

    validate_outline(load_data(text, path), path, text)
    return text


# --- plan files ---------------------------------------------------------------------------

def plan_lint_draft(path: str, text: str) -> Draft:
    """The plan file's lint draft, as `planner lint` reads it."""
    from planner.lint.readers import yaml_draft
    from planner.planfile import load_marked_data, validate_plan

    data, marked = load_marked_data(text, path)
    return yaml_draft(path, text, validate_plan(data, text, path), marked)


def plan_findings(path: str, text: str) -> list[Finding]:
    """`planner lint` of a plan file, each problem with the heading of the part or item it is in."""
    from planner.planfile import load_marked_data

    draft = plan_lint_draft(path, text)
    _, marked = load_marked_data(text, path)
    ranges = [(start, end, node) for start, end, node in node_ranges(draft.plan, marked, text)]
    found = []
    for problem in lint_draft(draft, config_for(path)):
        node = _enclosing(ranges, problem.line)
        found.append(_finding(problem, "", "file", label=_label(node)))
    return found


def _label(node: Any) -> str:
    """How the panel names a division: its heading, or an untitled one by its first words."""
    from planner.blocks import heading_label

    if not isinstance(node, (Part, Item)) or not (node.title or node.marker):
        return ""
    if node.title:
        return heading_label(node)
    text = "".join(p.text for p in node.paragraphs)
    return heading_label(node) + text[:LABEL_CHARS] + ("…" if len(text) > LABEL_CHARS else "")


def fix_plan(path: str, text: str, finding: Optional[str]) -> str:
    """The plan text with one finding fixed (by its id), or all (None), as `lint --fix` does."""
    from planner.lint.engine import fix_draft, reread

    draft, config = plan_lint_draft(path, text), config_for(path)
    if finding is None:
        return fix_draft(draft, config)[0].text
    problems = [p for p in lint_draft(draft, config) if p.fix and f"{p.code}:{p.line}:{p.col}" == finding]
    if not problems:
        raise FixGone("这个问题已经不在了（文件可能已修改）", hint="请重新载入页面")
    fixed, _ = apply_edits(text, problems[0].fix)
    return reread(draft, fixed).text
