"""Load, check, save and append to interview logs, and load a whole class's logs.

Reading is :mod:`infoview_lib.readers` (cells as text, with row numbers) followed by
:mod:`infoview_lib.convert` (typed columns and a problems table). Writing is atomic
(a temporary file in the same folder, then :func:`os.replace`) and locked with
:mod:`filelock`, and no text cell is ever written as a live spreadsheet formula.
"""

from __future__ import annotations

import glob as _glob
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .convert import canonicalize
from .errors import LogValidationError, LogWriteError, problems_frame
from .formulas import escape_formulas
from .readers import read_raw
from .schema import COLUMN_NAMES, DATE_COLUMNS, empty_log, resolve_header

__all__ = ["load_log", "check_log", "save_log", "append_interview", "load_class", "ClassLog",
           "escape_formulas", "write_csv", "write_atomically", "LOCK_TIMEOUT_S"]

LOCK_TIMEOUT_S = 15
LOG_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".json", ".parquet")
PROGRESS_FROM = 50


def _read(source) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    raw = read_raw(source)
    log, problems = canonicalize(raw)
    return log, problems, raw.source


def load_log(source) -> pd.DataFrame:
    """Load an interview log into a typed DataFrame.

    Parameters
    ----------
    source : str, path-like, file-like or pandas.DataFrame
        A CSV/TSV/TXT (UTF-8, UTF-8 with BOM, UTF-16 or Windows-1252; comma, semicolon,
        tab or pipe delimited), an Excel ``.xlsx``, a JSON list of records, a Parquet
        file, an open file, or a DataFrame. Headers match the schema ignoring case,
        spaces and punctuation and through aliases ("Contact Name", "Company", ...).

    Returns
    -------
    pandas.DataFrame
        Every schema column in schema order, then any unknown columns as they were.
        Text is ``string``, categories are ``Categorical`` with the schema's categories,
        dates are ``datetime64[ns]`` and counts are ``Int64``. Wholly blank rows are
        dropped; no other row is.

    Raises
    ------
    FileNotFoundError
        If ``source`` is a path that does not exist.
    LogValidationError
        If anything inside the file is wrong; ``.problems`` lists every problem with
        its row number as the spreadsheet shows it (header = row 1).

    Examples
    --------
    >>> import infoview_lib as iv
    >>> log = iv.load_log(iv.sample_log_path())
    >>> list(log.columns[:3])
    ['contact', 'role', 'organization']
    """
    log, problems, name = _read(source)
    if len(problems):
        raise LogValidationError(problems, source=name,
                                 columns_found=problems.attrs.get("columns_found"))
    return log


def check_log(source) -> pd.DataFrame:
    """Every problem in a log, as a table, without raising.

    Returns
    -------
    pandas.DataFrame
        Columns ``row``, ``column``, ``value``, ``problem``; empty when the log is fine.
        A problem with the whole file (unreadable, wrong format) is one row whose
        ``row`` is ``<NA>``.

    Raises
    ------
    FileNotFoundError
        If ``source`` is a path that does not exist.
    """
    try:
        _, problems, _ = _read(source)
    except LogValidationError as error:
        return error.problems
    return problems


# ---------------------------------------------------------------------------- writing
_LOCKS: dict[str, object] = {}


@contextmanager
def locked(path: str | os.PathLike) -> Iterator[None]:
    """Hold the log's lock file (``.NAME.lock`` beside it) for the duration of a block.

    Two kernels writing the same log take turns; one waiting longer than
    ``LOCK_TIMEOUT_S`` seconds gets a :class:`LogWriteError`.
    """
    from filelock import FileLock, Timeout

    path = Path(path).resolve()
    key = str(path)
    lock = _LOCKS.get(key)
    if lock is None:
        lock = _LOCKS[key] = FileLock(str(path.with_name(f".{path.name}.lock")),
                                      timeout=LOCK_TIMEOUT_S)
    try:
        with lock:
            yield
    except Timeout:
        raise LogWriteError(f"{path.name} is being written by another notebook or program; "
                            "nothing was changed. Try again in a moment.") from None


def _format_for_file(log: pd.DataFrame) -> pd.DataFrame:
    """Canonical column order; dates as text a spreadsheet reads; formula-safe text."""
    columns = [c for c in COLUMN_NAMES if c in log.columns]
    columns += [c for c in log.columns if c not in columns]
    out = log[columns].copy()
    for name in DATE_COLUMNS:
        if name in out.columns:
            stamps = pd.to_datetime(out[name])
            has_time = (stamps.dropna() != stamps.dropna().dt.normalize()).any()
            fmt = "%Y-%m-%d %H:%M" if has_time else "%Y-%m-%d"
            out[name] = stamps.dt.strftime(fmt).astype("string")
    return escape_formulas(out)


