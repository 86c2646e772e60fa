"""Merge imported rows (calendar events, LinkedIn prospects) into a log without duplicates."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from .. import schema

__all__ = ["MergeResult", "merge_into_log", "contact_key"]

#: Statuses of a row that is still waiting for its conversation: an imported interview
#: with the same contact completes such a row instead of adding a second one.
OPEN_STATUSES = ("planned", "requested", "scheduled")


class MergeResult(NamedTuple):
    """What :func:`merge_into_log` did.

    Attributes
    ----------
    log : pandas.DataFrame
        The merged log: your rows first (unchanged, apart from open rows filled in),
        then the added rows, in the log's dtypes.
    added : pandas.DataFrame
        The new rows that were appended.
    already_there : pandas.DataFrame
        The new rows that were not appended, with a ``matched`` column saying why:
        ``"same contact and date"``, ``"same contact"`` (a row without a date, such as a
        LinkedIn prospect) or ``"filled in the open row"`` (see :func:`merge_into_log`).
    """

    log: pd.DataFrame
    added: pd.DataFrame
    already_there: pd.DataFrame


def contact_key(name) -> str | None:
    """A contact's name for matching: case and spacing ignored; ``None`` when blank."""
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return None
    key = " ".join(str(name).split()).casefold()
    return key or None


def merge_into_log(log, new_rows: pd.DataFrame) -> MergeResult:
    """Add imported rows to a log, skipping the ones it already has.

    Parameters
    ----------
    log : pandas.DataFrame or path
        Your log: a loaded log, or anything :func:`infoview_lib.load_log` reads (a
        file, or a frame of text cells, which is checked first).
    new_rows : pandas.DataFrame
        Rows to add, with log column names, e.g. from
        :func:`~infoview_lib.importers.read_calendar` or
        :func:`~infoview_lib.importers.connections_to_log_rows`.

    Returns
    -------
    MergeResult
        ``(log, added, already_there)``. Neither input is changed.

    Raises
    ------
    LogValidationError
        If ``log`` is not a typed log and has problems when loaded.
    ValueError
        If ``new_rows`` holds a category value the log does not allow.

    Notes
    -----
    A new row is already there when the log has a row with the same contact (ignoring
    case and spacing) and:

    * the same calendar day of ``interview_date``; or
    * for a new row without an interview date (a LinkedIn prospect), any row at all; or
    * no interview date and a status still open (planned, requested, scheduled): the
      imported interview is the one that row was waiting for, so that row is filled in
      (its empty cells take the new values, and its ``status`` and ``interview_date``
      become the new row's) instead of a second row being added for the same person.

    New rows repeated within ``new_rows`` are added once. A new row without a contact
    matches nothing and is added (the log's checks will ask for the name).
    """
    if not isinstance(log, pd.DataFrame) or not _is_typed(log):
        from ..io import load_log

        log = load_log(log)  # a file, or a frame of text: checked like any log
    base = _conform(log)
    new = _conform(new_rows)

    by_day: set[tuple[str, pd.Timestamp]] = set()
    by_contact: dict[str, list[int]] = {}
    for position, (name, when) in enumerate(
        zip(base["contact"], base["interview_date"], strict=True)
    ):
        _remember(by_day, by_contact, contact_key(name), when, position)

    status = base["status"].astype(object).tolist()
    dates = base["interview_date"].tolist()
    added: list[int] = []
    matched: list[tuple[int, str]] = []
    fills: dict[int, int] = {}
    next_position = len(base)
    for index, (name, when) in enumerate(
        zip(new["contact"], new["interview_date"], strict=True)
    ):
        key = contact_key(name)
        reason = None
        if key is not None:
            if pd.isna(when):
                reason = "same contact" if key in by_contact else None
            elif (key, pd.Timestamp(when).normalize()) in by_day:
                reason = "same contact and date"
            else:
                open_row = next(
                    (p for p in by_contact.get(key, [])
                     if p < len(base) and p not in fills and pd.isna(dates[p])
                     and status[p] in OPEN_STATUSES),
                    None,
                )
                if open_row is not None:
                    fills[open_row] = index
                    reason = "filled in the open row"
                    by_day.add((key, pd.Timestamp(when).normalize()))
        if reason is None:
            added.append(index)
            _remember(by_day, by_contact, key, when, next_position)
            next_position += 1
        else:
            matched.append((index, reason))

    merged = _fill(base, new, fills)
    added_rows = new.iloc[added].reset_index(drop=True)
    merged = _conform(pd.concat([merged, added_rows], ignore_index=True))
    already = new.iloc[[i for i, _ in matched]].reset_index(drop=True)
    already["matched"] = pd.Series([r for _, r in matched], dtype=pd.StringDtype())
    return MergeResult(merged, _conform(added_rows), already)


def _is_typed(frame: pd.DataFrame) -> bool:
    return all(c.name in frame.columns and frame[c.name].dtype == schema.dtype_of(c)
               for c in schema.COLUMNS)


def _remember(by_day, by_contact, key, when, position) -> None:
    if key is None:
        return
    by_contact.setdefault(key, []).append(position)
    if not pd.isna(when):
        by_day.add((key, pd.Timestamp(when).normalize()))


def _fill(base: pd.DataFrame, new: pd.DataFrame, fills: dict[int, int]) -> pd.DataFrame:
    """Fill each open row's empty cells from its new row; status and date always move on."""
    if not fills:
        return base
    result = base.copy()
    for column in new.columns:
        if column not in result.columns:
            result[column] = pd.Series(pd.NA, index=result.index, dtype=new[column].dtype)
    for position, index in fills.items():
        for column in new.columns:
            value = new.at[index, column]
            if pd.isna(value):
                continue
            if column in ("status", "interview_date") or pd.isna(result.at[position, column]):
                result.at[position, column] = value
    return result


def _conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Every schema column present with its canonical dtype; extra columns kept after them.

    Raises
    ------
    ValueError
        If a category column holds a value the log does not allow (it would be lost).
    """
    frame = frame.reset_index(drop=True)
    data = {}
    for column in schema.COLUMNS:
        dtype = schema.dtype_of(column)
        if column.name not in frame.columns:
            data[column.name] = pd.Series([None] * len(frame), index=frame.index,
                                          dtype=object).astype(dtype)
            continue
        values = frame[column.name]
        if column.kind == "date":
            data[column.name] = pd.to_datetime(values).astype(dtype)
            continue
        if column.kind == "category" and not isinstance(values.dtype, pd.CategoricalDtype):
            raw = values
            values = values.map(
                lambda v, n=column.name: None if pd.isna(v) else schema.normalize_category(n, v)
            )
            unknown = raw[raw.notna() & values.isna()]
            if len(unknown):
                raise ValueError(
                    f"column {column.name!r} has {unknown.iloc[0]!r}, which is not one of: "
                    + ", ".join(column.categories)
                )
        values = values.astype(object)
        data[column.name] = values.where(values.notna(), None).astype(dtype)
    result = pd.DataFrame(data, index=frame.index)
    for name in frame.columns:
        if name not in schema.BY_NAME:
            result[name] = frame[name]
    return result
