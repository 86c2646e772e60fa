"""The dashboard's filters as pure functions: date range, sources, modes.

:class:`~infoview_lib.widgets.GrowthDashboard` only reads its controls and calls
:func:`filter_log`; everything it shows is computed from the filtered log.

Which date a row is filtered on
    A row's **activity date** is its ``interview_date`` when it has one, else its
    ``outreach_date`` (a request waiting for a reply is placed on the day it was
    sent). A row with neither (a contact still only ``planned``) has no place on a
    time line: it is kept while the range is open on both ends and left out as soon
    as a start or an end is set.

Missing sources and modes
    Most rows have no ``mode`` until the interview is held. :data:`NOT_RECORDED`
    stands for "no value" in the ``sources`` and ``modes`` choices, so a filter can
    keep or drop those rows explicitly. ``None`` means "no filter" (every row).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import metrics, schema

__all__ = [
    "NOT_RECORDED",
    "FilterChoices",
    "activity_date",
    "filter_choices",
    "filter_log",
    "due_in_view",
    "describe_filters",
    "choice_label",
]

NOT_RECORDED = "not_recorded"
"""The choice that stands for an empty ``source`` or ``mode`` cell."""

_LABELS = {NOT_RECORDED: "Not recorded", "in_person": "In person", "friend_family":
           "Friends and family", "linkedin": "LinkedIn", "cold": "Cold outreach"}


def _date_text(value) -> str:
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%b %Y}"


def choice_label(value: str) -> str:
    """How a source or mode value is shown: ``in_person`` → ``In person``."""
    return _LABELS.get(value, value.replace("_", " ").capitalize())


@dataclass(frozen=True)
class FilterChoices:
    """What a log offers to filter on.

    Attributes
    ----------
    start, end : pandas.Timestamp or None
        The first and last activity date (None for a log with no dates).
    sources, modes : tuple of str
        The values present, in the schema's order, with :data:`NOT_RECORDED` last
        when some rows have no value.
    """

    start: pd.Timestamp | None
    end: pd.Timestamp | None
    sources: tuple[str, ...]
    modes: tuple[str, ...]


def activity_date(log: pd.DataFrame) -> pd.Series:
    """Each row's activity date: ``interview_date``, else ``outreach_date`` (day precision)."""
    def column(name: str) -> pd.Series:
        if name in log.columns:
            return pd.to_datetime(log[name], errors="coerce").dt.normalize()
        return pd.Series(pd.NaT, index=log.index, dtype="datetime64[ns]")

    return column("interview_date").fillna(column("outreach_date"))


def _values(log: pd.DataFrame, name: str, order: Iterable[str]) -> tuple[str, ...]:
    if name not in log.columns:
        return (NOT_RECORDED,) if len(log) else ()
    present = set(log[name].dropna().astype(str))
    out = [v for v in order if v in present]
    if log[name].isna().any():
        out.append(NOT_RECORDED)
    return tuple(out)


def filter_choices(log: pd.DataFrame) -> FilterChoices:
    """The date extent, sources and modes present in ``log``.

    Examples
    --------
    >>> import infoview_lib as iv
    >>> choices = filter_choices(iv.load_log(iv.sample_log_path()))
    >>> choices.modes
    ('in_person', 'phone', 'video', 'not_recorded')
    """
    dates = activity_date(log).dropna()
    return FilterChoices(
        start=dates.min() if len(dates) else None,
        end=dates.max() if len(dates) else None,
        sources=_values(log, "source", schema.SOURCES),
        modes=_values(log, "mode", schema.MODES),
    )


def _keep_values(log: pd.DataFrame, name: str, chosen: Iterable[str] | None) -> np.ndarray:
    if chosen is None:
        return np.ones(len(log), dtype=bool)
    chosen = set(chosen)
    if name not in log.columns:
        return np.full(len(log), NOT_RECORDED in chosen)
    values = log[name].astype("string")
    keep = values.isin([c for c in chosen if c != NOT_RECORDED]).fillna(False)
    if NOT_RECORDED in chosen:
        keep |= values.isna()
    return keep.to_numpy(dtype=bool)


def filter_log(log: pd.DataFrame, start=None, end=None, sources: Iterable[str] | None = None,
               modes: Iterable[str] | None = None) -> pd.DataFrame:
    """The rows of ``log`` inside a date range, from some sources, in some modes.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    start, end : date-like, optional
        The first and last day to keep (inclusive), compared with each row's
        :func:`activity_date`. None leaves that end open. Rows with no date are
        kept only when both ends are open.
    sources, modes : iterable of str, optional
        The ``source`` / ``mode`` values to keep; :data:`NOT_RECORDED` keeps rows
        with no value. None keeps every row; an empty list keeps none.

    Returns
    -------
    pandas.DataFrame
        The kept rows, in their order, with their original index and dtypes.

    Raises
    ------
    ValueError
        If ``start`` is after ``end``, or a date is not a date.
    """
    keep = np.ones(len(log), dtype=bool)
    if start is not None or end is not None:
        when = activity_date(log)
        first = metrics.as_day(start) if start is not None else None
        last = metrics.as_day(end) if end is not None else None
        if first is not None and last is not None and first > last:
            raise ValueError(f"The start ({_date_text(first)}) is after the end "
                             f"({_date_text(last)}).")
        inside = when.notna()
        if first is not None:
            inside &= when >= first
        if last is not None:
            inside &= when <= last
        keep &= inside.to_numpy(dtype=bool)
    keep &= _keep_values(log, "source", sources)
    keep &= _keep_values(log, "mode", modes)
    return log[keep]


def due_in_view(log: pd.DataFrame, view: pd.DataFrame, today=None) -> pd.DataFrame:
    """The follow-ups due on ``today`` for the contacts shown in ``view``.

    The 3B7 routine looks at the whole log (a colleague approached at the same
    organization cancels a "second contact" even if a filter hides that row), so
    the due list is computed on ``log`` and then narrowed to the people in
    ``view``.

    Returns
    -------
    pandas.DataFrame
        As :func:`infoview_lib.metrics.due_followups`.
    """
    due = metrics.due_followups(log, today)
    if len(view) == len(log):
        return due
    shown = set(metrics.person_key(view["contact"]).dropna()) if "contact" in view else set()
    keep = metrics.person_key(due["contact"]).isin(shown).fillna(False).to_numpy(dtype=bool)
    return due[keep].reset_index(drop=True)


def _list(values: Iterable[str] | None, every: tuple[str, ...], noun: str) -> str:
    if values is None or set(values) >= set(every):
        return f"all {noun}"
    values = [v for v in every if v in set(values)]
    if not values:
        return f"no {noun}"
    return f"{noun}: " + ", ".join(choice_label(v).lower() for v in values)


def describe_filters(log: pd.DataFrame, view: pd.DataFrame, start=None, end=None,
                     sources: Iterable[str] | None = None,
                     modes: Iterable[str] | None = None) -> str:
    """One sentence saying what the filtered view shows.

    Examples
    --------
    ``"Showing 12 of 40 rows: 3 Feb 2025 to 28 Mar 2025; sources: alumni, referral;
    all modes."``
    """
    choices = filter_choices(log)
    if start is None and end is None:
        span = "all dates"
    else:
        first = _date_text(start) if start is not None else "the start"
        last = _date_text(end) if end is not None else "the end"
        span = f"{first} to {last}"
    return (f"Showing {len(view)} of {len(log)} rows: {span}; "
            f"{_list(sources, choices.sources, 'sources')}; "
            f"{_list(modes, choices.modes, 'modes')}.")
