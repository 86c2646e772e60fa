"""Self-study exercises with automatic, specific feedback.

Three exercises, each checked by a pure function that says *what* went wrong, not
just "wrong":

1. :func:`check_thank_you_rate` — compute the thank-you rate of the sample log by
   hand with pandas and compare it with :func:`infoview_lib.metrics.thank_you_rate`.
   A wrong number is matched against the mistakes students make (dividing by every
   row, counting late notes, counting only same-day notes, giving the complement, a
   count instead of a rate...) and the hint names the mistake.
2. :func:`check_open_rewrites` — rewrite the five :data:`CLOSED_QUESTIONS` as open
   ones. Each rewrite is classified by :func:`infoview_lib.questions.classify_question`
   and must still be about the original's topic.
3. :func:`check_outreach_plan` — plan next week's actions with the 3B7 routine for
   the small log of :func:`outreach_scenario`. The plan is compared with
   :func:`infoview_lib.metrics.due_followups`; a wrong day is diagnosed (calendar
   days instead of business days, the outreach day counted as day 1, a weekend).

Every checker returns an :class:`ExerciseFeedback`, which notebooks display as
text (HTML in JupyterLab, plain text anywhere). :data:`EXERCISES` describes each
exercise's answer fields so :class:`infoview_lib.widgets.ExerciseChecker` can offer
a form in Voilà: the ``check_text`` functions parse what a student types.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from numbers import Number

import numpy as np
import pandas as pd

from . import metrics

__all__ = [
    "ExerciseFeedback",
    "AnswerField",
    "Exercise",
    "EXERCISES",
    "ClosedQuestion",
    "CLOSED_QUESTIONS",
    "PlanItem",
    "OUTREACH_TODAY",
    "OUTREACH_UNTIL",
    "parse_rate",
    "check_thank_you_rate",
    "check_open_rewrites",
    "outreach_scenario",
    "expected_plan",
    "parse_plan",
    "check_outreach_plan",
]

RATE_TOLERANCE = 0.005
"""How far an answer may be from a value and still match it (rounding to 2 decimals)."""


# ------------------------------------------------------------------------- feedback


@dataclass(frozen=True)
class ExerciseFeedback:
    """What a checker says about an answer.

    Attributes
    ----------
    correct : bool
        True when the answer is right.
    headline : str
        One sentence: "Correct: ..." or "Not yet: ...".
    hints : tuple of str
        What to fix, most specific first (empty when correct).
    notes : tuple of str
        Remarks that hold even for a right answer (a tip, how it was read).
    """

    correct: bool
    headline: str
    hints: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The whole feedback as plain text, one item per line."""
        lines = [self.headline]
        lines += [f"- {hint}" for hint in self.hints]
        lines += [f"Note: {note}" for note in self.notes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text

    def to_html(self) -> str:
        """The feedback as an HTML fragment (every piece of text escaped).

        The verdict is a word ("Correct" / "Not yet"), never a colour alone, and
        the box is a ``role="alert"`` region so screen readers read it out.
        """
        from .widgets._common import list_html, status_html

        extra = list_html(self.hints)
        extra += "".join(f'<p style="margin:0.3em 0 0 0">Note: {html.escape(n)}</p>'
                         for n in self.notes)
        return status_html(_without_verdict(self), "success" if self.correct else "warning",
                           label="Correct" if self.correct else "Not yet", extra_html=extra)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_pretty_(self, printer, cycle: bool) -> None:  # IPython's plain-text display
        printer.text(self.text)


def _without_verdict(feedback: ExerciseFeedback) -> str:
    return re.sub(r"^(Correct|Not yet)[.:!]?\s*", "", feedback.headline)


def _day(value) -> str:
    """``Wed 9 Apr`` — how hints name a day."""
    stamp = pd.Timestamp(value)
    return f"{stamp:%a} {stamp.day} {stamp:%b}"


def _pct(value: float) -> str:
    return f"{value:.1%}"


# ------------------------------------------------------ exercise 1: thank-you rate


def parse_rate(answer) -> tuple[float, bool]:
    """Read a rate typed or computed by a student.

    Parameters
    ----------
    answer : float, int, Fraction, numpy number or str
        ``0.64``, ``"0.64"``, ``"64%"``, ``"14/22"``, ``"14 / 22"``. A number above
        1 is read as a percentage.

    Returns
    -------
    (float, bool)
        The rate as a fraction of 1, and whether it was given as a percentage.

    Raises
    ------
    TypeError
        If ``answer`` is a whole column or table rather than one number.
    ValueError
        If ``answer`` is not a number (the message says what to type).
    """
    if answer is None:
        raise ValueError("No answer yet: replace None with your calculation and run the cell "
                         "again.")
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list, tuple)):
        raise TypeError(
            "That is a whole column (or table), not one number. Reduce it to a single "
            "rate: divide the number of on-time thank-yous by the number of completed "
            "interviews, or take .mean() of a True/False column."
        )
    if isinstance(answer, bool) or isinstance(answer, np.bool_):
        raise ValueError("That is True/False, not a rate. Divide two counts to get a number.")
    percent = False
    if isinstance(answer, str):
        text = answer.strip().replace(",", ".")
        if not text:
            raise ValueError("Type your rate first, e.g. 0.5, 50% or 11/22.")
        if text.endswith("%"):
            percent, text = True, text[:-1].strip()
        match = re.fullmatch(r"([0-9.]+)\s*/\s*([0-9.]+)", text)
        try:
            if match:
                value = float(match[1]) / float(match[2])
            else:
                value = float(text)
        except (ValueError, ZeroDivisionError):
            raise ValueError(
                f"'{answer}' is not a number. Type the rate as 0.5, 50% or 11/22."
            ) from None
    elif isinstance(answer, (Number, Fraction, np.number)):
        value = float(answer)
    else:
        raise ValueError(f"Expected a number, got {type(answer).__name__}.")
    if math.isnan(value):
        raise ValueError("Your answer is NaN: the division had nothing to divide by. "
                         "Check that your filter keeps the completed interviews.")
    if not percent and value > 1:
        percent = True
    if percent:
        value /= 100
    return value, percent


