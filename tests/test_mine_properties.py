"""Search never crashes: any text is a query (Hypothesis)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.mine.search import QueryError, search_clauses

QUERY_TEXT = st.text(alphabet=st.sampled_from(list('养老5Gg智慧社区"*()ANDORNEAR^-:{} 　，。\'\\')),
                     max_size=20) | st.text(max_size=12)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERY_TEXT)
def test_any_text_is_a_query(conn, query):
    try:
        hits = search_clauses(conn, query, top=5)
    except QueryError:
        return
    assert len(hits) <= 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
