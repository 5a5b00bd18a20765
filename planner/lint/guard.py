"""A fix must not change what the draft is: `lint --fix` keeps only the edits after which the
draft parses to the same shape (sections, parts, items, their titles and paragraphs) and
every quotation mark it writes closes what it opened.

A fix that would change the parse is refused and the problem stays reported. Punctuation
fixes could: `1.推进一网通办.建设…` with `.` made `。` gains a run-in title, `（十）.` made
`（十）。` loses one, a `"` made `”` before a `”` leaves two closing quotes. Each pass applies
the edits, parses the result and compares shapes; when they differ, the lines whose own
heading (marker, title, body) changes are refused, and what still changes the shape is found
by halving the remaining fixes (a parse for each test, a few for a few culprits).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Optional

from planner.errors import PlannerError
from planner.lint.problem import Problem, apply_edits

QUOTES = ("“", "”", "‘", "’")
PAIRS = (("“", "”"), ("‘", "’"))


def shape(plan) -> tuple:
    """What a fix must leave as it is: the tree of sections, parts and items, each with its
    role, whether it has a title and a run-in body, and how many paragraphs (each with or
    without a lead). Numbers and markers are left out: renumbering is a fix."""
    def node(heading) -> tuple:
        return (getattr(heading, "role", None), heading.title is not None, heading.run_in,
                tuple(p.lead is not None for p in heading.paragraphs),
                tuple(node(part) for part in getattr(heading, "parts", ())),
                tuple(node(item) for item in getattr(heading, "items", ())))
    return (plan.notice is not None, len(plan.preamble), tuple(node(s) for s in plan.sections))


def key(problem: Problem, text: str) -> tuple:
    """The problem as it stays across passes (other fixes move its offsets, not its line)."""
    return problem.code, problem.line, tuple((text[e.start:e.end], e.new) for e in problem.fix)


def guarded_pass(text: str, fixes: list[Problem], reread: Callable[[str], object], before: tuple,
                 local: bool) -> tuple[Optional[object], int, list[Problem]]:
    """(the reread draft, edits applied, problems refused) for one pass of `fixes` on `text`;
    the draft is None when nothing could be applied. `local`: a text draft, whose lines are
    headings and whose quotes are checked line by line."""
    refused = _quote_breaking(text, fixes) if local else []
    if local:
        refused += _heading_changing(text, [p for p in fixes if p not in refused])
    candidates = [p for p in fixes if p not in refused]
    accepted: list[Problem] = []
    draft = _test(text, accepted, candidates, reread, before)
    if draft is None:  # the rest still changes the shape: find the problems that do
        draft = _bisect(text, accepted, candidates, reread, before, refused)
    else:
        accepted = candidates
    if not accepted:
        return None, 0, refused
    return draft, apply_edits(text, [e for p in accepted for e in p.fix])[1], refused


def _test(text: str, accepted: list[Problem], more: list[Problem], reread, before: tuple):
    """The draft with `accepted` and `more` applied, if it keeps the shape; else None."""
    fixed, _ = apply_edits(text, [e for p in accepted + more for e in p.fix])
    try:
        draft = reread(fixed)
    except PlannerError:  # a fix that breaks the file (a YAML quote) changes it most
        return None
    return draft if shape(draft.plan) == before else None


def _bisect(text: str, accepted: list[Problem], todo: list[Problem], reread, before: tuple,
            refused: list[Problem]):
    """Add to `accepted` every group of `todo` that keeps the shape, halving a group that does
    not down to the single problems to refuse. Returns the draft of the last accepted test."""
    draft = None
    groups = [todo]
    while groups:
        group = groups.pop()
        tested = _test(text, accepted, group, reread, before)
        if tested is not None:
            accepted += group
            draft = tested
        elif len(group) == 1:
            refused.append(group[0])
        else:
            half = len(group) // 2
            groups += [group[half:], group[:half]]
    return draft


def _heading_changing(text: str, fixes: list[Problem]) -> list[Problem]:
    """The fixes after which their line alone reads as another heading (or as one, or as
    none). A line is read with all its fixes first; only a line that changes is read again
    problem by problem (a long line with thousands of comma fixes stays linear)."""
    from planner.parse.headings import parse_heading

    def heading(line: str) -> tuple:
        found = parse_heading(line.strip(" \t\u3000\ufeff"))
        return () if found is None else (found.kind, found.title is None, bool(found.body.strip()))

    offsets = _line_offsets(text)
    by_line: dict[int, list[Problem]] = {}
    for problem in fixes:
        lines = {_line_number(offsets, e.start) for e in problem.fix} | {_line_number(offsets, e.end) for e in problem.fix}
        if len(lines) == 1:
            by_line.setdefault(lines.pop(), []).append(problem)
    refused = []
    for number, problems in by_line.items():
        start = offsets[number]
        end = offsets[number + 1] - 1 if number + 1 < len(offsets) else len(text)
        line = text[start:end]
        original = heading(line)

        def edited(group: list[Problem]) -> str:
            return apply_edits(line, [type(e)(e.start - start, e.end - start, e.new) for p in group for e in p.fix])[0]

        if heading(edited(problems)) != original:
            refused += [p for p in problems if heading(edited([p])) != original]
    return refused


def _quote_breaking(text: str, fixes: list[Problem]) -> list[Problem]:
    """The fixes that write a quotation mark on a line whose marks then do not pair (“ then ”,
    ‘ then ’, never a closing one first or two opening ones): `"一个场景”` made `”一个场景”`."""
    writing = [p for p in fixes if any(q in e.new for e in p.fix for q in QUOTES)]
    if not writing:
        return []
    fixed_lines = apply_edits(text, [e for p in fixes for e in p.fix])[0].split("\n")
    old_lines = text.split("\n")
    offsets = _line_offsets(text)
    refused = []
    for problem in writing:
        line = _line_number(offsets, problem.fix[0].start)
        if line < len(fixed_lines) and len(fixed_lines) == len(old_lines) and not paired(fixed_lines[line]):
            refused.append(problem)
    return refused


def paired(line: str) -> bool:
    """Every quotation mark of the line closes what the one before it opened (a quote may stay
    open at the end: GB/T 15834 opens each paragraph of a quoted passage and closes the last)."""
    for opening, closing in PAIRS:
        open_ = False
        for ch in line:
            if ch == opening:
                if open_:
                    return False
                open_ = True
            elif ch == closing:
                if not open_:
                    return False
                open_ = False
    return True


def _line_offsets(text: str) -> list[int]:
    starts, at = [0], text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _line_number(offsets: list[int], offset: int) -> int:
    return bisect_right(offsets, offset) - 1
