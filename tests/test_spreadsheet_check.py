"""Checking a student's own spreadsheet: problems with their rows and how to fix each.

Uses the class folder's one broken log (four planted mistakes) and small files written
here; the widget is driven without a kernel (``.value``, ``.click()``).
"""

from __future__ import annotations

import datetime as dt
import html
import re

import pandas as pd
import pytest

import infoview_lib
from infoview_lib import form_logic
from infoview_lib.widgets import SpreadsheetCheck
from infoview_lib.widgets.spreadsheet import ACCEPT

BROKEN = "student_09_quentin.csv"


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def upload_value(name: str, content: bytes) -> tuple[dict, ...]:
    """What ipywidgets 8's FileUpload holds after the student picks a file."""
    return ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
             "last_modified": dt.datetime(2025, 4, 1, 12, 0)},)


# ----------------------------------------------------------------------------- advice
# One file per kind of problem the loader reports, with the words the advice must hold.
KINDS = {
    "bad date": ("contact,interview_date\nAna,next Tuesday\n", "year-month-day"),
    "impossible date": ("contact,interview_date\nAna,2025-02-30\n", "not in the calendar"),
    "implausible year": ("contact,interview_date\nAna,3/1/2205\n", "Check the year"),
    "duration out of range": ("contact,duration_min\nAna,600\n", "from 1 to 240"),
    "negative referrals": ("contact,referrals\nAna,-2\n", "at least 0"),
    "not a number": ("contact,referrals\nAna,lots\n", "digits only"),
    "unknown category": ("contact,mode\nAna,carrier pigeon\n", "In person, Phone, Video"),
    "unknown status": ("contact,status\nAna,maybe\n", "done or ghosted"),
    "missing contact": ("contact,organization\n,Northwind\nBen,Acme\n", "Write the name"),
    "completed without date": ("contact,status\nAna,completed\n", "Add the date you met"),
    "thank-you before interview": (
        "contact,interview_date,thank_you_date\nAna,2025-03-04,2025-03-01\n",
        "goes out after the conversation"),
    "no contact column": ("organization,status\nAcme,planned\n", "Add a column headed Contact"),
    "duplicate header": ("contact,notes,notes\nAna,a,b\n", "same header"),
    "two headers, one meaning": ("contact,company,organization\nAna,A,B\n", "delete one"),
    "ragged row": ("contact,notes\nAna,one,two\n", "separator"),
    "empty file": ("", "header row"),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_problem_gets_its_own_advice(kind, tmp_path):
    content, words = KINDS[kind]
    path = tmp_path / "mine.csv"
    path.write_text(content, encoding="utf-8")
    report = form_logic.check_spreadsheet(path)
    assert not report.ok
    advice = list(report.problems["how_to_fix"])
    assert all(a != form_logic.DEFAULT_ADVICE for a in advice), report.problems
    assert any(words in a for a in advice), advice


def test_unknown_problems_get_the_general_advice():
    assert form_logic.how_to_fix("something new went wrong") == form_logic.DEFAULT_ADVICE


def test_the_broken_class_log_lists_every_problem_with_its_row():
    report = form_logic.check_spreadsheet(infoview_lib.class_dir() / BROKEN)
    assert report.name == BROKEN and not report.ok and report.log is None
    problems = report.problems
    assert list(problems["row"]) == [2, 3, 6, 8]
    assert list(problems["column"]) == ["status", "outreach_date", "duration_min",
                                        "interview_date"]
    assert problems["how_to_fix"].str.len().min() > 20
    # the same problems check_log reports
    pd.testing.assert_frame_equal(problems.drop(columns="how_to_fix"),
                                  infoview_lib.check_log(infoview_lib.class_dir() / BROKEN))


def test_a_good_log_gets_the_headline_numbers_and_status_counts():
    report = form_logic.check_spreadsheet(infoview_lib.sample_log_path(), as_of="2025-04-15")
    log = infoview_lib.load_log(infoview_lib.sample_log_path())
    assert report.ok and report.problems.empty
    assert report.numbers["Rows"] == str(len(log))
    completed = int((log["status"] == "completed").sum())
    assert report.numbers["Interviews completed"] == str(completed)
    assert report.numbers["Response rate"].endswith("%")
    counts = dict(zip(report.status_counts["Status"], report.status_counts["Rows"],
                      strict=True))
    assert counts["Completed"] == completed
    assert sum(counts.values()) == len(log)


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path):
    report = form_logic.check_spreadsheet(tmp_path / "nope.csv")
    assert not report.ok
    [problem] = report.problems["problem"]
    assert problem.startswith("No such file") and "nope.csv" in problem


