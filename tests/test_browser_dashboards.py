"""Notebooks 04 and 05 in Voilà, as a student and an instructor see them."""

from __future__ import annotations

import pandas as pd
import pytest

import infoview_lib

pytestmark = pytest.mark.browser

GROWTH = "04_network_growth_and_follow_up.ipynb"
CLASS = "05_class_dashboard.ipynb"


def _chart_src(page, alt_start: str) -> str:
    return page.locator(f'img[alt^="{alt_start}"]').first.get_attribute("src")


def test_a_filter_changes_the_headline_number_and_the_chart(open_voila, axe_audit,
                                                            voila_workspace):
    from playwright.sync_api import expect

    page = open_voila(GROWTH)     # audited by axe-core on arrival
    completed = page.locator('[data-metric="completed"]')
    expect(completed).to_have_text("22")
    expect(page.locator('[data-metric="due"]')).to_have_text("10")
    growth_src = _chart_src(page, "Network growth chart")
    modes_src = _chart_src(page, "Bar chart of how 22 interviews were held")

    page.get_by_label("Video", exact=True).uncheck()

    expect(completed).to_have_text("13")
    expect(page.locator('img[alt^="Network growth chart"]')).not_to_have_attribute(
        "src", growth_src)
    expect(page.locator('img[alt^="Bar chart of how 13 interviews were held"]')).to_be_visible()
    assert _chart_src(page, "Bar chart of how 13 interviews were held") != modes_src
    expect(page.get_by_text("modes: in person, phone, not recorded")).to_be_visible()

    page.locator(".jupyter-widgets button", has_text="Show everything").click()
    expect(completed).to_have_text("22")
    expect(page.locator('img[alt^="Network growth chart"]')).to_have_attribute(
        "src", growth_src)
    axe_audit(page)


def test_the_due_list_is_saved_to_a_calendar_file(open_voila, voila_workspace):
    from playwright.sync_api import expect

    page = open_voila(GROWTH, audit=False)
    expect(page.get_by_text("10 follow-ups due on 15 Apr 2025")).to_be_visible()
    page.locator(".jupyter-widgets button",
                 has_text="Save these follow-ups to a calendar file (.ics)").click()
    expect(page.get_by_text("10 follow-ups saved to follow_ups_2025-04-15.ics")).to_be_visible()
    assert (voila_workspace / "follow_ups_2025-04-15.ics").is_file()


@pytest.fixture(scope="module")
def contact_names():
    log = infoview_lib.load_class(infoview_lib.class_dir()).log
    names = pd.concat([log["contact"], log["referred_by"]]).dropna().astype(str).str.strip()
    return sorted(set(names) - {""})


def _names_on(page, names) -> list[str]:
    text = page.locator("body").inner_text()
    text += "\n".join(page.eval_on_selector_all("img", "els => els.map(e => e.alt)"))
    return [name for name in names if name in text]


def test_pseudonymisation_toggle_removes_every_contact_name(open_voila, axe_audit,
                                                            contact_names):
    from playwright.sync_api import expect

    page = open_voila(CLASS)
    toggle = page.get_by_label("Hide contacts' names (pseudonymise)")
    expect(toggle).to_be_checked()
    expect(page.get_by_text("Fix 4 problems: rows 2, 3, 6, 8").first).to_be_attached()
    assert _names_on(page, contact_names) == []

    toggle.uncheck()
    expect(page.get_by_text("Names shown")).to_be_visible()
    expect(page.get_by_text("student_01_ada: 20 rows (real names)")).to_be_visible()
    assert _names_on(page, contact_names), "with names shown, the student's log has names"

    toggle.check()
    expect(page.get_by_text("Names hidden")).to_be_visible()
    expect(page.get_by_text("student_01_ada: 20 rows (tokens for names)")).to_be_visible()
    assert _names_on(page, contact_names) == []

    # another student's log, still without names
    page.get_by_label("Student to look at").select_option("student_11_kofi")
    expect(page.get_by_text("student_11_kofi: 25 rows (tokens for names)")).to_be_visible()
    assert _names_on(page, contact_names) == []
    axe_audit(page)
