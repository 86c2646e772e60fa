"""Small typed logs for tests, built from a few dicts."""

from __future__ import annotations

import pandas as pd

from infoview_lib import schema


def typed_log(rows: list[dict], **extra_columns) -> pd.DataFrame:
    """A log with the loader's dtypes from ``rows`` (missing cells are empty).

    Each keyword adds a string column of that name (``student=[...]``).
    """
    frame = pd.DataFrame(rows, columns=list(schema.COLUMN_NAMES))
    typed = {}
    for column in schema.COLUMNS:
        values = frame[column.name]
        if column.kind == "date":
            typed[column.name] = pd.to_datetime(values).astype("datetime64[ns]")
        else:
            typed[column.name] = values.astype(column.dtype)
    log = pd.DataFrame(typed, index=pd.RangeIndex(len(frame)))
    for name, values in extra_columns.items():
        log[name] = pd.Series(values, dtype="string")
    return log
