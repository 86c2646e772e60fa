"""The benchmark harness runs end to end on tiny logs and reports what it must.

No wall-clock time is asserted: timings are for people (``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import importlib.util
import inspect
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from infoview_lib import load_log, metrics, schema

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
DESIGN_METRICS = ("thank_you_rate", "follow_up_rate", "response_rate", "duration_on_target",
                  "network_growth", "referral_edges", "referral_graph", "due_followups",
                  "summary", "mode_mix", "source_mix", "by_student")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _synthetic():
    """The benchmarks' generator, imported under a name no other module uses."""
    spec = importlib.util.spec_from_file_location("benchmarks_synthetic",
                                                  BENCHMARKS / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _public_metrics() -> set[str]:
    """Every function metrics exports that takes a log first, and the DESIGN list."""
    found = {name for name in metrics.__all__
             if inspect.isfunction(getattr(metrics, name))
             and list(inspect.signature(getattr(metrics, name)).parameters)[:1]
             in (["log"], ["class_log"])}
    return found | set(DESIGN_METRICS)


def _tables(markdown: str) -> list[list[dict[str, str]]]:
    """Every Markdown table in ``markdown``, as a list of rows keyed by header."""
    tables, block = [], []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            block.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
        elif block:
            header, rows = block[0], block[2:]
            tables.append([dict(zip(header, row, strict=True)) for row in rows])
            block = []
    return tables


def _finite(text: str) -> bool:
    """A table cell is a plain finite number (``float`` raises on anything else)."""
    return math.isfinite(float(text))


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    """One harness run on 300 and 1,000 rows (no notebooks, import or report sections)."""
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run_all.py"), "--sizes", "300,1000", "--repeat", "1",
         "--skip", "notebooks,import,report", "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    return done, out


def test_tiny_run_succeeds_and_judges_no_budget(tiny_run):
    done, _ = tiny_run
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert "not judged" in done.stdout  # 1,000,000 rows is not in the run


def test_results_have_load_and_every_metric_with_numeric_ratios(tiny_run):
    _, out = tiny_run
    tables = _tables((out / "RESULTS.md").read_text(encoding="utf-8"))
    load = [row for table in tables for row in table
            if row.get("operation") == "load_log" and "bare read (s)" in row]
    assert {(row["variant"], row["rows"]) for row in load} == {
        (variant, rows) for variant in ("canonical", "messy") for rows in ("300", "1,000")}
    assert all(_finite(row["ratio"]) for row in load)

    timed = {(row["metric"], row["rows"]): row for table in tables for row in table
             if "ratio to baseline" in row}
    for name in _public_metrics():
        for rows in ("300", "1,000"):
            assert (name, rows) in timed, f"no row for {name} at {rows} rows"
            assert _finite(timed[name, rows]["ratio to baseline"])
            assert _finite(timed[name, rows]["time (s)"])


def test_results_header_budgets_memory_and_growth(tiny_run):
    _, out = tiny_run
    text = (out / "RESULTS.md").read_text(encoding="utf-8")
    for label in ("Cores", "CPU", "OS", "Python", "pandas", "numpy", "pyarrow", "networkx",
                  "matplotlib", "infoview"):
        assert f"| {label} |" in text
    assert "python benchmarks/run_all.py --sizes 300,1000" in text
    budgets = next(t for t in _tables(text) if t and "limit" in t[0])
    assert any(row["budget"].startswith("load_log") for row in budgets)
    assert any(row["budget"].startswith("peak memory") for row in budgets)
    assert all(row["verdict"].startswith("not judged") for row in budgets)
    growth = [row for table in _tables(text) for row in table if "µs per row at 1,000" in row]
    assert {row["operation"] for row in growth} >= {"load_log (canonical)", *DESIGN_METRICS}


def test_scaling_chart_is_a_png_embedded_with_alt_text(tiny_run):
    _, out = tiny_run
    assert (out / "scaling.png").read_bytes()[:8] == PNG_SIGNATURE
    text = (out / "RESULTS.md").read_text(encoding="utf-8")
    start = text.index("![")
    alt = text[start + 2:text.index("](scaling.png)", start)]
    assert "load_log" in alt and "rows" in alt and "s" in alt


def test_unknown_section_is_refused():
    done = subprocess.run([sys.executable, str(BENCHMARKS / "run_all.py"), "--skip", "nope"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert "unknown section" in done.stderr and "notebooks" in done.stderr


def test_both_layouts_load_to_the_generated_log(tmp_path):
    synthetic = _synthetic()
    log = synthetic.synthetic_log(400, seed=3)
    canonical = synthetic.write_csv(log, tmp_path / "canonical.csv", "canonical", seed=3)
    messy = synthetic.write_csv(log, tmp_path / "messy.csv", "messy", seed=3)
    for path in (canonical, messy):
        pd.testing.assert_frame_equal(load_log(path), log)

    text = canonical.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(schema.COLUMN_NAMES)
    assert len(text.splitlines()) == 401  # one record per line: no quoted newline
    assert '"' in text  # notes with commas or quotes are quoted
    assert set(log["status"].dropna()) == set(schema.STATUSES)
    assert log.loc[log["status"] != "completed", "duration_min"].isna().all()
    assert log["referred_by"].isin(log["contact"]).any()

    raw = messy.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    header = raw[3:raw.index(b"\r\n")].decode()
    assert "Contact Name" in header and "Company" in header
    body = raw.decode("utf-8-sig")
    assert "Zoom" in body and "Coffee chat" in body
    assert any(cell.count("/") == 2 for cell in body.replace("\r\n", ",").split(","))
