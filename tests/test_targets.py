"""Quantitative targets, with gold slots read from the seed texts."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.targets import extract_targets, normalize_metric

SEEDS = {p.name[:3]: p.read_text(encoding="utf-8").splitlines()
         for p in (Path(__file__).resolve().parent.parent / "examples" / "corpus").glob("*.txt")}


def slots(text, year):
    return [(t.metric, t.value, t.unit, t.qualifier, t.year) for t in extract_targets(text, year)]


def test_new_5g_base_stations_in_jimo():
    assert slots(SEEDS["000"][36], 2024)[:2] == [
        ("5G基站", 1000, "座", "新建", 2024), ("新能源智能充电桩", 3000, "个", "新建、以上", 2024)]


def test_dongying_goals():
    found = slots(SEEDS["002"][12], 2022)
    assert ("数字经济总量增幅", 11, "%", "超过", 2022) in found
    assert ("数字经济核心产业增加值增幅", 8, "%", "超过", 2022) in found
    assert ("工业企业关键业务环节全面数字化率", 67, "%", "达到", 2022) in found
    assert ("信息技术产业营业收入", 60, "亿元", "突破", 2022) in found
    assert ("智慧社区", 70, "个", "新建、以上", 2022) in found
    assert ("5g基站", 2000, "个", "建成", 2022) in found
    assert ("智能网联公共充电桩", 3500, "个", "突破", 2022) in found
    assert ("可全程网办率", 90, "%", "达到、以上", 2022) in found


def test_weihai_5g_history_values():
    found = slots(SEEDS["004"][7], 2021)
    assert ("基站", 1500, "个", "新建、以上", 2021) in found
    assert ("5G基站数量", 3500, "个", "达到、以上", 2021) in found


def test_year_stated_in_the_sentence_wins():
    found = slots(SEEDS["003"][122], None)
    assert ("占GDP比重", 5, "%", "达到、以上", 2026) in found


def test_metric_after_the_number_and_ranges():
    assert slots("打造10个可复制、可推广的应用场景。", 2022) == [("应用场景", 10, "个", "", 2022)]
    assert slots("培育1-2个省级试点。", 2022) == [("省级试点", 2, "个", "范围1-2", 2022)]


def test_years_dates_doc_numbers_and_classes_are_not_targets():
    for text in ("2024年5月31日印发", "东政办字〔2022〕36号", "结合爱山东5.0版本测试上线",
                 "依托世界首艘10万吨级智慧渔业大型养殖工船", "g516、g220等国省道"):
        assert extract_targets(text, 2024) == [], text


def test_notes_never_read_as_metrics():
    text = "新建5G基站1000座。(责任单位:区发展和改革局)更换远程物联网表1万块。"
    assert [t.metric for t in extract_targets(text, 2024)] == ["5G基站", "远程物联网表"]


def test_metric_key_undoes_scraping_damage():
    assert normalize_metric("5g基站") == "5G基站"
    assert normalize_metric("ipv6地址") == "IPv6地址"
    assert normalize_metric("10g pon端口") == "10G PON端口"


def test_every_seed_line_is_processed():
    for lines in SEEDS.values():
        for line in lines:
            for target in extract_targets(line, 2024):
                assert target.text in line and target.metric


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="新建基站个座%以上达到超过0123456789.-、，。年月（）(责任单位:市局)", max_size=60))
def test_never_raises_and_text_is_a_substring(text):
    for target in extract_targets(text, 2024):
        assert target.text in text
