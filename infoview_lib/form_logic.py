"""The pure half of the log's entry form (:class:`~infoview_lib.widgets.LogForm`).

Everything the form decides is decided here, without ipywidgets, so it is tested
directly and the widget only draws the result:

* which fields the form has, built from :data:`infoview_lib.schema.COLUMNS`
  (:func:`form_fields`), with human labels for categories (:func:`category_label`);
* what is wrong with a field as the student types (:func:`field_problem`), read with
  the loader's own cell parsers (:func:`infoview_lib.convert.parse_date`,
  :func:`~infoview_lib.convert.parse_int`, :func:`infoview_lib.schema.normalize_category`),
  and what is wrong with the row as a whole (:func:`form_problems`, which asks
  :func:`infoview_lib.io.check_log`, so the form and the loader never disagree);
* the cells handed to :func:`~infoview_lib.io.append_interview` (:func:`to_fields`)
  and, for editing, the form's values for a row of the log (:func:`row_to_values`);
* how rows are named in the row picker (:func:`row_choices`) and shown after a save
  (:func:`last_rows_html`);
* the practice log notebook 03 writes to (:func:`make_practice_log`); the table of
  columns it shows is :func:`infoview_lib.docs.schema_table`;
* what checking a student's own spreadsheet found, with one "how to fix it" sentence
  per problem (:func:`check_spreadsheet`, :func:`how_to_fix`), for
  :class:`~infoview_lib.widgets.SpreadsheetCheck`.

Editing and deleting rows (with a backup first) is :mod:`infoview_lib.edits`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths, schema
from .convert import parse_date, parse_int

__all__ = [
    "BLANK_LABEL",
    "PRACTICE_LOG_NAME",
    "FieldSpec",
    "category_label",
    "category_options",
    "form_fields",
    "blank_values",
    "field_problem",
    "form_problems",
    "problem_text",
    "problem_summary",
    "to_fields",
    "row_to_values",
    "row_number",
    "row_choices",
    "last_rows",
    "last_rows_html",
    "first_rows",
    "rows_html",
    "make_practice_log",
    "DEFAULT_ADVICE",
    "how_to_fix",
    "problems_with_advice",
    "SpreadsheetReport",
    "headline_numbers",
    "status_counts",
    "check_spreadsheet",
]

#: What a category dropdown shows for "no value".
BLANK_LABEL = "—"

#: The file notebook 03's form writes to, inside :func:`infoview_lib.paths.workspace_dir`.
PRACTICE_LOG_NAME = "practice_log.csv"

#: Human labels for category values; any other value is shown with ``_`` as a space.
CATEGORY_LABELS = {
    "in_person": "In person",
    "no_reply": "No reply",
    "friend_family": "Friend or family",
    "linkedin": "LinkedIn",
    "cold": "Cold outreach",
}

#: What an empty integer field suggests.
PLACEHOLDERS = {"duration_min": "e.g. 30", "referrals": "e.g. 2", "contact": "e.g. Ana Ruiz"}

#: Columns shown in the "last rows" table after a save.
SHOWN_COLUMNS = ("contact", "organization", "status", "interview_date", "mode", "duration_min")


# ---------------------------------------------------------------------------- fields
@dataclass(frozen=True)
class FieldSpec:
    """One field of the entry form.

    Attributes
    ----------
    name : str
        The log column the field fills.
    label : str
        The visible label (the schema's label, with "(required)" for a required column).
    help : str
        The schema's one-sentence help, shown beside the field.
    control : {"text", "textarea", "dropdown", "date", "int"}
        Which control draws it. Whole numbers use a text box, not a bounded integer
        box: a bounded box silently clamps 300 minutes to 240 and hides the mistake,
        while a text box lets :func:`field_problem` say "should be between 1 and 240".
    options : tuple of (str, str)
        ``(label, value)`` choices of a dropdown, the blank choice first.
    placeholder : str
        Example text shown in an empty text box.
    required : bool
        Whether the log needs a value.
    """

    name: str
    label: str
    help: str
    control: str
    options: tuple[tuple[str, str], ...] = ()
    placeholder: str = ""
    required: bool = False


def category_label(value: object) -> str:
    """The human label of a category value: ``"in_person"`` → ``"In person"``.

    A blank value gives :data:`BLANK_LABEL`.
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return BLANK_LABEL
    text = str(value)
    return CATEGORY_LABELS.get(text, text.replace("_", " ").capitalize())


def category_options(name: str) -> tuple[tuple[str, str], ...]:
    """Dropdown choices of a category column: the blank choice, then each category.

    Parameters
    ----------
    name : str
        A category column of the schema (``"status"``, ``"mode"``, ``"source"``).

    Returns
    -------
    tuple of (str, str)
        ``(label, value)`` pairs; the blank choice has the value ``""``.
    """
    column = schema.BY_NAME[name]
    return ((BLANK_LABEL, ""), *((category_label(c), c) for c in column.categories))


def _control(column: schema.Column) -> str:
    if column.kind == "category":
        return "dropdown"
    if column.kind == "date":
        return "date"
    if column.kind == "int":
        return "int"
    return "textarea" if column.name == "notes" else "text"


def form_fields() -> tuple[FieldSpec, ...]:
    """The form's fields, one per schema column, in the log's order."""
    specs = []
    for column in schema.COLUMNS:
        label = f"{column.label} (required)" if column.required else column.label
        options = category_options(column.name) if column.kind == "category" else ()
        specs.append(FieldSpec(column.name, label, column.help, _control(column), options,
                               PLACEHOLDERS.get(column.name, ""), column.required))
    return tuple(specs)


def blank_values() -> dict[str, object]:
    """The values of an empty form: ``None`` for dates, ``""`` for everything else."""
    return {c.name: (None if c.kind == "date" else "") for c in schema.COLUMNS}


# ---------------------------------------------------------------------------- validation
def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def field_problem(name: str, value: object) -> str | None:
    """What is wrong with one field's value on its own, or ``None``.

    Uses the loader's cell parsers, so the form accepts exactly what a log file
    may hold ("1h 15" minutes, "Zoom" for video, "3/12/2025" for a date).

    Parameters
    ----------
    name : str
        A schema column.
    value : object
        What the field holds: text, a :class:`datetime.date` or ``None``.

    Returns
    -------
    str or None
        The problem in the loader's words (``"should be between 1 and 240"``), or
        ``None`` when the value is fine. A blank required field gives its
        "is required" problem.
    """
    column = schema.BY_NAME[name]
    if _is_blank(value):
        if column.required:
            return f"{column.label} is required: write the name of the person you approached" \
                if name == "contact" else f"{column.label} is required"
        return None
    if column.kind == "int":
        return parse_int(value, column)[1]
    if column.kind == "date":
        return parse_date(value)[1]
    if column.kind == "category":
        if schema.normalize_category(name, value) is None:
            allowed = ", ".join(category_label(c) for c in column.categories)
            return f"is not one of: {allowed}"
    return None


def form_problems(values: Mapping[str, object]) -> dict[str, str]:
    """Every problem of a filled-in form, by field.

    First each field on its own (:func:`field_problem`); then the rules that involve
    several fields (a completed interview needs its date, the thank-you cannot come
    before the interview), taken from :func:`infoview_lib.io.check_log` on the row,
    so the form applies exactly the loader's rules.

    Parameters
    ----------
    values : mapping
        Field name → value, as the form holds them (see :func:`blank_values`).

    Returns
    -------
    dict
        Field name → problem (the loader's words, without the value); empty when the
        row can be saved.
    """
    from .io import check_log

    problems: dict[str, str] = {}
    for name in schema.COLUMN_NAMES:
        problem = field_problem(name, values.get(name))
        if problem:
            problems[name] = problem
    clean = {name: values.get(name) for name in schema.COLUMN_NAMES
             if name not in problems and not _is_blank(values.get(name))}
    if clean:
        found = check_log(pd.DataFrame([clean]))
        for record in found.itertuples(index=False):
            column = schema.resolve_header(record.column) if isinstance(record.column, str) \
                else None
            if column and column not in problems:
                problems[column] = str(record.problem)
    return problems


def problem_text(name: str, value: object, problem: str) -> str:
    """The sentence shown next to a field: ``"Problem: '300' should be between 1 and 240."``.

    The word "Problem" carries the meaning, so nothing depends on colour.
    """
    column = schema.BY_NAME[name]
    sentence = problem.rstrip(".")
    if problem.startswith(("should", "is not")) and not _is_blank(value):
        shown = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
        sentence = f"{shown!r} {sentence}"
    elif problem.startswith(("should", "is not")):
        sentence = f"{column.label} {sentence}"
    else:
        sentence = sentence[:1].upper() + sentence[1:]
    return f"Problem: {sentence}."


def problem_summary(name: str, value: object, problem: str) -> str:
    """A field's problem for the list under the form: ``"Duration (minutes): '300' ..."``."""
    text = problem_text(name, value, problem).removeprefix("Problem: ")
    label = schema.BY_NAME[name].label
    return text if text.startswith(label) else f"{label}: {text}"


# ---------------------------------------------------------------------------- form <-> log
def to_fields(values: Mapping[str, object]) -> dict[str, object]:
    """The cells to save for a form's values: blanks left out, text stripped.

    Dates become :class:`datetime.date`, whole numbers ``int`` and categories their
    value (``"in_person"``). Call it only when :func:`form_problems` is empty.
    """
    fields: dict[str, object] = {}
    for column in schema.COLUMNS:
        value = values.get(column.name)
        if _is_blank(value):
            continue
        if column.kind == "int":
            fields[column.name] = parse_int(value, column)[0]
        elif column.kind == "date":
            stamp = parse_date(value)[0]
            fields[column.name] = stamp.date() if stamp == stamp.normalize() else stamp
        elif column.kind == "category":
            fields[column.name] = schema.normalize_category(column.name, value)
        else:
            fields[column.name] = str(value).strip()
    return fields


def row_to_values(row: pd.Series) -> dict[str, object]:
    """The form's values for one row of a loaded log (to edit it).

    Dates become :class:`datetime.date` (the date picker's type), numbers text,
    blanks ``""`` (or ``None`` for dates).
    """
    values = blank_values()
    for column in schema.COLUMNS:
        value = row.get(column.name)
        if _is_blank(value):
            continue
        if column.kind == "date":
            values[column.name] = pd.Timestamp(value).date()
        elif column.kind == "int":
            values[column.name] = str(int(value))
        else:
            values[column.name] = str(value)
    return values


def row_number(position: int) -> int:
    """The spreadsheet row of the log's row at ``position`` (the header is row 1)."""
    return int(position) + 2


def _date_text(value: object) -> str:
    return "" if _is_blank(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def row_choices(log: pd.DataFrame) -> list[tuple[str, int]]:
    """Choices for the row picker: ``("Row 7: Ana Ruiz, Northwind Labs, 2025-03-04", 5)``.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.

    Returns
    -------
    list of (str, int)
        One ``(label, position)`` per row, newest row last; the label names the row
        as the spreadsheet numbers it, then the contact, organization and the
        interview (or outreach) date when there is one.
    """
    choices = []
    for position in range(len(log)):
        row = log.iloc[position]
        parts = [str(row["contact"]) if not _is_blank(row["contact"]) else "(no name)"]
        if not _is_blank(row.get("organization")):
            parts.append(str(row["organization"]))
        when = row.get("interview_date")
        when = when if not _is_blank(when) else row.get("outreach_date")
        if not _is_blank(when):
            parts.append(_date_text(when))
        choices.append((f"Row {row_number(position)}: " + ", ".join(parts), position))
    return choices


def _shown(rows: pd.DataFrame, first_position: int) -> pd.DataFrame:
    shown: dict[str, list] = {"Row": [row_number(first_position + i) for i in range(len(rows))]}
    for name in SHOWN_COLUMNS:
        column = schema.BY_NAME[name]
        values = rows[name]
        if column.kind == "date":
            text = [_date_text(v) for v in values]
        elif column.kind == "category":
            text = ["" if _is_blank(v) else category_label(v) for v in values]
        else:
            text = ["" if _is_blank(v) else str(v) for v in values]
        shown[column.label] = text
    return pd.DataFrame(shown)


def last_rows(log: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The last ``n`` rows of a log as shown after a save: labelled columns, text cells.

    ``Row`` (the row number in the spreadsheet), then the schema labels of
    :data:`SHOWN_COLUMNS`; dates are ``YYYY-MM-DD``, categories their labels and
    blanks empty.
    """
    tail = log.tail(n)
    return _shown(tail, len(log) - len(tail))


def first_rows(log: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The first ``n`` rows of a log, shown as :func:`last_rows` shows the last ones."""
    return _shown(log.head(n), 0)


def rows_html(table: pd.DataFrame, caption: str) -> str:
    """An HTML table of :func:`last_rows` or :func:`first_rows`, with a caption; escaped."""
    from .docs import table_html

    return table_html(table, caption)


def last_rows_html(log: pd.DataFrame, n: int = 5) -> str:
    """:func:`last_rows` as an HTML table with a caption; every cell is escaped."""
    if log.empty:
        return "<p>The log has no rows yet.</p>"
    table = last_rows(log, n)
    noun = "row" if len(log) == 1 else "rows"
    return rows_html(table, f"The last {len(table)} of {len(log)} {noun} in your log")


# ---------------------------------------------------------------------------- notebook 03
def make_practice_log(name: str = PRACTICE_LOG_NAME, *, sample: str | os.PathLike | None = None,
                      workspace: str | os.PathLike | None = None) -> Path:
    """Copy the sample log into the workspace to practise on, unless it is there already.

    The bundled sample is never written to: the form and the importers in notebook 03
    work on this copy. Running the notebook again keeps what you added.

    Parameters
    ----------
    name : str, default "practice_log.csv"
        The copy's file name.
    sample : path-like, optional
        The log to copy; default :func:`infoview_lib.paths.sample_log_path`.
    workspace : path-like, optional
        The folder; default :func:`infoview_lib.paths.workspace_dir`.

    Returns
    -------
    pathlib.Path
        The practice log.

    Raises
    ------
    FileNotFoundError
        If there is no practice log yet and the sample is missing.
    """
    folder = Path(workspace) if workspace is not None else paths.workspace_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if target.exists():
        return target
    source = Path(sample) if sample is not None else paths.sample_log_path()
    if not source.exists():
        raise FileNotFoundError(f"No sample log at '{source}' to copy.")
    partial = folder / f".{name}.copying"
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    return target


# ---------------------------------------------------------------------------- checking a file
#: How to fix each kind of problem the loader reports, matched on its wording
#: (:mod:`infoview_lib.convert` and :mod:`infoview_lib.readers`), first match wins.
_ADVICE: tuple[tuple[str, str], ...] = (
    (r"is not a date the kit can read",
     "Retype the date as year-month-day, like 2025-03-12 (3/12/2025 works too), or set "
     "the column's format to Date in your spreadsheet."),
    (r"is not a real date",
     "Check the day and the month: that day is not in the calendar. Type it as "
     "year-month-day, like 2025-03-12."),
    (r"is not a plausible date",
     "Check the year: it is probably a typo (2205 for 2025)."),
    (r"is not a real time of day",
     "Leave the time out, or write it as hours:minutes, like 14:30."),
    (r"should be between 1 and 240",
     "Type the length of the conversation in whole minutes, from 1 to 240 (an hour is 60); "
     "leave the cell empty if you do not know."),
    (r"should be between (\d+) and (\d+)",
     "Type a whole number from {0} to {1}, or leave the cell empty."),
    (r"should be (\d+) or more",
     "Type a whole number of at least {0} (0 when there were none), or leave the cell "
     "empty."),
    (r"should be (\d+) or less",
     "Type a whole number of at most {0}, or leave the cell empty."),
    (r"should be a whole number",
     "Type digits only, like 30 or 2 (no words or decimals), or leave the cell empty."),
    (r"is not one of",
     "Use one of: {allowed} ({examples} work too), or leave the cell empty."),
    (r"column 'contact' is entirely blank",
     "Fill in the contact column: every row needs the name of the person you approached."),
    (r"is required",
     "Write the name of the person you approached in this row, or delete the row if it "
     "is not about anyone."),
    (r"completed interview needs its interview date",
     "Add the date you met; if the conversation has not happened yet, change the status "
     "to scheduled."),
    (r"thank-you date is before the interview date",
     "Check both dates: the thank-you note goes out after the conversation, so one of "
     "them has a typo (or its day and month are swapped)."),
    (r"required column '(\w+)' is missing",
     "Add a column headed {label} (or rename the column that holds it), with one value "
     "per row."),
    (r"appears twice",
     "Two columns have the same header: rename or delete one of them."),
    (r"both mean",
     "Two columns hold the same thing: delete one, or rename it if it means something "
     "else."),
    (r"cells but the header has",
     "A value in this row contains the separator: save the file again from your "
     "spreadsheet program (it adds the quotes), or put the value in double quotes."),
    (r"encoding",
     "In your spreadsheet program choose Save As > CSV UTF-8, then check again."),
    (r"binary file|not a readable|not valid JSON|JSON log must be",
     "Open the file in your spreadsheet program and save it as CSV (UTF-8) or Excel "
     "(.xlsx), then check again."),
    (r"file is empty|no header row|first sheet is empty",
     "Start the file with a header row, such as contact,organization,status, then one row "
     "per person."),
    (r"is a folder",
     "Give the path of one log file inside the folder."),
    (r"is not a column of the log",
     "Use one of the log's columns (see the table of columns above)."),
    (r"No such file",
     "Check the file's name and folder; a path relative to the notebook's folder works, "
     "or use the upload button instead."),
)

#: Other spellings the loader understands, named in the advice for a category.
_SYNONYM_EXAMPLES = {"mode": "Zoom or coffee chat", "status": "done or ghosted",
                     "source": "alumna or cold email"}

#: Advice for a problem of a kind not listed in :data:`_ADVICE`.
DEFAULT_ADVICE = "Correct the cell in your spreadsheet, save it, and check again."


def how_to_fix(problem: str, column: str | None = None) -> str:
    """One sentence saying how to fix a problem the loader reported.

    Parameters
    ----------
    problem : str
        The ``problem`` text of a row of :func:`infoview_lib.io.check_log`.
    column : str, optional
        The header the problem is in; names the allowed values of a category.

    Returns
    -------
    str
        A sentence in the imperative ("Type the length of the conversation in whole
        minutes, ..."); :data:`DEFAULT_ADVICE` for an unknown kind of problem.

    Examples
    --------
    >>> how_to_fix("is not one of: in_person, phone, video", "Mode")
    'Use one of: In person, Phone, Video (Zoom or coffee chat work too), or leave the cell empty.'
    """  # noqa: E501
    text = str(problem)
    for pattern, advice in _ADVICE:
        match = re.search(pattern, text)
        if not match:
            continue
        if "{allowed}" in advice:
            name = schema.resolve_header(column) if column else None
            if name in schema.CATEGORY_COLUMNS:
                allowed = ", ".join(category_label(c) for c in schema.BY_NAME[name].categories)
            else:
                allowed = text.split("is not one of:", 1)[-1].strip().rstrip(".")
            examples = _SYNONYM_EXAMPLES.get(name, "other usual spellings")
            return advice.format(allowed=allowed, examples=examples)
        if "{label}" in advice:
            missing = schema.BY_NAME.get(match.group(1))
            return advice.format(label=missing.label if missing else match.group(1))
        return advice.format(*match.groups())
    return DEFAULT_ADVICE


def problems_with_advice(problems: pd.DataFrame) -> pd.DataFrame:
    """A problems table with a ``how_to_fix`` column added (see :func:`how_to_fix`)."""
    table = problems.reset_index(drop=True).copy()
    table["how_to_fix"] = pd.Series(
        [how_to_fix(p, c if isinstance(c, str) else None)
         for p, c in zip(table["problem"], table["column"], strict=True)],
        index=table.index, dtype="string")
    return table


@dataclass
class SpreadsheetReport:
    """What checking one spreadsheet found (see :func:`check_spreadsheet`).

    Attributes
    ----------
    name : str
        The file's name.
    problems : pandas.DataFrame
        ``row``, ``column``, ``value``, ``problem``, ``how_to_fix``; empty when the
        file loads cleanly.
    log : pandas.DataFrame or None
        The loaded log when there are no problems.
    numbers : dict
        Headline label → number as text (people, outreach, interviews, rates...),
        from :func:`infoview_lib.metrics.summary`; empty when there are problems.
    status_counts : pandas.DataFrame
        ``Status`` (label) and ``Rows``, every status listed; empty with problems.
    """

    name: str
    problems: pd.DataFrame
    log: pd.DataFrame | None = None
    numbers: dict[str, str] | None = None
    status_counts: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        """Whether the file loads with no problem."""
        return self.log is not None and self.problems.empty


def _format_number(key: str, value: object) -> str:
    from .metrics import RATE_KEYS

    if key in RATE_KEYS:
        return "nothing to measure yet" if pd.isna(value) else f"{float(value):.0%}"
    return f"{int(value):,}"


def headline_numbers(log: pd.DataFrame, as_of: object = None) -> dict[str, str]:
    """The headline numbers of a log, labelled and formatted as text.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log.
    as_of : date-like, optional
        The day rates and due follow-ups are counted at; default today.

    Returns
    -------
    dict
        ``{"Rows": "40", "People in the log": "38", ..., "Response rate": "71%"}``:
        the row count, then :data:`infoview_lib.metrics.SUMMARY_LABELS` in order.
    """
    from .metrics import SUMMARY_LABELS, summary

    numbers = summary(log, as_of=as_of)
    shown = {"Rows": f"{len(log):,}"}
    for key, label in SUMMARY_LABELS.items():
        shown[label] = _format_number(key, numbers[key])
    return shown


def status_counts(log: pd.DataFrame) -> pd.DataFrame:
    """How many rows have each status (every status listed, blanks last)."""
    counts = log["status"].value_counts(dropna=True)
    rows = [(category_label(s), int(counts.get(s, 0))) for s in schema.STATUSES]
    blank = int(log["status"].isna().sum())
    if blank:
        rows.append(("(no status)", blank))
    return pd.DataFrame(rows, columns=["Status", "Rows"])


def check_spreadsheet(source, name: str | None = None, *, as_of: object = None
                      ) -> SpreadsheetReport:
    """Check a student's own log file and say what to fix, or sum it up.

    Reads it once with :func:`infoview_lib.io.load_log`; a file with problems gives the
    same table as :func:`infoview_lib.io.check_log`, with advice added.

    Parameters
    ----------
    source : str, path-like or file-like
        A path, or an open file (an upload's bytes in :class:`io.BytesIO`; its
        ``name`` attribute tells the format by its extension).
    name : str, optional
        The name to report; default the file's name.
    as_of : date-like, optional
        Passed to :func:`headline_numbers`.

    Returns
    -------
    SpreadsheetReport
        A missing path is reported as a problem, not raised.
    """
    from .errors import LogValidationError, problems_frame
    from .io import load_log

    if name is None:
        name = Path(str(source)).name if isinstance(source, str | os.PathLike) \
            else Path(str(getattr(source, "name", "the uploaded file"))).name
    try:
        log = load_log(source)
    except FileNotFoundError:
        where = Path(source).expanduser().resolve() if isinstance(source, str | os.PathLike) \
            else source
        missing = problems_frame([{"row": None, "column": None, "value": None,
                                   "problem": f"No such file: '{where}'"}])
        return SpreadsheetReport(name, problems_with_advice(missing))
    except LogValidationError as error:
        return SpreadsheetReport(name, problems_with_advice(error.problems))
    empty = problems_with_advice(problems_frame())
    return SpreadsheetReport(name, empty, log, headline_numbers(log, as_of=as_of),
                             status_counts(log))
