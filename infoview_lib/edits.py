"""Change or delete one row of a log file, or merge imported rows into it — never losing data.

Every change here:

1. takes the log's lock (:func:`infoview_lib.io.locked`), so another notebook appending
   at the same moment waits its turn;
2. re-reads the file and checks that the row is still the one the student picked
   (another program may have changed the file since): if not, :class:`RowChangedError`
   and nothing is written;
3. writes a backup copy of the file as it was, ``NAME.backup-YYYYmmdd-HHMMSS.EXT`` next
   to it (:func:`write_backup`);
4. only then writes the new log, atomically (:func:`infoview_lib.io.save_log`).

A failure at any step leaves the log as it was and raises
:class:`~infoview_lib.errors.LogWriteError` (or :class:`LogValidationError` for a bad row).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schema
from .errors import LogWriteError
from .form_logic import row_number

__all__ = [
    "RowChangedError",
    "EditResult",
    "backup_path",
    "write_backup",
    "row_fingerprint",
    "delete_row",
    "replace_row",
    "merge_into_file",
    "merge_report",
]


class RowChangedError(LogWriteError):
    """The row picked for an edit is no longer in the file as it was; nothing was written."""


@dataclass(frozen=True)
class EditResult:
    """What an edit or delete did.

    Attributes
    ----------
    log : pandas.DataFrame
        The log as now saved.
    backup : pathlib.Path
        The copy of the file as it was before the change.
    row : int
        The spreadsheet row number (header = 1) that was changed or deleted.
    contact : str
        The contact of that row (before the change).
    """

    log: pd.DataFrame
    backup: Path
    row: int
    contact: str


def backup_path(path: str | os.PathLike, when: dt.datetime | None = None) -> Path:
    """Where the backup of ``path`` taken at ``when`` goes.

    ``interview_log.csv`` → ``interview_log.backup-20250304-141503.csv`` in the same
    folder; if that name is taken (two backups in one second), ``-2``, ``-3``, … is
    added before the extension.

    Parameters
    ----------
    path : path-like
        The log.
    when : datetime, optional
        Default: now.
    """
    path = Path(path)
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{counter}{path.suffix}")
        counter += 1
    return candidate


def write_backup(path: str | os.PathLike, when: dt.datetime | None = None) -> Path:
    """Copy the log, byte for byte, to :func:`backup_path` — atomically.

    Returns
    -------
    pathlib.Path
        The backup.

    Raises
    ------
    LogWriteError
        If the copy cannot be written (disk full, permission); the log is untouched and
        no partial backup is left behind.
    """
    path = Path(path)
    target = backup_path(path, when)
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(path, partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise LogWriteError(f"Could not write a backup of {path.name} "
                            f"({exc.strerror or exc}), so nothing was changed.") from exc
    return target


def row_fingerprint(row: pd.Series) -> tuple[str, ...]:
    """A row's schema cells as text: two rows with the same fingerprint hold the same data."""
    cells = []
    for name in schema.COLUMN_NAMES:
        value = row.get(name)
        cells.append("" if value is None or pd.isna(value) else str(value))
    return tuple(cells)


def _contact(row: pd.Series) -> str:
    value = row.get("contact")
    return "(no name)" if value is None or pd.isna(value) else str(value)


def _load_and_find(path: Path, position: int, expected: tuple[str, ...] | None) -> pd.DataFrame:
    from .io import load_log

    log = load_log(path)
    if not 0 <= position < len(log):
        raise RowChangedError(f"{path.name} has no row {row_number(position)} any more "
                              f"(it has {len(log)} rows); nothing was changed. Pick the row "
                              "again.")
    if expected is not None and row_fingerprint(log.iloc[position]) != tuple(expected):
        raise RowChangedError(f"Row {row_number(position)} of {path.name} changed since you "
                              "picked it (another notebook or program wrote to the file); "
                              "nothing was changed. Pick the row again.")
    return log


def delete_row(path: str | os.PathLike, position: int, *,
               expected: tuple[str, ...] | None = None,
               when: dt.datetime | None = None) -> EditResult:
    """Delete one row of a log file, after writing a backup of the file.

    Parameters
    ----------
    path : path-like
        The log file.
    position : int
        The row's position in the loaded log (0 = the first data row, spreadsheet row 2).
    expected : tuple of str, optional
        :func:`row_fingerprint` of the row as the student saw it; if the file's row
        differs, nothing is deleted.
    when : datetime, optional
        The backup's time stamp; default now.

    Returns
    -------
    EditResult

    Raises
    ------
    FileNotFoundError
        If the log does not exist.
    LogValidationError
        If the log file has problems (fix them first; nothing is written).
    RowChangedError
        If the row is not there, or not as expected.
    LogWriteError
        If the backup or the log cannot be written; the log is untouched.
    """
    from .io import locked, save_log

    path = Path(path)
    with locked(path):
        log = _load_and_find(path, position, expected)
        contact = _contact(log.iloc[position])
        remaining = log.drop(index=log.index[position]).reset_index(drop=True)
        backup = write_backup(path, when)
        save_log(remaining, path)
    return EditResult(remaining, backup, row_number(position), contact)


