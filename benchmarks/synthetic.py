"""Seeded synthetic interview logs for the benchmarks: any size, two file layouts.

:func:`synthetic_log` builds a typed log (the schema's dtypes) that looks like a
class's combined logs: about one person in ten is approached twice, a fifth of the
rows name a referrer (mostly another contact of the log, sometimes someone outside
it), every status occurs, and cells are empty where the schema expects them (no
outreach date for a ``planned`` row, no interview date before one is scheduled, no
duration, thank-you or referral count before an interview is completed). A quarter
of the notes contain a comma or a quotation mark, so the CSV quotes them.

:func:`log_csv` writes it in one of two layouts and caches the file in
``benchmarks/_data/`` (git-ignored), keyed by rows, layout, seed and
:data:`GENERATOR_VERSION`:

``canonical``
    Schema headers in schema order, ISO dates, canonical category codes, UTF-8,
    ``\\n`` line ends, one record per line (no quoted newline).
``messy``
    The same rows as a student's spreadsheet exports them: aliased headers
    ("Contact Name", "Company", ...) in another order, US dates (``3/14/2025``),
    category synonyms ("Zoom", "Coffee chat", "Done", ...), durations such as
    ``45 min``, stray spaces around cells, a byte-order mark and CRLF line ends.

Both layouts load to the same log (:func:`infoview_lib.load_log`); the harness
checks it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from infoview_lib import schema
from infoview_lib.sample import FIRST_NAMES, LAST_NAMES, ORGANIZATIONS, ROLES

HERE = Path(__file__).resolve().parent
CACHE = HERE / "_data"
GENERATOR_VERSION = 2
"""Part of every cached file's name: bump it when the generated rows change."""
VARIANTS = ("canonical", "messy")
AS_OF = "2025-05-15"
"""The day metrics and reports are computed "as of" (the logs run Sep 2024 to May 2025)."""
START = np.datetime64("2024-09-02")
STATUS_SHARES = {"planned": 0.05, "requested": 0.15, "scheduled": 0.10, "completed": 0.50,
                 "declined": 0.10, "no_reply": 0.10}

NOTES = (
    "Great advice on portfolios",
    "Suggested two more people to talk to",
    "Follow up in June",
    "Prefers email to calls",
    "Hiring freeze this year, but open to another chat in the fall",
    "Team uses R, Python and a lot of spreadsheets",
    "Advice: build one project end to end, then write about it",
    'Said "learn SQL first", then statistics',
    "Stressed writing skills, then stakeholder management, then tools",
    "Warm and practical; read their annual report",
    "Described the path from intern to analyst",
    'Recommended the "Intro to GIS" course',
)
NOTE_SHARE = 0.55
INDUSTRY_WORDS = {
    "Health care": "Health", "Data and analytics": "Analytics", "Engineering": "Robotics",
    "Consulting": "Consulting", "Higher education": "College", "Public sector": "City Council",
    "Energy": "Energy", "Design": "Design Studio", "Finance": "Bank",
    "Food and retail": "Foods", "Software": "Software", "Education technology": "Learning",
    "Media": "Media", "Biotech": "Biotech", "Architecture": "Architects",
    "Nonprofit": "Conservancy", "Logistics": "Logistics", "Law": "LLP",
}

MESSY_HEADERS = {
    "contact": "Contact Name", "role": "Job Title", "organization": "Company",
    "industry": "Sector", "source": "How we met", "referred_by": "Introduced by",
    "status": "Stage", "outreach_date": "Date contacted", "interview_date": "Interview Date",
    "mode": "Format", "duration_min": "Length (min)", "thank_you_date": "Thank-you sent",
    "follow_up_date": "Followed up", "referrals": "New contacts", "notes": "Comments",
}
MESSY_ORDER = ("contact", "organization", "role", "industry", "status", "source", "referred_by",
               "outreach_date", "interview_date", "mode", "duration_min", "thank_you_date",
               "follow_up_date", "referrals", "notes")
SPELLINGS = {
    "status": {
        "planned": ("planned", "Planned", "To do", "idea"),
        "requested": ("requested", "Requested", "Emailed", "Pending", "request sent"),
        "scheduled": ("scheduled", "Scheduled", "Booked", "confirmed"),
        "completed": ("completed", "Completed", "Done", "done", "Met"),
        "declined": ("declined", "Declined", "said no"),
        "no_reply": ("no_reply", "No reply", "ghosted", "No response"),
    },
    "mode": {
        "in_person": ("In person", "Coffee chat", "coffee", "in_person", "Face to face"),
        "phone": ("Phone", "phone call", "Call"),
        "video": ("Zoom", "Teams", "Video", "Google Meet", "video call"),
    },
    "source": {
        "alumni": ("Alumni", "alumna", "alumnus", "Alumni network"),
        "referral": ("Referral", "referred", "Intro"),
        "linkedin": ("LinkedIn", "linked in"),
        "cold": ("Cold email", "cold", "cold call"),
        "event": ("Career fair", "Event", "conference"),
        "faculty": ("Professor", "faculty"),
        "friend_family": ("Friend", "family", "friend_family"),
        "other": ("Other", "other"),
    },
}
"""How a messy file spells each category (all map back through the schema's synonyms)."""
STRAY_SPACE_SHARE = 0.05
MINUTES_SUFFIX_SHARE = 0.15


