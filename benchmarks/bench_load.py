"""Budget: ``load_log`` on a 1,000,000-row CSV takes at most 1.5x a bare
``pandas.read_csv(engine="pyarrow")`` of the same file, measured in the same run.

Run: ``python benchmarks/bench_load.py [--rows N] [--repeat R]``. Prints both times and
the ratio; exits 1 when the ratio is over budget.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd  # noqa: E402
from _synthetic import synthetic_csv  # noqa: E402

from infoview_lib import load_log  # noqa: E402

BUDGET = 1.5


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    path = synthetic_csv(args.rows)
    baseline = best_of(args.repeat, lambda: pd.read_csv(path, engine="pyarrow"))
    ours = best_of(args.repeat, lambda: load_log(path))
    ratio = ours / baseline
    print(f"rows={args.rows:,}  pandas.read_csv(pyarrow)={baseline:.3f}s  "
          f"load_log={ours:.3f}s  ratio={ratio:.2f} (budget {BUDGET})")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
