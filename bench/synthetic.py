"""Deterministic plans of any size as plain data in the plan-file schema (for benchmarks).

Two kinds of text: `clean` is written the way planner writes (full-width punctuation, “”
quotes, 5G), so nothing in it needs tidying; `realistic` is what a draft pasted from a web
page or a colleague's file looks like: half-width commas, colons and brackets between Chinese,
straight quotes, `5g` in lower case, and a responsibility note on every task in one of two
styles. Both are plain dicts and lists, so the same plan can be written as YAML for planner and
as JSON for the other tools; only `synthetic_plan` imports planner.
"""
from __future__ import annotations

import random

CLEAN_PHRASES = ["推进政务服务“一网通办”", "建设城市运行“一网统管”平台", "完善一体化大数据平台区级节点",
                 "新建5G基站1000座", "推动公共数据、政务数据全量汇聚", "打造数字经济标杆工程",
                 "深化“无证明城市”建设", "提升城市云脑基础能力", "培育数字化转型试点企业30家",
                 "完善网络安全态势感知体系", "拓展“互联网+监管”应用场景", "加快千兆光网建设"]
# The same phrases as a web page or a quick draft has them: straight quotes, 5g in lower case.
REALISTIC_PHRASES = [p.replace("“", '"').replace("”", '"').replace("5G", "5g") for p in CLEAN_PHRASES]
UNITS = ["区大数据局", "区工业和信息化局", "区发展和改革局", "区财政局", "区市场监管局", "区教育和体育局"]
CN = "一二三四五六七八九十"
KINDS = ("clean", "realistic")


def cn_number(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    tens, ones = divmod(n, 10)
    return (CN[tens - 1] if tens > 1 else "") + "十" + (CN[ones - 1] if ones else "")


def plan_data(tasks: int, kind: str = "clean", seed: int = 2024) -> dict:
    """A plan with `tasks` items under parts of 10, each item a run-in title, two sentences
    and a responsibility note."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    rng = random.Random(seed)
    phrases = CLEAN_PHRASES if kind == "clean" else REALISTIC_PHRASES
    parts = []
    for start in range(0, tasks, 10):
        items = [_item(n - start + 1, rng, phrases, kind) for n in range(start, min(start + 10, tasks))]
        number = start // 10 + 1
        parts.append({"marker": f"（{cn_number(min(number, 99))}）", "title": rng.choice(phrases),
                      "items": items})
    return {
        "kind": "行动方案", "title": "数字某区2025年行动方案", "year": 2025,
        "preamble": [{"clauses": [{"text": "为深入贯彻落实数字中国战略，制定本行动方案。"}]}],
        "sections": [{"role": "goals", "marker": "一、", "title": "行动目标",
                      "paragraphs": [{"clauses": [{"text": "到2025年底，数字政府建设取得明显成效。"}]}]},
                     {"role": "tasks", "marker": "二、", "title": "主要任务", "parts": parts},
                     {"role": "safeguards", "marker": "三、", "title": "保障措施",
                      "paragraphs": [{"clauses": [{"text": "加强组织领导，强化资金保障。"}]}]}]}


def _item(number: int, rng: random.Random, phrases: list[str], kind: str) -> dict:
    comma, stop = ("，", "。") if kind == "clean" else (rng.choice([",", "，"]), "。")
    text = comma.join(rng.sample(phrases, 3)) + stop + comma.join(rng.sample(phrases, 2)) + stop
    lead, support = rng.sample(UNITS, 2)
    return {"marker": f"{number}.", "title": rng.choice(phrases), "end": "。", "run_in": True,
            "paragraphs": [{"clauses": [{"text": text, "responsibility": {
                "lead": [{"name": lead, "canonical": lead}],
                "support": [{"name": support, "canonical": support}],
                "raw": _note(lead, support, rng if kind == "realistic" else None)}}]}]}


def _note(lead: str, support: str, rng: random.Random | None) -> str:
    """（A牵头，B配合）; in a realistic draft also `(责任单位:A、B)` with half-width marks."""
    if rng is None:
        return f"（{lead}牵头，{support}配合）"
    if rng.random() < 0.5:
        return f"(责任单位:{lead}、{support})"
    return f"（{lead}牵头,{support}配合）"


def synthetic_plan(tasks: int, kind: str = "clean", seed: int = 2024):
    """The same plan as planner's model, for planner's own tests and tools (the only function
    here that imports planner)."""
    from planner.model import Plan

    return Plan.model_validate(plan_data(tasks, kind, seed))
