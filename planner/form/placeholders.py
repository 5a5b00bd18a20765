"""待填项: what a draft leaves for the drafter to settle, written `【待填：…】` so that it stands
out in the text, is found again by lint (S006) and is never read as the plan's own words (a
number inside one is last year's value, not a target)."""
from __future__ import annotations


from planner.form.patterns import lazy

MARK = "【待填"
# 例：【待填：上年1000座】 / 【待填：地名，原为东营】
PLACEHOLDER = "【待填：{}】"
PLACEHOLDER_RE = lazy(r"【待填[：:][^】]*】?")


def placeholder(what: str) -> str:
    """`上年1000座` → `【待填：上年1000座】`."""
    return PLACEHOLDER.format(what)


def blank_placeholders(text: str, fill: str = "。") -> str:
    """`text` with every placeholder replaced by as many `fill` characters (offsets kept), so
    that nothing inside one is read as text."""
    if MARK not in text:
        return text
    return PLACEHOLDER_RE.sub(lambda m: fill * len(m.group()), text)
