"""``GrowthDashboard``: a student's log as headline numbers, charts and a due list.

Pick a log, narrow it by date range, source and mode, and every number and chart
follows; pick a "today" to see the follow-ups due then and save them to a calendar
file. The widget is thin: the rows come from :func:`infoview_lib.filters.filter_log`,
the numbers from :func:`infoview_lib.metrics.summary`, the charts from
:mod:`infoview_lib.plots`, the due list from :func:`infoview_lib.filters.due_in_view`
and the calendar file from :mod:`infoview_lib.calendar_export`. The text helpers
at the top of this module (:func:`headline_html`, :func:`insights`, ...) are pure.

Charts are drawn once per change: a change of the filters redraws every chart once
(not once per control), a change of "today" only the chart that depends on it, and
each image is cached, so going back to an earlier view costs nothing.

The default "today"
    For the bundled sample log it is :data:`SAMPLE_TODAY` (15 April 2025, the day
    the sample is a snapshot of), so the sample shows the follow-ups that were due
    then; with the real date it would show nothing due, only months-old
    reminders. For a student's own log it is the real today.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pandas as pd

from .. import filters, metrics, paths
from ._common import esc, heading_html, labelled_button, status_html, table_html

__all__ = [
    "GrowthDashboard",
    "SAMPLE_TODAY",
    "CHART_NAMES",
    "HEADLINE_KEYS",
    "default_today",
    "log_choices",
    "headline_html",
    "cards_html",
    "insights",
    "due_html",
    "linkedin_export_path",
    "linkedin_summary",
    "linkedin_months_html",
    "block",
    "wide_table",
]

SAMPLE_TODAY = pd.Timestamp("2025-04-15")
"""The default "today" for the bundled sample log (the day it is a snapshot of)."""

CHART_NAMES = ("network_growth", "referral_tree", "follow_up", "thank_you_delay", "response",
               "modes", "durations")
"""The charts of the dashboard, in order (names of :data:`infoview_lib.plots.CHARTS`)."""

CHARTS_USING_TODAY = ("follow_up",)
"""Charts that depend on "today" (the follow-up window closes on it)."""

HEADLINE_KEYS = ("network_size", "completed", "outreach", "response_rate", "thank_you_rate",
                 "follow_up_rate", "duration_on_target", "referrals", "due")
"""The headline numbers shown, in order (keys of :func:`infoview_lib.metrics.summary`)."""

_RATE_DETAIL = {
    "response_rate": "of {n} answered requests",
    "thank_you_rate": "of {n} interviews",
    "follow_up_rate": "of {n} interviews past 30 days",
    "duration_on_target": "of {n} timed interviews",
}
LOG_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".json", ".parquet")
CHART_SIZE = (9, 4.6)
SMALL_CHART_SIZE = (6.4, 4.3)
WIDE_CHARTS = ("network_growth", "referral_tree")
"""Charts drawn full width; the others are drawn smaller, two to a row on a wide screen."""
CACHE_SIZE = 96


# ------------------------------------------------------------------ pure helpers


def default_today(path: str | Path | None) -> pd.Timestamp:
    """The "today" a dashboard starts with: :data:`SAMPLE_TODAY` for the sample data.

    Parameters
    ----------
    path : str, path-like or None
        The log's file (or the class's folder).

    Returns
    -------
    pandas.Timestamp
        :data:`SAMPLE_TODAY` for :func:`infoview_lib.paths.sample_log_path` and
        :func:`infoview_lib.paths.class_dir` (the bundled data are a snapshot of
        that day), else the real today.
    """
    samples = (paths.sample_log_path().resolve(), paths.class_dir().resolve())
    if path is not None and Path(path).resolve() in samples:
        return SAMPLE_TODAY
    return metrics.as_day(None)


def log_choices(workspace: str | Path | None = None) -> list[tuple[str, str]]:
    """The logs a student can pick: the sample, then the logs in their workspace.

    Parameters
    ----------
    workspace : str or path-like, optional
        Defaults to :func:`infoview_lib.paths.workspace_dir`.

    Returns
    -------
    list of (label, path)
        ``("Sample log (a fictional semester)", ...)`` first, then one entry per
        CSV/TSV/XLSX/JSON/Parquet file in the workspace (newest first), labelled
        ``"My work: NAME"``. Hidden files, lock files and backups are left out.
    """
    folder = Path(workspace) if workspace is not None else paths.workspace_dir()
    choices = [("Sample log (a fictional semester)", str(paths.sample_log_path()))]
    if folder.is_dir():
        files = [p for p in folder.iterdir()
                 if p.is_file() and p.suffix.lower() in LOG_SUFFIXES
                 and not p.name.startswith((".", "~$")) and ".bak" not in p.name
                 and "backup" not in p.name.lower()]
        files.sort(key=lambda p: (-p.stat().st_mtime, p.name))
        choices += [(f"My work: {p.name}", str(p)) for p in files]
    return choices


def block(html: str) -> str:
    """Wrap HTML for an ``ipywidgets.HTML``: normal line spacing (ipywidgets sets
    every line of an HTML widget to the height of a control, 28 px)."""
    return f'<div style="line-height:1.45">{html}</div>'


def wide_table(frame: pd.DataFrame, caption: str, **options) -> str:
    """:func:`~infoview_lib.widgets._common.table_html`, allowed the page's full width."""
    return table_html(frame, caption, **options).replace("max-width:60em", "max-width:100%", 1)


