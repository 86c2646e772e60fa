"""Calendar exports (``.ics``) → informational-interview rows for the log.

Google Calendar, Outlook and Apple Calendar all export iCalendar files. Parsing is done
by the :mod:`icalendar` library (which also unfolds long lines) and recurring events are
expanded by :mod:`recurring_ical_events`; this module only decides which events are
interviews and what each one means for the log.

Time zones, as a student would expect them:

* an event with a ``TZID`` keeps the wall-clock time of that zone (an interview at
  10:00 New York time is logged at 10:00);
* times in UTC (Google writes every time so) are converted to the calendar's
  ``X-WR-TIMEZONE``; when the calendar names no zone, to ``tz`` if given, else to this
  computer's zone;
* a ``TZID`` that names no known zone (and has no ``VTIMEZONE`` block) keeps the time
  exactly as written, with a note in the row's ``notes`` and a :class:`UserWarning`:
  the time was written for the person's own zone, so the wall-clock time is the best
  guess, and nothing is lost;
* a time with no zone at all ("floating") is kept as written.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zoneinfo
from collections.abc import Iterable

import pandas as pd

from ._common import read_bytes, single_problem, typed_log_rows

__all__ = ["DEFAULT_PATTERN", "CALENDAR_COLUMNS", "read_calendar"]

#: Event titles that are informational interviews (matched case-insensitively anywhere in
#: the title): informational interview, info interview, coffee chat, career conversation.
DEFAULT_PATTERN = (
    r"\b(?:informational[\s-]+interview|info[\s-]+interview|coffee[\s-]+chat"
    r"|career[\s-]+conversation)s?\b"
)

#: The log columns :func:`read_calendar` fills, in schema order.
CALENDAR_COLUMNS = (
    "contact", "organization", "status", "interview_date", "mode", "duration_min", "notes",
)

#: How far past ``today`` recurring events are expanded.
HORIZON_DAYS = 90
#: The most occurrences read from one file (a guard against endless series).
MAX_OCCURRENCES = 5000

_VIDEO = re.compile(
    r"zoom\.us|\bzoom\b|meet\.google\.com|\bgoogle meet\b|teams\.microsoft\.com"
    r"|teams\.live\.com|\bmicrosoft teams\b|\bteams (?:meeting|call)\b|webex"
    r"|\bvideo (?:call|chat)\b",
    re.IGNORECASE,
)
_PHONE_NUMBER = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b")
_PHONE_WORD = re.compile(r"\b(?:phone|call|telephone)\b", re.IGNORECASE)
_PHONE_IN_TEXT = re.compile(
    r"\btel:|\bphone call\b|\bdial[\s-]?in\b|\bcall me at\b|\bwill call\b|\bi'll call\b",
    re.IGNORECASE,
)
_TEXT_PROPERTIES = ("LOCATION", "DESCRIPTION", "URL", "CONFERENCE", "X-GOOGLE-CONFERENCE",
                    "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK")
_NOT_PEOPLE = ("ROOM", "RESOURCE", "GROUP")
_NOT_PEOPLE_DOMAINS = ("resource.calendar.google.com", "group.calendar.google.com")
_GENERIC_LOCAL_PARTS = {"info", "noreply", "no-reply", "calendar", "admin", "hello",
                        "contact", "office", "team", "mail", "careers", "jobs", "hr"}
_FREE_MAIL = {
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
    "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "mail.com", "yandex.com", "zoho.com",
    "fastmail.com", "hey.com", "example.com", "example.org", "example.net",
}
_NAME_PARTICLES = {"van", "von", "de", "da", "del", "der", "di", "du", "la", "le", "al",
                   "bin", "ben", "dos", "das", "ten", "ter", "y"}


def read_calendar(path, match=DEFAULT_PATTERN, me=None, today=None, tz=None) -> pd.DataFrame:
    """Read the informational interviews out of a calendar export (``.ics``).

    Parameters
    ----------
    path : str, os.PathLike, bytes or file-like
        The ``.ics`` file (Google, Outlook, Apple), its bytes, or an open file.
    match : str or re.Pattern, default DEFAULT_PATTERN
        Which event titles are interviews; a string is a regular expression matched
        case-insensitively anywhere in the title.
    me : str or iterable of str, optional
        Your own e-mail address(es) or name(s), so you are never taken for the contact.
        Default: the calendar's name when it is an e-mail address (Google names your
        main calendar so); with neither, the organiser is taken to be you.
    today : date-like, optional
        Events that start before this moment are ``completed``, later ones
        ``scheduled``. A date means midnight at its start. Default: now.
    tz : str, optional
        The zone for UTC times when the calendar names none (``X-WR-TIMEZONE``).
        Default: this computer's zone.

    Returns
    -------
    pandas.DataFrame
        One row per matching event (each occurrence of a recurring one, up to
        :data:`HORIZON_DAYS` after ``today``), oldest first, with the log columns
        ``contact``, ``organization``, ``status``, ``interview_date`` (naive local
        time), ``mode``, ``duration_min`` and ``notes`` in the log's dtypes.

        * ``contact``: the attendee who is neither you nor (when you are unknown) the
          organiser, by their display name (CN); else a name in the title ("Coffee
          chat with NAME", "Informational interview - NAME (ORG)", "Info interview:
          NAME"); else their e-mail address (``dana.whitfield@…`` → "Dana
          Whitfield"); else ``<NA>`` (the log's checks will ask you to fill it in).
        * ``organization``: "(ORG)", " at ORG" or " from ORG" in the title, else the
          contact's e-mail domain unless it is a personal-mail provider.
        * ``mode``: ``video`` for a Zoom / Google Meet / Teams / Webex link or name,
          ``phone`` for a phone number or "call", else ``<NA>``.
        * ``duration_min``: DTEND − DTSTART or DURATION; ``<NA>`` when the event has
          neither (or lasts 0 or more than 240 minutes, with a note).
        * ``notes``: the event title, other people invited, anything doubtful.

        Cancelled events and all-day events are skipped.

    Raises
    ------
    FileNotFoundError
        If the path does not exist.
    LogValidationError
        If the file is not an iCalendar file.

    Warns
    -----
    UserWarning
        For a time zone that cannot be found, or an event whose start or recurrence
        cannot be read (it is left out).
    """
    data, source = read_bytes(path)
    calendars = _parse(data, source)
    pattern = re.compile(match, re.IGNORECASE) if isinstance(match, str) else match
    now = _today(today)
    records: list[dict] = []
    for calendar in calendars:
        records.extend(_read_one(calendar, pattern, me, now, tz))
    frame = typed_log_rows(records, CALENDAR_COLUMNS)
    frame = frame.sort_values("interview_date", kind="stable", na_position="last")
    return frame.reset_index(drop=True)


# --------------------------------------------------------------------------- parsing


def _parse(data: bytes, source: str) -> list:
    import icalendar

    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper()
    if not start.startswith(b"BEGIN:VCALENDAR"):
        raise single_problem(
            source,
            "this is not a calendar file: an iCalendar (.ics) export starts with "
            "'BEGIN:VCALENDAR'. Export your calendar as .ics (Google: Settings → "
            "Import & export → Export).",
            value=data[:40].decode("utf-8", errors="replace").strip() or None,
        )
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as error:  # the parser raises several kinds; all mean "broken file"
        raise single_problem(
            source, f"this calendar file is damaged and cannot be read: {error}"
        ) from None
    calendars = [c for c in calendars if getattr(c, "name", "") == "VCALENDAR"]
    if not calendars:
        raise single_problem(
            source, "this calendar file is damaged or cut short: it has no complete "
                    "BEGIN:VCALENDAR … END:VCALENDAR block. Export the calendar again."
        )
    return calendars


def _today(today) -> pd.Timestamp:
    if today is None:
        return pd.Timestamp.now()
    stamp = pd.Timestamp(today)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert(_local_zone()).tz_localize(None)
    return stamp


def _local_zone():
    return dt.datetime.now().astimezone().tzinfo


def _zone(name) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(str(name).strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return None


# --------------------------------------------------------------------------- events


def _read_one(calendar, pattern: re.Pattern, me, now: pd.Timestamp, tz) -> list[dict]:
    import icalendar

    calendar_zone_name = str(calendar.get("X-WR-TIMEZONE", "")).strip() or None
    calendar_zone = _zone(calendar_zone_name)
    if calendar_zone_name and calendar_zone is None:
        warnings.warn(
            f"The calendar's time zone {calendar_zone_name!r} is unknown; UTC times are "
            "shown in " + (f"{tz!r}" if tz else "this computer's time zone") + ".",
            UserWarning, stacklevel=3,
        )
    utc_target = calendar_zone or _zone(tz) or _local_zone()
    mine = _me_set(me, calendar)

    # Keep only the events whose series has a matching title (cheap), then expand those.
    events = list(calendar.walk("VEVENT"))
    for number, event in enumerate(events):
        if "UID" not in event:
            event.add("UID", f"infoview-no-uid-{number}")
    wanted = {str(e["UID"]) for e in events if pattern.search(_summary(e))}
    subset = icalendar.Calendar()
    for key, value in calendar.items():
        if key.upper() != "X-WR-TIMEZONE" or calendar_zone is not None:
            subset[key] = value
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            subset.add_component(component)
    info: dict[str, dict] = {}
    latest = now
    skipped = []
    for event in events:
        uid = str(event["UID"])
        if uid not in wanted:
            continue
        if not isinstance(_value(event.get("DTSTART")), (dt.date, dt.datetime)):
            skipped.append(_summary(event))
            continue
        for key in ("DTEND", "DURATION"):
            if key in event and _value(event[key]) is None:
                del event[key]  # unreadable: the duration is unknown, the event still counts
        subset.add_component(event)
        entry = info.setdefault(uid, {"has_end": False, "unknown_tz": None,
                                      "title": _summary(event)})
        entry["has_end"] = entry["has_end"] or "DTEND" in event or "DURATION" in event
        start = event["DTSTART"]
        tzid = start.params.get("TZID")
        value = start.dt
        if tzid and isinstance(value, dt.datetime) and value.tzinfo is None:
            entry["unknown_tz"] = str(tzid)
        if "RRULE" not in event and "RDATE" not in event:
            latest = max(latest, pd.Timestamp(_naive(value)) if _has_time(value)
                         else pd.Timestamp(value))
    for title in skipped:
        warnings.warn(f"The event {title!r} has no start time that can be read; it was "
                      "left out.", UserWarning, stacklevel=3)
    for entry in info.values():
        if entry["unknown_tz"]:
            warnings.warn(
                f"Time zone {entry['unknown_tz']!r} is unknown; the time of "
                f"{entry['title']!r} is kept as written.", UserWarning, stacklevel=3,
            )
    if not info:
        return []

    occurrences = _expand(subset, end=latest + pd.Timedelta(days=HORIZON_DAYS + 1))
    records = []
    for event in occurrences:
        record = _event_record(event, pattern, info, mine, now, utc_target)
        if record is not None:
            records.append(record)
    return records


def _expand(subset, end: pd.Timestamp) -> list:
    import recurring_ical_events

    window = ((1900, 1, 1), (end.year, end.month, end.day))
    try:
        query = recurring_ical_events.of(subset)
        found = _first(query.between(*window), MAX_OCCURRENCES + 1)
    except Exception as error:  # a broken recurrence rule: keep the rest of the calendar
        warnings.warn(
            f"An event could not be read ({error}); it was left out.",
            UserWarning, stacklevel=4,
        )
        try:
            query = recurring_ical_events.of(subset, skip_bad_series=True)
            found = _first(query.between(*window), MAX_OCCURRENCES + 1)
        except Exception as again:  # pragma: no cover - nothing readable is left
            warnings.warn(f"No interview could be read from this calendar ({again}).",
                          UserWarning, stacklevel=4)
            return []
    if len(found) > MAX_OCCURRENCES:
        warnings.warn(f"Only the first {MAX_OCCURRENCES} matching events were read.",
                      UserWarning, stacklevel=4)
        found = found[:MAX_OCCURRENCES]
    return found


def _first(items: Iterable, count: int) -> list:
    result = []
    for item in items:
        result.append(item)
        if len(result) >= count:
            break
    return result


def _event_record(event, pattern, info, mine, now, utc_target) -> dict | None:
    summary = _summary(event)
    if not pattern.search(summary):
        return None
    if str(event.get("STATUS", "")).strip().upper() == "CANCELLED":
        return None
    start = event["DTSTART"].dt
    if not _has_time(start):
        return None  # an all-day event is a reminder, not a conversation
    entry = info.get(str(event.get("UID")), {"has_end": False, "unknown_tz": None})
    notes = [f"From calendar: {summary}" if summary else "From calendar"]

    duration = None
    if entry["has_end"]:
        end = _end_of(event, start)
        if end is not None:
            minutes = round((end - start).total_seconds() / 60)
            if 1 <= minutes <= 240:
                duration = minutes
            elif minutes > 240:
                notes.append(f"the calendar entry lasts {minutes} minutes")

    local = _local_time(start, utc_target)
    if entry["unknown_tz"]:
        notes.append(f"time zone {entry['unknown_tz']!r} unknown: time kept as written")

    people = _people(event, mine)
    name_in_title, organization = _from_summary(summary, pattern)
    contact, email = None, None
    if people:
        display, email = people[0]
        # a display name is best; a name typed in the title beats one guessed from e-mail
        contact = display or name_in_title or _name_from_email(email)
    else:
        contact = name_in_title
    if organization is None and email:
        organization = _organization_from_email(email)
    others = [display or _name_from_email(other) or other for display, other in people[1:]]
    if others:
        notes.append("also invited: " + ", ".join(o for o in others if o))

    return {
        "contact": contact,
        "organization": organization,
        "status": "completed" if pd.Timestamp(local) < now else "scheduled",
        "interview_date": pd.Timestamp(local),
        "mode": _mode(event, summary),
        "duration_min": duration,
        "notes": "; ".join(notes),
    }


def _value(prop):
    """A property's value (``.dt``), or ``None`` when missing or unreadable."""
    if prop is None:
        return None
    try:
        return prop.dt
    except Exception:  # icalendar keeps a broken value and raises on access
        return None


def _summary(event) -> str:
    return " ".join(str(event.get("SUMMARY", "")).split())


def _has_time(value) -> bool:
    return isinstance(value, dt.datetime)


def _naive(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=None)


def _end_of(event, start: dt.datetime) -> dt.datetime | None:
    if "DTEND" in event:
        end = _value(event["DTEND"])
        if isinstance(end, dt.datetime) and (end.tzinfo is None) == (start.tzinfo is None):
            return end
        return None
    if "DURATION" in event:
        length = _value(event["DURATION"])
        if isinstance(length, dt.timedelta):
            return start + length
    return None


def _is_utc(zone) -> bool:
    if zone is None:
        return False
    if zone is dt.timezone.utc:
        return True
    return str(getattr(zone, "key", zone)).upper() in {"UTC", "ETC/UTC", "Z", "GMT", "ETC/GMT"}


def _local_time(start: dt.datetime, utc_target) -> dt.datetime:
    if start.tzinfo is None:
        return start
    if _is_utc(start.tzinfo):
        return start.astimezone(utc_target).replace(tzinfo=None)
    return start.replace(tzinfo=None)  # wall-clock time in the event's own zone


# --------------------------------------------------------------------------- people


def _me_set(me, calendar) -> set[str]:
    if me is None:
        name = str(calendar.get("X-WR-CALNAME", "")).strip()
        me = [name] if "@" in name else []
    elif isinstance(me, str):
        me = [me]
    return {_address(m) for m in me if str(m).strip()}


def _address(value) -> str:
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return " ".join(text.split()).casefold()


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _people(event, mine: set[str]) -> list[tuple[str | None, str | None]]:
    """The other people at the event as ``(display name, email)``, likely contact first.

    Rooms and resources are left out; so are you (``mine``), or, when you are unknown,
    the organiser.
    """
    organizer = event.get("ORGANIZER")
    organizer_email = _address(organizer) if organizer is not None else None
    candidates = _as_list(event.get("ATTENDEE"))
    if organizer is not None:
        candidates.append(organizer)
    people: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for person in candidates:
        params = getattr(person, "params", {})
        email = _address(person) or None
        name = " ".join(str(params.get("CN", "")).split()).strip("'\" ") or None
        if str(params.get("CUTYPE", "")).upper() in _NOT_PEOPLE:
            continue
        if email and "@" not in email:
            email = None
        if email and email.endswith(_NOT_PEOPLE_DOMAINS):
            continue
        if mine:
            if (email and email in mine) or (name and name.casefold() in mine):
                continue
        elif email and email == organizer_email:
            continue
        key = email or (name or "").casefold()
        if not key or key in seen:
            continue
        seen.add(key)
        people.append((name if name and "@" not in name else None, email))
    return people


def _name_from_email(email: str | None) -> str | None:
    if not email or "@" not in email:
        return None
    local = email.split("@", 1)[0].split("+", 1)[0]
    if local in _GENERIC_LOCAL_PARTS:
        return None
    words = [w for w in re.split(r"[._\-]+", re.sub(r"\d+", "", local)) if w]
    if not words:
        return None
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _organization_from_email(email: str) -> str | None:
    domain = email.rsplit("@", 1)[-1].strip(".")
    if domain in _FREE_MAIL or "." not in domain:
        return None
    labels = domain.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {
        "co", "com", "ac", "org", "net", "gov", "edu"
    }:
        label = labels[-3]
    else:
        label = labels[-2]
    if label in {"mail", "email", "calendar", "example"} or len(label) < 2:
        return None
    words = [w for w in re.split(r"[-_]+", label) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words) or None


# --------------------------------------------------------------------------- titles


_ORG_IN_BRACKETS = re.compile(r"^(?P<rest>.*?)\s*\((?P<org>[^()]+)\)\s*$")
_ORG_AFTER_WORD = re.compile(r"^(?P<rest>.+?)\s+(?:at|@|from)\s+(?P<org>.+)$", re.IGNORECASE)
_LEADING = re.compile(r"^(?:[\s:|/,–—-]+|with\s+|w/\s*)+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:[\s:|/,–—-]+)$")


def _from_summary(summary: str, pattern: re.Pattern) -> tuple[str | None, str | None]:
    """A contact name and organisation written in an event title, or ``None`` for each."""
    found = pattern.search(summary)
    if not found:
        return None, None
    after = _LEADING.sub("", summary[found.end():]).strip()
    before = _TRAILING.sub("", summary[:found.start()]).strip()
    for text in (after, before):
        if not text:
            continue
        name, organization = _split_org(text)
        name = _LEADING.sub("", name).strip()
        if _looks_like_name(name):
            return name, organization
        if organization is None and _looks_like_name(text):
            return text, None
    return None, None


def _split_org(text: str) -> tuple[str, str | None]:
    for regex in (_ORG_IN_BRACKETS, _ORG_AFTER_WORD):
        found = regex.match(text)
        if found:
            organization = found.group("org").strip(" .,")
            return found.group("rest").strip(" -–—,"), organization or None
    return text, None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    capitalised = 0
    for word in words:
        if not re.fullmatch(r"[^\W\d_][\w'’.\-]*", word):
            return False
        if word[0].isupper():
            capitalised += 1
        elif word.casefold() not in _NAME_PARTICLES:
            return False
    return capitalised >= 1


# --------------------------------------------------------------------------- mode


def _mode(event, summary: str) -> str | None:
    texts = [str(event.get(key, "")) for key in _TEXT_PROPERTIES]
    texts += [str(value) for key, value in event.items()
              if key.upper().startswith("X-") and ("CONFERENCE" in key.upper()
                                                   or "MEETING" in key.upper())]
    everything = " ".join([summary, *texts])
    if _VIDEO.search(everything):
        return "video"
    where = " ".join([summary, str(event.get("LOCATION", ""))])
    if _PHONE_WORD.search(where) or _PHONE_NUMBER.search(where):
        return "phone"
    if _PHONE_IN_TEXT.search(everything):
        return "phone"
    return None
