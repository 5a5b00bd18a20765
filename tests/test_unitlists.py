"""Unit lists (planner.form.unitlists): where a list of 责任单位 splits. Expectations are read off
the texts named in each case (tests/fixtures/real, examples/corpus) by the README's convention 8."""
from __future__ import annotations

import pytest

from planner.form.notes import unit_spans
from planner.form.unitlists import etc_head, read_units
from planner.form.units import fix_note


def names(text):
    return [name for name, _, _ in read_units(text)]


@pytest.mark.parametrize("text, units", [
    # holdout/090: one name before 等, then a group — one collective unit
    ("省政务办等各有关部门和单位,各设区市人民政府", ["省政务办等各有关部门和单位", "各设区市人民政府"]),
    # fresh/011
    ("区司法局等有关部门", ["区司法局等有关部门"]),
    # final2/011: the 等 group first, then a list of two companies
    ("市工信局等市直有关单位,福州古厝集团、数字福州集团",
     ["市工信局等市直有关单位", "福州古厝集团", "数字福州集团"]),
])
def test_one_name_before_etc_and_a_group_is_one_unit(text, units):
    assert names(text) == units


def test_a_list_before_etc_keeps_the_last_name_with_the_group():
    # seed 002, item 2's 配合单位. Five independent by-eye annotators read `<name>等<group>` as one
    # unit even after a list (final2/010 035 036, final5/042), so the last name stays with the group.
    text = "市民政局、市人力资源社会保障局、市市场监管局、市医保局等市直有关部门单位"
    assert names(text) == ["市民政局", "市人力资源社会保障局", "市市场监管局", "市医保局等市直有关部门单位"]
    assert read_units(text)[-1][2]  # a collective


@pytest.mark.parametrize("text, units", [
    ("省发展改革委、省商务厅、省工业和信息化厅等有关单位",  # final2/035
     ["省发展改革委", "省商务厅", "省工业和信息化厅等有关单位"]),
    ("区数据局等相关部门", ["区数据局等相关部门"]),  # final5/042
])
def test_etc_never_splits_a_name_from_its_group(text, units):
    assert names(text) == units


def test_a_semicolon_ends_a_group_so_the_name_after_it_stands_alone_before_etc():
    assert names("市大数据局;市民政局等有关单位") == ["市大数据局", "市民政局等有关单位"]


@pytest.mark.parametrize("text, units", [
    ("各市州、縣市區人民政府", ["各市州、縣市區人民政府"]),  # final/043
    ("各市〔州〕、贵安新区数据管理部门", ["各市〔州〕、贵安新区数据管理部门"]),  # final2/033
    ("市数据局,各县、区人民政府", ["市数据局", "各县、区人民政府"]),
])
def test_a_run_of_bare_places_sharing_one_organ_word_is_one_unit(text, units):
    assert names(text) == units
    assert read_units(text)[-1][2]  # a collective


@pytest.mark.parametrize("text, units", [
    ("各镇街、各功能区", ["各镇街", "各功能区"]),  # seed 000: no organ word shared
    ("各区市政府、开发区管委", ["各区市政府", "开发区管委"]),  # seed 004: the first has its own organ
    ("各县、区", ["各县", "区"]),  # no organ word closes the run
])
def test_places_that_share_no_organ_word_stay_apart(text, units):
    assert names(text) == units


@pytest.mark.parametrize("text, units", [
    ("福州及相關設區(qū)市", ["福州", "相關設區(qū)市"]),  # final2/010: 及 joins two units
    ("市大数据中心和各区市政府", ["市大数据中心", "各区市政府"]),
    ("区发展和改革局", ["区发展和改革局"]),  # 和 inside a name
])
def test_ji_and_he_join_two_units_but_not_inside_a_name(text, units):
    assert names(text) == units


def test_the_organ_named_before_etc_is_still_checked_against_the_registry():
    # The collective `<name>等<group>` is one unit, but the organ it names is a real organ: an
    # obsolete name there is renamed as anywhere else (units.yaml: 环保局 → 生态环境局).
    note = "(牵头单位:市政府办公室;配合单位:市民政局、市环保局等市直有关部门单位)"
    assert [note[a:b] for a, b, _ in unit_spans(note)] == ["市政府办公室", "市民政局", "市环保局"]
    assert fix_note(note) == "(牵头单位:市政府办公室;配合单位:市民政局、市生态环境局等市直有关部门单位)"
    assert etc_head("各有关部门等单位") == 0  # no organ named before 等
