"""Class charts the instructor's dashboard needs beyond :mod:`infoview_lib.plots`.

:mod:`infoview_lib.plots` draws one log (and one bar per student with
``plot_class_overview``); a class also needs to be seen as a *distribution* and as
*small multiples*:

* :func:`plot_rate_distribution` — how many students have a thank-you (or
  follow-up, response, 20-40 minute) rate in each tenth from 0% to 100%;
* :func:`plot_growth_small_multiples` — one small network-growth line per student,
  on shared axes, so the instructor compares shapes at a glance.

Both follow the conventions of :mod:`infoview_lib.plots` (its palette, font sizes,
titles and labels always set, an empty class says so) and each has a
``describe_*`` function giving alt text with the numbers. Neither chart shows a
contact's name: students only. This module imports matplotlib; nothing imports it
at package import time.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from . import metrics, plots
from .metrics import format_day

__all__ = [
    "RATE_LABELS",
    "plot_rate_distribution",
    "describe_rate_distribution",
    "plot_growth_small_multiples",
    "describe_growth_small_multiples",
    "class_growth",
]

RATE_LABELS = {
    "thank_you_rate": "Thank-you within 24 hours",
    "follow_up_rate": "Follow-up within 30 days",
    "response_rate": "Response rate",
    "duration_on_target": "Interviews of 20-40 minutes",
}
"""The per-student rates :func:`plot_rate_distribution` can draw."""

_BIN_EDGES = np.linspace(0, 1, 11)


def _table(class_log, as_of) -> pd.DataFrame:
    log = getattr(class_log, "log", class_log)
    if len(log) == 0:
        return pd.DataFrame(columns=["student", *metrics.SUMMARY_LABELS])
    return metrics.by_student(class_log, as_of=as_of)


def _bins(values: pd.Series) -> np.ndarray:
    """Students per tenth: [0, 10%), [10, 20%) ... [90%, 100%] (100% in the last)."""
    index = np.minimum((values.to_numpy(dtype=float) * 10).astype(int), 9)
    return np.bincount(index, minlength=10)


def plot_rate_distribution(class_log, *, metric: str = "thank_you_rate", as_of=None,
                           ax: Axes | None = None, **kwargs) -> Axes:
    """Histogram of one rate across the students of a class.

    Parameters
    ----------
    class_log : ClassLog or pandas.DataFrame
        What :func:`infoview_lib.io.load_class` returns, or a log with ``student``.
    metric : str, default "thank_you_rate"
        A key of :data:`RATE_LABELS`.
    as_of : date-like, optional
        As in :func:`infoview_lib.metrics.by_student`.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.bar``.

    Returns
    -------
    matplotlib.axes.Axes
        Ten bars (0-10% ... 90-100%), each labelled with its number of students;
        students with nothing to count ("n/a") are named in the title.
    """
    if metric not in RATE_LABELS:
        raise ValueError(f"metric must be one of {', '.join(RATE_LABELS)}; got {metric!r}")
    ax = plots._axes(ax)
    label = RATE_LABELS[metric]
    title = f"{label}: students by rate"
    values = _table(class_log, as_of)[metric].astype(float)
    known = values.dropna()
    if known.empty:
        return plots._empty(ax, title)
    counts = _bins(known)
    centres = (_BIN_EDGES[:-1] + 0.05) * 100
    options = {"color": plots.OKABE_ITO["blue"], "width": 8.6, "zorder": 2}
    options.update(kwargs)
    bars = ax.bar(centres, counts, **options)
    plots._bar_labels(ax, bars, [str(int(c)) if c else "" for c in counts], horizontal=False)
    plots._room_for_labels(ax, counts.max(), horizontal=False, share=0.18)
    ax.set_xticks(np.arange(0, 101, 10))
    ax.set_xticklabels([f"{t}%" for t in range(0, 101, 10)])
    ax.set_xlim(-2, 102)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", color="#dddddd", zorder=0)
    missing = int(values.isna().sum())
    suffix = f" ({missing} n/a)" if missing else ""
    return plots._style(ax, title + suffix, f"{label} (median {known.median():.0%})",
                        "Students")


def describe_rate_distribution(class_log, *, metric: str = "thank_you_rate",
                               as_of=None) -> str:
    """Alt text for :func:`plot_rate_distribution`."""
    label = RATE_LABELS.get(metric, metric)
    values = _table(class_log, as_of)[metric].astype(float)
    known = values.dropna()
    if known.empty:
        return f"{label}: no student has anything to count yet."
    counts = _bins(known)
    parts = [f"{int(c)} at {int(lo * 100)}-{int(lo * 100) + 10}%"
             for lo, c in zip(_BIN_EDGES[:-1], counts, strict=True) if c]
    missing = int(values.isna().sum())
    tail = f"; {missing} with nothing to count yet" if missing else ""
    return (f"Histogram of {label.lower()} across {len(known)} students: median "
            f"{known.median():.0%}, lowest {known.min():.0%}, highest {known.max():.0%}. "
            f"Students per band: {', '.join(parts)}{tail}.")


def class_growth(class_log, freq: str = "W") -> pd.DataFrame:
    """Network size per student per period, on one shared time line.

    Computed in one pass over the class (no loop over students): each student's
    contacts are dated by their first completed interview, as
    :func:`infoview_lib.metrics.network_growth` does for one log.

    Returns
    -------
    pandas.DataFrame
        Indexed by period end (from the class's first to its last completed
        interview; index name ``period``), one column per student (sorted), values
        the student's network size at the period's end (0 before their first
        interview). A student with no completed interview has a column of zeros.
    """
    log = getattr(class_log, "log", class_log)
    if len(log) == 0 or "student" not in log.columns:
        return pd.DataFrame()
    students = sorted(log["student"].dropna().astype(str).unique())
    frame = metrics._frame(log, ("contact", "status", "interview_date"))
    frame["student"] = log["student"].astype("string").to_numpy()
    frame["who"] = metrics.person_key(frame["contact"])
    held = frame[(frame["status"] == "completed").to_numpy(dtype=bool)
                 & frame["interview_date"].notna().to_numpy()
                 & frame["who"].notna().to_numpy()]
    if held.empty:
        return pd.DataFrame(columns=students)
    first_seen = held.groupby(["student", "who"], observed=True)["interview_date"].min()
    periods = first_seen.dt.to_period(freq)
    counts = periods.groupby([periods.array, periods.index.get_level_values("student")]
                             ).size().unstack(fill_value=0)
    full = pd.period_range(periods.min(), periods.max(), freq=periods.dt.freq)
    table = counts.reindex(index=full, columns=students, fill_value=0).cumsum()
    table.index = pd.DatetimeIndex(full.end_time.normalize(), name="period").astype(
        "datetime64[ns]")
    table.columns.name = None
    return table.astype("int64")


def plot_growth_small_multiples(class_log, *, freq: str = "W", ncols: int = 6,
                                ax: Axes | None = None) -> Axes:
    """One small network-growth chart per student, in a grid, on one shared scale.

    The panels are drawn in a single Axes (Tufte-style small multiples): each
    student's cell has the same time span and the same height scale, labelled once,
    so heights and shapes compare at a glance (and the chart draws quickly).

    Parameters
    ----------
    class_log : ClassLog or pandas.DataFrame
    freq : str, default "W"
        The period of :func:`class_growth`.
    ncols : int, default 6
        Panels per row.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure sized to the class by default.

    Returns
    -------
    matplotlib.axes.Axes
        Each panel titled with the student's name and final network size.
    """
    table = class_growth(class_log, freq=freq)
    students = list(table.columns)
    ncols = max(1, min(ncols, max(len(students), 1)))
    nrows = max(1, math.ceil(len(students) / ncols))
    if ax is None:
        fig = plt.figure(figsize=(2.2 * ncols + 0.6, 1.55 * nrows + 1.3), layout="constrained")
        ax = fig.subplots()
    title = "Network growth per student (people interviewed)"
    if table.empty or table.to_numpy().sum() == 0:
        return plots._empty(ax, title)
    top = max(int(table.to_numpy().max()), 1)
    origin, end = table.index[0], table.index[-1] + pd.Timedelta(days=1)
    span = max((end - origin).days, 1)
    x = (table.index - origin).days.to_numpy(dtype=float) / span
    width, height, gap_x, gap_y = 1.0, 1.0, 0.18, 0.62
    months = pd.date_range(origin, end, freq="MS")
    for index, student in enumerate(students):
        row, col = divmod(index, ncols)
        left = col * (width + gap_x)
        bottom = (nrows - 1 - row) * (height + gap_y)
        y = bottom + table[student].to_numpy() / top * height
        xs = left + np.append(x, 1.0) * width
        ys = np.append(y, y[-1])
        ax.fill_between(xs, bottom, ys, step="post", color=plots.OKABE_ITO["sky_blue"],
                        alpha=0.55, linewidth=0)
        ax.step(xs, ys, where="post", color=plots.OKABE_ITO["blue"], linewidth=1.8)
        ax.plot([left, left + width], [bottom, bottom], color="#555555", linewidth=0.8)
        ax.plot([left, left + width], [bottom + height] * 2, color="#d0d0d0", linewidth=0.6)
        ax.text(left, bottom + height + 0.08, f"{student}: {int(table[student].iloc[-1])}",
                fontsize=11.5, va="bottom", ha="left")
        if row == nrows - 1 or index + ncols >= len(students):
            for month in months:
                where = left + (month - origin).days / span * width
                ax.text(where, bottom - 0.06, f"{month:%b}", fontsize=10, ha="center",
                        va="top", color="#333333")
        if col == 0:
            ax.text(left - 0.04, bottom + height, str(top), fontsize=8.5, ha="right",
                    va="center", color="#333333")
            ax.text(left - 0.04, bottom, "0", fontsize=8.5, ha="right", va="center",
                    color="#333333")
    ax.set_xlim(-0.2, ncols * (width + gap_x) - gap_x + 0.02)
    ax.set_ylim(-0.3, nrows * (height + gap_y) - gap_y + 0.35)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(title, fontsize=plots.TITLE_SIZE, pad=12)
    ax.set_xlabel(f"{format_day(origin - pd.Timedelta(days=6) if freq == 'W' else origin)} "
                  f"to {format_day(table.index[-1])}; every panel: same dates, 0 to {top} "
                  "people", fontsize=12)
    ax.set_ylabel("People interviewed", fontsize=12)
    return ax


def describe_growth_small_multiples(class_log, *, freq: str = "W") -> str:
    """Alt text for :func:`plot_growth_small_multiples`."""
    table = class_growth(class_log, freq=freq)
    if table.empty or table.to_numpy().sum() == 0:
        return "Network growth per student: no interviews yet."
    final = table.iloc[-1]
    held = plots._held_dates(getattr(class_log, "log", class_log))
    return (
        f"Small multiples of network growth for {len(final)} students between "
        f"{format_day(held.min())} and {format_day(held.max())}: median network "
        f"{final.median():g} people, "
        f"largest {int(final.max())} ({final.idxmax()}), smallest {int(final.min())} "
        f"({final.idxmin()})."
    )
