"""Bring what students already have into their interview log.

A package rather than the single ``importers.py`` that DESIGN.md sketches, because the
three jobs share little code and each is long enough to read on its own:

* :mod:`.linkedin` — LinkedIn's ``Connections.csv`` (both the current export with its
  ``Notes:`` preamble and the 2018 layout): :func:`read_linkedin_connections`,
  :func:`connections_growth`, :func:`connections_to_log_rows`;
* :mod:`.calendar` — calendar exports (``.ics``) from Google, Outlook or Apple:
  :func:`read_calendar`, :data:`DEFAULT_PATTERN`;
* :mod:`.merge` — :func:`merge_into_log`, which adds the imported rows to a log and
  reports what was added and what was already there (:class:`MergeResult`).

``from infoview_lib.importers import read_calendar`` (and the other names) works as
for a single module. Problems in a file raise :class:`~infoview_lib.LogValidationError`.
"""

from __future__ import annotations

from .calendar import CALENDAR_COLUMNS, DEFAULT_PATTERN, read_calendar
from .linkedin import (
    CONNECTION_COLUMNS,
    connections_growth,
    connections_to_log_rows,
    read_linkedin_connections,
)
from .merge import MergeResult, merge_into_log

__all__ = [
    "CALENDAR_COLUMNS",
    "CONNECTION_COLUMNS",
    "DEFAULT_PATTERN",
    "MergeResult",
    "connections_growth",
    "connections_to_log_rows",
    "merge_into_log",
    "read_calendar",
    "read_linkedin_connections",
]