def _percent(value: float) -> str:
    return "n/a" if value is None or np.isnan(value) else f"{value:.0%}"


def headline_items(numbers: dict) -> list[tuple[str, str, str, str]]:
    """The headline numbers as ``(key, label, value, detail)`` texts.

    Parameters
    ----------
    numbers : dict
        What :func:`infoview_lib.metrics.summary` returns.
    """
    items = []
    for key in HEADLINE_KEYS:
        label = metrics.SUMMARY_LABELS[key]
        value = numbers[key]
        if key in _RATE_DETAIL:
            n, k = numbers[f"{key}_n"], numbers[f"{key}_k"]
            text = _percent(value)
            detail = f"{k} " + _RATE_DETAIL[key].format(n=n) if n else "nothing to count yet"
        elif key == "due":
            text = str(value)
            detail = f"on {metrics.format_day(numbers['as_of'])}"
        elif key == "outreach":
            text = str(value)
            detail = f"{numbers['requested']} still waiting for a reply"
        elif key == "completed":
            text = str(value)
            detail = f"{numbers['scheduled']} more scheduled"
        else:
            text = str(value)
            detail = ""
        items.append((key, label, text, detail))
    return items


_CARD = ("display:flex;flex-direction:column;justify-content:flex-start;margin:0;"
         "padding:0.5em 0.8em;border:1px solid #8a8f98;border-radius:0.35em;"
         "background:#f7f9fc;min-width:10.5em;max-width:15em;line-height:1.3")


def cards_html(items: Iterable[tuple[str, str, str, str]],
               caption: str = "Headline numbers") -> str:
    """Numbers as a row of labelled cards (an HTML list, one card per item).

    Parameters
    ----------
    items : iterable of (key, label, value, detail)
        Each value carries ``data-metric="KEY"`` so tests and styles can find it.
    caption : str
        The accessible name of the list.
    """
    cards = []
    for key, label, text, detail in items:
        cards.append(
            f'<li style="{_CARD}"><span style="font-size:0.9em;color:#333">{esc(label)}</span>'
            f'<span data-metric="{esc(key)}" style="font-size:1.75em;font-weight:700;'
            f'color:#0b3d6b;margin:0.1em 0">{esc(text)}</span>'
            + (f'<span style="font-size:0.85em;color:#333">{esc(detail)}</span>'
               if detail else "")
            + "</li>")
    return (f'<ul aria-label="{esc(caption)}" style="display:flex;flex-wrap:wrap;gap:0.6em;'
            f'list-style:none;margin:0.3em 0;padding:0">{"".join(cards)}</ul>')


