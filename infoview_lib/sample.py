"""Generate the kit's sample data: every file under ``data/``, all of it fictional.

Run ``python -m infoview_lib.sample`` to regenerate ``data/`` (or ``--out DIR`` to write
elsewhere, ``--check`` to only compare). The generator is seeded
(``numpy.random.default_rng(2025)``), so it writes the same bytes every time; a test
regenerates into a temporary folder and compares with the committed files.

What it writes (see :func:`generate`):

* ``sample_log.csv`` — one fictional student's spring-2025 semester (40 rows): alumni,
  referral chains three levels deep, declines and no-replies, outreach still waiting
  for an answer on the snapshot date (15 April 2025, :data:`SNAPSHOT`), late and
  missing thank-you notes, 15–60-minute interviews in person, by phone and by video;
* ``class/`` — 24 students' logs with different habits, some in the shapes real
  spreadsheets come in (Excel's US dates and "Zoom"/"Coffee chat", a semicolon CSV in
  Windows-1252, an ``.xlsx``, a TSV, extra columns and blank rows), and exactly one
  (:data:`BROKEN_STUDENT`) with four planted mistakes (:func:`broken_problems`);
* ``linkedin/Connections.csv`` — LinkedIn's current export layout, about 150
  connections, newest first, a few hidden names, companies with commas;
* ``calendar/interviews.ics`` — a Google-Calendar-style export (UTC times,
  ``X-WR-TIMEZONE:America/New_York``) of the same student's interviews and other events;
* ``README.md`` — the files, and every column of the log, generated from
  :mod:`infoview_lib.schema` between :data:`COLUMNS_START` and :data:`COLUMNS_END`;
* ``.gitattributes`` — tells git to keep these files byte for byte.

Every person and organisation is invented: names are drawn from the small lists of
made-up first and last names and organisations below. Phone numbers use the
fictional 555-01xx range; e-mail domains end in ``.example`` (reserved for examples).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from . import schema
from .importers._common import typed_log_rows
from .paths import data_dir

__all__ = [
    "SEED", "SNAPSHOT", "BROKEN_STUDENT", "COLUMNS_START", "COLUMNS_END", "generate",
    "differences", "sample_log", "class_logs", "broken_problems", "linkedin_connections",
    "calendar_text", "columns_markdown", "fold_ics_line", "main",
]

SEED = 2025
#: The day the sample is a snapshot of: use it as ``today`` (``infoview due --today
#: 2025-04-15``, ``read_calendar(..., today="2025-04-15")``).
SNAPSHOT = dt.date(2025, 4, 15)
SEMESTER_START = dt.date(2025, 1, 6)
ZONE = "America/New_York"
STUDENT = ("Jordan", "Ashgrove")
STUDENT_EMAIL = "jordan.ashgrove@lakemont.example"
UNIVERSITY = "Lakemont University"
CLASS_SIZE = 24
#: The one class file with planted mistakes.
BROKEN_STUDENT = "student_09_quentin.csv"
COLUMNS_START = "<!-- columns:start (generated from infoview_lib.schema; do not edit) -->"
COLUMNS_END = "<!-- columns:end -->"
_FIXED_TIME = (2025, 4, 15, 12, 0, 0)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

FIRST_NAMES = (
    "Amara", "Bao", "Camila", "Dev", "Elif", "Farah", "Gideon", "Hana", "Inès", "Jomo",
    "Kiri", "Luca", "Mei", "Nadia", "Oren", "Priya", "Quentin", "Rosa", "Sami", "Tomas",
    "Uma", "Vikram", "Wen", "Xavier", "Yara", "Zane", "Anika", "Bruno", "Chiara", "Dmitri",
    "Esme", "Felix", "Greta", "Hugo", "Ilse", "Joaquin", "Keiko", "Leon", "Marisol", "Nico",
)
LAST_NAMES = (
    "Alderbrook", "Ashvale", "Birchwell", "Brightmore", "Corrowin", "Dunmere", "Elmsworth",
    "Fairholt", "Fernsby", "Glenhallow", "Hollowell", "Ivesdale", "Kestrelton", "Larkmoor",
    "Marrowby", "Netherwick", "Oakhollow", "Penrowan", "Quillfeather", "Ravensmere",
    "Sablewood", "Thistlewood", "Underbrook", "Vantrell", "Wrenfield", "Yarrowby",
    "Zellmoor", "Amberlin", "Bellhaven", "Cindermoor", "Duskwater", "Emberley", "Foxmere",
    "Greymantle", "Hazelrig", "Juniperlow", "Kingsmoor", "Lindqvale", "Mistlow", "Nightwold",
)
#: Invented organisations and their industries.
ORGANIZATIONS = (
    ("Harborview Health", "Health care"),
    ("Northwind Analytics", "Data and analytics"),
    ("Bluefen Robotics", "Engineering"),
    ("Cedar Lane Consulting", "Consulting"),
    ("Lakemont University", "Higher education"),
    ("Riverbend Public Library", "Public sector"),
    ("Silverpine Energy", "Energy"),
    ("Tidewater Design Studio", "Design"),
    ("Kestrel Community Bank", "Finance"),
    ("Meadowlark Foods", "Food and retail"),
    ("Granite Peak Software", "Software"),
    ("Brightleaf Learning", "Education technology"),
    ("Copperline Media", "Media"),
    ("Fernhill Biotech", "Biotech"),
    ("Quarry Street Architects", "Architecture"),
    ("Saltmarsh Conservancy", "Nonprofit"),
    ("Ironbridge Logistics", "Logistics"),
    ("Emberfield Games", "Software"),
    ("Willowmere City Council", "Public sector"),
    ("Ashcombe, Finch & Rowe LLP", "Law"),
    ("Starling Data, Inc.", "Data and analytics"),
)
ROLES = {
    "Health care": ("Clinical data analyst", "Nurse manager", "Health informatics lead"),
    "Data and analytics": ("Data scientist", "Analytics engineer", "Director, Data Strategy"),
    "Engineering": ("Mechanical engineer", "Controls engineer", "Engineering manager"),
    "Consulting": ("Senior consultant", "Associate", "Engagement manager"),
    "Higher education": ("Career advisor", "Associate professor", "Research coordinator"),
    "Public sector": ("Policy analyst", "Program manager", "Digital services lead"),
    "Energy": ("Grid analyst", "Sustainability manager", "Field engineer"),
    "Design": ("UX researcher", "Product designer", "Design director"),
    "Finance": ("Risk analyst", "Credit officer", "Financial planner"),
    "Food and retail": ("Supply chain planner", "Category manager", "Store operations lead"),
    "Software": ("Software engineer", "Product manager", "QA lead"),
    "Education technology": ("Learning designer", "Customer success manager",
                             "Content strategist"),
    "Media": ("Producer", "Audience editor", "Data journalist"),
    "Biotech": ("Lab manager", "Bioinformatician", "Regulatory affairs specialist"),
    "Architecture": ("Project architect", "Urban planner", "BIM coordinator"),
    "Nonprofit": ("Program officer", "Grants manager", "Volunteer coordinator"),
    "Logistics": ("Operations analyst", "Fleet manager", "Procurement lead"),
    "Law": ("Paralegal", "Associate attorney", "Knowledge manager"),
}
_COMPLETED_NOTES = (
    'Said "learn SQL before anything else", and to shadow a data team for a day',
    "Advice: build one project end to end, then write about it",
    'Suggested the newsletter "Data at Dawn"; offered to review my résumé',
    "Team uses R, Python and a lot of spreadsheets",
    "Hiring freeze this year, but open to another chat in the fall",
    'Asked me to send my portfolio ("no rush," she said)',
    "Most useful so far: careers are less linear than I thought",
    "Talked about the day-to-day: meetings, field visits, reports",
    'Recommended the "Intro to GIS" evening course at the library',
    "Warm and practical; follow up after finals",
    "Stressed writing skills, then stakeholder management, then tools",
    "Described the path from intern to analyst, step by step",
)
_DECLINED_NOTES = ("Politely declined: too busy until June",
                   "Said no, but suggested the team's public webinar")
_NO_REPLY_NOTES = ("No answer after two emails", "No reply; try again in the summer")
_REQUESTED_NOTES = ("Emailed through the alumni directory", "Sent a short 5-point email",
                    "Asked by LinkedIn message, then email")
_SCHEDULED_NOTES = ("Prepare TIARA questions; read their annual report",
                    "Confirmed; bring two questions about their career path")


# --------------------------------------------------------------------------- helpers


class _NameBook:
    """Unique fictional full names, drawn without repeats."""

    def __init__(self, rng: np.random.Generator, taken: set[str] | None = None):
        self.rng = rng
        self.taken = set(taken or ())

    def person(self) -> tuple[str, str]:
        for _ in range(10_000):
            first = FIRST_NAMES[int(self.rng.integers(len(FIRST_NAMES)))]
            last = LAST_NAMES[int(self.rng.integers(len(LAST_NAMES)))]
            if f"{first} {last}" not in self.taken:
                self.taken.add(f"{first} {last}")
                return first, last
        raise RuntimeError("ran out of fictional names")  # pragma: no cover

    def name(self) -> str:
        return " ".join(self.person())


def _pick(rng: np.random.Generator, options):
    return options[int(rng.integers(len(options)))]


def _weekday(day: dt.date) -> dt.date:
    """The day itself, or the Monday after a weekend."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _in(rng: np.random.Generator, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=int(rng.integers((last - first).days + 1)))