# ----------------------------------------------------------------------------- the widget
def test_the_controls_are_labelled_and_accept_log_files():
    check = SpreadsheetCheck()
    assert check.upload.description == "Upload your log"
    assert check.upload.accept == ACCEPT == ".csv,.tsv,.txt,.xlsx,.json,.parquet"
    assert check.upload.multiple is False
    assert check.path_text.description == "Or type a file path"
    assert check.check_button.description == "Check"
    assert check.result.value == ""


def test_checking_a_path_shows_rows_problems_and_fixes():
    path = infoview_lib.class_dir() / BROKEN
    before = path.read_bytes()
    check = SpreadsheetCheck()
    check.path_text.value = str(path)
    check.check_button.click()
    shown = text_of(check.result.value)
    assert shown.startswith(f"4 problems in {BROKEN}.")
    assert "2 status compelted is not one of" in shown
    assert "6 duration_min 600 should be between 1 and 240 Type the length of the " \
           "conversation in whole minutes" in shown
    assert "8 interview_date a completed interview needs its interview date Add the date " \
           "you met" in shown
    assert 'role="alert"' in check.result.value and "<caption" in check.result.value
    assert path.read_bytes() == before  # checking never writes


def test_uploading_a_good_excel_file_shows_all_good_and_a_preview(tmp_path):
    log = infoview_lib.load_log(infoview_lib.sample_log_path())
    xlsx = tmp_path / "my log.xlsx"
    infoview_lib.save_log(log, xlsx)
    check = SpreadsheetCheck()
    check.upload.value = upload_value(xlsx.name, xlsx.read_bytes())
    assert check.report is not None and check.report.ok
    shown = text_of(check.result.value)
    assert shown.startswith(f"All good: my log.xlsx loads cleanly ({len(log)} rows).")
    assert f"Rows {len(log)}" in shown and "Interviews completed" in shown
    assert "Rows by status" in shown
    first = log.iloc[0]
    assert f"The first 5 rows Row Contact Organization Status Interview date Mode " \
           f"Duration (minutes) 2 {first['contact']} {first['organization']}" in shown


def test_uploading_a_broken_file_names_its_problems():
    content = b"Contact Name,Mode,Duration\nAna,Zoom,45\nBen,carrier pigeon,300\n"
    check = SpreadsheetCheck()
    check.upload.value = upload_value("mine.csv", content)
    shown = text_of(check.result.value)
    assert shown.startswith("2 problems in mine.csv.")
    assert "3 Mode carrier pigeon is not one of" in shown
    assert "3 Duration 300 should be between 1 and 240" in shown


def test_values_from_the_file_are_shown_as_text():
    content = b"contact,status\n<script>alert(1)</script>,<b>done?</b>\n"
    check = SpreadsheetCheck()
    check.upload.value = upload_value("evil.csv", content)
    assert "<b>done?</b>" not in check.result.value
    assert "&lt;b&gt;done?&lt;/b&gt;" in check.result.value


def test_a_blank_or_missing_path_says_what_to_do(tmp_path):
    check = SpreadsheetCheck()
    check.check_button.click()
    assert text_of(check.result.value).startswith("No path yet:")
    check.path_text.value = str(tmp_path / "nope.csv")
    check.check_button.click()
    shown = text_of(check.result.value)
    assert "whole file No such file" in shown and "Check the file's name and folder" in shown


def test_a_path_given_up_front_is_checked_at_once():
    check = SpreadsheetCheck(infoview_lib.sample_log_path())
    assert check.report.ok
    assert text_of(check.result.value).startswith("All good: sample_log.csv")
