"""Section ``memory``: peak memory of ``load_log`` against the bare read's.

Budget (``DESIGN.md``, issue 7): at most 2x the bare read's at 1,000,000 rows. Each
operation runs in a fresh process that first imports everything either side needs
(pandas, pyarrow's CSV and compute modules, the loader). Its figure is the peak resident
memory during the operation minus the resident memory right before it. On Linux the
peak is reset just before the operation (``/proc/self/clear_refs``), so the import peak
does not count; elsewhere the lifetime peak (``getrusage``) is used.
Quick check of this section alone: ``python benchmarks/bench_memory.py [--sizes ...]``.
"""

from __future__ import annotations

import gc
import math
import sys

from measure import answer, run_child
from results import Check, Section, Table, ratio, rows_label
from workload import Workload

KEY = "memory"
BUDGET = 2.0
MIB = 1024 * 1024
OPERATIONS = {"bare": "bare read: pandas.read_csv(engine=\"pyarrow\")",
              "load": "load_log"}
TEXT = (
    "The canonical {rows}-row file, each operation in a fresh process: (peak resident "
    "memory during the operation) − (resident memory right before it, after the imports). "
    "The peak is read from {method}. The ratio is load_log's figure ÷ the bare read's."
)


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Reset the peak resident memory to the current one (Linux); False if impossible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return False
    return _status_kib("VmHWM") is not None


def _memory_bytes(field: str) -> int:
    """``VmRSS`` (now) or ``VmHWM`` (peak) in bytes; the lifetime peak where /proc is absent."""
    kib = _status_kib(field)
    if kib is not None:
        return kib * 1024
    import resource

    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def probe(operation: str, path: str) -> None:
    """Child process: import, measure resident memory, run the operation, measure the peak."""
    import pandas as pd
    import pyarrow.compute  # noqa: F401 - the loader's cleaning uses it
    import pyarrow.csv  # noqa: F401 - both sides parse with it

    from infoview_lib.io import load_log

    run = {"bare": lambda: pd.read_csv(path, engine="pyarrow"), "load": lambda: load_log(path)}
    gc.collect()
    before = _memory_bytes("VmRSS")
    reset = _reset_peak()
    result = run[operation]()
    peak = _memory_bytes("VmHWM")
    answer(before=before, peak=peak, rows=len(result),
           method="VmHWM after clear_refs" if reset else "the lifetime peak")


def run(work: Workload) -> Section:
    """Measure both operations on the largest canonical file."""
    rows = work.largest
    path = work.path(rows)
    figures = {key: run_child([__file__, "--probe", key, str(path)]) for key in OPERATIONS}
    method = figures["load"]["method"]
    section = Section(KEY, "Peak memory of a load",
                      TEXT.format(rows=rows_label(rows), method=method))
    delta = {key: (f["peak"] - f["before"]) / MIB for key, f in figures.items()}
    figure = delta["load"] / delta["bare"] if delta["bare"] > 0 else math.nan
    check = Check(f"peak memory of load_log ÷ bare read, {rows_label(rows)} rows", figure,
                  BUDGET, "×", applies=work.judged)
    section.checks.append(check)
    table = Table(["operation", "rows", "before (MiB)", "peak (MiB)", "peak − before (MiB)",
                   "ratio", "budget", "verdict"])
    for key, label in OPERATIONS.items():
        mine = key == "load"
        table.rows.append([label, rows_label(rows), f"{figures[key]['before'] / MIB:.1f}",
                           f"{figures[key]['peak'] / MIB:.1f}", f"{delta[key]:.1f}",
                           ratio(figure) if mine else "1.00", check.budget if mine else "—",
                           check.verdict if mine else "—"])
    section.tables.append(table)
    print(f"  memory {rows_label(rows)} rows: load_log {delta['load']:.0f} MiB, bare "
          f"{delta['bare']:.0f} MiB, {figure:.2f}x", flush=True)
    return section


if __name__ == "__main__":
    from run_all import quick

    raise SystemExit(quick(KEY, probe=probe))
