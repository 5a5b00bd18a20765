"""Which script a character is in: Han ideographs, full-width Chinese punctuation, ASCII words."""
from __future__ import annotations


from planner.form.patterns import lazy

# Han ideographs: the unified block with extension A and the compatibility block.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = lazy(f"[{CJK}]")
# The unified block alone: what most patterns mean by 汉字. 例：数
HAN = r"\u4e00-\u9fff"
# Full-width punctuation of Chinese text (GB/T 15834). 例：， / “ / ……
FULL_PUNCT = "，。、；：？！（）“”‘’《》〈〉【】—…"


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None


def is_ascii_word(ch: str) -> bool:
    """A Latin letter or an Arabic digit (`1:1000`, `a,b`: punctuation between them is Western)."""
    return bool(ch) and ch.isascii() and ch.isalnum()
