"""LinkedIn's ``Connections.csv`` (Settings → Data privacy → Get a copy of your data).

Two layouts exist in the wild and both are read:

* the current export: a few ``Notes:`` lines, a blank line, then the header
  ``First Name,Last Name,URL,Email Address,Company,Position,Connected On`` and dates
  such as ``03 May 2024``, newest connection first;
* the 2018-era export: the header on the first line, no ``URL`` column, and dates such as
  ``1/8/18, 6:14 PM``.

The header line is found by its content, never by skipping a fixed number of lines.
Connections whose name is hidden (blank first and last name, but a date) are kept: they
still count as connections.
"""

from __future__ import annotations

import csv

import pandas as pd

from .. import schema
from ..errors import LogValidationError, problems_frame
from ._common import as_text_stream, decode, read_bytes, single_problem, typed_log_rows

__all__ = [
    "CONNECTION_COLUMNS",
    "read_linkedin_connections",
    "connections_growth",
    "connections_to_log_rows",
]

#: The columns of :func:`read_linkedin_connections`'s result, in order.
CONNECTION_COLUMNS = (
    "first_name", "last_name", "url", "email", "company", "position", "connected_on",
)

# Normalised LinkedIn header -> our column.
_HEADERS = {
    "firstname": "first_name",
    "lastname": "last_name",
    "url": "url",
    "profileurl": "url",
    "emailaddress": "email",
    "email": "email",
    "company": "company",
    "position": "position",
    "connectedon": "connected_on",
}
_NEEDED = ("first_name", "last_name", "connected_on")
_EXPECTED_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
_HEADER_SEARCH_LINES = 30

# Date forms LinkedIn has used: "03 May 2024" (current) and "1/8/18, 6:14 PM" (2018).
_DATE_FORMATS = (
    "%d %b %Y",
    "%d %B %Y",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%Y-%m-%d",
)


def read_linkedin_connections(path) -> pd.DataFrame:
    """Read a LinkedIn ``Connections.csv`` export.

    Parameters
    ----------
    path : str, os.PathLike, bytes or file-like
        The export (UTF-8, with or without a byte-order mark), its bytes, or an open file.

    Returns
    -------
    pandas.DataFrame
        One row per connection, in file order (LinkedIn lists the newest first), with
        columns ``first_name``, ``last_name``, ``url``, ``email``, ``company``,
        ``position`` (``string`` dtype, ``<NA>`` when blank or, for ``url`` in the
        2018 layout, absent) and ``connected_on`` (``datetime64[ns]``).
        Cells are stripped of surrounding spaces; quoted commas and doubled quotes are
        kept as written; wholly blank lines are skipped.

    Raises
    ------
    FileNotFoundError
        If the path does not exist.
    LogValidationError
        If the file is not a connections export (no ``First Name, Last Name, …,
        Connected On`` header line in its first lines), or some rows cannot be read
        (too many cells, a date that is not a date). ``.problems`` names each line.

    Examples
    --------
    >>> from infoview_lib import linkedin_sample_path
    >>> connections = read_linkedin_connections(linkedin_sample_path())
    >>> list(connections.columns)[:2]
    ['first_name', 'last_name']
    """
    data, source = read_bytes(path)
    text = decode(data)
    lines = text.splitlines(keepends=True)
    found = _find_header(lines)
    if found is None:
        first = next((line.strip() for line in lines if line.strip()), "")
        problem = (
            "this is not a LinkedIn connections export: no header line "
            f"'{_EXPECTED_HEADER}' (or the older one without URL) was found in its first "
            f"{_HEADER_SEARCH_LINES} lines"
            + (f" (its first line reads {first[:60]!r})" if first else " (the file is empty)")
            + ". Use Connections.csv from LinkedIn's 'Get a copy of your data'."
        )
        raise single_problem(source, problem)
    header_index, fields = found
    body = "".join(lines[header_index:])
    return _parse_body(body, fields, header_line=header_index + 1, source=source)


def _find_header(lines: list[str]) -> tuple[int, list[str | None]] | None:
    """Return the index of the header line and the column each of its cells maps to."""
    for index, line in enumerate(lines[:_HEADER_SEARCH_LINES]):
        if "," not in line:
            continue
        try:
            cells = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            continue
        fields = [_HEADERS.get(schema.normalize_header(cell)) for cell in cells]
        if all(name in fields for name in _NEEDED):
            return index, fields
    return None