def _plus(day: dt.date, low: int, high: int, rng: np.random.Generator) -> dt.date:
    return _weekday(day + dt.timedelta(days=int(rng.integers(low, high + 1))))


def _org(rng: np.random.Generator, exclude: tuple[str, ...] = ()) -> tuple[str, str, str]:
    choices = [o for o in ORGANIZATIONS if o[0] not in exclude]
    name, industry = _pick(rng, choices)
    return name, industry, _pick(rng, ROLES.get(industry, ROLES["Consulting"]))


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _domain(organization: str) -> str:
    """A fictional e-mail domain for an organisation: ``harborview-health.example``."""
    words = re.sub(r"[,.&]| llp\b| inc\b", " ", organization.lower()).split()
    return "-".join(words) + ".example"


def _iso(day) -> str:
    return "" if day is None else f"{day:%Y-%m-%d}"


def _us(day) -> str:
    return "" if day is None else f"{day.month}/{day.day}/{day.year}"


def _dmy(day) -> str:
    return "" if day is None else f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


# --------------------------------------------------------------------------- the sample log

# (key, source, status, referred_by key or None). Referral chains: a1 → r1 → r2 → r3,
# a2 → r5 → r7 → r8, f1 → r9 → r10; r14 was referred by someone outside the log.
_PLAN = (
    ("a1", "alumni", "completed", None), ("ff1", "friend_family", "completed", None),
    ("a2", "alumni", "completed", None), ("a3", "alumni", "completed", None),
    ("c1", "cold", "no_reply", None), ("f1", "faculty", "completed", None),
    ("r1", "referral", "completed", "a1"), ("l1", "linkedin", "completed", None),
    ("a4", "alumni", "completed", None), ("r5", "referral", "completed", "a2"),
    ("r6", "referral", "declined", "a2"), ("e1", "event", "completed", None),
    ("e2", "event", "completed", None), ("r12", "referral", "no_reply", "a3"),
    ("a5", "alumni", "declined", None), ("r2", "referral", "completed", "r1"),
    ("r9", "referral", "completed", "f1"), ("c2", "cold", "completed", None),
    ("r7", "referral", "completed", "r5"), ("a6", "alumni", "no_reply", None),
    ("r11", "referral", "completed", "e1"), ("l2", "linkedin", "no_reply", None),
    ("r3", "referral", "completed", "r2"), ("l3", "linkedin", "declined", None),
    ("a9", "alumni", "completed", None), ("f2", "faculty", "completed", None),
    ("ff2", "friend_family", "completed", None), ("r14", "referral", "completed", None),
    ("l4", "linkedin", "requested", None), ("o1", "other", "completed", None),
    ("a8", "alumni", "requested", None), ("a7", "alumni", "scheduled", None),
    ("r4", "referral", "scheduled", "r2"), ("e3", "event", "scheduled", None),
    ("r10", "referral", "requested", "r9"), ("r8", "referral", "requested", "r7"),
    ("c3", "cold", "requested", None), ("r13", "referral", "planned", "r3"),
    ("l5", "linkedin", "planned", None), ("e4", "event", "planned", None),
)
# Outreach windows for rows without a referrer, and fixed dates for the rows whose timing
# the lessons rely on (pending outreach for the 3B7 routine, interviews after the snapshot).
_WINDOWS = {
    "a1": ((1, 8), (1, 10)), "ff1": ((1, 9), (1, 14)), "a2": ((1, 13), (1, 15)),
    "a3": ((1, 20), (1, 24)), "c1": ((1, 27), (1, 31)), "f1": ((1, 27), (1, 29)),
    "l1": ((2, 3), (2, 7)), "a4": ((2, 3), (2, 14)), "e1": ((2, 7), (2, 10)),
    "e2": ((2, 10), (2, 14)), "a5": ((2, 10), (2, 20)), "c2": ((2, 17), (2, 21)),
    "a6": ((2, 17), (2, 28)), "l2": ((2, 24), (2, 28)), "l3": ((3, 3), (3, 7)),
    "a9": ((3, 3), (3, 12)), "f2": ((3, 10), (3, 14)), "ff2": ((3, 17), (3, 21)),
    "r14": ((3, 20), (3, 25)),
}
_FIXED = {  # key: (outreach, interview)
    "l4": ((3, 31), None), "a8": ((4, 2), None), "r10": ((4, 8), None),
    "r8": ((4, 9), None), "c3": ((4, 14), None), "o1": ((4, 1), (4, 14)),
    "a7": ((4, 3), (4, 17)), "r4": ((4, 4), (4, 22)), "e3": ((4, 7), (4, 24)),
}
_INTERVIEW_TIMES = ((9, 0), (10, 0), (11, 30), (13, 0), (14, 0), (15, 30), (16, 0))


