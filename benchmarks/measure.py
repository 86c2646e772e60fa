"""How the benchmarks take a time or a memory figure: interleaved best-of-N, fresh processes."""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable


class BenchmarkError(RuntimeError):
    """A benchmark could not measure what it should (a file does not load, a child failed)."""


def best_interleaved(calls: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Best wall-clock time of each call, running them in turn: A B A B ...

    Interleaving spreads a busy neighbour's load over every call alike, so a ratio
    of two calls measured together stays fair on a shared machine. As in
    :mod:`timeit`, the garbage collector is off while a call is timed; the result
    of a call is freed after the clock stops.

    Parameters
    ----------
    calls : dict
        Name → a function with no arguments.
    repeat : int
        Rounds; each call runs once per round.

    Returns
    -------
    dict
        Name → the smallest time in seconds.
    """
    best = dict.fromkeys(calls, float("inf"))
    gc.collect()
    for _ in range(max(repeat, 1)):
        for name, call in calls.items():
            gc.disable()  # as timeit does: no collection pause lands in one call's time
            try:
                start = time.perf_counter()
                result = call()
                elapsed = time.perf_counter() - start
            finally:
                gc.enable()
            del result
            best[name] = min(best[name], elapsed)
    return best


def run_child(argv: list[str], timeout: float | None = None) -> dict:
    """Run a Python child process and return the JSON object on its last output line.

    Raises
    ------
    BenchmarkError
        If the child fails (its last error lines are quoted).
    subprocess.TimeoutExpired
        If it runs longer than ``timeout`` seconds (it is killed).
    """
    done = subprocess.run([sys.executable, *argv], capture_output=True, text=True,
                          timeout=timeout)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        raise BenchmarkError(f"child {' '.join(argv[:3])} failed ({done.returncode}): {tail}")
    return json.loads(lines[-1])


def answer(**values) -> None:
    """The child's side of :func:`run_child`: print one JSON line."""
    print(json.dumps(values), flush=True)


def median_in_fresh_processes(codes: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Run each snippet ``runs`` times, interleaved, each in a new interpreter.

    Every snippet prints one number (seconds, measured inside the child so that
    interpreter start-up is left out). Returns name → the list of numbers; take
    :func:`statistics.median` of it.
    """
    seconds: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            seconds[name].append(run_child(["-c", code])["seconds"])
    return seconds


median = statistics.median
