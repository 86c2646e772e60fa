"""``ColumnSummary``: the start notebook's first widget.

Pick a column of a log from a labelled dropdown; a sentence and a small table
sum it up. Every decision is made by :func:`infoview_lib.describe.describe_column`;
this module only draws the result.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..describe import ColumnDescription, column_choices, describe_column

__all__ = ["ColumnSummary", "description_html"]


def _display_table(description: ColumnDescription) -> pd.DataFrame:
    """The description's table as shown: shares as whole percentages."""
    table = description.table.copy()
    if "share" in table.columns:
        table["share"] = [f"{share:.0%}" for share in table["share"]]
    return table


def _table_html(description: ColumnDescription) -> str:
    body = _display_table(description).to_html(index=False, border=0, escape=True,
                                                classes="infoview-table")
    caption = ('<caption style="text-align: left; white-space: nowrap">'
               f"Summary of the column {html.escape(description.label)}</caption>")
    return body.replace(">", ">" + caption, 1)


def description_html(description: ColumnDescription) -> str:
    """Render a column description as HTML: the headline, then the table.

    Parameters
    ----------
    description : ColumnDescription
        What :func:`~infoview_lib.describe.describe_column` returned.

    Returns
    -------
    str
        An HTML fragment; every value from the log is escaped.
    """
    return (f'<p class="infoview-headline">{html.escape(description.headline)}</p>'
            + _table_html(description))


def _display_data(description: ColumnDescription) -> dict:
    text = description.headline + "\n" + _display_table(description).to_string(index=False)
    return {
        "output_type": "display_data",
        "data": {"text/html": description_html(description), "text/plain": text},
        "metadata": {},
    }


class ColumnSummary(widgets.VBox):
    """Choose a column of a log and see it summed up.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log (see :func:`infoview_lib.load_log`).
    column : str, optional
        The column shown first; defaults to ``status`` when the log has it,
        else the first column.

    Attributes
    ----------
    dropdown : ipywidgets.Dropdown
        The labelled column picker ("Column to summarise").
    output : ipywidgets.Output
        Shows the summary of the picked column as one display-data output
        (HTML with a plain-text fallback).
    result : ColumnDescription
        The summary currently shown.

    Examples
    --------
    >>> import infoview_lib
    >>> from infoview_lib.widgets import ColumnSummary
    >>> summary = ColumnSummary(infoview_lib.load_log(infoview_lib.sample_log_path()))
    >>> summary.dropdown.value = "mode"   # the output now counts in person / phone / video
    """

    def __init__(self, log: pd.DataFrame, column: str | None = None) -> None:
        self._log = log
        choices = column_choices(log)
        if not choices:
            raise ValueError("The log has no columns to summarise.")
        names = [name for _, name in choices]
        if column is None:
            column = "status" if "status" in names else names[0]
        elif column not in names:
            raise KeyError(f"The log has no column {column!r}; it has: {', '.join(names)}.")
        self.dropdown = widgets.Dropdown(
            options=choices,
            value=column,
            description="Column to summarise",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="max-content"),
        )
        self.output = widgets.Output()
        self.result = describe_column(log, column)
        self._show(self.result)
        self.dropdown.observe(self._on_change, names="value")
        super().__init__(children=[self.dropdown, self.output])

    def _on_change(self, change: dict) -> None:
        self.result = describe_column(self._log, change["new"])
        self._show(self.result)

    def _show(self, description: ColumnDescription) -> None:
        self.output.outputs = (_display_data(description),)
