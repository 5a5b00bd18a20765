"""search_clauses: ranked clauses for a query, over the pre-split bigram index (FTS5).

Two lanes over the same index. The phrase lane finds clauses holding each query run as
written (FTS5 phrase of its bigrams, then a substring check). The recall lane is a
bag-of-bigrams BM25 (k1 1.2, b 0.75), so reworded queries (政务服务一网办理) still reach
the clause (一网通办). A lane with more matches than POOL is cut to FTS5's bm25 best, a few
per near-duplicate cluster, before _score re-ranks. The query is never passed to FTS5 as
syntax: it is cut into bigrams of CJK/ASCII letters and digits, each quoted, so quotes, `*`,
AND, NEAR and parentheses are text.
"""
from __future__ import annotations

import math
import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Iterable, Iterator, NamedTuple, Optional

from planner.errors import UserError
from planner.mine.mask import bigrams, normalize, words

K1, B = 1.2, 0.75
POOL = 400  # candidates per lane taken from FTS5 before re-ranking
FETCH, PER_CLUSTER = 1000, 4  # matches a truncated lane ranks, and keeps per cluster
COMMON_SHARE, ALWAYS_RARE, RECALL_BUDGET = 0.05, 3, 6000  # see _selective
# Background and principles read like tasks but are not what a drafter reuses.
ROLE_WEIGHT = {"tasks": 1.0, "projects": 1.0, "goals": 0.85, "safeguards": 0.85, "other": 0.8,
               "requirements": 0.6, "guiding": 0.6, "principles": 0.6, "basis": 0.5}
# Search filter names (`--part`) → the roles they cover (model.Role values, as stored). Strings,
# not the enum: search reads SQLite and prints, and never loads the model (pydantic).
PART_ROLES = {"tasks": ("tasks", "projects"), "safeguards": ("safeguards",), "goals": ("goals",)}
PHRASE_WEIGHT, BM25_WEIGHT, HEADING_WEIGHT = 0.5, 0.5, 0.4


@dataclass
class Filters:
    region: Optional[str] = None
    year: Optional[int] = None
    part: Optional[str] = None


@dataclass
class Hit:
    id: int
    text: str
    document: str
    file: str
    region: Optional[str]
    year: Optional[int]
    heading: str
    role: str
    line: Optional[int]
    responsibility: Optional[str]
    cluster: Optional[int]
    cluster_size: int
    score: float
    phrase: float = 0.0  # share of the query's characters found as written
    recall: float = 0.0  # BM25 over the query's best possible BM25
    units: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


class QueryError(UserError):
    """A query with nothing searchable in it."""


def search_clauses(conn: sqlite3.Connection, query: str, top: int = 10,
                   filters: Optional[Filters] = None) -> list[Hit]:
    """The `top` best clauses for `query`, one per near-duplicate cluster."""
    runs = words(query)
    if not runs:
        raise QueryError(f"查询“{query}”中没有可检索的汉字、字母或数字", hint="请换一个关键词")
    filters = filters or Filters()
    grams = list(dict.fromkeys(bigrams(query)))
    where, params = _filter_sql(filters)
    total, avg_len, df = _stats(conn, grams)
    candidates, matches = _phrase_lane(conn, runs, where, params)
    # A full phrase lane already outranks anything recall adds; one bigram is one phrase.
    if matches < POOL and (len(runs) > 1 or len(grams) > 1):
        candidates |= _recall_lane(conn, _selective(grams, df, total), where, params)
    if all(len(run) == 1 for run in runs):
        candidates |= _scan_lane(conn, runs, where, params)
    scored = _score(conn, candidates, runs, grams, (total, avg_len, df))
    best: dict[int, Scored] = {}
    for item in sorted(scored, key=lambda s: (-s.score, s.id)):
        best.setdefault(item.cluster if item.cluster is not None else -item.id, item)
    return _hits(conn, list(best.values())[:top])


