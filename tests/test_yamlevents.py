"""planner.yamlevents reads what PyYAML's safe loader reads, in both of its loops (data only,
and data with places), and refuses what a plan file must not hold at the right place."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import yamlevents

SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=12) | st.sampled_from(["yes", "No", "1:20", "0o17", "~", "2024-05-31", "1_000",
                                                     "（一）", "5g基站", "- x", "a: b", "#注"]))
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20)
pytestmark = pytest.mark.skipif(not yamlevents.available(), reason="PyYAML 未带 libyaml")


@settings(max_examples=200, deadline=None)
@given(DATA, st.sampled_from([None, '"', "'"]), st.booleans())
def test_both_loops_read_what_safe_load_reads(data, style, flow):
    text = yaml.safe_dump(data, allow_unicode=True, default_style=style, default_flow_style=flow)
    expected = yaml.safe_load(text)
    assert yamlevents.load(text) == expected
    assert yamlevents.load_marked(text)[0] == expected


def test_implicit_scalars_resolve_as_yaml_1_1_does():
    text = "a: 2024-05-31\nb: yes\nc: 1:20\nd: '1:20'\ne: ~\nf: 5g基站\n"
    assert yamlevents.load(text) == {"a": dt.date(2024, 5, 31), "b": True, "c": 80, "d": "1:20",
                                     "e": None, "f": "5g基站"}


@pytest.mark.parametrize("text, problem, line, column", [
    ("title: 甲\ntitle: 乙\n", "键“title”重复", 1, 0),
    ("- &a 甲\n- *a\n", "不支持锚点和别名（& 与 *）", 1, 2),
    ("---\na: 1\n---\nb: 2\n", "文件中只能有一个 YAML 文档（多了一个 ---）", 2, 0),
    ("? [甲]\n: 1\n", "键不能是映射或列表", 0, 2),
])
def test_both_loops_refuse_with_the_place(text, problem, line, column):
    for load in (yamlevents.load, yamlevents.load_marked):
        with pytest.raises(yaml.MarkedYAMLError) as refused:
            load(text)
        assert refused.value.problem == problem
        assert (refused.value.problem_mark.line, refused.value.problem_mark.column) == (line, column)