def headline_html(numbers: dict, caption: str = "Headline numbers") -> str:
    """The headline numbers of :func:`infoview_lib.metrics.summary` as cards."""
    return cards_html(headline_items(numbers), caption)


def _longest_chain(log: pd.DataFrame) -> list[str]:
    edges = metrics.referral_edges(log)
    if edges.empty:
        return []
    import networkx as nx

    graph = nx.DiGraph(list(zip(edges["referred_by"], edges["contact"], strict=True)))
    if not nx.is_directed_acyclic_graph(graph):
        return []
    return list(nx.dag_longest_path(graph))


def insights(log: pd.DataFrame, numbers: dict, due: pd.DataFrame) -> list[str]:
    """Sentences that read the numbers: what is going well and what to do next.

    Parameters
    ----------
    log : pandas.DataFrame
        The rows shown (filtered).
    numbers : dict
        :func:`infoview_lib.metrics.summary` of ``log``.
    due : pandas.DataFrame
        The follow-ups due (:func:`infoview_lib.filters.due_in_view`).

    Returns
    -------
    list of str
    """
    out = []
    completed = numbers["completed"]
    if completed == 0:
        return ["No completed interviews in this view yet: the rates appear after the "
                "first one."]
    rate, k = numbers["thank_you_rate"], numbers["thank_you_rate_k"]
    late = completed - k
    if rate >= 0.9:
        out.append(f"Thank-you notes: {_percent(rate)} went out within a day. That is the "
                   "habit that makes people remember you; keep it.")
    else:
        out.append(f"Thank-you notes: {_percent(rate)} went out within a day, so {late} of "
                   f"{completed} interviews waited longer or got none. Aim for every one: "
                   "write the note the same evening, while the conversation is fresh.")
    n_follow = numbers["follow_up_rate_n"]
    if n_follow:
        out.append(f"Follow-ups: {numbers['follow_up_rate_k']} of the {n_follow} interviews "
                   f"older than 30 days got a follow-up within 30 days "
                   f"({_percent(numbers['follow_up_rate'])}). A short update on what you did "
                   "with their advice keeps the relationship alive.")
    chain = _longest_chain(log)
    if numbers["referrals"] or len(chain) > 1:
        text = (f"Referrals: {numbers['referrals']} introductions from {completed} "
                "interviews.")
        if len(chain) > 2:
            text += (f" Your longest referral chain has {len(chain) - 1} steps: "
                     + " \u2192 ".join(chain) + ". Each step is a warm introduction that a "
                     "cold email could not buy.")
        out.append(text + " Ask \u201cWho else should I talk to?\u201d in every interview.")
    on_target = numbers["duration_on_target"]
    if not np.isnan(on_target):
        over = numbers["duration_on_target_n"] - numbers["duration_on_target_k"]
        out.append(f"Length: {_percent(on_target)} of interviews stayed within 20\u201340 "
                   f"minutes ({over} outside it). Keep to the time you asked for; let them "
                   "offer more.")
    if len(due):
        kinds = due["action"].value_counts()
        parts = [f"{int(kinds.get(code, 0))} {label}" for code, label in
                 (("thank_you", "thank-you notes"), ("second_contact", "second contacts"),
                  ("follow_up", "follow-ups")) if kinds.get(code, 0)]
        out.append(f"Due on {metrics.format_day(numbers['as_of'])}: " + ", ".join(parts)
                   + ". The list below says whom to write to.")
    return out


_ACTION_TEXT = {"second_contact": "Contact a second person", "follow_up": "Follow up once",
                "thank_you": "Send the thank-you note"}


def due_html(due: pd.DataFrame, today) -> str:
    """The due follow-ups as an accessible table, or a sentence when none is due."""
    day = metrics.format_day(today)
    if due.empty:
        return status_html(f"nothing is due on {day}.", "success", label="All caught up",
                           live="off")
    table = pd.DataFrame({
        "Due since": [metrics.format_day(d) for d in due["due_since"]],
        "Action": [_ACTION_TEXT.get(a, a) for a in due["action"]],
        "Contact": due["contact"].fillna("").to_numpy(),
        "Organization": due["organization"].fillna("").to_numpy(),
        "What to do": due["message"].fillna("").to_numpy(),
    })
    noun = "follow-up" if len(due) == 1 else "follow-ups"
    table["Due since"] = table["Due since"].str.replace(" ", "\u00a0")
    return block(wide_table(table, f"{len(due)} {noun} due on {day}"))


