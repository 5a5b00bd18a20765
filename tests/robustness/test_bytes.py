"""Fuzzing the readers at the byte level, short run (CI): each kind of input file of
tests/robustness/mutations.py — damaged texts in any encoding, HTML, PDFs (some encrypted),
DOCX zip bytes, real DOCX with their XML mutated or their attributes set to values Word never
writes, plan files with hostile YAML scalars, JSON — goes through what reads it (ingest,
check-format, lint, render). Only planner's own errors may come out. The long run is
`python -m tests.robustness.long_run --kinds files`; these Hypothesis tests run longer with
PLANNER_FUZZ_EXAMPLES=N (examples per test; CI keeps the default of 25)."""
from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.mutations import FILE_KINDS, base_docx, make, mutate_tree, through_file

EXAMPLES = int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "25"))  # CI: 25; a long run: thousands
SHORT = settings(max_examples=EXAMPLES, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", autouse=True)
def documents():
    return base_docx()  # rendered once for every kind


@pytest.mark.parametrize("kind", FILE_KINDS)
@SHORT
@given(seed=st.integers(0, 2**32 - 1))
def test_no_reader_lets_anything_but_its_own_error_out(kind, seed, tmp_path):
    through_file(kind, make(kind, random.Random(seed)), tmp_path)


@SHORT
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".pdf", ".docx", ".yaml", ".json"]))
def test_arbitrary_bytes_under_any_name_are_read_or_refused(data, suffix, tmp_path):
    kind = {".txt": "txt", ".html": "html", ".pdf": "pdf", ".docx": "docx", ".yaml": "yaml", ".json": "json"}[suffix]
    through_file(kind, data, tmp_path)


@SHORT
@given(text=st.text(max_size=300), prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]),
       encoding=st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-16-be"]), cut=st.integers(0, 3))
def test_any_text_in_any_encoding_is_decoded_or_refused(text, prefix, encoding, cut, tmp_path):
    data = prefix + text.encode(encoding, errors="surrogatepass")
    through_file("txt", data[:len(data) - cut] if cut else data, tmp_path)


def test_the_mutations_change_the_documents():
    """The XML mutator does mutate: the real DOCX it starts from come back changed."""
    from lxml import etree

    root = etree.fromstring(b"<a><b x='1'><c/></b><d>t</d></a>")
    before = etree.tostring(root)
    changed = 0
    for seed in range(20):
        copy = etree.fromstring(before)
        mutate_tree(copy, random.Random(seed))
        changed += etree.tostring(copy) != before
    assert changed >= 15
    assert len(base_docx()) >= 8 and all(data[:2] == b"PK" for data in base_docx())
    assert {make(kind, random.Random(1)) != make(kind, random.Random(2)) for kind in FILE_KINDS} == {True}
