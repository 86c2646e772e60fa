"""Describe one column of an interview log in words and a small table.

This is the pure half of :class:`infoview_lib.widgets.ColumnSummary`: the widget
only picks the column and shows what :func:`describe_column` returns.

How a column is described depends on what it holds:

* a category (``status``, ``mode``, ``source``, any ``Categorical`` or boolean
  column): how many rows have each value, every allowed value listed even
  when no row uses it;
* a date: how many rows have one, the earliest and the latest, and the span
  in days between them;
* a number (``duration_min``, ``referrals``, any numeric column): count, mean,
  spread, minimum, quartiles and maximum, as ``pandas.Series.describe`` gives;
* text (``contact``, ``organization``, notes, unknown columns): how many rows
  are filled, how many distinct values, and the most common ones.

Empty cells are always counted and shown, never silently left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from pandas.api import types as ptypes

from .schema import BY_NAME

__all__ = ["ColumnDescription", "describe_column", "column_choices", "column_kind"]

#: How many of the most common values a text column lists.
TOP_TEXT_VALUES = 5

#: The label shown for empty cells in a value table.
EMPTY_LABEL = "(empty)"


@dataclass(frozen=True)
class ColumnDescription:
    """What :func:`describe_column` found out about one column.

    Attributes
    ----------
    column : str
        The column's name in the log.
    label : str
        The column's human label (the schema's label, or the name itself for
        an extra column).
    kind : {"category", "date", "number", "text"}
        How the column was described.
    headline : str
        One sentence that sums the column up, e.g.
        ``"Status: 40 rows, 6 different values, 0 empty."``.
    table : pandas.DataFrame
        For a category or a text column: columns ``value``, ``rows`` (int) and
        ``share`` (float in [0, 1]); for a date or a number column: columns
        ``statistic`` and ``value``, the value already formatted as text.
    """

    column: str
    label: str
    kind: str
    headline: str
    table: pd.DataFrame


def column_kind(series: pd.Series) -> str:
    """Decide how a column is described from its dtype.

    Parameters
    ----------
    series : pandas.Series
        One column of a log.

    Returns
    -------
    str
        ``"category"``, ``"date"``, ``"number"`` or ``"text"``.
    """
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype) or ptypes.is_bool_dtype(dtype):
        return "category"
    if ptypes.is_datetime64_any_dtype(dtype):
        return "date"
    if ptypes.is_numeric_dtype(dtype):
        return "number"
    return "text"


def column_label(column: str) -> str:
    """The human label of a column: the schema's label, or the name of an extra column."""
    known = BY_NAME.get(column)
    return known.label if known is not None else str(column)


def column_choices(log: pd.DataFrame) -> list[tuple[str, str]]:
    """Dropdown choices for a log's columns, in the log's order.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.

    Returns
    -------
    list of (str, str)
        ``(label, column)`` pairs, e.g. ``("Interview date", "interview_date")``.
        Two columns never share a label: a repeated label gets the column name
        in brackets.
    """
    labels = [column_label(c) for c in log.columns]
    choices = []
    for column, label in zip(log.columns, labels, strict=True):
        if labels.count(label) > 1:
            label = f"{label} [{column}]"
        choices.append((label, str(column)))
    return choices


def _counts_table(values: pd.Series, order: list | None) -> pd.DataFrame:
    counts = values.value_counts(dropna=True, sort=order is None)
    if order is not None:
        counts = counts.reindex(order, fill_value=0)
    table = pd.DataFrame({"value": [str(v) for v in counts.index],
                          "rows": counts.to_numpy(dtype="int64")})
    empty = int(values.isna().sum())
    if empty:
        table = pd.concat(
            [table, pd.DataFrame({"value": [EMPTY_LABEL], "rows": [empty]})],
            ignore_index=True,
        )
    total = len(values)
    table["share"] = table["rows"] / total if total else 0.0
    return table


def _stat_table(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["statistic", "value"])


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _describe_category(series: pd.Series, label: str) -> tuple[str, pd.DataFrame]:
    if isinstance(series.dtype, pd.CategoricalDtype):
        order = [str(c) for c in series.cat.categories]
        values = series.astype("string")
    else:
        order = None
        values = series
    table = _counts_table(values, order)
    used = int(values.dropna().nunique())
    empty = int(series.isna().sum())
    headline = (f"{label}: {_plural(len(series), 'row')}, "
                f"{_plural(used, 'different value')} used, {empty} empty.")
    return headline, table


