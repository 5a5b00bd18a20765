"""The rule registry: one module per rule (planner/lint/rules/), listed explicitly."""
from __future__ import annotations

import difflib
import re
import textwrap
from dataclasses import dataclass
from types import ModuleType
from typing import Callable, Iterator, Optional

from pydantic import BaseModel

from planner.lint import rules as rules_package

# A docstring's example block: `PASS:` or `FAIL:` then indented lines.
EXAMPLE_RE = re.compile(r"^(PASS|FAIL):[ \t]*\n((?:[ \t]+\S.*\n?|[ \t]*\n(?=[ \t]+\S))+)", re.M)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    level: str
    fixable: bool
    options: type[BaseModel]
    check: Callable
    doc: str
    module: ModuleType

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    def examples(self, kind: str) -> list[str]:
        """The PASS or FAIL example texts of the docstring."""
        return [textwrap.dedent(m.group(2)).strip("\n") for m in EXAMPLE_RE.finditer(self.doc)
                if m.group(1) == kind]


def rule_of(module: ModuleType) -> Rule:
    return Rule(module.CODE, module.NAME, module.LEVEL, getattr(module, "FIXABLE", False),
                module.Options, module.check, textwrap.dedent(module.__doc__ or ""), module)


GROUP_ORDER = "SNOTPMD"  # structure, numbering, units, time, punctuation, numerals, documents


def all_rules() -> list[Rule]:
    return sorted((rule_of(m) for m in rules_package.modules()),
                  key=lambda r: (GROUP_ORDER.find(r.code[0]), r.code))


def rules_by_key() -> dict[str, Rule]:
    table = {}
    for rule in all_rules():
        table[rule.code] = rule
        table[rule.name] = rule
    return table


def find_rule(key: str) -> Optional[Rule]:
    return rules_by_key().get(key) or rules_by_key().get(key.upper())


def closest(word: str, choices: Iterator[str] | list[str]) -> str:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.4)
    return f"；最接近的是“{found[0]}”" if found else ""
