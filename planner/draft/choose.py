"""Choosing library clauses for an outline item: the best 1–3 that speak of the item — their
own words hold one of its keywords or the core of its heading — none on an outdated topic
(unless the drafter asks for them), one per near-duplicate cluster."""
from __future__ import annotations

import re
import sqlite3
from typing import Iterable, Optional

from planner.draft.outline import Outline, OutlineItem
from planner.draft.pending import Skipped
from planner.form.topics import outdated_topic
from planner.mine.mask import normalize
from planner.mine.search import Filters, Hit, search_clauses

MAX_CLAUSES = 3
POOL = 12  # hits per query considered
KEEP_RATIO = 0.6  # a second or third clause must score at least this share of the best
ITEM_TITLE_BONUS = 0.5  # the source item's own title names the outline heading
SAME_REGION_BONUS = 0.1  # last year's text of the same place reads most naturally
# Verbs a heading opens with and generic words it ends with: not what the item is about.
# 例：持续推进“一网通办”建设 → 一网通办 / 推进智慧法治建设 → 智慧法治 / 智慧养老服务 → 智慧养老
HEAD_VERBS_RE = re.compile(r"^(?:持续|全面|加快|加强|加力|深化|深入|优化|完善|实施|提升|强化|推进|推动|打造|"
                           r"建设|落实|构建|创新|增强|做实|开展|发展|培育|提高|健全|建立|规范|高标准|高水平|"
                           r"突破|完成|促进|统筹|夯实|加速)+")
# 例：智慧养老服务 → 智慧养老 / 推进数字乡村建设工作 → 数字乡村
HEAD_TAIL_RE = re.compile(r"(?:建设|服务|发展|工程|行动|体系|能力|水平|工作|机制|应用)+$")
QUOTES_RE = re.compile(r"[“”\"'‘’]")  # 持续推进“一网通办”建设 → 一网通办
# Words every topic is prefixed with. 例：智慧医保 → 医保 / 数字乡村 → 乡村
GENERIC_HEAD_RE = re.compile(r"^(?:智慧|数字|智能|数智|网上|在线)")


def heading_core(heading: str) -> str:
    """What a heading is about: 推进智慧法治建设 → 智慧法治 (the heading itself when nothing
    would be left)."""
    core = HEAD_VERBS_RE.sub("", QUOTES_RE.sub("", heading))
    core = HEAD_TAIL_RE.sub("", core).strip("，,")
    return core if len(core) >= 2 else heading


def speaks_of(text: str, item: OutlineItem) -> bool:
    """Whether a clause's own words are about the item: it holds one of the item's keywords,
    the core of its heading, or that core without a generic first word (智慧医保 → 医保)."""
    norm = normalize(text)
    core = heading_core(item.heading)
    words = [*item.keywords, core, GENERIC_HEAD_RE.sub("", core)]
    return any(normalize(word) in norm for word in words if len(word) >= 2)


def choose_clauses(conn: sqlite3.Connection, outline: Outline, item: OutlineItem, role: str,
                   used: Iterable[int] = (), skipped: Optional[list[Skipped]] = None,
                   where: str = "", allow_outdated: bool = False) -> list[Hit]:
    """The best 1–3 clauses for the item's heading and keywords that speak of it, one per
    cluster and none from a cluster in `used`; clauses of one document keep their order in
    it. Clauses on an outdated topic are left out (and listed in `skipped`)."""
    scores: dict[int, float] = {}
    hits: dict[int, Hit] = {}
    for query in [item.heading, *item.keywords]:
        for hit in search_clauses(conn, query, top=POOL, filters=Filters(part=role)):
            if hit.id not in hits:
                if not speaks_of(hit.text, item):
                    continue
                topic = None if allow_outdated else outdated_topic(hit.text, outline.outdated)
                if topic is not None:
                    if skipped is not None and all(s.text != hit.text for s in skipped):
                        skipped.append(Skipped(where, topic, hit.text))
                    continue
                hits[hit.id] = hit
                scores[hit.id] = ITEM_TITLE_BONUS if _names_heading(hit.heading, item) else 0.0
                scores[hit.id] += SAME_REGION_BONUS if hit.region == outline.region else 0.0
            scores[hit.id] += hit.score
    return _best(scores, hits, set(used))


def _best(scores: dict[int, float], hits: dict[int, Hit], used: set[int]) -> list[Hit]:
    ranked = sorted(hits, key=lambda i: (-scores[i], i))
    chosen: list[Hit] = []
    clusters: set[Optional[int]] = set(used)
    for clause_id in ranked:
        hit = hits[clause_id]
        if chosen and scores[clause_id] < KEEP_RATIO * scores[chosen[0].id]:
            break
        if hit.cluster is not None and hit.cluster in clusters:
            continue
        chosen.append(hit)
        clusters.add(hit.cluster)
        if len(chosen) == MAX_CLAUSES:
            break
    documents = list(dict.fromkeys(h.file for h in chosen))
    return sorted(chosen, key=lambda h: (documents.index(h.file), h.id))


def _names_heading(heading: str, item: OutlineItem) -> bool:
    own = heading.rsplit(" / ", 1)[-1]
    return item.heading in own or (len(own) >= 4 and own in item.heading)
