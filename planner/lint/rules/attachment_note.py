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

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from planner.lint.problem import Problem

CODE = "D003"
NAME = "attachment-note"
LEVEL = "error"
FIXABLE = True


def FAULT(text: str) -> str:  # noqa: N802 - the mutation test's fault for this rule
    return text.rstrip("\n") + "\n附件:1、任务分工表。\n"


# 例：附件:1、任务分工表。 / 附件：任务分工表 / 2、数据目录。 (a continuation line)
NOTE_RE = re.compile(r"^(?P<head>附件\s*(?P<colon>[:：])\s*)?(?P<num>\d{1,2}\s*[、.．,，]\s*)?"
                     r"(?P<name>[^。；;，,]+?)(?P<end>[。；;，,.]*)$")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _good(match: re.Match) -> str:
    head = "附件：" if match["head"] else ""
    num = re.sub(r"\D", "", match["num"]) + "." if match["num"] else ""
    return head + num + match["name"].strip()


def check(draft, options: Options) -> Iterator[Problem]:
    follow = False
    for span in draft.spans:
        text = span.text.strip()
        starts = text.startswith("附件") and ("：" in text[:4] or ":" in text[:4])
        if not (starts or (follow and re.match(r"^\d{1,2}\s*[、.．]", text))):
            follow = False
            continue
        follow = True
        match = NOTE_RE.match(text)
        if match is None:
            continue
        good = _good(match)
        if good != text:
            at = span.text.index(text)
            yield span.at(at, f"附件说明格式不规范（{text}）；应写作“{good}”",
                          span.edit(at, at + len(text), good))
