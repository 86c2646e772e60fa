"""Importers: LinkedIn Connections.csv, calendar .ics, merging into a log.

Every fixture is written here and fictional.
"""

from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview_lib import LogValidationError, schema
from infoview_lib.importers import (
    CALENDAR_COLUMNS,
    CONNECTION_COLUMNS,
    DEFAULT_PATTERN,
    MergeResult,
    connections_growth,
    connections_to_log_rows,
    merge_into_log,
    read_calendar,
    read_linkedin_connections,
)
from infoview_lib.importers._common import typed_log_rows

# --------------------------------------------------------------------------- LinkedIn

CURRENT = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n'
    '"You will only see email addresses for connections who allow it."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Dana,Whitfield ,https://www.linkedin.com/in/dana-whitfield-1a2b3c,,"
    '"Harborview Health, Inc.","Lead, ""Data for Good"" Program",03 May 2024\n'
    ",,,,,,28 Apr 2024\n"
    "Omar,Quillfeather,https://www.linkedin.com/in/omar-q,omar.q@northwind.example,"
    "Northwind Analytics,Analyst  ,15 Jan 2023\n"
)
OLD_2018 = (
    "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    'Priya,Marrowby,,Bluefen Robotics,Controls engineer,"1/8/18, 6:14 PM"\n'
    'Bao,Fernsby,bao@fernsby.example,"Cedar Lane, LLC",Associate,"12/30/17, 9:02 AM"\n'
)


