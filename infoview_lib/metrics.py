"""Pure pandas metrics over a loaded interview log.

Every function takes a log as :func:`infoview_lib.io.load_log` returns it (the
schema's canonical dtypes). A partial frame works too: missing schema columns are
treated as empty and mistyped ones are coerced, so ``pd.DataFrame({"status": [...]})``
is enough for :func:`response_rate`.

The definitions are the ones in ``DESIGN.md`` and are followed to the letter:

* **completed** interviews are rows with ``status == "completed"``.
* Every rate is a float in [0, 1], or NaN when nothing is eligible.
* Dates are compared as calendar days: a time of day, if a source carried one, is
  ignored, so a thank-you logged as "the same day" is never negative.
* "Distinct contacts" compares names ignoring case and repeated spaces
  (see :func:`person_key`).

Everything is vectorised: no Python loop over rows. Loops run only over a handful
of unique values (category spellings) or output columns. Names are numbered once
(:func:`_person_codes`) and the work is done on those integers; statuses on their
category codes. The one place that must create Python objects per item is the
networkx graph of :func:`referral_graph`, and it fills its dicts in bulk. Costs
grow about linearly with the rows (hashing, counting, and one sort of the due
list); nothing is quadratic.

The 3B7 routine in :func:`due_followups` (Dalton, *The 2-Hour Job Search*) is
counted in business days (Monday to Friday) with :func:`numpy.busday_count`:

* a ``requested`` outreach sent on day *d* becomes ``second_contact`` on the 3rd
  business day after *d* (``busday_count(d, today) >= 3``; sent Monday → due
  Thursday; sent on a weekend → counted from Monday) and ``follow_up`` on the 7th;
* at 7 business days **both** rows appear: they are two different actions towards
  two different people. ``second_contact`` disappears once the log shows another
  person at the same organization approached on or after that outreach date;
  ``follow_up`` disappears once the row has a ``follow_up_date`` after the outreach;
* a completed interview with no ``thank_you_date`` is ``thank_you`` from the day
  after the interview.
"""

from __future__ import annotations

import gc
import operator
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from . import schema

if TYPE_CHECKING:  # pragma: no cover
    import networkx

__all__ = [
    "ACTIONS",
    "SUMMARY_LABELS",
    "thank_you_rate",
    "follow_up_rate",
    "response_rate",
    "duration_on_target",
    "network_growth",
    "referral_graph",
    "referral_edges",
    "due_followups",
    "summary",
    "mode_mix",
    "source_mix",
    "by_student",
    "person_key",
    "as_day",
    "format_day",
]

ACTIONS = ("second_contact", "follow_up", "thank_you")
"""The action codes of :func:`due_followups`, in the order of the 3B7 routine."""

SECOND_CONTACT_BUSINESS_DAYS = 3
FOLLOW_UP_BUSINESS_DAYS = 7
THANK_YOU_AFTER_DAYS = 1

OUTREACH_STATUSES = ("requested", "scheduled", "completed", "declined", "no_reply")
ANSWERED_STATUSES = ("scheduled", "completed", "declined", "no_reply")
POSITIVE_STATUSES = ("scheduled", "completed")

DUE_COLUMNS = ("contact", "organization", "action", "due_since", "message")
DUE_INPUT = ("contact", "organization", "status", "outreach_date", "interview_date",
             "thank_you_date", "follow_up_date")
GROWTH_COLUMNS = ("interviews", "network_size", "referrals")
HEADLINE_INPUT = (*DUE_INPUT, "duration_min", "referrals")

SUMMARY_LABELS = {
    "contacts": "People in the log",
    "outreach": "Outreach sent",
    "completed": "Interviews completed",
    "scheduled": "Interviews scheduled",
    "response_rate": "Response rate",
    "thank_you_rate": "Thank-you within 24 hours",
    "follow_up_rate": "Follow-up within 30 days",
    "duration_on_target": "Interviews of 20-40 minutes",
    "network_size": "Network size (people interviewed)",
    "referrals": "Referrals received",
    "due": "Follow-ups due",
}
"""Display labels for the headline numbers of :func:`summary`, in display order."""

RATE_KEYS = ("response_rate", "thank_you_rate", "follow_up_rate", "duration_on_target")
BY_STUDENT_COLUMNS = ("student", *SUMMARY_LABELS)


# --------------------------------------------------------------------------- helpers


def as_day(value: object = None) -> pd.Timestamp:
    """Return ``value`` as a midnight :class:`pandas.Timestamp`; ``None`` means today.

    Parameters
    ----------
    value : str, datetime.date, datetime.datetime, numpy.datetime64, pandas.Timestamp or None
        A day such as ``"2025-04-15"``.

    Raises
    ------
    ValueError
        If ``value`` is not a recognisable date.
    """
    if value is None:
        return pd.Timestamp.today().normalize()
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-04-15") from exc
    if stamp is pd.NaT or pd.isna(stamp):
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-04-15")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.normalize()


def format_day(value) -> str:
    """A day as people write it: ``3 Feb 2025``."""
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%b %Y}"


_ODD_SPACES = "[\t\n\r\f\v\u00a0]|  "  # real characters, not regex escapes
# an explicit class, not \s: pandas then runs the regex in pyarrow
_SPACE_RUN = "[ \t\n\r\f\v\u00a0]+"


def person_key(names: pd.Series) -> pd.Series:
    """A matching key for people's names: trimmed, single-spaced, lower case.

    ``"Ana  Ruiz "`` and ``"ana ruiz"`` get the same key; an empty name gets ``<NA>``.
    Used wherever the kit asks "is this the same person?" (distinct contacts,
    referral edges, pseudonyms).
    """
    key = names.astype("string").str.strip().str.lower()
    # collapse runs of white space, only in the few names that have them (finding
    # them is three times faster than replacing in every name)
    odd = key.str.contains(_ODD_SPACES, regex=True, na=False)
    if odd.any():
        key[odd] = key[odd].str.replace(_SPACE_RUN, " ", regex=True)
    return key.mask(key == "")


