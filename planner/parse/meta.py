"""What a plan says about itself: 文种, year or period, region (its title line: parse.titles)."""
from __future__ import annotations

import re
from typing import Optional

from planner.form.hanzi import simplify
from planner.form.ranges import RANGE_SEP
from planner.form.years import BARE_YEAR_RE, YEAR
from planner.model import Kind

KIND_RES = [
    (Kind.ACTION_PLAN, re.compile(r"行动方案")),
    (Kind.WORK_POINTS, re.compile(r"工作要点")),
    (Kind.IMPLEMENTATION_PLAN, re.compile(r"实施方案")),
    (Kind.IMPLEMENTATION_OPINIONS, re.compile(r"实施意见")),
    (Kind.PROGRAMME, re.compile(r"规划|纲要")),
]
# 例：2024—2026年 / 2024-2026 / 2024至2026年
PERIOD_RE = re.compile(rf"({YEAR})\s*年?\s*{RANGE_SEP}+\s*({YEAR})\s*年?")
# 例：数字即墨 / 东营市数字变革创新 / 日照市数字强市
REGION_TITLE_RE = re.compile(r"^(?:数字|智慧)?(?P<name>[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|区|县|州|盟|旗))"
                             r"(?=数字|智慧|大数据|人民政府|政府|关于|\d)")
REGION_DIGITAL_RE = re.compile(r"(?:数字|智慧)(?P<name>[\u4e00-\u9fff]{2,3}?)(?=\d{4}|建设|发展|行动|强)")
# 例：青岛市即墨区人民政府办公室 → 青岛市即墨区
ISSUER_REGION_RE = re.compile(r"^(?P<name>.+?(?:省|自治区|市|区|县|州))(?=人民政府|政府|大数据|委|党委)")
# Words that follow 数字 in titles but are not places. 例：数字政府2025年工作要点
NOT_REGIONS = {"政府", "经济", "社会", "乡村", "城市", "中国", "机关", "生态", "文化", "治理", "产业", "化"}
ADMIN_SUFFIX_RE = re.compile(r"(省|自治区|市|区|县|州)")


def detect_kind(title: str) -> Kind:
    title = simplify(title)
    for kind, pattern in KIND_RES:
        if pattern.search(title):
            return kind
    return Kind.OTHER


def detect_period(title: str) -> Optional[tuple[int, int]]:
    match = PERIOD_RE.search(title)
    if match and int(match.group(1)) < int(match.group(2)):
        return int(match.group(1)), int(match.group(2))
    return None


def detect_year(title: str, fallback: list[str]) -> Optional[int]:
    """The single year a title names; else the year of the notice date or first text."""
    years = set(BARE_YEAR_RE.findall(title))
    if len(years) == 1:
        return int(years.pop())
    for text in fallback:
        found = BARE_YEAR_RE.findall(text)
        if found:
            return int(found[0])
    return None


def detect_region(title: str, issuer: Optional[str], text: str) -> Optional[str]:
    """`即墨区`, `东营市` …: from the title, completed from the issuer or the body text."""
    name = None
    match = REGION_TITLE_RE.match(title) or REGION_DIGITAL_RE.search(title)
    if match and match.group("name") not in NOT_REGIONS:
        name = match.group("name")
    if issuer:
        found = ISSUER_REGION_RE.match(issuer)
        if found:
            full = found.group("name")
            if name is None or name.rstrip("市区县") in full:
                return _last_admin(full)
    if name and not ADMIN_SUFFIX_RE.search(name[-1]):
        return _most_common_suffix(name, text)
    return name


def _last_admin(full: str) -> str:
    pieces = [p for p in re.split(r"(?<=[省市区县州])", full) if p]
    return pieces[-1] if pieces else full


def _most_common_suffix(name: str, text: str) -> str:
    counts = {suffix: text.count(name + suffix) for suffix in "市区县"}
    suffix, count = max(counts.items(), key=lambda pair: pair[1])
    return name + suffix if count else name
