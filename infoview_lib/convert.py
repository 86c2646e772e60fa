"""Turn a :class:`~infoview_lib.readers.RawTable` into a typed log plus a problems table.

Every rule reads :mod:`infoview_lib.schema`. Cells are converted per *distinct*
value (a log of a million rows has a few hundred distinct dates), so the loader
stays vectorised: Python only ever looks at unique values that the fast pandas
parsers could not read, to say precisely what is wrong with them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import string
from typing import NamedTuple

import numpy as np
import pandas as pd

from .errors import problems_frame
from .formulas import unescape_series
from .parallel import map_columns
from .readers import RawTable
from .schema import (
    BY_NAME,
    COLUMN_NAMES,
    REQUIRED,
    Column,
    category_lookup,
    dtype_of,
    normalize_header,
    resolve_header,
)

EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_NUMERIC_DATE = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?)?$", re.I)
_DAY_MONTH_YEAR = re.compile(r"^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?,?"
                             r"[\s\-]+(\d{4})$", re.I)
_MONTH_DAY_YEAR = re.compile(r"^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+"
                             r"(\d{4})$", re.I)
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_MINUTES = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(?:m|min|mins|minute|minutes)?\.?$", re.I)
_HOURS = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours)"
                    r"(?:\s*(?:and\s*)?(\d{1,2})\s*(?:m|min|mins|minutes)?)?\.?$", re.I)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")

PLAUSIBLE_FROM = np.datetime64("1900-01-01", "ns")
PLAUSIBLE_UNTIL = np.datetime64("2201-01-01", "ns")
DATE_HINT = "write dates like 2025-03-12 (or 3/12/2025)"


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


# ---------------------------------------------------------------------------- cell parsers
def parse_date(value) -> tuple[pd.Timestamp | None, str | None]:
    """Read one date cell. Returns ``(timestamp, None)`` or ``(None, what is wrong)``."""
    if isinstance(value, pd.Timestamp | dt.datetime):
        stamp = pd.Timestamp(value)
        return (stamp.tz_localize(None) if stamp.tzinfo else stamp), None
    if isinstance(value, dt.date):
        return pd.Timestamp(value), None
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
        return _from_serial(float(value))
    text = str(value).strip()
    if _SERIAL.match(text):
        return _from_serial(float(text))
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.group(1, 2, 3))
        hour, minute, second = (int(g or 0) for g in match.group(4, 5, 6))
        return _build(text, year, month, day, hour, minute, second)
    if match := _NUMERIC_DATE.match(text):
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        year = year + 2000 if year < 100 else year
        month, day = (second, first) if first > 12 >= second else (first, second)
        hour, minute = int(match.group(4) or 0), int(match.group(5) or 0)
        if (meridiem := (match.group(6) or "").lower().replace(".", "")) and hour <= 12:
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        return _build(text, year, month, day, hour, minute, 0)
    if match := _DAY_MONTH_YEAR.match(text):
        month = _MONTHS.get(match.group(2).lower())
        if month:
            return _build(text, int(match.group(3)), month, int(match.group(1)), 0, 0, 0)
    if match := _MONTH_DAY_YEAR.match(text):
        month = _MONTHS.get(match.group(1).lower())
        if month:
            return _build(text, int(match.group(3)), month, int(match.group(2)), 0, 0, 0)
    return None, f"is not a date the kit can read; {DATE_HINT}"


def _from_serial(serial: float) -> tuple[pd.Timestamp | None, str | None]:
    if 1 <= serial < 2958466:
        stamp = EXCEL_EPOCH + pd.Timedelta(days=serial)
        return stamp.round("min"), None
    return None, f"is not a date the kit can read; {DATE_HINT}"


def _build(text, year, month, day, hour, minute, second):
    if not 1 <= month <= 12:
        return None, f"is not a real date: there is no month {month}; {DATE_HINT}"
    if not 1900 <= year <= 2200:
        return None, f"is not a plausible date (year {year}); {DATE_HINT}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return None, (f"is not a real date: {calendar.month_name[month]} {year} has "
                      f"{last} days")
    try:
        return pd.Timestamp(year, month, day, hour, minute, second), None
    except ValueError:
        return None, f"is not a real time of day; {DATE_HINT}"


def parse_int(value, column: Column) -> tuple[int | None, str | None]:
    """Read one whole-number cell (``"45"``, ``"45 min"``, ``"1h 15"``, ``45.0``)."""
    if isinstance(value, bool):
        return None, "should be a whole number"
    if isinstance(value, int | np.integer):
        number = float(value)
    elif isinstance(value, float | np.floating):
        number = float(value)
    else:
        text = str(value).strip()
        number = None
        if match := _MINUTES.match(text):
            number = float(match.group(1))
        elif column.name == "duration_min" and (match := _HOURS.match(text)):
            number = float(match.group(1)) * 60 + float(match.group(2) or 0)
        elif column.name == "duration_min" and (match := _CLOCK.match(text)):
            number = int(match.group(1)) * 60 + int(match.group(2))
        if number is None:
            return None, "should be a whole number" + (
                " of minutes, like 30" if column.name == "duration_min" else ", like 2")
    if not float(number).is_integer():
        return None, "should be a whole number"
    return int(number), _range_problem(int(number), column)


def _range_problem(number: int, column: Column) -> str | None:
    low, high = column.minimum, column.maximum
    if low is not None and high is not None and not low <= number <= high:
        return f"should be between {low} and {high}"
    if low is not None and number < low:
        return f"should be {low} or more"
    if high is not None and number > high:
        return f"should be {high} or less"
    return None


# ---------------------------------------------------------------------------- columns
def _clean_text(series: pd.Series) -> pd.Series:
    """Strip, blank → NA, and remove the apostrophe that guards a formula-like cell.

    A Categorical stays Categorical (only its distinct values are cleaned); Arrow
    strings are only rewritten when a cheap scan finds something to clean.
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        return _clean_categorical(series)
    if isinstance(series.array, pd.arrays.ArrowStringArray):
        return _clean_arrow_strings(series)
    if not (series.dtype == object or pd.api.types.is_string_dtype(series.dtype)):
        series = series.astype(object)
    if series.dtype == object:
        series = series.map(_cell_to_text, na_action="ignore")
    text = series.astype("string").str.strip()
    text = text.mask(text == "")
    return unescape_series(text)


