"""Timing: a function in-process, and commands as whole processes run in turn (A B A B …).

Shared machines drift, so every figure is a median of several runs after a warm-up, and a
comparison of two commands is the median of their ratios pair by pair (each pair ran back to
back, under the same load), not the ratio of two medians taken minutes apart.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import time
from typing import Callable, Mapping, Optional, Sequence


def median_time(func: Callable, *args, repeat: int = 3, warmup: int = 1) -> float:
    """Median seconds of `func(*args)` over `repeat` calls after `warmup` uncounted ones."""
    for _ in range(warmup):
        func(*args)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_once(command: Sequence[str], env: Optional[Mapping[str, str]] = None) -> float:
    """Wall seconds of one run of `command` (output thrown away); a failure stops the bench."""
    start = time.perf_counter()
    done = subprocess.run(list(command), env=None if env is None else {**os.environ, **env},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: "
                           f"{done.stderr.decode('utf-8', 'replace')[-500:]}")
    return elapsed


def compare(commands: Mapping[str, Sequence[str]], base: str, repeat: int, warmup: int = 1,
            env: Optional[Mapping[str, str]] = None) -> dict:
    """Each command's median wall seconds, and `name/base`: the median of the ratios of runs
    made back to back. Commands take turns in each round; one warm-up round is not counted."""
    return _rounds({name: (lambda c=command: run_once(c, env)) for name, command in commands.items()},
                   base, repeat, warmup)


def compare_calls(calls: Mapping[str, Callable[[], object]], base: str, repeat: int,
                  warmup: int = 1) -> dict:
    """`compare` in-process: each call's median seconds and its ratio to `base`'s, call by call."""
    def timed(call: Callable[[], object]) -> float:
        start = time.perf_counter()
        call()
        return time.perf_counter() - start

    return _rounds({name: (lambda c=call: timed(c)) for name, call in calls.items()}, base, repeat, warmup)


def _rounds(runners: Mapping[str, Callable[[], float]], base: str, repeat: int, warmup: int) -> dict:
    for _ in range(warmup):
        for runner in runners.values():
            runner()
    runs: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(repeat):
        for name, runner in runners.items():
            runs[name].append(runner())
    row: dict = {name: statistics.median(times) for name, times in runs.items()}
    for name, times in runs.items():
        if name != base:
            row[f"{name}/{base}"] = statistics.median(t / b for t, b in zip(times, runs[base]))
    return row