@dataclass
class _Row:
    key: str
    source: str
    status: str
    parent: str | None
    contact: str = ""
    organization: str = ""
    industry: str = ""
    role: str = ""
    referred_by: str | None = None
    outreach: dt.date | None = None
    interview: dt.datetime | None = None
    mode: str | None = None
    duration: int | None = None
    thank_you: dt.date | None = None
    follow_up: dt.date | None = None
    referrals: int | None = None
    notes: str = ""
    children: list[str] = field(default_factory=list)

    def record(self) -> dict:
        return {
            "contact": self.contact, "role": self.role, "organization": self.organization,
            "industry": self.industry, "source": self.source, "referred_by": self.referred_by,
            "status": self.status, "outreach_date": self.outreach,
            "interview_date": self.interview.date() if self.interview else None,
            "mode": self.mode, "duration_min": self.duration, "thank_you_date": self.thank_you,
            "follow_up_date": self.follow_up, "referrals": self.referrals, "notes": self.notes,
        }


def _sample_rows(rng: np.random.Generator, names: _NameBook) -> list[_Row]:
    rows = {key: _Row(key, source, status, parent) for key, source, status, parent in _PLAN}
    for row in rows.values():
        if row.parent:
            rows[row.parent].children.append(row.key)
    completed = [r for r in rows.values() if r.status == "completed"]
    durations = [15, 20, 20, 25, 25, 30, 30, 30, 30, 30, 30, 35, 35, 40, 40, 40, 45, 45, 50,
                 30, 25, 60]
    modes = ["video"] * 9 + ["in_person"] * 7 + ["phone"] * 6
    lags = [0] * 8 + [1] * 6 + [2, 3, 5] + [None] * 4
    rng.shuffle(durations)
    rng.shuffle(modes)
    rng.shuffle(lags)
    lag_iter = iter(lags)
    outside = "Prof. " + names.name()
    for row in rows.values():
        first, last = names.person()
        row.contact = f"{first} {last}"
        if row.source == "alumni" and rng.random() < 0.3:
            row.organization, row.industry = UNIVERSITY, "Higher education"
            row.role = _pick(rng, ROLES["Higher education"])
        else:
            row.organization, row.industry, row.role = _org(rng, exclude=(UNIVERSITY,))
        if row.parent:
            parent = rows[row.parent]
            row.referred_by = parent.contact
            if rng.random() < 0.4:  # introduced to a colleague at the same place
                row.organization, row.industry = parent.organization, parent.industry
                row.role = _pick(rng, ROLES.get(row.industry, ROLES["Consulting"]))
        elif row.key == "r14":
            row.referred_by = outside
        # dates
        if row.status == "planned":
            pass
        elif row.key in _FIXED:
            out, met = _FIXED[row.key]
            row.outreach = dt.date(2025, *out)
            if met:
                hour, minute = _pick(rng, _INTERVIEW_TIMES)
                row.interview = dt.datetime(2025, *met, hour, minute)
        elif row.parent:
            parent_day = rows[row.parent].interview.date()
            row.outreach = _plus(parent_day, 1, 4, rng)
        else:
            (m1, d1), (m2, d2) = _WINDOWS[row.key]
            row.outreach = _weekday(_in(rng, dt.date(2025, m1, d1), dt.date(2025, m2, d2)))
        if row.status == "completed" and row.interview is None:
            day = _plus(row.outreach, 5, 12, rng)
            if day >= SNAPSHOT:
                day = _weekday(row.outreach + dt.timedelta(days=2))
            hour, minute = _pick(rng, _INTERVIEW_TIMES)
            row.interview = dt.datetime(day.year, day.month, day.day, hour, minute)
    for number, row in enumerate(completed):
        row.duration = durations[number]
        row.mode = modes[number]
        met = row.interview.date()
        lag = None if row.key == "o1" else next(lag_iter)
        row.thank_you = None if lag is None else met + dt.timedelta(days=lag)
        if met < dt.date(2025, 3, 20) and rng.random() < 0.6:
            start = row.thank_you or met
            follow = _plus(start, 10, 30, rng)
            row.follow_up = follow if follow < SNAPSHOT else None
        row.referrals = len(row.children)
        row.notes = _COMPLETED_NOTES[number % len(_COMPLETED_NOTES)]
        if row.source == "alumni" and row.organization == UNIVERSITY:
            row.notes = f"Lakemont alum ('{int(rng.integers(8, 20)):02d}); " + row.notes
    for row in rows.values():
        if row.status == "scheduled":
            row.mode = _pick(rng, ("video", "in_person", "phone"))
            row.notes = _pick(rng, _SCHEDULED_NOTES)
        elif row.status == "declined":
            row.notes = _pick(rng, _DECLINED_NOTES)
        elif row.status == "no_reply":
            row.notes = _pick(rng, _NO_REPLY_NOTES)
        elif row.status == "requested":
            row.notes = _pick(rng, _REQUESTED_NOTES)
        elif row.status == "planned":
            row.notes = (f"Ask {row.referred_by} for an introduction" if row.referred_by
                         else "Met briefly at the spring career fair" if row.source == "event"
                         else "Shared connection through the Lakemont alumni group")
    return list(rows.values())


def sample_log(rng: np.random.Generator | None = None) -> pd.DataFrame:
    """The sample student's log, typed as :func:`infoview_lib.load_log` returns a log.

    Parameters
    ----------
    rng : numpy.random.Generator, optional
        Default: the generator's own seeded stream (what ``data/sample_log.csv`` holds).
    """
    rng = rng if rng is not None else _streams()[0]
    rows = _sample_rows(rng, _NameBook(rng, {" ".join(STUDENT)}))
    return typed_log_rows([row.record() for row in rows])


# --------------------------------------------------------------------------- the class