@dataclass(frozen=True)
class _Candidate:
    value: float
    hint: str


def _thank_you_candidates(log: pd.DataFrame) -> tuple[float, list[_Candidate], dict]:
    """The right rate and the values common mistakes give, each with its hint."""
    status = log["status"].astype("string")
    completed = (status == "completed").fillna(False).to_numpy(dtype=bool)
    interview = pd.to_datetime(log["interview_date"]).dt.normalize()
    thanks = pd.to_datetime(log["thank_you_date"]).dt.normalize()
    delay = (thanks - interview).dt.days.to_numpy(dtype="float64")
    n = int(completed.sum())
    sent = completed & ~np.isnan(delay)
    with np.errstate(invalid="ignore"):
        on_time = sent & (delay >= 0) & (delay <= 1)
        same_day = sent & (delay == 0)
        next_day = sent & (delay == 1)
    k = int(on_time.sum())
    facts = {"n": n, "k": k, "rows": len(log), "sent": int(sent.sum()),
             "late": int(sent.sum()) - k, "missing": n - int(sent.sum())}
    right = metrics.thank_you_rate(log)
    out: list[_Candidate] = []

    def add(num: int, den: int, hint: str) -> None:
        if den > 0:
            out.append(_Candidate(num / den, hint))

    add(k, len(log),
        f"You divided by every row in the log ({len(log)}). The rate counts only completed "
        f"interviews ({n}): planned, waiting, declined and scheduled rows had no interview to "
        "thank anyone for. Filter with log['status'] == 'completed' first.")
    dated = int(interview.notna().sum())
    if dated != n:
        add(k, dated,
            f"You divided by every row with an interview date ({dated}), which includes "
            "scheduled interviews that have not happened yet. Keep only status == 'completed' "
            f"({n}).")
    add(k, facts["sent"],
        f"You divided by the thank-you notes that were sent ({facts['sent']}). Divide by all "
        f"completed interviews ({n}): an interview with no note at all counts against the "
        "rate.")
    add(facts["sent"], n,
        f"You counted every thank-you note ({facts['sent']}), including {facts['late']} sent "
        "more than 1 day after the interview. The rule is within 1 day: keep rows where "
        "thank_you_date - interview_date is 0 or 1 days.")
    with np.errstate(invalid="ignore"):
        for days in range(2, 8):
            within = int((sent & (delay >= 0) & (delay <= days)).sum())
            add(within, n,
                f"You counted thank-yous sent {days} days later; the rule is within 1 day "
                "(a delay of 0 or 1 days). Use (thank_you_date - interview_date).dt.days <= 1.")
    add(int(same_day.sum()), n,
        f"You counted only notes sent the same day as the interview ({int(same_day.sum())}). "
        "A note sent the next day is still within 24 hours: a delay of 0 or 1 days counts.")
    add(int(next_day.sum()), n,
        "You counted only notes sent the day after the interview. A note sent the same day "
        "(a delay of 0 days) counts too: keep 0 <= delay <= 1.")
    add(n - k, n,
        f"You computed the share of interviews WITHOUT a timely thank-you ({n - k} of {n}). "
        "Flip it: the rate is the share with one.")
    outreach = int(status.isin(metrics.OUTREACH_STATUSES).fillna(False).sum())
    add(k, outreach,
        f"You divided by all outreach ({outreach}). Only completed interviews ({n}) can be "
        "thanked, so they are the denominator.")
    # drop mistakes that give the right value on this log
    out = [c for c in out if not math.isclose(c.value, right, abs_tol=1e-9)]
    return right, out, facts