def test_current_layout(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(CURRENT, encoding="utf-8")
    people = read_linkedin_connections(path)
    assert list(people.columns) == list(CONNECTION_COLUMNS)
    assert len(people) == 3
    assert str(people["connected_on"].dtype) == "datetime64[ns]"
    assert all(people[c].dtype == "string" for c in CONNECTION_COLUMNS[:-1])
    dana = people.iloc[0]
    assert dana["last_name"] == "Whitfield"  # trailing space stripped
    assert dana["company"] == "Harborview Health, Inc."  # quoted comma kept
    assert dana["position"] == 'Lead, "Data for Good" Program'  # doubled quotes kept
    assert dana["url"] == "https://www.linkedin.com/in/dana-whitfield-1a2b3c"
    assert pd.isna(dana["email"])
    assert dana["connected_on"] == pd.Timestamp("2024-05-03")
    # the hidden connection is kept: it still counts
    hidden = people.iloc[1]
    assert pd.isna(hidden["first_name"]) and pd.isna(hidden["last_name"])
    assert hidden["connected_on"] == pd.Timestamp("2024-04-28")
    assert people.iloc[2]["position"] == "Analyst"
    assert people.iloc[2]["email"] == "omar.q@northwind.example"
    # file order (LinkedIn: newest first) is kept
    assert people["connected_on"].is_monotonic_decreasing


def test_2018_layout_without_url():
    people = read_linkedin_connections(OLD_2018.encode())
    assert list(people.columns) == list(CONNECTION_COLUMNS)
    assert people["url"].isna().all()
    assert people["connected_on"].tolist() == [pd.Timestamp("2018-01-08 18:14"),
                                               pd.Timestamp("2017-12-30 09:02")]
    assert people.iloc[1]["company"] == "Cedar Lane, LLC"


def test_bom_crlf_and_header_found_wherever_it_is():
    text = "Notes:\r\nOne line only\r\n\r\n\r\n" + CURRENT.split("\n\n", 1)[1].replace(
        "\n", "\r\n")
    people = read_linkedin_connections(io.BytesIO(text.encode("utf-8-sig")))
    assert len(people) == 3
    assert people.iloc[0]["first_name"] == "Dana"


def test_blank_lines_are_skipped_and_file_objects_work():
    text = CURRENT + "\n\n,,,,,,\n"
    people = read_linkedin_connections(io.StringIO(text))
    assert len(people) == 3


@pytest.mark.parametrize("content", [
    b"contact,status\nDana,completed\n",
    b"",
    b"\x00\x01\x02binary junk\xff\xfe",
    b"First Name,Last Name,Company\nA,B,C\n",  # a different LinkedIn file
])
def test_not_a_connections_export(content):
    with pytest.raises(LogValidationError) as caught:
        read_linkedin_connections(content)
    message = str(caught.value)
    assert "not a LinkedIn connections export" in message
    assert "First Name,Last Name,URL,Email Address,Company,Position,Connected On" in message
    assert len(caught.value.problems) == 1


def test_bad_rows_are_reported_by_line():
    text = OLD_2018 + "Ana,Sablewood,,Kestrel Bank, Inc,Analyst,\"2/3/19, 1:00 PM\"\n" \
        + "Leo,Penrowan,,Acme,Analyst,sometime last year\n"
    with pytest.raises(LogValidationError) as caught:
        read_linkedin_connections(text.encode())
    problems = caught.value.problems
    assert problems["row"].tolist() == [4, 5]
    assert "in quotes" in problems.iloc[0]["problem"]
    assert problems.iloc[1]["column"] == "Connected On"
    assert problems.iloc[1]["value"] == "sometime last year"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_linkedin_connections(tmp_path / "nope.csv")
    with pytest.raises(LogValidationError, match="folder"):
        read_linkedin_connections(tmp_path)


def test_connections_growth_counts_every_month():
    people = read_linkedin_connections(CURRENT.encode())
    growth = connections_growth(people)
    assert list(growth.columns) == ["period", "new_connections", "total"]
    assert str(growth["period"].iloc[0]) == "2023-01"
    assert str(growth["period"].iloc[-1]) == "2024-05"
    assert len(growth) == 17  # empty months included
    assert growth["new_connections"].sum() == 3
    assert growth["total"].iloc[-1] == 3
    assert growth["total"].is_monotonic_increasing
    quarterly = connections_growth(people, freq="QE")
    assert quarterly["total"].iloc[-1] == 3 and len(quarterly) == 6


def test_connections_growth_empty():
    empty = read_linkedin_connections(CURRENT.split("Dana")[0].encode())
    growth = connections_growth(empty)
    assert growth.empty and list(growth.columns) == ["period", "new_connections", "total"]


def test_connections_to_log_rows_skips_hidden_names():
    people = read_linkedin_connections(CURRENT.encode())
    rows = connections_to_log_rows(people)
    assert rows["contact"].tolist() == ["Dana Whitfield", "Omar Quillfeather"]
    assert rows["status"].tolist() == ["planned", "planned"]
    assert rows["source"].tolist() == ["linkedin", "linkedin"]
    assert rows["organization"].tolist() == ["Harborview Health, Inc.", "Northwind Analytics"]
    assert rows["role"].iloc[1] == "Analyst"
    assert rows.dtypes.to_dict() == schema.empty_log().dtypes.to_dict()
    assert "03 May 2024" in rows["notes"].iloc[0]
    alumni = connections_to_log_rows(people, source="Alumna")
    assert alumni["source"].tolist() == ["alumni", "alumni"]
    with pytest.raises(ValueError, match="not one of"):
        connections_to_log_rows(people, source="carrier pigeon")


# --------------------------------------------------------------------------- calendar


def ics(*events: str, header: str = "") -> bytes:
    """A calendar around the given VEVENT bodies (lines joined with CRLF)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//infoview tests//EN"]
    lines += [line for line in header.splitlines() if line]
    for body in events:
        lines += ["BEGIN:VEVENT", *[line for line in body.strip().splitlines()], "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


GOOGLE = "X-WR-CALNAME:jordan@lakemont.example\nX-WR-TIMEZONE:America/New_York"


def fold(line: str) -> str:
    """Fold at 75 octets the way RFC 5545 says (CRLF + one space)."""
    from infoview_lib.sample import fold_ics_line

    return fold_ics_line(line)


def read(*events, header=GOOGLE, **kwargs) -> pd.DataFrame:
    kwargs.setdefault("today", "2025-04-15")
    return read_calendar(ics(*events, header=header), **kwargs)


def test_utc_times_become_local_with_x_wr_timezone():
    rows = read(
        """
UID:1
DTSTART:20250312T150000Z
DTEND:20250312T153000Z
SUMMARY:Coffee chat with Dana Whitfield (Harborview Health)
""",
        """
UID:2
DTSTART:20250115T150000Z
DTEND:20250115T160000Z
SUMMARY:Informational interview with Omar Quillfeather
""",
    )
    assert list(rows.columns) == list(CALENDAR_COLUMNS)
    for name in CALENDAR_COLUMNS:
        assert rows[name].dtype == schema.dtype_of(schema.BY_NAME[name]), name
    # oldest first; January is EST (UTC-5), March 12 is already EDT (UTC-4)
    assert rows["interview_date"].tolist() == [pd.Timestamp("2025-01-15 10:00"),
                                               pd.Timestamp("2025-03-12 11:00")]
    assert rows["duration_min"].tolist() == [60, 30]
    assert rows["contact"].tolist() == ["Omar Quillfeather", "Dana Whitfield"]
    assert rows["organization"].iloc[1] == "Harborview Health"
    assert rows["status"].tolist() == ["completed", "completed"]


def test_tzid_keeps_the_wall_clock_time():
    rows = read(
        """
UID:1
DTSTART;TZID=Europe/London:20250320T140000
DTEND;TZID=Europe/London:20250320T144500
SUMMARY:Info interview: Elif Hazelrig
""",
        """
UID:2
DTSTART;TZID=Eastern Standard Time:20250321T090000
DURATION:PT20M
SUMMARY:Career conversation - Bao Fernsby (Cedar Lane Consulting)
""",
        header="",
    )
    assert rows["interview_date"].tolist() == [pd.Timestamp("2025-03-20 14:00"),
                                               pd.Timestamp("2025-03-21 09:00")]
    assert rows["duration_min"].tolist() == [45, 20]
    assert rows["contact"].tolist() == ["Elif Hazelrig", "Bao Fernsby"]
    assert rows["organization"].tolist()[1] == "Cedar Lane Consulting"


def test_utc_without_calendar_zone_uses_tz_argument():
    rows = read("""
UID:1
DTSTART:20250312T150000Z
DTEND:20250312T153000Z
SUMMARY:Coffee chat with Dana Whitfield
""", header="", tz="America/Chicago")
    assert rows["interview_date"].tolist() == [pd.Timestamp("2025-03-12 10:00")]


def test_all_day_cancelled_and_unrelated_events_are_skipped():
    rows = read(
        """
UID:1
DTSTART;VALUE=DATE:20250321
DTEND;VALUE=DATE:20250322
SUMMARY:Informational interview prep day
""",
        """
UID:2
DTSTART:20250312T150000Z
DTEND:20250312T153000Z
STATUS:CANCELLED
SUMMARY:Coffee chat with Dana Whitfield
""",
        """
UID:3
DTSTART:20250313T150000Z
DTEND:20250313T153000Z
SUMMARY:Dentist
""",
        """
UID:4
DTSTART:20250314T150000Z
DTEND:20250314T153000Z
SUMMARY:Lakemont career fair
""",
        """
UID:5
DTSTART:20250314T180000Z
DTEND:20250314T183000Z
STATUS:CONFIRMED
SUMMARY:INFO INTERVIEW: Omar Quillfeather
""",
    )
    assert rows["contact"].tolist() == ["Omar Quillfeather"]


def test_recurring_events_expand_only_when_they_match():
    rows = read(
        """
UID:standup
DTSTART;TZID=America/New_York:20250106T090000
DTEND;TZID=America/New_York:20250106T091500
RRULE:FREQ=DAILY
SUMMARY:Team standup
""",
        """
UID:mentor
DTSTART;TZID=America/New_York:20250303T160000
DTEND;TZID=America/New_York:20250303T163000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=America/New_York:20250310T160000
SUMMARY:Coffee chat with Ilse Kingsmoor
""",
        """
UID:mentor
RECURRENCE-ID;TZID=America/New_York:20250317T160000
DTSTART;TZID=America/New_York:20250318T120000
DTEND;TZID=America/New_York:20250318T124500
SUMMARY:Coffee chat with Ilse Kingsmoor
""",
        """
UID:monthly
DTSTART;TZID=America/New_York:20250401T100000
DTEND;TZID=America/New_York:20250401T103000
RRULE:FREQ=MONTHLY
SUMMARY:Career conversation with Hugo Yarrowby
""",
    )
    ilse = rows[rows["contact"] == "Ilse Kingsmoor"]
    assert ilse["interview_date"].tolist() == [
        pd.Timestamp("2025-03-03 16:00"),  # 10 March is excluded
        pd.Timestamp("2025-03-18 12:00"),  # 17 March was moved
        pd.Timestamp("2025-03-24 16:00"),
    ]
    assert ilse["duration_min"].tolist() == [30, 45, 30]
    hugo = rows[rows["contact"] == "Hugo Yarrowby"]
    # an endless series stops a bounded time after today, and only the past is completed
    assert 2 <= len(hugo) <= 5
    assert hugo["interview_date"].max() <= pd.Timestamp("2025-04-15") + pd.Timedelta(days=120)
    assert hugo["status"].tolist()[0] == "completed"
    assert set(hugo["status"].tolist()[1:]) == {"scheduled"}
    assert "Team standup" not in " ".join(rows["notes"].dropna())


def test_missing_dtend_gives_no_duration():
    rows = read("""
UID:1
DTSTART:20250312T150000Z
SUMMARY:Coffee chat with Dana Whitfield
""")
    assert len(rows) == 1
    assert pd.isna(rows["duration_min"].iloc[0])
    assert rows["interview_date"].iloc[0] == pd.Timestamp("2025-03-12 11:00")


def test_folded_lines_are_unfolded():
    summary = "SUMMARY:Informational interview - Marisol Quillfeather-Netherwick (" \
              "Ashcombe\\, Finch & Rowe LLP)"
    description = ("DESCRIPTION:Join Zoom Meeting\\nhttps://lakemont.zoom.us/j/81234567890?"
                   "pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\\nMeeting ID: 812 3456 7890")
    attendee = ("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;"
                "CN=Marisol Quillfeather-Netherwick;X-NUM-GUESTS=0:mailto:"
                "marisol.qn@ashcombe-finch-rowe.example")
    folded = [fold(summary), fold(description), fold(attendee)]
    assert all("\r\n " in line for line in folded)
    assert all(len(part.encode()) <= 75 for line in folded for part in line.split("\r\n"))
    rows = read("UID:1\nDTSTART:20250312T150000Z\nDTEND:20250312T154000Z\n"
                + "\n".join(folded) + "\nORGANIZER:mailto:jordan@lakemont.example")
    row = rows.iloc[0]
    assert row["contact"] == "Marisol Quillfeather-Netherwick"
    assert row["organization"] == "Ashcombe, Finch & Rowe LLP"
    assert row["mode"] == "video"
    assert row["duration_min"] == 40


@pytest.mark.parametrize(("extra", "mode"), [
    ("LOCATION:https://lakemont.zoom.us/j/81234567890", "video"),
    ("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij", "video"),
    ("DESCRIPTION:Microsoft Teams meeting\\nJoin: https://teams.microsoft.com/l/meetup-join/x",
     "video"),
    ("LOCATION:Webex https://lakemont.webex.com/meet/x", "video"),
    ("LOCATION:Phone: (555) 014-2233", "phone"),
    ("LOCATION:+1 555 014 2233", "phone"),
    ("LOCATION:Bluefen Café\\, 14 Harbor Street", None),
    ("DESCRIPTION:Bring questions for 2025-03-12.", None),
])
def test_mode(extra, mode):
    rows = read(f"UID:1\nDTSTART:20250312T150000Z\nSUMMARY:Coffee chat with Dana Whitfield\n"
                f"{extra}")
    value = rows["mode"].iloc[0]
    assert (pd.isna(value) and mode is None) or value == mode


def test_phone_call_in_title():
    rows = read("UID:1\nDTSTART:20250312T150000Z\nSUMMARY:Info interview call: Dana Whitfield")
    assert rows["mode"].iloc[0] == "phone"


def test_contact_is_the_other_attendee_not_me_or_the_organiser():
    organised_by_me = """
UID:1
DTSTART:20250312T150000Z
SUMMARY:Coffee chat
ORGANIZER;CN=Jordan Ashgrove:mailto:jordan@lakemont.example
ATTENDEE;CN=Jordan Ashgrove:mailto:jordan@lakemont.example
ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:c_123@resource.calendar.google.com
ATTENDEE;CN=Dana Whitfield:mailto:dana@harborview-health.example
"""
    organised_by_them = """
UID:2
DTSTART:20250313T150000Z
SUMMARY:Coffee chat
ORGANIZER;CN=Omar Quillfeather:mailto:omar.quillfeather@northwind-analytics.example
ATTENDEE:mailto:jordan@lakemont.example
"""
    email_only = """
UID:3
DTSTART:20250314T150000Z
SUMMARY:Coffee chat
ORGANIZER:mailto:jordan@lakemont.example
ATTENDEE:mailto:priya_marrowby@gmail.com
"""
    rows = read(organised_by_me, organised_by_them, email_only)
    assert rows["contact"].tolist() == ["Dana Whitfield", "Omar Quillfeather", "Priya Marrowby"]
    # organisation from the e-mail domain, but never from a personal-mail provider
    assert rows["organization"].tolist()[:2] == ["Harborview Health", "Northwind Analytics"]
    assert pd.isna(rows["organization"].iloc[2])
    # with no calendar owner known, the organiser is taken to be you
    rows = read(organised_by_me, header="")
    assert rows["contact"].tolist() == ["Dana Whitfield"]
    # `me` can be given explicitly, by address or by name
    rows = read(organised_by_them, header="", me="Jordan@Lakemont.example")
    assert rows["contact"].tolist() == ["Omar Quillfeather"]


def test_several_guests_are_noted():
    rows = read("""
UID:1
DTSTART:20250312T150000Z
SUMMARY:Coffee chat
ORGANIZER:mailto:jordan@lakemont.example
ATTENDEE;CN=Dana Whitfield:mailto:dana@harborview-health.example
ATTENDEE;CN=Omar Quillfeather:mailto:omar@harborview-health.example
""")
    assert rows["contact"].iloc[0] == "Dana Whitfield"
    assert "also invited: Omar Quillfeather" in rows["notes"].iloc[0]


@pytest.mark.parametrize(("summary", "contact", "organization"), [
    ("Coffee chat with Dana Whitfield", "Dana Whitfield", None),
    ("Informational interview - Dana Whitfield (Harborview Health)", "Dana Whitfield",
     "Harborview Health"),
    ("Info interview: Dana Whitfield", "Dana Whitfield", None),
    ("Career conversation with Dana Whitfield at Harborview Health", "Dana Whitfield",
     "Harborview Health"),
    ("Dana Whitfield - informational interview", "Dana Whitfield", None),
    ("coffee chat w/ Ana de la Vega from Kestrel Community Bank", "Ana de la Vega",
     "Kestrel Community Bank"),
    ("Coffee chat", None, None),
    ("Coffee chat about the job market in 2025", None, None),
])
def test_contact_from_the_title(summary, contact, organization):
    rows = read(f"UID:1\nDTSTART:20250312T150000Z\nSUMMARY:{summary}")
    assert len(rows) == 1
    got_contact, got_org = rows["contact"].iloc[0], rows["organization"].iloc[0]
    assert (pd.isna(got_contact) and contact is None) or got_contact == contact
    assert (pd.isna(got_org) and organization is None) or got_org == organization


def test_status_depends_on_today():
    event = "UID:1\nDTSTART:20250312T150000Z\nSUMMARY:Coffee chat with Dana Whitfield"
    assert read(event, today="2025-03-12")["status"].iloc[0] == "scheduled"
    assert read(event, today="2025-03-13")["status"].iloc[0] == "completed"
    assert read(event, today=None)["status"].iloc[0] == "completed"  # default: now


def test_custom_match_pattern():
    events = ("UID:1\nDTSTART:20250312T150000Z\nSUMMARY:Mentoring: Dana Whitfield",
              "UID:2\nDTSTART:20250313T150000Z\nSUMMARY:Coffee chat with Omar Quillfeather")
    assert read(*events)["contact"].tolist() == ["Omar Quillfeather"]
    rows = read(*events, match=r"mentoring")
    assert rows["contact"].tolist() == ["Dana Whitfield"]
    assert "coffee" in DEFAULT_PATTERN


def test_unknown_tzid_keeps_the_time_with_a_note_and_a_warning():
    event = """
UID:1
DTSTART;TZID=Mars/Olympus Mons:20250312T150000
DTEND;TZID=Mars/Olympus Mons:20250312T153000
SUMMARY:Coffee chat with Dana Whitfield
"""
    for header in (GOOGLE, ""):
        with pytest.warns(UserWarning, match="Mars/Olympus Mons"):
            rows = read(event, header=header)
        assert rows["interview_date"].tolist() == [pd.Timestamp("2025-03-12 15:00")]
        assert rows["duration_min"].tolist() == [30]
        assert "time zone 'Mars/Olympus Mons' unknown" in rows["notes"].iloc[0]


def test_unknown_calendar_zone_falls_back_to_tz():
    with pytest.warns(UserWarning, match="Atlantis/Capital"):
        rows = read("UID:1\nDTSTART:20250312T150000Z\nSUMMARY:Coffee chat with Dana Whitfield",
                    header="X-WR-TIMEZONE:Atlantis/Capital", tz="UTC")
    assert rows["interview_date"].tolist() == [pd.Timestamp("2025-03-12 15:00")]


def test_overlong_and_zero_length_events():
    rows = read(
        "UID:1\nDTSTART:20250312T150000Z\nDTEND:20250312T230000Z\n"
        "SUMMARY:Coffee chat with Dana Whitfield",
        "UID:2\nDTSTART:20250313T150000Z\nDTEND:20250313T150000Z\n"
        "SUMMARY:Coffee chat with Omar Quillfeather",
    )
    assert rows["duration_min"].isna().all()
    assert "480 minutes" in rows["notes"].iloc[0]


def test_empty_calendar_gives_typed_empty_rows():
    rows = read()
    assert rows.empty and list(rows.columns) == list(CALENDAR_COLUMNS)
    assert rows["interview_date"].dtype == "datetime64[ns]"


@pytest.mark.parametrize("content", [
    b"contact,status\nDana,completed\n",
    b"",
    b"\x89PNG\r\n\x1a\n\x00\x00",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana\r\nEND:VCARD\r\n",
])
def test_not_a_calendar(content):
    with pytest.raises(LogValidationError, match="not a calendar"):
        read_calendar(content)


@pytest.mark.parametrize("content", [
    b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20250312T150000Z\r\n",  # cut short
    b"BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    b"BEGIN:VCALENDAR\r\nthis is junk\r\nEND:VCALENDAR\r\n",
])
def test_damaged_calendar(content):
    with pytest.raises(LogValidationError, match="damaged"):
        read_calendar(content)


def test_event_with_unreadable_times_is_left_out_with_a_warning():
    with pytest.warns(UserWarning, match="no start time"):
        rows = read("UID:1\nDTSTART:notadate\nSUMMARY:Coffee chat with Dana Whitfield",
                    "UID:2\nDTSTART:20250312T150000Z\nDTEND:never\n"
                    "SUMMARY:Coffee chat with Omar Quillfeather",
                    "UID:3\nSUMMARY:Coffee chat with Priya Marrowby")
    assert rows["contact"].tolist() == ["Omar Quillfeather"]
    assert rows["duration_min"].isna().all()


def test_calendar_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_calendar(tmp_path / "nope.ics")


def test_no_warnings_for_a_clean_calendar():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read("UID:1\nDTSTART:20250312T150000Z\nSUMMARY:Coffee chat with Dana Whitfield")


# --------------------------------------------------------------------------- merging


def make_log(*records: dict) -> pd.DataFrame:
    return typed_log_rows(list(records))


def test_merge_skips_same_contact_and_day():
    log = make_log(
        {"contact": "Dana Whitfield", "status": "completed", "interview_date": "2025-03-12",
         "thank_you_date": "2025-03-12", "notes": "mine"},
        {"contact": "Omar Quillfeather", "status": "declined", "outreach_date": "2025-02-01"},
    )
    new = make_log(
        {"contact": "  dana   WHITFIELD ", "status": "completed",
         "interview_date": pd.Timestamp("2025-03-12 15:00"), "duration_min": 30},
        {"contact": "Dana Whitfield", "status": "completed",
         "interview_date": pd.Timestamp("2025-04-02 10:00")},
        {"contact": "Priya Marrowby", "status": "scheduled",
         "interview_date": pd.Timestamp("2025-04-20 10:00")},
        {"contact": "Priya Marrowby", "status": "scheduled",
         "interview_date": pd.Timestamp("2025-04-20 10:00")},  # repeated in the import
    )
    before = log.copy()
    result = merge_into_log(log, new)
    assert isinstance(result, MergeResult)
    merged, added, already = result
    pd.testing.assert_frame_equal(log, before)  # the input is not changed
    assert len(merged) == 4
    assert merged["contact"].tolist()[:2] == ["Dana Whitfield", "Omar Quillfeather"]
    assert merged["notes"].iloc[0] == "mine"
    assert added["contact"].tolist() == ["Dana Whitfield", "Priya Marrowby"]
    assert already["matched"].tolist() == ["same contact and date", "same contact and date"]
    assert merged.dtypes.to_dict() == schema.empty_log().dtypes.to_dict()


def test_merge_linkedin_prospects_by_contact():
    log = make_log({"contact": "Dana Whitfield", "status": "completed",
                    "interview_date": "2025-03-12"})
    people = read_linkedin_connections(CURRENT.encode())
    result = merge_into_log(log, connections_to_log_rows(people))
    assert result.added["contact"].tolist() == ["Omar Quillfeather"]
    assert result.already_there["matched"].tolist() == ["same contact"]
    again = merge_into_log(result.log, connections_to_log_rows(people))
    assert again.added.empty and len(again.log) == 2


def test_merge_fills_an_open_row_instead_of_duplicating():
    log = make_log({"contact": "Priya Marrowby", "status": "requested",
                    "outreach_date": "2025-03-31", "source": "linkedin", "notes": "asked"})
    calendar = read("""
UID:1
DTSTART:20250418T160000Z
DTEND:20250418T163000Z
SUMMARY:Career conversation with Priya Marrowby
X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij
""")
    result = merge_into_log(log, calendar)
    assert len(result.log) == 1 and result.added.empty
    row = result.log.iloc[0]
    assert row["status"] == "scheduled"
    assert row["interview_date"] == pd.Timestamp("2025-04-18 12:00")
    assert row["mode"] == "video" and row["duration_min"] == 30
    assert row["source"] == "linkedin" and row["notes"] == "asked"  # kept
    assert result.already_there["matched"].tolist() == ["filled in the open row"]


def test_merge_keeps_extra_columns_and_adds_rows_without_contact():
    log = make_log({"contact": "Dana Whitfield", "status": "planned"})
    log["LinkedIn URL"] = pd.Series(["https://www.linkedin.com/in/dana"], dtype="string")
    new = make_log({"contact": None, "status": "completed", "interview_date": "2025-03-01"})
    result = merge_into_log(log, new)
    assert len(result.log) == 2
    assert result.log["LinkedIn URL"].iloc[0] == "https://www.linkedin.com/in/dana"
    assert pd.isna(result.log["contact"].iloc[1])


def test_merge_understands_category_spellings_and_rejects_unknown_ones():
    log = make_log({"contact": "Dana Whitfield", "status": "planned"})
    new = pd.DataFrame({"contact": ["Omar Quillfeather"], "status": ["Done"],
                        "interview_date": ["2025-03-01"], "mode": ["Zoom"]})
    result = merge_into_log(log, new)
    assert result.log["status"].tolist() == ["planned", "completed"]
    assert result.log["mode"].iloc[1] == "video"
    with pytest.raises(ValueError, match="not one of"):
        merge_into_log(log, pd.DataFrame({"contact": ["X"], "status": ["maybe"]}))


def test_merge_reads_a_log_path(tmp_path):
    from infoview_lib.io import save_log

    path = tmp_path / "log.csv"
    save_log(make_log({"contact": "Dana Whitfield", "status": "completed",
                       "interview_date": "2025-03-12"}), path)
    new = make_log({"contact": "Dana Whitfield", "status": "completed",
                    "interview_date": "2025-03-12"})
    assert merge_into_log(path, new).added.empty


def test_merge_checks_a_log_of_text_cells():
    text_log = pd.DataFrame({"contact": ["Dana Whitfield"], "status": ["Done"],
                             "interview_date": ["3/12/2025"]})
    new = make_log({"contact": "Dana Whitfield", "status": "completed",
                    "interview_date": "2025-03-12"})
    result = merge_into_log(text_log, new)
    assert result.added.empty and result.log["status"].tolist() == ["completed"]
    with pytest.raises(LogValidationError):
        merge_into_log(pd.DataFrame({"contact": ["Dana"], "interview_date": ["2025-02-30"]}),
                       new)


# --------------------------------------------------------------------------- fuzzing


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzzed_bytes_give_only_log_validation_errors(data):
    for reader in (read_linkedin_connections, read_calendar):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                reader(data)
        except LogValidationError:
            pass


_ICS_LINES = st.sampled_from([
    "BEGIN:VEVENT", "END:VEVENT", "SUMMARY:Coffee chat with Dana Whitfield",
    "DTSTART:20250312T150000Z", "DTSTART;VALUE=DATE:20250312", "DTSTART:2025",
    "DTEND:20250312T140000Z", "DURATION:PT30M", "DURATION:soon", "RRULE:FREQ=DAILY;COUNT=3",
    "RRULE:FREQ=SOMETIMES", "EXDATE:20250313T150000Z", "STATUS:CANCELLED", "UID:1", "UID:2",
    "RECURRENCE-ID:20250313T150000Z", "ATTENDEE;CN=Omar:mailto:omar@x.example",
    "ORGANIZER:mailto:", "DTSTART;TZID=Nowhere/Land:20250312T150000",
    "X-WR-TIMEZONE:Nowhere/Land", "BEGIN:VTIMEZONE", "END:VTIMEZONE", "TZID:Nowhere/Land",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_ICS_LINES, st.text(max_size=30)), max_size=25))
def test_fuzzed_calendars_never_crash(lines):
    data = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *lines, "END:VCALENDAR", ""])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = read_calendar(data.encode("utf-8", errors="replace"), today="2025-04-15")
    except LogValidationError:
        return
    assert list(rows.columns) == list(CALENDAR_COLUMNS)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=9), max_size=8))
def test_fuzzed_connection_rows_never_crash(rows):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On"])
    writer.writerows(rows)
    try:
        people = read_linkedin_connections(buffer.getvalue().encode("utf-8"))
    except LogValidationError:
        return
    assert list(people.columns) == list(CONNECTION_COLUMNS)
