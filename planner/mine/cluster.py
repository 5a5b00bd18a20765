"""Near-duplicate clusters: the same policy written by two cities or two years.

Clauses are compared on their masked text (years, numbers, places hidden) as sets of
character trigrams. Two clauses are near-duplicates when the smaller set is mostly inside
the larger (containment) and the two are not wildly different in size (Jaccard floor); the
thresholds were measured on the bundled corpus (docs/mine.md). Clusters are the connected
components; the canonical clause is the one most like the others.
"""
from __future__ import annotations

import math
import sqlite3
from collections import defaultdict

from planner.mine.mask import shingles

SHINGLE = 3
CONTAINMENT = 0.6  # measured: ≥0.6 pairs are the same policy; 0.4–0.6 share a phrase only
JACCARD_FLOOR = 0.2  # a one-line slogan inside a long paragraph is not a duplicate of it
MIN_SHINGLES = 8  # shorter masked texts (`加强组织领导。`) are too generic to cluster


def similar(a: set[str], b: set[str]) -> bool:
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    common = len(a & b)
    return (common >= CONTAINMENT * min(len(a), len(b))
            and common >= JACCARD_FLOOR * (len(a) + len(b) - common))


def find_groups(texts: list[str]) -> list[list[int]]:
    """Indices of `texts` grouped into near-duplicate components (singletons included)."""
    sets = [shingles(t, SHINGLE) for t in texts]
    frequency: dict[str, int] = defaultdict(int)
    for s in sets:
        for gram in s:
            frequency[gram] += 1
    postings: dict[str, list[int]] = defaultdict(list)
    for index, s in enumerate(sets):
        for gram in s:
            postings[gram].append(index)
    parent = list(range(len(texts)))
    for index, s in enumerate(sets):
        if len(s) < MIN_SHINGLES:
            continue
        # Prefix filter: a partner at least as large shares one of the rarest grams of s.
        keep = len(s) - math.ceil(CONTAINMENT * len(s)) + 1
        prefix = sorted(s, key=lambda g: (frequency[g], g))[:keep]
        seen: set[int] = set()
        for gram in prefix:
            for other in postings[gram]:
                if other == index or other in seen or len(sets[other]) < len(s):
                    continue
                seen.add(other)
                if _find(parent, other) != _find(parent, index) and similar(s, sets[other]):
                    parent[_find(parent, other)] = _find(parent, index)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(texts)):
        groups[_find(parent, index)].append(index)
    return sorted(groups.values(), key=lambda g: g[0])


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def canonical(members: list[int], sets: list[set[str]]) -> int:
    """The member with the largest summed similarity to the others (first on ties)."""
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
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return multi
