"""Section ``import``: ``import infoview_lib`` against ``import pandas``.

Budget (``DESIGN.md``): at most 0.2 s more than ``import pandas``. Each import runs in
a fresh interpreter and is timed inside it (interpreter start-up left out); the two
alternate, and the median of each is compared.
Quick check of this section alone: ``python benchmarks/bench_import.py [--repeat N]``.
"""

from __future__ import annotations

from measure import median, median_in_fresh_processes
from results import Check, Section, Table, seconds
from workload import Workload

KEY = "import"
BUDGET_S = 0.2
MIN_RUNS = 5
MODULES = ("pandas", "infoview_lib")
CODE = ("import json, time; start = time.perf_counter(); import {module}; "
        "print(json.dumps({{'seconds': time.perf_counter() - start}}))")
TEXT = (
    "Each import runs in a fresh interpreter and is timed inside it, so interpreter "
    "start-up is left out; `import pandas` and `import infoview_lib` alternate, {runs} "
    "processes each, and the medians are compared. `import infoview_lib` includes pandas, "
    "so the difference is what the kit adds."
)


def run(work: Workload) -> Section:
    """Median import time of pandas and of the kit, and the difference."""
    runs = max(work.repeat, MIN_RUNS)
    times = median_in_fresh_processes({m: CODE.format(module=m) for m in MODULES}, runs)
    pandas, ours = median(times["pandas"]), median(times["infoview_lib"])
    check = Check("import infoview_lib − import pandas", ours - pandas, BUDGET_S, " s")
    section = Section(KEY, "Import time", TEXT.format(runs=runs), checks=[check])
    table = Table(["import", "median (s)", "fastest (s)", "slowest (s)", "extra over pandas (s)",
                   "budget", "verdict"])
    for module in MODULES:
        mine = module == "infoview_lib"
        table.rows.append([f"import {module}", seconds(median(times[module])),
                           seconds(min(times[module])), seconds(max(times[module])),
                           seconds(ours - pandas) if mine else "—",
                           check.budget if mine else "—", check.verdict if mine else "—"])
    section.tables.append(table)
    print(f"  import: pandas {pandas:.3f} s, infoview_lib {ours:.3f} s", flush=True)
    return section


if __name__ == "__main__":
    from run_all import quick

    raise SystemExit(quick(KEY))