def linkedin_export_path(workspace: str | Path | None = None) -> Path:
    """The LinkedIn export to chart: ``Connections.csv`` in the workspace if the
    student put theirs there, else the bundled sample."""
    folder = Path(workspace) if workspace is not None else paths.workspace_dir()
    mine = folder / "Connections.csv"
    return mine if mine.is_file() else paths.linkedin_sample_path()


def linkedin_summary(connections: pd.DataFrame, months: int = 6) -> str:
    """One sentence on a LinkedIn export: total, the last ``months`` months, best month.

    Uses :func:`infoview_lib.importers.connections_growth` (monthly).
    """
    from ..importers import connections_growth

    growth = connections_growth(connections, freq="M")
    if growth.empty:
        return "The export has no dated connections yet."
    recent = growth.tail(months)
    best = recent.loc[recent["new_connections"].idxmax()]
    return (f"{int(growth['total'].iloc[-1])} connections in all; "
            f"{int(recent['new_connections'].sum())} added in the last {len(recent)} months "
            f"of the export (the most in {best['period']:%B %Y}: "
            f"{int(best['new_connections'])}).")


def linkedin_months_html(connections: pd.DataFrame, months: int = 6) -> str:
    """The last ``months`` months of :func:`infoview_lib.importers.connections_growth`
    as an accessible table (caption, no index column)."""
    from ..importers import connections_growth

    growth = connections_growth(connections, freq="M").tail(months)
    table = pd.DataFrame({
        "Month": [f"{p:%B %Y}" for p in growth["period"]],
        "New connections": growth["new_connections"].to_numpy(),
        "Total": growth["total"].to_numpy(),
    })
    return block(table_html(table, f"LinkedIn connections, the last {len(table)} months of "
                                   "the export"))


# -------------------------------------------------------------------------- widget


def _checkboxes(values: Iterable[str]) -> list[widgets.Checkbox]:
    return [widgets.Checkbox(value=True, description=filters.choice_label(v), indent=False,
                             layout=widgets.Layout(width="auto", margin="0 1em 0 0"))
            for v in values]


def _as_date(value) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