def write_csv(frame: pd.DataFrame, path: str | os.PathLike, **to_csv) -> Path:
    """Write any table as a formula-safe CSV, atomically.

    UTF-8 with a BOM, so Excel shows accented names correctly.
    """
    path = Path(path)
    safe = escape_formulas(frame)
    _atomic_write(path, lambda tmp: safe.to_csv(tmp, index=False, encoding="utf-8-sig",
                                                **to_csv))
    return path


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and
    :func:`os.replace`: a reader never sees half a file, and a failed write leaves the
    old file as it was (raising :class:`LogWriteError`). The folder is created if needed.
    """
    path = Path(path)
    _atomic_write(path, lambda tmp: tmp.write_bytes(data))
    return path


def _atomic_write(path: Path, write) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise LogWriteError(f"Could not write {path.name}: {exc.strerror or exc}. "
                            "Nothing was changed.") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, PermissionError):
            reason = ("permission denied: it may be open in another program (close it in "
                      "Excel) or the folder is read-only")
        else:
            reason = exc.strerror or str(exc)
        raise LogWriteError(f"Could not save {path.name}: {reason}. The file on disk is "
                            "unchanged.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_log(log: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write a log atomically as CSV (or Excel for ``.xlsx``), in canonical column order.

    Text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
    ``-`` or ``@``) get a leading apostrophe; :func:`load_log` removes it, so
    ``load_log(save_log(log, p))`` equals ``log``.

    Parameters
    ----------
    log : pandas.DataFrame
        A log as :func:`load_log` returns it (other frames are checked first).
    path : str or path-like
        Where to write. The folder is created if needed.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    LogValidationError
        If ``log`` is not a valid log (nothing is written).
    LogWriteError
        If the file cannot be written (permissions, disk full, locked); the file on
        disk is left untouched.
    """
    path = Path(path)
    log = load_log(log) if not _is_typed_log(log) else log
    table = _format_for_file(log)
    with locked(path):
        _write_table(table, path)
    return path


def _write_table(table: pd.DataFrame, path: Path) -> None:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _atomic_write(path, lambda tmp: table.to_excel(tmp, index=False, engine="openpyxl"))
    else:
        sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
        _atomic_write(path, lambda tmp: table.to_csv(tmp, index=False, sep=sep,
                                                     encoding="utf-8-sig"))


def _is_typed_log(frame: pd.DataFrame) -> bool:
    reference = empty_log().dtypes
    return all(name in frame.columns and frame[name].dtype == dtype
               for name, dtype in reference.items())


def append_interview(path: str | os.PathLike, **fields) -> pd.DataFrame:
    """Validate one row and append it to the log at ``path``, under the log's lock.

    The log is created (with its header) if ``path`` does not exist yet. Two kernels
    appending at once both keep their rows.

    Parameters
    ----------
    path : str or path-like
        The log file (CSV, TSV or XLSX).
    **fields
        The row's cells by column name or alias, e.g. ``contact="Ana Ruiz",
        status="completed", interview_date="2025-03-04", mode="Zoom"``. Dates may be
        strings, :class:`datetime.date` or timestamps.

    Returns
    -------
    pandas.DataFrame
        The whole log after the append; the new row is last.

    Raises
    ------
    LogValidationError
        If the row has a problem (then nothing is written), or the existing log has one.
    LogWriteError
        If the file cannot be written; the old log is untouched.
    """
    path = Path(path)
    with locked(path):
        existing = load_log(path) if path.exists() else empty_log()
        new_row = typed_row(fields, row_number=len(existing) + 2, source=path.name,
                            extra_columns=existing.columns)
        combined = pd.concat([existing, new_row], ignore_index=True)
        combined = _restore_dtypes(combined, existing)
        _write_table(_format_for_file(combined), path)
    return combined


def typed_row(fields: dict, *, row_number: int, source: str,
              extra_columns=()) -> pd.DataFrame:
    """Validate one row given as ``{column or alias: value}`` and return it typed.

    Used by :func:`append_interview` and by the form's edits, so both accept and
    reject exactly what :func:`load_log` does.

    Parameters
    ----------
    fields : dict
        The row's cells; blank strings count as empty.
    row_number : int
        The row's number in the file (header = 1), used in every problem.
    source : str
        The file's name, for the message.
    extra_columns : iterable of str
        Non-schema columns the file already has, which ``fields`` may also fill.

    Raises
    ------
    LogValidationError
        For an unknown column, a bad value, or a row with nothing in it.
    """
    unknown = [k for k in fields if resolve_header(k) is None and k not in set(extra_columns)]
    if unknown:
        known = ", ".join(COLUMN_NAMES)
        records = [{"row": row_number, "column": k, "value": _short(fields[k]),
                    "problem": f"'{k}' is not a column of the log (columns: {known})"}
                   for k in unknown]
        raise LogValidationError(problems_frame(records), source=source)
    try:
        new_row = load_log(pd.DataFrame([{k: _cell(v) for k, v in fields.items()}]))
    except LogValidationError as error:
        problems = error.problems.copy()
        problems["row"] = problems["row"].where(problems["row"].isna(), row_number)
        raise LogValidationError(problems, source=source) from None
    if new_row.empty:
        raise LogValidationError(problems_frame([{
            "row": row_number, "column": "contact", "value": None,
            "problem": "the new row is empty: give at least the contact's name"}]),
            source=source)
    return new_row


