"""The one exception a broken log raises, modelled on pandera's ``SchemaErrors``."""

from __future__ import annotations

import pandas as pd

PROBLEM_COLUMNS = ("row", "column", "value", "problem")
SHOWN_IN_MESSAGE = 10


def problems_frame(records: list[dict] | None = None) -> pd.DataFrame:
    """A problems table with the columns ``row``, ``column``, ``value``, ``problem``.

    ``row`` is the row number as the user sees it in their spreadsheet (the header
    is row 1, the first data row is row 2); it is ``<NA>`` for a problem with the
    whole file or a whole column.
    """
    frame = pd.DataFrame.from_records(records or [], columns=list(PROBLEM_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    for name in ("column", "value", "problem"):
        frame[name] = frame[name].astype("string")
    return frame


class LogValidationError(ValueError):
    """An interview log that cannot be loaded as it is.

    Attributes
    ----------
    problems : pandas.DataFrame
        Every problem found, one per row, with columns ``row`` (as the user sees it
        in their spreadsheet: header = 1, first data row = 2), ``column``, ``value``
        and ``problem``.
    source : str
        The file (or other source) the problems are in.
    columns_found : list of str
        The columns the file does have, to help with a missing or misspelt header.
    """

    def __init__(self, problems: pd.DataFrame, source: str = "the log",
                 columns_found: list[str] | None = None):
        self.problems = problems.reset_index(drop=True)
        self.source = source
        self.columns_found = list(columns_found or [])
        super().__init__(self._message())

    def _message(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.source} has {count} {noun}:"]
        for record in self.problems.head(SHOWN_IN_MESSAGE).itertuples(index=False):
            lines.append("  - " + describe_problem(record))
        if count > SHOWN_IN_MESSAGE:
            lines.append(f"  ... and {count - SHOWN_IN_MESSAGE} more (see .problems)")
        missing = self.problems["problem"].astype(str).str.contains("missing", na=False)
        if missing.any() and self.problems.loc[missing, "row"].isna().any():
            found = ", ".join(repr(c) for c in self.columns_found) or "none"
            lines.append(f"The columns this file has: {found}.")
        return "\n".join(lines)


def describe_problem(record) -> str:
    """One readable line for a problem: ``row 4, column 'status', value 'maybe': ...``."""
    parts = []
    if not pd.isna(record.row):
        parts.append(f"row {int(record.row)}")
    if not pd.isna(record.column) and record.column:
        parts.append(f"column '{record.column}'")
    if not pd.isna(record.value) and str(record.value) != "":
        value = str(record.value)
        if len(value) > 60:
            value = value[:57] + "..."
        parts.append(f"value {value!r}")
    where = ", ".join(parts)
    return f"{where}: {record.problem}" if where else str(record.problem)


class LogWriteError(OSError):
    """A log could not be written (permissions, disk full, locked by another program).

    The file on disk is always left as it was before the attempt.
    """
