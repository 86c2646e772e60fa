"""Helpers the importers share: reading a source's bytes, decoding, typed frames, errors."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from .. import schema
from ..errors import LogValidationError, problems_frame


def read_bytes(source) -> tuple[bytes, str]:
    """Return the bytes of ``source`` and a name for it to use in messages.

    Parameters
    ----------
    source : str, os.PathLike, bytes or file-like
        A path, the file's content, or an open file (binary or text).

    Raises
    ------
    FileNotFoundError
        When a path does not exist.
    LogValidationError
        When the path is a folder.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), "the uploaded file"
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise FileNotFoundError(f"No such file: {str(path)!r}")
        if path.is_dir():
            raise single_problem(
                str(path), "this is a folder, not a file: give the path of the file itself"
            )
        return path.read_bytes(), str(path)
    if hasattr(source, "read"):
        data = source.read()
        name = str(getattr(source, "name", "the uploaded file"))
        if isinstance(data, str):
            return data.encode("utf-8"), name
        return bytes(data), name
    raise TypeError(f"Expected a path, bytes or an open file, got {type(source).__name__}")


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without a byte-order mark) or UTF-16 with its byte-order mark.

    Anything else is read as Windows-1252, so decoding never fails; a file that was not
    text then simply has no recognisable header.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def single_problem(source: str, problem: str, *, row=None, column=None, value=None,
                   columns_found: list[str] | None = None) -> LogValidationError:
    """A :class:`LogValidationError` with one problem about the whole file (or one cell)."""
    frame = problems_frame([{"row": row, "column": column, "value": value, "problem": problem}])
    return LogValidationError(frame, source=source, columns_found=columns_found)


def typed_log_rows(records: list[dict], columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Build log rows with the log's canonical dtypes.

    Parameters
    ----------
    records : list of dict
        One dict per row, keyed by canonical column names; missing keys are ``NA``.
    columns : tuple of str, optional
        Which schema columns to include, in schema order; default all of them.
    """
    names = [c for c in schema.COLUMN_NAMES if columns is None or c in columns]
    data = {}
    for name in names:
        column = schema.BY_NAME[name]
        values = [record.get(name) for record in records]
        values = [None if _missing(v) else v for v in values]
        if column.kind == "date":
            series = pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
        elif column.kind == "int":
            series = pd.Series(values, dtype="Int64")
        elif column.kind == "category":
            series = pd.Series(pd.Categorical(values, categories=list(column.categories)))
        else:
            series = pd.Series(values, dtype=pd.StringDtype())
        data[name] = series.astype(schema.dtype_of(column))
    return pd.DataFrame(data, index=pd.RangeIndex(len(records)))


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def as_text_stream(text: str) -> io.StringIO:
    """A text stream for :mod:`csv` (newlines left to the reader)."""
    return io.StringIO(text, newline="")