def _clean_categorical(series: pd.Series) -> pd.Series:
    if all(isinstance(c, str) and c and c == c.strip() and not c.startswith("'")
           for c in series.cat.categories):
        return series  # nothing to trim, blank or unescape (the usual case)
    categories = pd.Series(series.cat.categories, dtype=object)
    cleaned = _clean_text(categories) if len(categories) else categories.astype("string")
    if not cleaned.isna().any() and cleaned.is_unique and \
            (cleaned.astype(object) == categories).all():
        return series
    new_codes, uniques = pd.factorize(cleaned, use_na_sentinel=True)
    old_codes = series.cat.codes.to_numpy()
    codes = np.where(old_codes < 0, -1, new_codes[old_codes] if len(new_codes) else -1)
    return pd.Series(pd.Categorical.from_codes(codes, pd.Index(uniques, dtype=object)),
                     index=series.index)


def _clean_arrow_strings(series: pd.Series) -> pd.Series:
    """Clean Arrow-backed text, rewriting it only when a scan finds something to clean."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.chunked_array(series.array._pa_array)
    edges = _string_edges(array)
    if edges.may_need_trim:
        array = pc.utf8_trim_whitespace(array)
    if edges.may_need_trim or edges.has_empty:
        if pc.any(pc.equal(pc.binary_length(array), 0)).as_py():
            array = pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.string()), array)
    text = pd.Series(pd.arrays.ArrowStringArray(array), index=series.index)
    apostrophe = pc.any(pc.starts_with(array, pattern="'")).as_py() if edges.may_need_trim \
        else edges.may_start_with_apostrophe  # trimming may have uncovered one
    if apostrophe:
        text = unescape_series(text)
    return text


class _Edges(NamedTuple):
    may_need_trim: bool
    has_empty: bool
    may_start_with_apostrophe: bool


def _may_begin_space(byte: np.ndarray) -> bool:
    """Whether any of these bytes may begin a whitespace character.

    ASCII whitespace and the separators Python's ``str.isspace`` also counts are all
    ``<= 32`` (other control characters only cost a needless trim); every Unicode
    space begins with the UTF-8 lead byte C2 (U+0085, U+00A0), E1 (U+1680), E2
    (U+2000-U+205F) or E3 (U+3000).
    """
    return bool(((byte <= 32) | (byte == 0xC2) | ((byte >= 0xE1) & (byte <= 0xE3))).any())


def _string_edges(array) -> _Edges:
    """What cleaning a string column may involve, from each value's first and last byte.

    One gather over the Arrow buffers (offsets and bytes; no string is built) instead
    of a trim, an empty test and a prefix test over every value. A null slot's bytes,
    if it has any, can only make a needless trim or unescape, never skip one.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    trim = empty = apostrophe = False
    for chunk in array.chunks:
        if not len(chunk):
            continue
        _, offsets_buffer, data_buffer = chunk.buffers()
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        offsets = np.frombuffer(offsets_buffer, dtype=width)[
            chunk.offset:chunk.offset + len(chunk) + 1]
        starts, ends = offsets[:-1], offsets[1:]
        filled = ends > starts
        count = int(np.count_nonzero(filled))
        if not empty:  # exact without nulls; with them, ask pyarrow (nulls are skipped)
            empty = count < len(chunk) if not chunk.null_count else \
                bool(pc.any(pc.equal(pc.binary_length(chunk), 0)).as_py())
        if data_buffer is None or not count:
            continue
        if count < len(chunk):
            starts, ends = starts[filled], ends[filled]
        data = np.frombuffer(data_buffer, dtype=np.uint8)
        first, last = data[starts], data[ends - 1]
        apostrophe = apostrophe or bool((first == ord("'")).any())
        if trim:
            continue
        trim = _may_begin_space(first) or _may_begin_space(last)
        wide = last >= 0x80  # the last character takes two or three bytes
        if not trim and wide.any():
            starts, ends = starts[wide], ends[wide]
            trim = _may_begin_space(data[np.maximum(ends - 2, starts)]) or \
                _may_begin_space(data[np.maximum(ends - 3, starts)])
    return _Edges(trim, empty, apostrophe)


