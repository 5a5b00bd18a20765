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


class Leaders:
    """Cluster leaders, found through the trigrams they share with a candidate. Trigrams held
    by very many leaders (建设, 推进) say nothing and are skipped."""

    def __init__(self) -> None:
        self.sets: list[set[str]] = []
        self.keys: list[int] = []
        self.postings: dict[str, list[int]] = defaultdict(list)

    def add(self, s: set[str], key: int) -> None:
        if len(s) < MIN_SHINGLES:
            return
        for gram in s:
            self.postings[gram].append(len(self.sets))
        self.sets.append(s)
        self.keys.append(key)

    def find(self, s: set[str]) -> Optional[int]:
        """The key of the first-added leader similar to `s`, if any."""
        if len(s) < MIN_SHINGLES:
            return None
        shared: Counter[int] = Counter()
        for gram in s:
            holders = self.postings.get(gram, ())
            if len(holders) <= COMMON_GRAM:
                shared.update(holders)
        need = CONTAINMENT * MIN_SHINGLES
        ranked = sorted((kv for kv in shared.items() if kv[1] >= need), key=lambda kv: (-kv[1], kv[0]))
        for index, _ in ranked[:CANDIDATES]:
            if similar(s, self.sets[index]):
                return self.keys[index]
        return None


def find_groups(texts: list[str]) -> list[list[int]]:
    """Indices of `texts` grouped into near-duplicate clusters (singletons included), each
    group led by its first member.

    Leader clustering in text order: a text joins the first-formed cluster whose leader it
    is similar to, else it leads a new one. Comparing with leaders only keeps the work near
    linear (a policy written by 200 cities is 200 comparisons, not 20 000) and avoids
    single-link chains (A~B~C with A and C unrelated)."""
    leaders = Leaders()
    groups: dict[int, list[int]] = {}
    for index, text in enumerate(texts):
        s = shingles(text, SHINGLE)
        leader = leaders.find(s)
        if leader is None:
            groups[index] = [index]
            leaders.add(s, index)
        else:
            groups[leader].append(index)
    return sorted(groups.values(), key=lambda g: g[0])


def canonical(members: list[int], sets: list[set[str]]) -> int:
    """The member with the largest summed similarity to the others (first on ties)."""
    if len(members) > CANONICAL_SCAN:
        return members[0]
    def score(i: int) -> float:
        return sum(len(sets[i] & sets[j]) / max(1, len(sets[i] | sets[j])) for j in members if j != i)
    return max(members, key=lambda i: (score(i), -members.index(i)))


def recluster(conn: sqlite3.Connection) -> int:
    """Recompute every cluster; returns the number of multi-member clusters. Reading and
    writing happen in one write transaction, so a concurrent `mine` cannot slip clauses in
    between. Clauses with the same masked text are compared once."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute(
            "SELECT c.id, c.masked FROM clauses c JOIN documents d ON d.id = c.doc_id "
            "ORDER BY d.name, d.path, c.seq").fetchall()
        distinct: dict[str, list[int]] = {}
        for clause_id, text in rows:
            distinct.setdefault(text, []).append(clause_id)
        texts = list(distinct)
        groups = find_groups(texts)
        sets = [shingles(t, SHINGLE) for t in texts]
        conn.execute("DELETE FROM clusters")
        assignments, multi = [], 0
        for number, group in enumerate(groups, 1):
            clause_ids = [cid for index in group for cid in distinct[texts[index]]]
            best = canonical(group, sets) if len(group) > 1 else group[0]
            conn.execute("INSERT INTO clusters(id, canonical, leader, size) VALUES (?, ?, ?, ?)",
                         (number, distinct[texts[best]][0], distinct[texts[group[0]]][0],
                          len(clause_ids)))
            multi += len(clause_ids) > 1
            assignments.extend((number, cid) for cid in clause_ids)
        conn.executemany("UPDATE clauses SET cluster_id = ? WHERE id = ?", assignments)
        _keep_stats(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return multi


def extend_clusters(conn: sqlite3.Connection) -> int:
    """Place clauses not yet clustered (those of newly added documents) into the existing
    clusters, against their leaders, or into new ones, without recomputing the rest.
    Returns the multi-member count. Another run's clauses are picked up too, once."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        leaders = Leaders()
        by_text: dict[str, int] = {}
        for cluster_id, text in conn.execute(
                "SELECT k.id, c.masked FROM clusters k JOIN clauses c ON c.id = k.leader ORDER BY k.id"):
            leaders.add(shingles(text, SHINGLE), cluster_id)
            by_text.setdefault(text, cluster_id)
        number = conn.execute("SELECT coalesce(max(id), 0) FROM clusters").fetchone()[0]
        rows = conn.execute(
            "SELECT c.id, c.masked FROM clauses c JOIN documents d ON d.id = c.doc_id "
            "WHERE c.cluster_id IS NULL ORDER BY d.name, d.path, c.seq").fetchall()
        for clause_id, text in rows:
            s = shingles(text, SHINGLE)
            cluster_id = by_text.get(text) or leaders.find(s)
            if cluster_id is None:
                number += 1
                cluster_id = number
                conn.execute("INSERT INTO clusters(id, canonical, leader, size) VALUES (?, ?, ?, 0)",
                             (cluster_id, clause_id, clause_id))
                leaders.add(s, cluster_id)
                by_text[text] = cluster_id
            conn.execute("UPDATE clusters SET size = size + 1 WHERE id = ?", (cluster_id,))
            conn.execute("UPDATE clauses SET cluster_id = ? WHERE id = ?", (cluster_id, clause_id))
        _keep_stats(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return conn.execute("SELECT count(*) FROM clusters WHERE size > 1").fetchone()[0]


def _keep_stats(conn: sqlite3.Connection) -> None:
    """Search's BM25 needs the clause count and mean length; kept here, not counted per query."""
    total, chars = conn.execute(
        "SELECT count(*), coalesce(sum(length(norm)), 0) FROM clauses").fetchone()
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('clauses', ?), ('chars', ?)",
                 (str(total), str(chars)))
