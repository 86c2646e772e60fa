"""The one definition of the interview log's columns.

Everything that needs to know the log's shape reads it from here: the loader
(:mod:`infoview_lib.io`), the entry form, ``data/README.md`` (tested against this
module) and the sample generator. Nothing else repeats the column list by hand.

A log has one row per person approached for an informational interview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

__all__ = [
    "Column",
    "COLUMNS",
    "COLUMN_NAMES",
    "BY_NAME",
    "REQUIRED",
    "DATE_COLUMNS",
    "INT_COLUMNS",
    "TEXT_COLUMNS",
    "CATEGORY_COLUMNS",
    "STATUSES",
    "MODES",
    "SOURCES",
    "normalize_header",
    "resolve_header",
    "normalize_category",
    "empty_log",
    "dtype_of",
]


@dataclass(frozen=True)
class Column:
    """One column of the interview log.

    Attributes
    ----------
    name : str
        Canonical column name, as a loaded log carries it.
    kind : {"text", "category", "date", "int"}
        What the cells hold; decides the pandas dtype.
    help : str
        One sentence a student reads in the form and in ``data/README.md``.
    required : bool
        Whether every row must have a value.
    categories : tuple of str
        Allowed values for a category column, in display order.
    aliases : tuple of str
        Other headers that mean this column (matched ignoring case, spaces
        and punctuation).
    synonyms : dict
        For a category column, other spellings that mean a category
        (matched ignoring case, spaces and punctuation).
    minimum, maximum : int or None
        Bounds for an integer column, inclusive.
    label : str
        The label shown next to the field in forms.
    """

    name: str
    kind: str
    help: str
    label: str
    required: bool = False
    categories: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    synonyms: dict[str, str] = field(default_factory=dict)
    minimum: int | None = None
    maximum: int | None = None

    @property
    def dtype(self):
        """The pandas dtype this column has in a loaded log."""
        return dtype_of(self)


STATUSES = ("planned", "requested", "scheduled", "completed", "declined", "no_reply")
MODES = ("in_person", "phone", "video")
SOURCES = ("alumni", "referral", "linkedin", "cold", "event", "faculty", "friend_family", "other")

COLUMNS: tuple[Column, ...] = (
    Column(
        "contact", "text", "The person's name.", "Contact", required=True,
        aliases=("contact name", "name", "full name", "person", "interviewee", "who",
                 "contact person"),
    ),
    Column(
        "role", "text", "Their job title or role.", "Role",
        aliases=("title", "job title", "position", "their role"),
    ),
    Column(
        "organization", "text", "Where they work.", "Organization",
        aliases=("organisation", "company", "employer", "org", "firm", "institution"),
    ),
    Column(
        "industry", "text", "The field or industry they work in.", "Industry",
        aliases=("field", "sector"),
    ),
    Column(
        "source", "category", "How you found them.", "How you found them",
        categories=SOURCES,
        aliases=("how we met", "how met", "how i found them", "found via", "channel",
                 "lead source"),
        synonyms={
            "alumnus": "alumni", "alumna": "alumni", "alum": "alumni", "alumni network": "alumni",
            "alumni database": "alumni", "referred": "referral", "intro": "referral",
            "introduction": "referral", "linked in": "linkedin", "li": "linkedin",
            "cold email": "cold", "cold call": "cold", "cold outreach": "cold",
            "career fair": "event", "conference": "event", "networking event": "event",
            "meetup": "event", "professor": "faculty", "teacher": "faculty",
            "instructor": "faculty", "friend": "friend_family", "family": "friend_family",
            "friends and family": "friend_family", "friend family": "friend_family",
            "friend or family": "friend_family",
        },
    ),
    Column(
        "referred_by", "text",
        "Who introduced you (a contact elsewhere in the log, or someone outside it).",
        "Referred by",
        aliases=("referred by", "referrer", "introduced by", "referral from", "intro by"),
    ),
    Column(
        "status", "category", "Where this outreach stands.", "Status",
        categories=STATUSES,
        aliases=("state", "stage", "outcome"),
        synonyms={
            "plan": "planned", "to do": "planned", "todo": "planned", "idea": "planned",
            "not yet contacted": "planned", "asked": "requested", "request sent": "requested",
            "contacted": "requested", "emailed": "requested", "sent": "requested",
            "pending": "requested", "waiting": "requested", "booked": "scheduled",
            "confirmed": "scheduled", "upcoming": "scheduled", "done": "completed",
            "complete": "completed", "held": "completed", "interviewed": "completed",
            "met": "completed", "finished": "completed", "decline": "declined",
            "said no": "declined", "rejected": "declined", "turned down": "declined",
            "no reply": "no_reply", "no response": "no_reply", "noreply": "no_reply",
            "ghosted": "no_reply", "no answer": "no_reply", "unanswered": "no_reply",
        },
    ),
    Column(
        "outreach_date", "date", "When you asked for the conversation.", "Outreach date",
        aliases=("outreach", "date contacted", "contacted on", "request date",
                 "date of outreach", "asked on", "email sent", "first contact"),
    ),
    Column(
        "interview_date", "date",
        "When the conversation took place (required once it is completed).",
        "Interview date",
        aliases=("interview date", "date of interview", "interview", "date", "meeting date",
                 "date met", "interviewed on", "conversation date"),
    ),
    Column(
        "mode", "category", "How you met: in person, by phone or by video.", "Mode",
        categories=MODES,
        aliases=("format", "medium", "meeting type", "channel of interview", "type"),
        synonyms={
            "in person": "in_person", "inperson": "in_person", "face to face": "in_person",
            "f2f": "in_person", "coffee": "in_person", "coffee chat": "in_person",
            "lunch": "in_person", "office visit": "in_person", "onsite": "in_person",
            "on site": "in_person", "call": "phone", "phone call": "phone",
            "telephone": "phone", "tel": "phone", "zoom": "video", "teams": "video",
            "ms teams": "video", "microsoft teams": "video", "meet": "video",
            "google meet": "video", "video call": "video", "webex": "video",
            "skype": "video", "facetime": "video", "online": "video", "virtual": "video",
        },
    ),
    Column(
        "duration_min", "int", "How long the conversation lasted, in minutes (1-240).",
        "Duration (minutes)", minimum=1, maximum=240,
        aliases=("duration", "duration min", "duration minutes", "duration mins", "length",
                 "length min", "minutes", "mins", "time spent"),
    ),
    Column(
        "thank_you_date", "date", "When your thank-you note went out.", "Thank-you sent",
        aliases=("thank you sent", "thank you note", "thank you", "thanks sent",
                 "thank you date", "thankyou", "thank you email", "thank you note sent"),
    ),
    Column(
        "follow_up_date", "date", "The latest follow-up after the thank-you.", "Follow-up date",
        aliases=("follow up", "follow up date", "followup", "followed up",
                 "last follow up", "follow up sent"),
    ),
    Column(
        "referrals", "int", "How many new people this contact introduced you to.",
        "Referrals", minimum=0,
        aliases=("referrals given", "new contacts", "introductions", "intros",
                 "number of referrals", "referral count"),
    ),
    Column(
        "notes", "text", "Insights, advice and next steps.", "Notes",
        aliases=("note", "comments", "comment", "insights", "takeaways", "next steps"),
    ),
)

BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
DATE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "date")
INT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "int")
TEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "text")
CATEGORY_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "category")

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize_header(text: object) -> str:
    """Reduce a header or category value to lowercase letters and digits.

    ``"Thank-you sent"``, ``"thank you SENT"`` and ``"Thank_You_Sent "`` all become
    ``"thankyousent"``.
    """
    return _NON_ALNUM.sub("", str(text).casefold())


def _header_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for column in COLUMNS:
        for header in (column.name, column.label, *column.aliases):
            lookup.setdefault(normalize_header(header), column.name)
    return lookup


_HEADERS = _header_lookup()


def resolve_header(header: object) -> str | None:
    """Return the canonical column a header means, or ``None`` for an unknown column."""
    return _HEADERS.get(normalize_header(header))


def _category_lookup(column: Column) -> dict[str, str]:
    lookup = {normalize_header(c): c for c in column.categories}
    lookup.update({normalize_header(k): v for k, v in column.synonyms.items()})
    return lookup


_CATEGORY_VALUES = {c.name: _category_lookup(c) for c in COLUMNS if c.kind == "category"}


def category_lookup(name: str) -> dict[str, str]:
    """Map each normalised spelling of a category column's values to its category."""
    return _CATEGORY_VALUES[name]


def normalize_category(name: str, value: object) -> str | None:
    """Return the category a cell means (``"Zoom"`` → ``"video"``), or ``None`` if unknown."""
    return _CATEGORY_VALUES[name].get(normalize_header(value))


def dtype_of(column: Column):
    """The pandas dtype of a column in a loaded log."""
    if column.kind == "date":
        return "datetime64[ns]"
    if column.kind == "int":
        return "Int64"
    if column.kind == "category":
        return pd.CategoricalDtype(list(column.categories))
    return pd.StringDtype()


def empty_log() -> pd.DataFrame:
    """A typed log with every column and no rows: a new student's log."""
    return pd.DataFrame({c.name: pd.Series([], dtype=dtype_of(c)) for c in COLUMNS})