def _whole_number(answer) -> int | None:
    """``answer`` as an int when it is a plain whole number (``14`` or ``"14"``)."""
    if isinstance(answer, bool) or isinstance(answer, np.bool_):
        return None
    if isinstance(answer, str):
        return int(answer.strip()) if re.fullmatch(r"\s*\d+\s*", answer) else None
    if isinstance(answer, (Number, np.number)) and float(answer).is_integer():
        return int(answer)
    return None


def check_thank_you_rate(answer, log: pd.DataFrame | None = None) -> ExerciseFeedback:
    """Check a thank-you rate computed by hand against the library's.

    Parameters
    ----------
    answer : float, str or Fraction
        The rate as the student computed it (see :func:`parse_rate` for what is
        accepted: ``0.636``, ``"63.6%"``, ``"14/22"``).
    log : pandas.DataFrame, optional
        The log it was computed on; defaults to the bundled sample log.

    Returns
    -------
    ExerciseFeedback
        Correct when within 0.005 of :func:`infoview_lib.metrics.thank_you_rate`
        (so rounding to two decimals is fine). Otherwise the hint names the
        mistake that gives the student's number, when one does.

    Examples
    --------
    >>> check_thank_you_rate("14/40").hints[0][:40]
    'You divided by every row in the log (40)'
    """
    if log is None:
        from .io import load_log
        from .paths import sample_log_path

        log = load_log(sample_log_path())
    right, mistakes, facts = _thank_you_candidates(log)
    n, k = facts["n"], facts["k"]
    try:
        value, percent = parse_rate(answer)
    except (TypeError, ValueError) as error:
        return ExerciseFeedback(False, "Not yet: that is not a rate I can check.", (str(error),))
    notes = ()
    if percent:
        notes = (f"I read your answer as a percentage ({_pct(value)}). The library returns a "
                 f"fraction of 1: {right:.3f}.",)
    if math.isnan(right):
        return ExerciseFeedback(False, "Not yet: this log has no completed interview, so the "
                                "rate is NaN (nothing to divide by).", (), notes)
    if value < 0 or value > 1:
        return ExerciseFeedback(False, "Not yet: a rate is between 0 and 1 (0% and 100%).",
                                ("Divide the on-time thank-yous by the completed interviews.",),
                                notes)
    count = _whole_number(answer)
    if count is not None and count in (k, n) and count > 1:
        what = "the on-time thank-yous" if count == k else "the completed interviews"
        fix = (f"Divide it by the number of completed interviews ({n})." if count == k else
               f"It is the denominator; divide the on-time thank-yous ({k}) by it.")
        return ExerciseFeedback(False, f"Not yet: {count} is a count ({what}), not a rate.",
                                (fix,))
    distance = abs(value - right)
    near = sorted((abs(c.value - value), c.hint) for c in mistakes
                  if abs(c.value - value) <= RATE_TOLERANCE)
    if distance <= RATE_TOLERANCE and (not near or distance <= near[0][0]):
        return ExerciseFeedback(
            True,
            f"Correct: {k} of {n} completed interviews got a thank-you within 1 day, "
            f"{_pct(right)} — the same as metrics.thank_you_rate(log) = {right:.3f}.",
            (), notes,
        )
    if near:
        best = [hint for gap, hint in near if gap <= near[0][0] + 1e-9]
        headline = f"Not yet: your rate is {_pct(value)}, the library's is different."
        if len(best) > 1:
            headline += f" {len(best)} common mistakes give this number; which one was yours?"
        return ExerciseFeedback(False, headline, tuple(best), notes)
    hints = [
        "Not a mistake I recognise. Check each step: (1) keep rows with status == "
        "'completed'; (2) delay = (thank_you_date - interview_date).dt.days; (3) on time "
        "means 0 <= delay <= 1 (a missing note is not on time); (4) divide the on-time count "
        "by the completed count.",
    ]
    if distance <= 0.05:
        hints.insert(0, "Close, but not equal: if you rounded, keep at least two decimals; "
                        "otherwise one or two interviews are counted differently.")
    return ExerciseFeedback(False, f"Not yet: your rate is {_pct(value)}, the library's is "
                            "different.", tuple(hints), notes)


# ------------------------------------------------ exercise 2: closed → open questions


