"""The browser harness itself: it must catch what a student would see go wrong.

A harness that passes everything proves nothing, so these tests serve small
notebooks made on the spot — one with a failing cell, one with an inaccessible
control, one with what Voilà's stock page gets wrong — and check that the harness
fails, or passes, for the right reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

import harness
import nbformat
import pytest

pytestmark = pytest.mark.browser

NOTEBOOKS = {
    "error.ipynb": [
        "import ipywidgets as widgets\nwidgets.Button(description='Fine')",
        "1 / 0",
    ],
    "callback.ipynb": [
        "import ipywidgets as widgets\n"
        "out = widgets.Output()\n"
        "button = widgets.Button(description='Check')\n"
        "def check(_):\n"
        "    with out:\n"
        "        raise KeyError('no such answer')\n"
        "button.on_click(check)\n"
        "widgets.VBox([button, out])",
    ],
    "unlabelled.ipynb": [
        "from IPython.display import HTML\nHTML('<button></button>')",
    ],
    "chrome.ipynb": [
        "import pandas as pd\n"
        "pd.DataFrame({f'a rather long column name {i}': ['a rather long value']\n"
        "              for i in range(30)})",
        "from IPython.display import Markdown\n"
        "Markdown('Read [the start notebook](00_start_here.ipynb) first.')",
        "import ipywidgets as widgets\n"
        "widgets.VBox([widgets.IntSlider(description='Minutes'),\n"
        "              widgets.IntRangeSlider(description='Range')])",
    ],
    "slow.ipynb": [
        "import time\ntime.sleep(2)",
        "import ipywidgets as widgets\nwidgets.Dropdown(options=['a', 'b'], description='Pick')",
        "widgets.Output()",
        "widgets.HBox([widgets.Text(description='Name'), widgets.Checkbox(description='Sent')])",
    ],
    "environment.ipynb": [
        "import os, sys\n"
        "print('executable', sys.executable)\n"
        "print('workspace', os.environ.get('INFOVIEW_WORKSPACE'))\n"
        "print('home', os.environ.get('HOME'))\n"
        "print('backend', os.environ.get('MPLBACKEND'))",
    ],
}


def _write_notebook(path: Path, sources: list[str]) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}")]
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in sources]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def server(tmp_path_factory, chromium):
    root = tmp_path_factory.mktemp("harness")
    folder = root / "notebooks"
    folder.mkdir()
    for name, sources in NOTEBOOKS.items():
        _write_notebook(folder / name, sources)
    env = harness.isolated_env(root / "env")
    voila = harness.VoilaServer(folder, env, root / "voila.log").start()
    try:
        yield voila
    finally:
        voila.stop()


@pytest.fixture
def render(server, new_page):
    def render_(name: str):
        page = new_page()
        response = page.goto(server.url(name), wait_until="commit")
        harness.wait_for_voila(page, response)
        return page

    return render_


def test_a_failing_cell_fails_with_its_traceback(render):
    page = render("error.ipynb")
    (error,) = harness.page_errors(page)
    assert "ZeroDivisionError" in error
    with pytest.raises(pytest.fail.Exception, match="ZeroDivisionError: division by zero"):
        harness.axe_audit(page)


def test_a_callback_error_shown_in_an_output_fails_the_next_audit(render):
    page = render("callback.ipynb")
    harness.axe_audit(page)
    page.get_by_role("button", name="Check").click()
    page.get_by_text("KeyError").first.wait_for()
    with pytest.raises(pytest.fail.Exception, match="KeyError: 'no such answer'"):
        harness.axe_audit(page)


def test_an_unnamed_button_fails_the_audit(render):
    page = render("unlabelled.ipynb")
    assert harness.page_errors(page) == []
    with pytest.raises(pytest.fail.Exception, match=r"\[critical\] button-name"):
        harness.axe_audit(page)


def test_the_kit_template_fixes_what_voila_gets_wrong(render):
    from playwright.sync_api import expect

    page = render("chrome.ipynb")
    harness.axe_audit(page)  # passes: the fixes below are in place

    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("main#rendered_cells")).to_be_visible()
    region = page.get_by_role("region", name="Scrollable table")
    expect(region).to_have_attribute("tabindex", "0")
    region.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")  # scrolls the wide table sideways by keyboard
    # keyboard scrolling is animated: wait for it rather than read it at once
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(),
                           timeout=10_000)
    link = page.get_by_role("link", name="the start notebook")
    assert link.evaluate("el => getComputedStyle(el).textDecorationLine") == "underline"
    expect(page.get_by_role("slider", name="Minutes")).to_be_visible()
    expect(page.get_by_role("slider", name="Range (lower)")).to_be_visible()
    expect(page.get_by_role("slider", name="Range (upper)")).to_be_visible()


def test_every_widget_is_drawn_when_the_page_is_handed_over(render):
    page = render("slow.ipynb")
    assert page.get_by_label("Pick").is_visible()
    assert page.get_by_label("Name").is_visible()
    assert page.get_by_label("Sent").is_visible()
    assert "Loading widget" not in page.inner_text("body")


def test_kernels_run_in_this_environment_and_write_nowhere_else(render, server):
    page = render("environment.ipynb")
    printed = dict(line.split(" ", 1) for line in page.locator("pre").inner_text().splitlines())
    assert Path(printed["executable"]).resolve() == Path(sys.executable).resolve()
    assert printed["workspace"] == server.env["INFOVIEW_WORKSPACE"]
    assert printed["home"] == server.env["HOME"]
    assert printed["backend"] != "Agg"  # kernels draw inline


def test_axe_core_comes_from_the_registry_package():
    path = harness.axe_script_path()
    assert path.parent.name == "axe_playwright_python"
    assert harness.axe_version().split(".")[0] == "4"
