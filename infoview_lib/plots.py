"""Charts of an interview log, one function per chart, in the style of seaborn.

Every ``plot_*`` function takes the data first and ``ax=None`` as a keyword, draws
on ``ax`` (or on the current Axes; a new, larger figure when none is open) and
returns the Axes. Titles and axis labels are always set, fonts are sized for a
projector, colours come from the Okabe-Ito palette (safe for colour-blind readers)
and no chart relies on colour alone: bars are labelled on the axis and carry their
numbers. A log with nothing to show gives an Axes that says so ("No interviews
yet") instead of raising.

Each chart has a companion ``describe_*`` function returning alt text that states
the numbers the chart shows; :func:`alt_text` dispatches by chart name. Charts
reach a page through :func:`img_tag` (an ``<img>`` with a base64 PNG and an
escaped ``alt``), because a plain inline figure has no alt text (axe-core's
``image-alt`` rule).

This module imports matplotlib; nothing in the package imports it at import time.
"""

from __future__ import annotations

import base64
import heapq
import html
import io
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter

from . import metrics
from .metrics import format_day

__all__ = [
    "OKABE_ITO",
    "EMPTY_MESSAGE",
    "CHARTS",
    "plot_network_growth",
    "plot_follow_up",
    "plot_thank_you_delay",
    "plot_response",
    "plot_durations",
    "plot_modes",
    "plot_referral_tree",
    "referral_tree_view",
    "ReferralTreeView",
    "MAX_TREE_ROWS",
    "MAX_TREE_DEPTH",
    "plot_class_overview",
    "plot_connections_growth",
    "describe_network_growth",
    "describe_follow_up",
    "describe_thank_you_delay",
    "describe_response",
    "describe_durations",
    "describe_modes",
    "describe_referral_tree",
    "describe_class_overview",
    "describe_connections_growth",
    "alt_text",
    "fig_to_data_uri",
    "img_tag",
]

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
"""The Okabe-Ito colours (Okabe & Ito, *Color Universal Design*), distinct for
every common form of colour blindness."""

EMPTY_MESSAGE = "No interviews yet"
TITLE_SIZE = 18
LABEL_SIZE = 15
TICK_SIZE = 13
TEXT_SIZE = 13
DEFAULT_FIGSIZE = (10, 5.5)

STATUS_LABELS = {
    "completed": "Completed",
    "scheduled": "Scheduled",
    "requested": "Waiting for a reply",
    "declined": "Declined",
    "no_reply": "No reply",
}
STATUS_COLOURS = {
    "completed": OKABE_ITO["blue"],
    "scheduled": OKABE_ITO["sky_blue"],
    "requested": OKABE_ITO["orange"],
    "declined": OKABE_ITO["vermillion"],
    "no_reply": OKABE_ITO["grey"],
}
MODE_LABELS = {"in_person": "In person", "phone": "Phone", "video": "Video"}
MODE_COLOURS = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["green"]]
PERIOD_NOUNS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
PERIOD_LABELS = {"D": "Day", "W": "Week ending", "M": "Month ending", "Q": "Quarter ending",
                 "Y": "Year ending"}


# ------------------------------------------------------------------------- helpers


def _axes(ax: Axes | None) -> Axes:
    """``ax``, or the current Axes; a new figure of a readable size when none is open."""
    if ax is not None:
        return ax
    if not plt.get_fignums():
        plt.figure(figsize=DEFAULT_FIGSIZE, layout="constrained")
    return plt.gca()


def _style(ax: Axes, title: str, xlabel: str, ylabel: str) -> Axes:
    ax.set_title(title, fontsize=TITLE_SIZE, pad=12)
    ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _empty(ax: Axes, title: str, message: str = EMPTY_MESSAGE) -> Axes:
    _style(ax, title, "", "")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
            fontsize=LABEL_SIZE + 2, color="#333333")
    return ax


def _nothing_logged(log: pd.DataFrame) -> bool:
    return len(log) == 0


def _percent(value: float) -> str:
    return "n/a" if value is None or np.isnan(value) else f"{value:.0%}"


def _day_range(first, last) -> str:
    """``3 Feb and 28 Apr 2025`` (the year once when both days share it)."""
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    if first.year == last.year:
        return f"{first.day} {first:%b} and {format_day(last)}"
    return f"{format_day(first)} and {format_day(last)}"


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def _bar_labels(ax: Axes, bars, texts: list[str], *, horizontal: bool) -> None:
    for bar, text in zip(bars, texts, strict=True):
        if horizontal:
            ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                        xytext=(6, 0), textcoords="offset points", va="center",
                        fontsize=TEXT_SIZE)
        else:
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        xytext=(0, 4), textcoords="offset points", ha="center",
                        fontsize=TEXT_SIZE)


def _room_for_labels(ax: Axes, largest: float, *, horizontal: bool, share: float = 0.25) -> None:
    top = max(largest, 1) * (1 + share)
    if horizontal:
        ax.set_xlim(0, top)
    else:
        ax.set_ylim(0, top)


# ---------------------------------------------------------------- network growth


def _period_width(index: pd.DatetimeIndex, freq: str) -> float:
    if len(index) > 1:
        return float(np.min(np.diff(index.values)).astype("timedelta64[h]").astype(float)) / 24
    return {"D": 1, "W": 7, "M": 30, "Q": 91, "Y": 365}.get(freq[:1].upper(), 7)


MAX_GROWTH_PERIODS = 104
"""Bars the network-growth chart draws at most when no period is asked for: weeks
while two years of weeks fit, then months, quarters or years."""


