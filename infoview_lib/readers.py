"""Read a log's cells as text, whatever file it comes in, and remember each row's number.

This is the first half of loading (:mod:`infoview_lib.io` is the public face; the
second half, :mod:`infoview_lib.convert`, turns the text into typed columns). A
:class:`RawTable` keeps the headers exactly as written (duplicates included) and
the row number each record has in the user's spreadsheet, so every problem found
later can point at the cell the student must fix.

CSV text is parsed with pyarrow (fast) when the file is regular, and with
Python's :mod:`csv` module when it is not (blank lines, ragged rows), which is
exact about row numbers and reports every ragged row.
"""

from __future__ import annotations

import csv
import io as _io
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import LogValidationError, problems_frame
from .parallel import map_columns
from .schema import BY_NAME, resolve_header

TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH_LINES = 10
HEAD_BYTES = 65536
BLOCK_BYTES = 1 << 22


@dataclass
class RawTable:
    """A log's cells as text, before any typing.

    Attributes
    ----------
    headers : list of str
        Column headers as written in the file (stripped), in file order.
    cells : pandas.DataFrame
        One column per header, positional names ``0..n-1``; string cells, ``NA`` for empty.
        Typed sources (Excel dates, Parquet) may carry typed values instead of text.
    rows : numpy.ndarray
        For each record, its row number as the user sees it (header row is 1 in a plain CSV).
    source : str
        A name for the source, for messages.
    problems : list of dict
        Problems found while reading (ragged rows), in the problems-table layout.
    """

    headers: list[str]
    cells: pd.DataFrame
    rows: np.ndarray
    source: str
    problems: list[dict]


def fail(source: str, problem: str, *, column: str | None = None, value=None,
         row: int | None = None) -> LogValidationError:
    """A :class:`LogValidationError` for one problem with a whole file."""
    frame = problems_frame([{"row": row, "column": column, "value": value, "problem": problem}])
    return LogValidationError(frame, source=source)


def read_raw(source) -> RawTable:
    """Read ``source`` (path, file-like object or DataFrame) into a :class:`RawTable`."""
    if isinstance(source, pd.DataFrame):
        return _from_frame(source, "the DataFrame")
    if isinstance(source, (str, os.PathLike)):
        return _read_path(Path(source))
    if hasattr(source, "read"):
        name = str(getattr(source, "name", "the uploaded file"))
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        return _read_bytes(bytes(data), name, suffix=Path(name).suffix.lower())
    raise TypeError(
        f"load_log needs a file path, an open file or a DataFrame, not {type(source).__name__}"
    )


def _read_path(path: Path) -> RawTable:
    if not path.exists():
        raise FileNotFoundError(f"No such file: '{path}'. Check the name and the folder.")
    name = path.name
    if path.is_dir():
        raise fail(name, f"'{path}' is a folder, not a log file. To read every log in a "
                         "folder, use load_class.")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for a broken file
            raise fail(name, f"this is not a readable Parquet file ({exc})") from None
        return _from_frame(frame, name)
    if suffix not in EXCEL_SUFFIXES:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
        if head.strip() and head[:4] not in (b"PK\x03\x04", b"PAR1"):
            fast = _read_utf8_fast(head, str(path), name, suffix)
            if fast is not None:
                return fast
    return _read_bytes(path.read_bytes(), name, suffix=suffix)


def _read_bytes(data: bytes, name: str, suffix: str) -> RawTable:
    if not data[:4096].strip() and not data.strip():
        raise fail(name, "the file is empty (0 bytes). A new log needs at least a header row "
                         "such as 'contact,organization,status'.")
    if data[:4] == b"PK\x03\x04" or suffix in EXCEL_SUFFIXES:
        return _read_excel(data, name)
    if data[:4] == b"PAR1":
        try:
            return _from_frame(pd.read_parquet(_io.BytesIO(data)), name)
        except Exception as exc:
            raise fail(name, f"this is not a readable Parquet file ({exc})") from None
    fast = _read_utf8_fast(data[:HEAD_BYTES], data, name, suffix)
    if fast is not None:
        return fast
    text, _ = decode_text(data, name)
    if suffix == ".json" or (suffix not in TEXT_SUFFIXES and text.lstrip()[:1] in "[{"):
        return _read_json(text, name)
    return read_delimited(text, name)