def _format_date(value) -> str:
    return "—" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _describe_date(series: pd.Series, label: str) -> tuple[str, pd.DataFrame]:
    filled = series.dropna()
    earliest, latest = (filled.min(), filled.max()) if len(filled) else (pd.NaT, pd.NaT)
    span = "—" if pd.isna(earliest) else _plural(int((latest - earliest).days), "day")
    table = _stat_table([
        ("rows with a date", str(len(filled))),
        ("empty", str(len(series) - len(filled))),
        ("earliest", _format_date(earliest)),
        ("latest", _format_date(latest)),
        ("span", span),
    ])
    if len(filled):
        headline = (f"{label}: {_plural(len(filled), 'date')} from {_format_date(earliest)} "
                    f"to {_format_date(latest)}, {len(series) - len(filled)} empty.")
    else:
        headline = f"{label}: no dates yet, {len(series)} empty."
    return headline, table


def _format_number(value: float) -> str:
    if pd.isna(value):
        return "—"
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.1f}"


def _describe_number(series: pd.Series, label: str) -> tuple[str, pd.DataFrame]:
    filled = series.dropna().astype("float64")
    stats = filled.describe()
    names = {"count": "rows with a number", "mean": "mean", "std": "standard deviation",
             "min": "minimum", "25%": "25th percentile", "50%": "median",
             "75%": "75th percentile", "max": "maximum"}
    rows = [(names[key], str(int(stats[key])) if key == "count" else _format_number(stats[key]))
            for key in names]
    rows.insert(1, ("empty", str(len(series) - len(filled))))
    if len(filled):
        headline = (f"{label}: {_plural(len(filled), 'number')} from "
                    f"{_format_number(stats['min'])} to {_format_number(stats['max'])}, "
                    f"median {_format_number(stats['50%'])}, "
                    f"{len(series) - len(filled)} empty.")
    else:
        headline = f"{label}: no numbers yet, {len(series)} empty."
    return headline, _stat_table(rows)


def _describe_text(series: pd.Series, label: str) -> tuple[str, pd.DataFrame]:
    values = series.astype("string").str.strip().replace("", pd.NA)
    table = _counts_table(values, None)
    filled = table[table["value"] != EMPTY_LABEL]
    empty_rows = table[table["value"] == EMPTY_LABEL]
    table = pd.concat([filled.head(TOP_TEXT_VALUES), empty_rows], ignore_index=True)
    distinct = int(values.dropna().nunique())
    empty = int(values.isna().sum())
    headline = (f"{label}: {_plural(len(series) - empty, 'filled row')}, "
                f"{_plural(distinct, 'different value')}, {empty} empty.")
    if distinct > TOP_TEXT_VALUES:
        headline += f" The {TOP_TEXT_VALUES} most common values are listed."
    return headline, table


_DESCRIBERS = {
    "category": _describe_category,
    "date": _describe_date,
    "number": _describe_number,
    "text": _describe_text,
}


def describe_column(log: pd.DataFrame, column: str) -> ColumnDescription:
    """Sum up one column of a log in a sentence and a small table.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log (any columns; an empty log works too).
    column : str
        The column to describe.

    Returns
    -------
    ColumnDescription
        The column's kind, a one-sentence headline and a table (see
        :class:`ColumnDescription`).

    Raises
    ------
    KeyError
        If ``column`` is not a column of ``log``; the message lists the columns
        that exist.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"mode": pd.Categorical(["video", "phone", "video"],
    ...                                            categories=["in_person", "phone", "video"])})
    >>> describe_column(log, "mode").table
           value  rows     share
    0  in_person     0  0.000000
    1      phone     1  0.333333
    2      video     2  0.666667
    """
    if column not in log.columns:
        raise KeyError(f"The log has no column {column!r}; it has: "
                       f"{', '.join(map(str, log.columns))}.")
    series = log[column]
    if isinstance(series, pd.DataFrame):  # duplicated column name: describe the first
        series = series.iloc[:, 0]
    kind = column_kind(series)
    label = column_label(column)
    headline, table = _DESCRIBERS[kind](series, label)
    return ColumnDescription(column=column, label=label, kind=kind, headline=headline,
                             table=table.reset_index(drop=True))