@dataclass(frozen=True)
class ClosedQuestion:
    """A closed question to rewrite, and what it is about.

    Attributes
    ----------
    text : str
        The closed question.
    topic : str
        Its topic in words ("a master's degree"), used in hints.
    keywords : tuple of str
        Word stems (lower case) a rewrite on the same topic contains at least one of.
    """

    text: str
    topic: str
    keywords: tuple[str, ...]


CLOSED_QUESTIONS: tuple[ClosedQuestion, ...] = (
    ClosedQuestion("Do you like working here?", "what it is like to work there",
                   ("like", "enjoy", "work", "job", "love", "favo", "best", "satisf", "day",
                    "here", "team", "place", "culture", "reward", "appeal")),
    ClosedQuestion("Is a master's degree necessary for this field?",
                   "whether this field needs a master's degree",
                   ("master", "degree", "qualif", "educat", "study", "studi", "credential",
                    "school", "graduate", "academ", "train", "certif")),
    ClosedQuestion("Did you always want to work in public health?",
                   "how they came to work in public health",
                   ("public health", "health", "want", "decid", "choose", "chose", "path",
                    "career", "start", "got into", "get into", "end up", "ended up",
                    "interest", "drew", "draw", "lead", "led", "came to", "become", "became")),
    ClosedQuestion("Are there many opportunities to grow in this role?",
                   "opportunities to grow in the role",
                   ("grow", "opportunit", "advance", "promot", "progress", "develop", "career",
                    "learn", "move up", "path", "next step")),
    ClosedQuestion("Would you recommend this career to a new graduate?",
                   "advice for a new graduate about this career",
                   ("recommend", "graduate", "advice", "advise", "suggest", "career",
                    "new grad", "someone starting", "starting out", "entering", "beginner",
                    "student", "early career", "just start")),
)
"""The five closed questions of exercise 2."""

_WORD = re.compile(r"[a-z']+")


def _on_topic(rewrite: str, question: ClosedQuestion) -> bool:
    low = " ".join(_WORD.findall(rewrite.lower()))
    return any(re.search(r"\b" + re.escape(k), low) for k in question.keywords)


def _normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _as_rewrites(rewrites) -> list[str]:
    if isinstance(rewrites, str):
        return [line for line in rewrites.splitlines() if line.strip()]
    if isinstance(rewrites, dict):
        keys = sorted(rewrites)
        if keys and all(isinstance(k, int) for k in keys):
            start = 1 if keys[0] >= 1 else 0
            return [str(rewrites.get(i + start, "") or "") for i in range(len(CLOSED_QUESTIONS))]
        return [str(v or "") for v in rewrites.values()]
    if isinstance(rewrites, pd.Series):
        return ["" if pd.isna(v) else str(v) for v in rewrites]
    return ["" if v is None else str(v) for v in rewrites]


def _first_sentence(text: str) -> str:
    return _lower_first(text.split(". ")[0].rstrip(".") + ".")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != "I " else text


def check_open_rewrites(rewrites) -> ExerciseFeedback:
    """Check five open rewrites of :data:`CLOSED_QUESTIONS`.

    Parameters
    ----------
    rewrites : sequence of str, dict or str
        One rewrite per closed question, in order (a list, a dict numbered from 1,
        or one string with a rewrite per line).

    Returns
    -------
    ExerciseFeedback
        Correct when each rewrite is open (per
        :func:`infoview_lib.questions.classify_question`) and still about the
        original's topic. Each hint names the question and what is wrong with it:
        still closed (and why), leading, a job request, unchanged, empty, or off
        topic.

    Examples
    --------
    >>> check_open_rewrites(["Do you enjoy it?"] + [""] * 4).hints[0][:30]
    'Question 1 is still closed: It'
    """
    from .questions import classify_question

    answers = _as_rewrites(rewrites)
    total = len(CLOSED_QUESTIONS)
    hints: list[str] = []
    notes: list[str] = []
    good = 0
    if len(answers) > total:
        hints.append(f"You gave {len(answers)} rewrites; the exercise has {total} questions. "
                     "Only the first five are checked.")
        answers = answers[:total]
    answers += [""] * (total - len(answers))
    pairs = zip(CLOSED_QUESTIONS, answers, strict=True)
    for number, (question, rewrite) in enumerate(pairs, start=1):
        label = f"Question {number} (\u201c{question.text}\u201d)"
        rewrite = rewrite.strip()
        if not rewrite or not re.search(r"\w", rewrite):
            hints.append(f"{label} is still empty: write an open version of it.")
            continue
        if _normalised(rewrite) == _normalised(question.text):
            hints.append(f"{label} is unchanged: it still starts with "
                         f"'{question.text.split()[0]}', so it can be answered with yes or no.")
            continue
        verdict = classify_question(rewrite)
        if verdict.kind == "closed":
            why = _first_sentence(verdict.reasons[0])
            hints.append(f"Question {number} is still closed: {why} "
                         "Start with what, how, why, or 'tell me about'.")
        elif verdict.kind == "leading":
            hints.append(f"Question {number} is leading: {_lower_first(verdict.reasons[0])}")
        elif verdict.kind == "job_ask":
            hints.append(f"Question {number} asks for a job: "
                         f"{_lower_first(verdict.reasons[0])}")
        elif not _on_topic(rewrite, question):
            hints.append(f"Question {number} is open, but it is no longer about "
                         f"{question.topic}. Keep the topic; change only the form.")
        else:
            good += 1
            notes += [f"Question {number}: {r[5:]}" for r in verdict.reasons
                      if r.startswith("Tip: ")]
    if good == total and not hints:
        return ExerciseFeedback(True, f"Correct: all {total} rewrites are open questions on "
                                "the same topics. Each invites a story, not a yes or no.",
                                (), tuple(notes))
    return ExerciseFeedback(False, f"Not yet: {good} of {total} rewrites are open and on "
                            "topic.", tuple(hints), tuple(notes))


