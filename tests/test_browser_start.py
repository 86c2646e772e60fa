"""The start notebook as a student sees it: served by Voilà, in Chromium, audited by axe-core."""

from __future__ import annotations

import pytest

import infoview_lib
from infoview_lib.describe import column_choices, describe_column

pytestmark = pytest.mark.browser

NOTEBOOK = "00_start_here.ipynb"


@pytest.fixture(scope="module")
def sample_log():
    return infoview_lib.load_log(infoview_lib.sample_log_path())


def test_start_page_shows_the_log_lists_the_notebooks_and_summarises_a_column(
    open_voila, axe_audit, sample_log
):
    from playwright.sync_api import expect

    page = open_voila(NOTEBOOK)

    expect(page.get_by_role("heading", name="Start here: the infoview kit")).to_be_visible()
    table = page.locator("table.dataframe").first
    expect(table).to_be_visible()
    expect(table).to_contain_text(str(sample_log["contact"].iloc[0]))
    expect(table.locator("tbody tr")).to_have_count(min(5, len(sample_log)))

    for title in ("What is an informational interview?", "Preparing and crafting questions",
                  "Keeping your interview log", "Network growth and follow-up",
                  "Class dashboard"):
        expect(page.get_by_role("link", name=title)).to_be_visible()

    # the dropdown shows labels ("Interview date") for columns ("interview_date")
    labels = {name: label for label, name in column_choices(sample_log)}
    names = list(labels)
    picker = page.get_by_label("Column to summarise")
    headline = page.locator(".infoview-headline")
    expect(picker).to_have_value(labels["status"])
    expect(headline).to_have_text(describe_column(sample_log, "status").headline)

    picker.select_option(label=labels["interview_date"])
    expect(headline).to_have_text(describe_column(sample_log, "interview_date").headline)
    expect(page.locator("table.infoview-table caption")).to_have_text(
        "Summary of the column Interview date"
    )

    # keyboard alone: the next column after "Interview date" is picked with one key
    following = names[names.index("interview_date") + 1]
    picker.focus()
    page.keyboard.press("ArrowDown")
    expect(picker).to_have_value(labels[following])
    expect(headline).to_have_text(describe_column(sample_log, following).headline)

    axe_audit(page)

