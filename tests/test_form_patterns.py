"""planner.form.patterns: a pattern compiled on first use answers as re.compile's does."""
from __future__ import annotations

import copy
import re

from planner.form.patterns import lazy


def test_lazy_pattern_matches_as_the_compiled_one():
    source = r"(?P<y>\d{4})年(?=[\u4e00-\u9fff])"
    eager, late = re.compile(source), lazy(source)
    text = "到2025年底，2026年"
    assert late.search(text).group("y") == eager.search(text).group("y") == "2025"
    assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert late.sub("某年", text) == eager.sub("某年", text) == "到某年底，2026年"
    assert late.groupindex == eager.groupindex and late.flags == eager.flags


def test_lazy_pattern_compiles_only_when_used():
    late = lazy("[")  # would raise re.error if compiled
    assert late.pattern == "["
    assert "_compiled" not in vars(late)


def test_lazy_pattern_copies_as_a_plain_object():
    late = lazy("年")
    late.search("2025年")
    assert copy.deepcopy(late).search("2025年").start() == 4
