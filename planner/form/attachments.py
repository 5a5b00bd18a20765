"""附件说明: `附件：1.××××` — a full-width colon, numbers written `1.`, no mark after a name
(GB/T 9704 7.3.4)."""
from __future__ import annotations

import re
from typing import Optional

from planner.form.patterns import lazy
from planner.form.spots import Spot

# 例：附件:1、任务分工表。 / 附件：任务分工表 / 2、数据目录。 (a continuation line)
NOTE_RE = lazy(r"^(?P<head>附件\s*(?P<colon>[:：])\s*)?(?P<num>\d{1,2}\s*[、.．,，]\s*)?"
               r"(?P<name>[^。；;，,]+?)(?P<end>[。；;，,.]*)$")
# A numbered line after an 附件 line names another attachment. 例：2、数据目录
CONTINUED_RE = lazy(r"^\d{1,2}\s*[、.．]")


# The 附件 label over an attachment (8: “附件”二字及附件顺序号…顶格编排在版心左上角第一行).
# 例：附件 / 附件1 / 附件2：
LABEL_RE = lazy(r"^附件\s*\d{0,2}\s*[:：]?$")


def is_label(text: str) -> bool:
    """`text` is an 附件 label and nothing more."""
    text = text.strip()
    return text.startswith("附件") and LABEL_RE.match(text) is not None


def opens_note(text: str) -> bool:
    """`附件：…` (a colon within the first four characters)."""
    text = text.strip()
    return text.startswith("附件") and ("：" in text[:4] or ":" in text[:4])


def continues_note(text: str) -> bool:
    return CONTINUED_RE.match(text.strip()) is not None


def find_attachment_note(text: str, continued: bool = False) -> Optional[Spot]:
    """An 附件说明 line (or, `continued`, a numbered line after one) not in its form:
    `附件:1、任务分工表。` → `附件：1.任务分工表`."""
    stripped = text.strip()
    if not (opens_note(stripped) or (continued and continues_note(stripped))):
        return None
    match = NOTE_RE.match(stripped)
    if match is None:
        return None
    head = "附件：" if match["head"] else ""
    num = re.sub(r"\D", "", match["num"]) + "." if match["num"] else ""
    good = head + num + match["name"].strip()
    if good == stripped:
        return None
    at = text.index(stripped)
    return Spot(at, at + len(stripped), good)
