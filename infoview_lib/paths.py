"""Where the bundled sample data lives, so notebooks never depend on their working directory."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The kit's ``data/`` folder.

    ``INFOVIEW_DATA`` overrides it; otherwise it is the ``data/`` folder beside the
    package (the kit is installed in editable mode from its checkout).
    """
    override = os.environ.get("INFOVIEW_DATA")
    return Path(override) if override else PACKAGE_DIR.parent / "data"


def sample_log_path() -> Path:
    """The bundled sample log: one fictional student's semester."""
    return data_dir() / "sample_log.csv"


def class_dir() -> Path:
    """The bundled folder of a fictional class's logs, one file per student."""
    return data_dir() / "class"


def linkedin_sample_path() -> Path:
    """The bundled fictional LinkedIn ``Connections.csv`` export."""
    return data_dir() / "linkedin" / "Connections.csv"


def calendar_sample_path() -> Path:
    """The bundled fictional calendar export of interviews."""
    return data_dir() / "calendar" / "interviews.ics"


def workspace_dir() -> Path:
    """Where the kit writes a student's own files (their log, prep sheets, exports).

    ``INFOVIEW_WORKSPACE`` overrides it; otherwise it is ``my_work/`` beside ``data/``
    (ignored by git). The folder is created when first asked for. The bundled
    sample data is never written to.
    """
    override = os.environ.get("INFOVIEW_WORKSPACE")
    folder = Path(override) if override else PACKAGE_DIR.parent / "my_work"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
