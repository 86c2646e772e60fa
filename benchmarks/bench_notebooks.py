"""Section ``notebooks``: each notebook executed top to bottom in a fresh kernel.

Budget (``DESIGN.md``): under 15 s each on a 2-core machine. Every notebook under
``notebooks/`` runs once with nbclient in a fresh kernel of this environment, from its
own folder, with ``INFOVIEW_WORKSPACE`` set to a new temporary folder (nothing is
written into the project) and without ``MPLBACKEND``. A notebook with one ``pass`` cell,
run the same way, is the same-run baseline (kernel start-up and shutdown).
Quick check of this section alone: ``python benchmarks/bench_notebooks.py``.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from results import Check, Section, Table, ratio, seconds
from workload import Workload

KEY = "notebooks"
BUDGET_S = 15.0
CELL_TIMEOUT_S = 120
ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "notebooks"
EMPTY = "(empty notebook: one `pass` cell)"
TEXT = (
    "Each notebook under `notebooks/` runs once, top to bottom, with nbclient in a fresh "
    "`python3` kernel of this environment, from its own folder, with `INFOVIEW_WORKSPACE` "
    "in a new temporary folder and without `MPLBACKEND`. The time runs from kernel start "
    "to the end of the last cell. An empty notebook run the same way is the baseline; "
    "the ratio is the notebook's time ÷ the baseline's. Budget: under {budget:g} s each."
)


def notebooks() -> list[Path]:
    """Every notebook of the kit, sorted (checkpoints left out)."""
    return sorted(p for p in FOLDER.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def execute(notebook: nbformat.NotebookNode, folder: Path) -> float:
    """Seconds to run ``notebook`` in a fresh kernel started in ``folder``."""
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    with tempfile.TemporaryDirectory(prefix="infoview-bench-") as workspace:
        env["INFOVIEW_WORKSPACE"] = workspace
        client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                                resources={"metadata": {"path": str(folder)}})
        start = time.perf_counter()
        client.execute(env=env)
        return time.perf_counter() - start


def run(work: Workload) -> Section:  # noqa: ARG001 - the sections share one signature
    """Run the baseline and every notebook once."""
    section = Section(KEY, "Notebooks", TEXT.format(budget=BUDGET_S))
    empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    baseline = execute(empty, FOLDER)
    table = Table(["notebook", "time (s)", "ratio to empty notebook", "budget", "verdict"])
    table.rows.append([EMPTY, seconds(baseline), "1.00", "—", "—"])
    print(f"  notebooks: empty {baseline:.1f} s", flush=True)
    for path in notebooks():
        name = str(path.relative_to(ROOT))
        try:
            took = execute(nbformat.read(path, as_version=4), path.parent)
        except Exception as error:  # noqa: BLE001 - a cell error, a dead kernel, a timeout
            took = math.nan
            last = str(error).strip().splitlines()[-1:] or [type(error).__name__]
            section.problems.append(f"`{name}` fails: {last[0][:200]}")
        check = Check(name, took, BUDGET_S, " s", strict=True)
        section.checks.append(check)
        table.rows.append([name, seconds(took), ratio(took / baseline), check.budget,
                           check.verdict])
        print(f"  notebook {name}: {took:.1f} s", flush=True)
    section.tables.append(table)
    return section


if __name__ == "__main__":
    from run_all import quick

    raise SystemExit(quick(KEY))
