"""Run per-column work on several cores when the columns are long.

Loading a big log spends most of its time in pyarrow kernels and numpy gathers,
which release the GIL, so plain threads run one column each side by side. Short
columns are not worth a thread: below :data:`PARALLEL_FROM_ROWS` rows the work runs
in order, in the caller's thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

PARALLEL_FROM_ROWS = 50_000
MAX_THREADS = 4

Job = TypeVar("Job")
Result = TypeVar("Result")


def map_columns(func: Callable[[Job], Result], jobs: Sequence[Job], rows: int) -> list[Result]:
    """``[func(job) for job in jobs]``, on threads when the columns have many ``rows``.

    Results come back in the order of ``jobs``; the first exception is raised.
    """
    workers = min(len(jobs), os.cpu_count() or 1, MAX_THREADS)
    if workers < 2 or rows < PARALLEL_FROM_ROWS:
        return [func(job) for job in jobs]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(func, jobs))
