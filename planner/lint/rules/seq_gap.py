"""N001 seq-gap：同级序号跳号、重号或顺序错乱。

同一层级的序号应连续：`一、二、三、`，`（一）（二）（三）`，`1. 2. 3.`。每一部分的序号可以从1
重新编起，也可以接着上一部分连续编排（如各部分任务统一编为1—19）。自动修复时按顺序重新编号。

选项：无。

PASS:
    数字某区2025年行动方案
    一、主要任务
    1.推进数据共享。2025年底前建成平台。（责任单位：区大数据局）
    2.优化网上办事。2025年底前上线100项。（责任单位：区行政审批服务局）
    3.建设网络设施。2025年底前新建基站200个。（责任单位：区工业和信息化局）

FAIL:
    数字某区2025年行动方案
    一、主要任务
    1.推进数据共享。2025年底前建成平台。（责任单位：区大数据局）
    2.优化网上办事。2025年底前上线100项。（责任单位：区行政审批服务局）
    4.建设网络设施。2025年底前新建基站200个。（责任单位：区工业和信息化局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.form.markers import marker_kind, renumber

CODE = "N001"
NAME = "seq-gap"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_run(draft, nodes: list, kind: str, last: dict) -> Iterator[Problem]:
    numbers = [n.number for n in nodes]
    start = numbers[0] if numbers[0] in (1, last.get(kind, 0) + 1) else 1
    expected = list(range(start, start + len(nodes)))
    last[kind] = numbers[-1]
    wrong = [i for i, (a, b) in enumerate(zip(numbers, expected)) if a != b]
    if not wrong:
        return
    first = nodes[wrong[0]]
    edits = []
    for i in wrong:
        span = draft.field_span(nodes[i], "marker")
        if span is not None:
            new = renumber(span.text, expected[i])
            edits += span.edit(0, len(span.text), new)
    line, col = draft.where(first)
    at = wrong[0]
    want = renumber(first.marker.strip(), expected[at])
    if at == 0:
        seen = f"第一个序号是“{first.marker.strip()}”"
    else:
        seen = f"“{nodes[at - 1].marker.strip()}”之后是“{first.marker.strip()}”"
    what = "重号" if at and numbers[at] == numbers[at - 1] else "跳号或顺序错乱"
    yield Problem(line, col, f"序号{what}（{seen}）；应为“{want}”，其后依次顺延", edits)


def _containers(plan) -> Iterator[list]:
    # An untitled section (task areas standing at the top level) is not a level of its own.
    top = [n for s in plan.sections for n in (s.parts if s.marker is None else [s])]
    yield top
    stack = list(reversed(top))
    while stack:
        part = stack.pop()
        yield list(part.parts)
        yield list(part.items)
        stack.extend(reversed(part.parts))


def check(draft, options: Options) -> Iterator[Problem]:
    last: dict[str, int] = {}
    for siblings in _containers(draft.plan):
        runs: dict[str, list] = {}
        for node in siblings:
            kind = marker_kind(node.marker)
            if kind is not None and node.number is not None:
                runs.setdefault(kind, []).append(node)
        for kind, nodes in runs.items():
            yield from _check_run(draft, nodes, kind, last)
