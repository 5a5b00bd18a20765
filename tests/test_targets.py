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


def line_with(seed: str, fragment: str) -> str:
    (line,) = [line for line in SEEDS[seed] if fragment in line]
    return line


def metrics(text: str) -> dict[str, float]:
    return {t.metric: t.value for t in extract_targets(text, 2024)}


def test_a_list_sharing_one_number_is_counted_by_its_last_metric():
    # 000 2.工业数字化转型: 新培育自动化生产线、数字化车间、智能化工厂10个以上
    found = slots(line_with("000", "智能化工厂10个以上"), 2024)
    assert ("智能化工厂", 10, "个", "新培育、以上", 2024) in found
    # 004 (一): 全市5G基站数量达到3500个以上
    assert metrics(line_with("004", "5G基站数量达到3500个"))["5G基站数量"] == 3500


def test_a_quotation_stays_whole_in_its_metric():
    # 000: “两化融合”贯标认证企业达到100家
    assert metrics(line_with("000", "贯标认证企业达到100家"))["“两化融合”贯标认证企业"] == 100


def test_a_classifier_counts_the_noun_after_it():
    # 000 1.数字经济产业化: 支持日辰食品、即东等30家企业创建… — the list names companies.
    found = metrics(line_with("000", "日辰食品"))
    assert found["企业"] == 30 and not any("日辰" in m or "即东" in m for m in found)
    # 004 (九): 完善应急管理、综合治理、交通出行、生态环境等15个主题数据库
    assert metrics(line_with("004", "15个主题数据库"))["主题数据库"] == 15
    # 002 1.: 梳理形成…数据资源3张清单; 000 (四)1.: 升级更换18台超期服役的路灯传统配电箱为智能配电箱
    assert metrics(line_with("002", "3张清单"))["清单"] == 3
    assert metrics(line_with("000", "18台超期服役"))["路灯传统配电箱"] == 18
    # 004 (十九): 指导、推动10家企业接入工业互联网节点
    assert metrics(line_with("004", "指导、推动10家"))["企业"] == 10


def test_qualifiers_after_the_metric_are_not_part_of_it():
    # 000 3.: 全区市级以上智慧农业应用基地累计达24个
    found = slots(line_with("000", "累计达24个"), 2024)
    assert ("市级以上智慧农业应用基地", 24, "个", "累计、达", 2024) in found
    # 002 18.: 重点公共区域前端感知设备覆盖率及联网率均达到50%
    assert metrics(line_with("002", "联网率均达到"))["重点公共区域前端感知设备覆盖率及联网率"] == 50


def test_numbers_inside_names_count_nothing():
    # 000 (四)4.: 依托世界首艘10万吨级…, 打造2艘15万吨级…养殖工船 — ships counted, classes not.
    found = slots(line_with("000", "10万吨级"), 2024)
    assert [(v, u) for _, v, u, _, _ in found if u == "万吨"] == []
    assert ("15万吨级智慧渔业大型养殖工船", 2, "艘", "", 2024) in found
    for fragment in ("“双12”", "12345热线", "培育引进5G"):
        (sentence,) = [s for s in line_with("000", fragment).split("。") if fragment in s]
        assert extract_targets(sentence, 2024) == [], sentence
    assert extract_targets("落实青岛市“双12”场景应用，打通12345热线平台，培育引进5G、人工智能等企业。", 2024) == []
    # 004 (十四): 20人以上的自然村4G网络全覆盖 — a threshold, not a target.
    assert "自然村" not in "".join(metrics(line_with("004", "20人以上的自然村")))


def test_placeholders_are_not_read_as_targets():
    assert extract_targets("新培育不少于【待填：原为2个】市级智慧农业应用基地。", 2024) == []
    assert metrics("新建5G基站【待填：上年1000座】、充电桩3500个。") == {"充电桩": 3500}


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