def growth_by_period(log: pd.DataFrame, freq: str | None = None) -> tuple[pd.DataFrame, str]:
    """:func:`infoview_lib.metrics.network_growth` and the period it used.

    With ``freq=None`` the period is the shortest of week, month, quarter and year
    that gives at most :data:`MAX_GROWTH_PERIODS` periods (a student's log: weeks;
    years of a career centre's logs: months or more), so the chart stays readable.
    """
    if freq is not None:
        return metrics.network_growth(log, freq=freq), freq
    growth = metrics.network_growth(log, freq="W")
    if len(growth) <= MAX_GROWTH_PERIODS:
        return growth, "W"
    first, last = growth.index[0], growth.index[-1]
    wider = next((f for f in ("M", "Q") if len(pd.period_range(
        first.to_period(f), last.to_period(f), freq=f)) <= MAX_GROWTH_PERIODS), "Y")
    return metrics.network_growth(log, freq=wider), wider


def plot_network_growth(log: pd.DataFrame, *, freq: str | None = None,
                        ax: Axes | None = None, **kwargs) -> Axes:
    """Network size over time, with interviews per period as bars.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    freq : str, optional
        Period of :func:`infoview_lib.metrics.network_growth` (``"W"``, ``"M"`` ...);
        by default weeks, or a longer period when weeks would be too many bars
        (:func:`growth_by_period`).
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current Axes by default.
    **kwargs
        Passed to the network-size line (``Axes.plot``).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    title = "Network growth"
    growth, freq = growth_by_period(log, freq)
    if growth.empty:
        return _empty(ax, title)
    x = growth.index
    width = 0.6 * _period_width(x, freq)
    period = PERIOD_NOUNS.get(freq[:1].upper(), "period")
    ax.bar(x, growth["interviews"], width=width, color=OKABE_ITO["sky_blue"],
           label=f"Interviews that {period}", zorder=2)
    line = {"color": OKABE_ITO["blue"], "linewidth": 3, "marker": "o", "markersize": 7,
            "label": "Network size (people interviewed)", "zorder": 3}
    line.update(kwargs)
    ax.plot(x, growth["network_size"], **line)
    ax.plot(x, growth["referrals"], color=OKABE_ITO["vermillion"], linewidth=2.5,
            linestyle="--", marker="s", markersize=6, label="Referrals received (total)",
            zorder=3)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max(growth[["interviews", "network_size", "referrals"]].max().max(), 1) * 1.1)
    ax.grid(axis="y", color="#dddddd", zorder=0)
    ax.legend(fontsize=TEXT_SIZE, loc="upper left", frameon=False)
    return _style(ax, title, PERIOD_LABELS.get(freq[:1].upper(), "Period"), "People")


def describe_network_growth(log: pd.DataFrame, *, freq: str | None = None) -> str:
    """Alt text for :func:`plot_network_growth`, with its numbers."""
    growth, freq = growth_by_period(log, freq)
    if growth.empty:
        return "Network growth chart: no interviews yet."
    held = _held_dates(log)
    period = PERIOD_NOUNS.get(freq[:1].upper(), "period")
    peak = growth["interviews"].idxmax()
    return (
        f"Network growth chart by {period}: your network grew to "
        f"{_plural(int(growth['network_size'].iloc[-1]), 'person', 'people')} interviewed "
        f"between {_day_range(held.min(), held.max())}, "
        f"from {_plural(int(growth['interviews'].sum()), 'completed interview')}. "
        f"The busiest {period} (ending {format_day(peak)}) had "
        f"{_plural(int(growth['interviews'].max()), 'interview')}. "
        f"Referrals received in total: {int(growth['referrals'].iloc[-1])}."
    )


def _held_dates(log: pd.DataFrame) -> pd.Series:
    frame = metrics._frame(log, ("status", "interview_date"))
    return frame.loc[frame["status"] == "completed", "interview_date"].dropna()


# ------------------------------------------------------------------ follow-up funnel


def _follow_up_numbers(log: pd.DataFrame, as_of) -> dict:
    numbers = metrics.summary(log, as_of=as_of)
    return {
        "completed": numbers["completed"],
        "thanked": numbers["thank_you_rate_k"],
        "thank_rate": numbers["thank_you_rate"],
        "followed": numbers["follow_up_rate_k"],
        "follow_eligible": numbers["follow_up_rate_n"],
        "follow_rate": numbers["follow_up_rate"],
    }


def plot_follow_up(log: pd.DataFrame, *, as_of=None, ax: Axes | None = None,
                   **kwargs) -> Axes:
    """The follow-up funnel: completed → thank-you within 24 h → follow-up within 30 days.

    The follow-up bar counts interviews whose 30-day window has closed by
    ``as_of`` (today by default), as :func:`infoview_lib.metrics.follow_up_rate` does.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    as_of : date-like, optional
        The day the follow-up window is judged on; today by default.
    ax : matplotlib.axes.Axes, optional
        Where to draw.
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    title = "Thank-you notes and follow-ups"
    n = _follow_up_numbers(log, as_of)
    if n["completed"] == 0:
        return _empty(ax, title)
    labels = ["Completed interviews", "Thank-you within 24 h", "Follow-up within 30 days"]
    values = [n["completed"], n["thanked"], n["followed"]]
    colours = [OKABE_ITO["blue"], OKABE_ITO["green"], OKABE_ITO["orange"]]
    bars = ax.barh(labels, values, color=colours, **kwargs)
    ax.invert_yaxis()
    texts = [
        str(n["completed"]),
        f"{n['thanked']} of {n['completed']} ({_percent(n['thank_rate'])})",
        (f"{n['followed']} of {n['follow_eligible']} due so far ({_percent(n['follow_rate'])})"
         if n["follow_eligible"] else "none due yet"),
    ]
    _bar_labels(ax, bars, texts, horizontal=True)
    _room_for_labels(ax, max(values), horizontal=True, share=0.9)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return _style(ax, title, "Interviews", "")


def describe_follow_up(log: pd.DataFrame, *, as_of=None) -> str:
    """Alt text for :func:`plot_follow_up`."""
    n = _follow_up_numbers(log, as_of)
    if n["completed"] == 0:
        return "Thank-you and follow-up chart: no interviews yet."
    follow = (
        f"{n['followed']} of the {n['follow_eligible']} interviews whose 30-day window has "
        f"closed got a follow-up within 30 days ({_percent(n['follow_rate'])})."
        if n["follow_eligible"] else "No interview's 30-day follow-up window has closed yet."
    )
    return (
        f"Bar chart of thank-you notes and follow-ups: {_plural(n['completed'], 'interview')} "
        f"completed; {n['thanked']} thanked within 24 hours ({_percent(n['thank_rate'])}). "
        + follow
    )


