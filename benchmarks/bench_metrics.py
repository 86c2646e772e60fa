"""Section ``metrics``: every public function of :mod:`infoview_lib.metrics` on a loaded log.

Budget (``DESIGN.md``): under 1 s each at 1,000,000 rows. Each time is also shown as a
ratio to a plain pandas group-by on the same frame, measured in the same rounds, so
the table keeps its meaning on a slower machine (the budget is judged on the time).
Quick check of this section alone (prints its tables, writes nothing):
``python benchmarks/bench_metrics.py [--sizes 1000000] [--repeat N]``.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable

import pandas as pd
from measure import best_interleaved
from results import Check, Section, Table, ratio, rows_label, seconds
from synthetic import AS_OF, with_students
from workload import BUDGET_ROWS, Workload

from infoview_lib import metrics

KEY = "metrics"
BUDGET_S = 1.0
BASELINE = "baseline: pandas group-by"
BASELINE_CODE = "log.groupby(\"contact\", sort=False)[\"referrals\"].sum()"
TEXT = (
    "Every public function of `infoview_lib.metrics` (in its `__all__`) whose first "
    "parameter is a log runs on the canonical log as `load_log` returned it, plus a "
    "`student` column (40 students) for `by_student`; functions that take `as_of` or "
    "`today` get {as_of}. Each is called once (a check that it runs), then timed in turn "
    "with the baseline `{baseline}`, {repeat} rounds, best of each. The ratio is the "
    "metric's time ÷ the baseline's best time at that size. The budget (< {budget:g} s, "
    "on the time) is judged at {budget_rows} rows."
)
LOG_PARAMETERS = ("log", "class_log")


def _takes_a_log(func) -> bool:
    parameters = list(inspect.signature(func).parameters)
    return bool(parameters) and parameters[0] in LOG_PARAMETERS


def public_metrics() -> dict[str, Callable]:
    """Name → function, for every function :mod:`infoview_lib.metrics` exports that takes
    a log first (helpers on single values, such as ``as_day``, are not metrics)."""
    functions = {name: getattr(metrics, name) for name in metrics.__all__}
    return {name: func for name, func in functions.items()
            if inspect.isfunction(func) and _takes_a_log(func)}


def call_of(func: Callable, log: pd.DataFrame) -> Callable[[], object]:
    """``func(log)``, with the benchmark's day for an ``as_of`` or ``today`` parameter."""
    parameters = inspect.signature(func).parameters
    day = {name: AS_OF for name in ("as_of", "today") if name in parameters}
    return lambda: func(log, **day)


def baseline(log: pd.DataFrame) -> Callable[[], object]:
    """The same-run yardstick: a pandas group-by over the contacts' names."""
    return lambda: log.groupby("contact", sort=False)["referrals"].sum()


def time_metrics(log: pd.DataFrame, repeat: int) -> tuple[dict[str, float], float, list[str]]:
    """Best time of each metric, the baseline's best time, and the metrics that failed."""
    times, failed = {}, []
    base = float("inf")
    yardstick = baseline(log)
    for name, func in public_metrics().items():
        call = call_of(func, log)
        try:
            call()
        except Exception as error:  # noqa: BLE001 - a failing metric is a finding to report
            message = " ".join(str(error).split())[:200]
            failed.append(f"`{name}` fails on the synthetic log: {type(error).__name__}: "
                          f"{message}")
            times[name] = float("nan")
            continue
        best = best_interleaved({name: call, BASELINE: yardstick}, repeat)
        times[name] = best[name]
        base = min(base, best[BASELINE])
    if math.isinf(base):
        base = best_interleaved({BASELINE: yardstick}, repeat)[BASELINE]
    return times, base, failed


def run(work: Workload) -> Section:
    """Time every metric at every size."""
    section = Section(KEY, "Metrics", TEXT.format(as_of=AS_OF, baseline=BASELINE_CODE,
                                                  repeat=work.repeat, budget=BUDGET_S,
                                                  budget_rows=rows_label(BUDGET_ROWS)))
    for rows in work.sizes:
        log = with_students(work.log(rows), work.seed)
        times, base, failed = time_metrics(log, work.repeat)
        del log
        section.problems += [f"{problem} ({rows_label(rows)} rows)" for problem in failed]
        table = Table(["metric", "rows", "time (s)", "ratio to baseline", "budget", "verdict"],
                      title=f"{rows_label(rows)} rows")
        table.rows.append([BASELINE, rows_label(rows), seconds(base), "1.00", "—", "—"])
        for name, value in times.items():
            section.series.setdefault(name, {})[rows] = value
            budget = verdict = "—"
            if rows == work.budget_size:
                check = Check(f"{name}, {rows_label(rows)} rows", value, BUDGET_S, " s",
                              strict=True, applies=work.judged)
                section.checks.append(check)
                budget, verdict = check.budget, check.verdict
            table.rows.append([name, rows_label(rows), seconds(value), ratio(value / base),
                               budget, verdict])
        section.tables.append(table)
        slowest = max(times, key=lambda n: -1 if math.isnan(times[n]) else times[n])
        print(f"  metrics {rows_label(rows):>9} rows: baseline {base:.3f} s, slowest "
              f"{slowest} {times[slowest]:.3f} s", flush=True)
    return section


if __name__ == "__main__":
    from run_all import quick

    raise SystemExit(quick(KEY))
