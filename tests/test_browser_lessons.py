"""Notebooks 01 and 02 as a student sees them: Voilà in Chromium, audited by axe-core.

The quiz is answered wrongly and then rightly (the second time by keyboard alone), a
closed question goes through the workshop, an email is typed into the checker, and
the prep sheet is exported; the page must say so in words, and stay axe-clean.
"""

from __future__ import annotations

import pytest

from infoview_lib.content import load_quiz, reflection

pytestmark = pytest.mark.browser

LESSON_01 = "01_what_is_an_informational_interview.ipynb"
LESSON_02 = "02_preparing_and_crafting_questions.ipynb"


def test_quiz_answered_wrongly_then_rightly_shows_teaching_feedback(open_voila, axe_audit):
    from playwright.sync_api import expect

    page = open_voila(LESSON_01)
    expect(page.get_by_role("heading", name="What is an informational interview?",
                            exact=True).first).to_be_visible()
    item = load_quiz()["items"][0]
    wrong = next(o for o in item["options"] if not o["correct"])
    right = next(o for o in item["options"] if o["correct"])

    quiz = page.locator(".iv-quiz")
    expect(quiz).to_contain_text("Question 1 of 15")
    expect(quiz).to_contain_text(item["prompt"])

    quiz.get_by_label(wrong["text"]).check()
    quiz.get_by_role("button", name="Check").click()
    feedback = quiz.get_by_role("alert")
    expect(feedback).to_contain_text("Not quite \u2014 " + wrong["feedback"])
    expect(quiz).to_contain_text("Score: 0 correct out of 1 checked (15 questions)")

    # keyboard alone: focus the right answer, Space chooses it, Enter on Check
    quiz.get_by_label(right["text"]).focus()
    page.keyboard.press("Space")
    quiz.get_by_role("button", name="Check").focus()
    page.keyboard.press("Enter")
    expect(feedback).to_contain_text("Correct \u2014 " + right["feedback"])
    expect(quiz).to_contain_text("Score: 1 correct out of 1 checked (15 questions)")

    quiz.get_by_role("button", name="Next").click()
    expect(quiz).to_contain_text("Question 2 of 15")
    expect(quiz).to_contain_text(load_quiz()["items"][1]["prompt"])
    axe_audit(page)


def test_reflection_reveals_the_model_answer_and_the_checklist(open_voila, axe_audit):
    from playwright.sync_api import expect

    page = open_voila(LESSON_01)
    box = page.get_by_label("Your answer to review question 1")
    box.fill("It builds trust, and each person can introduce me to other people.")
    prompt = page.locator(".iv-reflection").first
    prompt.get_by_role("button", name="Show model answer").click()
    expect(prompt).to_contain_text("You mention 2 of 5 points")
    expect(prompt).to_contain_text(reflection("networking_strategy")["model_answer"])
    expect(prompt).to_contain_text("Not yet")
    axe_audit(page)


def test_workshop_marks_a_closed_question_and_shows_a_rewrite(open_voila, axe_audit,
                                                              voila_workspace):
    from playwright.sync_api import expect

    page = open_voila(LESSON_02)
    shop = page.locator(".iv-workshop")
    shop.get_by_label("Your question").fill("Do you like your job?")
    shop.get_by_role("button", name="Add", exact=True).click()

    verdict = shop.get_by_role("alert")
    expect(verdict).to_contain_text("Closed \u2014 Added question 1. It is closed.")
    expect(verdict).to_contain_text(
        "Try instead: \u201cWhat do you like most about your job?\u201d")
    listed = shop.locator("ol li").first
    expect(listed).to_contain_text("Closed")
    expect(listed).to_contain_text("Do you like your job?")
    expect(shop).to_contain_text("Missing: Trends, Advice, Resources and Assignments")

    shop.get_by_role("button", name="Use the rewrite").click()
    expect(shop.locator("ol li").first).to_contain_text(
        "Open What do you like most about your job?")
    expect(shop.locator("table.iv-table")).to_contain_text("What do you like most about your job?")
    expect(shop.locator("table.iv-table caption")).to_have_text(
        "Plan for a 30-minute conversation")

    shop.get_by_label("Interview length").select_option(label="20 minutes")
    expect(shop.locator("table.iv-table caption")).to_have_text(
        "Plan for a 20-minute conversation")

    shop.get_by_label("Their name").fill("Dana Rivera")
    shop.get_by_role("button", name="Export prep sheet").click()
    expect(shop).to_contain_text("Prep sheet saved to")
    expect(shop.get_by_role("link", name="Download prep_dana_rivera.md")).to_be_visible()
    sheet = (voila_workspace / "prep_dana_rivera.md").read_text(encoding="utf-8")
    assert "What do you like most about your job?" in sheet
    assert "Plan (20 minutes)" in sheet
    axe_audit(page)


def test_email_checker_counts_words_and_lists_findings_as_you_type(open_voila, axe_audit):
    from playwright.sync_api import expect

    page = open_voila(LESSON_02)
    checker = page.locator(".iv-email").nth(1)
    checker.get_by_label("Your email").fill(
        "Hi Dana, Priya Shah suggested I contact you. I'm exploring careers in public health "
        "and would love to hear about your path. Are you hiring? Best, Sam")
    expect(checker.get_by_role("status").first).to_contain_text("27 words")  # counted by hand
    expect(checker).to_contain_text("It mentions 'hiring'")
    expect(checker).to_contain_text("Ask for a specific, small amount of time")
    checker.get_by_role("button", name="Check my email").click()
    expect(checker.get_by_role("alert")).to_contain_text("Not ready yet")

    sam = page.locator(".iv-email").first
    expect(sam).to_contain_text("5 things to fix")
    axe_audit(page)