def _thank_you_delays(log: pd.DataFrame) -> tuple[pd.Series, int]:
    frame = metrics._frame(log, ("status", "interview_date", "thank_you_date"))
    held = frame[(frame["status"] == "completed") & frame["interview_date"].notna()]
    delay = (held["thank_you_date"].dt.normalize()
             - held["interview_date"].dt.normalize()).dt.days
    not_sent = int(held["thank_you_date"].isna().sum())
    return delay.dropna().astype(int), not_sent


def plot_thank_you_delay(log: pd.DataFrame, *, max_days: int = 7, ax: Axes | None = None,
                         **kwargs) -> Axes:
    """How many days after each interview the thank-you note went out.

    One bar per day (0 = the same day), the last bar gathering ``max_days`` or more,
    and a bar for notes not sent yet. Bars within 24 hours are green, later ones
    orange, missing ones grey and hatched; each carries its count.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    title = "Days from interview to thank-you note"
    delays, not_sent = _thank_you_delays(log)
    if len(delays) == 0 and not_sent == 0:
        return _empty(ax, title)
    delays = delays[delays >= 0]
    counts = delays.clip(upper=max_days).value_counts().reindex(range(max_days + 1),
                                                                fill_value=0)
    labels = [str(d) for d in range(max_days)] + [f"{max_days}+", "Not sent"]
    values = [*counts.tolist(), not_sent]
    colours = [OKABE_ITO["green"] if d <= 1 else OKABE_ITO["orange"]
               for d in range(max_days + 1)] + ["#ffffff"]
    bars = ax.bar(labels, values, color=colours, edgecolor="#333333", **kwargs)
    bars[-1].set_hatch("//")
    _bar_labels(ax, bars, [str(v) if v else "" for v in values], horizontal=False)
    _room_for_labels(ax, max(values), horizontal=False, share=0.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(
        handles=[Patch(color=OKABE_ITO["green"], label="Within 24 hours"),
                 Patch(color=OKABE_ITO["orange"], label="Later"),
                 Patch(facecolor="#ffffff", edgecolor="#333333", hatch="//",
                       label="Not sent yet")],
        fontsize=TEXT_SIZE, frameon=False, loc="upper right",
    )
    return _style(ax, title, "Days after the interview", "Interviews")


def describe_thank_you_delay(log: pd.DataFrame, *, max_days: int = 7) -> str:
    """Alt text for :func:`plot_thank_you_delay`."""
    delays, not_sent = _thank_you_delays(log)
    if len(delays) == 0 and not_sent == 0:
        return "Thank-you delay chart: no interviews yet."
    delays = delays[delays >= 0]
    on_time = int((delays <= 1).sum())
    parts = [f"{on_time} within 24 hours", f"{int((delays > 1).sum())} later"]
    if len(delays):
        parts.append(f"the longest wait was {_plural(int(delays.max()), 'day')}")
    parts.append(f"{not_sent} not sent yet")
    return "Bar chart of days from interview to thank-you note: " + "; ".join(parts) + "."


# --------------------------------------------------------------------- response


def _outcomes(log: pd.DataFrame) -> pd.Series:
    frame = metrics._frame(log, ("status",))
    return frame["status"].value_counts().reindex(list(STATUS_LABELS), fill_value=0)


def plot_response(log: pd.DataFrame, *, ax: Axes | None = None, **kwargs) -> Axes:
    """Outreach outcomes: completed, scheduled, waiting, declined, no reply.

    The title gives the response rate of :func:`infoview_lib.metrics.response_rate`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    counts = _outcomes(log)
    rate = metrics.response_rate(log)
    title = "Outreach outcomes" + (f" (response rate {_percent(rate)})"
                                   if not np.isnan(rate) else "")
    if _nothing_logged(log):
        return _empty(ax, "Outreach outcomes")
    if counts.sum() == 0:
        return _empty(ax, "Outreach outcomes", "No outreach yet")
    labels = [STATUS_LABELS[s] for s in counts.index]
    bars = ax.barh(labels, counts.to_numpy(), color=[STATUS_COLOURS[s] for s in counts.index],
                   **kwargs)
    ax.invert_yaxis()
    _bar_labels(ax, bars, [str(v) for v in counts.tolist()], horizontal=True)
    _room_for_labels(ax, counts.max(), horizontal=True, share=0.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return _style(ax, title, "People approached", "")


def describe_response(log: pd.DataFrame) -> str:
    """Alt text for :func:`plot_response`."""
    counts = _outcomes(log)
    if counts.sum() == 0:
        return "Outreach outcomes chart: no outreach yet."
    rate = metrics.response_rate(log)
    listed = ", ".join(f"{STATUS_LABELS[s].lower()} {int(v)}" for s, v in counts.items())
    return (f"Bar chart of outreach outcomes for {_plural(int(counts.sum()), 'person', 'people')}"
            f" approached: {listed}. Response rate {_percent(rate)}.")


# --------------------------------------------------------------------- durations


def _durations(log: pd.DataFrame) -> pd.Series:
    frame = metrics._frame(log, ("status", "duration_min"))
    return frame.loc[frame["status"] == "completed", "duration_min"].dropna().astype(float)


def plot_durations(log: pd.DataFrame, *, low: float = 20, high: float = 40,
                   binwidth: float = 5, ax: Axes | None = None, **kwargs) -> Axes:
    """Histogram of interview lengths with the ``low``-``high`` minute target shaded.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    low, high : float, default 20 and 40
        The target band, as in :func:`infoview_lib.metrics.duration_on_target`.
    binwidth : float, default 5
        Minutes per bar.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.hist``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    minutes = _durations(log)
    share = metrics.duration_on_target(log, low=low, high=high)
    title = "Interview length"
    if minutes.empty:
        return _empty(ax, title, EMPTY_MESSAGE if _nothing_logged(log)
                      else "No interview lengths recorded yet")
    top = max(high + binwidth, minutes.max() + binwidth)
    bins = np.arange(0, top + binwidth, binwidth)
    ax.axvspan(low, high, color=OKABE_ITO["green"], alpha=0.15, zorder=0,
               label=f"Target: {low:g}-{high:g} minutes")
    options = {"color": OKABE_ITO["blue"], "edgecolor": "white", "zorder": 2,
               "label": "Interviews"}
    options.update(kwargs)
    ax.hist(minutes, bins=bins, **options)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=TEXT_SIZE, frameon=False, loc="upper right")
    return _style(ax, f"{title} ({_percent(share)} within {low:g}-{high:g} minutes)",
                  "Minutes", "Interviews")


def describe_durations(log: pd.DataFrame, *, low: float = 20, high: float = 40) -> str:
    """Alt text for :func:`plot_durations`."""
    minutes = _durations(log)
    if minutes.empty:
        return "Interview length chart: no interview lengths recorded yet."
    inside = int(((minutes >= low) & (minutes <= high)).sum())
    return (
        f"Histogram of interview lengths: {inside} of {len(minutes)} interviews lasted "
        f"{low:g} to {high:g} minutes ({_percent(inside / len(minutes))}); "
        f"{int((minutes < low).sum())} shorter, {int((minutes > high).sum())} longer. "
        f"Median {minutes.median():g} minutes, range {minutes.min():g} to {minutes.max():g}."
    )


# ------------------------------------------------------------------------- modes


def plot_modes(log: pd.DataFrame, *, ax: Axes | None = None, **kwargs) -> Axes:
    """Completed interviews by mode: in person, phone, video.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    mix = metrics.mode_mix(log)
    title = "How interviews were held"
    if mix["interviews"].sum() == 0:
        return _empty(ax, title, EMPTY_MESSAGE if _held_dates(log).empty
                      else "No interview modes recorded yet")
    labels = [MODE_LABELS[m] for m in mix.index]
    bars = ax.bar(labels, mix["interviews"], color=MODE_COLOURS, **kwargs)
    texts = [f"{v} ({_percent(s)})" for v, s in zip(mix["interviews"], mix["share"],
                                                     strict=True)]
    _bar_labels(ax, bars, texts, horizontal=False)
    _room_for_labels(ax, mix["interviews"].max(), horizontal=False, share=0.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return _style(ax, title, "Mode", "Interviews")


def describe_modes(log: pd.DataFrame) -> str:
    """Alt text for :func:`plot_modes`."""
    mix = metrics.mode_mix(log)
    total = int(mix["interviews"].sum())
    if total == 0:
        return "Interview mode chart: no interview modes recorded yet."
    listed = ", ".join(f"{MODE_LABELS[m].lower()} {int(v)} ({_percent(s)})"
                       for m, v, s in zip(mix.index, mix["interviews"], mix["share"],
                                          strict=True))
    return f"Bar chart of how {_plural(total, 'interview')} were held: {listed}."


# ------------------------------------------------------------------ referral tree

MAX_TREE_ROWS = 30
"""How many rows of boxes :func:`plot_referral_tree` draws at most by default.

A student's log has a handful of introductions and is drawn whole; a combined log
of a department can hold thousands of people in introductions, which no page can
show. Beyond this many rows (or :data:`MAX_TREE_DEPTH` columns) the chart shows the
largest chains of introductions that fit (or the first introductions of the
largest one) and says so in its title, its alt text (:func:`describe_referral_tree`)
and :attr:`ReferralTreeView.shown`."""

MAX_TREE_DEPTH = 6
"""How many introductions from the start of a chain :func:`plot_referral_tree`
draws at most by default (columns of boxes after the first)."""


@dataclass(frozen=True)
class ReferralTreeView:
    """What :func:`plot_referral_tree` draws of a log's referral graph.

    Made by :func:`referral_tree_view`; :func:`plot_referral_tree` and
    :func:`describe_referral_tree` take one in place of the log, so a large log's
    graph is built once for both.

    Attributes
    ----------
    graph : networkx.DiGraph
        The whole graph (:func:`infoview_lib.metrics.referral_graph`).
    positions : dict
        Person drawn → ``(x, y)``: ``x`` the introductions from the start of the
        chain, ``y`` minus the row. Introducers sit left of the people they
        introduced, each one centred on the people placed after them.
    rows : int
        Rows of boxes (at most the ``max_rows`` asked for).
    hidden : dict
        Person drawn → how many people further along their chain are not drawn
        (only people who have some).
    chains, chains_total : int
        Chains of introductions (people linked by introductions: the graph's weakly
        connected components) drawn, whole or in part, and in all.
    people_total : int
        People in introductions (the graph's nodes).
    whole : bool
        True when the chains drawn are drawn whole; False when only the first
        ``depth`` introductions of the largest one are (within the rows and the
        columns).
    chain_size : int
        People in the chains drawn, drawn or not.
    depth : int
        Introductions from the start of a chain to the rightmost boxes.
    log_rows : int
        Rows of the log the graph was made from.
    """

    graph: object
    positions: dict
    rows: int
    hidden: dict
    chains: int
    chains_total: int
    people_total: int
    whole: bool
    chain_size: int
    depth: int
    log_rows: int

    @property
    def people(self) -> int:
        """People drawn."""
        return len(self.positions)

    @property
    def complete(self) -> bool:
        """True when everyone in an introduction is drawn."""
        return self.people == self.people_total

    @property
    def shown(self) -> str:
        """What the chart shows of the introductions, in words ("" when it shows all)."""
        if self.complete:
            return ""
        total = (f"There are {_count(self.people_total, 'person', 'people')} in "
                 f"{_count(self.chains_total, 'chain')} of introductions in all.")
        if self.whole:
            chains = ("the largest chain" if self.chains == 1
                      else f"the {self.chains:,} largest chains")
            return (f"The chart shows the {self.people:,} people in {chains} of "
                    f"introductions. {total}")
        return (f"The chart shows {self.people:,} of the {self.chain_size:,} people in the "
                f"largest chain of introductions, up to "
                f"{_count(self.depth, 'introduction')} from where it starts, largest "
                "branches first; a box ending in \u201c+N more\u201d has N more people "
                f"further along, not drawn. {total}")


def _count(count: int, noun: str, plural: str | None = None) -> str:
    """``1,234 people``: :func:`_plural` with thousands separators."""
    return f"{count:,} {noun if count == 1 else (plural or noun + 's')}"


def _forest(graph, nodes) -> tuple[list, dict, dict]:
    """A spanning forest of ``nodes`` (whole chains) by depth-first search.

    Roots are the people nobody introduced, by name, then people only on a cycle,
    by name; a person's children are the people they introduced, by name, not
    reached before. Iterative, so a long chain cannot overflow the stack. Returns
    the roots in order, person → children and person → depth.
    """
    ordered = sorted(nodes, key=str)
    starts = [n for n in ordered if graph.in_degree(n) == 0] + ordered
    children: dict = {}
    depth: dict = {}
    roots = []
    for start in starts:
        if start in depth:
            continue
        roots.append(start)
        depth[start] = 0
        children[start] = []
        stack = [(start, iter(sorted(graph.successors(start), key=str)))]
        while stack:
            node, pending = stack[-1]
            for child in pending:
                if child not in depth:
                    depth[child] = depth[node] + 1
                    children[node].append(child)
                    children[child] = []
                    stack.append((child, iter(sorted(graph.successors(child), key=str))))
                    break
            else:
                stack.pop()
    return roots, children, depth


def _below(roots: list, children: dict) -> dict:
    """Person → how many people sit below them in the forest."""
    order, stack = [], list(roots)
    while stack:  # parents before children; reversed, children before parents
        node = stack.pop()
        order.append(node)
        stack.extend(children[node])
    below: dict = {}
    for node in reversed(order):
        below[node] = sum(below[c] + 1 for c in children[node])
    return below


def _place(roots: list, children: dict, *, max_depth: int | None = None,
           max_rows: int | None = None) -> tuple[dict, int]:
    """Tidy positions of the forest, down to ``max_depth`` introductions and within
    ``max_rows`` rows (people who do not fit are left out, with everyone below
    them). Returns person → ``(depth, -row)`` and the rows used."""
    positions: dict = {}
    row: dict = {}
    next_row = 0
    stack = [(root, 0, False) for root in reversed(roots)]
    while stack:  # a person's row is known once the people after them are placed
        node, level, expanded = stack.pop()
        deeper = max_depth is None or level < max_depth
        if not expanded:
            if max_rows is not None and next_row >= max_rows:
                continue
            stack.append((node, level, True))
            if deeper:
                stack.extend((child, level + 1, False) for child in reversed(children[node]))
            continue
        placed = [row[c] for c in children[node] if c in row] if deeper else []
        if placed:
            row[node] = (min(placed) + max(placed)) / 2
        else:
            row[node] = next_row
            next_row += 1
        positions[node] = (level, -row[node])
    return positions, next_row


def referral_tree_view(log: pd.DataFrame, *, max_rows: int | None = MAX_TREE_ROWS,
                       max_depth: int | None = MAX_TREE_DEPTH) -> ReferralTreeView:
    """Decide what :func:`plot_referral_tree` draws of a log's introductions.

    People linked by introductions form a chain (a weakly connected component of
    :func:`infoview_lib.metrics.referral_graph`). When all of them fit in
    ``max_rows`` rows of boxes and ``max_depth`` introductions from the start of
    each chain, all are drawn, as they always were. Otherwise the largest chains
    are drawn whole, largest first, as many as fit; and when even the largest does
    not fit, its first introductions are, as many steps deep as fit (at least one,
    at most ``max_depth``, then cut at ``max_rows`` rows), the largest branches
    first, each box counting the people further along it who are not drawn.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    max_rows : int or None, default :data:`MAX_TREE_ROWS`
        Rows of boxes at most; ``None``: as many as the chains need.
    max_depth : int or None, default :data:`MAX_TREE_DEPTH`
        Introductions from the start of a chain at most; ``None``: as many as the
        chains need. With both ``None`` every chain is drawn whatever its size.

    Returns
    -------
    ReferralTreeView

    Raises
    ------
    ValueError
        If ``max_rows`` or ``max_depth`` is less than 1.
    """
    return _view(metrics.referral_graph(log), max_rows, max_depth, log_rows=len(log))


def _chains(graph) -> tuple[np.ndarray, Callable[[int], list]]:
    """The chains of introductions (weakly connected components), largest first.

    Returns their sizes and a function giving the people of the k-th. Equal sizes
    keep the order networkx's ``weakly_connected_components`` finds them in (by
    each chain's first person in the graph's order), as a stable sort of its
    output would; found with array operations (hook each introduction's two
    chains on the smaller number, then compress), several times faster.
    """
    nodes = list(graph)
    index = dict(zip(nodes, range(len(nodes)), strict=True))
    ends = [nbrs for _, nbrs in graph.adjacency()]
    source = np.repeat(np.arange(len(nodes)), [len(nbrs) for nbrs in ends])
    target = np.fromiter((index[v] for nbrs in ends for v in nbrs), dtype=np.int64,
                         count=len(source))
    label = np.arange(len(nodes))  # each chain ends up labelled by its first person
    while True:
        low = np.minimum(label[source], label[target])
        high = np.maximum(label[source], label[target])
        join = low != high
        if not join.any():
            break
        np.minimum.at(label, high[join], low[join])  # `high` is a chain's label: hook it
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
    first, inverse, sizes = np.unique(label, return_inverse=True, return_counts=True)
    rank = np.lexsort((first, -sizes))  # largest first, then by first person
    by_chain = np.argsort(np.argsort(rank)[inverse], kind="stable")  # people, chain by chain
    starts = np.concatenate([[0], np.cumsum(sizes[rank])])

    def members(k: int) -> list:
        return [nodes[i] for i in by_chain[starts[k]:starts[k + 1]]]

    return sizes[rank], members


def _view(graph, max_rows: int | None = MAX_TREE_ROWS, max_depth: int | None = MAX_TREE_DEPTH,
          *, log_rows: int = 0) -> ReferralTreeView:
    for name, limit in (("max_rows", max_rows), ("max_depth", max_depth)):
        if limit is not None and limit < 1:
            raise ValueError(f"{name} must be at least 1 (or None for no limit); got {limit!r}")
    row_limit = np.inf if max_rows is None else max_rows
    depth_limit = np.inf if max_depth is None else max_depth
    total = graph.number_of_nodes()
    sizes, members = _chains(graph)
    chosen, forests, rows = [], [], 0
    unlimited = max_rows is None and max_depth is None
    for k in range(0 if unlimited else len(sizes)):
        forest = _forest(graph, members(k))
        needed = sum(1 for kids in forest[1].values() if not kids)  # a row per end
        if rows + needed > row_limit or max(forest[2].values()) > depth_limit:
            forests.append(forest)  # the first chain that does not fit
            break
        chosen.append(k)
        forests.append(forest)
        rows += needed
    if unlimited or len(chosen) == len(sizes):  # everyone: as always, by name
        roots, children, _ = _forest(graph, graph.nodes)
        positions, rows = _place(roots, children)
        return _made(graph, positions, rows, {}, len(sizes), total, True, len(sizes),
                     log_rows)
    if chosen:  # the largest chains, whole, largest first
        positions, rows = {}, 0
        for roots, children, _ in forests[:len(chosen)]:
            placed, used = _place(roots, children)
            positions.update({n: (x, y - rows) for n, (x, y) in placed.items()})
            rows += used
        return _made(graph, positions, rows, {}, len(chosen), int(sizes[:len(chosen)].sum()),
                     True, len(sizes), log_rows)
    # even the largest chain is too large: its first introductions, as deep as fit
    (roots, children, depth), = forests
    below = _below(roots, children)
    branches_first = {n: sorted(kids, key=lambda c: -below[c]) for n, kids in children.items()}
    deepest = max(depth.values())
    at_depth = np.bincount(list(depth.values()), minlength=deepest + 1)
    ends = np.bincount([d for n, d in depth.items() if not children[n]], minlength=deepest + 1)
    needed = np.concatenate([[0], np.cumsum(ends)[:-1]]) + at_depth  # rows if cut at each
    steps = int(min(max(1, np.flatnonzero(needed <= row_limit).max(initial=1)), depth_limit))
    positions, rows = _place(sorted(roots, key=lambda r: -below[r]), branches_first,
                             max_depth=steps, max_rows=max_rows)
    # each person left out is counted once, in the box of the nearest person drawn above
    hidden = {n: sum(below[c] + 1 for c in children[n] if c not in positions)
              for n in positions}
    hidden = {n: count for n, count in hidden.items() if count}
    return _made(graph, positions, rows, hidden, 1, int(sizes[0]), False, len(sizes), log_rows)


def _made(graph, positions: dict, rows: int, hidden: dict, chains: int, chain_size: int,
          whole: bool, chains_total: int, log_rows: int) -> ReferralTreeView:
    return ReferralTreeView(
        graph=graph, positions=positions, rows=rows, hidden=hidden, chains=chains,
        chains_total=chains_total, people_total=graph.number_of_nodes(), whole=whole,
        chain_size=chain_size,
        depth=max((x for x, _ in positions.values()), default=0), log_rows=log_rows,
    )


def _tree_layout(graph, max_rows: int | None = MAX_TREE_ROWS,
                 max_depth: int | None = MAX_TREE_DEPTH) -> tuple[dict, int]:
    """Positions of the people drawn and the rows used (see :func:`referral_tree_view`)."""
    view = _view(graph, max_rows, max_depth)
    return view.positions, view.rows


def _as_view(log, max_rows: int | None, max_depth: int | None) -> ReferralTreeView:
    if isinstance(log, ReferralTreeView):
        return log
    return referral_tree_view(log, max_rows=max_rows, max_depth=max_depth)


def _box_label(name: str, max_label: int, hidden: int) -> str:
    label = name if len(name) <= max_label else name[: max_label - 1] + "…"
    if len(label) > 12 and " " in label:  # two short lines make narrow boxes
        spaces = [i for i, ch in enumerate(label) if ch == " "]
        cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
        label = label[:cut] + "\n" + label[cut + 1:]
    return label + (f"\n+{hidden:,} more" if hidden else "")


def plot_referral_tree(log: pd.DataFrame | ReferralTreeView, *, ax: Axes | None = None,
                       max_rows: int | None = MAX_TREE_ROWS,
                       max_depth: int | None = MAX_TREE_DEPTH, max_label: int = 22,
                       **kwargs) -> Axes:
    """Who introduced you to whom: arrows from introducer to the person introduced.

    Built on :func:`infoview_lib.metrics.referral_graph`. People you interviewed
    are dark blue boxes, others in your log light blue, introducers outside your
    log white; a legend says which is which. At most ``max_rows`` rows and
    ``max_depth + 1`` columns of boxes are drawn, so the chart stays readable
    whatever the log: a large log shows its
    largest chains of introductions, or the first introductions of the largest one
    (see :func:`referral_tree_view`), and the title says how many people of how
    many are shown.

    Parameters
    ----------
    log : pandas.DataFrame or ReferralTreeView
        A loaded log, or what :func:`referral_tree_view` made of one (then
        ``max_rows`` and ``max_depth`` are the view's).
    ax : matplotlib.axes.Axes, optional
    max_rows : int or None, default :data:`MAX_TREE_ROWS`
        Rows of boxes at most.
    max_depth : int or None, default :data:`MAX_TREE_DEPTH`
        Introductions from the start of a chain at most. With both ``None``
        everyone is drawn (only for small logs).
    max_label : int, default 22
        Longer names are shortened with an ellipsis.
    **kwargs
        Passed to the arrows (``arrowprops`` of ``Axes.annotate``).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    title = "Who introduced you to whom"
    view = _as_view(log, max_rows, max_depth)
    graph = view.graph
    if graph.number_of_edges() == 0:
        return _empty(ax, title, EMPTY_MESSAGE if view.log_rows == 0
                      else "No referrals recorded yet")
    positions = view.positions
    boxes = {}
    for node, (x, y) in positions.items():
        data = graph.nodes[node]
        if not data.get("in_log"):
            face, text = "#ffffff", "#000000"
        elif data.get("status") == "completed":
            face, text = OKABE_ITO["blue"], "#ffffff"
        else:
            face, text = OKABE_ITO["sky_blue"], "#000000"
        boxes[node] = ax.text(
            x, y, _box_label(str(node), max_label, view.hidden.get(node, 0)), ha="center",
            va="center", fontsize=TEXT_SIZE, color=text, zorder=3,
            bbox={"boxstyle": "round,pad=0.35", "facecolor": face, "edgecolor": "#333333"},
        )
    arrow = {"arrowstyle": "-|>", "color": "#555555", "linewidth": 1.5, "mutation_scale": 18,
             "shrinkA": 2, "shrinkB": 2}
    arrow.update(kwargs)
    for source, target in graph.edges(positions):  # introductions between people drawn
        if target in positions:
            ax.annotate("", xy=positions[target], xytext=positions[source],
                        arrowprops={**arrow, "patchA": boxes[source].get_bbox_patch(),
                                    "patchB": boxes[target].get_bbox_patch()},
                        zorder=2)
    ax.set_xlim(-0.6, view.depth + 0.6)
    ax.set_ylim(-(view.rows - 1) - 0.6, 0.6)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.legend(
        handles=[Patch(facecolor=OKABE_ITO["blue"], edgecolor="#333333", label="Interviewed"),
                 Patch(facecolor=OKABE_ITO["sky_blue"], edgecolor="#333333",
                       label="In your log, not interviewed yet"),
                 Patch(facecolor="#ffffff", edgecolor="#333333",
                       label="Introducer outside your log")],
        fontsize=TEXT_SIZE - 1, title_fontsize=TEXT_SIZE, frameon=False, loc="upper center",
        bbox_to_anchor=(0.5, 0.0), ncol=3,
        title="Arrows point from the introducer to the person introduced",
    )
    if not view.complete:
        title += f" ({view.people:,} of {view.people_total:,} people shown)"
    return _style(ax, title, "", "")


def describe_referral_tree(log: pd.DataFrame | ReferralTreeView, *,
                           max_rows: int | None = MAX_TREE_ROWS,
                           max_depth: int | None = MAX_TREE_DEPTH) -> str:
    """Alt text for :func:`plot_referral_tree`: the introductions, the busiest
    introducers and, for a large log, which part the chart shows."""
    view = _as_view(log, max_rows, max_depth)
    graph = view.graph
    edges = graph.number_of_edges()
    if edges == 0:
        return "Referral tree: no referrals recorded yet."
    introducers = [(count, str(n)) for n, count in graph.out_degree() if count]
    busiest = heapq.nsmallest(3, introducers, key=lambda t: (-t[0], t[1]))
    top = ", ".join(f"{name} ({count})" for count, name in busiest)
    outside = sum(1 for _, inside in graph.nodes(data="in_log") if not inside)
    text = (
        f"Referral tree: {_count(edges, 'introduction')} among "
        f"{_count(graph.number_of_nodes(), 'person', 'people')}, from "
        f"{_count(len(introducers), 'introducer')} ({outside:,} outside your log). "
        f"Most introductions: {top}."
    )
    return f"{text} {view.shown}" if view.shown else text


# ------------------------------------------------------------------ class overview

CLASS_METRICS = {
    "completed": "Completed interviews",
    "network_size": "Network size",
    "response_rate": "Response rate",
    "thank_you_rate": "Thank-you within 24 hours",
    "follow_up_rate": "Follow-up within 30 days",
    "duration_on_target": "Interviews of 20-40 minutes",
    "referrals": "Referrals received",
    "due": "Follow-ups due",
}


def plot_class_overview(class_log, *, metric: str = "completed", as_of=None,
                        ax: Axes | None = None, **kwargs) -> Axes:
    """One bar per student for one headline number of :func:`metrics.by_student`.

    Parameters
    ----------
    class_log : pandas.DataFrame or ClassLog
        A class log with a ``student`` column.
    metric : str, default "completed"
        A column of :func:`infoview_lib.metrics.by_student` (see ``CLASS_METRICS``).
        Rates are drawn as percentages; a student with nothing eligible shows "n/a".
    as_of : date-like, optional
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if metric not in CLASS_METRICS:
        raise ValueError(f"metric must be one of {', '.join(CLASS_METRICS)}; got {metric!r}")
    ax = _axes(ax)
    label = CLASS_METRICS[metric]
    title = f"{label} by student"
    log = getattr(class_log, "log", class_log)
    if len(log) == 0:
        return _empty(ax, title)
    table = metrics.by_student(class_log, as_of=as_of)
    values = table[metric].astype(float)
    is_rate = metric in metrics.RATE_KEYS
    shown = values * 100 if is_rate else values
    bars = ax.barh(table["student"].tolist(), shown.fillna(0).to_numpy(),
                   color=OKABE_ITO["blue"], **kwargs)
    ax.invert_yaxis()
    texts = [_percent(v) if is_rate else ("n/a" if np.isnan(v) else f"{v:g}")
             for v in values.tolist()]
    _bar_labels(ax, bars, texts, horizontal=True)
    if is_rate:
        ax.set_xlim(0, 118)
        ax.xaxis.set_major_formatter(PercentFormatter())
    else:
        _room_for_labels(ax, shown.max(), horizontal=True, share=0.15)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_axisbelow(True)
    return _style(ax, title, label + (" (%)" if is_rate else ""), "Student")


def describe_class_overview(class_log, *, metric: str = "completed", as_of=None) -> str:
    """Alt text for :func:`plot_class_overview`: range, median and the extremes."""
    label = CLASS_METRICS.get(metric, metric)
    log = getattr(class_log, "log", class_log)
    if len(log) == 0:
        return f"{label} by student: no interviews yet."
    table = metrics.by_student(class_log, as_of=as_of)
    values = table.set_index("student")[metric].astype(float).dropna()
    students = len(table)
    if values.empty:
        return f"{label} by student: nothing to compare yet for {students} students."
    fmt = _percent if metric in metrics.RATE_KEYS else (lambda v: f"{v:g}")
    return (
        f"Bar chart of {label.lower()} for {_plural(students, 'student')}: median "
        f"{fmt(values.median())}, highest {fmt(values.max())} ({values.idxmax()}), lowest "
        f"{fmt(values.min())} ({values.idxmin()})."
    )


# ------------------------------------------------------------------ LinkedIn growth


def _connection_dates(connections: pd.DataFrame) -> pd.Series:
    if "connected_on" not in connections.columns:
        raise ValueError("connections need a 'connected_on' column "
                         "(see infoview_lib.read_linkedin_connections)")
    return pd.to_datetime(connections["connected_on"], errors="coerce").dropna().sort_values()


def plot_connections_growth(connections: pd.DataFrame, *, ax: Axes | None = None,
                            **kwargs) -> Axes:
    """Cumulative LinkedIn connections over time.

    Parameters
    ----------
    connections : pandas.DataFrame
        From :func:`infoview_lib.read_linkedin_connections` (``connected_on`` dates).
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.step``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    title = "LinkedIn connections over time"
    dates = _connection_dates(connections)
    if dates.empty:
        return _empty(ax, title, "No connections yet")
    total = np.arange(1, len(dates) + 1)
    options = {"color": OKABE_ITO["blue"], "linewidth": 3, "where": "post",
               "label": "Connections (total)"}
    options.update(kwargs)
    ax.step(dates.to_numpy(), total, **options)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, len(dates) * 1.08)
    ax.grid(axis="y", color="#dddddd")
    return _style(ax, title, "Date connected", "Connections")


def describe_connections_growth(connections: pd.DataFrame) -> str:
    """Alt text for :func:`plot_connections_growth`."""
    dates = _connection_dates(connections)
    if dates.empty:
        return "LinkedIn connections chart: no connections yet."
    last_year = dates[dates > dates.max() - pd.Timedelta(days=365)]
    return (
        f"Line chart of LinkedIn connections: {_plural(len(dates), 'connection')} made "
        f"between {_day_range(dates.min(), dates.max())}; {len(last_year)} in the last "
        "12 months of that span."
    )


# -------------------------------------------------------------- registry and output

CHARTS: dict[str, tuple[Callable, Callable]] = {
    "network_growth": (plot_network_growth, describe_network_growth),
    "follow_up": (plot_follow_up, describe_follow_up),
    "thank_you_delay": (plot_thank_you_delay, describe_thank_you_delay),
    "response": (plot_response, describe_response),
    "durations": (plot_durations, describe_durations),
    "modes": (plot_modes, describe_modes),
    "referral_tree": (plot_referral_tree, describe_referral_tree),
    "class_overview": (plot_class_overview, describe_class_overview),
    "connections_growth": (plot_connections_growth, describe_connections_growth),
}
"""Chart name → ``(plot function, describe function)``."""


def alt_text(kind: str, data, **kwargs) -> str:
    """Alt text for the chart ``kind`` of ``data`` (see :data:`CHARTS`).

    ``alt_text("network_growth", log)`` is ``describe_network_growth(log)``.
    """
    if kind not in CHARTS:
        raise ValueError(f"unknown chart {kind!r}; choose one of {', '.join(CHARTS)}")
    return CHARTS[kind][1](data, **kwargs)


def _figure(ax_or_fig) -> Figure:
    if isinstance(ax_or_fig, Figure):
        return ax_or_fig
    if isinstance(ax_or_fig, Axes):
        return ax_or_fig.figure
    raise TypeError(f"expected a matplotlib Axes or Figure, got {type(ax_or_fig).__name__}")


def fig_to_data_uri(fig, *, dpi: int = 100) -> str:
    """A figure (or an Axes' figure) as a ``data:image/png;base64,...`` URI."""
    buffer = io.BytesIO()
    _figure(fig).savefig(buffer, format="png", dpi=dpi, bbox_inches="tight",
                         facecolor="white")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def img_tag(ax_or_fig, alt: str, *, close: bool = True, dpi: int = 100,
            css_class: str | None = "chart") -> str:
    """An ``<img>`` element with the chart as a base64 PNG and ``alt`` escaped.

    Parameters
    ----------
    ax_or_fig : matplotlib.axes.Axes or matplotlib.figure.Figure
    alt : str
        What the chart shows, with its numbers (``describe_*``); must not be empty.
    close : bool, default True
        Close the figure afterwards, so a notebook does not also show it as a
        plain image without alt text.
    dpi : int, default 100
    css_class : str or None, default "chart"

    Returns
    -------
    str
    """
    if not alt or not str(alt).strip():
        raise ValueError("a chart needs alt text that says what it shows")
    fig = _figure(ax_or_fig)
    uri = fig_to_data_uri(fig, dpi=dpi)
    if close:
        plt.close(fig)
    klass = f' class="{html.escape(css_class, quote=True)}"' if css_class else ""
    return (f'<img src="{uri}" alt="{html.escape(str(alt), quote=True)}"{klass} '
            'style="max-width:100%;height:auto">')