_THANK_HABITS = ("same_day", "next_day", "mixed", "late", "never")
_CLASS_FIRST_NAMES = (
    "Ada", "Beck", "Cyrus", "Dalia", "Emeka", "Freya", "Gus", "Halima", "Quentin", "Jun",
    "Kofi", "Lena", "Mateo", "Nia", "Omar", "Pia", "Rafael", "Saoirse", "Theo", "Ulla",
    "Valentina", "Wyatt", "Ximena", "Yusuf",
)
# Students whose files come in a messy-but-valid shape (index → writer name).
_MESSY = {15: "excel_us", 16: "semicolon_cp1252", 17: "xlsx", 18: "tsv", 20: "extras"}


def _class_rows(rng: np.random.Generator, names: _NameBook, habit: str) -> list[dict]:
    count = int(rng.integers(6, 31))
    p_complete = float(rng.uniform(0.35, 0.8))
    p_follow = float(rng.uniform(0.0, 0.8))
    mode_weights = rng.dirichlet([2.0, 1.0, 2.0])
    centre = int(_pick(rng, (20, 30, 30, 40, 50)))
    others = (1 - p_complete) / 5
    statuses = ("completed", "scheduled", "requested", "declined", "no_reply", "planned")
    sources = ("alumni", "referral", "linkedin", "cold", "event", "faculty", "friend_family",
               "other")
    outreach_days = sorted(_weekday(_in(rng, SEMESTER_START, dt.date(2025, 4, 11)))
                           for _ in range(count))
    rows: list[dict] = []
    for outreach in outreach_days:
        status = str(rng.choice(statuses, p=[p_complete] + [others] * 5))
        source = str(rng.choice(sources, p=[0.25, 0.2, 0.2, 0.1, 0.1, 0.07, 0.05, 0.03]))
        organization, industry, role = _org(rng)
        row = {"contact": names.name(), "role": role, "organization": organization,
               "industry": industry, "source": source, "status": status,
               "outreach_date": outreach, "referrals": None}
        if source == "referral":
            parents = [r for r in rows if r["status"] == "completed"
                       and r["interview_date"] < outreach]
            if parents:
                parent = _pick(rng, parents)
                row["referred_by"] = parent["contact"]
                parent["referrals"] = (parent["referrals"] or 0) + 1
            else:
                row["referred_by"] = names.name()  # someone outside the log
        if status == "planned":
            row["outreach_date"] = None
        elif status in ("completed", "scheduled"):
            day = _plus(outreach, 4, 14, rng)
            if status == "completed" and day >= SNAPSHOT:
                status = row["status"] = "scheduled"
            if status == "scheduled" and day < SNAPSHOT:
                day = _plus(SNAPSHOT, 1, 14, rng)
            row["interview_date"] = day
            row["mode"] = str(rng.choice(schema.MODES, p=mode_weights))
        if status == "completed":
            minutes = int(np.clip(round(rng.normal(centre, 8) / 5) * 5, 10, 75))
            row["duration_min"] = minutes
            row["thank_you_date"] = _thank_you(rng, habit, day)
            row["referrals"] = 0
            if rng.random() < p_follow:
                follow = _plus(row["thank_you_date"] or day, 7, 35, rng)
                row["follow_up_date"] = follow if follow < SNAPSHOT else None
            if rng.random() < 0.5:
                row["notes"] = _pick(rng, _COMPLETED_NOTES)
        rows.append(row)
    return rows


def _thank_you(rng: np.random.Generator, habit: str, day: dt.date) -> dt.date | None:
    lag = {
        "same_day": lambda: 0 if rng.random() < 0.9 else 1,
        "next_day": lambda: 1 if rng.random() < 0.8 else 0,
        "mixed": lambda: _pick(rng, (0, 1, 2, 4, None)),
        "late": lambda: int(rng.integers(2, 9)) if rng.random() < 0.85 else None,
        "never": lambda: None,
    }[habit]()
    return None if lag is None else day + dt.timedelta(days=lag)


def class_logs(rng: np.random.Generator | None = None) -> dict[str, list[dict]]:
    """Every student's rows (canonical names, Python dates), keyed by file name."""
    rng = rng if rng is not None else _streams()[1]
    habits = [_THANK_HABITS[i % len(_THANK_HABITS)] for i in range(CLASS_SIZE)]
    rng.shuffle(habits)
    logs = {}
    for number in range(1, CLASS_SIZE + 1):
        first = _CLASS_FIRST_NAMES[number - 1]
        suffix = {17: "xlsx", 18: "tsv"}.get(number, "csv")
        file_name = f"student_{number:02d}_{first.lower()}.{suffix}"
        logs[file_name] = _class_rows(rng, _NameBook(rng), habits[number - 1])
    return logs


def _plant_mistakes(rows: list[dict]) -> tuple[list[dict], tuple[tuple[int, str, str], ...]]:
    """Copy ``rows`` with four mistakes planted; return them and (row, column, value)."""
    rows = [dict(r) for r in rows]
    while len(rows) < 10:  # pragma: no cover - the broken student has enough rows
        rows.append(dict(rows[-1], contact=rows[-1]["contact"] + " Jr."))
    completed = [i for i, r in enumerate(rows) if r["status"] == "completed"]
    a, b, c, d = 1, completed[0], completed[1], completed[2]
    if a in (b, c, d):
        a = next(i for i in range(len(rows)) if i not in (b, c, d))
    rows[a].update(status="declined", outreach_date="2025-02-30", interview_date=None,
                   mode=None, duration_min=None, thank_you_date=None, follow_up_date=None,
                   referrals=None)
    rows[b]["status"] = "compelted"
    rows[c]["duration_min"] = 600
    rows[d].update(interview_date=None, thank_you_date=None, follow_up_date=None)
    planted = (
        (a + 2, "outreach_date", "2025-02-30"),
        (b + 2, "status", "compelted"),
        (c + 2, "duration_min", "600"),
        (d + 2, "interview_date", ""),
    )
    return rows, tuple(sorted(planted))


def broken_problems() -> tuple[tuple[int, str, str], ...]:
    """The planted mistakes in :data:`BROKEN_STUDENT` as ``(row, column, value)``.

    ``row`` is the row number a spreadsheet shows (the header is row 1).
    """
    logs = class_logs()
    return _plant_mistakes(logs[BROKEN_STUDENT])[1]


# --------------------------------------------------------------------------- writers


def _save_canonical(rows: list[dict], path: Path) -> None:
    """Write a canonical log through :func:`infoview_lib.io.save_log` (formula-safe)."""
    from .io import save_log

    lock = path.with_name(f".{path.name}.lock")
    had_lock = lock.exists()
    save_log(typed_log_rows(rows), path)
    if not had_lock:
        lock.unlink(missing_ok=True)


def _write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))


