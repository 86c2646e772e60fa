"""Lesson widgets without a kernel: set values, click buttons, read what the student sees."""

from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest

from infoview_lib.content import load_quiz, reflection
from infoview_lib.lessons import (
    checklist_coverage,
    coverage_text,
    final_summary,
    grade_answer,
    progress_text,
    score_text,
)
from infoview_lib.widgets import OutreachEmailChecker, QuestionWorkshop, Quiz, ReflectionPrompt
from infoview_lib.widgets._common import KIND_STYLES, TONES, badge_html, status_html, table_html
from infoview_lib.widgets.email import EXAMPLE_DRAFT


def text_of(markup: str) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def right_index(item):
    return next(i for i, o in enumerate(item["options"]) if o["correct"])


def wrong_index(item):
    return next(i for i, o in enumerate(item["options"]) if not o["correct"])


# --------------------------------------------------------------------------- pure lesson logic


def test_grade_answer_teaches_with_the_options_own_feedback():
    item = load_quiz()["items"][2]  # true/false: in person only?
    wrong = grade_answer(item, wrong_index(item))
    assert not wrong.correct and wrong.verdict == "Not quite"
    assert wrong.message.startswith("Not quite \u2014 " + item["options"][wrong_index(item)]
                                    ["feedback"])
    assert "Try again" in wrong.message
    right = grade_answer(item, item["options"][right_index(item)]["text"])
    assert right.correct and right.message.startswith("Correct \u2014 ")
    with pytest.raises(ValueError, match="Choose an answer"):
        grade_answer(item, None)
    with pytest.raises(ValueError):
        grade_answer(item, 9)


def test_progress_score_and_summary_texts():
    assert progress_text(2, 12) == "Question 3 of 12"
    assert score_text({0: True, 1: False}, 12) == "Score: 1 correct out of 2 checked (12 questions)"
    assert final_summary({0: True}, 2) is None
    assert final_summary({0: True, 1: True}, 2).startswith("All 2 answered correctly")
    assert "question 2" in final_summary({0: True, 1: False}, 2)


def test_checklist_coverage_finds_keyword_stems():
    checklist = reflection("networking_strategy")["checklist"]
    points = checklist_coverage("People referred me to others, and I sent thank-you notes.",
                                checklist)
    covered = {p.point for p in points if p.covered}
    assert any("more contacts" in p for p in covered)
    assert any("Thank-you" in p for p in covered)
    assert len(covered) == 2
    assert coverage_text(points) == "You mention 2 of 5 points. Compare with the list below."
    assert "none of them" in coverage_text(checklist_coverage("", checklist))


# --------------------------------------------------------------------------- Quiz


def test_quiz_wrong_then_right_shows_feedback_and_score():
    quiz = Quiz()
    items = load_quiz()["items"]
    assert "Question 1 of 15" in text_of(quiz.question.value)
    assert items[0]["prompt"] in text_of(quiz.question.value)
    assert quiz.answer.index is None
    quiz.answer.index = wrong_index(items[0])
    quiz.check_button.click()
    seen = text_of(quiz.feedback.value)
    assert seen.startswith("\u2716 Not quite \u2014 ")
    assert items[0]["options"][wrong_index(items[0])]["feedback"] in seen
    assert 'role="alert"' in quiz.feedback.value
    assert text_of(quiz.score.value) == "Score: 0 correct out of 1 checked (15 questions)"
    quiz.answer.index = right_index(items[0])
    quiz.check_button.click()
    assert text_of(quiz.feedback.value).startswith("\u2714 Correct \u2014 ")
    assert text_of(quiz.score.value) == "Score: 1 correct out of 1 checked (15 questions)"


def test_quiz_check_without_an_answer_asks_for_one():
    quiz = Quiz()
    quiz.check_button.click()
    assert "Choose an answer first" in text_of(quiz.feedback.value)
    assert quiz.results == {}


def test_quiz_navigation_remembers_answers_and_feedback():
    quiz = Quiz()
    items = load_quiz()["items"]
    quiz.answer.index = right_index(items[0])
    quiz.check_button.click()
    quiz.next_button.click()
    assert "Question 2 of 15" in text_of(quiz.question.value)
    assert quiz.answer.options == tuple(o["text"] for o in items[1]["options"])
    assert quiz.answer.index is None and quiz.feedback.value == ""
    quiz.previous_button.click()
    assert quiz.answer.index == right_index(items[0])
    assert text_of(quiz.feedback.value).startswith("\u2714 Correct")
    quiz.previous_button.click()
    assert "first question" in text_of(quiz.feedback.value)
    assert quiz.position == 0


def test_quiz_scenario_is_shown_with_its_label():
    quiz = Quiz()
    items = load_quiz()["items"]
    at = next(i for i, it in enumerate(items) if it["type"] == "scenario")
    quiz.go(at)
    assert f"Scenario: {items[at]['scenario']}" in text_of(quiz.question.value)


