"""Near-duplicate clusters: the same policy written by two cities or two years.

Clauses are compared on their masked text (years, numbers, places hidden) as sets of
character trigrams. Two clauses are near-duplicates when the smaller set is mostly inside
the larger (containment) and the two are not wildly different in size (Jaccard floor); the
thresholds were measured on the bundled corpus (docs/mine.md). Clusters form around a
leader (see find_groups); the canonical clause is the one most like the others.
"""
from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import Optional

from planner.mine.mask import shingles

SHINGLE = 3
CONTAINMENT = 0.6  # measured: ≥0.6 pairs are the same policy; 0.4–0.6 share a phrase only
JACCARD_FLOOR = 0.2  # a one-line slogan inside a long paragraph is not a duplicate of it
MIN_SHINGLES = 8  # shorter masked texts (`加强组织领导。`) are too generic to cluster
CANDIDATES = 20  # leaders verified per clause, most shared grams first
COMMON_GRAM = 400  # a gram held by more leaders than this is not used to find candidates
CANONICAL_SCAN = 60  # larger clusters keep their leader as canonical (medoid is quadratic)


def similar(a: set[str], b: set[str]) -> bool:
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    common = len(a & b)
    return (common >= CONTAINMENT * min(len(a), len(b))
            and common >= JACCARD_FLOOR * (len(a) + len(b) - common))


def find_groups(texts: list[str]) -> list[list[int]]:
    """Indices of `texts` grouped into near-duplicate clusters (singletons included).

    Leader clustering in text order: a text joins the first-formed cluster whose leader it
    is similar to, else it leads a new one. Comparing with leaders only keeps the work near
    linear (a policy written by 200 cities is 200 comparisons, not 20 000) and avoids
    single-link chains (A~B~C with A and C unrelated)."""
    sets = [shingles(t, SHINGLE) for t in texts]
    postings: dict[str, list[int]] = defaultdict(list)  # gram → leaders holding it
    groups: dict[int, list[int]] = {}
    for index, s in enumerate(sets):
        leader = _leader(s, sets, postings) if len(s) >= MIN_SHINGLES else None
        if leader is None:
            groups[index] = [index]
            if len(s) >= MIN_SHINGLES:
                for gram in s:
                    postings[gram].append(index)
        else:
            groups[leader].append(index)
    return sorted(groups.values(), key=lambda g: g[0])


def _leader(s: set[str], sets: list[set[str]],
            postings: dict[str, list[int]]) -> Optional[int]:
    """The first leader similar to `s`. Leaders are found through the grams they share with
    `s`; grams held by very many leaders (建设, 推进) say nothing and are skipped."""
    shared: Counter[int] = Counter()
    for gram in s:
        holders = postings.get(gram, ())
        if len(holders) <= COMMON_GRAM:
            shared.update(holders)
    need = CONTAINMENT * MIN_SHINGLES
    ranked = sorted((kv for kv in shared.items() if kv[1] >= need), key=lambda kv: (-kv[1], kv[0]))
    for leader, _ in ranked[:CANDIDATES]:
        if similar(s, sets[leader]):
            return leader
    return None


def canonical(members: list[int], sets: list[set[str]]) -> int:
    """The member with the largest summed similarity to the others (first on ties)."""
    if len(members) > CANONICAL_SCAN:
        return members[0]
    def score(i: int) -> float:
        return sum(len(sets[i] & sets[j]) / max(1, len(sets[i] | sets[j])) for j in members if j != i)
    return max(members, key=lambda i: (score(i), -members.index(i)))


def recluster(conn: sqlite3.Connection) -> int:
    """Recompute every cluster in one transaction; returns the number of multi-member clusters.
    Clauses with the same masked text are compared once."""
    rows = conn.execute(
        "SELECT c.id, c.masked FROM clauses c JOIN documents d ON d.id = c.doc_id "
        "ORDER BY d.name, d.path, c.seq").fetchall()
    distinct: dict[str, list[int]] = {}
    for clause_id, text in rows:
        distinct.setdefault(text, []).append(clause_id)
    texts = list(distinct)
    groups = find_groups(texts)
    sets = [shingles(t, SHINGLE) for t in texts]
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM clusters")
        assignments, multi = [], 0
        for number, group in enumerate(groups, 1):
            clause_ids = [cid for index in group for cid in distinct[texts[index]]]
            best = canonical(group, sets) if len(group) > 1 else group[0]
            conn.execute("INSERT INTO clusters(id, canonical, size) VALUES (?, ?, ?)",
                         (number, distinct[texts[best]][0], len(clause_ids)))
            multi += len(clause_ids) > 1
            assignments.extend((number, cid) for cid in clause_ids)
        conn.executemany("UPDATE clauses SET cluster_id = ? WHERE id = ?", assignments)
        # Search's BM25 needs the clause count and mean length; kept here, not counted per query.
        total, chars = conn.execute("SELECT count(*), coalesce(sum(length(norm)), 0) FROM clauses").fetchone()
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('clauses', ?), ('chars', ?)",
                     (str(total), str(chars)))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return multi