def replace_row(path: str | os.PathLike, position: int, fields: Mapping[str, object], *,
                expected: tuple[str, ...] | None = None,
                when: dt.datetime | None = None) -> EditResult:
    """Replace one row of a log file with new cells, after writing a backup of the file.

    Parameters
    ----------
    path : path-like
        The log file.
    position : int
        The row's position in the loaded log (0 = spreadsheet row 2).
    fields : mapping
        The row's new cells by column name, as for
        :func:`~infoview_lib.io.append_interview`. Every schema column not given
        becomes empty; columns the schema does not know keep their old values.
    expected : tuple of str, optional
        :func:`row_fingerprint` of the row as the student saw it.
    when : datetime, optional
        The backup's time stamp; default now.

    Returns
    -------
    EditResult

    Raises
    ------
    LogValidationError
        If the new cells have a problem (named with the row's number); nothing written.
    RowChangedError, LogWriteError, FileNotFoundError
        As for :func:`delete_row`.
    """
    from .io import locked, save_log, typed_row

    path = Path(path)
    new = typed_row(dict(fields), row_number=row_number(position), source=path.name)
    with locked(path):
        log = _load_and_find(path, position, expected)
        contact = _contact(log.iloc[position])
        updated = log.copy()
        label = updated.index[position]
        for name in schema.COLUMN_NAMES:
            updated.loc[label, name] = new.at[0, name]
        backup = write_backup(path, when)
        save_log(updated, path)
    return EditResult(updated, backup, row_number(position), contact)


def merge_into_file(path: str | os.PathLike, new_rows: pd.DataFrame, *,
                    when: dt.datetime | None = None):
    """Merge imported rows into a log file, under its lock, with a backup first.

    Loading, merging (:func:`infoview_lib.importers.merge_into_log`) and saving happen
    while the lock is held, so a row another notebook appends meanwhile is not lost.
    When nothing is new, nothing is written (and no backup is made).

    Parameters
    ----------
    path : path-like
        The log file.
    new_rows : pandas.DataFrame
        Rows with log column names, e.g. from
        :func:`~infoview_lib.importers.read_calendar`.
    when : datetime, optional
        The backup's time stamp; default now.

    Returns
    -------
    tuple of (MergeResult, pathlib.Path or None)
        What the merge did, and the backup (``None`` when nothing changed).
    """
    from .importers import merge_into_log
    from .io import load_log, locked, save_log

    path = Path(path)
    with locked(path):
        result = merge_into_log(load_log(path), new_rows)
        changed = len(result.added) or (result.already_there["matched"]
                                        == "filled in the open row").any()
        if not changed:
            return result, None
        backup = write_backup(path, when)
        save_log(result.log, path)
    return result, backup


def merge_report(result) -> pd.DataFrame:
    """What a merge did, one line per imported row, for a student to read.

    Parameters
    ----------
    result : MergeResult
        From :func:`merge_into_file` or :func:`infoview_lib.importers.merge_into_log`.

    Returns
    -------
    pandas.DataFrame
        ``Contact``, ``Organization``, ``Status``, ``Interview date`` (``YYYY-MM-DD``)
        and ``What happened``: "added", or why the row was already there ("same contact
        and date", "same contact", "filled in the open row"). Added rows come first.
    """
    from .form_logic import category_label

    def lines(frame: pd.DataFrame, what: list[str]) -> pd.DataFrame:
        dates = pd.to_datetime(frame["interview_date"])
        return pd.DataFrame({
            "Contact": frame["contact"].astype("string").fillna("").to_list(),
            "Organization": frame["organization"].astype("string").fillna("").to_list(),
            "Status": ["" if pd.isna(s) else category_label(s) for s in frame["status"]],
            "Interview date": ["" if pd.isna(d) else d.strftime("%Y-%m-%d") for d in dates],
            "What happened": what,
        })

    added = lines(result.added, ["added"] * len(result.added))
    there = lines(result.already_there,
                  [f"already there ({m})" for m in result.already_there["matched"]])
    return pd.concat([added, there], ignore_index=True)