def as_string(series: pd.Series) -> pd.Series:
    """A cleaned text column as pandas ``string`` dtype, cheaply for Categoricals."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        import pyarrow as pa

        categories = pa.array(list(series.cat.categories), type=pa.string())
        codes = series.cat.codes.to_numpy()
        taken = categories.take(pa.array(codes, mask=codes < 0))
        return pd.Series(pd.arrays.ArrowStringArray(taken), index=series.index).astype("string")
    return series.astype("string")


def _cell_to_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp | dt.datetime) and value == pd.Timestamp(value).normalize():
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return str(value)


def _factorize(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Codes and distinct values; a Categorical already is one."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.codes.to_numpy(), pd.Index(series.cat.categories, dtype=object)
    return pd.factorize(series, use_na_sentinel=True)


def _convert_dates(series: pd.Series) -> tuple[pd.Series, dict]:
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        if getattr(series.dt, "tz", None) is not None:
            series = series.dt.tz_localize(None)
        series = series.astype("datetime64[ns]")
        stamps = series.to_numpy()
        odd = (stamps < PLAUSIBLE_FROM) | (stamps >= PLAUSIBLE_UNTIL)  # NaT compares False
        if not odd.any():
            return series, {}
        failures = {int(p): (series.iat[p], f"is not a plausible date (year "
                             f"{series.iat[p].year}); {DATE_HINT}") for p in np.flatnonzero(odd)}
        return series.mask(odd), failures
    codes, uniques = _factorize(series)
    values = pd.Series(uniques, dtype=object)
    text = values.astype("string")
    fast = pd.to_datetime(text.where(text.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)),
                          format="%Y-%m-%d", errors="coerce")
    parsed = pd.Series(fast.to_numpy(dtype="datetime64[ns]"), dtype="datetime64[ns]")
    failures = {}
    for position in np.flatnonzero(parsed.isna().to_numpy()):
        stamp, problem = parse_date(values.iat[position])
        if problem:
            failures[position] = (values.iat[position], problem)
        else:
            parsed.iat[position] = stamp
    out = parsed.to_numpy()[codes] if len(parsed) else np.full(len(codes), np.datetime64("NaT"),
                                                               dtype="datetime64[ns]")
    out = np.where(codes < 0, np.datetime64("NaT"), out)
    return pd.Series(out, index=series.index, dtype="datetime64[ns]"), \
        _failures_to_mask(codes, failures)


def _convert_ints(series: pd.Series, column: Column) -> tuple[pd.Series, dict]:
    if pd.api.types.is_integer_dtype(series.dtype):
        values = series.astype("Int64")
        bounds = [b for b in (column.minimum, column.maximum) if b is not None]
        if not bounds:
            return values, {}
        # a blank becomes a number inside the range, so only real cells can fall outside
        numbers = values.to_numpy(dtype="int64", na_value=bounds[0])
        outside = np.zeros(len(numbers), dtype=bool)
        if column.minimum is not None:
            outside |= numbers < column.minimum
        if column.maximum is not None:
            outside |= numbers > column.maximum
        if not outside.any():
            return values, {}
        failures = {int(p): (int(numbers[p]), _range_problem(int(numbers[p]), column))
                    for p in np.flatnonzero(outside)}
        return values.mask(outside), failures
    codes, uniques = _factorize(series)
    values = pd.Series(uniques, dtype=object)
    numbers = pd.to_numeric(values, errors="coerce")
    parsed = pd.array([pd.NA] * len(values), dtype="Int64")
    failures = {}
    for position, value in enumerate(values):
        number = numbers.iat[position]
        if pd.notna(number) and float(number).is_integer():
            whole, problem = int(number), _range_problem(int(number), column)
        else:
            whole, problem = parse_int(value, column)
        if problem:
            failures[position] = (value, problem)
        if whole is not None and not problem:
            parsed[position] = whole
    taken = pd.array(parsed, dtype="Int64").take(codes, allow_fill=True)
    return pd.Series(taken, index=series.index, dtype="Int64"), _failures_to_mask(codes, failures)


def _convert_category(series: pd.Series, column: Column) -> tuple[pd.Series, dict]:
    codes, uniques = _factorize(series)
    lookup = category_lookup(column.name)
    mapped = [lookup.get(normalize_header(v)) for v in uniques]
    allowed = ", ".join(column.categories)
    failures = {i: (v, f"is not one of: {allowed}") for i, (v, m) in
                enumerate(zip(uniques, mapped, strict=True)) if m is None}
    dtype = dtype_of(column)
    category_codes = np.array([dtype.categories.get_loc(m) if m else -1 for m in mapped],
                              dtype=np.int64)
    # a trailing -1 sends the missing code (-1) to missing in one gather
    final = np.append(category_codes, -1)[codes]
    result = pd.Categorical.from_codes(final, dtype=dtype, validate=False)
    return pd.Series(result, index=series.index), _failures_to_mask(codes, failures)


def _failures_to_mask(codes: np.ndarray, failures: dict) -> dict:
    """Map each failing unique value to the positions of the rows that hold it."""
    if not failures:
        return {}
    bad = np.isin(codes, list(failures))
    positions = np.flatnonzero(bad)
    return {int(p): failures[int(codes[p])] for p in positions}


# ---------------------------------------------------------------------------- the table
def canonicalize(raw: RawTable) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Typed log and problems table for a raw table (the log drops no non-blank row)."""
    problems: list[dict] = list(raw.problems)
    cells = raw.cells
    headers = raw.headers

    cleaned = dict(enumerate(map_columns(_clean_if_text,
                                          [cells[p] for p in range(len(headers))],
                                          rows=len(cells))))

    keep = _non_blank_rows(cleaned.values(), len(cells))
    row_numbers = raw.rows if keep is None else raw.rows[keep]

    mapping: dict[str, int] = {}
    extras: dict[str, int] = {}
    seen_headers: dict[str, int] = {}
    for position, header in enumerate(headers):
        letter = column_letter(position)
        if not header:
            if _kept(cleaned[position], keep).notna().any():
                extras[f"unnamed_{letter}"] = position
            continue
        key = header.casefold()
        if key in seen_headers:
            problems.append({"row": None, "column": header, "value": None, "problem":
                             f"the header '{header}' appears twice (columns "
                             f"{column_letter(seen_headers[key])} and {letter}); rename or "
                             "remove one"})
            continue
        seen_headers[key] = position
        canonical = resolve_header(header)
        if canonical is None:
            extras[header] = position
        elif canonical in mapping:
            other = headers[mapping[canonical]]
            problems.append({"row": None, "column": header, "value": None, "problem":
                             f"'{other}' (column {column_letter(mapping[canonical])}) and "
                             f"'{header}' (column {letter}) both mean '{canonical}'; keep one "
                             "of them"})
        else:
            mapping[canonical] = position

    found = [h for h in headers if h]
    for name in REQUIRED:
        if name not in mapping:
            aliases = ", ".join(BY_NAME[name].aliases[:4])
            problems.append({"row": None, "column": name, "value": None, "problem":
                             f"the required column '{name}' is missing (headers such as "
                             f"'{BY_NAME[name].label}' or {aliases} also work)"})

    n = len(cells) if keep is None else int(keep.sum())
    index = pd.RangeIndex(n)
    out: dict[str, pd.Series] = {}
    bad_cells: dict[str, np.ndarray] = {}
    present = [name for name in COLUMN_NAMES if name in mapping]
    converted = dict(zip(present, map_columns(
        _convert_column, [(BY_NAME[name], _kept(cleaned[mapping[name]], keep))
                          for name in present], rows=n), strict=True))
    for name in COLUMN_NAMES:
        column = BY_NAME[name]
        if name not in mapping:
            out[name] = pd.Series(pd.array([None] * n, dtype=dtype_of(column)), index=index) \
                if column.kind != "date" else pd.Series(pd.NaT, index=index,
                                                        dtype="datetime64[ns]")
            continue
        out[name], failures = converted[name]
        if column.kind == "text":
            continue
        mask = np.zeros(n, dtype=bool)
        for position, (value, problem) in failures.items():
            mask[position] = True
            problems.append({"row": int(row_numbers[position]),
                             "column": headers[mapping[name]],
                             "value": _show(value), "problem": problem})
        bad_cells[name] = mask

    log = pd.DataFrame(out, index=index, copy=False)  # copy-on-write keeps sources apart
    for name, position in extras.items():
        extra = _kept(cleaned[position], keep)
        log[name] = as_string(extra) if _textual(extra) else extra

    header_of = {name: headers[pos] for name, pos in mapping.items()}
    problems.extend(_row_rules(log, row_numbers, header_of, bad_cells))
    table = problems_frame(problems)
    if len(table):
        order = table["row"].fillna(0).astype("int64").argsort(kind="stable")
        table = table.iloc[order].reset_index(drop=True)
    table.attrs["columns_found"] = found
    return log, table


