"""Keep every test run away from the student's own files and the user's home.

This file sits at the repository root so that it applies to every pytest run:
unit tests (``tests/``) and notebooks (``pytest --nbval-lax notebooks/``) alike.
Before any test runs it points the following at a temporary folder, removed at
the end of the run:

* ``INFOVIEW_WORKSPACE`` — notebooks executed by nbval write a student's files
  (their log, prep sheets, exports) there instead of ``my_work/``;
* ``IPYTHONDIR``, ``JUPYTER_CONFIG_DIR``, ``JUPYTER_DATA_DIR``,
  ``JUPYTER_RUNTIME_DIR``, ``MPLCONFIGDIR`` — kernels write no history,
  connection files or caches into the user's home.

``MPLBACKEND`` is removed so kernels draw inline as they do for a student (unit
tests choose Agg themselves in ``tests/conftest.py``). The kernelspec is still
found: it lives in ``sys.prefix/share/jupyter``, which these variables do not hide.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

_ISOLATED = {
    "INFOVIEW_WORKSPACE": "workspace",
    "IPYTHONDIR": "ipython",
    "JUPYTER_CONFIG_DIR": "jupyter/config",
    "JUPYTER_DATA_DIR": "jupyter/data",
    "JUPYTER_RUNTIME_DIR": "jupyter/runtime",
    "MPLCONFIGDIR": "matplotlib",
}

_saved: dict[str, str | None] = {}
_root: Path | None = None


def pytest_configure(config):
    global _root
    _root = Path(tempfile.mkdtemp(prefix="infoview-tests-"))
    for name, sub in _ISOLATED.items():
        folder = _root / sub
        folder.mkdir(parents=True, exist_ok=True)
        _saved[name] = os.environ.get(name)
        os.environ[name] = str(folder)
    _saved["MPLBACKEND"] = os.environ.pop("MPLBACKEND", None)
    _saved["JUPYTER_PLATFORM_DIRS"] = os.environ.get("JUPYTER_PLATFORM_DIRS")
    os.environ["JUPYTER_PLATFORM_DIRS"] = "1"  # silences jupyter_core's deprecation warning


def pytest_unconfigure(config):
    for name, value in _saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if _root is not None:
        shutil.rmtree(_root, ignore_errors=True)
