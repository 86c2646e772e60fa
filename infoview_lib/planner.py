"""Plan an informational interview and write a one-page prep sheet.

:func:`plan_interview` fits a student's questions into the time the contact agreed
to (20, 30 or 40 minutes; the course text says 20--40), keeping time for the opening
and the close. Decisions, so a teacher can predict the plan:

* **Opening** 3 minutes: thank them, confirm how long they have, say in a sentence
  why you asked. **Close** 3 minutes: the closer "Who else would you suggest I talk
  to?" (always kept; the student's own version is used when they wrote one) and a
  thank-you.
* Each open question gets 4 minutes; spare minutes are shared out one at a time, so
  questions get 4--6 minutes. Time a short list cannot use becomes a "spare" row:
  room for follow-up questions, or finish early -- honour the agreed time.
* A **closed, leading or job-ask question is replaced by its open rewrite** (the
  coach's suggestion), and the row's ``note`` says so: the student keeps the topic
  they cared about, asked in a way that works. Duplicates are dropped.
* When there are more questions than time, **TIARA balance** decides: first the
  earliest question of each TIARA category not yet covered, then the rest in the
  student's order. The plan keeps the student's order; what did not fit is listed
  in ``plan.attrs["dropped"]``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from .questions import (
    KIND_LABELS,
    TIARA,
    TIARA_LABELS,
    WHO_ELSE,
    QuestionFeedback,
    classify_question,
)

__all__ = [
    "Person",
    "PLAN_COLUMNS",
    "OPENING_MIN",
    "CLOSE_MIN",
    "MINUTES_PER_QUESTION",
    "plan_interview",
    "prep_sheet",
    "write_prep_sheet",
    "coverage_message",
]

OPENING_MIN = 3
CLOSE_MIN = 3
MINUTES_PER_QUESTION = 4
MAX_MINUTES_PER_QUESTION = 6
MIN_INTERVIEW = OPENING_MIN + CLOSE_MIN + MINUTES_PER_QUESTION

PLAN_COLUMNS = ["phase", "question", "kind", "tiara", "minutes", "start_min", "note"]
"""Columns of the frame :func:`plan_interview` returns."""

OPENING_TEXT = ("Thank them for their time, confirm how long they have, and say in one sentence "
                "why you asked to talk.")
THANKS_TEXT = ("Thank them, mention one thing you learned, and ask if you may stay in touch.")
SPARE_TEXT = ("Spare time: follow up on what interested you most, or finish early. Honour the "
              "agreed time.")

_WHO_ELSE_RE = re.compile(r"\b(?:who\s+else|anyone\s+else|someone\s+else|other\s+people)\b.*"
                          r"\b(?:talk|speak|contact|reach|meet|connect)", re.I)


@dataclass(frozen=True)
class Person:
    """The person you will interview.

    Attributes
    ----------
    name : str
        Their name.
    role : str
        Their job title.
    organization : str
        Where they work.
    notes : str
        Your research notes (one per line, or free text).
    connection : str
        How you are connected (who introduced you, what you share).
    """

    name: str
    role: str = ""
    organization: str = ""
    notes: str = ""
    connection: str = ""

    @classmethod
    def from_any(cls, person) -> Person:
        """Accept a :class:`Person`, a mapping with the same keys, or a plain name."""
        if isinstance(person, Person):
            return person
        if isinstance(person, str):
            return cls(name=person)
        if isinstance(person, Mapping):
            data = {k.lower(): v for k, v in person.items()}
            notes = data.get("notes", data.get("research_notes", data.get("research", "")))
            if isinstance(notes, (list, tuple)):
                notes = "\n".join(str(n) for n in notes)
            return cls(name=str(data.get("name", data.get("contact", ""))),
                       role=str(data.get("role", "") or ""),
                       organization=str(data.get("organization", data.get("organisation", ""))
                                        or ""),
                       notes=str(notes or ""),
                       connection=str(data.get("connection", data.get("referred_by", "")) or ""))
        raise TypeError("person must be a Person, a dict with 'name', 'role', 'organization' and "
                        f"'notes', or a name; got {type(person).__name__}")


def _open_version(fb: QuestionFeedback) -> tuple[str, QuestionFeedback, str]:
    """(question to ask, its feedback, note) -- rewrites anything that is not open."""
    if fb.is_open:
        return fb.text, fb, ""
    better = classify_question(fb.suggestion) if fb.suggestion else None
    if better is None or not better.is_open:  # pragma: no cover - rewrites are open by design
        return "", fb, ""
    what = "a job ask" if fb.kind == "job_ask" else f"a {KIND_LABELS[fb.kind].lower()} question"
    return better.text, better, f"rewritten from {what}: \u201c{fb.text}\u201d"


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _pick(candidates: list[tuple[str, QuestionFeedback, str]], slots: int) -> list[int]:
    """Indices of the questions to keep: first one per uncovered TIARA category, then order."""
    if len(candidates) <= slots:
        return list(range(len(candidates)))
    chosen: list[int] = []
    covered: set[str] = set()
    for i, (_, fb, _) in enumerate(candidates):
        if len(chosen) == slots:
            break
        if fb.tiara and fb.tiara not in covered:
            chosen.append(i)
            covered.add(fb.tiara)
    for i in range(len(candidates)):
        if len(chosen) == slots:
            break
        if i not in chosen:
            chosen.append(i)
    return sorted(chosen)


def plan_interview(questions: Iterable[str], minutes: int = 30) -> pd.DataFrame:
    """Fit questions into an informational interview of a given length.

    Parameters
    ----------
    questions : iterable of str
        The student's questions, most important first. Closed, leading and job-ask
        questions are replaced by their open rewrite (see the module docs).
    minutes : int, default 30
        The time the contact agreed to; at least 10.

    Returns
    -------
    pandas.DataFrame
        One row per step, columns :data:`PLAN_COLUMNS`: ``phase`` (opening,
        questions, spare, close), ``question``, ``kind`` (open; empty for the opening,
        the spare time and the thanks), ``tiara``, ``minutes``, ``start_min`` (minutes
        from the start) and ``note``. ``minutes`` add up to ``minutes``.
        ``plan.attrs["dropped"]`` lists the questions that did not fit and
        ``plan.attrs["coverage"]`` counts the planned questions per TIARA category.

    Raises
    ------
    ValueError
        If ``minutes`` is under 10 (no room for an opening, a question and a close).

    Examples
    --------
    >>> plan = plan_interview(["What does a typical day look like?"], minutes=20)
    >>> list(plan["phase"])
    ['opening', 'questions', 'spare', 'close', 'close']
    """
    minutes = int(minutes)
    if minutes < MIN_INTERVIEW:
        raise ValueError(f"A plan needs at least {MIN_INTERVIEW} minutes: {OPENING_MIN} to open, "
                         f"{MINUTES_PER_QUESTION} per question and {CLOSE_MIN} to close. "
                         "Informational interviews usually take 20\u201340 minutes.")
    if isinstance(questions, str):
        questions = [questions]
    seen: set[str] = set()
    candidates: list[tuple[str, QuestionFeedback, str]] = []
    closer: tuple[str, QuestionFeedback, str] | None = None
    for raw in questions:
        if raw is None or not str(raw).strip():
            continue
        text, fb, note = _open_version(classify_question(str(raw)))
        if not text or _key(text) in seen:
            continue
        seen.add(_key(text))
        if _WHO_ELSE_RE.search(text) or _key(text) == _key(WHO_ELSE):
            if closer is None:
                closer = (text, fb, note)
            continue
        candidates.append((text, fb, note))
    if closer is None:
        closer = (WHO_ELSE, classify_question(WHO_ELSE), "always ask: one conversation leads to "
                                                          "the next")

    available = minutes - OPENING_MIN - CLOSE_MIN
    slots = available // MINUTES_PER_QUESTION
    keep = _pick(candidates, slots)
    kept = [candidates[i] for i in keep]
    dropped = [candidates[i][0] for i in range(len(candidates)) if i not in keep]

    per = [MINUTES_PER_QUESTION] * len(kept)
    spare = available - sum(per)
    i = 0
    while spare > 0 and kept and any(p < MAX_MINUTES_PER_QUESTION for p in per):
        if per[i % len(per)] < MAX_MINUTES_PER_QUESTION:
            per[i % len(per)] += 1
            spare -= 1
        i += 1

    rows: list[dict] = [dict(phase="opening", question=OPENING_TEXT, kind="", tiara="",
                             minutes=OPENING_MIN, note="")]
    for (text, fb, note), m in zip(kept, per, strict=True):
        rows.append(dict(phase="questions", question=text, kind=fb.kind, tiara=fb.tiara or "",
                         minutes=m, note=note))
    if spare > 0:
        room = spare // MINUTES_PER_QUESTION
        rows.append(dict(phase="spare", question=SPARE_TEXT, kind="", tiara="", minutes=spare,
                         note=f"room for about {room} more question{'s' if room != 1 else ''}"
                         if room else ""))
    text, fb, note = closer
    rows.append(dict(phase="close", question=text, kind=fb.kind, tiara=fb.tiara or "resources",
                     minutes=CLOSE_MIN - 1, note=note))
    rows.append(dict(phase="close", question=THANKS_TEXT, kind="", tiara="", minutes=1, note=""))

    plan = pd.DataFrame(rows)
    plan["start_min"] = plan["minutes"].cumsum() - plan["minutes"]
    plan = plan[PLAN_COLUMNS].astype({"minutes": "int64", "start_min": "int64"})
    plan.attrs["dropped"] = dropped
    coverage = dict.fromkeys(TIARA, 0)
    for t in plan.loc[plan["phase"].isin(["questions", "close"]), "tiara"]:
        if t:
            coverage[t] += 1
    plan.attrs["coverage"] = coverage
    plan.attrs["minutes"] = minutes
    return plan


def coverage_message(coverage: Mapping[str, int]) -> str:
    """Say which TIARA categories a list of questions covers and which are missing.

    Parameters
    ----------
    coverage : mapping
        Category -> number of questions, as :func:`infoview_lib.questions.tiara_coverage`
        returns.

    Returns
    -------
    str
        e.g. ``"Trends 1, Insights 2, Advice 0, Resources 1, Assignments 0. Missing:
        Advice and Assignments; add one of each for a balanced conversation."``
    """
    counts = ", ".join(f"{TIARA_LABELS[t]} {int(coverage.get(t, 0))}" for t in TIARA)
    missing = [TIARA_LABELS[t] for t in TIARA if not coverage.get(t)]
    if not any(coverage.get(t) for t in TIARA):
        return f"{counts}. Add questions to see your TIARA balance."
    if not missing:
        return f"{counts}. Every TIARA category is covered: a balanced conversation."
    names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    each = "one" if len(missing) == 1 else "one of each"
    return f"{counts}. Missing: {names}; add {each} for a balanced conversation."


# --------------------------------------------------------------------------- prep sheet

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|>])")


def _md(text: str) -> str:
    """Escape a user's text for Markdown: no accidental emphasis, links, headings or HTML."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _note_lines(notes: str) -> list[str]:
    lines = [re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])\s*", "", ln).strip()
             for ln in str(notes).splitlines()]
    return [ln for ln in lines if ln]


