"""A self-contained HTML report of a log (or of a class's logs).

:func:`write_report` writes one HTML file a student can hand in or an instructor
can share: the headline numbers, the follow-ups due, the charts (PNG images
embedded as ``data:`` URIs, each with alt text stating its numbers), the
interviews, the log's validation problems if any, and how each number is counted.
It loads nothing from anywhere: no external CSS, scripts, fonts or images.

The page stays a readable size whatever the log: a student's log of 10-100 rows is
shown whole, but a career centre's combined log of a million rows is not a page.
Long lists (the interviews, the follow-ups due, the problems) show at most
:data:`MAX_TABLE_ROWS` rows, the latest or the most overdue, with a sentence that
says how many there are in all and where to see every one; each chart is drawn
from aggregated data at a bounded size (the referral tree shows at most
:data:`infoview_lib.plots.MAX_TREE_ROWS` rows of people and says which; the
network-growth chart counts by week, month, quarter or year, whatever keeps its
bars few: :func:`infoview_lib.plots.growth_by_period`). Every number in the cards
still counts the whole log.

The page is rendered with Jinja2 with autoescaping on, so every string that comes
from a log (names, organizations, notes, problem values) is escaped; the only
markup inserted as-is is the ``<img>`` built by :func:`infoview_lib.plots.img_tag`,
which escapes its alt text itself. The file is written atomically (a temporary
file in the same folder, then :func:`os.replace`).
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from pathlib import Path

import numpy as np
import pandas as pd

from . import metrics
from .io import write_atomically
from .metrics import format_day

__all__ = ["write_report", "render_report", "DEFAULT_TITLE", "write_atomically"]

DEFAULT_TITLE = "Informational interview report"
CLASS_TITLE = "Informational interviews: class report"
CHART_WIDTH_IN = 10
CHART_DPI = 110
MAX_TABLE_ROWS = 200
"""Rows a list of the report (interviews, follow-ups due, problems) shows at most."""
MAX_CLASS_CHART_STUDENTS = 60
"""A class chart's height grows with its students up to this many, then stays."""

ACTION_LABELS = {
    "second_contact": "Contact a second person",
    "follow_up": "Follow up",
    "thank_you": "Send thank-you",
}
STATUS_TEXT = {"completed": "Completed", "scheduled": "Scheduled"}
MODE_TEXT = {"in_person": "In person", "phone": "Phone", "video": "Video"}

DEFINITIONS = [
    ("Completed interview", "A row whose status is completed."),
    ("Response rate", "(scheduled + completed) / (scheduled + completed + declined + no reply); "
                      "outreach still waiting for a reply is not counted."),
    ("Thank-you within 24 hours", "Of completed interviews, the share whose thank-you note "
                                  "went out on the day of the interview or the day after."),
    ("Follow-up within 30 days", "Of completed interviews held at least 30 days ago, the share "
                                 "with a follow-up after the interview and no later than 30 "
                                 "days after it."),
    ("Interviews of 20-40 minutes", "Of completed interviews with a length, the share that "
                                    "lasted 20 to 40 minutes."),
    ("Network size", "Distinct people you have interviewed so far."),
    ("Referrals received", "The sum of the referrals column over completed interviews."),
    ("Follow-ups due", "The 3B7 routine: no reply after 3 business days, contact a second "
                       "person at the organization; after 7, follow up once with the first. "
                       "And a thank-you note for every interview from the day after."),
]


# ------------------------------------------------------------------------- writing


# ---------------------------------------------------------------------- formatting


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _day(value) -> str:
    return "" if value is None or pd.isna(value) else format_day(value)


def _rate(value: float) -> str:
    return "n/a" if np.isnan(value) else f"{value:.0%}"


