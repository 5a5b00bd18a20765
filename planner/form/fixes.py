"""The conventions' fixes composed: what the writers do to a text on its way out."""
from __future__ import annotations

import re

from planner.form.punctuation import find_halfwidth
from planner.form.quotes import find_quotes
from planner.form.script import has_cjk
from planner.form.spots import apply
from planner.form.years import find_time_ranges

# Any character normalise may change; a text without one is already in 公文 form.
NORMALISED_RE = re.compile(r'[,:;?!()"\-－~～–―]')


def normalise(text: str) -> str:
    """The form every text is written in, even as written (`export --as-written`):
    full-width punctuation, paired curly quotes, a year range joined by —. Each step maps one
    character to one character, so offsets survive."""
    if NORMALISED_RE.search(text) is None or not has_cjk(text):
        return text
    text = apply(text, find_halfwidth(text, stops=False))
    text = apply(text, find_quotes(text, corners=False))
    return apply(text, find_time_ranges(text, months=False))
