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
from matplotlib.figure import Figure
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

    Returns
    -------
    pandas.DataFrame
        Indexed by period end (from the class's first to its last completed
        interview), one column per student (sorted), values the student's
        ``network_size`` (carried forward; 0 before their first interview).
        Students with no completed interview have a column of zeros.
    """
    log = getattr(class_log, "log", class_log)
    if len(log) == 0 or "student" not in log.columns:
        return pd.DataFrame()
    students = sorted(log["student"].dropna().astype(str).unique())
    series = {}
    for student, rows in log.groupby(log["student"].astype(str), sort=True):
        growth = metrics.network_growth(rows, freq=freq)
        series[student] = growth["network_size"]
    frames = [s for s in series.values() if len(s)]
    if not frames:
        return pd.DataFrame(columns=students)
    first = min(s.index.min() for s in frames)
    last = max(s.index.max() for s in frames)
    index = pd.DatetimeIndex(
        pd.period_range(first, last, freq=pd.Timestamp(first).to_period(freq).freq)
        .end_time.normalize(), name="period").astype("datetime64[ns]")
    table = pd.DataFrame(index=index)
    for student in students:
        values = series.get(student, pd.Series(dtype="int64"))
        table[student] = values.reindex(index).ffill().fillna(0).astype("int64")
    return table


def plot_growth_small_multiples(class_log, *, freq: str = "W", ncols: int = 6,
                                fig: Figure | None = None) -> Figure:
    """One small network-growth chart per student, on shared axes.

    Parameters
    ----------
    class_log : ClassLog or pandas.DataFrame
    freq : str, default "W"
        The period of :func:`infoview_lib.metrics.network_growth`.
    ncols : int, default 6
        Charts per row.
    fig : matplotlib.figure.Figure, optional
        Where to draw; a new figure sized to the class by default.

    Returns
    -------
    matplotlib.figure.Figure
        A grid of Axes titled with each student's name and final network size; the
        same x and y limits everywhere, so the heights compare.
    """
    table = class_growth(class_log, freq=freq)
    students = list(table.columns)
    count = max(len(students), 1)
    ncols = max(1, min(ncols, count))
    nrows = math.ceil(count / ncols)
    if fig is None:
        fig = plt.figure(figsize=(2.3 * ncols, 1.9 * nrows + 1.0))
    title = "Network growth per student (people interviewed)"
    if table.empty or table.to_numpy().sum() == 0:
        ax = fig.subplots()
        plots._empty(ax, title)
        return fig
    # Plain numbers (days since the first period) and fixed month ticks: date
    # locators on dozens of Axes make the drawing several times slower.
    origin = table.index[0]
    x = (table.index - origin).days.to_numpy(dtype=float)
    months = pd.date_range(origin, table.index[-1], freq="MS")
    ticks = (months - origin).days.to_numpy(dtype=float)
    tick_labels = [f"{m:%b}" for m in months]
    top = int(table.to_numpy().max())
    axes = np.atleast_1d(fig.subplots(nrows, ncols, sharex=True, sharey=True,
                                      gridspec_kw={"hspace": 0.55, "wspace": 0.12}))
    for ax, student in zip(axes.ravel(), students, strict=False):
        values = table[student].to_numpy()
        ax.fill_between(x, values, step="post", color=plots.OKABE_ITO["sky_blue"], alpha=0.5,
                        linewidth=0)
        ax.step(x, values, where="post", color=plots.OKABE_ITO["blue"], linewidth=2)
        ax.set_title(f"{student}: {int(values[-1])}", fontsize=10.5)
        ax.grid(axis="y", color="#e3e3e3")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    first = axes.ravel()[0]
    first.set_ylim(0, top * 1.1 + 0.5)
    first.set_xlim(x[0], x[-1] + 7)
    first.set_xticks(ticks, tick_labels)
    first.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
    for ax in axes.ravel():
        ax.tick_params(labelsize=9)
    for ax in axes.ravel()[len(students):]:
        ax.set_visible(False)
    # tick labels on the last visible Axes of each column and the first of each row
    for index, ax in enumerate(axes.ravel()[:len(students)]):
        below = index + ncols < len(students)
        ax.tick_params(labelbottom=not below, labelleft=index % ncols == 0)
    fig.suptitle(title, fontsize=plots.TITLE_SIZE)
    years = sorted(set(table.index.year))
    fig.supxlabel(f"Month ({years[0]})" if len(years) == 1 else "Month", fontsize=12)
    fig.supylabel("People interviewed", fontsize=12)
    fig.subplots_adjust(left=0.06, right=0.99, top=1 - 0.75 / fig.get_figheight(),
                        bottom=0.55 / fig.get_figheight())
    return fig


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
