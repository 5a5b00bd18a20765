"""Clause search over the corpus library. Relevance labels come from reading the seeds:
for each query, the words a relevant clause (or the item heading it sits under) must carry."""
from __future__ import annotations


import pytest

from planner.mine.search import Filters, QueryError, search_clauses

# query → words, one of which a relevant clause or its own heading holds (read off the seeds:
# e.g. every 养老 clause of 即墨 (二十八行), 东营 (30), 日照 (64, 86, 137) says 养老).
RELEVANT = {
    "智慧养老": ("养老",),
    "5G基站": ("5g基站", "5g网络", "基站"),
    "数据要素": ("数据要素",),
    "智慧社区": ("智慧社区",),
    "一网通办": ("一网通办",),
    "网络安全": ("网络安全",),
    "养老": ("养老",),
    "5G": ("5g",),
}
BACKGROUND = {"basis", "guiding", "principles", "requirements"}


def relevant(hit, words) -> bool:
    text = (hit.text + hit.heading.rsplit(" / ", 1)[-1]).lower()
    return any(w in text for w in words)


@pytest.mark.parametrize("query", sorted(RELEVANT))
def test_every_top5_result_is_relevant(conn, query):
    hits = search_clauses(conn, query, top=5)
    assert len(hits) == 5
    for hit in hits:
        assert relevant(hit, RELEVANT[query]), (query, hit.text)


@pytest.mark.parametrize("query", sorted(RELEVANT))
def test_background_does_not_crowd_out_tasks(conn, query):
    hits = search_clauses(conn, query, top=5)
    assert not [h for h in hits if h.role in BACKGROUND]


def test_reworded_query_finds_the_yiwangtongban_clauses(conn):
    # 东营 line 17 推动高质量“一网通办”; 日照 line 62 “一网通办”总门户.
    hits = search_clauses(conn, "政务服务一网办理", top=5)
    found = [h for h in hits if relevant(h, ("一网通办",))]
    assert len(found) >= 2
    assert {h.file[:3] for h in found} >= {"002", "003"}


def test_item_heading_lets_its_clauses_be_found(conn):
    # 即墨 7.推进智慧法治建设: its sentences never repeat the heading.
    hits = search_clauses(conn, "智慧法治", top=5)
    assert any(h.file.startswith("000") and h.line == 24 for h in hits)


@pytest.mark.parametrize("query", ['"养老"', "养老*", "养老 AND 5G", "NEAR(养老 5G)", "(((养老",
                                   "养老 OR", "'5G'", "5G^", "-养老", "{养老}", "养老:5G"])
def test_query_syntax_is_plain_text(conn, query):
    hits = search_clauses(conn, query, top=5)
    assert hits


@pytest.mark.parametrize("query", ['"', "*", "()", "。。", " "])
def test_query_without_text_is_a_clear_error(conn, query):
    with pytest.raises(QueryError) as caught:
        search_clauses(conn, query)
    assert "没有可检索" in str(caught.value)


def test_single_character_query_works(conn):
    hits = search_clauses(conn, "网", top=5)
    assert hits and all("网" in h.text or "网" in h.heading for h in hits)


def test_filters_region_year_part(conn):
    hits = search_clauses(conn, "5G", top=10, filters=Filters(region="东营"))
    assert hits and all(h.region == "东营市" for h in hits)
    hits = search_clauses(conn, "数字", top=10, filters=Filters(year=2021))
    assert hits and all(h.year == 2021 for h in hits)
    hits = search_clauses(conn, "数字", top=10, filters=Filters(year=2025))
    assert hits and all(h.file.startswith("003") for h in hits)  # 日照 2024—2026
    hits = search_clauses(conn, "领导小组", top=10, filters=Filters(part="safeguards"))
    assert hits and all(h.role == "safeguards" for h in hits)


def test_results_carry_document_heading_units_and_cluster(conn):
    (hit,) = search_clauses(conn, "新建5G基站1000座", top=1)
    assert hit.file.startswith("000") and hit.line == 37 and hit.year == 2024
    assert hit.heading.endswith("完善数字基础设施配套")
    assert "区发展和改革局" in hit.units and hit.cluster_size >= 1


def test_part_filters_name_roles_of_the_model():
    """--part's roles are written as strings (search never loads the model); each is a Role."""
    from planner.mine.search import PART_ROLES
    from planner.model import Role

    assert {role for roles in PART_ROLES.values() for role in roles} <= {r.value for r in Role}
    assert PART_ROLES["tasks"] == (Role.TASKS.value, Role.PROJECTS.value)
