"""Regular expressions compiled when first used, so that importing the conventions stays cheap.

`re` compiles a character class by walking every code point of its ranges in Python: one
class of Han characters ([\\u4e00-\\u9fff], 20992 of them) takes about a millisecond, and form's
modules hold a hundred patterns, most with such classes. A `planner render` uses about a third
of them; compiled at import, all of them cost every command some 40 ms of start-up.
"""
from __future__ import annotations

import re


class LazyPattern:
    """A `re.Pattern` compiled the first time one of its attributes is asked for; each
    attribute is then kept on the instance, so later calls (`.search`, `.sub`) cost what the
    compiled pattern's own do. `pattern` (the source) is there without compiling."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        if name.startswith("__"):  # protocols (copy, pickle) see a plain object
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(self.pattern, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, done on first use."""
    return LazyPattern(pattern, flags)
