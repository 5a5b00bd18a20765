"""N004 marker-width：序号用了半角括号或全角数字。

序号的括号用全角“（）”，数字用半角：`(一)` `(1)` `１．` 应写作 `（一）` `（1）` `1.`。自动修复。

选项：无。

PASS:
    （一）指导思想
    （1）数据共享。

FAIL:
    (一)指导思想
    (1)数据共享。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.markers import MARKER_WIDTH, find_marker_width
from planner.lint.problem import Problem

CODE = "N004"
NAME = "marker-width"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.spans:
        if span.field != "marker":
            continue
        spots = find_marker_width(span.text)
        if not spots:
            continue
        good = "".join(MARKER_WIDTH.get(ch, ch) for ch in span.text).rstrip()
        edits = [e for spot in spots for e in span.edit(spot.start, spot.end, spot.new)]
        yield span.at(spots[0].start, f"序号宽度不规范（{span.text.rstrip()}）；应写作“{good}”", edits)