def _odd_spellings(spellings: pd.Series) -> np.ndarray:
    """Which of these trimmed names (no ``<NA>``) are empty or hold white space that
    :func:`person_key` changes: ``str.contains(_ODD_SPACES) | (spellings == "")``.

    For pyarrow-backed strings the UTF-8 bytes are read directly, several times
    faster than the regex: tab, newline, vertical tab, form feed and carriage
    return are the bytes 9-13, a no-break space the pair C2 A0, and a double
    space the pair 20 20 (no pair can span two names: a trimmed name neither
    starts nor ends with white space, and UTF-8 never starts a character with A0).
    """
    import pyarrow as pa

    arrow = None
    if getattr(spellings.dtype, "storage", None) == "pyarrow":
        arrow = pa.array(spellings.array)
        if isinstance(arrow, pa.ChunkedArray):
            arrow = arrow.combine_chunks()
    if arrow is None or arrow.null_count or not (
        pa.types.is_string(arrow.type) or pa.types.is_large_string(arrow.type)
    ):
        return (spellings.str.contains(_ODD_SPACES, regex=True, na=False)
                | (spellings == "")).to_numpy(dtype=bool)
    width = np.int64 if pa.types.is_large_string(arrow.type) else np.int32
    offsets = np.frombuffer(arrow.buffers()[1], dtype=width)
    offsets = offsets[arrow.offset:arrow.offset + len(arrow) + 1].astype(np.int64)
    odd = np.diff(offsets) == 0  # empty
    data = arrow.buffers()[2]
    if data is None or offsets[-1] == offsets[0]:
        return odd
    text = np.frombuffer(data, dtype=np.uint8)[offsets[0]:offsets[-1]]
    control = np.flatnonzero(text < 14)  # rare: keep 9-13
    space = text == 0x20
    nbsp = np.flatnonzero(text[1:] == 0xA0) + 1  # rare: keep those after C2
    where = np.concatenate([
        control[text[control] >= 9],
        np.flatnonzero(space[1:] & space[:-1]) + 1,
        nbsp[text[nbsp - 1] == 0xC2],
    ]) + offsets[0]
    odd[np.searchsorted(offsets, where, side="right") - 1] = True
    return odd


def _person_codes(names: pd.Series, repeated: bool = False) -> np.ndarray:
    """``pd.factorize(person_key(names))[0]``, computed faster.

    One integer per distinct :func:`person_key`, numbered in order of first
    appearance; ``-1`` for no name. Only the cheap steps of the key (trim, lower
    case) run on every name; white space inside names and empty names are handled
    on the distinct spellings, whose numbers are then merged and mapped back.
    ``repeated`` says that the values repeat a lot (organizations): then even trim
    and lower case run on the distinct values only. The result is the same.
    """
    if repeated:
        codes, values = pd.factorize(names.astype("string"))
        recode = _person_codes(pd.Series(values, dtype="string"))
        return np.append(recode, -1)[codes]
    codes, spellings = pd.factorize(names.astype("string").str.strip().str.lower())
    spellings = pd.Series(spellings, dtype="string")
    odd = _odd_spellings(spellings)
    if not odd.any():  # the usual case: every spelling is its own key
        return codes
    # the key of each odd spelling (<NA> for an empty one), and the plain spellings
    # that equal one of those keys: only these spellings can merge
    keys = spellings.copy()
    keys[odd] = spellings[odd].str.replace(_SPACE_RUN, " ", regex=True)
    keys = keys.mask(keys == "")
    merging = odd | spellings.isin(keys[odd].dropna()).to_numpy(dtype=bool)
    merging = np.flatnonzero(merging)
    group, _ = pd.factorize(keys.take(merging))
    # every spelling points at the first spelling of its key (-1: no key) ...
    leader = np.arange(len(spellings), dtype=np.int64)
    known = group >= 0
    head = np.full(group.max() + 1 if known.any() else 0, len(spellings), dtype=np.int64)
    np.minimum.at(head, group[known], merging[known])
    leader[merging[known]] = head[group[known]]
    leader[merging[~known]] = -1
    # ... and keys are numbered in the order of their first spellings
    number = np.cumsum(leader == np.arange(len(spellings))) - 1
    recode = np.where(leader >= 0, number[np.maximum(leader, 0)], -1)
    return np.append(recode, -1)[codes]


def _coerce(series: pd.Series, column: schema.Column) -> pd.Series:
    """Bring one column to the schema's dtype (a no-op for a loaded log)."""
    target = column.dtype
    if series.dtype == target:
        return series
    if column.kind == "date":
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            return series.dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            return series
        return pd.to_datetime(series, errors="coerce", format="mixed")
    if column.kind == "int":
        return pd.to_numeric(series, errors="coerce")
    if column.kind == "category":
        codes, uniques = pd.factorize(series)
        # a loop over the few distinct spellings, not over rows
        mapped = np.array(
            [schema.normalize_category(column.name, u) for u in uniques] + [None],
            dtype=object,
        )
        return pd.Series(
            pd.Categorical(mapped[codes], dtype=target), index=series.index, name=series.name
        )
    return series.astype(target)


def _midnight(dates: pd.Series) -> pd.Series:
    """``dates.dt.normalize()``, skipped when every date is at midnight already
    (checking is cheaper than normalizing, and a loaded log has bare dates)."""
    if dates.dtype.kind == "M":
        ticks = dates.to_numpy().view("int64")
        per_day = np.timedelta64(1, "D") // np.timedelta64(1, np.datetime_data(dates.dtype)[0])
        if ((ticks % per_day == 0) | (ticks == np.iinfo(np.int64).min)).all():  # or NaT
            return dates
    return dates.dt.normalize()