def _csv_text(header: list[str], body: list[list[str]], delimiter: str = ",",
              newline: str = "\n") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(body)
    return buffer.getvalue()


def _cells(rows: list[dict], columns: list[tuple[str, str]],
           formats: dict[str, Callable] | None = None) -> list[list[str]]:
    formats = formats or {}
    body = []
    for row in rows:
        line = []
        for _header, name in columns:
            value = row.get(name)
            if name in formats:
                line.append(formats[name](value))
            elif value is None:
                line.append("")
            elif isinstance(value, dt.date):
                line.append(_iso(value))
            else:
                line.append(str(value))
        body.append(line)
    return body


_MODE_WORDS = {"video": ("Zoom", "Teams", "Google Meet"), "in_person": ("Coffee chat",
               "In person", "coffee"), "phone": ("Phone call", "call")}
_STATUS_WORDS = {"completed": "Done", "scheduled": "Booked", "requested": "Pending",
                 "declined": "Said no", "no_reply": "Ghosted", "planned": "To do"}
_SOURCE_WORDS = {"alumni": "Alumna", "referral": "Referred", "linkedin": "LinkedIn",
                 "cold": "Cold email", "event": "Career fair", "faculty": "Professor",
                 "friend_family": "Friend", "other": "Other"}


def _word(table: dict) -> Callable:
    """Write a category as people do; several spellings are used in turn."""
    used: dict[str, int] = {}

    def convert(value):
        if value is None:
            return ""
        words = table[value]
        if isinstance(words, str):
            return words
        used[value] = used.get(value, -1) + 1
        return words[used[value] % len(words)]
    return convert


def _write_excel_us(rows, path, rng) -> None:
    """Excel on Windows, US locale: BOM, CRLF, friendly headers, m/d/yyyy, synonyms."""
    columns = [("Contact Name", "contact"), ("Job Title", "role"), ("Company", "organization"),
               ("Industry", "industry"), ("How we met", "source"),
               ("Referred by", "referred_by"), ("Status", "status"),
               ("Date contacted", "outreach_date"), ("Interview Date", "interview_date"),
               ("Format", "mode"), ("Duration (min)", "duration_min"),
               ("Thank-you sent", "thank_you_date"), ("Follow-up date", "follow_up_date"),
               ("Referrals given", "referrals"), ("Notes", "notes")]
    formats = {name: _us for name in schema.DATE_COLUMNS}
    formats.update(mode=_word(_MODE_WORDS), status=_word(_STATUS_WORDS),
                   source=_word(_SOURCE_WORDS))
    text = _csv_text([h for h, _ in columns], _cells(rows, columns, formats), newline="\r\n")
    _write_text(path, text, "utf-8-sig")


def _write_semicolon(rows, path, rng) -> None:
    """European Excel: semicolons, Windows-1252, CRLF, '12 Mar 2025' dates, fewer columns."""
    columns = [("Name", "contact"), ("Organisation", "organization"), ("Role", "role"),
               ("Source", "source"), ("Status", "status"), ("Outreach", "outreach_date"),
               ("Date of interview", "interview_date"), ("Mode", "mode"),
               ("Length", "duration_min"), ("Thank you note", "thank_you_date"),
               ("Follow up", "follow_up_date"), ("Referrals", "referrals"),
               ("Comments", "notes")]
    formats = {name: _dmy for name in schema.DATE_COLUMNS}
    formats.update(mode=_word(_MODE_WORDS))
    text = _csv_text([h for h, _ in columns], _cells(rows, columns, formats),
                     delimiter=";", newline="\r\n")
    _write_text(path, text, "cp1252")


def _write_tsv(rows, path, rng) -> None:
    """A tab-separated export with other people's header words."""
    columns = [("Contact Person", "contact"), ("Employer", "organization"),
               ("Title", "role"), ("Sector", "industry"), ("Channel", "source"),
               ("Referrer", "referred_by"), ("Stage", "status"),
               ("Date contacted", "outreach_date"), ("Meeting date", "interview_date"),
               ("Medium", "mode"), ("Minutes", "duration_min"),
               ("Thanks sent", "thank_you_date"), ("Followed up", "follow_up_date"),
               ("Intros", "referrals"), ("Takeaways", "notes")]
    text = _csv_text([h for h, _ in columns], _cells(rows, columns), delimiter="\t")
    _write_text(path, text)


def _write_extras(rows, path, rng) -> None:
    """Canonical headers plus two unknown columns, stray spaces, trailing blank rows."""
    columns = [(name, name) for name in schema.COLUMN_NAMES]
    columns = columns[:3] + [("LinkedIn URL", "url")] + columns[3:] + [("Second follow-up",
                                                                       "second")]
    rows = [dict(r, url=f"https://www.linkedin.com/in/{_slug(r['contact'])}",
                 contact=f" {r['contact']} ", second="") for r in rows]
    body = _cells(rows, columns) + [[""] * len(columns)] * 2
    _write_text(path, _csv_text([h for h, _ in columns], body))