def test_try_again_clears_the_answer_and_the_score_for_that_item():
    quiz = Quiz()
    quiz.answer.index = wrong_index(quiz.item)
    quiz.check_button.click()
    quiz.try_again_button.click()
    assert quiz.answer.index is None
    assert quiz.results == {}
    assert "Answer cleared" in text_of(quiz.feedback.value)
    assert text_of(quiz.score.value).startswith("Score: 0 correct out of 0 checked")


def test_finishing_the_quiz_gives_a_summary():
    items = load_quiz()["items"]
    quiz = Quiz()
    for i, item in enumerate(items):
        quiz.go(i)
        quiz.answer.index = right_index(item) if i else wrong_index(item)
        quiz.check_button.click()
    assert "You answered 14 of 15 correctly" in text_of(quiz.score.value)
    quiz.next_button.click()
    assert "End of quiz" in text_of(quiz.feedback.value)


def test_quiz_from_custom_items_and_empty_quiz():
    item = {"id": "x", "type": "true_false", "prompt": "Sky is blue?",
            "options": [{"text": "True", "correct": True, "feedback": "Yes, on a clear day."},
                        {"text": "False", "correct": False, "feedback": "Look up on a clear day."}]}
    quiz = Quiz([item], title="Tiny")
    assert "Tiny" in quiz.title.value
    assert "Question 1 of 1" in text_of(quiz.question.value)
    with pytest.raises(ValueError):
        Quiz([])


# --------------------------------------------------------------------------- ReflectionPrompt


def test_reflection_shows_model_answer_and_which_points_were_mentioned():
    prompt = ReflectionPrompt("long_term", number=3)
    assert prompt.answer.description == "Your answer to review question 3"
    assert "Review question 3: What are the long-term benefits" in text_of(prompt.header.value)
    prompt.answer.value = "My network grows and I make better decisions."
    prompt.show_button.click()
    seen = text_of(prompt.result.value)
    assert "You mention 2 of 5 points" in seen
    assert reflection("long_term")["model_answer"] in seen
    assert "Mentioned \u2714 : A network that grows through referrals" in seen
    assert "Not yet \u25cb : Access to opportunities that are never advertised" in seen
    assert prompt.show_button.description == "Update comparison"


def test_reflection_with_no_answer_still_shows_the_model_answer():
    prompt = ReflectionPrompt("preparation")
    prompt.show_button.click()
    seen = text_of(prompt.result.value)
    assert "Try writing your own answer first" in seen
    assert "Model answer" in seen


# --------------------------------------------------------------------------- QuestionWorkshop


@pytest.fixture
def workshop(tmp_path):
    return QuestionWorkshop(folder=tmp_path)


def test_workshop_marks_a_closed_question_and_offers_a_rewrite(workshop):
    workshop.text.value = "Do you like your job?"
    workshop.add_button.click()
    seen = text_of(workshop.feedback.value)
    assert seen.startswith("\u26a0 Closed \u2014 Added question 1. It is closed.")
    assert "Try instead: \u201cWhat do you like most about your job?\u201d" in seen
    assert "can be answered with yes, no or one word" in seen
    assert workshop.text.value == ""
    assert workshop.use_rewrite_button.layout.display != "none"
    listed = text_of(workshop.question_list.value)
    assert "\u25b2 Closed Do you like your job?" in listed
    workshop.use_rewrite_button.click()
    assert workshop.questions[-1].text == "What do you like most about your job?"
    assert "\u2714 Open What do you like most about your job?" in text_of(
        workshop.question_list.value)
    assert workshop.use_rewrite_button.layout.display == "none"


def test_workshop_open_question_is_marked_open_without_a_rewrite(workshop):
    workshop.add("In your experience, what makes someone thrive here?")
    seen = text_of(workshop.feedback.value)
    assert seen.startswith("\u2714 Open \u2014 Added question 1. It is open.")
    assert "Try instead" not in seen
    assert workshop.use_rewrite_button.layout.display == "none"


def test_workshop_empty_add_explains(workshop):
    workshop.add_button.click()
    assert "Type a question in the box first" in text_of(workshop.feedback.value)
    assert workshop.questions == []


def test_workshop_tiara_coverage_and_bank(workshop):
    assert "Add questions to see your TIARA balance" in text_of(workshop.coverage.value)
    workshop.add("How has the field changed since you started?")
    cov = text_of(workshop.coverage.value)
    assert "Trends 1, Insights 0" in cov
    assert "Missing: Insights, Advice, Resources and Assignments" in cov
    workshop.bank.value = "Who else would you suggest I talk to?"
    workshop.bank_add_button.click()
    assert workshop.questions[-1].text == "Who else would you suggest I talk to?"
    assert workshop.bank.value == ""
    assert "Resources 1" in text_of(workshop.coverage.value)
    workshop.bank_add_button.click()
    assert "Choose a question in the bank list first" in text_of(workshop.feedback.value)