def _frame(log: pd.DataFrame, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The schema columns a metric needs, coerced, on a fresh 0..n-1 index.

    Columns the log lacks are all-missing; extra columns are left out. Dates are
    cut to the day (a time of day, if a source carried one, is dropped).
    """
    if not isinstance(log, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame (a loaded log), got {type(log).__name__}")
    names = columns or schema.COLUMN_NAMES
    data = {}
    for name in names:
        column = schema.BY_NAME[name]
        if name in log.columns:
            data[name] = _coerce(log[name], column).reset_index(drop=True)
            if column.kind == "date":  # every metric compares calendar days
                data[name] = _midnight(data[name])
        else:
            data[name] = pd.Series(index=pd.RangeIndex(len(log)), dtype=column.dtype, name=name)
    return pd.DataFrame(data, index=pd.RangeIndex(len(log)))


def _is(status: pd.Series, *values: str) -> np.ndarray:
    """Rows whose status is one of ``values`` (``status`` as :func:`_frame` gives it:
    a categorical; compared through its integer codes)."""
    codes = status.cat.codes.to_numpy()
    result = np.zeros(len(codes), dtype=bool)
    for code in status.cat.categories.get_indexer(list(values)):
        if code >= 0:
            result |= codes == code
    return result


def _rate(ok, eligible) -> float:
    total = int(np.count_nonzero(eligible))
    if total == 0:
        return float("nan")
    return int(np.count_nonzero(ok)) / total


def _student_column(log: pd.DataFrame) -> pd.Series | None:
    if "student" in log.columns:
        return log["student"].astype("string").reset_index(drop=True)
    return None


def _student_groups(student: pd.Series | None) -> np.ndarray | None:
    """One number per student (a missing name is one more student), or None."""
    if student is None:
        return None
    return pd.factorize(student.fillna(""))[0]


# ------------------------------------------------------------ per-row indicator parts


def _ns(value: pd.Timestamp | pd.Timedelta):
    """A Timestamp/Timedelta in nanoseconds, or None (NaT, or out of that range)."""
    try:
        return None if value is pd.NaT else value.as_unit("ns")
    except (OverflowError, ValueError):
        return None


def _in_ns(*series: pd.Series) -> bool:
    """Whether these dates/durations are stored in nanoseconds (a loaded log's are):
    then numpy compares them exactly as pandas would (NaT compares false in both),
    several times faster. Anything else is left to pandas."""
    return all(values.dtype in (np.dtype("M8[ns]"), np.dtype("m8[ns]")) for values in series)


def _thank_you_parts(df: pd.DataFrame, within_days: float):
    done = _is(df["status"], "completed")
    delay = df["thank_you_date"] - df["interview_date"]
    limit = pd.Timedelta(days=within_days)
    if _in_ns(delay) and _ns(limit) is not None:
        values = delay.to_numpy()
        on_time = (values >= np.timedelta64(0, "ns")) & (values <= _ns(limit).to_timedelta64())
    else:
        on_time = ((delay >= pd.Timedelta(0)) & (delay <= limit)).to_numpy(dtype=bool)
    return done, done & on_time


def _follow_up_parts(df: pd.DataFrame, within_days: float, as_of: pd.Timestamp):
    done = _is(df["status"], "completed")
    interview = df["interview_date"]
    deadline = interview + pd.Timedelta(days=within_days)
    follow_up = df["follow_up_date"]
    if _in_ns(interview, deadline, follow_up) and _ns(as_of) is not None:
        interview, deadline = interview.to_numpy(), deadline.to_numpy()
        follow_up = follow_up.to_numpy()
        eligible = done & (deadline <= _ns(as_of).to_datetime64())
        in_window = (follow_up > interview) & (follow_up <= deadline)
    else:
        eligible = done & (deadline <= as_of).to_numpy(dtype=bool)
        in_window = ((follow_up > interview) & (follow_up <= deadline)).to_numpy(dtype=bool)
    return eligible, eligible & in_window


def _response_parts(df: pd.DataFrame):
    answered = _is(df["status"], *ANSWERED_STATUSES)
    return answered, _is(df["status"], *POSITIVE_STATUSES)


def _duration_parts(df: pd.DataFrame, low: float, high: float):
    minutes = df["duration_min"].to_numpy(dtype="float64", na_value=np.nan)
    eligible = _is(df["status"], "completed") & ~np.isnan(minutes)
    with np.errstate(invalid="ignore"):
        ok = eligible & (minutes >= low) & (minutes <= high)
    return eligible, ok


# ------------------------------------------------------------------------ the rates


def thank_you_rate(log: pd.DataFrame, within_days: float = 1) -> float:
    """Share of completed interviews thanked within ``within_days`` days.

    Of completed interviews, the share whose ``thank_you_date - interview_date`` is
    between 0 and ``within_days`` days inclusive (compared as calendar days).

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    within_days : float, default 1
        The deadline in days; 1 is "within 24 hours".

    Returns
    -------
    float
        In [0, 1], or NaN when the log has no completed interview.
    """
    df = _frame(log, ("status", "interview_date", "thank_you_date"))
    eligible, ok = _thank_you_parts(df, within_days)
    return _rate(ok, eligible)


def follow_up_rate(log: pd.DataFrame, within_days: float = 30, as_of: object = None) -> float:
    """Share of interviews followed up within ``within_days`` days.

    Of completed interviews with ``interview_date + within_days <= as_of``, the
    share with a ``follow_up_date`` after the interview and no later than
    ``interview_date + within_days``.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    within_days : float, default 30
        The follow-up window in days.
    as_of : date-like, optional
        The day the rate is computed on; defaults to today. Interviews whose window
        has not closed yet are not counted.

    Returns
    -------
    float
        In [0, 1], or NaN when no interview's window has closed.
    """
    df = _frame(log, ("status", "interview_date", "follow_up_date"))
    eligible, ok = _follow_up_parts(df, within_days, as_day(as_of))
    return _rate(ok, eligible)


def response_rate(log: pd.DataFrame) -> float:
    """Share of answered outreach that led to an interview.

    ``(scheduled + completed) / (scheduled + completed + declined + no_reply)``;
    ``planned`` and ``requested`` rows are still open and not counted.

    Returns
    -------
    float
        In [0, 1], or NaN when no outreach has an outcome yet.
    """
    df = _frame(log, ("status",))
    eligible, ok = _response_parts(df)
    return _rate(ok, eligible)


def duration_on_target(log: pd.DataFrame, low: float = 20, high: float = 40) -> float:
    """Share of completed interviews that lasted ``low``-``high`` minutes (inclusive).

    Only completed interviews with a ``duration_min`` count.

    Returns
    -------
    float
        In [0, 1], or NaN when no completed interview has a duration.
    """
    df = _frame(log, ("status", "duration_min"))
    eligible, ok = _duration_parts(df, low, high)
    return _rate(ok, eligible)


# --------------------------------------------------------------------- growth, graph


def _empty_growth() -> pd.DataFrame:
    index = pd.DatetimeIndex([], name="period", dtype="datetime64[ns]")
    return pd.DataFrame({c: pd.Series([], dtype="int64") for c in GROWTH_COLUMNS}, index=index)


def network_growth(log: pd.DataFrame, freq: str = "W") -> pd.DataFrame:
    """Network growth per period, from the first to the last completed interview.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    freq : str, default "W"
        A pandas period frequency: ``"D"``, ``"W"`` (weeks ending Sunday), ``"M"``,
        ``"Q"`` or ``"Y"``.

    Returns
    -------
    pandas.DataFrame
        One row per period (no gaps), indexed by the period's last day (index name
        ``period``), with integer columns

        ``interviews``
            completed interviews held in the period;
        ``network_size``
            distinct contacts with a completed interview up to the period's end;
        ``referrals``
            cumulative sum of ``referrals`` over those interviews (missing = 0).

        Empty when there is no completed interview with a date.
    """
    df = _frame(log, ("contact", "status", "interview_date", "referrals"))
    held = np.flatnonzero(_is(df["status"], "completed") & df["interview_date"].notna().to_numpy())
    if len(held) == 0:
        return _empty_growth()
    # the period of each interview, found once per distinct day and mapped back
    day, days = pd.factorize(df["interview_date"].to_numpy()[held])
    periods = pd.DatetimeIndex(days).to_period(freq)
    period = periods.asi8[day]  # ordinals: integers that grow with the date
    first, last = period.min(), period.max()
    full = pd.period_range(
        pd.Period(ordinal=first, freq=periods.freq), pd.Period(ordinal=last, freq=periods.freq)
    )
    # each ordinal's row of the table; with a multiple frequency ("2W") a period
    # that does not start on the range's steps has none and is not counted
    place = np.full(int(last - first) + 1, -1, dtype=np.int64)
    place[full.asi8 - first] = np.arange(len(full))
    size = len(full)

    def per_period(ordinals: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        slot = place[ordinals - first]
        kept = slot >= 0
        weights = None if weights is None else weights[kept]
        return np.bincount(slot[kept], weights=weights, minlength=size)

    interviews = per_period(period)
    referrals = df["referrals"].to_numpy(dtype="float64", na_value=0.0)[held]
    referrals = per_period(period, referrals).astype("int64").cumsum()
    # a person joins the network in the period of their first interview
    who = _person_codes(df["contact"].take(held))
    named = who >= 0
    joined = np.full(who.max() + 1 if named.any() else 0, last, dtype=np.int64)  # all set
    np.minimum.at(joined, who[named], period[named])
    network = per_period(joined).cumsum()
    index = pd.DatetimeIndex(full.end_time.normalize(), name="period").astype("datetime64[ns]")
    return pd.DataFrame(
        {
            "interviews": interviews.astype("int64"),
            "network_size": network.astype("int64"),
            "referrals": referrals,
        },
        index=index,
    )


class _Referrals(NamedTuple):
    """The referral graph as arrays: node ``names`` (contacts of the log in order of
    first appearance, then referrers outside the log in order of first appearance
    as referrers), their ``organization`` (string, ``<NA>`` if none), ``status``
    (categorical) and ``in_log``, and the distinct introductions as positions in
    ``names``, in order of first appearance."""

    names: pd.Series
    organization: pd.Series
    status: pd.Categorical
    in_log: np.ndarray
    source: np.ndarray
    target: np.ndarray


def _last_row(codes: np.ndarray, present: np.ndarray, size: int) -> np.ndarray:
    """For each code ``0..size-1``, the last row where it has a ``present`` value
    (``-1`` if none)."""
    chosen = np.flatnonzero(present & (codes >= 0))
    last = np.full(size, -1, dtype=np.int64)
    np.maximum.at(last, codes[chosen], chosen)
    return last


def _referrals(log: pd.DataFrame) -> _Referrals:
    """The referral graph's nodes and edges, built without a row loop."""
    df = _frame(log, ("contact", "organization", "status", "referred_by"))
    rows = len(df)
    introduced = df["referred_by"].notna().to_numpy()
    # one integer per person, shared by the contact and referred_by columns: the
    # contacts are numbered first, in order of first appearance
    codes = _person_codes(
        pd.concat([df["contact"], df["referred_by"][introduced]], ignore_index=True)
    )
    contact = codes[:rows].astype(np.int64)
    referrer = np.full(rows, -1, dtype=np.int64)
    referrer[introduced] = codes[rows:]
    span = np.int64(codes.max() + 1 if len(codes) else 1)
    has_edge = (contact >= 0) & (referrer >= 0) & (contact != referrer)
    pairs = pd.unique(referrer[has_edge] * span + contact[has_edge])  # distinct, in order
    if len(pairs) == 0:
        empty = pd.Series([], dtype="string")
        return _Referrals(empty, empty, pd.Categorical([], dtype=df["status"].dtype),
                          np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int64),
                          np.zeros(0, dtype=np.int64))
    source, target = pairs // span, pairs % span
    involved = np.zeros(span, dtype=bool)
    involved[source] = True
    involved[target] = True
    in_log = np.zeros(span, dtype=bool)
    in_log[contact[contact >= 0]] = True
    people = np.flatnonzero(involved & in_log)  # contact numbers: order of first appearance
    outsiders = np.flatnonzero(involved & ~in_log)

    # a contact is named as first spelt, and has the last organization and status given
    first = np.full(span, rows, dtype=np.int64)
    named = np.flatnonzero(contact >= 0)
    np.minimum.at(first, contact[named], named)
    organization = df["organization"].array.take(
        _last_row(contact, df["organization"].notna().to_numpy(), span)[people], allow_fill=True
    )
    status_codes = df["status"].cat.codes.to_numpy()
    last_status = _last_row(contact, status_codes >= 0, span)[people]
    status = np.where(last_status >= 0, status_codes[last_status], -1)
    # a referrer outside the log is named as first spelt in a row that introduces someone
    outside = np.flatnonzero(has_edge)
    outside = outside[~in_log[referrer[outside]]]
    first_outside = np.full(span, rows, dtype=np.int64)
    np.minimum.at(first_outside, referrer[outside], outside)
    names = pd.concat(
        [
            df["contact"].take(first[people]),
            df["referred_by"].take(first_outside[outsiders]),
        ],
        ignore_index=True,
    ).str.strip()
    missing = pd.Series(pd.NA, index=range(len(outsiders)), dtype="string")
    position = np.full(span, -1, dtype=np.int64)
    position[people] = np.arange(len(people))
    position[outsiders] = len(people) + np.arange(len(outsiders))
    return _Referrals(
        names=names,
        organization=pd.concat(
            [pd.Series(organization, dtype="string"), missing], ignore_index=True
        ),
        status=pd.Categorical.from_codes(
            np.concatenate([status, np.full(len(outsiders), -1)]), dtype=df["status"].dtype
        ),
        in_log=np.arange(len(names)) < len(people),
        source=position[source],
        target=position[target],
    )


