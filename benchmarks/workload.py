"""The files and loaded logs one benchmark run shares between its sections."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import synthetic
from measure import BenchmarkError

from infoview_lib import LogValidationError, load_log

BUDGET_ROWS = 1_000_000
"""The size the budgets in ``DESIGN.md`` are set for."""


def checked_load(path: Path, rows: int) -> pd.DataFrame:
    """``load_log(path)``, insisting that it loads cleanly with every row.

    A benchmark on a file that does not load measures an error path, not the loader.

    Raises
    ------
    BenchmarkError
        If the file has problems or the log has another number of rows.
    """
    try:
        log = load_log(path)
    except LogValidationError as error:
        raise BenchmarkError(f"{path.name} does not load: {error}") from error
    if len(log) != rows:
        raise BenchmarkError(f"{path.name} loaded {len(log):,} rows, not {rows:,}")
    return log


@dataclass
class Workload:
    """Sizes, repetitions and the seeded files of a run; loaded logs are kept once loaded.

    Attributes
    ----------
    sizes : tuple of int
        Rows of each log, ascending.
    repeat : int
        Rounds of best-of-N timings.
    seed : int
        Seed of the synthetic rows.
    """

    sizes: tuple[int, ...]
    repeat: int
    seed: int = 0
    _logs: dict[int, pd.DataFrame] = field(default_factory=dict, repr=False)

    @property
    def largest(self) -> int:
        """The largest size of the run."""
        return max(self.sizes)

    @property
    def judged(self) -> bool:
        """Whether the run includes the size the budgets are set for."""
        return BUDGET_ROWS in self.sizes

    @property
    def budget_size(self) -> int:
        """The size whose figures are judged: 1,000,000 rows, else the largest (not judged)."""
        return BUDGET_ROWS if self.judged else self.largest

    def path(self, rows: int, variant: str = "canonical") -> Path:
        """The cached CSV of ``rows`` rows in ``variant`` layout (made when missing)."""
        return synthetic.log_csv(rows, variant, self.seed)

    def remember(self, rows: int, log: pd.DataFrame) -> None:
        """Keep a loaded canonical log for the sections that follow."""
        self._logs[rows] = log

    def log(self, rows: int) -> pd.DataFrame:
        """The canonical log of ``rows`` rows, loaded with :func:`checked_load` once."""
        if rows not in self._logs:
            self._logs[rows] = checked_load(self.path(rows), rows)
        return self._logs[rows]

    def forget(self) -> None:
        """Free the loaded logs (before the sections that start other processes)."""
        self._logs.clear()
