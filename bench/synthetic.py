"""Deterministic synthetic plans of any size, in realistic 公文 wording (for benchmarks)."""
from __future__ import annotations

import random

from planner.model import Plan

PHRASES = ["推进政务服务“一网通办”", "建设城市运行“一网统管”平台", "完善一体化大数据平台区级节点",
           "新建5G基站1000座", "推动公共数据、政务数据全量汇聚", "打造数字经济标杆工程",
           "深化“无证明城市”建设", "提升城市云脑基础能力", "培育数字化转型试点企业30家",
           "完善网络安全态势感知体系", "拓展“互联网+监管”应用场景", "加快千兆光网建设"]
UNITS = ["区大数据局", "区工业和信息化局", "区发展和改革局", "区财政局", "区市场监管局", "区教育和体育局"]
CN = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    tens, ones = divmod(n, 10)
    return (CN[tens - 1] if tens > 1 else "") + "十" + (CN[ones - 1] if ones else "")


def synthetic_plan(tasks: int, seed: int = 2024) -> Plan:
    """A plan with `tasks` items under parts of 10, each item two sentences and a note."""
    rng = random.Random(seed)
    parts = []
    for start in range(0, tasks, 10):
        items = []
        for n in range(start, min(start + 10, tasks)):
            text = "，".join(rng.sample(PHRASES, 3)) + "。" + "，".join(rng.sample(PHRASES, 2)) + "。"
            lead, support = rng.sample(UNITS, 2)
            items.append({"marker": f"{n - start + 1}.", "title": rng.choice(PHRASES), "end": "。",
                          "run_in": True, "paragraphs": [{"clauses": [{"text": text, "responsibility": {
                              "lead": [{"name": lead, "canonical": lead}],
                              "support": [{"name": support, "canonical": support}],
                              "raw": f"（{lead}牵头，{support}配合）"}}]}]})
        number = start // 10 + 1
        parts.append({"marker": f"（{cn_number(min(number, 99))}）", "title": rng.choice(PHRASES), "items": items})
    return Plan.model_validate({
        "kind": "行动方案", "title": "数字某区2025年行动方案", "year": 2025,
        "preamble": [{"clauses": [{"text": "为深入贯彻落实数字中国战略，制定本行动方案。"}]}],
        "sections": [{"role": "goals", "marker": "一、", "title": "行动目标",
                      "paragraphs": [{"clauses": [{"text": "到2025年底，数字政府建设取得明显成效。"}]}]},
                     {"role": "tasks", "marker": "二、", "title": "主要任务", "parts": parts},
                     {"role": "safeguards", "marker": "三、", "title": "保障措施",
                      "paragraphs": [{"clauses": [{"text": "加强组织领导，强化资金保障。"}]}]}]})