def prep_sheet(person, questions: Iterable[str], minutes: int = 30,
               today: date | None = None) -> str:
    """A one-page Markdown prep sheet for an informational interview.

    Parameters
    ----------
    person : Person, dict or str
        Who you will talk to: name, role, organization, research notes and how you
        are connected (see :class:`Person`).
    questions : iterable of str
        Your questions; they are planned with :func:`plan_interview`.
    minutes : int, default 30
        The time they agreed to.
    today : datetime.date, optional
        The date printed on the sheet; defaults to today.

    Returns
    -------
    str
        Markdown: who they are and your research notes, the plan by phase with
        timings, what did not fit, and the follow-up checklist (thank-you note
        within 24 hours).
    """
    who = Person.from_any(person)
    plan = plan_interview(questions, minutes=minutes)
    today = today or date.today()
    name = _md(who.name) or "your contact"
    out = [f"# Informational interview prep: {name}", "",
           f"*Prepared {today.isoformat()} \u00b7 {minutes} minutes agreed*", "",
           "## Who they are", ""]
    role_line = ", ".join(p for p in (_md(who.role), _md(who.organization)) if p)
    out.append(f"- **{name}**" + (f": {role_line}" if role_line else ""))
    if who.connection:
        out.append(f"- **How we are connected:** {_md(who.connection)}")
    out += ["", "## Research notes", ""]
    notes = _note_lines(who.notes)
    out += [f"- {_md(n)}" for n in notes] or [
        "- *No notes yet: read their profile, recent work and organization's news, and note "
        "two things to ask about.*"]

    out += ["", f"## Plan ({minutes} minutes)", ""]
    titles = {"opening": "Opening", "questions": "Questions", "spare": "Spare time",
              "close": "Close"}
    for phase in ("opening", "questions", "spare", "close"):
        part = plan[plan["phase"] == phase]
        if part.empty:
            continue
        start = int(part["start_min"].iloc[0])
        end = int(part["start_min"].iloc[-1] + part["minutes"].iloc[-1])
        out += [f"### {titles[phase]} ({start}\u2013{end} min)", ""]
        for n, row in enumerate(part.itertuples(index=False), start=1):
            timing = f"{row.start_min}\u2013{row.start_min + row.minutes} min"
            tag = f" *({TIARA_LABELS[row.tiara]})*" if row.tiara else ""
            bullet = f"{n}." if phase in ("questions", "close") else "-"
            out.append(f"{bullet} **[{timing}]** {_md(row.question)}{tag}")
            if row.note:
                out.append(f"   - {_md(row.note)}")
        out.append("")
    if plan.attrs["dropped"]:
        out += ["### If there is time", ""]
        out += [f"- {_md(q)}" for q in plan.attrs["dropped"]]
        out.append("")
    out += ["## After the conversation", "",
            "- [ ] Send a thank-you note **within 24 hours**: mention one thing you learned and "
            "how you will use it.",
            "- [ ] Log the interview (date, length, referrals, notes) while it is fresh.",
            "- [ ] Contact the people they suggested, and say who sent you.",
            "- [ ] Stay in touch a few times a year: share how their advice helped.", ""]
    return "\n".join(out)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return slug[:60] or "contact"


def write_prep_sheet(person, questions: Iterable[str], path: str | os.PathLike | None = None,
                     minutes: int = 30, today: date | None = None) -> Path:
    """Write :func:`prep_sheet` to a Markdown file, atomically.

    Parameters
    ----------
    person, questions, minutes, today
        As for :func:`prep_sheet`.
    path : path-like, optional
        Where to write. A folder gets ``prep_<name>.md`` inside it. Defaults to
        :func:`infoview_lib.paths.workspace_dir`.

    Returns
    -------
    pathlib.Path
        The file written. It appears complete or not at all (temporary file, then
        ``os.replace``); an existing file of that name is replaced.
    """
    from .io import write_atomically
    from .paths import workspace_dir

    who = Person.from_any(person)
    text = prep_sheet(who, questions, minutes=minutes, today=today)
    target = Path(path) if path is not None else workspace_dir()
    if target.is_dir() or path is None:
        target = target / f"prep_{_slug(who.name)}.md"
    return write_atomically(target, text.encode("utf-8"))
