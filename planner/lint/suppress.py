"""Inline suppressions: the comment syntax in txt and YAML drafts, and which problems they hide.

Syntax (codes are full codes or prefixes, comma separated; no codes = every rule):

- txt:  `<!-- planner-lint: disable P001,P007 -->`
- YAML: `# planner-lint: disable P001,P007`

At the end of a line the comment covers that line; on a line of its own it covers the next
line; `disable-file` covers the whole file. A comment that hides nothing is reported as X001.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# 例：<!-- planner-lint: disable P001,T004 -->
TXT_DIRECTIVE_RE = re.compile(r"<!--\s*planner-lint:\s*(?P<verb>disable-file|disable)"
                              r"(?P<codes>[\sA-Za-z0-9,，]*?)\s*-->")
# 例：# planner-lint: disable-file O001
YAML_DIRECTIVE_RE = re.compile(r"(?:^|\s)#\s*planner-lint:\s*(?P<verb>disable-file|disable)"
                               r"(?P<codes>[\sA-Za-z0-9,，]*)$")
CODES_RE = re.compile(r"[A-Za-z]+[0-9]*")


@dataclass
class Directive:
    line: int  # where the comment is written
    col: int
    scope: str  # line | next | file
    codes: tuple[str, ...]  # empty: every rule
    used: bool = False

    def target(self) -> Optional[int]:
        return {"line": self.line, "next": self.line + 1}.get(self.scope)

    def covers(self, code: str, line: int) -> bool:
        if self.scope != "file" and line != self.target():
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)

    def text(self) -> str:
        verb = "disable-file" if self.scope == "file" else "disable"
        return f"planner-lint: {verb} {','.join(self.codes)}".strip()


def _directive(match: re.Match, line: int, own_line: bool) -> Directive:
    codes = tuple(c.upper() for c in CODES_RE.findall(match["codes"]))
    scope = "file" if match["verb"] == "disable-file" else ("next" if own_line else "line")
    return Directive(line, match.start() + 1, scope, codes)


def split_directive(raw: str, line: int) -> tuple[str, Optional[Directive]]:
    """A txt line without its suppression comment, and the directive it held."""
    match = TXT_DIRECTIVE_RE.search(raw)
    if match is None:
        return raw, None
    rest = raw[:match.start()] + raw[match.end():]
    return rest, _directive(match, line, own_line=not rest.strip())


def yaml_directives(text: str) -> list[Directive]:
    found = []
    for number, raw in enumerate(text.split("\n"), 1):
        if "planner-lint" not in raw:
            continue
        match = YAML_DIRECTIVE_RE.search(raw)
        if match is not None:
            own = not raw[:match.start()].strip()
            found.append(_directive(match, number, own))
    return found
