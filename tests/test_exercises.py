"""Exercise checkers: right answers pass, each common mistake gets its own hint."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest

import infoview_lib as iv
from infoview_lib import exercises as ex
from infoview_lib import metrics

# --------------------------------------------------------------- 1: thank-you rate
# The sample log: 40 rows, 22 completed interviews, 14 thanked within 1 day,
# 17 thanked at all (3 late: after 2, 3 and 5 days), 8 thanked the same day.


@pytest.fixture(scope="module")
def sample():
    return iv.load_log(iv.sample_log_path())


def test_library_value_of_the_sample(sample):
    assert metrics.thank_you_rate(sample) == pytest.approx(14 / 22)


@pytest.mark.parametrize("answer", [14 / 22, 0.64, 0.636, "0.636", "63.6%", "14/22",
                                    Fraction(14, 22), 63.64])
def test_right_rate_in_every_form(sample, answer):
    feedback = ex.check_thank_you_rate(answer, sample)
    assert feedback.correct, feedback.text
    assert feedback.headline.startswith("Correct: 14 of 22 completed interviews")
    assert feedback.hints == ()


def test_percentage_is_noted(sample):
    feedback = ex.check_thank_you_rate("63.6%", sample)
    assert "percentage" in feedback.notes[0]


def test_default_log_is_the_sample():
    assert ex.check_thank_you_rate(14 / 22).correct


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (14 / 40, "You divided by every row in the log (40). The rate counts only completed "
                  "interviews (22)"),
        ("14/25", "You divided by every row with an interview date (25), which includes "
                  "scheduled interviews"),
        ("14/37", "You divided by all outreach (37)"),
        (17 / 22, "You counted every thank-you note (17), including 3 sent more than 1 day "
                  "after the interview. The rule is within 1 day"),
        ("15/22", "You counted thank-yous sent 2 days later; the rule is within 1 day"),
        ("14/17", "You divided by the thank-you notes that were sent (17)"),
        ("6/22", "You counted only notes sent the day after the interview"),
    ],
)
def test_each_mistake_gets_its_hint(sample, answer, hint):
    feedback = ex.check_thank_you_rate(answer, sample)
    assert not feedback.correct
    assert feedback.hints[0].startswith(hint), feedback.hints


def test_two_mistakes_with_the_same_number_are_both_named(sample):
    # 8 of 22: the complement (22 - 14) and the same-day notes (8) coincide here
    feedback = ex.check_thank_you_rate(8 / 22, sample)
    assert "2 common mistakes give this number" in feedback.headline
    assert any("WITHOUT a timely thank-you" in h for h in feedback.hints)
    assert any("only notes sent the same day" in h for h in feedback.hints)


@pytest.mark.parametrize(("answer", "start"), [
    (14, "Not yet: 14 is a count (the on-time thank-yous), not a rate."),
    ("22", "Not yet: 22 is a count (the completed interviews), not a rate."),
])
def test_a_count_is_not_a_rate(sample, answer, start):
    feedback = ex.check_thank_you_rate(answer, sample)
    assert feedback.headline == start


def test_unknown_mistake_lists_the_steps_and_says_close(sample):
    feedback = ex.check_thank_you_rate(0.6, sample)
    assert feedback.hints[0].startswith("Close, but not equal")
    assert "0 <= delay <= 1" in feedback.hints[1]
    far = ex.check_thank_you_rate(0.2, sample)
    assert far.hints[0].startswith("Not a mistake I recognise")


@pytest.mark.parametrize(("answer", "words"), [
    ("", "Type your rate first"),
    ("about half", "is not a number"),
    (float("nan"), "NaN"),
    (True, "True/False"),
])
def test_unreadable_answers(sample, answer, words):
    feedback = ex.check_thank_you_rate(answer, sample)
    assert not feedback.correct and words in feedback.hints[0]


def test_a_column_instead_of_a_number(sample):
    feedback = ex.check_thank_you_rate(sample["thank_you_date"].notna(), sample)
    assert "whole column" in feedback.hints[0]


def test_out_of_range(sample):
    assert "between 0 and 1" in ex.check_thank_you_rate(-0.2, sample).headline


def test_log_without_completed_interviews():
    log = iv.load_log(pd.DataFrame({"contact": ["A"], "status": ["requested"]}))
    assert "NaN" in ex.check_thank_you_rate(0.0, log).headline


def test_feedback_html_is_text_and_escaped():
    html = ex.ExerciseFeedback(False, "Not yet: <b>x</b>", ("a < b",)).to_html()
    assert "Not yet" in html and "&lt;b&gt;" in html and "a &lt; b" in html
    assert 'role="alert"' in html


# --------------------------------------------------------------- 2: open rewrites

GOOD = [
    "What do you enjoy most about working here?",
    "How important is a master's degree in this field, and why?",
    "How did you come to work in public health?",
    "What opportunities to grow does this role offer?",
    "What would you tell a new graduate considering this career?",
]


def test_five_good_rewrites():
    feedback = ex.check_open_rewrites(GOOD)
    assert feedback.correct, feedback.text
    assert feedback.headline.startswith("Correct: all 5 rewrites")


def test_rewrites_as_text_or_dict():
    assert ex.check_open_rewrites("\n".join(GOOD)).correct
    assert ex.check_open_rewrites({i + 1: q for i, q in enumerate(GOOD)}).correct


def test_each_wrong_rewrite_gets_a_specific_hint():
    answers = [
        "Do you like working here?",                    # unchanged
        "Is a PhD needed?",                             # still closed
        "What is your favourite colour?",               # open, off topic
        "Don't you think growth here is great?",        # leading
        "Are you hiring new graduates?",                # job ask
    ]
    feedback = ex.check_open_rewrites(answers)
    assert not feedback.correct
    assert feedback.headline == "Not yet: 0 of 5 rewrites are open and on topic."
    hints = feedback.hints
    assert hints[0].startswith("Question 1 (\u201cDo you like working here?\u201d) is unchanged")
    assert hints[1] == ("Question 2 is still closed: it starts with 'is', so it can be answered "
                        "with yes or no. Start with what, how, why, or 'tell me about'.")
    assert hints[2].startswith("Question 3 is open, but it is no longer about how they came "
                               "to work in public health")
    assert hints[3].startswith("Question 4 is leading: it says 'don't you think'")
    assert hints[4].startswith("Question 5 asks for a job")


def test_missing_and_extra_rewrites():
    short = ex.check_open_rewrites(GOOD[:2])
    assert short.headline == "Not yet: 2 of 5 rewrites are open and on topic."
    assert short.hints[0].startswith("Question 3 (\u201cDid you always want") and \
        short.hints[0].endswith("is still empty: write an open version of it.")
    extra = ex.check_open_rewrites(GOOD + ["Why?"])
    assert not extra.correct and "the exercise has 5 questions" in extra.hints[0]


def test_tips_from_the_coach_are_kept_as_notes():
    answers = GOOD[:1] + ["How many people here have a master's degree?"] + GOOD[2:]
    feedback = ex.check_open_rewrites(answers)
    assert feedback.correct
    assert any("number or a date" in n for n in feedback.notes)


# --------------------------------------------------------------- 3: the 3B7 plan

RIGHT_PLAN = """Ines Maplethorpe, thank-you note, Fri 11 Apr
Nadia Quillfeather, second contact, Mon 14 Apr
Tariq Ellsworth, second contact, 2025-04-16
Lucia Farrowdale, follow-up, Wed 16 Apr
Nadia Quillfeather, follow up, 18/04/2025
"""


def test_expected_plan_is_the_due_list_of_the_week():
    plan = ex.expected_plan()
    assert list(zip(plan["contact"], plan["action"], plan["day"].dt.strftime("%m-%d"),
                    strict=True)) == [
        ("Ines Maplethorpe", "thank_you", "04-11"),
        ("Nadia Quillfeather", "second_contact", "04-14"),
        ("Tariq Ellsworth", "second_contact", "04-16"),
        ("Lucia Farrowdale", "follow_up", "04-16"),
        ("Nadia Quillfeather", "follow_up", "04-18"),
    ]


def test_the_right_plan_in_every_form():
    assert ex.check_outreach_plan(RIGHT_PLAN).correct
    tuples = [("Ines Maplethorpe", "thank_you", "2025-04-11"),
              ("nadia  quillfeather", "second_contact", pd.Timestamp("2025-04-14")),
              ("Tariq Ellsworth", "second_contact", "2025-04-16"),
              ("Lucia Farrowdale", "follow_up", "2025-04-16"),
              ("Nadia Quillfeather", "follow_up", "2025-04-18")]
    assert ex.check_outreach_plan(tuples).correct
    frame = pd.DataFrame(tuples, columns=["contact", "action", "day"])
    assert ex.check_outreach_plan(frame).correct


def _hints_for(line: str) -> tuple[str, ...]:
    lines = [x for x in RIGHT_PLAN.splitlines() if not x.startswith(line.split(",")[0] + ","
                                                                     + line.split(",")[1])]
    return ex.check_outreach_plan("\n".join([*lines, line])).hints


@pytest.mark.parametrize(("line", "hint"), [
    ("Tariq Ellsworth, second contact, Mon 14 Apr",
     "You counted calendar days (Fri 11 Apr + 3 = Mon 14 Apr). The 3B7 routine counts "
     "business days, Monday to Friday: Tariq Ellsworth's second contact falls due on Wed 16 "
     "Apr"),
    ("Nadia Quillfeather, second contact, Sat 12 Apr",
     "You counted calendar days (Wed 9 Apr + 3 = Sat 12 Apr)."),
    ("Nadia Quillfeather, second contact, Sun 13 Apr",
     "Sun 13 Apr is a weekend day; business days are Monday to Friday."),
    ("Lucia Farrowdale, follow-up, Tue 15 Apr",
     "You counted the day of the request as day 1."),
    ("Ines Maplethorpe, thank-you, Mon 14 Apr",
     "Ines Maplethorpe's thank-you note is due on Fri 11 Apr, the day after the interview"),
])
def test_wrong_days_are_diagnosed(line, hint):
    hints = _hints_for(line)
    assert len(hints) == 1 and hints[0].startswith(hint), hints


@pytest.mark.parametrize(("line", "hint"), [
    ("Tariq Ellsworth, follow-up, Fri 18 Apr",
     "Tariq Ellsworth's follow-up falls due on Tue 22 Apr, 7 business days after the request "
     "on Fri 11 Apr — after Fri 18 Apr, so not in this week's plan. You counted calendar days "
     "(Fri 11 Apr + 7 = Fri 18 Apr); weekends do not count."),
    ("Lucia Farrowdale, second contact, Thu 10 Apr",
     "You already approached Omar Penhallow at Harbor Point Hospital on Thu 10 Apr, after "
     "Lucia Farrowdale's request: that was the second contact"),
    ("Omar Penhallow, follow-up, Tue 15 Apr",
     "Omar Penhallow already answered (status: scheduled): the 3B7 routine is only for "
     "requests with no reply yet."),
    ("Mei Hartigan, follow-up, Tue 15 Apr", "Mei Hartigan already answered (status: declined)"),
    ("Pavel Dunmore, second contact, Mon 14 Apr",
     "You have not written to Pavel Dunmore yet (status: planned)."),
    ("Rhys Calloway, thank you, 3 Apr", "You already thanked Rhys Calloway on Wed 2 Apr."),
    ("Nadia Q, follow up, 14 Apr", "No one called 'Nadia Q' is in the log."),
    ("Ines Maplethorpe, dance, Fri 11 Apr", "Line 6: 'dance' is not a 3B7 action"),
    ("just a note", "Line 6 ('just a note') needs three parts: contact, action, day."),
    ("Nadia Quillfeather, follow-up, 18 Apr", "You listed Nadia Quillfeather's follow-up twice"),
])
def test_extra_and_unreadable_actions_are_explained(line, hint):
    feedback = ex.check_outreach_plan(RIGHT_PLAN + line)
    assert not feedback.correct
    assert any(h.startswith(hint) for h in feedback.hints), feedback.hints


def test_missing_actions_name_the_contact_and_the_count():
    plan = "\n".join(RIGHT_PLAN.splitlines()[1:-1])
    feedback = ex.check_outreach_plan(plan)
    assert feedback.headline == "Not yet: 3 of 5 actions are right."
    assert feedback.hints == (
        "You left out Ines Maplethorpe's thank-you note: the interview was on Thu 10 Apr and "
        "no note has gone out.",
        "You left out Nadia Quillfeather's follow-up: count 7 business days from the request "
        "on Wed 9 Apr.",
    )


def test_scenario_is_a_loaded_log():
    log = ex.outreach_scenario()
    assert str(log["outreach_date"].dtype) == "datetime64[ns]"
    assert len(log) == 8


# --------------------------------------------------------------- the widget, no kernel


def test_checker_widget_rate_wrong_then_right():
    from infoview_lib.widgets import ExerciseChecker

    checker = ExerciseChecker("thank_you_rate")
    assert checker.inputs[0].description == "Your thank-you rate"
    checker.inputs[0].value = "0.35"
    checker.button.click()
    assert not checker.result.correct
    assert "Not yet" in checker.feedback.value
    assert "You divided by every row in the log (40)" in checker.feedback.value
    checker.inputs[0].value = "63.6%"
    checker.button.click()
    assert checker.result.correct and "Correct" in checker.feedback.value


def test_checker_widget_rewrites_has_five_labelled_boxes():
    from infoview_lib.widgets import ExerciseChecker

    checker = ExerciseChecker("open_questions")
    assert [b.description for b in checker.inputs] == [
        f"Open version of question {i}" for i in range(1, 6)]
    for box, text in zip(checker.inputs, GOOD, strict=True):
        box.value = text
    checker.inputs[1].value = "Is a PhD needed?"
    checker.button.click()
    assert "Question 2 is still closed" in checker.feedback.value


def test_checker_widget_plan():
    from infoview_lib.widgets import ExerciseChecker

    checker = ExerciseChecker("outreach_plan")
    checker.button.click()
    assert "the plan is empty" in checker.feedback.value
    checker.inputs[0].value = RIGHT_PLAN
    checker.button.click()
    assert checker.result.correct


def test_unknown_exercise():
    from infoview_lib.widgets import ExerciseChecker

    with pytest.raises(KeyError, match="thank_you_rate"):
        ExerciseChecker("nope")