# ------------------------------------------------------- exercise 3: the 3B7 plan

OUTREACH_TODAY = pd.Timestamp("2025-04-11")
""""Today" in exercise 3: Friday 11 April 2025."""

OUTREACH_UNTIL = pd.Timestamp("2025-04-18")
"""The last day of the week being planned: Friday 18 April 2025."""

ACTION_LABELS = {"second_contact": "second contact", "follow_up": "follow-up",
                 "thank_you": "thank-you note"}
_BUSINESS_DAYS = {"second_contact": metrics.SECOND_CONTACT_BUSINESS_DAYS,
                  "follow_up": metrics.FOLLOW_UP_BUSINESS_DAYS}

_SCENARIO = [
    # contact, role, organization, source, referred_by, status, outreach, interview,
    # mode, minutes, thank-you, follow-up
    ("Rhys Calloway", "Data analyst", "Kestrel Media", "alumni", None, "completed",
     "2025-03-24", "2025-04-02", "video", 30, "2025-04-02", None),
    ("Ines Maplethorpe", "Curator", "Brightwater Museum", "referral", "Rhys Calloway",
     "completed", "2025-03-31", "2025-04-10", "in_person", 25, None, None),
    ("Lucia Farrowdale", "Nurse manager", "Harbor Point Hospital", "alumni", None,
     "requested", "2025-04-07", None, None, None, None, None),
    ("Omar Penhallow", "Clinical data analyst", "Harbor Point Hospital", "linkedin", None,
     "scheduled", "2025-04-10", "2025-04-23", "video", None, None, None),
    ("Nadia Quillfeather", "UX researcher", "Orchard Labs", "cold", None, "requested",
     "2025-04-09", None, None, None, None, None),
    ("Tariq Ellsworth", "Exhibitions manager", "Larkspur Theatre Company", "referral",
     "Ines Maplethorpe", "requested", "2025-04-11", None, None, None, None, None),
    ("Mei Hartigan", "Policy officer", "Stonebridge Council", "faculty", None, "declined",
     "2025-04-01", None, None, None, None, None),
    ("Pavel Dunmore", "Software engineer", "Orchard Labs", "friend_family", None, "planned",
     None, None, None, None, None, None),
]
_SCENARIO_COLUMNS = ("contact", "role", "organization", "source", "referred_by", "status",
                     "outreach_date", "interview_date", "mode", "duration_min",
                     "thank_you_date", "follow_up_date")


def outreach_scenario() -> pd.DataFrame:
    """The small log exercise 3 plans from (fictional people).

    On Friday 11 April 2025 (:data:`OUTREACH_TODAY`) the log holds: an interview
    thanked the same day, an interview not yet thanked, three requests waiting for
    a reply (sent Monday 7, Wednesday 9 and Friday 11 April), a colleague at one
    of those organizations already approached, a scheduled interview, a decline and
    a planned contact.

    Returns
    -------
    pandas.DataFrame
        A loaded log (the schema's dtypes).
    """
    from .io import load_log

    frame = pd.DataFrame(_SCENARIO, columns=list(_SCENARIO_COLUMNS))
    return load_log(frame)


@dataclass(frozen=True)
class PlanItem:
    """One planned action: who, which 3B7 action, on which day."""

    contact: str
    action: str
    day: pd.Timestamp


