"""``SpreadsheetCheck``: check your own log file and learn how to fix each problem.

Upload the file (CSV, TSV, TXT, Excel, JSON or Parquet) or type its path and press
"Check". The result is either every problem with its row number and one sentence on
how to fix it, or "All good" with the headline numbers and the first rows.

Thin: :func:`infoview_lib.form_logic.check_spreadsheet` reads the file (with
:func:`infoview_lib.io.load_log`) and decides everything; :func:`report_html` draws it.
Nothing is written anywhere: checking never changes the file.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from .. import form_logic
from ..docs import table_html
from .logform import button

__all__ = ["SpreadsheetCheck", "report_html", "ACCEPT"]

#: The file types the upload button offers.
ACCEPT = ".csv,.tsv,.txt,.xlsx,.json,.parquet"

#: How many problems are listed before "… and N more".
PROBLEMS_SHOWN = 50

_OK = ("#14532d", "#e8f5ec", "#1e7a3c")
_PROBLEM = ("#7a1020", "#fdecee", "#b3261e")


def _box(headline: str, text: str, colours: tuple[str, str, str]) -> str:
    fg, bg, border = colours
    return (f'<div role="alert" style="color:{fg};background:{bg};border-left:4px solid '
            f'{border};padding:0.4em 0.8em;margin:0.4em 0;max-width:52em;line-height:1.45">'
            f"<strong>{html.escape(headline)}</strong> {html.escape(text)}</div>")


def _table(frame: pd.DataFrame, caption: str) -> str:
    return table_html(frame, caption)


def _problems_table(report: form_logic.SpreadsheetReport) -> pd.DataFrame:
    problems = report.problems.head(PROBLEMS_SHOWN)
    rows = ["whole file" if pd.isna(r) else str(int(r)) for r in problems["row"]]
    return pd.DataFrame({
        "Row": rows,
        "Column": problems["column"].fillna("").astype(str).to_list(),
        "Value": problems["value"].fillna("").astype(str).to_list(),
        "Problem": problems["problem"].astype(str).to_list(),
        "How to fix it": problems["how_to_fix"].astype(str).to_list(),
    })


def report_html(report: form_logic.SpreadsheetReport, preview_rows: int = 5) -> str:
    """Draw a :class:`~infoview_lib.form_logic.SpreadsheetReport` as HTML.

    Parameters
    ----------
    report : SpreadsheetReport
        What :func:`~infoview_lib.form_logic.check_spreadsheet` found.
    preview_rows : int, default 5
        How many of the first rows to show when the file is good.

    Returns
    -------
    str
        An announced headline ("All good:" or "N problems"), then tables with captions;
        every value from the file is escaped.
    """
    if not report.ok:
        count = len(report.problems)
        noun = "problem" if count == 1 else "problems"
        parts = [_box(f"{count} {noun} in {report.name}.",
                      "Fix each one in your spreadsheet, save the file, and check it again. "
                      "Row numbers are as your spreadsheet shows them (the header is row 1).",
                      _PROBLEM),
                 _table(_problems_table(report), f"Problems in {report.name}")]
        if count > PROBLEMS_SHOWN:
            parts.append(f"<p>… and {count - PROBLEMS_SHOWN} more problems, most of them "
                         "probably of the same kinds.</p>")
        return "".join(parts)
    log = report.log
    rows = len(log)
    numbers = pd.DataFrame({"Measure": list(report.numbers),
                            "Value": list(report.numbers.values())})
    parts = [_box("All good:", f"{report.name} loads cleanly ({rows} "
                  f"{'row' if rows == 1 else 'rows'}).", _OK),
             _table(numbers, "Headline numbers"),
             _table(report.status_counts, "Rows by status")]
    if rows:
        parts.append(form_logic.rows_html(form_logic.first_rows(log, preview_rows),
                                          f"The first {min(rows, preview_rows)} rows"))
    return "".join(parts)


def _upload_item(value) -> tuple[str, bytes] | None:
    """The first uploaded file's name and bytes (ipywidgets 8 gives a tuple of dicts)."""
    if not value:
        return None
    item = value[0] if isinstance(value, list | tuple) else next(iter(value.values()))
    get = item.get if isinstance(item, dict) else (lambda key: getattr(item, key))
    return str(get("name")), bytes(get("content"))


class SpreadsheetCheck(widgets.VBox):
    """Check a log file: upload it or give its path.

    Parameters
    ----------
    path : str or path-like, optional
        A path to fill in (and check at once).

    Attributes
    ----------
    upload : ipywidgets.FileUpload
        "Upload your log"; a file is checked as soon as it is chosen.
    path_text : ipywidgets.Text
        "Or type a file path".
    check_button : ipywidgets.Button
        "Check" the typed path.
    result : ipywidgets.HTML
        The problems with how to fix each, or "All good" with numbers and a preview.
    report : SpreadsheetReport or None
        What the last check found.
    """

    def __init__(self, path=None) -> None:
        self.report: form_logic.SpreadsheetReport | None = None
        self.upload = widgets.FileUpload(accept=ACCEPT, multiple=False,
                                         description="Upload your log",
                                         tooltip="Choose a CSV, TSV, TXT, Excel, JSON or "
                                                 "Parquet file to check",
                                         layout=widgets.Layout(width="16em",
                                                               border="1px solid #5f6368"))
        self.path_text = widgets.Text(value="" if path is None else str(path),
                                      description="Or type a file path",
                                      placeholder="e.g. my_log.xlsx",
                                      style={"description_width": "initial"},
                                      layout=widgets.Layout(width="36em"))
        self.check_button = button("Check", "Check the file at this path")
        self.result = widgets.HTML()
        self.upload.observe(self._on_upload, names="value")
        self.check_button.on_click(lambda _: self.check_path())
        super().__init__(children=[
            widgets.HTML("<p>Accepted: CSV, TSV, TXT, Excel (.xlsx), JSON and Parquet. "
                         "Checking never changes your file.</p>"),
            self.upload,
            widgets.HBox([self.path_text, self.check_button]),
            self.result,
        ])
        if path is not None:
            self.check_path()

    def _show(self, report: form_logic.SpreadsheetReport) -> None:
        self.report = report
        self.result.value = report_html(report)

    def check_bytes(self, name: str, content: bytes) -> form_logic.SpreadsheetReport:
        """Check a file's bytes, as uploaded; ``name``'s extension tells the format."""
        buffer = io.BytesIO(content)
        buffer.name = name
        self._show(form_logic.check_spreadsheet(buffer, name=Path(name).name))
        return self.report

    def check_path(self) -> form_logic.SpreadsheetReport | None:
        """Check the file at the typed path (``~`` is your home folder)."""
        text = self.path_text.value.strip().strip('"').strip("'")
        if not text:
            self.report = None
            self.result.value = _box("No path yet:", "type the path of your log file, or "
                                     "use the upload button.", _PROBLEM)
            return None
        self._show(form_logic.check_spreadsheet(Path(text).expanduser()))
        return self.report

    def _on_upload(self, change: dict) -> None:
        item = _upload_item(change["new"])
        if item is not None:
            self.check_bytes(*item)
