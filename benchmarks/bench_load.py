"""Section ``load``: ``load_log`` against a bare ``pandas.read_csv(path, engine="pyarrow")``.

Budget (``DESIGN.md``): at most 1.5x the bare read on the canonical 1,000,000-row file.
Quick check of this section alone (prints its table, writes nothing):
``python benchmarks/bench_load.py [--sizes 1000000] [--repeat N]``.
"""

from __future__ import annotations

import pandas as pd
from measure import BenchmarkError, best_interleaved
from results import Check, Section, Table, ratio, rows_label, seconds
from synthetic import VARIANTS
from workload import BUDGET_ROWS, Workload, checked_load

from infoview_lib import load_log

KEY = "load"
BUDGET = 1.5
TEXT = (
    "Each file is loaded once first: a check that `load_log` reads every row with no "
    "problem (and the messy file to the same log as the canonical one); it also warms the "
    "disk cache. Then `load_log(path)` and `pandas.read_csv(path, engine=\"pyarrow\")` run "
    "in turn (A B A B ...), {repeat} rounds, and the best time of each is kept. The ratio "
    "is load_log ÷ bare read. The budget (≤ {budget}×) is set for the canonical "
    "{budget_rows}-row file; the messy file (aliased headers, US dates, category synonyms, "
    "stray spaces, BOM, CRLF) shows what cleaning costs."
)


def bare_read(path) -> pd.DataFrame:
    """The baseline: what pandas alone does with the file."""
    return pd.read_csv(path, engine="pyarrow")


def same_log(canonical: pd.DataFrame, messy: pd.DataFrame, name: str) -> None:
    """Insist that the messy file loaded to the canonical file's log."""
    try:
        pd.testing.assert_frame_equal(messy, canonical)
    except AssertionError as error:
        first = " ".join(str(error).split())[:300]
        raise BenchmarkError(f"{name} loads to another log than the canonical file: {first}") \
            from error


def run(work: Workload) -> Section:
    """Time the loader and the bare read at every size, both layouts."""
    section = Section(KEY, "Loading: `load_log` against a bare pandas read",
                      TEXT.format(repeat=work.repeat, budget=BUDGET,
                                  budget_rows=rows_label(BUDGET_ROWS)))
    table = Table(["operation", "variant", "rows", "load_log (s)", "bare read (s)", "ratio",
                   "budget", "verdict"])
    for rows in work.sizes:
        for variant in VARIANTS:
            path = work.path(rows, variant)
            log = checked_load(path, rows)
            if variant == "canonical":
                work.remember(rows, log)
            else:
                same_log(work.log(rows), log, path.name)
            del log
            best = best_interleaved({"load_log": lambda p=path: load_log(p),
                                     "bare": lambda p=path: bare_read(p)}, work.repeat)
            section.series.setdefault(f"load_log ({variant})", {})[rows] = best["load_log"]
            section.series.setdefault(f"bare read ({variant})", {})[rows] = best["bare"]
            figure = best["load_log"] / best["bare"]
            budget = verdict = "—"
            if variant == "canonical" and rows == work.budget_size:
                check = Check(f"load_log ÷ bare read, canonical, {rows_label(rows)} rows",
                              figure, BUDGET, "×", applies=work.judged)
                section.checks.append(check)
                budget, verdict = check.budget, check.verdict
            table.rows.append(["load_log", variant, rows_label(rows), seconds(best["load_log"]),
                               seconds(best["bare"]), ratio(figure), budget, verdict])
            print(f"  load {variant:9} {rows_label(rows):>9} rows: load_log "
                  f"{best['load_log']:.3f} s, bare {best['bare']:.3f} s, {figure:.2f}x",
                  flush=True)
    section.tables.append(table)
    return section


if __name__ == "__main__":
    from run_all import quick

    raise SystemExit(quick(KEY))
