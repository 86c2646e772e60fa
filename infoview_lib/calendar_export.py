"""Export the follow-ups due as an iCalendar file (``.ics``) of all-day reminders.

Google Calendar, Outlook and Apple Calendar import the file: one all-day event per
action of :func:`infoview_lib.metrics.due_followups`, with the sentence to act on
as its description and a 9:00 reminder. Each event's ``UID`` is derived from the
contact, the action and the day it first fell due, so importing a newer export
updates the same events instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pandas as pd

from .metrics import as_day, format_day

__all__ = ["due_calendar", "due_to_ics", "write_ics", "PRODID", "EVENT_TITLES"]

PRODID = "-//infoview//Informational interview follow-ups//EN"
CALENDAR_NAME = "Informational interview follow-ups"
EVENT_TITLES = {
    "second_contact": "Contact a second person",
    "follow_up": "Follow up",
    "thank_you": "Send thank-you note",
}


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _uid(row) -> str:
    student = _text(getattr(row, "student", ""))
    key = "|".join([student, _text(row.contact), _text(row.action),
                    pd.Timestamp(row.due_since).strftime("%Y-%m-%d")])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@infoview"


def due_calendar(due: pd.DataFrame, *, on=None, stamp: dt.datetime | None = None):
    """The due list as an :class:`icalendar.Calendar`.

    Parameters
    ----------
    due : pandas.DataFrame
        What :func:`infoview_lib.metrics.due_followups` returns.
    on : date-like, optional
        The day to put every reminder on (e.g. the ``today`` the list was made
        for), so overdue actions land where they will be seen. By default each
        reminder is on its ``due_since`` day.
    stamp : datetime.datetime, optional
        The ``DTSTAMP`` (creation time, UTC); now by default.

    Returns
    -------
    icalendar.Calendar
        With ``PRODID``, ``VERSION:2.0``, and one ``VEVENT`` per row (``UID``,
        ``DTSTAMP``, all-day ``DTSTART``/``DTEND``, ``SUMMARY``, ``DESCRIPTION``,
        ``TRANSP:TRANSPARENT``, a display alarm at 9:00).
    """
    from icalendar import Alarm, Calendar, Event

    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    day = as_day(on).date() if on is not None else None
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for row in due.itertuples(index=False):
        since = pd.Timestamp(row.due_since).date()
        start = day or since
        title = f"{EVENT_TITLES.get(row.action, row.action)}: {_text(row.contact)}"
        organization = _text(row.organization)
        if organization:
            title += f" ({organization})"
        description = f"{_text(row.message)}\nDue since {format_day(since)}."
        if _text(getattr(row, "student", "")):
            description = f"Student: {row.student}\n" + description
        event = Event()
        event.add("uid", _uid(row))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=1))
        event.add("summary", title)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Informational interviews"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", dt.timedelta(hours=9))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar


def due_to_ics(due: pd.DataFrame, *, on=None) -> bytes:
    """The due list as the bytes of an ``.ics`` file (see :func:`due_calendar`)."""
    return due_calendar(due, on=on).to_ical()


def write_ics(due: pd.DataFrame, path: str | os.PathLike, *, on=None) -> Path:
    """Write the due list to an ``.ics`` file, atomically.

    Parameters
    ----------
    due : pandas.DataFrame
        What :func:`infoview_lib.metrics.due_followups` returns.
    path : str or path-like
        The file to write.
    on : date-like, optional
        Put every reminder on this day (see :func:`due_calendar`).

    Returns
    -------
    pathlib.Path
    """
    from .io import write_atomically

    return write_atomically(path, due_to_ics(due, on=on))