def _filter_sql(filters: Filters) -> tuple[str, list]:
    clauses, params = [], []
    if filters.region:
        clauses.append("instr(d.region, ?) > 0")
        params.append(filters.region)
    if filters.year:
        clauses.append("(d.year = ? OR (d.period IS NOT NULL AND ? BETWEEN "
                       "CAST(substr(d.period, 1, 4) AS INTEGER) AND CAST(substr(d.period, 6, 4) AS INTEGER)))")
        params.extend([filters.year, filters.year])
    if filters.part:
        roles = list(PART_ROLES[filters.part])
        clauses.append(f"c.role IN ({','.join('?' * len(roles))})")
        params.extend(roles)
    return (" AND " + " AND ".join(clauses)) if clauses else "", params


def _fts(conn, match: str, where: str, params: list) -> tuple[set[int], int]:
    """The lane's pool of clause ids and its match count (exact up to POOL; POOL + 1 = more).
    Only a lane with more matches than POOL is ranked: bm25() costs about 2 µs a match."""
    # A filter needs each match's cluster, document and role: the covering index has them.
    source = ("grams JOIN clauses c INDEXED BY clauses_keys ON c.id = grams.rowid JOIN documents d "
              f"ON d.id = c.doc_id WHERE grams MATCH ?{where}" if where else "grams WHERE grams MATCH ?")
    ids = [row[0] for row in conn.execute(f"SELECT grams.rowid FROM {source} LIMIT ?",
                                          [match, *params, POOL + 1])]
    if len(ids) <= POOL:
        return set(ids), len(ids)
    if where:
        ranked = (f"SELECT grams.rowid, c.cluster_id FROM {source} "
                  "ORDER BY bm25(grams, 1.0, 0.5) LIMIT ?")
    else:  # rank the index alone, then look up the clusters of the best FETCH only
        ranked = ("SELECT m.id, c.cluster_id FROM (SELECT rowid AS id, bm25(grams, 1.0, 0.5) AS "
                  f"rank FROM {source} ORDER BY rank LIMIT ?) m JOIN clauses c INDEXED BY "
                  "clauses_keys ON c.id = m.id ORDER BY m.rank")
    return _spread(conn.execute(ranked, [match, *params, FETCH])), len(ids)


def _spread(ranked: Iterable[tuple[int, Optional[int]]]) -> set[int]:
    """Up to POOL clause ids in the given order, at most PER_CLUSTER of one near-duplicate
    cluster: at 1000 documents the best 400 matches are a dozen policies copied by every
    city, and the ranking shows one clause per cluster anyway."""
    pool: set[int] = set()
    taken: Counter[int] = Counter()
    for clause_id, cluster in ranked:
        key = cluster if cluster is not None else -clause_id
        if taken[key] < PER_CLUSTER:
            taken[key] += 1
            pool.add(clause_id)
            if len(pool) == POOL:
                break
    return pool


def _quoted(gram: str) -> str:
    return '"' + gram.replace('"', '""') + '"'


def _phrase_lane(conn, runs: list[str], where: str, params: list) -> tuple[set[int], int]:
    phrases = [_quoted(" ".join(bigrams(run))) if len(run) > 1 else _quoted(run) + " *"
               for run in runs]
    phrases = [p if not p.endswith(" *") else p[:-2] + "*" for p in phrases]
    return _fts(conn, " AND ".join(phrases), where, params)


def _recall_lane(conn, grams: list[str], where: str, params: list) -> set[int]:
    return _fts(conn, " OR ".join(_quoted(g) + ("*" if len(g) == 1 else "") for g in grams),
                where, params)[0]


def _scan_lane(conn, runs: list[str], where: str, params: list) -> set[int]:
    sql = ("SELECT c.id FROM clauses c JOIN documents d ON d.id = c.doc_id WHERE "
           + " AND ".join("instr(c.norm, ?) > 0" for _ in runs) + where + " LIMIT ?")
    return {row[0] for row in conn.execute(sql, [*runs, *params, POOL * 4])}


def _stats(conn, grams: list[str]) -> tuple[int, float, dict[str, int]]:
    stored = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('clauses', 'chars')"))
    total = int(stored.get("clauses", 0)) or 1
    chars = int(stored.get("chars", 0))
    df = dict.fromkeys(grams, 0)
    df.update(_select(conn, "SELECT gram, clauses FROM gram_df WHERE gram IN ({})", set(grams)))
    return total, max(1.0, chars / total), df