def _clean_if_text(column: pd.Series) -> pd.Series:
    return _clean_text(column) if _textual(column) else column


def _convert_column(job: tuple[Column, pd.Series]) -> tuple[pd.Series, dict]:
    """One cleaned column typed as the schema says, and its failures by position."""
    column, source = job
    if column.kind == "text":
        return as_string(source if _textual(source) else _clean_text(source)), {}
    if column.kind == "date":
        return _convert_dates(source)
    if column.kind == "int":
        return _convert_ints(source, column)
    return _convert_category(source, column)


def _non_blank_rows(columns, length: int) -> np.ndarray | None:
    """Mask of the rows with at least one cell, or ``None`` when no row is blank.

    A column without a single empty cell proves there is no blank row, so the usual
    case costs one null count per column.
    """
    columns = list(columns)
    if not length or any(not column.hasnans for column in columns):
        return None
    keep = np.zeros(length, dtype=bool)
    for column in columns:
        keep |= column.notna().to_numpy()
    return None if keep.all() else keep


def _kept(column: pd.Series, keep: np.ndarray | None) -> pd.Series:
    """``column`` without the blank rows, on a fresh 0..n-1 index."""
    return column.reset_index(drop=True) if keep is None else \
        column[keep].reset_index(drop=True)


def _textual(series: pd.Series) -> bool:
    return (series.dtype == object or pd.api.types.is_string_dtype(series.dtype)
            or isinstance(series.dtype, pd.CategoricalDtype))


