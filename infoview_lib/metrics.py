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
of unique values (category spellings) or output columns.

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

from typing import TYPE_CHECKING

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
        # an explicit class, not \s: pandas then runs the regex in pyarrow
        key[odd] = key[odd].str.replace("[ \t\n\r\f\v\u00a0]+", " ", regex=True)
    return key.mask(key == "")


def _person_codes(names: pd.Series) -> np.ndarray:
    """One integer per distinct :func:`person_key` (``-1`` for no name)."""
    codes, _ = pd.factorize(person_key(names))
    return codes


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
                data[name] = data[name].dt.normalize()
        else:
            data[name] = pd.Series(index=pd.RangeIndex(len(log)), dtype=column.dtype, name=name)
    return pd.DataFrame(data, index=pd.RangeIndex(len(log)))


def _is(status: pd.Series, *values: str) -> pd.Series:
    return status.isin(values).to_numpy(dtype=bool)


def _rate(ok, eligible) -> float:
    total = int(np.count_nonzero(eligible))
    if total == 0:
        return float("nan")
    return int(np.count_nonzero(ok)) / total


def _student_column(log: pd.DataFrame) -> pd.Series | None:
    if "student" in log.columns:
        return log["student"].astype("string").reset_index(drop=True)
    return None


# ------------------------------------------------------------ per-row indicator parts


def _thank_you_parts(df: pd.DataFrame, within_days: float):
    done = _is(df["status"], "completed")
    delay = df["thank_you_date"] - df["interview_date"]
    on_time = (delay >= pd.Timedelta(0)) & (delay <= pd.Timedelta(days=within_days))
    return done, done & on_time.to_numpy(dtype=bool)


def _follow_up_parts(df: pd.DataFrame, within_days: float, as_of: pd.Timestamp):
    done = _is(df["status"], "completed")
    interview = df["interview_date"]
    deadline = interview + pd.Timedelta(days=within_days)
    eligible = done & (deadline <= as_of).to_numpy(dtype=bool)
    follow_up = df["follow_up_date"]
    in_window = (follow_up > interview) & (follow_up <= deadline)
    return eligible, eligible & in_window.to_numpy(dtype=bool)


def _response_parts(df: pd.DataFrame):
    answered = _is(df["status"], *ANSWERED_STATUSES)
    return answered, _is(df["status"], *POSITIVE_STATUSES)


def _duration_parts(df: pd.DataFrame, low: float, high: float):
    minutes = df["duration_min"].astype("float64").to_numpy()
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
    done = _is(df["status"], "completed") & df["interview_date"].notna().to_numpy()
    held = df.loc[done]
    if held.empty:
        return _empty_growth()
    periods = held["interview_date"].dt.to_period(freq)
    full = pd.period_range(periods.min(), periods.max(), freq=periods.dt.freq)

    def per_period(counts: pd.Series) -> pd.Series:
        return counts.reindex(full, fill_value=0).astype("int64")

    interviews = per_period(periods.value_counts())
    referrals = per_period(
        held["referrals"].astype("float64").fillna(0).groupby(periods).sum()
    ).cumsum()
    who = _person_codes(held["contact"])
    first_seen = held["interview_date"][who >= 0].groupby(who[who >= 0]).min()
    network = per_period(first_seen.dt.to_period(periods.dt.freq).value_counts()).cumsum()
    index = pd.DatetimeIndex(full.end_time.normalize(), name="period").astype("datetime64[ns]")
    return pd.DataFrame(
        {
            "interviews": interviews.to_numpy(),
            "network_size": network.to_numpy(),
            "referrals": referrals.to_numpy(),
        },
        index=index,
    )


def _none_for_na(series: pd.Series) -> list:
    return series.astype(object).where(series.notna(), None).tolist()