def _selective(grams: list[str], df: dict[str, int], total: int) -> list[str]:
    """Grams that narrow the recall lane: the rarest few and those in at most COMMON_SHARE
    of clauses, rarest first while their clauses add up to RECALL_BUDGET (the rarest always).
    bm25() costs about 2 µs a match: a gram in every fifth clause (服务) only slows FTS5 down."""
    ranked = sorted(grams, key=lambda g: (df[g], g))
    chosen, postings = [], 0
    for i, gram in enumerate(ranked):
        postings += df[gram]
        if i and postings > RECALL_BUDGET:
            break
        if i < ALWAYS_RARE or df[gram] <= COMMON_SHARE * total:
            chosen.append(gram)
    return chosen


class Scored(NamedTuple):
    """A candidate's score, before its row is read in full."""
    id: int
    cluster: Optional[int]
    score: float
    phrase: float
    recall: float


def _score(conn, ids: set[int], runs: list[str], grams: list[str], stats) -> list[Scored]:
    if not ids:
        return []
    total, avg_len, df = stats
    idf = [math.log(1 + (total - df[g] + 0.5) / (df[g] + 0.5)) for g in grams]
    ceiling = sum(idf) * (K1 + 1) or 1.0
    query_chars = sum(len(r) for r in runs)
    headings: dict[str, str] = {}  # clauses of one item share its heading
    scored = []
    for id_, norm, heading, role, cluster in _select(conn, SCORE_COLUMNS, ids):
        if heading not in headings:
            headings[heading] = normalize(heading)
        saturation = K1 * (1 - B + B * len(norm) / avg_len)
        bm25 = 0.0
        # str.count equals the index's term frequency: a bigram of word characters is
        # contiguous in the text exactly when it is a bigram of one run.
        for gram, weight in zip(grams, idf):
            tf = norm.count(gram)
            if tf:
                bm25 += weight * tf * (K1 + 1) / (tf + saturation)
        phrase = sum(len(r) for r in runs if r in norm) / query_chars
        in_heading = sum(len(r) for r in runs if r in headings[heading]) / query_chars
        score = (BM25_WEIGHT * bm25 / ceiling + PHRASE_WEIGHT * phrase
                 + HEADING_WEIGHT * in_heading) * ROLE_WEIGHT.get(role, 0.8)
        scored.append(Scored(id_, cluster, round(score, 6), phrase, round(bm25 / ceiling, 6)))
    return scored


def _hits(conn, scored: list[Scored]) -> list[Hit]:
    """Full rows, responsible units included, for the few candidates shown."""
    rows = {row[0]: row for row in _select(conn, HIT_COLUMNS, {s.id for s in scored})}
    units: dict[int, list[str]] = {s.id: [] for s in scored}
    for clause_id, canonical in _select(conn, UNIT_COLUMNS, set(units)):
        units[clause_id].append(canonical)
    hits = []
    for item in (s for s in scored if s.id in rows):  # a concurrent mine may have replaced it
        _, text, heading, role, line, resp, size, title, name, region, year = rows[item.id]
        hits.append(Hit(id=item.id, text=text, document=title or name, file=name, region=region,
                        year=year, heading=heading, role=role, line=line, responsibility=resp,
                        cluster=item.cluster, cluster_size=size or 1, score=item.score,
                        phrase=item.phrase, recall=item.recall, units=units[item.id]))
    return hits


SCORE_COLUMNS = "SELECT c.id, c.norm, c.heading, c.role, c.cluster_id FROM clauses c WHERE c.id IN ({})"
HIT_COLUMNS = ("SELECT c.id, c.text, c.heading, c.role, c.line, c.responsibility, k.size, d.title, "
               "d.name, d.region, d.year FROM clauses c JOIN documents d ON d.id = c.doc_id "
               "LEFT JOIN clusters k ON k.id = c.cluster_id WHERE c.id IN ({})")
UNIT_COLUMNS = "SELECT clause_id, canonical FROM units WHERE clause_id IN ({}) ORDER BY rowid"


def _select(conn, sql: str, keys: set) -> Iterator[tuple]:
    """`sql` over `keys` in chunks: SQLite caps the number of bound parameters."""
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        yield from conn.execute(sql.format(",".join("?" * len(chunk))), chunk)
