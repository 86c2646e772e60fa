"""Pure logic behind the lesson widgets: grading quiz answers and reading reflections.

The widgets in :mod:`infoview_lib.widgets.quiz` only wire these functions to
buttons, so every message a student sees is decided (and tested) here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "Grade",
    "ChecklistPoint",
    "grade_answer",
    "progress_text",
    "score_text",
    "final_summary",
    "checklist_coverage",
    "coverage_text",
]

CORRECT = "Correct"
NOT_QUITE = "Not quite"


@dataclass(frozen=True)
class Grade:
    """The result of checking one quiz answer.

    Attributes
    ----------
    correct : bool
        Whether the chosen option is the right one.
    verdict : str
        ``"Correct"`` or ``"Not quite"``: the word that starts the feedback, so the
        result is never shown by colour alone.
    feedback : str
        The chosen option's own feedback, which teaches why.
    answer : str
        The right option's text.
    message : str
        What the student reads: verdict, feedback and (when wrong) a nudge to try
        again.
    """

    correct: bool
    verdict: str
    feedback: str
    answer: str
    message: str


def _option_index(item: Mapping, choice: int | str) -> int:
    options = item["options"]
    if isinstance(choice, int) and not isinstance(choice, bool):
        if not 0 <= choice < len(options):
            raise ValueError(f"choice {choice} is not an option (0 to {len(options) - 1})")
        return choice
    for i, opt in enumerate(options):
        if opt["text"] == choice:
            return i
    raise ValueError(f"{choice!r} is not one of this item's options")


def grade_answer(item: Mapping, choice: int | str | None) -> Grade:
    """Grade a student's choice on one quiz item.

    Parameters
    ----------
    item : mapping
        A quiz item as :func:`infoview_lib.content.load_quiz` returns it.
    choice : int, str or None
        The chosen option's index or text; None when nothing is chosen yet.

    Returns
    -------
    Grade
        With ``message`` like ``"Correct — It can happen in person ..."`` or
        ``"Not quite — Phone and video calls work just as well. ... Try again."``.

    Raises
    ------
    ValueError
        If ``choice`` is None (nothing chosen) or not one of the options.
    """
    if choice is None:
        raise ValueError("Choose an answer first, then press Check.")
    index = _option_index(item, choice)
    option = item["options"][index]
    right = next(o for o in item["options"] if o["correct"])
    if option["correct"]:
        message = f"{CORRECT} \u2014 {option['feedback']}"
    else:
        message = (f"{NOT_QUITE} \u2014 {option['feedback']} Choose another answer and press "
                   "Check again, or press Try again to start this question over.")
    return Grade(correct=bool(option["correct"]),
                 verdict=CORRECT if option["correct"] else NOT_QUITE,
                 feedback=option["feedback"], answer=right["text"], message=message)


def progress_text(position: int, total: int) -> str:
    """``"Question 3 of 15"`` for the 0-based ``position``."""
    return f"Question {position + 1} of {total}"


def score_text(results: Mapping[int, bool], total: int) -> str:
    """The running score.

    Parameters
    ----------
    results : mapping
        Item index -> whether the latest checked answer was right.
    total : int
        Number of items in the quiz.

    Returns
    -------
    str
        e.g. ``"Score: 4 correct out of 5 checked (15 questions)"``.
    """
    right = sum(bool(v) for v in results.values())
    checked = len(results)
    noun = "question" if total == 1 else "questions"
    return f"Score: {right} correct out of {checked} checked ({total} {noun})"


def final_summary(results: Mapping[int, bool], total: int) -> str | None:
    """A closing message once every item has been answered correctly or checked.

    Returns None while some items are still unchecked.
    """
    if len(results) < total:
        return None
    missed = [i + 1 for i, ok in sorted(results.items()) if not ok]
    if not missed:
        return (f"All {total} answered correctly. You know what an informational interview is "
                "for, how long it takes, how to prepare and how to follow up.")
    listed = ", ".join(str(m) for m in missed)
    return (f"You answered {total - len(missed)} of {total} correctly. Go back to question"
            f"{'s' if len(missed) > 1 else ''} {listed} and read the feedback for each answer.")


@dataclass(frozen=True)
class ChecklistPoint:
    """One point of a reflection checklist and whether the student's answer covers it."""

    point: str
    covered: bool
    matched: str | None


def checklist_coverage(text: str, checklist: Sequence[Mapping]) -> list[ChecklistPoint]:
    """Which checklist points a student's written answer mentions.

    A point counts as covered when the answer contains one of its keywords (a word
    start, case-insensitive: "referr" matches "referral" and "referred"). It is a
    prompt to compare, not a grade: the student decides whether they really made
    the point.

    Parameters
    ----------
    text : str
        The student's answer.
    checklist : sequence of mapping
        Items with ``point`` and ``keywords``, as in ``reflections.json``.

    Returns
    -------
    list of ChecklistPoint
        In checklist order.
    """
    low = re.sub(r"\s+", " ", (text or "").lower().replace("\u2019", "'"))
    out = []
    for entry in checklist:
        found = next((k for k in entry["keywords"]
                      if re.search(rf"\b{re.escape(k.lower())}", low)), None)
        out.append(ChecklistPoint(point=entry["point"], covered=found is not None, matched=found))
    return out


def coverage_text(points: Sequence[ChecklistPoint]) -> str:
    """``"You mention 3 of 5 points."`` (or an invitation when the answer is empty)."""
    covered = sum(p.covered for p in points)
    if covered == 0:
        return (f"Compare your answer with these {len(points)} points: none of them shows in "
                "your words yet.")
    return f"You mention {covered} of {len(points)} points. Compare with the list below."