def referral_edges(log: pd.DataFrame) -> pd.DataFrame:
    """The introductions of the log as a table (the edges of :func:`referral_graph`).

    Returns
    -------
    pandas.DataFrame
        One row per distinct introduction, in the order of the rows that first make
        it, with string columns ``referred_by`` (the introducer) and ``contact``
        (the person introduced), named as :func:`referral_graph` names its nodes.
    """
    parts = _referrals(log)
    return pd.DataFrame(
        {
            "referred_by": parts.names.array.take(parts.source),
            "contact": parts.names.array.take(parts.target),
        }
    )


def _digraph(
    names: list, attributes: list[dict], source: np.ndarray, target: np.ndarray
) -> networkx.DiGraph:
    """``G.add_nodes_from(zip(names, attributes))`` then ``G.add_edges_from`` of the
    edges ``names[source[i]] → names[target[i]]``, several times faster.

    networkx keeps a DiGraph as three dicts: ``_node`` (name → attribute dict),
    ``_succ`` (which is ``_adj``) and ``_pred`` (name → {neighbour: the edge's
    attribute dict}, one dict object shared by both directions of an edge).
    ``add_nodes_from``/``add_edges_from`` fill them item by item in Python, with
    checks (about 2 s for 300,000 nodes and 200,000 edges); here they are filled in
    bulk, the loops running in C (``map``). ``names`` must be distinct (checked);
    every edge joins two of them. The result equals the plain construction, in the
    same iteration order (nodes, and each node's neighbours in edge order), and is
    a plain ``networkx.DiGraph``: it can be used and changed as any other.
    """
    import networkx as nx

    graph = nx.DiGraph()
    count = len(names)
    # one adjacency dict per node and direction, one attribute dict per edge
    succ = np.fromiter(map(dict, repeat((), count)), dtype=object, count=count)
    pred = np.fromiter(map(dict, repeat((), count)), dtype=object, count=count)
    data = list(map(dict, repeat((), len(source))))
    labels = np.empty(count, dtype=object)
    labels[:] = names
    # succ[source][target] = pred[target][source] = the edge's dict, edge by edge in order
    deque(map(operator.setitem, succ[source].tolist(), labels[target].tolist(), data), maxlen=0)
    deque(map(operator.setitem, pred[target].tolist(), labels[source].tolist(), data), maxlen=0)
    graph._node.update(zip(names, attributes, strict=True))
    if len(graph._node) != count:
        raise ValueError("node names must be distinct")
    graph._succ.update(zip(names, succ.tolist(), strict=True))
    graph._pred.update(zip(names, pred.tolist(), strict=True))
    return graph