def _show(value) -> str:
    if isinstance(value, pd.Timestamp | dt.datetime):
        return pd.Timestamp(value).isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _row_rules(log, row_numbers, header_of, bad_cells) -> list[dict]:
    problems = []

    def add(mask, column, values, problem):
        for position in np.flatnonzero(np.asarray(mask, dtype=bool)):
            value = values.iat[position] if values is not None else None
            problems.append({"row": int(row_numbers[position]),
                             "column": header_of.get(column, column),
                             "value": None if pd.isna(value) else _show(value),
                             "problem": problem})

    if "contact" in header_of and len(log):
        missing = log["contact"].isna().to_numpy()
        if missing.all() and len(log) > 1:
            problems.append({"row": None, "column": header_of["contact"], "value": None,
                             "problem": "the required column 'contact' is entirely blank: "
                                        "every row needs the name of the person you "
                                        "approached"})
        else:
            add(missing, "contact", None,
                "contact is required: write the name of the person you approached")
    status = log["status"].cat
    completed = status.codes.to_numpy() == status.categories.get_loc("completed")
    no_date = log["interview_date"].isna().to_numpy() & \
        ~bad_cells.get("interview_date", np.zeros(len(log), bool))
    add(completed & no_date, "interview_date", None,
        "a completed interview needs its interview date")
    thanked, interviewed = (log[name].to_numpy() for name in ("thank_you_date",
                                                              "interview_date"))
    thanked_early = thanked < interviewed  # NaT compares False
    # the same calendar day is not early, whatever the times of day
    earlier = np.flatnonzero(thanked_early)
    thanked_early[earlier] = thanked[earlier].astype("datetime64[D]") < \
        interviewed[earlier].astype("datetime64[D]")
    add(thanked_early, "thank_you_date", log["thank_you_date"],
        "the thank-you date is before the interview date")
    return problems
