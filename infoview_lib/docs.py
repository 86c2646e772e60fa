"""Tables for lessons: what each column of the log means, and readable HTML tables.

Notebook 03 shows the log's columns with :func:`schema_table`, read from
:mod:`infoview_lib.schema` so the lesson can never disagree with the loader.
:func:`table` wraps any DataFrame for display: left-aligned text, a caption, blanks
left empty (not ``NaN``/``<NA>``/``NaT``), dates without a midnight time, every cell
escaped. It needs no IPython: the returned object has ``_repr_html_``.
"""

from __future__ import annotations

import html

import pandas as pd

from . import schema

__all__ = ["schema_table", "table", "table_html", "Table"]

_KIND_NAMES = {"text": "text", "category": "one of a list", "date": "date",
               "int": "whole number"}

_CELL = "text-align:left;padding:0.25em 0.75em;vertical-align:top"
_NUMBER_CELL = "text-align:right;padding:0.25em 0.75em;vertical-align:top"
_HEAD = _CELL + ";border-bottom:1px solid #4b5563"


def schema_table() -> pd.DataFrame:
    """What each column of the log means, one row per column, in the log's order.

    Returns
    -------
    pandas.DataFrame
        ``Column`` (the name in the file), ``Label`` (the form's label), ``Kind``,
        ``Required``, ``Allowed values`` and ``Meaning`` (the schema's help).
    """
    rows = []
    for column in schema.COLUMNS:
        if column.kind == "category":
            allowed = ", ".join(column.categories)
        elif column.kind == "int":
            allowed = f"{column.minimum} to {column.maximum}" if column.maximum is not None \
                else f"{column.minimum} or more"
        elif column.kind == "date":
            allowed = "a date, e.g. 2025-03-12"
        else:
            allowed = "any text"
        rows.append({"Column": column.name, "Label": column.label,
                     "Kind": _KIND_NAMES[column.kind],
                     "Required": "yes" if column.required else "",
                     "Allowed values": allowed, "Meaning": column.help})
    return pd.DataFrame(rows)


def _cell_text(value: object, dates_with_time: bool) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M" if dates_with_time else "%Y-%m-%d")
    return str(value)


def _has_time(series: pd.Series) -> bool:
    stamps = pd.to_datetime(series).dropna()
    return bool((stamps != stamps.dt.normalize()).any())


def table_html(frame: pd.DataFrame, caption: str, *, index: bool = False) -> str:
    """A DataFrame as an accessible HTML table: a caption, column headers, escaped cells.

    Parameters
    ----------
    frame : pandas.DataFrame
        The rows to show (all of them: take ``.head()`` first for a long frame).
    caption : str
        What the table shows; screen readers announce it.
    index : bool, default False
        Show the index as a first column.

    Returns
    -------
    str
        ``<table>`` with inline styles (left-aligned text, right-aligned numbers), so it
        reads the same in JupyterLab, Voilà and an ``ipywidgets.HTML``.
    """
    shown = frame.reset_index() if index else frame
    columns = list(shown.columns)
    numeric = {c: pd.api.types.is_numeric_dtype(shown[c].dtype)
               and not pd.api.types.is_bool_dtype(shown[c].dtype) for c in columns}
    with_time = {c: pd.api.types.is_datetime64_any_dtype(shown[c].dtype) and _has_time(shown[c])
                 for c in columns}
    head = "".join(
        f'<th scope="col" style="{_HEAD}">{html.escape(str(c))}</th>' for c in columns)
    body = []
    for row in shown.itertuples(index=False, name=None):
        cells = "".join(
            f'<td style="{_NUMBER_CELL if numeric[c] else _CELL}">'
            f"{html.escape(_cell_text(v, with_time[c]))}</td>"
            for c, v in zip(columns, row, strict=True))
        body.append(f"<tr>{cells}</tr>")
    return ('<table class="infoview-table" style="border-collapse:collapse;margin:0.5em 0;'
            'line-height:1.4">'
            f'<caption style="text-align:left;font-weight:600;padding:0.3em 0">'
            f"{html.escape(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


class Table:
    """A DataFrame with a caption that notebooks display as :func:`table_html`.

    Attributes
    ----------
    frame : pandas.DataFrame
    caption : str
    """

    def __init__(self, frame: pd.DataFrame, caption: str, *, index: bool = False) -> None:
        self.frame = frame
        self.caption = caption
        self.index = index

    def _repr_html_(self) -> str:
        return table_html(self.frame, self.caption, index=self.index)

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.frame.to_string(index=self.index)}"


def table(frame: pd.DataFrame, caption: str, *, index: bool = False) -> Table:
    """Wrap a DataFrame for display with a caption (see :func:`table_html`)."""
    return Table(frame, caption, index=index)