def _cards(numbers: dict, today: pd.Timestamp) -> list[dict]:
    def of(rate: str, what: str) -> str:
        k, n = numbers[f"{rate}_k"], numbers[f"{rate}_n"]
        return f"{k} of {n} {what}" if n else "nothing to count yet"

    return [
        {"label": "Interviews completed", "value": numbers["completed"],
         "detail": f"{numbers['scheduled']} more scheduled"},
        {"label": "Network size", "value": numbers["network_size"],
         "detail": f"people interviewed; {numbers['referrals']} referrals received"},
        {"label": "Response rate", "value": _rate(numbers["response_rate"]),
         "detail": of("response_rate", "answered requests")},
        {"label": "Thank-you within 24 hours", "value": _rate(numbers["thank_you_rate"]),
         "detail": of("thank_you_rate", "interviews")},
        {"label": "Follow-up within 30 days", "value": _rate(numbers["follow_up_rate"]),
         "detail": of("follow_up_rate", "interviews past 30 days")},
        {"label": "Interviews of 20-40 minutes", "value": _rate(numbers["duration_on_target"]),
         "detail": of("duration_on_target", "with a length")},
        {"label": "Follow-ups due", "value": numbers["due"],
         "detail": f"as of {format_day(today)}"},
        {"label": "People in the log", "value": numbers["contacts"],
         "detail": f"{numbers['outreach']} approached, {numbers['planned']} planned"},
    ]


def _due_rows(log: pd.DataFrame, today: pd.Timestamp,
              limit: int = MAX_TABLE_ROWS) -> tuple[list[dict], int]:
    """The ``limit`` most overdue actions (the list is oldest first) and how many in all."""
    due = metrics.due_followups(log, today)
    rows = [
        {"due_since": format_day(row.due_since), "action": ACTION_LABELS[row.action],
         "contact": _text(row.contact), "organization": _text(row.organization),
         "message": _text(row.message)}
        for row in due.head(limit).itertuples(index=False)
    ]
    return rows, len(due)


INTERVIEW_COLUMNS = ("status", "interview_date", "contact", "role", "organization", "mode",
                     "duration_min", "thank_you_date", "follow_up_date")


def _interview_rows(log: pd.DataFrame, limit: int = MAX_TABLE_ROWS) -> tuple[list[dict], int]:
    """Completed and scheduled interviews by date (undated last) and how many in all.

    Beyond ``limit`` only the latest ``limit`` are kept (latest dates first, then
    undated ones), still listed by date; only those rows are formatted.
    """
    frame = metrics._frame(log, INTERVIEW_COLUMNS)
    shown = frame[frame["status"].isin(list(STATUS_TEXT))]
    total = len(shown)
    if total > limit:
        shown = shown.sort_values("interview_date", ascending=False, kind="stable",
                                  na_position="last").head(limit)
    shown = shown.sort_values("interview_date", kind="stable", na_position="last")
    rows = []
    for row in shown.itertuples(index=False):
        rows.append({
            "date": _day(row.interview_date),
            "status": STATUS_TEXT[row.status],
            "contact": _text(row.contact),
            "role": _text(row.role),
            "organization": _text(row.organization),
            "mode": MODE_TEXT.get(_text(row.mode), ""),
            "minutes": _text(row.duration_min),
            "thank_you": _day(row.thank_you_date),
            "follow_up": _day(row.follow_up_date),
        })
    return rows, total


def _problem_table(problems: pd.DataFrame | None, *, hide_values: bool,
                   limit: int = MAX_TABLE_ROWS) -> tuple[list[str], list[list[str]], int]:
    """Headings, the first ``limit`` problems as text, and how many problems in all."""
    if problems is None or len(problems) == 0:
        return [], [], 0
    table = problems.head(limit)
    if hide_values and "value" in table.columns:
        table = table.drop(columns="value")
    headings = [str(c).replace("_", " ").capitalize() for c in table.columns]
    rows = [[_text(v) for v in record] for record in table.itertuples(index=False)]
    return headings, rows, len(problems)


# -------------------------------------------------------------------------- charts


def _chart(kind: str, data, height: float, heading: str, caption: str = "",
           **kwargs) -> dict:
    from markupsafe import Markup
    from matplotlib.figure import Figure

    from . import plots

    plot, describe = plots.CHARTS[kind]
    figure = Figure(figsize=(CHART_WIDTH_IN, height), layout="constrained")
    ax = figure.subplots()
    plot(data, ax=ax, **kwargs)
    alt = describe(data, **kwargs)
    return {"id": kind.replace("_", "-") + ("-" + kwargs["metric"].replace("_", "-")
                                          if "metric" in kwargs else ""),
            "heading": heading, "caption": caption,
            "img": Markup(plots.img_tag(figure, alt, dpi=CHART_DPI))}