def _write_xlsx(rows, path, rng) -> None:
    """An Excel workbook with the form's labels as headers and real date cells.

    Written reproducibly: fixed document times and zip entry times, stored (not
    compressed) entries, so the bytes do not depend on the clock or on zlib.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Interviews"
    sheet.append([column.label for column in schema.COLUMNS])
    for row in rows:
        line = []
        for column in schema.COLUMNS:
            value = row.get(column.name)
            if isinstance(value, dt.date):
                value = dt.datetime(value.year, value.month, value.day)
            line.append(value)
        sheet.append(line)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd"
    workbook.properties.creator = "infoview sample generator"
    workbook.properties.created = dt.datetime(*_FIXED_TIME)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_reproducible_zip(buffer.getvalue()))


def _reproducible_zip(data: bytes) -> bytes:
    stamp = "2025-04-15T12:00:00Z"
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                                 rb"\g<1>" + stamp.encode(), content)
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()


_WRITERS = {"excel_us": _write_excel_us, "semicolon_cp1252": _write_semicolon,
            "xlsx": _write_xlsx, "tsv": _write_tsv, "extras": _write_extras}


def _write_broken(rows: list[dict], path: Path) -> None:
    columns = [(name, name) for name in schema.COLUMN_NAMES]
    _write_text(path, _csv_text([h for h, _ in columns], _cells(rows, columns)))


# --------------------------------------------------------------------------- LinkedIn

_LINKEDIN_NOTES = (
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."',
    '"You will only see email addresses for connections who have allowed their '
    'connections to see or download their email address."',
)
LINKEDIN_HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                   "Connected On")
_SPECIAL_POSITIONS = ('Lead, "Data for Good" Program', "Director, Community Partnerships",
                      'Analyst ("Rotational" program)')


def linkedin_connections(rng: np.random.Generator, log: pd.DataFrame,
                         total: int = 150) -> list[list[str]]:
    """LinkedIn export rows (text cells, newest first) for the sample student.

    Everyone the sample log met is a connection from a few days after the interview;
    the rest are classmates, colleagues and people met at events since 2019.
    """
    names = _NameBook(rng, set(log["contact"].astype(str)) | {" ".join(STUDENT)})
    people: list[tuple[dt.date, list[str]]] = []
    met = log[log["status"].isin(["completed", "scheduled"])]
    for row in met.itertuples(index=False):
        if pd.isna(row.interview_date) or row.interview_date.date() >= SNAPSHOT:
            continue
        first, last = row.contact.split(" ", 1)
        day = row.interview_date.date() + dt.timedelta(days=int(rng.integers(0, 4)))
        people.append((min(day, SNAPSHOT - dt.timedelta(days=1)),
                       _linkedin_person(rng, first, last, row.organization, row.role)))
    picked = rng.choice(np.arange(40, total), size=3 + len(_SPECIAL_POSITIONS), replace=False)
    hidden = {int(i) for i in picked[:3]}
    special = dict(zip((int(i) for i in picked[3:]), _SPECIAL_POSITIONS, strict=True))
    start = dt.date(2019, 8, 26)
    span = (SNAPSHOT - start).days
    while len(people) < total:
        day = start + dt.timedelta(days=int(span * rng.beta(2.2, 1.0)))
        if len(people) in hidden:
            people.append((day, ["", "", "", "", "", ""]))
            continue
        first, last = names.person()
        organization, _industry, role = _org(rng)
        role = special.get(len(people), role)
        people.append((day, _linkedin_person(rng, first, last, organization, role)))
    people.sort(key=lambda item: item[0], reverse=True)
    return [cells + [_dmy(day)] for day, cells in people]


def _linkedin_person(rng, first, last, organization, role) -> list[str]:
    url = f"https://www.linkedin.com/in/{_slug(first)}-{_slug(last)}-{rng.integers(16**6):06x}"
    email = ""
    if rng.random() < 0.08:
        email = f"{_slug(first)}.{_slug(last)}@{_domain(organization)}".replace("-", "")
    if rng.random() < 0.05:
        last = last + " "  # LinkedIn exports sometimes carry a trailing space
    return [first, last, url, email, organization, role]


def _linkedin_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    buffer.write("\n".join(_LINKEDIN_NOTES) + "\n\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LINKEDIN_HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


# --------------------------------------------------------------------------- calendar


def _escape_ics(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold_ics_line(line: str) -> str:
    """Fold one iCalendar content line at 75 octets (RFC 5545 §3.1), never inside a character."""
    parts = []
    current = ""
    limit = 75
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = " " + char
            limit = 75
        else:
            current += char
    parts.append(current)
    return "\r\n".join(parts)


def _param(value: str) -> str:
    return f'"{value}"' if re.search(r"[,;:]", value) else value


def _utc(moment: dt.datetime) -> str:
    aware = moment.replace(tzinfo=ZoneInfo(ZONE)).astimezone(ZoneInfo("UTC"))
    return f"{aware:%Y%m%dT%H%M%S}Z"


def _uid(rng: np.random.Generator) -> str:
    return "".join(_pick(rng, "0123456789abcdefghijklmnopqrstuv") for _ in range(26)) \
        + "@google.com"


@dataclass
class _Event:
    summary: str
    start: dt.datetime | dt.date
    minutes: int | None = 30
    organizer: tuple[str, str] | None = None
    attendees: tuple[tuple[str | None, str], ...] = ()
    location: str = ""
    description: str = ""
    conference: str = ""
    status: str = "CONFIRMED"
    rrule: str = ""


def _calendar_events(rng: np.random.Generator, log: pd.DataFrame) -> list[_Event]:
    """The sample student's calendar: interviews from the log, one forgotten, one new."""
    me = (" ".join(STUDENT), STUDENT_EMAIL)
    events: list[_Event] = []
    met = log[log["status"].isin(["completed", "scheduled"])
              & (log["interview_date"] >= pd.Timestamp("2025-03-01"))]
    styles = ("with", "dash", "colon", "career")
    for number, row in enumerate(met.itertuples(index=False)):
        times = _pick(rng, _INTERVIEW_TIMES)
        start = dt.datetime.combine(row.interview_date.date(), dt.time(*times))
        person = (row.contact, f"{_slug(row.contact).replace('-', '.')}@"
                               f"{_domain(row.organization)}")
        events.append(_interview_event(rng, styles[number % 4], person, row.organization,
                                       row.mode, start, me, number))
    # an interview the student forgot to log, and one answering a pending request
    names = _NameBook(rng, set(log["contact"].astype(str)))
    new_person = names.name()
    organization = "Saltmarsh Conservancy"
    events.append(_Event(
        f"Coffee chat with {new_person} at {organization}",
        dt.datetime(2025, 3, 27, 8, 30), 25, organizer=me,
        attendees=((None, f"{_slug(new_person).replace('-', '.')}@saltmarsh.example"),
                   me),
        location="Bluefen Café, 14 Harbor Street", description="Coffee is on me."))
    pending = log[log["status"].eq("requested")].iloc[0]
    events.append(_Event(
        f"Career conversation with {pending['contact']}",
        dt.datetime(2025, 4, 18, 12, 0), 30,
        organizer=(pending["contact"], f"{_slug(pending['contact']).replace('-', '.')}@"
                                       f"{_domain(pending['organization'])}"),
        attendees=(me,), conference="https://meet.google.com/xqv-nbrt-kpe",
        description="Google Meet joining info\nVideo call link: "
                    "https://meet.google.com/xqv-nbrt-kpe"))
    cancelled = names.name()
    events.append(_Event(f"Coffee chat with {cancelled}", dt.datetime(2025, 3, 6, 15, 0), 30,
                         organizer=me, status="CANCELLED",
                         location="Lakemont Student Union, 2nd floor"))
    events.append(_Event("Informational interview prep day", dt.date(2025, 2, 21), None,
                         description="Draft TIARA questions for next week's interviews"))
    events.append(_Event("Capstone team standup", dt.datetime(2025, 1, 13, 9, 0), 15,
                         rrule="FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250430T035959Z",
                         location="Room 214, Quarry Hall"))
    events.append(_Event("DATA 210 midterm", dt.datetime(2025, 3, 4, 13, 0), 90,
                         location="Lakemont Science Center 101"))
    events.append(_Event("Dentist", dt.datetime(2025, 2, 12, 8, 0), 45,
                         location="Riverbend Dental, 9 Mill Road"))
    events.append(_Event("Lakemont spring career fair", dt.datetime(2025, 2, 6, 11, 0), 240,
                         location="Lakemont Field House"))
    return events


