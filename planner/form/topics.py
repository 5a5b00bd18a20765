"""Topics a plan no longer writes: measures of a time that has passed (the 2020–2022 epidemic
controls). A clause about one is not reused in a new plan unless the drafter asks for it.
The list is short and meant to be edited; an outline adds its own (`outdated:`)."""
from __future__ import annotations

from typing import Iterable, Optional

# 例：深化疫情防控大数据应用 / 开展企业停工停产、复工复产线上报备 / 健康码
OUTDATED_TOPICS = ("疫情防控", "新冠", "核酸检测", "防疫", "冷链食品", "复工复产", "健康码", "行程码",
                   "场所码", "疫苗接种")


def outdated_topic(text: str, extra: Iterable[str] = ()) -> Optional[str]:
    """The first outdated topic `text` speaks of, if any."""
    for topic in (*OUTDATED_TOPICS, *extra):
        if topic and topic in text:
            return topic
    return None