def referral_graph(log: pd.DataFrame) -> networkx.DiGraph:
    """Who introduced the student to whom, as a directed graph.

    Each row with a ``referred_by`` adds the edge ``referred_by → contact``. The
    nodes are the people who take part in at least one introduction (contacts
    nobody introduced and who introduced nobody are left out: the graph is about
    introductions, the log itself lists everyone). A node is named as the person
    is first spelt in the log and carries

    ``organization``, ``status``
        the last value the log gives for that contact (``None`` if none);
    ``in_log``
        ``True`` for a contact of the log, ``False`` for a referrer who is not one.

    Names match ignoring case and spacing (:func:`person_key`), so ``referred_by``
    ``"ana ruiz"`` points at the contact ``"Ana Ruiz"``; a row naming itself as its
    own referrer adds nothing. Nodes come in the log's order: contacts first, then
    referrers outside the log.

    The tables are built vectorised (:func:`referral_edges`) and the graph's dicts
    are filled in bulk rather than through ``add_nodes_from``/``add_edges_from``
    (the result is the same graph, as a plain ``networkx.DiGraph``). On a 2-core
    machine a 1,000,000-row log with 200,000 introductions takes about 0.7 s: a
    third numbering the names, half creating the graph's Python objects.

    Returns
    -------
    networkx.DiGraph
    """
    parts = _referrals(log)
    statuses = np.array([*parts.status.categories, None], dtype=object)  # code -1: None
    with _collector_paused():
        attributes = [
            {"organization": organization, "status": status, "in_log": in_log}
            for organization, status, in_log in zip(
                parts.organization.array.to_numpy(dtype=object, na_value=None).tolist(),
                statuses[parts.status.codes].tolist(),
                parts.in_log.tolist(),
                strict=True,
            )
        ]
        return _digraph(parts.names.tolist(), attributes, parts.source, parts.target)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a graph's objects are created.

    A large graph is a million small dicts made in one go; each batch of them would
    start a collection that walks every object the session holds (a notebook's
    whole kernel), which cost several times the build itself. Nothing built here
    is garbage, so pausing loses nothing; the collector is resumed as it was.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# ----------------------------------------------------------------------------- due