def _interview_event(rng, style, person, organization, mode, start, me, number) -> _Event:
    name, _email = person
    summary = {
        "with": f"Coffee chat with {name} ({organization})",
        "dash": f"Informational interview - {name} ({organization})",
        "colon": f"Info interview: {name}",
        "career": f"Career conversation with {name} at {organization}",
    }[style]
    minutes = int(_pick(rng, (20, 30, 30, 45)))
    event = _Event(summary, start, minutes)
    if number % 3 == 2:  # the contact sent the invitation
        event.organizer, event.attendees = person, (me,)
    elif number % 3 == 1:
        event.organizer, event.attendees = me, (person, me)
    else:
        event.organizer, event.attendees = me, ((None, person[1]), me)
    if mode == "video":
        room = int(rng.integers(10**10, 10**11))
        event.location = f"https://lakemont.zoom.us/j/{room}"
        event.description = (f"Join Zoom Meeting\nhttps://lakemont.zoom.us/j/{room}\n"
                             f"Meeting ID: {room}\nQuestions to ask: trends, insights, "
                             "advice, resources, and who else I should talk to.")
    elif mode == "phone":
        event.location = f"Phone: (555) 01{int(rng.integers(0, 10))}-{rng.integers(10**4):04d}"
        event.description = "They will call me."
    else:
        event.location = _pick(rng, ("Bluefen Café, 14 Harbor Street",
                                     "Meadowlark Foods café, 3rd floor",
                                     "Riverbend Public Library, study room B"))
    return event


def calendar_text(rng: np.random.Generator, log: pd.DataFrame) -> str:
    """The sample student's calendar as a Google-style ``.ics`` (CRLF, folded lines)."""
    events = _calendar_events(rng, log)
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
             "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{STUDENT_EMAIL}", f"X-WR-TIMEZONE:{ZONE}"]
    for event in events:
        lines.append("BEGIN:VEVENT")
        if isinstance(event.start, dt.datetime):
            if event.rrule:  # Google writes recurring events in their zone
                lines.append(f"DTSTART;TZID={ZONE}:{event.start:%Y%m%dT%H%M%S}")
                end = event.start + dt.timedelta(minutes=event.minutes)
                lines.append(f"DTEND;TZID={ZONE}:{end:%Y%m%dT%H%M%S}")
                lines.append(f"RRULE:{event.rrule}")
            else:
                lines.append(f"DTSTART:{_utc(event.start)}")
                if event.minutes:
                    end = event.start + dt.timedelta(minutes=event.minutes)
                    lines.append(f"DTEND:{_utc(end)}")
        else:
            lines.append(f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}")
            lines.append(f"DTEND;VALUE=DATE:{event.start + dt.timedelta(days=1):%Y%m%d}")
        lines.append("DTSTAMP:20250415T120000Z")
        if event.organizer:
            name, email = event.organizer
            lines.append(f"ORGANIZER;CN={_param(name)}:mailto:{email}")
        lines.append(f"UID:{_uid(rng)}")
        for name, email in event.attendees:
            cn = f";CN={_param(name)}" if name else ""
            lines.append("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED"
                         f"{cn};X-NUM-GUESTS=0:mailto:{email}")
        if event.conference:
            lines.append(f"X-GOOGLE-CONFERENCE:{event.conference}")
        lines.append("CREATED:20250101T120000Z")
        lines.append(f"DESCRIPTION:{_escape_ics(event.description)}")
        lines.append("LAST-MODIFIED:20250415T120000Z")
        lines.append(f"LOCATION:{_escape_ics(event.location)}")
        lines.append("SEQUENCE:0")
        lines.append(f"STATUS:{event.status}")
        lines.append(f"SUMMARY:{_escape_ics(event.summary)}")
        lines.append("TRANSP:OPAQUE")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold_ics_line(line) + "\r\n" for line in lines)


# --------------------------------------------------------------------------- README


def _kind_text(column: schema.Column) -> str:
    if column.kind == "int":
        if column.maximum is not None:
            return f"integer {column.minimum}–{column.maximum}"
        if column.minimum is not None:
            return f"integer ≥ {column.minimum}"
        return "integer"
    return column.kind


def _md(text: str) -> str:
    return str(text).replace("|", "\\|")


def columns_markdown() -> str:
    """The README's column table, generated from :data:`infoview_lib.schema.COLUMNS`.

    One row per column: name, kind, whether required, allowed values (categories),
    meaning (the schema's help text); then the other headers and spellings understood.
    """
    lines = [COLUMNS_START, "",
             "| column | kind | required | allowed values | meaning |",
             "|---|---|---|---|---|"]
    for column in schema.COLUMNS:
        allowed = ", ".join(f"`{c}`" for c in column.categories)
        lines.append(f"| `{column.name}` | {_kind_text(column)} | "
                     f"{'yes' if column.required else 'no'} | {allowed} | "
                     f"{_md(column.help)} |")
    lines += ["", "Other headers the loader reads as each column (ignoring case, spaces "
              "and punctuation):", ""]
    for column in schema.COLUMNS:
        aliases = ", ".join(f'"{a}"' for a in (column.label, *column.aliases))
        lines.append(f"- `{column.name}`: {aliases}")
    lines += ["", "Other spellings of the categories:", ""]
    for column in schema.COLUMNS:
        if column.synonyms:
            pairs = ", ".join(f'"{k}" → `{v}`' for k, v in column.synonyms.items())
            lines.append(f"- `{column.name}`: {pairs}")
    lines += ["", COLUMNS_END]
    return "\n".join(lines)


_README_TOP = """# Sample data

Everything in this folder is **fictional**: the students, their contacts and every
organisation were invented by a seeded generator (`infoview_lib/sample.py`, seed {seed}).
Names are drawn from small lists of made-up first and last names; phone numbers use
the fictional 555-01xx range; e-mail addresses end in `.example`.

Regenerate it all (the same bytes every time; a test checks this):

```
python -m infoview_lib.sample            # rewrites data/
python -m infoview_lib.sample --check    # only compares
```

The data are a snapshot of **{snapshot}**: pass that day as "today" to see what the
kit would have said then, e.g. `metrics.due_followups(log, today="{snapshot}")` (the
`infoview due` command with `--today {snapshot}`) or
`read_calendar(calendar_sample_path(), today="{snapshot}")`.

## Files

- `sample_log.csv`: one student's spring-2025 semester ({rows} rows): alumni, referral
  chains three levels deep, declines and no-replies, requests still waiting on {snapshot}
  (so the 3B7 routine has actions due), late and missing thank-you notes, 15–60-minute
  interviews in person, by phone and by video. Canonical headers: the model log.
- `class/`: {class_size} students' logs with different habits (some thank within a day,
  some never; some do many interviews, some few). See below.
- `linkedin/Connections.csv`: a LinkedIn "Get a copy of your data" connections export in
  its current layout: three `Notes:` lines, a blank line, then the header
  `{linkedin_header}`; dates like `03 May 2024`; newest first; {connections}
  connections, a few with hidden names, some companies with commas.
- `calendar/interviews.ics`: a Google Calendar export (times in UTC,
  `X-WR-TIMEZONE:{zone}`) with {events} events: informational interviews and coffee chats
  with attendees, Zoom and Meet links, phone calls, one cancelled, one all-day, a
  recurring standup and unrelated events.

## The class folder

{class_table}

`{broken}` has four planted mistakes, to show what validation reports:

{broken_list}

## Columns of the log
"""