def _cell(value):
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _short(value) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _restore_dtypes(combined: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    for name, dtype in empty_log().dtypes.items():
        if combined[name].dtype != dtype:
            combined[name] = combined[name].astype(dtype)
    for name in like.columns:
        if name not in COLUMN_NAMES and combined[name].dtype == object:
            combined[name] = combined[name].astype("string")
    return combined


# ---------------------------------------------------------------------------- a class
@dataclass
class ClassLog:
    """A class's logs, loaded together.

    Attributes
    ----------
    log : pandas.DataFrame
        The rows of every log that loaded cleanly, with a ``student`` column (first)
        taken from the file name.
    problems : pandas.DataFrame
        Every problem in every file, with ``student`` and ``file`` columns before
        ``row``, ``column``, ``value``, ``problem``. A student whose file has problems
        is left out of ``log`` (their rows would skew the class numbers) and listed
        here, row by row, so the instructor can send them what to fix.
    files : list of pathlib.Path
        Every file that was read, in order.

    ``ClassLog`` unpacks like a pair: ``log, problems = load_class(folder)``.
    """

    log: pd.DataFrame
    problems: pd.DataFrame
    files: list[Path] = field(default_factory=list)

    def __iter__(self):
        return iter((self.log, self.problems))

    @property
    def students(self) -> list[str]:
        """Every student found, whether their file loaded or not."""
        return [student_name(p) for p in self.files]

    @property
    def students_with_problems(self) -> list[str]:
        """Students whose file must be fixed before it counts."""
        return list(dict.fromkeys(self.problems["student"]))


def student_name(path: Path) -> str:
    """The student a file belongs to: its name without the extension."""
    return Path(path).stem


def _class_files(folder_or_glob) -> list[Path]:
    text = str(folder_or_glob)
    if any(ch in text for ch in "*?["):
        files = [Path(p) for p in sorted(_glob.glob(text))]
    else:
        folder = Path(folder_or_glob)
        if not folder.exists():
            raise FileNotFoundError(f"No such folder: '{folder}'.")
        if folder.is_file():
            return [folder]
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in LOG_SUFFIXES)
    return [p for p in files if p.is_file() and not p.name.startswith((".", "~$"))
            and ".backup-" not in p.name]


def load_class(folder_or_glob, *, progress: bool | None = None) -> ClassLog:
    """Load every student's log in a folder (or matching a glob pattern).

    Parameters
    ----------
    folder_or_glob : str or path-like
        A folder of logs (CSV, TSV, TXT, XLSX, JSON, Parquet) or a pattern such as
        ``"logs/*.csv"``. Hidden files, Excel lock files (``~$...``) and the form's
        backups (``NAME.backup-...``) are skipped.
    progress : bool, optional
        Show a progress bar (tqdm). By default shown from 50 files on.

    Returns
    -------
    ClassLog
        ``.log`` (good files, with ``student``), ``.problems`` (every problem, with
        ``student`` and ``file``), ``.files``. Unpacks as ``log, problems``.

    Raises
    ------
    FileNotFoundError
        If the folder does not exist.
    """
    files = _class_files(folder_or_glob)
    show = progress if progress is not None else len(files) >= PROGRESS_FROM
    iterator = files
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="Loading logs", unit="file")
    frames, problem_tables = [], []
    for path in iterator:
        student = student_name(path)
        try:
            log, problems, _ = _read(path)
        except LogValidationError as error:
            log, problems = None, error.problems
        if len(problems):
            problems = problems.copy()
            problems.insert(0, "file", path.name)
            problems.insert(0, "student", student)
            problem_tables.append(problems)
            continue
        log.insert(0, "student", student)
        frames.append(log)
    class_log = pd.concat(frames, ignore_index=True) if frames else \
        empty_log().assign(student=pd.Series([], dtype="string"))[["student", *COLUMN_NAMES]]
    class_log["student"] = class_log["student"].astype("string")
    class_log = _restore_dtypes(class_log, class_log)
    if problem_tables:
        all_problems = pd.concat(problem_tables, ignore_index=True)
    else:
        all_problems = problems_frame()
        all_problems.insert(0, "file", pd.Series([], dtype="string"))
        all_problems.insert(0, "student", pd.Series([], dtype="string"))
    return ClassLog(class_log, all_problems, files)
