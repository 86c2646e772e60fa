"""The exercises in Voilà: type an answer, press the button, read the specific hint."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _check(page):
    page.locator(".jupyter-widgets button", has_text="Check my answer").click()


def test_thank_you_rate_wrong_answer_gets_the_specific_hint(open_voila, axe_audit):
    from playwright.sync_api import expect

    page = open_voila("exercises/01_thank_you_rate_by_hand.ipynb")
    expect(page.get_by_role("heading", name="Exercise 1: the thank-you rate, by hand")
           ).to_be_visible()
    box = page.get_by_label("Your thank-you rate")
    box.fill("14/40")
    _check(page)
    alert = page.locator(".widget-html [role=alert]")
    expect(alert).to_contain_text("Not yet")
    expect(alert).to_contain_text("You divided by every row in the log (40)")

    box.fill("17/22")
    _check(page)
    expect(alert).to_contain_text("including 3 sent more than 1 day after the interview")

    box.fill("63.6%")
    _check(page)
    expect(alert).to_contain_text("Correct")
    expect(alert).to_contain_text("14 of 22 completed interviews")
    axe_audit(page)


def test_open_questions_wrong_rewrite_gets_its_hint(open_voila, axe_audit):
    from playwright.sync_api import expect

    page = open_voila("exercises/02_open_questions.ipynb")
    page.get_by_label("Open version of question 1").fill(
        "What do you enjoy most about working here?")
    page.get_by_label("Open version of question 2").fill("Is a PhD needed?")
    page.get_by_label("Open version of question 5").fill("Are you hiring new graduates?")
    _check(page)
    alert = page.locator(".widget-html [role=alert]")
    expect(alert).to_contain_text("1 of 5 rewrites are open and on topic")
    expect(alert).to_contain_text("Question 2 is still closed: it starts with 'is'")
    expect(alert).to_contain_text("Question 5 asks for a job")
    axe_audit(page)


def test_plan_counted_in_calendar_days_gets_the_business_day_hint(open_voila, axe_audit):
    from playwright.sync_api import expect

    page = open_voila("exercises/03_plan_next_week_3b7.ipynb")
    plan = page.get_by_label("Your plan, one action per line")
    plan.fill("Tariq Ellsworth, second contact, Mon 14 Apr")
    _check(page)
    alert = page.locator(".widget-html [role=alert]")
    expect(alert).to_contain_text(
        "You counted calendar days (Fri 11 Apr + 3 = Mon 14 Apr). The 3B7 routine counts "
        "business days")
    axe_audit(page)


def test_solutions_notebook_renders_every_check_correct(open_voila):
    from playwright.sync_api import expect

    page = open_voila("exercises/solutions.ipynb")
    expect(page.locator("[role=alert]", has_text="Correct")).to_have_count(3)
