"""Pairing two plans' entries (planner diff) by the cosine of their TF-IDF vectors, greedily by
score, in time and memory linear in the plans.

Scores come from an inverted index: a pair is scored through the grams it shares, so the work is
the sum over grams of (entries of the old plan holding it) × (entries of the new plan holding
it). For real plans that is small and every pair is scored exactly. Two large plans written from
a few phrases share every gram (4000 items each: 16 million pairs, minutes and gigabytes);
then each gram reaches a sample of CAP of the new plan's entries holding it (spread over the
plan, CAP the largest that keeps the work within WORK_BUDGET), each old entry's TOP_PER_ENTRY
best sums are scored in full, and the entries left unpaired are paired again among themselves
(at most ROUNDS rounds). The pairing is then an approximation; within the budget it is exact,
and diff(A, B) mirrors diff(B, A).
"""
from __future__ import annotations

import heapq
import math
import zlib
from collections import Counter
from typing import Optional

WORK_BUDGET = 2_000_000  # products of weights: about a second
TOP_PER_ENTRY = 16  # an old entry's best sums through a sample, scored in full when the work is capped
ROUNDS = 4  # capped pairings: the entries a round leaves are paired again, among themselves


def tfidf(bags: list[Counter]) -> list[dict[str, float]]:
    """Unit vectors: (1 + log tf) · log((N + 1) / (df + 0.5))."""
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys())
    n, vectors = len(bags), []
    for bag in bags:
        weights = {g: (1 + math.log(c)) * math.log((n + 1) / (df[g] + 0.5)) for g, c in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({g: w / norm for g, w in weights.items()})
    return vectors


def match(old_keys: list[str], new_keys: list[str], old_vectors: list[dict[str, float]],
          new_vectors: list[dict[str, float]], threshold: float) -> list[tuple[int, int, float]]:
    """(old index, new index, score) of the pairs taken: the best-scoring pair first, each entry
    at most once, scores below `threshold` never. Equal scores are ordered by the two entries'
    keys (label + text) sorted, so the pairing does not depend on which plan is first. When the
    work was capped, the entries left unpaired are paired among themselves again (ROUNDS)."""
    rank = _ranks(old_keys + new_keys)
    olds, news = list(range(len(old_vectors))), list(range(len(new_vectors)))
    pairs: list[tuple[int, int, float]] = []
    for _ in range(ROUNDS):
        found, capped = _round([old_vectors[i] for i in olds], [new_vectors[j] for j in news],
                               [rank[i] for i in olds], [rank[len(old_keys) + j] for j in news], threshold)
        pairs += [(olds[i], news[j], score) for i, j, score in found]
        if not capped or not found:
            break
        taken_old, taken_new = {i for i, _, _ in found}, {j for _, j, _ in found}
        olds = [i for k, i in enumerate(olds) if k not in taken_old]
        news = [j for k, j in enumerate(news) if k not in taken_new]
    return pairs


def _round(old_vectors: list[dict[str, float]], new_vectors: list[dict[str, float]], old_rank: list[int],
           new_rank: list[int], threshold: float) -> tuple[list[tuple[int, int, float]], bool]:
    """The greedy pairing of these entries, and whether the work was capped."""
    postings = _postings(new_vectors)
    cap = _cap(old_vectors, postings)
    if cap is not None:
        postings = {gram: _sample(gram, plist, cap) for gram, plist in postings.items()}
    scored = []
    for i, vector in enumerate(old_vectors):
        scores: dict[int, float] = {}
        for gram, weight in vector.items():
            for j, other in postings.get(gram, ()):
                scores[j] = scores.get(j, 0.0) + weight * other
        if cap is not None:  # the sums reached through a sample: the best few, scored in full
            best = heapq.nlargest(TOP_PER_ENTRY, scores, key=scores.__getitem__)
            scores = {j: _dot(vector, new_vectors[j]) for j in best}
        for j, score in scores.items():
            if score >= threshold:
                a, b = old_rank[i], new_rank[j]
                scored.append((-round(score, 9), min(a, b), max(a, b), i, j))
    scored.sort()
    used_old, used_new, pairs = set(), set(), []
    for negative, _, _, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, -negative))
    return pairs, cap is not None


def _sample(gram: str, plist: list[tuple[int, float]], cap: int) -> list[tuple[int, float]]:
    """`cap` of a gram's postings, spread over the plan (each gram starting elsewhere), so that
    an entry's many grams together reach many entries: one of them, likely, its counterpart."""
    if len(plist) <= cap:
        return plist
    step = len(plist) / cap
    start = zlib.crc32(gram.encode("utf-8")) % len(plist)
    return [plist[(start + int(k * step)) % len(plist)] for k in range(cap)]


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[gram] * b[gram] for gram in a.keys() & b.keys())


def _postings(vectors: list[dict[str, float]]) -> dict[str, list[tuple[int, float]]]:
    """Gram → (entry, weight), in the entries' order."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for j, vector in enumerate(vectors):
        for gram, weight in vector.items():
            postings.setdefault(gram, []).append((j, weight))
    return postings


def _cap(old_vectors: list[dict[str, float]], postings: dict[str, list]) -> Optional[int]:
    """None when scoring every pair that shares a gram fits WORK_BUDGET; else the largest
    number of entries per gram that does (at least 1)."""
    old_df: Counter = Counter()
    for vector in old_vectors:
        old_df.update(vector.keys())
    sizes = [(old_df[gram], len(plist)) for gram, plist in postings.items() if gram in old_df]

    def work(cap: int) -> int:
        return sum(count * min(size, cap) for count, size in sizes)

    high = max((size for _, size in sizes), default=0)
    if work(high) <= WORK_BUDGET:
        return None
    low = 1
    while low < high:  # the largest cap whose work fits
        middle = (low + high + 1) // 2
        if work(middle) <= WORK_BUDGET:
            low = middle
        else:
            high = middle - 1
    return low


def _ranks(keys: list[str]) -> list[int]:
    """Each key's place in the sorted keys (equal keys, equal places): comparing places orders
    pairs as comparing the strings would, without a string per pair."""
    order = {key: place for place, key in enumerate(sorted(set(keys)))}
    return [order[key] for key in keys]
