"""Bulk building without pauses for the cyclic garbage collector."""
from __future__ import annotations

import functools
import gc
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)


def without_gc_pauses(func: F) -> F:
    """Run `func` with the cyclic collector off, then turn it back on.

    Ingest, render and reading a draft with positions build tens of thousands of small objects
    that hold no reference cycles (pydantic models, strings, XML fragments, marked YAML nodes). Each time 700 of them have been allocated the
    collector runs, and its older generations scan every live object, so a big plan in a
    process that already holds another (a batch, the benchmark) spends more time collecting
    than building: on a 2000-task plan, ingest measured 0.21 s with the collector and 0.10 s
    without; reading the YAML draft with positions 0.57 s and 0.40 s. Reference counting still frees everything not in a cycle while the collector is
    off. Calls nest; a collector the caller turned off stays off."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()
    return wrapper  # type: ignore[return-value]
