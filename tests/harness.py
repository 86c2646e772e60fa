"""Browser-test harness: Voilà on 127.0.0.1, Debian's Chromium through Playwright, axe-core.

The fixtures in ``tests/conftest.py`` are thin wrappers around this module, so the
pieces can also be used (and debugged) from a plain Python session::

    from harness import VoilaServer, isolated_env, launch_chromium, wait_for_voila, axe_audit

What a student sees is what these tests check: a notebook is served by Voilà
exactly as ``make app`` serves it, opened in a real Chromium, and audited with
axe-core against WCAG 2.1 A/AA.

Facts this harness relies on (checked on Voilà 0.5 and Playwright 1.4x):

* Voilà renders a notebook by streaming HTML while the kernel runs the cells.
  ``#loading`` (the spinner) is removed and ``#rendered_cells`` shown only after
  the last cell ran, so "spinner gone" means "kernel finished executing".
* Rich outputs arrive as ``<script type="application/vnd.voila.cell-output+json">``
  tags that the front end swaps for rendered outputs; a widget output first reads
  "Loading widget..." and gets its ``.jupyter-widgets`` view when the kernel's
  widget model arrives over the websocket.
* Error outputs (tracebacks) are rendered by the server as
  ``.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]``.
* ``pip install playwright`` brings no browser and ``playwright install`` needs the
  internet, so Chromium is Debian's, launched by ``executable_path``.
* axe-core comes from the PyPI package ``axe-playwright-python``, which ships
  ``axe.min.js``; nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"

#: Where the kit's own Voilà template (``voila/templates/infoview``) lives; it goes on
#: ``JUPYTER_PATH`` so Voilà finds it, as ``make app`` does.
JUPYTER_SHARE = REPO / "share" / "jupyter"

#: The kit's Voilà template: Voilà's lab template with a main landmark and
#: keyboard-scrollable outputs (see its ``index.html.j2``).
VOILA_TEMPLATE = "infoview"

#: Chromium switches that make Debian's Chromium start headless in a container,
#: quietly and without talking to Google's servers.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

#: axe-core rule tags the audit runs: WCAG 2.0 and 2.1, levels A and AA, plus
#: Deque's best practices (those only fail the audit when serious or critical).
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")

#: Violation impacts that fail a test.
FAILING_IMPACTS = ("serious", "critical")

#: Seconds a notebook may take from ``goto`` to "every widget drawn". Generous: the
#: test machine has two cores shared with other work.
DEFAULT_OPEN_TIMEOUT = 180.0

#: Seconds Voilà gives one cell before it reports a timeout in the page.
CELL_TIMEOUT = 120

#: Seconds after which Voilà shuts down a kernel whose page is closed (and idle).
KERNEL_CULL_AFTER = 30

#: Text that means a Python (or widget-rendering) error is on the page.
ERROR_PATTERNS = re.compile(
    r"Traceback \(most recent call last\)"
    r"|^[A-Za-z_][\w.]*(?:Error|Exception): "
    r"|There was an error when executing cell"
    r"|Cell execution timed out"
    r"|^Javascript Error: "
    r"|Error displaying widget",
    re.MULTILINE,
)

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class HarnessError(RuntimeError):
    """The harness could not start something (server, browser) or a page is broken."""


# --- Chromium -----------------------------------------------------------------------------


def find_chromium() -> str | None:
    """Path of Debian's ``chromium`` (or ``CHROMIUM`` from the environment), or ``None``."""
    override = os.environ.get("CHROMIUM")
    if override:
        return override if Path(override).exists() else shutil.which(override)
    return shutil.which("chromium")


def launch_chromium(playwright, executable: str):
    """Launch headless Chromium from ``executable`` with :data:`CHROMIUM_ARGS`.

    Parameters
    ----------
    playwright : playwright.sync_api.Playwright
        A started ``sync_playwright()`` handle.
    executable : str
        Path of the Chromium binary.

    Returns
    -------
    playwright.sync_api.Browser
    """
    return playwright.chromium.launch(
        executable_path=executable, args=list(CHROMIUM_ARGS), headless=True
    )


def new_offline_page(browser, *, default_timeout: float = 60.0):
    """A fresh context and page that may only talk to 127.0.0.1.

    Requests to any other host are aborted, so a test never depends on (or leaks
    to) the internet. The only such request Voilà makes is its lab template's
    Font Awesome stylesheet from a CDN; icons are the only thing it would draw.

    Parameters
    ----------
    browser : playwright.sync_api.Browser
    default_timeout : float
        Seconds Playwright waits for actions and selectors on this page.

    Returns
    -------
    playwright.sync_api.Page
        Close it with ``page.context.close()``.
    """
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(default_timeout * 1000)

    def only_local(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_local)
    return context.new_page()


