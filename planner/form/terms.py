"""Technical terms written in their own case (5G, IPv6, NB-IoT): a page copied from the web
often lowers them."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from planner.form.patterns import lazy
from planner.form.spots import Spot

TERMS = ("5G", "4G", "10G", "IPv6", "IPv4", "NB-IoT", "IoT", "H5", "BIM", "CIM", "GIS", "AI", "API",
         "APP", "VR", "AR", "ICT", "IT", "GDP", "CPU", "GPU", "IDC", "ETC", "OA", "PC", "PON", "SaaS",
         "PaaS", "IaaS", "VPN", "WLAN", "Wi-Fi", "eSIM", "10G-PON")
# A maximal run of Latin letters, digits and hyphens: a term is one whole. Tried only where a
# run starts (a pattern that may start at any digit backtracks over a long digit run): its
# first character is matched, then the one before it looked back at (opening on the
# look-behind would try every position of the text, twice as slow on a line of Chinese).
# 例：ipv6 / 5g / NB-IoT
WORD_RE = lazy(r"[A-Za-z0-9\-](?<![A-Za-z0-9\-][A-Za-z0-9\-])[A-Za-z0-9\-]*")
# The terms with small letters, written all in capitals. 例：IPV6 / NB-IOT
SHOUTED_TERMS = tuple(term.upper() for term in sorted(TERMS, key=len, reverse=True) if term != term.upper())
# Where a term may be in the wrong case: a small letter, or one of those. 例：5g / ipv6 / IPV6 (not 5G)
WRONG_CASE_SCREEN = lazy("[a-z]|" + "|".join(map(re.escape, SHOUTED_TERMS)))


@lru_cache(maxsize=16)
def _table(extra: tuple[str, ...]) -> dict[str, str]:
    return {term.lower(): term for term in TERMS + extra}


def find_term_case(text: str, extra: Iterable[str] = ()) -> Iterator[Spot]:
    """Terms written in a case other than their own: `ipv6` → `IPv6` (`extra`: more terms)."""
    table = _table(tuple(extra))
    for match in WORD_RE.finditer(text):
        word = match.group()
        want = table.get(word.lower())
        if want is not None and want != word:
            yield Spot(match.start(), match.end(), want)


def fix_term_case(text: str) -> str:
    """`text` with every term in its own case (`5g基站` → `5G基站`)."""
    if WORD_RE.search(text) is None:
        return text
    table = _table(())
    return WORD_RE.sub(lambda m: table.get(m.group().lower(), m.group()), text)
