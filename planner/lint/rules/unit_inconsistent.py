"""O005 unit-inconsistent：同一单位前后写法不一，或在同一条责任单位中重复。

同一文件中同一单位只用一种写法（全称或规范简称），如不要一处写“市发展改革委”、另一处写
“市发展和改革委员会”；同一处责任单位中不要重复列出同一单位。

选项：无。

PASS:
    1.推进项目建设。（责任单位：市发展改革委）
    2.加强项目调度。（责任单位：市发展改革委、市财政局）

FAIL:
    1.推进项目建设。（责任单位：市发展改革委）
    2.加强项目调度。（责任单位：市发展和改革委员会、市财政局）
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.lint.walk import note_units

CODE = "O005"
NAME = "unit-inconsistent"
LEVEL = "warning"
FIXABLE = False


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    first_form: dict[str, str] = {}
    in_note: dict[tuple, set] = {}
    for span, start, end, note in note_units(draft):
        name = span.text[start:end]
        match = draft.units.lookup(name)
        key = match.key if match is not None else name
        note_key = (id(span), note)
        seen = in_note.setdefault(note_key, set())
        if key in seen and match is not None:
            yield span.at(start, f"同一条责任单位中重复列出（{name}）；请删去重复的单位")
        seen.add(key)
        earlier = first_form.setdefault(key, name)
        if earlier != name:
            yield span.at(start, f"同一单位前后写法不一（“{earlier}”与“{name}”）；请统一为一种写法")