# --- an isolated environment ----------------------------------------------------------------


def isolated_env(root: Path, *, workspace: Path | None = None) -> dict[str, str]:
    """Environment variables that keep a server and its kernels inside ``root``.

    ``HOME``, ``JUPYTER_CONFIG_DIR``, ``JUPYTER_DATA_DIR``, ``JUPYTER_RUNTIME_DIR``,
    ``IPYTHONDIR`` and ``MPLCONFIGDIR`` point into ``root``; ``INFOVIEW_WORKSPACE``
    points to ``workspace`` (default ``root/workspace``). ``JUPYTER_PATH`` is the
    repository's ``share/jupyter`` (the kit's Voilà template) and nothing else. The
    venv's ``bin`` comes first on ``PATH``. ``MPLBACKEND`` is removed: kernels must
    draw inline, and an inherited ``MPLBACKEND=Agg`` makes inline figures vanish.

    Parameters
    ----------
    root : pathlib.Path
        An empty temporary folder.
    workspace : pathlib.Path, optional
        Where notebooks write a student's files.

    Returns
    -------
    dict of str to str
        A full environment for ``subprocess.Popen(env=...)``.
    """
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    env["JUPYTER_PATH"] = str(JUPYTER_SHARE)
    dirs = {
        "HOME": root / "home",
        "JUPYTER_CONFIG_DIR": root / "jupyter" / "config",
        "JUPYTER_DATA_DIR": root / "jupyter" / "data",
        "JUPYTER_RUNTIME_DIR": root / "jupyter" / "runtime",
        "IPYTHONDIR": root / "ipython",
        "MPLCONFIGDIR": root / "matplotlib",
        "INFOVIEW_WORKSPACE": workspace or root / "workspace",
    }
    for name, folder in dirs.items():
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def kernel_in_this_env(env: dict[str, str]) -> Path:
    """Check that, under ``env``, the ``python3`` kernel is this venv's.

    The temporary ``JUPYTER_DATA_DIR`` holds no kernelspecs, so the ``python3``
    spec must come from ``sys.prefix/share/jupyter/kernels`` (or be ipykernel's
    built-in one). Jupyter also replaces a spec's ``python`` with the server's
    own ``sys.executable``, which is this venv's Python.

    Returns
    -------
    pathlib.Path
        The kernelspec's folder.

    Raises
    ------
    HarnessError
        If the spec is missing or comes from another environment.
    """
    done = subprocess.run(
        [sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    if done.returncode:
        raise HarnessError(f"jupyter kernelspec list failed:\n{done.stderr}")
    specs = json.loads(done.stdout)["kernelspecs"]
    if "python3" not in specs:
        raise HarnessError(f"No python3 kernel under the test environment; found {list(specs)}")
    spec = specs["python3"]
    folder = Path(spec["resource_dir"]).resolve()
    argv0 = spec["spec"]["argv"][0]
    ours = folder.is_relative_to(Path(sys.prefix).resolve())
    plain_python = argv0 in {"python", "python3", f"python3.{sys.version_info[1]}"}
    if not (ours or plain_python or Path(argv0).resolve() == Path(sys.executable).resolve()):
        raise HarnessError(
            f"The python3 kernel at {folder} runs {argv0}, not this environment's "
            f"{sys.executable}."
        )
    return folder


# --- Voilà ----------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def voila_command(notebook_dir: Path, port: int) -> list[str]:
    """The command line that serves ``notebook_dir`` with Voilà on ``127.0.0.1:port``.

    The kit's template is used, as in ``make app`` (its folder must be on
    ``JUPYTER_PATH``, see :func:`isolated_env`).
    ``show_tracebacks`` puts a failing cell's traceback in the page (so a test can
    report it); ``VoilaExecutor.timeout`` turns a hung cell into a visible error
    instead of a page that never finishes. Kernels whose page has gone are culled
    after :data:`KERNEL_CULL_AFTER` seconds: Playwright's ``close()`` fires no
    ``beforeunload`` (and Voilà's shutdown beacon needs an XSRF cookie it never
    sets), so nothing else would end them before the server stops.
    """
    return [
        sys.executable, "-m", "voila",
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--template={VOILA_TEMPLATE}",
        "--show_tracebacks=True",
        f"--VoilaExecutor.timeout={CELL_TIMEOUT}",
        "--VoilaExecutor.startup_timeout=120",
        f"--MappingKernelManager.cull_idle_timeout={KERNEL_CULL_AFTER}",
        "--MappingKernelManager.cull_interval=15",
        str(notebook_dir),
    ]


@dataclass
class VoilaServer:
    """One Voilà process serving a folder of notebooks on 127.0.0.1.

    Attributes
    ----------
    notebook_dir : pathlib.Path
        The folder served; a notebook ``NAME.ipynb`` in it (or in a subfolder) is at
        :meth:`url`.
    env : dict
        The server's (and its kernels') environment, see :func:`isolated_env`.
    log_path : pathlib.Path
        Voilà's output, shown when something fails.
    port : int
        Chosen free at :meth:`start`.
    """

    notebook_dir: Path
    env: dict[str, str]
    log_path: Path
    port: int = 0
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, name: str) -> str:
        """The render URL of ``name`` (a path relative to :attr:`notebook_dir`)."""
        if not (self.notebook_dir / name).is_file():
            raise FileNotFoundError(f"No notebook {name!r} in {self.notebook_dir}")
        return f"{self.base_url}/voila/render/{name}"

    def log_tail(self, chars: int = 6000) -> str:
        """The end of Voilà's log."""
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return _ANSI.sub("", text[-chars:])

    def start(self, timeout: float = 120.0) -> VoilaServer:
        """Start Voilà on a free port and wait until it answers HTTP.

        Raises
        ------
        HarnessError
            If the process exits or does not answer within ``timeout`` seconds; the
            message holds the end of Voilà's log.
        """
        self.port = free_port()
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            voila_command(self.notebook_dir, self.port),
            cwd=self.notebook_dir, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HarnessError(
                    f"Voilà exited with code {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(f"{self.base_url}/", timeout=10):
                    pass
            except urllib.error.HTTPError:
                return self  # it answers, even if with an error status: it is up
            except OSError:
                time.sleep(0.25)
                continue
            return self
        self.stop()
        raise HarnessError(f"Voilà did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self, grace: float = 15.0) -> None:
        """Terminate Voilà (it shuts its kernels down); kill it after ``grace`` seconds.

        Only this server's own process group (made at :meth:`start`) is signalled.
        """
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        _signal_group(process, signal.SIGTERM)  # Voilà shuts its kernels down on SIGTERM
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait(grace)
        # Kernels run in sessions of their own; one left behind by a killed server ends
        # itself when its parent is gone (ipykernel polls its parent process).


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)  # the group this harness created for the server
    except (ProcessLookupError, PermissionError):
        pass


# --- a rendered page ----------------------------------------------------------------------


_WIDGETS_READY = """
(expected) => {
  if (document.querySelector('#loading')) return false;
  if (document.querySelector('script[type="application/vnd.voila.cell-output+json"]')) {
    return false;
  }
  const outputs = [...document.querySelectorAll('#rendered_cells .jp-OutputArea-output')];
  const views = outputs.filter(
    (o) => o.classList.contains('jupyter-widgets') || o.querySelector(':scope > .jupyter-widgets'));
  if (views.length < expected) return false;
  return !document.body.innerText.includes('Loading widget...');
}
"""

_CELL_OUTPUT = re.compile(
    r'<script type="application/vnd\.voila\.cell-output\+json">(.*?)</script>', re.S
)


def count_widget_outputs(html: str) -> int:
    """How many widget views a Voilà page's raw HTML asks the front end to draw."""
    count = 0
    for blob in _CELL_OUTPUT.findall(html):
        try:
            output = json.loads(blob)
        except json.JSONDecodeError:
            continue
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {}):
            count += 1
    return count


#: Where errors show: tracebacks and stderr (cells, Output widgets, "Javascript Error"),
#: ipywidgets' error view, and a widget output that failed to draw. Ordinary text and
#: HTML outputs are not searched, so a widget may show "ValueError: ..." on purpose.
_ERROR_PLACES = (
    '[data-mime-type="application/vnd.jupyter.stderr"], '
    ".jupyter-widgets-error-widget, "
    ".jp-OutputArea-output.jupyter-widgets"
)


def page_errors(page) -> list[str]:
    """Python tracebacks and rendering errors visible on a page (ANSI colours removed)."""
    texts = page.eval_on_selector_all(_ERROR_PLACES, "els => els.map(e => e.innerText)")
    found, seen = [], set()
    for text in texts:
        text = _ANSI.sub("", text or "").strip()
        if text and text not in seen and ERROR_PATTERNS.search(text):
            seen.add(text)
            found.append(text)
    # an outer element's text contains its children's: keep the innermost ones
    return [t for t in found if not any(t != other and other in t for other in found)]


def assert_no_python_errors(page) -> None:
    """Fail the test with the page's traceback(s) if Voilà shows a Python error."""
    import pytest

    errors = page_errors(page)
    if errors:
        pytest.fail(
            "The page shows a Python error:\n\n" + "\n\n----\n\n".join(errors), pytrace=False
        )


def wait_for_voila(page, response, *, timeout: float = DEFAULT_OPEN_TIMEOUT) -> None:
    """Wait until Voilà has run every cell and drawn every widget.

    Parameters
    ----------
    page : playwright.sync_api.Page
        The page that navigated to a render URL.
    response : playwright.sync_api.Response
        What ``page.goto`` returned.
    timeout : float
        Seconds, counted from the call.

    Raises
    ------
    HarnessError
        On an HTTP error, or when the page is not ready in time; the message
        holds the page's text.
    """
    deadline = time.monotonic() + timeout

    def left_ms() -> float:
        return max(1000.0, (deadline - time.monotonic()) * 1000)

    if response is None or response.status >= 400:
        status = "no response" if response is None else f"HTTP {response.status}"
        raise HarnessError(f"Voilà answered {status}:\n{_body_text(page)}")
    try:
        page.wait_for_selector("#loading", state="detached", timeout=left_ms())
        expected = count_widget_outputs(response.text())
        page.wait_for_function(_WIDGETS_READY, arg=expected, timeout=left_ms(), polling=250)
        if expected:
            page.locator(".jupyter-widgets").first.wait_for(state="visible", timeout=left_ms())
    except Exception as error:  # playwright's TimeoutError, or a closed page
        raise HarnessError(
            f"Voilà did not finish rendering {page.url} within {timeout:.0f} s "
            f"({type(error).__name__}). The page reads:\n{_body_text(page)}"
        ) from error


def _body_text(page) -> str:
    try:
        return page.inner_text("body", timeout=5000)[-6000:]
    except Exception:  # noqa: BLE001 - best effort, only for messages
        return "(the page text could not be read)"


# --- axe-core -------------------------------------------------------------------------------


def axe_script_path() -> Path:
    """``axe.min.js`` as shipped by the PyPI package ``axe-playwright-python``.

    Raises
    ------
    HarnessError
        If the file is missing or is not axe-core.
    """
    path = Path(str(resources.files("axe_playwright_python").joinpath("axe.min.js")))
    if not path.is_file():
        raise HarnessError(f"axe-playwright-python ships no axe.min.js at {path}")
    with path.open(encoding="utf-8") as handle:
        head = handle.read(200)
    if not head.startswith("/*! axe v"):
        raise HarnessError(f"{path} does not look like axe-core: {head[:60]!r}")
    return path


def axe_version() -> str:
    """The bundled axe-core version, e.g. ``"4.10.2"``."""
    with axe_script_path().open(encoding="utf-8") as handle:
        return handle.readline().removeprefix("/*! axe v").strip()


def run_axe(page, *, tags=AXE_TAGS) -> dict:
    """Inject axe-core into ``page`` (once) and return ``axe.run``'s results."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script_path()))
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    return page.evaluate("async (options) => await axe.run(document, options)", options)


def format_violations(violations: list[dict]) -> str:
    """One readable paragraph per violation: id, impact, help, and each node's target."""
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(map(str, node["target"]))
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def axe_audit(page, *, tags=AXE_TAGS, impacts=FAILING_IMPACTS) -> dict:
    """Audit the page as it is now; fail on any serious or critical violation.

    First fails on a Python traceback shown in the page (so the message is the
    traceback, not the colour contrast of its ANSI colours). Nothing is excluded
    from the audit: every part of the page, Voilà's own included, must pass.

    Parameters
    ----------
    page : playwright.sync_api.Page
    tags : sequence of str
        axe-core rule tags to run (default: WCAG 2.1 A/AA and best practices).
    impacts : sequence of str
        Impacts that fail the test (default: serious and critical).

    Returns
    -------
    dict
        axe-core's results (``violations`` holds every violation found,
        including minor and moderate ones, which do not fail).
    """
    import pytest

    assert_no_python_errors(page)
    results = run_axe(page, tags=tags)
    failing = [v for v in results["violations"] if v["impact"] in impacts]
    if failing:
        pytest.fail(
            f"axe-core {axe_version()} found {len(failing)} serious or critical accessibility "
            f"violation(s) on {page.url}:\n" + format_violations(failing),
            pytrace=False,
        )
    return results