def _as_day(value, default_year: int) -> pd.Timestamp:
    if isinstance(value, (pd.Timestamp, dt.date, np.datetime64)):
        return pd.Timestamp(value).normalize()
    from dateutil import parser

    text = str(value).strip()
    if not text:
        raise ValueError("the day is missing")
    iso = re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text)
    try:
        parsed = parser.parse(text, default=dt.datetime(default_year, 1, 1),
                              dayfirst=not iso, fuzzy=True)
    except (ValueError, OverflowError):
        raise ValueError(f"'{text}' is not a day; write e.g. 2025-04-14 or Mon 14 Apr") from None
    return pd.Timestamp(parsed).normalize()


def _action_code(text: str) -> str:
    low = str(text).lower()
    if "second" in low or "another person" in low or "someone else" in low:
        return "second_contact"
    if "follow" in low:
        return "follow_up"
    if "thank" in low:
        return "thank_you"
    raise ValueError(f"'{text}' is not a 3B7 action; use second contact, follow-up or "
                     "thank-you")


def parse_plan(plan, default_year: int = OUTREACH_TODAY.year) -> tuple[list[PlanItem],
                                                                          list[str]]:
    """Read a plan: ``(items, problems)``.

    Parameters
    ----------
    plan : str, DataFrame or iterable
        Text with one action per line, ``contact, action, day`` (commas, semicolons or
        tabs), e.g. ``Nadia Quillfeather, second contact, Mon 14 Apr``; or a
        DataFrame with columns ``contact``, ``action`` and ``day`` (or
        ``due_since``); or an iterable of ``(contact, action, day)`` tuples or dicts.
        Actions may be written as the codes (``follow_up``) or in words
        ("follow up", "thank-you note"). Days without a year get ``default_year``.
    default_year : int
        The year of days written without one.

    Returns
    -------
    (list of PlanItem, list of str)
        The items read, and one sentence per line that could not be read.
    """
    rows: list[tuple[str, object, object, str]] = []
    if isinstance(plan, str):
        for number, line in enumerate(plan.splitlines(), start=1):
            if not line.strip() or line.strip().startswith("#"):
                continue
            parts = [p.strip() for p in re.split(r"[,;\t|]", line)]
            parts = [p for p in parts if p]
            if len(parts) < 3:
                rows.append(("", None, None, f"Line {number} ('{line.strip()}') needs three "
                             "parts: contact, action, day."))
                continue
            day = ", ".join(parts[2:])
            rows.append((parts[0], parts[1], day, f"Line {number}"))
    elif isinstance(plan, pd.DataFrame):
        day_column = "day" if "day" in plan.columns else "due_since"
        for number, record in enumerate(plan.to_dict("records"), start=1):
            rows.append((str(record.get("contact", "")), record.get("action"),
                         record.get(day_column), f"Row {number}"))
    else:
        for number, item in enumerate(plan, start=1):
            if isinstance(item, dict):
                item = (item.get("contact"), item.get("action"),
                        item.get("day", item.get("due_since")))
            if len(item) != 3:
                rows.append(("", None, None, f"Item {number} needs three parts: contact, "
                             "action, day."))
                continue
            rows.append((str(item[0]), item[1], item[2], f"Item {number}"))
    items: list[PlanItem] = []
    problems: list[str] = []
    for contact, action, day, where in rows:
        if action is None and day is None:
            problems.append(where)
            continue
        try:
            code = _action_code(action)
            when = _as_day(day, default_year)
        except ValueError as error:
            problems.append(f"{where}: {error}.")
            continue
        items.append(PlanItem(contact.strip(), code, when))
    return items, problems


def expected_plan(log: pd.DataFrame | None = None, today=OUTREACH_TODAY,
                  until=OUTREACH_UNTIL) -> pd.DataFrame:
    """The actions the 3B7 routine gives from ``today`` to ``until``.

    Everything :func:`infoview_lib.metrics.due_followups` lists on ``until``:
    actions already due on ``today`` (do them first) and those that fall due by
    ``until``.

    Returns
    -------
    pandas.DataFrame
        Columns ``contact``, ``organization``, ``action``, ``day`` (the day the
        action falls due), sorted by day.
    """
    log = outreach_scenario() if log is None else log
    due = metrics.due_followups(log, until)
    return due.rename(columns={"due_since": "day"})[["contact", "organization", "action",
                                                      "day"]]


def _row_of(log: pd.DataFrame, key: str) -> pd.Series | None:
    keys = metrics.person_key(log["contact"])
    matches = log[(keys == key).fillna(False).to_numpy()]
    return None if matches.empty else matches.iloc[0]


