"""The collector is off inside ingest and render and back on afterwards, whatever happens."""
from __future__ import annotations

import gc

import pytest

from planner.gcpause import without_gc_pauses


@without_gc_pauses
def _state(fail: bool = False) -> bool:
    if fail:
        raise ValueError("坏输入")
    return gc.isenabled()


def test_collector_is_off_inside_and_on_after():
    assert gc.isenabled()
    assert _state() is False
    assert gc.isenabled()


def test_collector_comes_back_after_an_error():
    with pytest.raises(ValueError):
        _state(fail=True)
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    try:
        assert _state() is False
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_ingest_and_render_run_without_pauses_and_restore_the_collector():
    from planner.parse.document import ingest_text
    from planner.render.document import plan_docx

    plan = ingest_text("数字某区2025年行动方案\n一、主要任务\n1.推进一网通办。（责任单位：区大数据局）\n").plan
    assert gc.isenabled()
    assert plan_docx(plan)[:2] == b"PK" and gc.isenabled()