def _read_utf8_fast(head: bytes, source, name: str, suffix: str) -> RawTable | None:
    """Parse a regular UTF-8 delimited file with pyarrow, or return ``None``.

    ``head`` is the file's first bytes; ``source`` the whole file (bytes or a path,
    which pyarrow then reads itself, overlapping reading and parsing). pyarrow checks
    the UTF-8 and skips a BOM, so the file is never decoded in Python; any
    irregularity (another encoding, blank lines, ragged rows) falls back to the
    exact path.
    """
    if suffix == ".json" or head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head:
        return None
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
        if isinstance(source, bytes):
            source = source[3:]
    head_text = head.decode("utf-8", errors="ignore")
    if suffix not in TEXT_SUFFIXES and head_text.lstrip()[:1] in "[{":
        return None
    lines = head_text.splitlines()
    if len(head) >= HEAD_BYTES - 3:
        lines = lines[:-1]  # the last line may be cut
    if not lines:
        return None
    delimiter, header_index = _header_position(lines)
    return _read_with_pyarrow(lines[header_index], source, delimiter, header_index, name)


def _header_position(head: list[str]) -> tuple[str, int]:
    first = next((line for line in head if line.strip()), "")
    delimiter = sniff_delimiter(first)
    return delimiter, _find_header_line(head, delimiter)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    Returns the text and the encoding it was read with.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:65536]:
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = None
            if text is not None and not _looks_binary(text):
                return text, "cp1252"
            raise fail(name, "the file's text encoding is not one the kit knows (UTF-8, "
                             "UTF-16 or Windows-1252). In your spreadsheet, use "
                             "'Save As' > 'CSV UTF-8' and try again.") from None
    raise fail(name, "this is not a text spreadsheet: it looks like a binary file. Export "
                     "your log as CSV or Excel (.xlsx) and try again.")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return controls > max(3, len(sample) // 100)


def _find_header_line(lines: list[str], delimiter: str) -> int:
    """Index of the header among the first lines: the first with two known columns."""
    first_nonblank = None
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        if not line.strip(" \t\r\n" + delimiter):
            continue
        if first_nonblank is None:
            first_nonblank = index
        cells = next(csv.reader([line], delimiter=delimiter), [])
        known = {resolve_header(c) for c in cells} - {None}
        if len(known) >= 2 or "contact" in known:
            return index
    return first_nonblank or 0


def sniff_delimiter(header_line: str) -> str:
    """The delimiter the header line uses most: comma, semicolon, tab or pipe."""
    counts = {d: len(next(csv.reader([header_line], delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def read_delimited(text: str, name: str) -> RawTable:
    """Parse delimited text; the header is found among the first lines."""
    head = text[:65536].splitlines()
    delimiter, header_index = _header_position(head)
    table = _read_with_pyarrow(head[header_index], text.encode("utf-8"), delimiter,
                               header_index, name)
    if table is not None:
        return table
    return _read_with_csv_module(text, delimiter, header_index, name)


def _read_with_pyarrow(header_line: str, body, delimiter: str, header_index: int,
                       name: str) -> RawTable | None:
    """Parse with pyarrow, or return ``None`` for the exact path to decide.

    The schema's types come first (ISO dates and plain integers parse natively); if
    a cell does not fit, the text is read and the converter says what is wrong (a
    typed parse stops at the first block that does not fit). Each parse first lets
    pyarrow split the file at every line end (all cores parse at once), which is
    right only when no quoted cell holds a line break: the line count, taken on a
    thread while pyarrow parses, proves it; else the file is parsed again quote-aware.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    headers = next(csv.reader([header_line], delimiter=delimiter), [])
    width = len(headers)
    if width < 2:
        return None  # one column: a blank line would look like a row; let csv decide
    names = [f"c{i}" for i in range(width)]

    def parse(source, typed: bool, newlines_in_values: bool):
        return pacsv.read_csv(
            pa.py_buffer(source) if isinstance(source, bytes) else source,
            read_options=pacsv.ReadOptions(skip_rows=header_index + 1, column_names=names,
                                           block_size=BLOCK_BYTES),
            # A blank line makes a one-cell row, which pyarrow rejects: the exact csv
            # path then keeps the row numbers right.
            parse_options=pacsv.ParseOptions(delimiter=delimiter,
                                             newlines_in_values=newlines_in_values,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={n: _arrow_type(h, typed)
                              for n, h in zip(names, headers, strict=True)},
                strings_can_be_null=True, quoted_strings_can_be_null=False,
                null_values=[""], timestamp_parsers=[pacsv.ISO8601]),
        )

    failures = (pa.ArrowInvalid, pa.ArrowKeyError, ValueError, OSError)
    table = None
    counting = _count_records_meanwhile(body, header_index)
    for typed in (True, False):
        for newlines_in_values in (False, True):
            try:
                table = parse(body, typed, newlines_in_values)
            except failures as error:
                table = None
                if "conversion error" in str(error):
                    break  # a cell that does not fit its type: read text instead
                continue
            if newlines_in_values or table.num_rows == counting.result():
                break
            table = None
        if table is not None:
            break
    if table is None:
        return None
    table = table.unify_dictionaries()
    # copy=False: each column keeps its own block instead of being stacked into one
    columns = map_columns(_arrow_to_pandas, table.columns, rows=table.num_rows)
    cells = pd.DataFrame(dict(enumerate(columns)), copy=False)
    rows = np.arange(len(cells), dtype=np.int64) + header_index + 2
    return RawTable([h.strip() for h in headers], cells, rows, name, [])


def _count_records_meanwhile(body, header_index: int):
    """A future of :func:`_records_if_one_per_line`, counted on its own thread."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1)
    counting = pool.submit(_records_if_one_per_line, body, header_index)
    pool.shutdown(wait=False)  # the count goes on; the pool takes no more work
    return counting


def _records_if_one_per_line(body, header_index: int) -> int:
    """How many records the file holds if none spans two lines (``body``: bytes or path).

    Counts line feeds in blocks, at memory speed, without decoding the file.
    """
    data = np.frombuffer(body, dtype=np.uint8) if isinstance(body, bytes) else \
        np.memmap(body, dtype=np.uint8, mode="r")
    if not len(data):
        return 0
    line_feeds = sum(int(np.count_nonzero(data[start:start + BLOCK_BYTES] == 10))
                     for start in range(0, len(data), BLOCK_BYTES))
    lines = line_feeds + (data[-1] != 10)
    return int(lines) - header_index - 1


def _arrow_type(header: str, typed: bool):
    """How pyarrow reads a column: typed dates and counts, dictionaries for categories.

    Free text stays plain strings (cleaning it is a few vectorised passes); a category
    column has a handful of distinct values, so it is read as a dictionary and only
    those values are looked up.
    """
    import pyarrow as pa

    canonical = resolve_header(header)
    if canonical is None or BY_NAME[canonical].kind == "text":
        return pa.string()
    kind = BY_NAME[canonical].kind
    if typed and kind == "date":
        return pa.timestamp("ns")
    if typed and kind == "int":
        return pa.int64()
    return pa.dictionary(pa.int32(), pa.string())


def _arrow_to_pandas(column) -> pd.Series:
    """A text column as pandas: Categorical when it repeats, else Arrow-backed strings.

    Columns with few distinct values (status, dates, organisations) stay dictionary
    encoded, so cleaning and parsing them touches each distinct value once.
    """
    import pyarrow as pa

    if not (pa.types.is_dictionary(column.type) or pa.types.is_string(column.type)):
        return column.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    if pa.types.is_dictionary(column.type):
        if column.num_chunks == 0:
            return pd.Series(pd.Categorical([]))
        dictionary = column.chunks[0].dictionary
        indices = pa.chunked_array([chunk.indices for chunk in column.chunks], pa.int32())
        codes = indices.fill_null(-1).to_numpy()
        return pd.Series(pd.Categorical.from_codes(codes, dictionary.to_pandas(),
                                                   validate=False))
    return pd.Series(pd.arrays.ArrowStringArray(column))


def _read_with_csv_module(text: str, delimiter: str, header_index: int, name: str) -> RawTable:
    reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records = list(reader)
    if header_index >= len(records):
        raise fail(name, "the file has no header row")
    headers = [h.strip() for h in records[header_index]]
    width = len(headers)
    problems: list[dict] = []
    kept: list[list[str]] = []
    rows: list[int] = []
    for offset, record in enumerate(records[header_index + 1:]):
        row_number = header_index + 2 + offset
        if len(record) > width:
            extra = [c for c in record[width:] if c.strip()]
            if extra:
                problems.append({
                    "row": row_number, "column": None, "value": delimiter.join(extra),
                    "problem": f"this row has {len(record)} cells but the header has {width} "
                               f"columns; a '{delimiter}' inside a value needs quotes",
                })
            record = record[:width]
        kept.append(record + [""] * (width - len(record)))
        rows.append(row_number)
    cells = pd.DataFrame(kept, columns=range(width), dtype="string") if kept else \
        pd.DataFrame({i: pd.Series([], dtype="string") for i in range(width)})
    cells = cells.replace("", pd.NA)
    return RawTable(headers, cells, np.asarray(rows, dtype=np.int64), name, problems)


def _read_excel(data: bytes, name: str) -> RawTable:
    try:
        sheet = pd.read_excel(_io.BytesIO(data), header=None, dtype=object, engine="openpyxl",
                              keep_default_na=False, na_values=[])
    except Exception as exc:
        raise fail(name, f"this is not a readable Excel (.xlsx) file ({type(exc).__name__}). "
                         "Open it in your spreadsheet and save it again as .xlsx or CSV.") from None
    sheet = sheet.map(lambda v: v.strip() if isinstance(v, str) else v)
    sheet = sheet.replace("", None)
    filled = sheet.notna().any(axis=1).to_numpy()
    if not filled.any():
        raise fail(name, "the first sheet is empty. Put your log on the first sheet, with a "
                         "header row.")
    header_pos = _excel_header_row(sheet)
    headers = ["" if pd.isna(v) else str(v).strip() for v in sheet.iloc[header_pos]]
    body = sheet.iloc[header_pos + 1:].reset_index(drop=True)
    body.columns = range(len(headers))
    rows = np.arange(len(body), dtype=np.int64) + header_pos + 2
    return RawTable(headers, body, rows, name, [])


def _excel_header_row(sheet: pd.DataFrame) -> int:
    first = None
    for pos in range(min(HEADER_SEARCH_LINES, len(sheet))):
        values = [v for v in sheet.iloc[pos] if not pd.isna(v)]
        if not values:
            continue
        if first is None:
            first = pos
        known = {resolve_header(v) for v in values} - {None}
        if len(known) >= 2 or "contact" in known:
            return pos
    return first or 0


def _read_json(text: str, name: str) -> RawTable:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(name, f"this is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if isinstance(payload, dict):
        for key in ("interviews", "log", "rows", "records", "data"):
            if isinstance(payload.get(key), list):
                payload = payload[key]
                break
    if not isinstance(payload, list) or not all(isinstance(r, dict) for r in payload):
        raise fail(name, "a JSON log must be a list of records, one object per interview, "
                         "like [{\"contact\": \"Ana Ruiz\", \"status\": \"completed\"}]")
    return _from_frame(pd.DataFrame.from_records(payload), name)


def _from_frame(frame: pd.DataFrame, name: str) -> RawTable:
    headers = [str(c).strip() for c in frame.columns]
    cells = frame.copy()
    cells.columns = range(len(headers))
    for i in cells.columns:
        column = cells[i]
        if column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
            cells[i] = column.map(lambda v: v if not isinstance(v, str) else (v.strip() or None))
    rows = np.arange(len(cells), dtype=np.int64) + 2
    return RawTable(headers, cells.reset_index(drop=True), rows, name, [])
