"""Budget: each notebook executes top to bottom in under 15 s on a 2-core machine.

Every notebook under ``notebooks/`` runs in a fresh kernel (nbclient), with the
workspace in a temporary folder. A notebook with one empty cell is the baseline
measured in the same run, so kernel start-up is visible separately from our work.
Run: ``python benchmarks/bench_notebooks.py [NOTEBOOK ...]``; exits 1 when a
notebook is over budget.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 15.0


def run(notebook: nbformat.NotebookNode, folder: Path) -> float:
    start = time.perf_counter()
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb")
                                     if ".ipynb_checkpoints" not in p.parts)
    with tempfile.TemporaryDirectory() as workspace:
        os.environ["INFOVIEW_WORKSPACE"] = workspace
        empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
        baseline = run(empty, ROOT / "notebooks")
        print(f"{'empty notebook (kernel start)':45s} {baseline:6.1f}s")
        worst = 0.0
        for path in paths:
            seconds = run(nbformat.read(path, as_version=4), path.parent)
            worst = max(worst, seconds)
            flag = "" if seconds <= BUDGET_S else "  OVER BUDGET"
            print(f"{str(path.relative_to(ROOT)):45s} {seconds:6.1f}s  "
                  f"({seconds / baseline:4.1f}x the empty notebook){flag}")
    return 0 if worst <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
