"""planner.yamllines: the plain block form read line by line gives what libyaml's events give,
and anything else is declined (read by libyaml, which accepts it or places the error)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import yamlevents, yamllines

ROOT = Path(__file__).resolve().parent.parent
KEYS = st.sampled_from(["title", "marker", "text", "lead", "run_in", "year", "yes", "null", "on", "a_1"])
# Text with the characters that change how YAML reads a value: indicators, `: `, ` #`, quotes,
# spaces at the ends, the words and numbers the 1.1 resolver claims.
TEXT = st.one_of(
    st.text(alphabet="数字政府a1 :#-'\"[]{}&*!|>%@`,?~.=<\u3000\xa0\\", max_size=12),
    st.sampled_from(["yes", "No", "on", "null", "~", "1.", "0x1F", "1_000", "12:30", "2024-05-31",
                     "2024-02-30", ".inf", "1e3", "<<", "=", "-", "- a", "a: b", "a #b", "a:"]))
SCALARS = st.one_of(TEXT, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.floats(allow_nan=False), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(KEYS, inner, max_size=4)),
                    max_leaves=20)


def same(a, b) -> bool:
    """Equal and of the same types all the way down (True == 1, but not here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    return a == b


def agrees(text: str) -> None:
    """Declined, or what libyaml's events give; never a reading where libyaml has an error."""
    fast = yamllines.load(text)
    try:
        slow = yamlevents.load(text)
    except yaml.YAMLError:
        assert fast is yamllines.DECLINED, text
        return
    assert fast is yamllines.DECLINED or same(fast, slow), text


def dumped(data) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(KEYS, DATA, min_size=1, max_size=4))
def test_what_the_dumper_writes_reads_as_libyaml_reads_it(data):
    agrees(dumped(data))


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(KEYS, DATA, min_size=1, max_size=3), st.data())
def test_edited_text_is_declined_or_read_as_libyaml_reads_it(data, draw):
    lines = dumped(data).split("\n")
    for _ in range(draw.draw(st.integers(1, 3))):
        if not lines:
            break
        at = draw.draw(st.integers(0, len(lines) - 1))
        edit = draw.draw(st.sampled_from(["insert", "indent", "dedent", "duplicate", "drop"]))
        line = lines[at]
        if edit == "insert":
            pos = draw.draw(st.integers(0, len(line)))
            piece = draw.draw(st.text(alphabet=" :#-'\"[]{}&*!|>%@\t\r\x85\u2028?,a数", min_size=1, max_size=3))
            lines[at] = line[:pos] + piece + line[pos:]
        elif edit == "indent":
            lines[at] = " " * draw.draw(st.integers(1, 3)) + line
        elif edit == "dedent":
            lines[at] = line.lstrip(" ")
        elif edit == "duplicate":
            lines.insert(at, line)
        else:
            del lines[at]
    agrees("\n".join(lines))


@pytest.mark.parametrize("text, expected", [
    ("title: 数字某区2025年行动方案\nyear: 2025\n", {"title": "数字某区2025年行动方案", "year": 2025}),
    ("sections:\n- marker: '1.'\n  run_in: true\n  items: []\n", {"sections": [{"marker": "1.", "run_in": True, "items": []}]}),
    ("# yaml-language-server: $schema=x\ntext: 他说''好''\n", {"text": "他说''好''"}),
    ("text: 'it''s'\nnotice:\n", {"text": "it's", "notice": None}),
])
def test_the_plain_form_is_read(text, expected):
    assert same(yamllines.load(text), expected)


@pytest.mark.parametrize("text", [
    "title: a\ntitle: b\n",  # duplicate key: libyaml places the error
    "title: &a x\n", "title: !!str 1\n", "text: |\n  a\n", "text: \"a\\tb\"\n", "text: a\n  b\n",
    "---\ntitle: a\n", "title: a # note\n", "title: [a, b]\n", "title:\ta\n", "date: 2024-02-30\n",
    "  title: a\n", "- - a\n",
])
def test_anything_else_is_declined(text):
    assert yamllines.load(text) is yamllines.DECLINED


def test_every_yaml_file_of_the_repository_reads_as_libyaml_reads_it():
    files = [p for folder in ("examples", "tests") for p in (ROOT / folder).rglob("*.y*ml")]
    assert files
    read = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        agrees(text)
        read += yamllines.load(text) is not yamllines.DECLINED
    assert read  # the plan files planner wrote are in the plain form