STUDENT_CHARTS = [  # (chart, heading, height in inches)
    ("network_growth", "Is my network growing?", 5.5),
    ("follow_up", "Do I thank people and follow up?", 4.2),
    ("thank_you_delay", "How soon do my thank-you notes go out?", 4.8),
    ("response", "How do people answer my requests?", 4.6),
    ("durations", "Do I keep to 20-40 minutes?", 4.8),
    ("modes", "How do I meet people?", 4.8),
    ("referral_tree", "Who introduced me to whom?", None),  # grows with the tree, bounded
]
EMPTY_CHART_HEIGHT = 2.2


def _student_charts(log: pd.DataFrame, today: pd.Timestamp) -> list[dict]:
    from . import plots

    charts = []
    for kind, heading, height in STUDENT_CHARTS:
        data, options, caption = log, {}, ""
        if kind == "follow_up":
            options = {"as_of": today}
        elif kind == "referral_tree":  # the graph once, for the size, image, alt and caption
            data = plots.referral_tree_view(log)
            caption = data.shown
            height = max(3.5, 0.75 * (data.rows or 3) + 1.8)
        if len(log) == 0:  # every chart just says "No interviews yet": keep them short
            height = EMPTY_CHART_HEIGHT
        charts.append(_chart(kind, data, height, heading, caption, **options))
    return charts


def _class_charts(class_log, today: pd.Timestamp) -> list[dict]:
    students = metrics.by_student(class_log, as_of=today) if len(class_log.log) else []
    height = max(3.5, 0.42 * min(len(students), MAX_CLASS_CHART_STUDENTS) + 1.6)
    return [
        _chart("class_overview", class_log, height, "Completed interviews by student",
               metric="completed", as_of=today),
        _chart("class_overview", class_log, height, "Response rate by student",
               metric="response_rate", as_of=today),
        _chart("class_overview", class_log, height, "Thank-you within 24 hours by student",
               metric="thank_you_rate", as_of=today),
        _chart("class_overview", class_log, height, "Follow-up within 30 days by student",
               metric="follow_up_rate", as_of=today),
    ]


def _student_table(class_log, today: pd.Timestamp):
    if len(class_log.log) == 0:
        return [], []
    table = metrics.by_student(class_log, as_of=today)
    columns = ["student", "completed", "network_size", "response_rate", "thank_you_rate",
               "follow_up_rate", "duration_on_target", "referrals", "due"]
    headings = ["Student", "Completed", "Network", "Response", "Thank-you 24 h",
                "Follow-up 30 d", "20-40 min", "Referrals", "Due"]
    rows = []
    for record in table[columns].itertuples(index=False):
        rows.append([_rate(v) if name in metrics.RATE_KEYS else _text(v)
                     for name, v in zip(columns, record, strict=True)])
    return headings, rows


# -------------------------------------------------------------------------- render


def _is_class_log(source) -> bool:
    return (not isinstance(source, pd.DataFrame) and hasattr(source, "log")
            and hasattr(source, "problems"))


def _load(source, problems):
    """``(log or ClassLog, problems, name)`` for a DataFrame, a ClassLog or a path."""
    if isinstance(source, pd.DataFrame) or _is_class_log(source):
        if _is_class_log(source) and problems is None:
            problems = source.problems
        return source, problems, None
    from . import io

    path = Path(source)
    if path.is_dir():
        class_log = io.load_class(path)
        return class_log, class_log.problems if problems is None else problems, path.name
    return io.load_log(path), problems, path.name


