"""Lesson content as data: the concept quiz, the reflection prompts and the question bank.

Each ``NAME.json`` here has a JSON Schema beside it (``NAME.schema.json``); the
loaders validate the file against its schema on every load and raise
:class:`ContentError` naming the place that is wrong, so an instructor who edits
the quiz learns at once what to fix.

Loaders return plain Python data (dicts and lists), fresh on every call, so callers
may change what they get without touching anyone else's copy.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = [
    "CONTENT_FILES",
    "ContentError",
    "load_content",
    "load_question_bank",
    "load_quiz",
    "load_reflections",
    "question_bank_frame",
    "reflection",
    "schema",
]

CONTENT_FILES = ("quiz", "reflections", "question_bank")
"""The content files this folder holds, each with a ``.json`` and a ``.schema.json``."""


class ContentError(ValueError):
    """A content file does not match its JSON Schema (or breaks a rule the schema cannot say)."""


def _read(filename: str) -> Any:
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(f"{filename} is not valid JSON: {exc}") from exc


def schema(name: str) -> dict:
    """The JSON Schema of a content file.

    Parameters
    ----------
    name : {"quiz", "reflections", "question_bank"}
        Which content file.

    Returns
    -------
    dict
        The parsed ``NAME.schema.json``.
    """
    if name not in CONTENT_FILES:
        raise ValueError(f"unknown content {name!r}; choose one of {', '.join(CONTENT_FILES)}")
    return _read(f"{name}.schema.json")


def validate(name: str, data: Any) -> None:
    """Check content against its schema and the rules a schema cannot express.

    Parameters
    ----------
    name : {"quiz", "reflections", "question_bank"}
        Which schema to use.
    data : object
        Parsed JSON.

    Raises
    ------
    ContentError
        Listing every problem as ``path: message``.
    """
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema(name))
    problems = [
        f"{'/'.join(str(p) for p in err.absolute_path) or '(top)'}: {err.message}"
        for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path)))
    ]
    if not problems:
        key = {"quiz": "items", "reflections": "prompts", "question_bank": "questions"}[name]
        ids = [entry.get("id") for entry in data[key]]
        problems += [f"{key}: id {i!r} is used more than once"
                     for i in sorted({i for i in ids if ids.count(i) > 1})]
        if name == "question_bank":
            texts = [q["text"].strip().lower() for q in data["questions"]]
            problems += [f"questions: {t!r} appears more than once"
                         for t in sorted({t for t in texts if texts.count(t) > 1})]
    if problems:
        raise ContentError(f"{name}.json does not match {name}.schema.json:\n  "
                           + "\n  ".join(problems))


def load_content(name: str) -> Any:
    """Load and validate one content file by name (see :data:`CONTENT_FILES`)."""
    if name not in CONTENT_FILES:
        raise ValueError(f"unknown content {name!r}; choose one of {', '.join(CONTENT_FILES)}")
    data = _read(f"{name}.json")
    validate(name, data)
    return data


def load_quiz() -> dict:
    """The concept quiz.

    Returns
    -------
    dict
        ``title``, ``description`` and ``items``; each item has ``id``, ``type``
        (multiple_choice, true_false, better_question, scenario), ``prompt``, an
        optional ``scenario`` and ``options`` (``text``, ``correct``, ``feedback``),
        exactly one of them correct.
    """
    return load_content("quiz")


def load_reflections() -> list[dict]:
    """The three review questions as reflection prompts.

    Returns
    -------
    list of dict
        Each with ``id``, ``question``, ``hint``, ``model_answer`` and ``checklist``
        (``point`` and the ``keywords`` that show a student covered it).
    """
    return load_content("reflections")["prompts"]


def reflection(prompt_id: str) -> dict:
    """One reflection prompt by id (``networking_strategy``, ``preparation``, ``long_term``)."""
    prompts = load_reflections()
    for prompt in prompts:
        if prompt["id"] == prompt_id:
            return prompt
    raise KeyError(f"no reflection prompt {prompt_id!r}; choose one of "
                   + ", ".join(p["id"] for p in prompts))


def load_question_bank() -> list[dict]:
    """The question bank: open questions tagged by TIARA category and topic.

    Returns
    -------
    list of dict
        Each with ``id``, ``text``, ``tiara`` (trends, insights, advice, resources,
        assignments) and ``topic`` (career_path, day_to_day, industry_trends,
        culture, advice, next_steps).
    """
    return load_content("question_bank")["questions"]


def topic_labels() -> dict[str, str]:
    """Topic code -> the label students see ("day_to_day" -> "Day-to-day work")."""
    return load_content("question_bank")["topics"]


def question_bank_frame(tiara: str | None = None, topic: str | None = None):
    """The question bank as a table, optionally filtered.

    Parameters
    ----------
    tiara : str, optional
        Keep one TIARA category.
    topic : str, optional
        Keep one topic (a code such as ``"culture"`` or its label).

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``question``, ``tiara``, ``topic`` (topic as its label).
    """
    import pandas as pd

    labels = topic_labels()
    frame = pd.DataFrame(load_question_bank()).rename(columns={"text": "question"})
    if tiara:
        frame = frame[frame["tiara"] == tiara.lower()]
    if topic:
        code = next((k for k, v in labels.items() if topic in (k, v)), topic)
        frame = frame[frame["topic"] == code]
    frame = frame.assign(topic=frame["topic"].map(labels))
    return frame[["id", "question", "tiara", "topic"]].reset_index(drop=True)