def _class_table(logs: dict[str, list[dict]]) -> str:
    shapes = {
        "excel_us": "Excel (US) export: BOM, CRLF, headers such as \"Contact Name\", "
                    "\"Company\", \"Interview Date\"; dates m/d/yyyy; \"Zoom\", \"Coffee "
                    "chat\", \"Done\", \"Ghosted\"",
        "semicolon_cp1252": "European Excel: semicolons, Windows-1252, dates like "
                            "\"12 Mar 2025\", fewer columns",
        "xlsx": "Excel workbook with the form's labels as headers and real date cells",
        "tsv": "tab-separated, headers such as \"Contact Person\", \"Employer\", \"Stage\"",
        "extras": "canonical headers plus two extra columns (kept as they are), stray "
                  "spaces around names, blank rows at the end",
    }
    lines = ["| file | rows | shape |", "|---|---|---|"]
    for number, (name, rows) in enumerate(logs.items(), start=1):
        if name == BROKEN_STUDENT:
            shape = "**deliberately broken** (see below)"
        else:
            shape = shapes.get(_MESSY.get(number), "canonical CSV, as the kit writes it")
        lines.append(f"| `{name}` | {len(rows)} | {shape} |")
    return "\n".join(lines)


def _readme(logs, log, connections, events) -> str:
    problems = {
        "outreach_date": "an impossible date",
        "status": "a misspelt status",
        "duration_min": "a 600-minute interview (the limit is 240)",
        "interview_date": "a completed interview without its date",
    }
    planted = _plant_mistakes(logs[BROKEN_STUDENT])[1]
    broken_list = "\n".join(
        f"- row {row}, column `{column}`"
        + (f", value `{value}`" if value else ", empty")
        + f": {problems[column]}"
        for row, column, value in planted
    )
    top = _README_TOP.format(
        seed=SEED, snapshot=SNAPSHOT.isoformat(), rows=len(log), class_size=len(logs),
        linkedin_header=",".join(LINKEDIN_HEADER), connections=connections, zone=ZONE,
        events=events, class_table=_class_table(logs), broken=BROKEN_STUDENT,
        broken_list=broken_list,
    )
    return top + "\n" + columns_markdown() + "\n"


# --------------------------------------------------------------------------- generate


# Git must keep these files byte for byte (CRLF in the Excel exports and the calendar).
_GITATTRIBUTES = """# Written by python -m infoview_lib.sample: keep every byte (CRLF included).
* -text
"""


def _streams() -> list[np.random.Generator]:
    """Independent seeded streams: sample log, class, LinkedIn, calendar.

    Separate streams keep each file stable when another file's generator changes.
    """
    return np.random.default_rng(SEED).spawn(4)


def generate(out_dir: str | Path | None = None) -> list[Path]:
    """Write every sample file under ``out_dir``.

    Parameters
    ----------
    out_dir : str or path-like, optional
        Default: the kit's ``data/`` folder (:func:`infoview_lib.paths.data_dir`).

    Returns
    -------
    list of pathlib.Path
        The files written, relative paths under ``out_dir`` in a fixed order.
    """
    out = Path(out_dir) if out_dir is not None else data_dir()
    log_rng, class_rng, linkedin_rng, calendar_rng = _streams()
    log = sample_log(log_rng)
    written = []

    path = out / "sample_log.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(f".{path.name}.lock")
    had_lock = lock.exists()
    from .io import save_log

    save_log(log, path)
    if not had_lock:
        lock.unlink(missing_ok=True)
    written.append(path)

    logs = class_logs(class_rng)
    written += _write_class_from(logs, class_rng, out / "class")

    rows = linkedin_connections(linkedin_rng, log)
    path = out / "linkedin" / "Connections.csv"
    _write_text(path, _linkedin_text(rows))
    written.append(path)

    text = calendar_text(calendar_rng, log)
    path = out / "calendar" / "interviews.ics"
    _write_text(path, text)
    written.append(path)

    path = out / "README.md"
    _write_text(path, _readme(logs, log, len(rows), text.count("BEGIN:VEVENT")))
    written.append(path)

    path = out / ".gitattributes"
    _write_text(path, _GITATTRIBUTES)
    written.append(path)
    return [p.relative_to(out) for p in written]


def _write_class_from(logs: dict[str, list[dict]], rng: np.random.Generator,
                      folder: Path) -> list[Path]:
    written = []
    for number, (file_name, rows) in enumerate(logs.items(), start=1):
        path = folder / file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        if file_name == BROKEN_STUDENT:
            _write_broken(_plant_mistakes(rows)[0], path)
        elif number in _MESSY:
            _WRITERS[_MESSY[number]](rows, path, rng)
        else:
            _save_canonical(rows, path)
        written.append(path)
    return written


def differences(out_dir: str | Path | None = None) -> list[str]:
    """Files under ``out_dir`` (default ``data/``) that differ from a fresh generation."""
    out = Path(out_dir) if out_dir is not None else data_dir()
    with tempfile.TemporaryDirectory() as tmp:
        names = generate(tmp)
        return [str(name) for name in names
                if not (out / name).exists()
                or (out / name).read_bytes() != (Path(tmp) / name).read_bytes()]


def main(argv: list[str] | None = None) -> int:
    """``python -m infoview_lib.sample [--out DIR] [--check]``."""
    parser = argparse.ArgumentParser(
        prog="python -m infoview_lib.sample",
        description="Regenerate the kit's fictional sample data (seeded, reproducible).")
    parser.add_argument("--out", help="folder to write (default: the kit's data/ folder)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the files differ from a fresh run")
    args = parser.parse_args(argv)
    if args.check:
        changed = differences(args.out)
        for name in changed:
            print(f"differs: {name}")
        print("sample data up to date" if not changed else f"{len(changed)} file(s) differ")
        return 1 if changed else 0
    out = Path(args.out) if args.out else data_dir()
    for name in generate(out):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
