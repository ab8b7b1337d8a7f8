"""The one timing helper the benchmark scripts share: the median of a few runs, and the last result."""

from __future__ import annotations

import statistics
import time


def timed(fn, repeat: int = 1):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result
