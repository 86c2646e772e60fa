"""infoview: learn informational interviews and turn your interview log into analytics.

The package imports only pandas at import time; charts (matplotlib), widgets
(ipywidgets) and importers load when first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import LogValidationError, LogWriteError
from .paths import (
    calendar_sample_path,
    class_dir,
    data_dir,
    linkedin_sample_path,
    sample_log_path,
    workspace_dir,
)

__version__ = "0.1.0"

_LAZY_FUNCTIONS = {
    "load_log": "io",
    "check_log": "io",
    "save_log": "io",
    "append_interview": "io",
    "load_class": "io",
    "read_linkedin_connections": "importers",
    "read_calendar": "importers",
}
_LAZY_MODULES = {"metrics", "plots", "questions", "privacy", "report", "widgets", "importers",
                 "exercises", "sample", "content", "cli"}

__all__ = [
    "LogValidationError",
    "LogWriteError",
    "append_interview",
    "check_log",
    "load_class",
    "load_log",
    "save_log",
    "read_linkedin_connections",
    "read_calendar",
    "data_dir",
    "sample_log_path",
    "class_dir",
    "linkedin_sample_path",
    "calendar_sample_path",
    "workspace_dir",
]

if TYPE_CHECKING:  # pragma: no cover
    from .importers import read_calendar, read_linkedin_connections  # noqa: F401
    from .io import append_interview, check_log, load_class, load_log, save_log  # noqa: F401


def __getattr__(name: str):
    if name in _LAZY_FUNCTIONS:
        return getattr(import_module(f".{_LAZY_FUNCTIONS[name]}", __name__), name)
    if name in _LAZY_MODULES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'infoview_lib' has no attribute {name!r}")