def render_report(log, *, title: str | None = None, pseudonymize: bool = False,
                  salt: str | None = None, today=None, problems: pd.DataFrame | None = None,
                  source_name: str | None = None) -> str:
    """The report as an HTML string; see :func:`write_report` for the parameters."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from . import __version__

    day = metrics.as_day(today)
    is_class = _is_class_log(log)
    if pseudonymize:
        from . import privacy

        salt = salt if salt is not None else privacy.new_salt()
        if is_class:
            log = type(log)(privacy.pseudonymize(log.log, salt, drop_notes=True),
                            log.problems, getattr(log, "files", []))
        else:
            log = privacy.pseudonymize(log, salt, drop_notes=True)
    frame = log.log if is_class else log
    numbers = metrics.summary(frame, as_of=day)
    problem_headings, problem_rows, problems_total = _problem_table(
        problems, hide_values=pseudonymize)
    if is_class:
        student_headings, student_rows = _student_table(log, day)
        charts = _class_charts(log, day)
        count = len(getattr(log, "files", []) or student_rows)
        subtitle = (f"{count} student log{'s' if count != 1 else ''}, "
                    f"{numbers['contacts']} people approached or planned, as of {format_day(day)}")
    else:
        student_headings, student_rows = [], []
        charts = _student_charts(frame, day)
        first, last = numbers["first_interview"], numbers["last_interview"]
        span = (f"interviews from {format_day(first)} to {format_day(last)}"
                if first is not None else "no interviews yet")
        subtitle = (f"{numbers['contacts']} people in the log, {span}; "
                    f"as of {format_day(day)}")
    if source_name:
        subtitle = f"{source_name}: {subtitle}"

    environment = Environment(
        loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    template = environment.get_template("report.html.j2")
    due, due_total = ([], 0) if is_class else _due_rows(frame, day)
    interviews, interviews_total = ([], 0) if is_class else _interview_rows(frame)
    return template.render(
        title=title or (CLASS_TITLE if is_class else DEFAULT_TITLE),
        subtitle=subtitle,
        version=__version__,
        generated=format_day(dt.date.today()),
        today_text=format_day(day),
        today_iso=f"{day:%Y-%m-%d}",
        pseudonymized=pseudonymize,
        is_class=is_class,
        cards=_cards(numbers, day),
        due=due,
        due_total=due_total,
        students=student_rows,
        student_headings=student_headings,
        charts=charts,
        interviews=interviews,
        interviews_total=interviews_total,
        problems=problem_rows,
        problems_total=problems_total,
        source_name=source_name or "",
        log_arg=shlex.quote(source_name) if source_name else "LOG",
        problem_headings=problem_headings,
        definitions=DEFINITIONS,
    )


def write_report(log, path: str | os.PathLike, *, title: str | None = None,
                 pseudonymize: bool = False, salt: str | None = None, today=None,
                 problems: pd.DataFrame | None = None) -> Path:
    """Write a self-contained HTML report.

    Parameters
    ----------
    log : pandas.DataFrame, ClassLog, str or path-like
        A loaded log; a class (:func:`infoview_lib.io.load_class`), whose report
        compares students and lists every file's problems; or a path: a log file
        is loaded with :func:`~infoview_lib.io.load_log` (a broken file raises
        :class:`~infoview_lib.LogValidationError`), a folder with
        :func:`~infoview_lib.io.load_class`.
    path : str or path-like
        The HTML file to write (folders are created).
    title : str, optional
        The page title; a sensible default otherwise.
    pseudonymize : bool, default False
        Replace contacts' names with salted tokens and leave notes out
        (:func:`infoview_lib.privacy.pseudonymize`); problem values are not shown.
    salt : str, optional
        The pseudonymisation salt. Without one a random salt is used, so tokens
        differ from report to report; pass the same salt to keep them stable.
    today : date-like, optional
        The day the report is "as of" (follow-ups due, follow-up windows); today
        by default.
    problems : pandas.DataFrame, optional
        Validation problems to list (``row``, ``column``, ``value``, ``problem``),
        e.g. from :func:`~infoview_lib.io.check_log`. A ClassLog brings its own.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    FileNotFoundError
        If ``log`` is a path that does not exist.
    LogValidationError
        If ``log`` is a log file with problems.
    """
    source, problems, name = _load(log, problems)
    page = render_report(source, title=title, pseudonymize=pseudonymize, salt=salt,
                         today=today, problems=problems, source_name=name)
    return write_atomically(path, page.encode("utf-8"))