def _wrong_day_hint(item: PlanItem, right: pd.Timestamp, row: pd.Series) -> str:
    name, label = row["contact"], ACTION_LABELS[item.action]
    if item.action == "thank_you":
        held = row["interview_date"]
        return (f"{name}'s thank-you note is due on {_day(right)}, the day after the interview "
                f"on {_day(held)}: the 24-hour rule counts calendar days, weekends included.")
    sent = pd.Timestamp(row["outreach_date"])
    n = _BUSINESS_DAYS[item.action]
    base = (f"{name}'s {label} falls due on {_day(right)}: {n} business days after the "
            f"request on {_day(sent)}.")
    calendar = sent + pd.Timedelta(days=n)
    if item.day == calendar:
        return (f"You counted calendar days ({_day(sent)} + {n} = {_day(calendar)}). "
                f"The 3B7 routine counts business days, Monday to Friday: {base}")
    if item.day.day_of_week >= 5:
        return (f"{_day(item.day)} is a weekend day; business days are Monday to Friday. "
                + base)
    early = pd.Timestamp(np.busday_offset(sent.date(), n - 1, roll="forward"))
    if item.day == early:
        return (f"You counted the day of the request as day 1. Day 1 is the next business "
                f"day after {_day(sent)}. " + base)
    return base


def _not_due_hint(item: PlanItem, row: pd.Series, log: pd.DataFrame, until) -> str:
    name, label = row["contact"], ACTION_LABELS[item.action]
    status = str(row["status"]) if pd.notna(row["status"]) else "(none)"
    if item.action == "thank_you":
        if status != "completed":
            return (f"{name}'s interview has not happened yet (status: {status}); the "
                    "thank-you note comes after the interview.")
        if pd.notna(row["thank_you_date"]):
            return f"You already thanked {name} on {_day(row['thank_you_date'])}."
        return f"{name}'s thank-you note is not due by {_day(until)}."
    if status == "planned" or pd.isna(row["outreach_date"]):
        return (f"You have not written to {name} yet (status: {status}). The 3B7 clock "
                "starts when a request is sent.")
    if status != "requested":
        return (f"{name} already answered (status: {status}): the 3B7 routine is only for "
                "requests with no reply yet.")
    sent = pd.Timestamp(row["outreach_date"])
    n = _BUSINESS_DAYS[item.action]
    falls = pd.Timestamp(np.busday_offset(sent.date(), n, roll="forward"))
    if item.action == "follow_up" and pd.notna(row["follow_up_date"]) \
            and row["follow_up_date"] > sent:
        return f"You already followed up with {name} on {_day(row['follow_up_date'])}."
    if falls > pd.Timestamp(until):
        hint = (f"{name}'s {label} falls due on {_day(falls)}, {n} business days after the "
                f"request on {_day(sent)} — after {_day(until)}, so not in this week's plan.")
        calendar = sent + pd.Timedelta(days=n)
        if item.day == calendar:
            hint += (f" You counted calendar days ({_day(sent)} + {n} = {_day(calendar)}); "
                     "weekends do not count.")
        return hint
    if item.action == "second_contact":
        org = row["organization"]
        same = (log["organization"].astype("string").str.strip().str.lower()
                == str(org).strip().lower()).fillna(False)
        others = log[same.to_numpy() & (metrics.person_key(log["contact"])
                                        != metrics.person_key(pd.Series([name]))[0])
                     .fillna(True).to_numpy()]
        since = others[others["outreach_date"] >= sent]
        if len(since):
            who = since.iloc[0]
            return (f"You already approached {who['contact']} at {org} on "
                    f"{_day(who['outreach_date'])}, after {name}'s request: that was the "
                    "second contact, so there is nothing more to do at this step.")
    return f"The 3B7 routine gives no {label} for {name} by {_day(until)}."