def test_workshop_plan_follows_the_length_selector(workshop):
    for q in ["What does a typical day look like?", "What trends matter most?",
              "What advice would you give me?", "What surprised you most?",
              "Which books do you recommend?", "What projects are you on?",
              "How do you measure success?"]:
        workshop.add(q)
    plan_text = text_of(workshop.plan_view.value)
    assert "Plan for a 30-minute conversation" in plan_text
    assert "Who else would you suggest I talk to?" in plan_text
    assert "27\u201329 min" in plan_text  # text_of turns the no-break space into a space
    assert "1 question did not fit" in plan_text
    workshop.length.value = 20
    plan_text = text_of(workshop.plan_view.value)
    assert "Plan for a 20-minute conversation" in plan_text
    assert "4 questions did not fit" in plan_text
    assert workshop.plan()["minutes"].sum() == 20


def test_workshop_remove_and_clear(workshop):
    workshop.add("What do you do?")
    workshop.add("Why did you choose it?")
    workshop.remove_choice.value = 0
    workshop.remove_button.click()
    assert [q.text for q in workshop.questions] == ["Why did you choose it?"]
    assert "Removed" in text_of(workshop.feedback.value)
    workshop.clear_button.click()
    assert workshop.questions == []
    assert "No questions yet" in text_of(workshop.question_list.value)


def test_workshop_export_writes_the_prep_sheet_and_shows_the_path(workshop, tmp_path):
    workshop.export_button.click()
    assert "Type the name" in text_of(workshop.export_status.value)
    workshop.name.value = "Dana Rivera"
    workshop.export_button.click()
    assert "Add at least one question" in text_of(workshop.export_status.value)
    workshop.add("Do you like your job?")
    workshop.role.value = "UX researcher"
    workshop.notes.value = "Spoke at the spring panel"
    workshop.export_button.click()
    path = tmp_path / "prep_dana_rivera.md"
    assert workshop.last_export == path
    assert f"Prep sheet saved to {path}." in text_of(workshop.export_status.value)
    assert 'download="prep_dana_rivera.md"' in workshop.export_status.value
    sheet = path.read_text(encoding="utf-8")
    assert "**Dana Rivera**: UX researcher" in sheet
    assert "What do you like most about your job?" in sheet
    assert "within 24 hours" in sheet


def test_workshop_starts_from_questions_and_a_person(tmp_path):
    shop = QuestionWorkshop(["What do you do?"], minutes=40,
                            person={"name": "Lee", "organization": "Acme"}, folder=tmp_path)
    assert shop.length.value == 40
    assert shop.organization.value == "Acme"
    assert "Plan for a 40-minute conversation" in text_of(shop.plan_view.value)


# --------------------------------------------------------------------------- email checker


def test_email_checker_updates_count_and_findings_on_every_change():
    box = OutreachEmailChecker()
    assert text_of(box.word_count.value).startswith("0 words")
    box.text.value = "Hi Dana, can I have a job?"
    assert text_of(box.word_count.value).startswith("7 words (under the limit")
    assert 'aria-live="polite"' in box.word_count.value
    seen = text_of(box.review_view.value)
    assert "Not ready yet" in seen
    assert "It mentions 'job'" in seen
    box.text.value = ("Hi Dana, Priya Shah suggested I contact you. I'm exploring careers in "
                      "public health and would love to hear about your path. Would you have 20 "
                      "minutes for a call? Best, Sam")
    seen = text_of(box.review_view.value)
    assert "Ready to send" in seen and "To fix" not in seen
    assert "Already good" in seen
    assert box.review.ok


def test_email_checker_example_and_announcement():
    box = OutreachEmailChecker(example_button=True)
    assert box.example_button.layout.display != "none"
    box.example_button.click()
    assert box.text.value == EXAMPLE_DRAFT
    assert not box.review.ok
    box.check_button.click()
    said = text_of(box.announcement.value)
    assert said.startswith("\u26a0 Not ready yet \u2014 5 to fix. First: It mentions")
    assert 'role="alert"' in box.announcement.value


# --------------------------------------------------------------------------- shared helpers


def _luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_badges_and_boxes_meet_aa_contrast_and_say_their_meaning_in_words():
    for kind, (label, _symbol, bg) in KIND_STYLES.items():
        assert _contrast("#ffffff", bg) >= 4.5, kind
        assert label in text_of(badge_html(kind))
    for tone, (_symbol, fg, bg, _border) in TONES.items():
        assert _contrast(fg, bg) >= 4.5, tone


def test_status_html_escapes_and_chooses_the_live_role():
    box = status_html("<b>x</b>", "error", label="Oops", live="status")
    assert "&lt;b&gt;" in box and 'role="status"' in box and 'aria-live="polite"' in box
    assert 'role="alert"' in status_html("x")
    assert "role=" not in status_html("x", live="off")


def test_table_html_has_a_caption_and_header_scopes():
    import pandas as pd

    markup = table_html(pd.DataFrame({"a": ["<x>"]}), "Caption", labels={"a": "Alpha"})
    assert "<caption" in markup and 'scope="col"' in markup and "&lt;x&gt;" in markup
    assert ">Alpha</th>" in markup


def test_importing_the_library_pulls_in_no_widgets():
    code = ("import sys, infoview_lib.questions, infoview_lib.content, infoview_lib.lessons, "
            "infoview_lib.widgets._common; "
            "print(any(m in sys.modules for m in ('ipywidgets', 'IPython', 'matplotlib.pyplot')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