def _parse_body(body: str, fields: list[str | None], header_line: int,
                source: str) -> pd.DataFrame:
    reader = csv.reader(as_text_stream(body))
    next(reader)  # the header itself
    width = len(fields)
    columns: dict[str, list] = {name: [] for name in CONNECTION_COLUMNS}
    lines: list[int] = []
    problems: list[dict] = []
    line_before = reader.line_num
    try:
        for cells in reader:
            line_number = header_line + line_before  # first line of this record
            line_before = reader.line_num
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue
            if len(cells) > width and any(cells[width:]):
                problems.append({
                    "row": line_number, "column": None, "value": ",".join(cells)[:80],
                    "problem": f"this line has {len(cells)} cells but the header has {width};"
                               " a company or position with a comma must be in quotes",
                })
                continue
            cells = (cells + [""] * width)[:width]
            record = {name: None for name in CONNECTION_COLUMNS}
            for name, cell in zip(fields, cells, strict=True):
                if name is not None and record[name] is None and cell != "":
                    record[name] = cell
            for name in CONNECTION_COLUMNS:
                columns[name].append(record[name])
            lines.append(line_number)
    except csv.Error as error:
        problems.append({"row": header_line + reader.line_num, "column": None, "value": None,
                         "problem": f"the file cannot be read as CSV here: {error}"})
    frame = pd.DataFrame(
        {name: pd.Series(columns[name], dtype=pd.StringDtype())
         for name in CONNECTION_COLUMNS if name != "connected_on"}
    )
    dates, bad = _parse_dates(pd.Series(columns["connected_on"], dtype=object))
    for position in bad:
        problems.append({
            "row": lines[position], "column": "Connected On",
            "value": columns["connected_on"][position],
            "problem": "not a date LinkedIn writes (expected like '03 May 2024' or "
                       "'1/8/18, 6:14 PM')",
        })
    if problems:
        problems.sort(key=lambda record: record["row"])
        raise LogValidationError(problems_frame(problems), source=source)
    frame["connected_on"] = dates
    return frame[list(CONNECTION_COLUMNS)]


def _parse_dates(values: pd.Series) -> tuple[pd.Series, list[int]]:
    """Parse each cell with the first date form that fits; return the dates and bad positions."""
    text = values.astype("string")
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    todo = text.notna()
    for form in _DATE_FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=form, errors="coerce")
        hit = parsed.notna()
        result.loc[hit[hit].index] = parsed[hit].astype("datetime64[ns]")
        todo.loc[hit[hit].index] = False
    bad = [int(i) for i in todo[todo].index]
    return result, bad


def connections_growth(connections: pd.DataFrame, freq: str = "M") -> pd.DataFrame:
    """Count new connections per period and the running total, for a growth chart.

    Parameters
    ----------
    connections : pandas.DataFrame
        The result of :func:`read_linkedin_connections` (needs ``connected_on``).
    freq : str, default "M"
        A pandas period alias: ``"W"``, ``"M"``, ``"Q"`` or ``"Y"`` (``"ME"``, ``"QE"``
        and ``"YE"`` are accepted too).

    Returns
    -------
    pandas.DataFrame
        One row per period from the first connection's to the last one's, empty
        periods included, oldest first: ``period`` (pandas ``Period``),
        ``new_connections`` and ``total`` (the connections made up to the period's
        end). Connections without a date cannot be placed and are not counted.
    """
    freq = {"ME": "M", "QE": "Q", "YE": "Y", "A": "Y", "AS": "Y", "MS": "M"}.get(freq, freq)
    dates = pd.to_datetime(connections["connected_on"]).dropna()
    if dates.empty:
        return pd.DataFrame({
            "period": pd.Series([], dtype=f"period[{freq}]"),
            "new_connections": pd.Series([], dtype="int64"),
            "total": pd.Series([], dtype="int64"),
        })
    periods = dates.dt.to_period(freq)
    counts = periods.value_counts()
    full = pd.period_range(periods.min(), periods.max(), freq=freq)
    new = counts.reindex(full, fill_value=0).astype("int64")
    return pd.DataFrame({
        "period": full,
        "new_connections": new.to_numpy(),
        "total": new.cumsum().to_numpy(),
    })


def connections_to_log_rows(connections: pd.DataFrame, source: str = "linkedin") -> pd.DataFrame:
    """Turn LinkedIn connections into ``planned`` log rows: people you could approach.

    Parameters
    ----------
    connections : pandas.DataFrame
        The result of :func:`read_linkedin_connections`.
    source : str, default "linkedin"
        The ``source`` category to record (any spelling the schema understands,
        e.g. ``"alumni"``).

    Returns
    -------
    pandas.DataFrame
        A log (every schema column, canonical dtypes) with one ``planned`` row per
        connection whose name is visible: ``contact`` is first and last name,
        ``organization`` the company, ``role`` the position, ``notes`` when you
        connected. Connections with a hidden name are left out (there is no one to
        write to). Merge them into a log with :func:`merge_into_log`.

    Raises
    ------
    ValueError
        If ``source`` is not one of the log's sources.
    """
    category = schema.normalize_category("source", source)
    if category is None:
        raise ValueError(
            f"source {source!r} is not one of: {', '.join(schema.SOURCES)}"
        )
    first = connections["first_name"].astype("string").fillna("").str.strip()
    last = connections["last_name"].astype("string").fillna("").str.strip()
    contact = (first + " " + last).str.strip()
    dates = pd.to_datetime(connections["connected_on"])
    records = []
    for index in contact.index:
        name = contact[index]
        if not name:
            continue
        when = dates[index]
        notes = (f"LinkedIn connection since {when:%d %b %Y}." if pd.notna(when)
                 else "LinkedIn connection.")
        records.append({
            "contact": " ".join(name.split()),
            "organization": connections.at[index, "company"],
            "role": connections.at[index, "position"],
            "source": category,
            "status": "planned",
            "notes": notes,
        })
    return typed_log_rows(records)