def check_outreach_plan(plan, log: pd.DataFrame | None = None, today=OUTREACH_TODAY,
                        until=OUTREACH_UNTIL) -> ExerciseFeedback:
    """Check a week's outreach plan against the 3B7 routine.

    Parameters
    ----------
    plan : str, DataFrame or iterable of (contact, action, day)
        What the student plans (see :func:`parse_plan`).
    log : pandas.DataFrame, optional
        The log planned from; defaults to :func:`outreach_scenario`.
    today, until : date-like
        The planning day and the last day of the week planned (defaults: Friday 11
        and Friday 18 April 2025).

    Returns
    -------
    ExerciseFeedback
        Correct when the plan has exactly the actions of :func:`expected_plan`, each
        on the day it falls due (an action already overdue on ``today`` may also be
        planned for ``today``). Hints name each wrong, missing or extra action and
        why: calendar days counted instead of business days, the request day
        counted as day 1, a weekend day, a contact who already answered, a second
        person already approached, an action that falls due after the week.
    """
    log = outreach_scenario() if log is None else log
    today, until = metrics.as_day(today), metrics.as_day(until)
    items, problems = parse_plan(plan, default_year=today.year)
    if not items and not problems:
        return ExerciseFeedback(False, "Not yet: the plan is empty.",
                                ("Write one action per line: contact, action, day.",))
    expected = expected_plan(log, today, until)
    keys = metrics.person_key(expected["contact"])
    wanted = {(k, a): d for k, a, d in zip(keys, expected["action"], expected["day"],
                                                         strict=True)}
    hints: list[str] = list(problems)
    seen: set[tuple[str, str]] = set()
    right = 0
    for item in items:
        key = metrics.person_key(pd.Series([item.contact], dtype="string"))[0]
        row = None if pd.isna(key) else _row_of(log, key)
        label = ACTION_LABELS[item.action]
        if row is None:
            names = ", ".join(log["contact"].dropna().astype(str))
            hints.append(f"No one called '{item.contact}' is in the log. Check the spelling; "
                         f"the contacts are: {names}.")
            continue
        if (key, item.action) in seen:
            hints.append(f"You listed {row['contact']}'s {label} twice; once is enough.")
            continue
        seen.add((key, item.action))
        due = wanted.get((key, item.action))
        if due is None:
            hints.append(_not_due_hint(item, row, log, until))
        elif item.day == due or (due < today and item.day == today):
            right += 1
        else:
            hints.append(_wrong_day_hint(item, due, row))
    for key, action in wanted:
        if (key, action) in seen:
            continue
        row = _row_of(log, key)
        name, label = row["contact"], ACTION_LABELS[action]
        if action == "thank_you":
            hints.append(f"You left out {name}'s thank-you note: the interview was on "
                         f"{_day(row['interview_date'])} and no note has gone out.")
        else:
            n = _BUSINESS_DAYS[action]
            hints.append(f"You left out {name}'s {label}: count {n} business days from the "
                         f"request on {_day(row['outreach_date'])}.")
    total = len(wanted)
    if right == total and not hints:
        return ExerciseFeedback(True, f"Correct: your plan has all {total} actions the 3B7 "
                                f"routine gives from {_day(today)} to {_day(until)}, each on "
                                "the day it falls due.")
    return ExerciseFeedback(False, f"Not yet: {right} of {total} actions are right.",
                            tuple(hints))


# --------------------------------------------------------------- the exercise forms


@dataclass(frozen=True)
class AnswerField:
    """One answer box of an exercise form.

    Attributes
    ----------
    label : str
        The visible label a screen reader reads.
    placeholder : str
        A format example shown in the empty box.
    multiline : bool
        A text area (one item per line) instead of a one-line box.
    prompt : str
        Text shown above the box (e.g. the closed question to rewrite).
    """

    label: str
    placeholder: str = ""
    multiline: bool = False
    prompt: str = ""


@dataclass(frozen=True)
class Exercise:
    """An exercise as a form: its answer fields and how typed answers are checked.

    Attributes
    ----------
    key : str
        The name :class:`~infoview_lib.widgets.ExerciseChecker` is created with.
    title : str
        A short title.
    fields : tuple of AnswerField
        The answer boxes.
    check_text : callable
        Takes the typed values (one string per field) and returns an
        :class:`ExerciseFeedback`.
    """

    key: str
    title: str
    fields: tuple[AnswerField, ...]
    check_text: Callable[[Sequence[str]], ExerciseFeedback] = field(repr=False)


def _check_rate_text(values: Sequence[str]) -> ExerciseFeedback:
    return check_thank_you_rate(values[0])


def _check_rewrites_text(values: Sequence[str]) -> ExerciseFeedback:
    return check_open_rewrites(list(values))


def _check_plan_text(values: Sequence[str]) -> ExerciseFeedback:
    return check_outreach_plan(values[0])


def _rewrite_fields() -> Iterable[AnswerField]:
    for number, question in enumerate(CLOSED_QUESTIONS, start=1):
        yield AnswerField(f"Open version of question {number}",
                          placeholder="What / How / Why ...?",
                          prompt=f"{number}. {question.text}")


EXERCISES: dict[str, Exercise] = {
    "thank_you_rate": Exercise(
        "thank_you_rate", "The thank-you rate, by hand",
        (AnswerField("Your thank-you rate", placeholder="e.g. 0.5, 50% or 11/22"),),
        _check_rate_text),
    "open_questions": Exercise(
        "open_questions", "Five closed questions, made open", tuple(_rewrite_fields()),
        _check_rewrites_text),
    "outreach_plan": Exercise(
        "outreach_plan", "Next week with the 3B7 routine",
        (AnswerField("Your plan, one action per line",
                     placeholder="contact, action, day\ne.g. Ana Ruiz, follow-up, Tue 15 Apr",
                     multiline=True),),
        _check_plan_text),
}
"""Every exercise by key, as a form for :class:`~infoview_lib.widgets.ExerciseChecker`."""
