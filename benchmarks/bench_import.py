"""Budget: ``import infoview_lib`` costs at most 0.2 s more than ``import pandas``.

Each import runs in a fresh interpreter (``python -X importtime`` is not used: it
slows both sides); the best of ``--repeat`` runs is compared.
Run: ``python benchmarks/bench_import.py [--repeat R]``; exits 1 when over budget.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

BUDGET_S = 0.2


def import_time(module: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    pandas = import_time("pandas", args.repeat)
    ours = import_time("infoview_lib", args.repeat)
    extra = ours - pandas
    print(f"import pandas={pandas:.3f}s  import infoview_lib={ours:.3f}s  "
          f"extra={extra:+.3f}s (budget +{BUDGET_S}s)")
    return 0 if extra <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