class GrowthDashboard(widgets.VBox):
    """A student's network growth and follow-up dashboard.

    Parameters
    ----------
    log : pandas.DataFrame or path-like, optional
        The log to show; by default the first of :func:`log_choices` (the sample).
    today : date-like, optional
        The day follow-ups are due on; by default :func:`default_today`.
    workspace : path-like, optional
        Where the student's logs are listed from and where the calendar file is
        written; :func:`infoview_lib.paths.workspace_dir` by default.
    pick_log : bool, default True
        Offer the log picker (a dropdown of :func:`log_choices`).
    headings : bool, default True
        Give each section a heading; a notebook that puts its own headings (and
        prose) between the sections passes False.

    Attributes
    ----------
    log_picker : ipywidgets.Dropdown
        "Log to show".
    start, end : ipywidgets.DatePicker
        The date range ("From", "To").
    source_boxes, mode_boxes : dict of str to ipywidgets.Checkbox
        One labelled checkbox per source / mode present in the log.
    reset : ipywidgets.Button
        "Show everything" (clears the filters).
    today : ipywidgets.DatePicker
        "Today (for follow-ups due)".
    headline : ipywidgets.HTML
        The headline numbers.
    charts : dict of str to ipywidgets.HTML
        One ``<img>`` with alt text per chart of :data:`CHART_NAMES`.
    due : ipywidgets.HTML
        The follow-ups due on ``today``.
    export : ipywidgets.Button
        "Save these follow-ups to a calendar file (.ics)".
    sections : dict of str to ipywidgets.VBox
        The dashboard in parts (``"picker"``, ``"filters"``, ``"headline"``,
        ``"insights"``, ``"growth"``, ``"follow_up"``, ``"outreach"``, ``"due"``), so a
        notebook can show them with prose in between. The widget itself shows them
        all, in that order.
    view : pandas.DataFrame
        The rows currently shown; ``numbers`` their :func:`metrics.summary` and
        ``due_list`` their due follow-ups.
    renders : int
        How many chart images were drawn (cache misses), for tests.
    """

    def __init__(self, log=None, *, today=None, workspace=None, pick_log: bool = True,
                 headings: bool = True) -> None:
        self._workspace = Path(workspace) if workspace is not None else None
        self._cache: OrderedDict[tuple, str] = OrderedDict()
        self._holding = False
        self._generation = 0
        self.renders = 0
        self.ics_path: Path | None = None
        self.log_picker = widgets.Dropdown(
            description="Log to show", style={"description_width": "initial"},
            layout=widgets.Layout(width="min(32em, 100%)"))
        self.load_message = widgets.HTML()
        self.start = widgets.DatePicker(description="From",
                                        layout=widgets.Layout(width="auto", margin="0 1.5em 0 0"))
        self.end = widgets.DatePicker(description="To", layout=widgets.Layout(width="auto"))
        self.source_box = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.mode_box = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.source_boxes: dict[str, widgets.Checkbox] = {}
        self.mode_boxes: dict[str, widgets.Checkbox] = {}
        self.reset = labelled_button("Show everything",
                                     tooltip="Clear the date range and tick every box")
        self.filter_status = widgets.HTML()
        self.today = widgets.DatePicker(description="Today (for follow-ups due)",
                                        style={"description_width": "initial"},
                                        layout=widgets.Layout(width="27em"))
        self.headline = widgets.HTML()
        self.insight_box = widgets.HTML()
        self.charts = {name: widgets.HTML(layout=widgets.Layout(
            width="min(900px, 100%)" if name in WIDE_CHARTS else "min(600px, 100%)",
            margin="0 0.6em 0.6em 0")) for name in CHART_NAMES}
        self.due = widgets.HTML()
        self.export = labelled_button("Save these follow-ups to a calendar file (.ics)",
                                      style="primary")
        self.export_message = widgets.HTML()
        self._build_sections(pick_log, headings)
        super().__init__(children=list(self.sections.values()))

        for control in (self.start, self.end):
            control.observe(self._on_filter, names="value")
        self.today.observe(self._on_today, names="value")
        self.reset.on_click(self._on_reset)
        self.export.on_click(self._on_export)

        choices = log_choices(self._workspace)
        self.log_picker.options = choices
        if log is None:
            self.set_log(choices[0][1], today=today)
        elif isinstance(log, pd.DataFrame):
            self.set_log(log, today=today)
        else:
            path = str(log)
            if path not in [value for _, value in choices]:
                self.log_picker.options = [*choices, (f"File: {Path(path).name}", path)]
            self.set_log(path, today=today)
        self.log_picker.observe(self._on_pick, names="value")

    # ----------------------------------------------------------------- layout

    def _build_sections(self, pick_log: bool, headings: bool) -> None:
        def section(title: str | None, *children: widgets.Widget) -> widgets.VBox:
            head = [widgets.HTML(heading_html(title, 3))] if title and headings else []
            return widgets.VBox([*head, *children],
                                layout=widgets.Layout(margin="0 0 0.8em 0", overflow="visible"))

        def grid(*children: widgets.Widget) -> widgets.HBox:
            return widgets.HBox(list(children),
                                layout=widgets.Layout(flex_flow="row wrap",
                                                      overflow="visible"))

        dates = widgets.HBox([self.start, self.end],
                             layout=widgets.Layout(flex_flow="row wrap"))
        self.sections = {
            "picker": section(None, self.log_picker, self.load_message),
            "filters": section(
                "Filters", dates,
                widgets.HTML("<strong>Sources</strong> (how you found them)"), self.source_box,
                widgets.HTML("<strong>Modes</strong> (how you met)"), self.mode_box,
                self.reset, self.filter_status),
            "headline": section("Headline numbers", self.headline),
            "insights": section("What the numbers say", self.insight_box),
            "growth": section("Your network", self.charts["network_growth"],
                              self.charts["referral_tree"]),
            "follow_up": section("Thank-you notes and follow-ups", grid(
                self.charts["follow_up"], self.charts["thank_you_delay"])),
            "outreach": section("Outreach, modes and length", grid(
                self.charts["response"], self.charts["modes"], self.charts["durations"])),
            "due": section("Follow-ups due", self.today, self.due, self.export,
                           self.export_message),
        }
        if not pick_log:
            self.sections["picker"].layout.display = "none"

    # ------------------------------------------------------------- the log

    def set_log(self, log, *, today=None) -> None:
        """Show another log (a DataFrame or a path) with every filter cleared.

        A file with problems leaves the current log on screen and lists the problems.
        """
        path = None
        if not isinstance(log, pd.DataFrame):
            from ..errors import LogValidationError
            from ..io import load_log

            path = str(log)
            try:
                log = load_log(path)
            except FileNotFoundError:
                self.load_message.value = status_html(f"there is no file {path}.", "error",
                                                      label="Could not open the log")
                return
            except LogValidationError as error:
                problems = error.problems.head(12)
                self.load_message.value = block(status_html(
                    f"{Path(path).name} has {len(error.problems)} problem(s) to fix first; "
                    "the dashboard still shows the previous log.", "error",
                    label="Could not use this log",
                    extra_html=table_html(problems, "Problems, by row of the file")))
                return
            if self.log_picker.value != path and path in [v for _, v in
                                                          self.log_picker.options]:
                self._holding = True
                self.log_picker.value = path
                self._holding = False
            name = Path(path).name
            self.load_message.value = status_html(
                f"{name}: {len(log)} rows.", "info", label="Showing", live="status")
        else:
            self.load_message.value = ""
        self.full_log = log
        self.path = path
        self._generation += 1
        choices = filters.filter_choices(log)
        self._choices = choices
        self._holding = True
        try:
            self.source_boxes = dict(zip(choices.sources, _checkboxes(choices.sources),
                                         strict=True))
            self.mode_boxes = dict(zip(choices.modes, _checkboxes(choices.modes), strict=True))
            for box in (*self.source_boxes.values(), *self.mode_boxes.values()):
                box.observe(self._on_filter, names="value")
            self.source_box.children = list(self.source_boxes.values())
            self.mode_box.children = list(self.mode_boxes.values())
            self.start.value = _as_date(choices.start)
            self.end.value = _as_date(choices.end)
            self.today.value = metrics.as_day(today if today is not None
                                              else default_today(path)).date()
        finally:
            self._holding = False
        self.refresh()

    # ----------------------------------------------------------- the filters

    def filter_values(self) -> dict:
        """The filters as :func:`infoview_lib.filters.filter_log` arguments.

        An end of the range left at the log's first / last date is open (None), so
        rows with no date stay in view until the range is narrowed.
        """
        start = pd.Timestamp(self.start.value) if self.start.value else None
        end = pd.Timestamp(self.end.value) if self.end.value else None
        if start is not None and self._choices.start is not None and start <= self._choices.start:
            start = None
        if end is not None and self._choices.end is not None and end >= self._choices.end:
            end = None
        sources = [v for v, box in self.source_boxes.items() if box.value]
        modes = [v for v, box in self.mode_boxes.items() if box.value]
        return {
            "start": start,
            "end": end,
            "sources": None if len(sources) == len(self.source_boxes) else sources,
            "modes": None if len(modes) == len(self.mode_boxes) else modes,
        }

    def refresh(self, *, charts: Iterable[str] | None = None) -> None:
        """Recompute the view and redraw (every chart, or only ``charts``)."""
        values = self.filter_values()
        try:
            view = filters.filter_log(self.full_log, **values)
        except ValueError as error:
            self.filter_status.value = status_html(str(error), "warning",
                                                   label="Check the dates")
            return
        today = metrics.as_day(self.today.value or default_today(self.path))
        self.view = view
        self.due_list = filters.due_in_view(self.full_log, view, today)
        numbers = metrics.summary(view, as_of=today)
        numbers["due"] = len(self.due_list)
        self.numbers = numbers
        self.filter_status.value = status_html(
            filters.describe_filters(self.full_log, view, **values), "info", live="status")
        self.headline.value = headline_html(numbers)
        self.insight_box.value = ("<ul style=\"margin:0.2em 0 0 1.2em;padding:0;"
                                  "max-width:56em;line-height:1.5\">"
                                  + "".join(f"<li>{esc(s)}</li>"
                                            for s in insights(view, numbers, self.due_list))
                                  + "</ul>")
        self.due.value = due_html(self.due_list, today)
        self.export.disabled = self.due_list.empty
        self.export_message.value = ""
        key = (self._generation, values["start"], values["end"],
               tuple(values["sources"] or ()) if values["sources"] is not None else None,
               tuple(values["modes"] or ()) if values["modes"] is not None else None)
        for name in (CHART_NAMES if charts is None else charts):
            chart_key = (name, *key, today if name in CHARTS_USING_TODAY else None)
            self.charts[name].value = self._chart(chart_key, name, view, today)

    def _chart(self, key: tuple, name: str, view: pd.DataFrame, today) -> str:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        import matplotlib.pyplot as plt

        from .. import plots

        plot, describe = plots.CHARTS[name]
        options = {"as_of": today} if name in CHARTS_USING_TODAY else {}
        size = CHART_SIZE if name in WIDE_CHARTS else SMALL_CHART_SIZE
        data = view
        if name == "referral_tree":  # one row of boxes per branch: give each room
            data = plots.referral_tree_view(view)  # the graph, built once for all three
            rows = data.rows if data.graph.number_of_edges() else 3
            size = (CHART_SIZE[0], max(3.5, 0.55 * rows + 1.6))
        fig, ax = plt.subplots(figsize=size, layout="constrained")
        plot(data, ax=ax, **options)
        html = plots.img_tag(fig, describe(data, **options), close=True)
        self.renders += 1
        self._cache[key] = html
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return html

    # ------------------------------------------------------------- callbacks

    def _on_filter(self, _change=None) -> None:
        if not self._holding:
            self.refresh()

    def _on_today(self, _change=None) -> None:
        if not self._holding:
            self.refresh(charts=CHARTS_USING_TODAY)

    def _on_reset(self, _button=None) -> None:
        self._holding = True
        try:
            for box in (*self.source_boxes.values(), *self.mode_boxes.values()):
                box.value = True
            self.start.value = _as_date(self._choices.start)
            self.end.value = _as_date(self._choices.end)
        finally:
            self._holding = False
        self.refresh()

    def _on_pick(self, change) -> None:
        if not self._holding and change["new"]:
            self.set_log(change["new"])

    def _on_export(self, _button=None) -> None:
        self.save_ics()

    def save_ics(self) -> Path | None:
        """Write the due follow-ups to an ``.ics`` file in the workspace; returns its path."""
        from .. import calendar_export

        if self.due_list.empty:
            self.export_message.value = status_html("nothing is due, so there is nothing to "
                                                    "add to a calendar.", "info")
            return None
        today = metrics.as_day(self.today.value)
        folder = self._workspace or paths.workspace_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"follow_ups_{today:%Y-%m-%d}.ics"
        written = Path(calendar_export.write_ics(self.due_list, target, on=today))
        self.ics_path = written
        count = len(self.due_list)
        self.export_message.value = status_html(
            f"{count} follow-up{'s' if count != 1 else ''} saved to {written.name} in your "
            f"work folder ({written.parent}), each as a reminder on "
            f"{metrics.format_day(today)}. Import it into Google Calendar, Outlook or Apple "
            "Calendar.", "success", label="Saved")
        return written
