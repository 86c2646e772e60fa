"""Notebook 03 as a student sees it: the entry form in Voilà, in Chromium, audited by axe-core.

The kernel writes to the server's temporary workspace (``voila_workspace``): the
notebook copies the sample log there as ``practice_log.csv`` and merges the sample
calendar and LinkedIn export into it before the page is ready.
"""

from __future__ import annotations

import re
import time

import pytest

import infoview_lib

pytestmark = pytest.mark.browser

NOTEBOOK = "03_keeping_your_interview_log.ipynb"


def wait_for_rows(path, count: int, timeout: float = 30.0):
    """The log on disk once it has ``count`` rows (the kernel writes asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        log = infoview_lib.load_log(path)
        if len(log) == count or time.monotonic() > deadline:
            return log
        time.sleep(0.2)


def test_the_form_saves_a_row_and_refuses_a_bad_value(open_voila, axe_audit, voila_workspace):
    from playwright.sync_api import expect

    page = open_voila(NOTEBOOK)
    practice = voila_workspace / "practice_log.csv"
    assert practice.exists()
    before = len(infoview_lib.load_log(practice))

    expect(page.get_by_role("heading", name="Keeping your interview log")).to_be_visible()
    expect(page.locator("table caption", has_text="The columns of the interview log")) \
        .to_be_visible()

    # --- a good row: every field found by its visible label, as a screen reader finds it
    page.get_by_label("Contact (required)").fill("Priya Testwood")
    page.get_by_label("Organization", exact=True).fill("Harbor & Sons <Ltd>")
    page.get_by_label("Status", exact=True).select_option(label="Completed")
    expect(page.get_by_text("Problem: A completed interview needs its interview date.")) \
        .to_be_visible()
    page.get_by_label("Interview date", exact=True).fill("2025-04-20")
    expect(page.get_by_text("Problem: A completed interview needs its interview date.")) \
        .to_have_count(0)
    page.get_by_label("Mode", exact=True).select_option(label="Video")
    page.get_by_label("Duration (minutes)").fill("35")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("alert").filter(has_text="Saved: Priya Testwood")).to_be_visible()
    recent = page.locator("table", has=page.locator("caption", has_text="in your log"))
    expect(recent).to_contain_text("Priya Testwood")
    expect(recent.locator("tbody tr").last).to_contain_text(
        re.compile(r"Priya Testwood\s*Harbor & Sons <Ltd>\s*Completed\s*2025-04-20\s*Video\s*35"))
    expect(page.get_by_label("Contact (required)")).to_have_value("")

    log = wait_for_rows(practice, before + 1)
    assert len(log) == before + 1
    new = log.iloc[-1]
    assert (new["contact"], new["organization"], new["status"], new["mode"]) == \
        ("Priya Testwood", "Harbor & Sons <Ltd>", "completed", "video")
    assert str(new["interview_date"].date()) == "2025-04-20" and new["duration_min"] == 35

    # --- a bad value: its problem shows beside the field as it is typed; Save writes nothing
    saved = practice.read_bytes()
    page.get_by_label("Contact (required)").fill("Quinn Badvalue")
    page.get_by_label("Duration (minutes)").fill("300")
    expect(page.get_by_text("Problem: '300' should be between 1 and 240.")).to_be_visible()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="Not saved")).to_contain_text(
        "Duration (minutes): '300' should be between 1 and 240.")
    time.sleep(1.0)
    assert practice.read_bytes() == saved
    assert "Quinn Badvalue" not in set(infoview_lib.load_log(practice)["contact"])

    axe_audit(page)


def test_delete_asks_first_and_keeps_a_backup(open_voila, axe_audit, voila_workspace):
    from playwright.sync_api import expect

    page = open_voila(NOTEBOOK, audit=False)
    practice = voila_workspace / "practice_log.csv"
    log = infoview_lib.load_log(practice)
    victim = log["contact"].iloc[2]
    original = practice.read_bytes()
    earlier_backups = set(voila_workspace.glob("practice_log.backup-*.csv"))  # from merging

    page.get_by_label("Row to change").select_option(index=2)
    page.get_by_role("button", name="Delete this row").click()
    expect(page.get_by_text(f"Delete row 4 ({victim})? A backup copy of the log is saved "
                            "first.")).to_be_visible()
    axe_audit(page)  # the confirmation step is accessible too
    assert len(infoview_lib.load_log(practice)) == len(log)

    page.get_by_role("button", name="Yes, delete").click()
    expect(page.get_by_role("alert").filter(has_text=f"Deleted row 4 ({victim}).")) \
        .to_be_visible()
    after = wait_for_rows(practice, len(log) - 1)
    assert victim not in set(after["contact"])
    [backup] = set(voila_workspace.glob("practice_log.backup-*.csv")) - earlier_backups
    assert backup.read_bytes() == original
    expect(page.get_by_role("alert").filter(has_text=backup.name)).to_be_visible()