def person_names(count: int) -> np.ndarray:
    """``count`` distinct invented names such as ``"Amara K. Ashvale-Birchwell"``.

    First name, middle initial and a double-barrelled last name give 1.6 million
    distinct names; beyond that names repeat (as real names do).
    """
    first, last = len(FIRST_NAMES), len(LAST_NAMES)
    index = np.arange(count)
    given = np.asarray(FIRST_NAMES, dtype=object)[index % first]
    initial = np.array([f" {chr(65 + k)}. " for k in range(26)], dtype=object)[
        (index // first) % 26]
    one = (index // (first * 26)) % last
    two = (one + 1 + (index // (first * 26 * last)) % (last - 1)) % last
    surnames = np.asarray(LAST_NAMES, dtype=object)
    return given + initial + surnames[one] + "-" + surnames[two]


def organizations(count: int) -> tuple[np.ndarray, np.ndarray]:
    """``count`` invented organisations and their industries.

    The kit's sample organisations come first (two have commas in their names);
    the others are ``"<Surname> <industry word>"``, numbered by site when needed.
    """
    names = [name for name, _ in ORGANIZATIONS]
    industries = [industry for _, industry in ORGANIZATIONS]
    words = list(INDUSTRY_WORDS.items())
    position = 0
    while len(names) < count:
        surname = LAST_NAMES[position % len(LAST_NAMES)]
        industry, word = words[(position // len(LAST_NAMES)) % len(words)]
        site = position // (len(LAST_NAMES) * len(words))
        names.append(f"{surname} {word}" + (f" (site {site + 1})" if site else ""))
        industries.append(industry)
        position += 1
    return np.asarray(names[:count], dtype=object), np.asarray(industries[:count], dtype=object)


def _days(rng: np.random.Generator, low: int, high: int, rows: int) -> np.ndarray:
    return rng.integers(low, high, rows).astype("timedelta64[D]")


def _pick(rng: np.random.Generator, options, where: np.ndarray) -> np.ndarray:
    """One random option for each row where ``where`` holds."""
    return np.asarray(options, dtype=object)[rng.integers(0, len(options), int(where.sum()))]


def _category(values, name: str) -> pd.Categorical:
    return pd.Categorical(values, dtype=schema.BY_NAME[name].dtype)


def _dates(values: np.ndarray, keep: np.ndarray) -> pd.Series:
    stamps = np.where(keep, values, np.datetime64("NaT"))
    return pd.Series(stamps.astype("datetime64[ns]"))


def synthetic_log(rows: int, seed: int = 0) -> pd.DataFrame:
    """A typed log of ``rows`` rows, as :func:`infoview_lib.load_log` returns it.

    Parameters
    ----------
    rows : int
        Number of rows (one per outreach).
    seed : int, default 0
        Seed of the random generator: the same seed gives the same log.

    Returns
    -------
    pandas.DataFrame
        Every schema column in schema order with the schema's dtypes.
    """
    rng = np.random.default_rng(seed)
    people = max(rows * 9 // 10, 1)
    names = person_names(people)
    contact = names[rng.integers(0, people, rows)]
    org_names, org_industries = organizations(max(rows // 20, len(ORGANIZATIONS)))
    org = rng.integers(0, len(org_names), rows)
    industry = org_industries[org]
    role = np.empty(rows, dtype=object)
    for name, titles in ROLES.items():
        here = industry == name
        role[here] = _pick(rng, titles, here)

    status = rng.choice(list(STATUS_SHARES), rows, p=list(STATUS_SHARES.values()))
    completed = status == "completed"
    booked = completed | (status == "scheduled")
    outreach = START + _days(rng, 0, 240, rows)
    interview = outreach + _days(rng, 2, 20, rows)
    thanked = completed & (rng.random(rows) < 0.8)
    followed = thanked & (rng.random(rows) < 0.5)

    referred = rng.random(rows) < 0.2
    outside = referred & (rng.random(rows) < 0.15)
    inside = referred & ~outside
    referrer = np.full(rows, None, dtype=object)
    referrer[inside] = names[rng.integers(0, people, int(inside.sum()))]
    referrer[outside] = _pick(rng, FIRST_NAMES, outside) + " " + _pick(rng, LAST_NAMES, outside)
    source = rng.choice(schema.SOURCES, rows)
    source[referred & (rng.random(rows) < 0.85)] = "referral"

    notes = np.asarray(NOTES, dtype=object)[rng.integers(0, len(NOTES), rows)]
    notes[rng.random(rows) >= NOTE_SHARE] = None
    referrals = pd.array(rng.choice(4, rows, p=[0.5, 0.3, 0.15, 0.05]), dtype="Int64")
    duration = pd.array(rng.integers(10, 71, rows), dtype="Int64")

    log = pd.DataFrame({
        "contact": contact,
        "role": role,
        "organization": org_names[org],
        "industry": industry,
        "source": _category(source, "source"),
        "referred_by": referrer,
        "status": _category(status, "status"),
        "outreach_date": _dates(outreach, status != "planned"),
        "interview_date": _dates(interview, booked),
        "mode": _category(np.where(booked, rng.choice(schema.MODES, rows), None), "mode"),
        "duration_min": duration,
        "thank_you_date": _dates(interview + _days(rng, 0, 4, rows), thanked),
        "follow_up_date": _dates(interview + _days(rng, 5, 60, rows), followed),
        "referrals": referrals,
        "notes": notes,
    })
    log.loc[~completed, ["duration_min", "referrals"]] = pd.NA
    for column in schema.COLUMNS:
        log[column.name] = log[column.name].astype(column.dtype)
    return log[list(schema.COLUMN_NAMES)]


def with_students(log: pd.DataFrame, seed: int = 0, students: int = 40) -> pd.DataFrame:
    """``log`` with a ``student`` column splitting it among ``students`` class members."""
    rng = np.random.default_rng([seed, 1])
    labels = np.array([f"Student {i:02d}" for i in range(students)], dtype=object)
    return log.assign(student=pd.Series(labels[rng.integers(0, students, len(log))],
                                        index=log.index, dtype="string"))


def _format_dates(series: pd.Series, style: str) -> np.ndarray:
    """Dates as text (``iso`` or ``us``), formatting each distinct day once."""
    codes, days = pd.factorize(series)
    if style == "iso":
        text = [day.strftime("%Y-%m-%d") for day in days]
    else:
        text = [f"{day.month}/{day.day}/{day.year}" for day in days]
    return np.asarray(text + [""], dtype=object)[codes]


def _plain_text(series: pd.Series) -> np.ndarray:
    return series.astype("string").fillna("").to_numpy(dtype=object)


def canonical_cells(log: pd.DataFrame) -> pd.DataFrame:
    """The cells of a canonical CSV: schema headers, ISO dates, category codes."""
    cells = {}
    for column in schema.COLUMNS:
        series = log[column.name]
        if column.kind == "date":
            cells[column.name] = _format_dates(series, "iso")
        else:
            cells[column.name] = _plain_text(series)
    return pd.DataFrame(cells)


def _spell(series: pd.Series, name: str, rng: np.random.Generator) -> np.ndarray:
    """A category column in varied spellings (one random spelling per cell)."""
    out = np.full(len(series), "", dtype=object)
    values = series.to_numpy(dtype=object)
    for category, spellings in SPELLINGS[name].items():
        here = values == category
        out[here] = _pick(rng, spellings, here)
    return out


def _stray_spaces(cells: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    padded = (rng.random(len(cells)) < STRAY_SPACE_SHARE) & (cells != "")
    cells = cells.copy()
    cells[padded] = " " + cells[padded] + "  "
    return cells


def messy_cells(log: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """The cells of a messy CSV of the same rows (see the module docstring)."""
    rng = np.random.default_rng([seed, 2])
    cells = {}
    for name in MESSY_ORDER:
        column = schema.BY_NAME[name]
        series = log[name]
        if column.kind == "date":
            text = _format_dates(series, "us")
        elif column.kind == "category":
            text = _spell(series, name, rng)
        else:
            text = _plain_text(series)
        if name == "duration_min":
            minutes = (rng.random(len(text)) < MINUTES_SUFFIX_SHARE) & (text != "")
            text[minutes] = text[minutes] + " min"
        if name in ("contact", "organization", "status", "mode", "source", "outreach_date"):
            text = _stray_spaces(text, rng)
        cells[MESSY_HEADERS[name]] = text
    return pd.DataFrame(cells)


def write_csv(log: pd.DataFrame, path: Path, variant: str, seed: int = 0) -> Path:
    """Write ``log`` as a ``variant`` CSV at ``path``, atomically (temporary file, rename)."""
    if variant == "canonical":
        cells, options = canonical_cells(log), {"encoding": "utf-8", "lineterminator": "\n"}
    elif variant == "messy":
        cells, options = messy_cells(log, seed), {"encoding": "utf-8-sig",
                                                   "lineterminator": "\r\n"}
    else:
        raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        cells.to_csv(temporary, index=False, **options)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return path


def cached_path(rows: int, variant: str, seed: int = 0) -> Path:
    """Where the cached CSV for ``rows``, ``variant`` and ``seed`` lives."""
    return CACHE / f"log_v{GENERATOR_VERSION}_{variant}_{rows}rows_seed{seed}.csv"


def log_csv(rows: int, variant: str = "canonical", seed: int = 0) -> Path:
    """Path of a cached synthetic CSV; generated (both variants at once) when missing.

    Parameters
    ----------
    rows : int
        Rows in the log.
    variant : {"canonical", "messy"}
        The file layout (see the module docstring).
    seed : int, default 0
        Seed of the rows; both variants of one seed hold the same rows.
    """
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
    path = cached_path(rows, variant, seed)
    if not path.exists():
        log = synthetic_log(rows, seed)
        for other in VARIANTS:
            if not cached_path(rows, other, seed).exists():
                write_csv(log, cached_path(rows, other, seed), other, seed)
    return path
