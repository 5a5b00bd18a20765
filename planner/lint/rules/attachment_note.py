"""D003 attachment-note：附件说明格式不规范。

附件说明写作“附件：1.××××”：冒号用全角，序号用“1.”，名称后不加标点（GB/T 9704 7.3.4）。
`附件:1、任务分工表。` 应为 `附件：1.任务分工表`。自动修复。

选项：无。

PASS:
    附件：1.重点任务分工表

FAIL:
    附件:1、重点任务分工表。
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.form.attachments import continues_note, find_attachment_note, opens_note
from planner.lint.problem import Problem

CODE = "D003"
NAME = "attachment-note"
LEVEL = "error"
FIXABLE = True


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(draft, options: Options) -> Iterator[Problem]:
    follow = False  # the lines after an 附件 line that go on numbering attachments
    for span in draft.spans:
        if not (opens_note(span.text) or (follow and continues_note(span.text))):
            follow = False
            continue
        follow = True
        spot = find_attachment_note(span.text, continued=True)
        if spot is not None:
            yield span.at(spot.start, f"附件说明格式不规范（{span.text.strip()}）；应写作“{spot.new}”",
                          span.edit(spot.start, spot.end, spot.new))