def _approached_since_by_someone_else(
    df: pd.DataFrame, group: np.ndarray | None, asking: np.ndarray,
    who: np.ndarray | None = None,
) -> np.ndarray:
    """For each row flagged in ``asking``: was another person at the same
    organization approached on or after this row's outreach date?

    ``group`` (one number per row, e.g. per student) keeps students' logs apart.
    ``who`` may pass the contact column's :func:`_person_codes`. Rows not asked
    about are ``False``.
    """
    result = np.zeros(len(df), dtype=bool)
    if not asking.any():
        return result
    org = _person_codes(df["organization"], repeated=True)
    when = df["outreach_date"].to_numpy(dtype="datetime64[ns]").view("int64")
    never, last = np.iinfo(np.int64).min, np.iinfo(np.int64).max  # NaT, and "none"
    # only organizations someone asks about matter, and there only outreach on or
    # after the earliest one asked about (an earlier one is never "since")
    asked = np.flatnonzero(asking & (org >= 0))
    earliest = np.full(org.max() + 2, last, dtype=np.int64)  # [-1]: no organization
    np.minimum.at(earliest, org[asked], when[asked])
    relevant = np.flatnonzero((org >= 0) & (when != never) & (when >= earliest[org]))
    if len(relevant) == 0:
        return result
    org = org[relevant]
    if group is not None:
        # one number per (student, organization) that someone asks about, found
        # through a table when students x organizations is small, else hashed
        places = np.cumsum(earliest[:-1] < last) - 1  # organizations asked about: 0..k-1
        size = int(places[-1]) + 1
        pair = group[relevant].astype(np.int64) * size + places[org]
        asked = pd.unique(pair[asking[relevant]])
        if (int(group.max()) + 1) * size <= 4 * len(relevant) + 1024:
            table = np.full((int(group.max()) + 1) * size, -1, dtype=np.int64)
            table[asked] = np.arange(len(asked))
            org = table[pair]
        else:
            org = pd.Index(asked).get_indexer(pair)
        relevant, org = relevant[org >= 0], org[org >= 0]
    who = _person_codes(df["contact"].take(relevant)) if who is None else who[relevant]
    keep = who >= 0
    relevant, who = relevant[keep], who[keep]
    if len(relevant) == 0:
        return result
    org, when = org[keep], when[relevant]
    # the latest outreach at each organization, and one person who got it
    top = np.full(org.max() + 1, never, dtype=np.int64)
    np.maximum.at(top, org, when)
    top_person = np.full(len(top), -1, dtype=np.int64)
    at_top = when == top[org]
    top_person[org[at_top]] = who[at_top]
    # the latest outreach there to anyone else
    other = who != top_person[org]
    runner_up = np.full(len(top), never, dtype=np.int64)
    np.maximum.at(runner_up, org[other], when[other])
    others_latest = np.where(who == top_person[org], runner_up[org], top[org])
    result[relevant] = (others_latest >= when) & asking[relevant]
    return result


def _empty_due(with_student: bool) -> pd.DataFrame:
    columns = (("student",) if with_student else ()) + DUE_COLUMNS
    dtypes = {"due_since": "datetime64[ns]"}
    return pd.DataFrame({c: pd.Series([], dtype=dtypes.get(c, "string")) for c in columns})


def _due_messages(action: str, contact: pd.Series, organization: pd.Series,
                  interview: pd.Series) -> pd.Series:
    if action == "second_contact":
        where = ("at " + organization.str.rstrip(".")).fillna("at their organization")
        return ("No reply from " + contact + " after 3 business days: contact a second person "
                + where + ".")
    if action == "follow_up":
        return ("No reply from " + contact + " after 7 business days: follow up once with "
                + contact + ".")
    codes, days = pd.factorize(interview)  # format each distinct day once
    texts = pd.array([format_day(day) for day in days] + ["(no date)"], dtype="string")
    held = pd.Series(texts.take(codes), index=interview.index)  # code -1: the last text
    return "Send your thank-you note to " + contact + " for the interview on " + held + "."


def _due_actions(
    df: pd.DataFrame, group: np.ndarray | None, day: pd.Timestamp,
    who: np.ndarray | None = None, ordered: bool = True,
):
    """The due actions as arrays ``(rows, action codes, due_since days)``, sorted
    by due day, then action (3B7 order), then log order (unsorted if not
    ``ordered``). ``group`` keeps students apart (one number per row, see
    :func:`_student_groups`); ``who`` may pass the contact column's
    :func:`_person_codes` if the caller has them already."""
    def on_or_before(dates: pd.Series, limit: pd.Timestamp) -> np.ndarray:
        if _in_ns(dates) and _ns(limit) is not None:  # numpy, as in _follow_up_parts
            return dates.to_numpy() <= _ns(limit).to_datetime64()
        return (dates <= limit).to_numpy(dtype=bool)

    outreach = df["outreach_date"]
    waiting = np.flatnonzero(_is(df["status"], "requested") & on_or_before(outreach, day))
    start = outreach.to_numpy(dtype="datetime64[ns]")[waiting].astype("datetime64[D]")
    elapsed = np.busday_count(start, np.datetime64(day.date(), "D"))
    second = elapsed >= SECOND_CONTACT_BUSINESS_DAYS
    asking = np.zeros(len(df), dtype=bool)
    asking[waiting[second]] = True
    second &= ~_approached_since_by_someone_else(df, group, asking, who)[waiting]
    followed = (df["follow_up_date"].take(waiting) > outreach.take(waiting)).to_numpy(dtype=bool)
    follow = (elapsed >= FOLLOW_UP_BUSINESS_DAYS) & ~followed

    thank_since = df["interview_date"] + pd.Timedelta(days=THANK_YOU_AFTER_DAYS)
    thank = np.flatnonzero(
        _is(df["status"], "completed")
        & df["thank_you_date"].isna().to_numpy()
        & on_or_before(thank_since, day)
    )

    rows = np.concatenate([waiting[second], waiting[follow], thank])
    action = np.repeat(np.arange(len(ACTIONS)), [second.sum(), follow.sum(), len(thank)])
    since = np.concatenate(
        [
            np.busday_offset(start[second], SECOND_CONTACT_BUSINESS_DAYS, roll="forward"),
            np.busday_offset(start[follow], FOLLOW_UP_BUSINESS_DAYS, roll="forward"),
            thank_since.to_numpy(dtype="datetime64[ns]")[thank].astype("datetime64[D]"),
        ]
    )
    if not ordered:
        return rows, action, since
    order = np.lexsort((rows, action, since))
    return rows[order], action[order], since[order]


