"""N003 marker-punct：序号后的标点不对。

“一、”后用顿号；“（一）”“（1）”后不加标点；“1.”后用圆点（GB/T 15834 附录B.3，GB/T 9704 7.3.3）。
`一.` `一，` `（一）、` `1、` `（1）、` 都要改。自动修复。

选项：无。

PASS:
    一、总体要求
    （一）指导思想
    1.推进数据共享。

FAIL:
    一.总体要求
    （一）、指导思想
    1、推进数据共享。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem
from planner.form.markers import find_marker_punct

CODE = "N003"
NAME = "marker-punct"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    for span in draft.spans:
        if span.field != "marker":
            continue
        marker = span.text.rstrip()
        spot = find_marker_punct(marker)
        if spot is None:
            continue
        good = marker[:spot.start] + spot.new
        yield span.at(spot.start, f"序号标点不规范（{marker}）；应写作“{good}”",
                      span.edit(spot.start, spot.end, spot.new))
