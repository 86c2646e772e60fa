"""The `infoview` command, run as a user runs it: a subprocess, exit codes, stderr."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import icalendar
import pandas as pd
import pytest

from infoview_lib import calendar_export, metrics

LOG_ROWS = [
    "Contact Name,Company,Status,Outreach date,Interview Date,Thank-you sent,Duration,Mode",
    "Ana Ruiz,Acme,completed,2025-03-24,2025-04-01,2025-04-01,30,Zoom",
    "Ben Ode,Birch,done,2025-03-25,2025-04-03,,45,phone call",
    "Cy Lam,Cedar,requested,2025-04-07,,,,",
    "Dee Park,Dune,declined,2025-03-01,,,,",
]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "infoview_lib", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def log_file(tmp_path) -> Path:
    path = tmp_path / "my log.csv"
    path.write_text("\n".join(LOG_ROWS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def bad_file(tmp_path) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text("contact,status,interview_date\nAna,maybe,2025-02-30\n", encoding="utf-8")
    return path


def assert_clean_error(result, *, code: int = 2, contains: str = ""):
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    assert contains in result.stderr
    return result


# -------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", [[], ["validate"], ["report"], ["due"], ["summary"]])
def test_help_everywhere(command):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: infoview")
    assert result.stderr == ""


def test_no_command_and_unknown_command_are_one_line_errors():
    for args in ([], ["frobnicate"]):
        result = assert_clean_error(run(*args), contains="infoview: error:")
        assert len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------------- validate


def test_validate_ok_and_problems(log_file, bad_file):
    ok = run("validate", log_file)
    assert ok.returncode == 0 and "OK, no problems" in ok.stdout
    bad = run("validate", log_file, bad_file)
    assert bad.returncode == 1
    assert "bad.csv: 2 problems" in bad.stdout
    assert "maybe" in bad.stdout and "2025-02-30" in bad.stdout
    assert "row" in bad.stdout.splitlines()[-3] or "row" in bad.stdout


def test_validate_a_folder_and_a_missing_file(log_file, bad_file, tmp_path):
    result = run("validate", tmp_path, tmp_path / "nope.csv")
    assert result.returncode == 2  # a missing file outranks problems
    assert "bad.csv" in result.stdout and "maybe" in result.stdout
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------------------------------ report


def test_report_writes_html(log_file, tmp_path):
    out = tmp_path / "reports" / "report.html"
    result = run("report", log_file, "-o", out, "--title", "Kim <3", "--today", "2025-04-15")
    assert result.returncode == 0, result.stderr
    assert f"Wrote {out}" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert "Kim &lt;3" in html and "Ana Ruiz" in html


def test_report_pseudonymized(log_file, tmp_path):
    out = tmp_path / "shared.html"
    result = run("report", log_file, "-o", out, "--pseudonymize", "--salt", "s3cret")
    assert result.returncode == 0 and result.stderr == ""
    assert "Ana Ruiz" not in out.read_text(encoding="utf-8")
    noted = run("report", log_file, "-o", out, "--pseudonymize")
    assert noted.returncode == 0 and "tokens are random" in noted.stderr
    assert_clean_error(run("report", log_file, "-o", out, "--salt", "x"),
                       contains="--salt only makes sense with --pseudonymize")


def test_report_errors(log_file, bad_file, tmp_path):
    assert_clean_error(run("report", log_file), contains="-o/--output")
    assert_clean_error(run("report", tmp_path / "nope.csv", "-o", tmp_path / "r.html"),
                       contains="no such file")
    result = assert_clean_error(run("report", bad_file, "-o", tmp_path / "r.html"),
                                contains="bad.csv has 2 problems")
    assert "infoview validate" in result.stderr
    assert not (tmp_path / "r.html").exists()
    blocked = tmp_path / "file.txt"
    blocked.write_text("x")
    assert_clean_error(run("report", log_file, "-o", blocked / "r.html"))


# --------------------------------------------------------------------------- due


def test_due_lists_actions_and_writes_a_calendar(log_file, tmp_path):
    ics = tmp_path / "due.ics"
    result = run("due", log_file, "--today", "2025-04-15", "--ics", ics)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # Ben: thank-you due since 4 Apr; Cy (Mon 7 Apr): second contact since Thu 10 Apr
    assert lines[0] == "2 actions due on 15 Apr 2025:"
    assert lines[1].split() == ["due", "since", "action", "contact", "organization", "what",
                                "to", "do"]
    assert lines[2].startswith("4 Apr 2025") and "thank_you" in lines[2]
    assert lines[3].startswith("10 Apr 2025") and "second_contact" in lines[3]
    assert f"Wrote 2 reminders to {ics}" in result.stdout

    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    assert str(calendar["PRODID"]) == calendar_export.PRODID
    assert str(calendar["VERSION"]) == "2.0"
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    for event in events:
        assert str(event["UID"]).endswith("@infoview")
        assert event.get("DTSTAMP") is not None
        assert event.decoded("DTSTART") == dt.date(2025, 4, 15)  # all-day, on --today
        assert event.decoded("DTEND") == dt.date(2025, 4, 16)
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == ["Contact a second person: Cy Lam (Cedar)",
                         "Send thank-you note: Ben Ode (Birch)"]
    assert "Due since 4 Apr 2025." in str(events[0]["DESCRIPTION"])


def test_due_nothing_due(log_file, tmp_path):
    ics = tmp_path / "due.ics"
    result = run("due", log_file, "--today", "2025-03-02", "--ics", ics)
    assert result.returncode == 0
    assert "Nothing due on 2 Mar 2025." in result.stdout
    assert not ics.exists()


def test_due_bad_date_and_bad_files(log_file, bad_file, tmp_path):
    for bad_day in ("2025-13-01", "15/04/2025", "tomorrow"):
        result = assert_clean_error(run("due", log_file, "--today", bad_day),
                                    contains="is not a date; write it as YYYY-MM-DD")
        assert len(result.stderr.strip().splitlines()) == 1
    assert_clean_error(run("due", tmp_path / "missing.csv"), contains="no such file")
    assert_clean_error(run("due", tmp_path), contains="is a folder")
    assert_clean_error(run("due", bad_file), contains="bad.csv has 2 problems")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 20)
    assert_clean_error(run("due", binary))


# ----------------------------------------------------------------------- summary


def test_summary_text_and_json(log_file):
    result = run("summary", log_file, "--today", "2025-04-15")
    assert result.returncode == 0
    assert "as of 15 Apr 2025" in result.stdout
    assert "Response rate" in result.stdout and "67% (2 of 3)" in result.stdout
    assert "Follow-up within 30 days" in result.stdout and "n/a" in result.stdout
    data = json.loads(run("summary", log_file, "--today", "2025-04-15", "--json").stdout)
    assert data["completed"] == 2 and data["due"] == 2
    assert data["follow_up_rate"] is None  # no 30-day window closed yet
    assert data["first_interview"] == "2025-04-01"


def test_summary_errors(tmp_path, bad_file):
    assert_clean_error(run("summary", tmp_path / "x.csv"), contains="no such file")
    assert_clean_error(run("summary", bad_file, "--json"), contains="problems")


def test_console_script_is_installed(log_file):
    script = Path(sys.executable).with_name("infoview")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    result = subprocess.run([str(script), "summary", str(log_file)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and "Interviews completed" in result.stdout


def test_main_in_process(log_file, capsys):
    from infoview_lib.cli import main

    assert main(["summary", str(log_file), "--today", "2025-04-15"]) == 0
    assert "Interviews completed" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        main(["due", str(log_file), "--today", "nope"])
    assert stop.value.code == 2


# ---------------------------------------------------------------- calendar export


def test_calendar_uids_are_stable_and_dates_default_to_due_since():
    log = pd.DataFrame({"contact": ["Ana"], "organization": [None], "status": ["completed"],
                        "interview_date": ["2025-04-01"]})
    due = metrics.due_followups(log, "2025-04-15")
    first = icalendar.Calendar.from_ical(calendar_export.due_to_ics(due))
    later = metrics.due_followups(log, "2025-04-20")
    second = icalendar.Calendar.from_ical(calendar_export.due_to_ics(later))
    (one,), (two,) = first.walk("VEVENT"), second.walk("VEVENT")
    assert str(one["UID"]) == str(two["UID"])  # re-importing updates the same event
    assert one.decoded("DTSTART") == dt.date(2025, 4, 2)  # the day it fell due
    assert str(one["SUMMARY"]) == "Send thank-you note: Ana"
    assert one.walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(hours=9)


def test_calendar_of_a_class_names_the_student(tmp_path):
    log = pd.DataFrame({"contact": ["Ana"], "status": ["completed"],
                        "interview_date": ["2025-04-01"], "student": ["kim"]})
    due = metrics.due_followups(log, "2025-04-15")
    path = calendar_export.write_ics(due, tmp_path / "class.ics", on="2025-04-15")
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["DESCRIPTION"]).startswith("Student: kim")
