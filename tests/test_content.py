"""Lesson content: the JSON files match their schemas and say what the course teaches."""

from __future__ import annotations

import copy
import json
from collections import Counter
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from infoview_lib import content
from infoview_lib.content import (
    CONTENT_FILES,
    ContentError,
    load_question_bank,
    load_quiz,
    load_reflections,
    question_bank_frame,
    reflection,
    validate,
)
from infoview_lib.questions import TIARA, classify_question


def _raw(name):
    return json.loads(resources.files(content).joinpath(f"{name}.json").read_text("utf-8"))


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_each_file_matches_its_json_schema(name):
    schema = content.schema(name)
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(_raw(name)))
    assert errors == []


# --------------------------------------------------------------------------- quiz


def test_quiz_has_at_least_12_items_of_every_type():
    items = load_quiz()["items"]
    assert len(items) >= 12
    assert set(Counter(i["type"] for i in items)) == {
        "multiple_choice", "true_false", "better_question", "scenario"}
    assert len({i["id"] for i in items}) == len(items)


def test_every_item_has_one_right_answer_and_feedback_for_each_option():
    for item in load_quiz()["items"]:
        assert sum(o["correct"] for o in item["options"]) == 1, item["id"]
        feedback = [o["feedback"] for o in item["options"]]
        assert len(set(feedback)) == len(feedback), item["id"]  # each answer its own feedback
        assert all(len(f.split()) >= 8 for f in feedback), item["id"]  # feedback that teaches


def test_quiz_covers_the_definition_and_the_five_facts():
    text = json.dumps(load_quiz(), ensure_ascii=False).lower()
    for needle in ["insight", "relationship", "not a job", "job openings",  # the definition
                   "20\u201340 minutes",                                   # length
                   "by phone", "by video", "in person",                    # format
                   "open-ended",                                           # open questions
                   "researching the person", "crafting open questions",    # preparation
                   "within 24 hours", "reinforce the connection",          # thank-you
                   "never advertised", "broadens your understanding",      # many interviews
                   "job interview"]:                                       # the difference
        assert needle in text, needle


def test_better_question_items_agree_with_the_question_coach():
    for item in load_quiz()["items"]:
        if item["type"] != "better_question":
            continue
        for option in item["options"]:
            kind = classify_question(option["text"]).kind
            assert (kind == "open") is option["correct"], (option["text"], kind)


# --------------------------------------------------------------------------- reflections


def test_the_three_review_questions_with_model_answers_and_checklists():
    prompts = load_reflections()
    assert [p["id"] for p in prompts] == ["networking_strategy", "preparation", "long_term"]
    assert "networking strategy" in prompts[0]["question"]
    assert "preparation" in prompts[1]["question"].lower()
    assert "long-term" in prompts[2]["question"]
    for p in prompts:
        assert len(p["model_answer"].split()) >= 50
        assert len(p["checklist"]) >= 4


def test_each_model_answer_covers_its_own_checklist():
    from infoview_lib.lessons import checklist_coverage

    for p in load_reflections():
        points = checklist_coverage(p["model_answer"], p["checklist"])
        assert all(pt.covered for pt in points), [pt.point for pt in points if not pt.covered]


def test_reflection_by_id_and_unknown_id():
    assert reflection("preparation")["id"] == "preparation"
    with pytest.raises(KeyError, match="networking_strategy"):
        reflection("nope")


# --------------------------------------------------------------------------- question bank


def test_bank_has_at_least_60_questions_tagged_by_tiara_and_topic():
    bank = load_question_bank()
    assert len(bank) >= 60
    assert set(Counter(q["tiara"] for q in bank)) == set(TIARA)
    topics = Counter(q["topic"] for q in bank)
    assert set(topics) == {"career_path", "day_to_day", "industry_trends", "culture", "advice",
                           "next_steps"}
    assert min(topics.values()) >= 8


def test_every_bank_question_is_open_by_the_classifier():
    closed = [(q["text"], classify_question(q["text"]).kind) for q in load_question_bank()
              if classify_question(q["text"]).kind != "open"]
    assert closed == []


def test_bank_tiara_tags_mostly_agree_with_the_keyword_tagger():
    bank = load_question_bank()
    agree = sum(classify_question(q["text"]).tiara == q["tiara"] for q in bank)
    assert agree / len(bank) >= 0.85


def test_bank_includes_the_who_else_closer():
    assert any(q["text"] == "Who else would you suggest I talk to?" for q in load_question_bank())


def test_bank_as_a_filtered_table():
    frame = question_bank_frame(tiara="Resources")
    assert list(frame.columns) == ["id", "question", "tiara", "topic"]
    assert set(frame["tiara"]) == {"resources"}
    by_label = question_bank_frame(topic="Organization culture")
    by_code = question_bank_frame(topic="culture")
    assert len(by_label) == len(by_code) >= 8
    assert set(by_code["topic"]) == {"Organization culture"}


# --------------------------------------------------------------------------- validation errors


def test_a_quiz_item_with_two_right_answers_is_rejected():
    quiz = _raw("quiz")
    quiz["items"][0]["options"][1]["correct"] = True
    with pytest.raises(ContentError, match="items/0/options"):
        validate("quiz", quiz)


def test_missing_feedback_and_duplicate_ids_are_reported():
    quiz = _raw("quiz")
    del quiz["items"][2]["options"][0]["feedback"]
    with pytest.raises(ContentError, match="'feedback' is a required property"):
        validate("quiz", quiz)
    quiz = _raw("quiz")
    quiz["items"][1]["id"] = quiz["items"][0]["id"]
    with pytest.raises(ContentError, match="used more than once"):
        validate("quiz", quiz)


def test_a_bank_with_an_unknown_tiara_or_a_duplicate_question_is_rejected():
    bank = _raw("question_bank")
    broken = copy.deepcopy(bank)
    broken["questions"][0]["tiara"] = "gossip"
    with pytest.raises(ContentError, match="questions/0/tiara"):
        validate("question_bank", broken)
    dup = copy.deepcopy(bank)
    dup["questions"][1]["text"] = dup["questions"][0]["text"]
    with pytest.raises(ContentError, match="appears more than once"):
        validate("question_bank", dup)


def test_loaders_return_fresh_copies():
    first = load_quiz()
    first["items"].clear()
    assert len(load_quiz()["items"]) >= 12


def test_unknown_content_name():
    with pytest.raises(ValueError, match="unknown content"):
        content.load_content("nope")