def due_followups(log: pd.DataFrame, today: object = None) -> pd.DataFrame:
    """The follow-ups due on ``today``: the 3B7 routine plus the thank-you rule.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log. A class log (with a ``student`` column) gets a ``student``
        column first in the result, and organizations are matched within each
        student's rows.
    today : date-like, optional
        The day to check; defaults to today.

    Returns
    -------
    pandas.DataFrame
        One row per action, sorted by ``due_since`` then action, with columns
        ``contact``, ``organization``, ``action`` (``second_contact``,
        ``follow_up`` or ``thank_you``), ``due_since`` (the first day the action
        was due) and ``message`` (a sentence to act on):

        ``second_contact``
            a ``requested`` outreach with no reply for 3 business days
            (``numpy.busday_count(outreach_date, today) >= 3``), unless another
            person at the same organization has been approached since;
        ``follow_up``
            the same after 7 business days, unless the row has a
            ``follow_up_date`` after its outreach. From day 7 both rows appear;
        ``thank_you``
            a completed interview held at least 1 day before ``today`` with no
            ``thank_you_date``.
    """
    day = as_day(today)
    df = _frame(log, DUE_INPUT)
    student = _student_column(log)
    rows, action, since = _due_actions(df, _student_groups(student), day)
    if len(rows) == 0:
        return _empty_due(student is not None)
    contact = df["contact"].take(rows).str.strip().fillna("this contact").reset_index(drop=True)
    organization = df["organization"].take(rows).str.strip().reset_index(drop=True)
    # the messages, written one action at a time, then put back in the due order
    pieces, places = [], []
    for code, name in enumerate(ACTIONS):
        chosen = np.flatnonzero(action == code)
        if len(chosen):
            pieces.append(_due_messages(
                name, contact.take(chosen).reset_index(drop=True),
                organization.take(chosen).reset_index(drop=True),
                df["interview_date"].take(rows[chosen]).reset_index(drop=True),
            ))
            places.append(chosen)
    place = np.empty(len(rows), dtype=np.int64)
    place[np.concatenate(places)] = np.arange(len(rows))
    due = pd.DataFrame(
        {
            "contact": contact,
            "organization": organization,
            "action": pd.array(list(ACTIONS), dtype="string").take(action),
            "due_since": since.astype("datetime64[ns]"),
            "message": pd.concat(pieces, ignore_index=True).take(place).reset_index(drop=True),
        }
    )
    if student is not None:
        due.insert(0, "student", student.take(rows).reset_index(drop=True))
    return due


# ------------------------------------------------------------------------ summaries