def _referral_tables(log: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(nodes, edges)`` of the referral graph, built without a row loop."""
    df = _frame(log, ("contact", "organization", "status", "referred_by"))
    rows = len(df)
    # one integer per person, shared by the contact and referred_by columns
    codes = _person_codes(pd.concat([df["contact"], df["referred_by"]], ignore_index=True))
    contact, referrer = codes[:rows], codes[rows:]
    has_edge = (contact >= 0) & (referrer >= 0) & (contact != referrer)
    pairs = pd.DataFrame({"source": referrer[has_edge], "target": contact[has_edge]})
    pairs = pairs.drop_duplicates()
    involved = np.zeros(codes.max() + 2 if len(codes) else 1, dtype=bool)
    involved[pairs["source"].to_numpy()] = True
    involved[pairs["target"].to_numpy()] = True
    in_log = np.zeros_like(involved)
    in_log[contact[contact >= 0]] = True

    chosen = (contact >= 0) & involved[contact]
    people = df.loc[chosen].groupby(contact[chosen], sort=False)
    contacts = pd.DataFrame(
        {
            "name": people["contact"].first().str.strip(),
            "organization": people["organization"].last(),
            "status": people["status"].last().astype("string"),
            "in_log": True,
        }
    )
    outside = has_edge & ~in_log[referrer]
    outsiders = df.loc[outside, "referred_by"].str.strip().groupby(referrer[outside]).first()
    nodes = pd.concat(
        [
            contacts,
            pd.DataFrame(
                {"name": outsiders, "organization": pd.NA, "status": pd.NA, "in_log": False},
                index=outsiders.index,
            ).astype({"organization": "string", "status": "string"}),
        ]
    )
    name_of = nodes["name"]
    edges = pd.DataFrame(
        {
            "referred_by": name_of.reindex(pairs["source"]).to_numpy(),
            "contact": name_of.reindex(pairs["target"]).to_numpy(),
        },
        dtype="string",
    )
    return nodes.set_index("name"), edges


def referral_edges(log: pd.DataFrame) -> pd.DataFrame:
    """The introductions of the log as a table (the edges of :func:`referral_graph`).

    Returns
    -------
    pandas.DataFrame
        One row per distinct introduction, with string columns ``referred_by`` (the
        introducer) and ``contact`` (the person introduced), named as
        :func:`referral_graph` names its nodes.
    """
    return _referral_tables(log)[1]


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
    own referrer adds nothing. The tables are built vectorised
    (:func:`referral_edges`); the time left is networkx creating its Python objects,
    about a second per 100,000 introductions.

    Returns
    -------
    networkx.DiGraph
    """
    import networkx as nx

    nodes, edges = _referral_tables(log)
    graph = nx.DiGraph()
    graph.add_nodes_from(
        (name, {"organization": org, "status": status, "in_log": in_log})
        for name, org, status, in_log in zip(
            nodes.index.tolist(),
            _none_for_na(nodes["organization"]),
            _none_for_na(nodes["status"]),
            nodes["in_log"].tolist(),
            strict=True,
        )
    )
    graph.add_edges_from(
        zip(edges["referred_by"].tolist(), edges["contact"].tolist(), strict=True)
    )
    return graph


# ----------------------------------------------------------------------------- due


def _approached_since_by_someone_else(
    df: pd.DataFrame, group: pd.Series | None, asking: np.ndarray,
    who: np.ndarray | None = None,
) -> np.ndarray:
    """For each row flagged in ``asking``: was another person at the same
    organization approached on or after this row's outreach date?

    ``group`` keeps students' logs apart. Rows not asked about are ``False``.
    """
    result = np.zeros(len(df), dtype=bool)
    if not asking.any():
        return result
    org = _person_codes(df["organization"])
    if group is not None:
        groups, _ = pd.factorize(group.fillna(""))
        org = np.where(org >= 0, pd.factorize(groups * (org.max() + 1) + org)[0], -1)
    when = df["outreach_date"].to_numpy(dtype="datetime64[ns]").view("int64")
    never = np.iinfo(np.int64).min  # NaT
    # only organizations someone asks about matter
    wanted = np.zeros(org.max() + 2, dtype=bool)
    wanted[org[asking & (org >= 0)]] = True
    relevant = np.flatnonzero((org >= 0) & wanted[org] & (when != never))
    if len(relevant) == 0:
        return result
    who = _person_codes(df["contact"].take(relevant)) if who is None else who[relevant]
    keep = who >= 0
    relevant, who = relevant[keep], who[keep]
    if len(relevant) == 0:
        return result
    org, when = org[relevant], when[relevant]
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
    texts = [format_day(day) for day in days] + ["(no date)"]
    held = pd.Series(np.array(texts, dtype=object)[codes], index=interview.index,
                     dtype="string")
    return "Send your thank-you note to " + contact + " for the interview on " + held + "."


def _due_actions(
    df: pd.DataFrame, student: pd.Series | None, day: pd.Timestamp,
    who: np.ndarray | None = None,
):
    """The due actions as arrays ``(rows, action codes, due_since days)``, sorted
    by due day, then action (3B7 order), then log order. ``who`` may pass the
    contact column's :func:`_person_codes` if the caller has them already."""
    outreach = df["outreach_date"]
    waiting = np.flatnonzero(
        _is(df["status"], "requested") & (outreach <= day).to_numpy(dtype=bool)
    )
    start = outreach.to_numpy(dtype="datetime64[ns]")[waiting].astype("datetime64[D]")
    elapsed = np.busday_count(start, np.datetime64(day.date(), "D"))
    second = elapsed >= SECOND_CONTACT_BUSINESS_DAYS
    asking = np.zeros(len(df), dtype=bool)
    asking[waiting[second]] = True
    second &= ~_approached_since_by_someone_else(df, student, asking, who)[waiting]
    followed = (df["follow_up_date"] > outreach).to_numpy(dtype=bool)[waiting]
    follow = (elapsed >= FOLLOW_UP_BUSINESS_DAYS) & ~followed

    thank_since = df["interview_date"] + pd.Timedelta(days=THANK_YOU_AFTER_DAYS)
    thank = np.flatnonzero(
        _is(df["status"], "completed")
        & df["thank_you_date"].isna().to_numpy()
        & (thank_since <= day).to_numpy(dtype=bool)
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
    rows, action, since = _due_actions(df, student, day)
    if len(rows) == 0:
        return _empty_due(student is not None)
    interview = df["interview_date"]
    contact = df["contact"].take(rows).str.strip().fillna("this contact").reset_index(drop=True)
    organization = df["organization"].take(rows).str.strip().reset_index(drop=True)
    message = pd.Series(pd.NA, index=contact.index, dtype="string")
    for code, name in enumerate(ACTIONS):
        chosen = action == code
        if chosen.any():
            message[chosen] = _due_messages(
                name, contact[chosen], organization[chosen],
                interview.take(rows[chosen]).set_axis(contact.index[chosen]),
            )
    due = pd.DataFrame(
        {
            "contact": contact,
            "organization": organization,
            "action": pd.Series(np.array(ACTIONS, dtype=object)[action], dtype="string"),
            "due_since": since.astype("datetime64[ns]"),
            "message": message,
        }
    )
    if student is not None:
        due.insert(0, "student", student.take(rows).reset_index(drop=True))
    return due


# ------------------------------------------------------------------------ summaries


def _headline(
    df: pd.DataFrame, student: pd.Series | None, day: pd.Timestamp,
    groups: np.ndarray, n_groups: int,
) -> dict[str, np.ndarray]:
    """The headline counts and rates for each group of rows (``groups`` holds a
    group number 0..n_groups-1 per row): one engine for :func:`summary` (one
    group) and :func:`by_student` (one group per student)."""
    status = df["status"]
    done = _is(status, "completed")
    who = _person_codes(df["contact"])
    named = who >= 0
    span = np.int64(who.max() + 1) if len(who) else np.int64(1)

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(groups[mask], minlength=n_groups).astype("int64")

    def distinct(mask: np.ndarray) -> np.ndarray:
        pairs = pd.unique(groups[mask].astype("int64") * span + who[mask])
        return np.bincount(pairs // span, minlength=n_groups).astype("int64")

    out: dict[str, np.ndarray] = {
        "contacts": distinct(named),
        "outreach": count(_is(status, *OUTREACH_STATUSES)),
        "completed": count(done),
        "scheduled": count(_is(status, "scheduled")),
    }
    parts = {
        "response_rate": _response_parts(df),
        "thank_you_rate": _thank_you_parts(df, THANK_YOU_AFTER_DAYS),
        "follow_up_rate": _follow_up_parts(df, 30, day),
        "duration_on_target": _duration_parts(df, 20, 40),
    }
    counts = {}
    for rate, (eligible, ok) in parts.items():
        n, k = count(eligible), count(ok)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[rate] = np.where(n > 0, k / np.maximum(n, 1), np.nan)
        counts[f"{rate}_n"], counts[f"{rate}_k"] = n, k
    out["network_size"] = distinct(done & named)
    referrals = np.where(done, df["referrals"].astype("float64").fillna(0).to_numpy(), 0.0)
    out["referrals"] = np.bincount(groups, weights=referrals, minlength=n_groups).astype("int64")
    due_rows = _due_actions(df, student, day, who=who)[0]
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
    df = _frame(log)
    numbers = _headline(df, _student_column(log), day, np.zeros(len(df), dtype=np.intp), 1)
    result: dict = {}
    for key, values in numbers.items():
        value = values[0]
        result[key] = float(value) if key in RATE_KEYS else int(value)
    status_counts = df["status"].value_counts()
    for status in ("requested", "declined", "no_reply", "planned"):
        result[status] = int(status_counts.get(status, 0))
    done = _is(df["status"], "completed")
    held = df.loc[done, "interview_date"].dropna()
    minutes = df.loc[done, "duration_min"].dropna()
    result["median_duration_min"] = float(minutes.median()) if len(minutes) else float("nan")
    result["first_interview"] = held.min() if len(held) else None
    result["last_interview"] = held.max() if len(held) else None
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
    numbers = _headline(_frame(log), student, day, codes, len(names))
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
