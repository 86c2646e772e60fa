"""Shared fixtures. Unit tests draw with the Agg backend; kernels are never told to.

Browser tests (``tests/test_browser_*.py``) use the fixtures at the end of this file;
the machinery lives in ``tests/harness.py``. The API::

    def test_quiz(open_voila, axe_audit, voila_workspace):
        page = open_voila("01_what_is_an_informational_interview.ipynb")
        # Voilà ran every cell, every widget is drawn, no traceback is shown,
        # and axe-core found no serious or critical violation.
        page.locator(".jupyter-widgets button", has_text="Check").click()
        ...
        axe_audit(page)                       # audit again after interacting
        assert (voila_workspace / "interview_log.csv").exists()

* ``open_voila(name, *, timeout=180, audit=True) -> playwright Page`` — ``name`` is a
  path relative to ``notebooks/`` (``"exercises/x.ipynb"`` works). A fresh browser
  context per call; every page is closed after the test.
* ``axe_audit(page) -> dict`` — fails on a visible Python traceback, then on any
  serious/critical axe-core violation (WCAG 2.1 A/AA + best practices); returns
  axe's results.
* ``voila_workspace`` — the ``pathlib.Path`` that kernels see as
  ``INFOVIEW_WORKSPACE``; emptied before each test that asks for it (and before
  every ``open_voila`` test).
* ``voila_server`` (session) — the running server: ``.url(name)``, ``.base_url``,
  ``.log_tail()``. ``new_page()`` gives a bare offline page for anything else.

Chromium missing: the browser tests are skipped with the reason, except when the
environment variable ``CI`` is set, where that is a failure.
"""

from __future__ import annotations

import os
import shutil

import matplotlib

matplotlib.use("Agg")

import harness  # noqa: E402  (tests/ is on sys.path: pytest's rootdir-relative import)
import pytest  # noqa: E402

BROWSER_FIXTURES = {"chromium", "chromium_browser", "voila_server", "new_page", "open_voila"}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def pytest_collection_modifyitems(config, items):
    """Mark every test that drives the browser ``browser`` (``-m "not browser"`` skips them)."""
    for item in items:
        if BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


# --- browser harness ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's Chromium; skip (or, under ``CI``, fail) when it is missing."""
    path = harness.find_chromium()
    if path:
        return path
    reason = ("Debian's chromium is not installed (apt-get install -y chromium); "
              "browser tests need it.")
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"CI is set and {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_browser(chromium):
    """One headless Chromium for the whole session (each test gets its own context)."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # a shared 2-core machine is slow at times
    with sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright, chromium)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def _voila_root(tmp_path_factory):
    """The temporary home of the Voilà server: HOME, Jupyter dirs, the workspace."""
    return tmp_path_factory.mktemp("voila")


@pytest.fixture(scope="session")
def voila_server(_voila_root, chromium):
    """Voilà serving ``notebooks/`` on 127.0.0.1, for the whole session."""
    env = harness.isolated_env(_voila_root)
    harness.kernel_in_this_env(env)
    server = harness.VoilaServer(harness.NOTEBOOKS, env, _voila_root / "voila.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def voila_workspace(_voila_root):
    """The folder kernels write a student's files to (``INFOVIEW_WORKSPACE``), emptied."""
    workspace = _voila_root / "workspace"
    workspace.mkdir(exist_ok=True)
    for entry in workspace.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    return workspace


@pytest.fixture
def new_page(chromium_browser):
    """``new_page()`` -> a fresh offline Playwright page; all are closed after the test.

    Voilà culls a closed page's kernel after ``harness.KERNEL_CULL_AFTER`` seconds."""
    pages = []

    def make():
        page = harness.new_offline_page(chromium_browser)
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.context.close()


@pytest.fixture
def axe_audit():
    """``axe_audit(page)``: fail on a traceback or a serious/critical axe violation."""
    return harness.axe_audit


@pytest.fixture
def open_voila(voila_server, voila_workspace, new_page):
    """``open_voila(name, *, timeout=180, audit=True)`` -> a rendered, audited page."""

    def open_(name: str, *, timeout: float = harness.DEFAULT_OPEN_TIMEOUT, audit: bool = True):
        page = new_page()
        url = voila_server.url(name)
        try:
            response = page.goto(url, wait_until="commit", timeout=timeout * 1000)
        except Exception as error:  # playwright's Error: the server did not answer
            pytest.fail(f"Could not open {url}: {error}\n\nVoilà's log ends with:\n"
                        f"{voila_server.log_tail()}", pytrace=False)
        try:
            harness.wait_for_voila(page, response, timeout=timeout)
        except harness.HarnessError as error:
            pytest.fail(f"{error}\n\nVoilà's log ends with:\n{voila_server.log_tail()}",
                        pytrace=False)
        if audit:
            harness.axe_audit(page)
        else:
            harness.assert_no_python_errors(page)
        return page

    return open_