def _headline(
    df: pd.DataFrame, students: np.ndarray | None, day: pd.Timestamp,
    groups: np.ndarray | None = None, n_groups: int = 1,
) -> dict[str, np.ndarray]:
    """The headline counts and rates for each group of rows: one engine for
    :func:`summary` (``groups`` None: all rows are one group) and
    :func:`by_student` (``groups`` holds a number 0..n_groups-1 per row).
    ``students`` keeps students apart in the due list (:func:`_student_groups`)."""
    status = df["status"]
    done = _is(status, "completed")
    # rows per group and status, once (column 0: no status)
    labels = list(status.cat.categories)
    width = len(labels) + 1
    codes = status.cat.codes.to_numpy().astype(np.intp) + 1
    if groups is None:
        per_status = np.bincount(codes, minlength=width)[None, :]
    else:
        per_status = np.bincount(groups * width + codes, minlength=n_groups * width)
        per_status = per_status.reshape(n_groups, width)

    def of_status(*names: str) -> np.ndarray:
        return per_status[:, [labels.index(name) + 1 for name in names]].sum(axis=1)

    who = _person_codes(df["contact"])
    named = who >= 0
    span = np.int64(who.max() + 1) if len(who) else np.int64(1)

    def count(mask: np.ndarray) -> np.ndarray:
        if groups is None:
            return np.array([np.count_nonzero(mask)], dtype="int64")
        return np.bincount(groups[mask], minlength=n_groups).astype("int64")

    def distinct(mask: np.ndarray) -> np.ndarray:
        if groups is None:
            seen = np.zeros(span, dtype=bool)
            seen[who[mask]] = True
            return np.array([np.count_nonzero(seen)], dtype="int64")
        # each person counts in the group of their first row (no hashing) ...
        rows = np.flatnonzero(mask)
        first = np.full(span, len(who), dtype=np.int64)
        np.minimum.at(first, who[rows], rows)
        first = first[first < len(who)]
        counts = np.bincount(groups[first], minlength=n_groups)
        # ... and in each other group they appear in (rare: hash only those rows)
        home = np.zeros(span, dtype=groups.dtype)
        home[who[first]] = groups[first]
        away = rows[groups[rows] != home[who[rows]]]
        pairs = pd.unique(groups[away].astype("int64") * span + who[away])
        return (counts + np.bincount(pairs // span, minlength=n_groups)).astype("int64")

    def total(values: np.ndarray) -> np.ndarray:
        if groups is None:
            return np.array([values.sum()])
        return np.bincount(groups, weights=values, minlength=n_groups)

    out: dict[str, np.ndarray] = {
        "contacts": distinct(named),
        "outreach": of_status(*OUTREACH_STATUSES).astype("int64"),
        "completed": of_status("completed").astype("int64"),
        "scheduled": of_status("scheduled").astype("int64"),
    }
    counted = {  # (eligible, on target) per group, as the rate functions count them
        "response_rate": (of_status(*ANSWERED_STATUSES), of_status(*POSITIVE_STATUSES)),
        "thank_you_rate": tuple(map(count, _thank_you_parts(df, THANK_YOU_AFTER_DAYS))),
        "follow_up_rate": tuple(map(count, _follow_up_parts(df, 30, day))),
        "duration_on_target": tuple(map(count, _duration_parts(df, 20, 40))),
    }
    counts = {}
    for rate, (n, k) in counted.items():
        n, k = n.astype("int64"), k.astype("int64")
        with np.errstate(invalid="ignore", divide="ignore"):
            out[rate] = np.where(n > 0, k / np.maximum(n, 1), np.nan)
        counts[f"{rate}_n"], counts[f"{rate}_k"] = n, k
    out["network_size"] = distinct(done & named)
    referrals = np.where(done, df["referrals"].to_numpy(dtype="float64", na_value=0.0), 0.0)
    out["referrals"] = total(referrals).astype("int64")
    due_rows = _due_actions(df, students, day, who=who, ordered=False)[0]  # a row per action
    if groups is None:
        out["due"] = np.array([len(due_rows)], dtype="int64")
    else:
        out["due"] = np.bincount(groups[due_rows], minlength=n_groups).astype("int64")
    out.update(counts)
    return out


def summary(log: pd.DataFrame, as_of: object = None) -> dict:
    """All headline numbers at once.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    as_of : date-like, optional
        The day for :func:`follow_up_rate` and :func:`due_followups`; defaults to today.

    Returns
    -------
    dict
        First the keys of :data:`SUMMARY_LABELS`, in order: ``contacts`` (distinct
        people), ``outreach`` (rows past ``planned``), ``completed``,
        ``scheduled``, ``response_rate``, ``thank_you_rate`` (within 1 day),
        ``follow_up_rate`` (within 30 days), ``duration_on_target`` (20-40
        minutes), ``network_size`` (distinct people interviewed), ``referrals``
        (sum over completed interviews), ``due`` (rows of :func:`due_followups`).
        Then, for each rate ``R``, ``R_n`` (interviews or outreach eligible) and
        ``R_k`` (those meeting it); ``requested``, ``declined``, ``no_reply``,
        ``planned``; ``median_duration_min``; ``first_interview`` and
        ``last_interview`` (Timestamps, or None); ``as_of``. Counts are ints, rates
        floats (NaN when nothing is eligible), each equal to what the single
        metric function returns.
    """
    day = as_day(as_of)
    df = _frame(log, HEADLINE_INPUT)
    numbers = _headline(df, _student_groups(_student_column(log)), day)
    result: dict = {}
    for key, values in numbers.items():
        value = values[0]
        result[key] = float(value) if key in RATE_KEYS else int(value)
    status = df["status"]
    status_counts = np.bincount(status.cat.codes.to_numpy() + 1, minlength=len(schema.STATUSES) + 1)
    for name in ("requested", "declined", "no_reply", "planned"):
        result[name] = int(status_counts[status.cat.categories.get_loc(name) + 1])
    done = _is(status, "completed")
    minutes = df["duration_min"].to_numpy(dtype="float64", na_value=np.nan)[done]
    minutes = minutes[~np.isnan(minutes)]
    result["median_duration_min"] = float(np.median(minutes)) if len(minutes) else float("nan")
    held = df["interview_date"].to_numpy()[done]
    held = held[~np.isnat(held)]
    result["first_interview"] = pd.Timestamp(held.min()) if len(held) else None
    result["last_interview"] = pd.Timestamp(held.max()) if len(held) else None
    result["as_of"] = day
    return result


def by_student(class_log, as_of: object = None) -> pd.DataFrame:
    """The headline numbers for each student of a class.

    Parameters
    ----------
    class_log : pandas.DataFrame or ClassLog
        A log with a ``student`` column, or what :func:`infoview_lib.io.load_class`
        returns (its ``.log`` is used).
    as_of : date-like, optional
        As in :func:`summary`.

    Returns
    -------
    pandas.DataFrame
        One row per student (sorted by name; a missing name is ``"(unnamed)"``)
        with a ``student`` column and the :data:`SUMMARY_LABELS` columns, each
        what :func:`summary` gives for that student's rows alone.
    """
    log = getattr(class_log, "log", class_log)
    if not isinstance(log, pd.DataFrame) or "student" not in log.columns:
        raise ValueError("by_student needs a class log with a 'student' column")
    day = as_day(as_of)
    student = _student_column(log).fillna("(unnamed)")
    codes, names = pd.factorize(student, sort=True)
    numbers = _headline(_frame(log, HEADLINE_INPUT), codes, day, codes, len(names))
    out = pd.DataFrame({"student": pd.Series(names, dtype="string")})
    for key in SUMMARY_LABELS:
        out[key] = numbers[key]
    return out


def mode_mix(log: pd.DataFrame) -> pd.DataFrame:
    """How completed interviews were held: in person, by phone, by video.

    Returns
    -------
    pandas.DataFrame
        Indexed by mode (every mode of the schema, in its order; index name
        ``mode``) with ``interviews`` (completed interviews in that mode) and
        ``share`` (of completed interviews with a known mode; NaN if none).
    """
    df = _frame(log, ("status", "mode"))
    modes = df.loc[_is(df["status"], "completed"), "mode"]
    counts = modes.value_counts(sort=False).reindex(list(schema.MODES), fill_value=0)
    total = int(counts.sum())
    out = pd.DataFrame(
        {
            "interviews": counts.astype("int64"),
            "share": counts / total if total else np.nan,
        }
    )
    out.index.name = "mode"
    return out.astype({"share": "float64"})


def source_mix(log: pd.DataFrame) -> pd.DataFrame:
    """Where contacts came from and how each source answered.

    Returns
    -------
    pandas.DataFrame
        Indexed by source (every source of the schema, in its order; index name
        ``source``) with ``contacts`` (rows), ``share`` (of rows with a known
        source), ``completed`` (completed interviews) and ``response_rate`` (as
        :func:`response_rate`, within that source; NaN if none answered).
    """
    df = _frame(log, ("status", "source"))
    eligible, ok = _response_parts(df)
    parts = pd.DataFrame(
        {
            "contacts": 1,
            "completed": _is(df["status"], "completed"),
            "answered": eligible,
            "positive": ok,
        }
    )
    sums = parts.groupby(df["source"], observed=False).sum()
    sums = sums.reindex(list(schema.SOURCES), fill_value=0)
    total = int(sums["contacts"].sum())
    out = pd.DataFrame(
        {
            "contacts": sums["contacts"].astype("int64"),
            "share": sums["contacts"] / total if total else np.nan,
            "completed": sums["completed"].astype("int64"),
            "response_rate": sums["positive"] / sums["answered"].where(sums["answered"] > 0),
        }
    )
    out.index.name = "source"
    return out.astype({"share": "float64", "response_rate": "float64"})
