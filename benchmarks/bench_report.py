"""Section ``report``: ``report.write_report`` at every size (no budget; the time is reported).

Two reports per size, each in a fresh process that loads the canonical file, writes a
50-row report first (imports, templates and fonts warm up) and then times the full one:
the class report (a ``ClassLog`` of 40 students, what an instructor or a career centre
writes for a large log) and the one-log report (a ``DataFrame``, a student's own report).
A report still running after the time limit is stopped and reported as such.
Quick check of this section alone: ``python benchmarks/bench_report.py [--sizes ...]``.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

import pandas as pd
from measure import BenchmarkError, answer, run_child
from results import Section, Table, rows_label, seconds
from synthetic import AS_OF, with_students
from workload import Workload, checked_load

from infoview_lib.errors import problems_frame
from infoview_lib.io import ClassLog

KEY = "report"
TIMEOUT_S = 90
WARM_UP_ROWS = 50
KINDS = {"class": "class report (ClassLog, 40 students)", "log": "one-log report (DataFrame)"}
TEXT = (
    "`report.write_report(source, path, today={as_of})`, no budget. Each report runs in a "
    "fresh process that loads the canonical file, writes a {warm}-row report first (so "
    "imports and templates are warm) and then times one full report. The **class report** "
    "takes a `ClassLog` (40 students): what an instructor or a career centre writes for a "
    "large log. The **one-log report** takes the `DataFrame`: a student's own report. A "
    "process still running after {timeout} s (load, warm-up and report together) is "
    "stopped, and that report is not tried on larger logs."
)


def report_source(kind: str, log: pd.DataFrame, seed: int):
    """What ``write_report`` is given: a ``ClassLog`` or the log itself."""
    if kind == "log":
        return log
    students = with_students(log, seed)
    problems = problems_frame()
    problems.insert(0, "file", pd.Series([], dtype="string"))
    problems.insert(0, "student", pd.Series([], dtype="string"))
    return ClassLog(students[["student", *log.columns]], problems)


def probe(kind: str, path: str, rows: str, seed: str, folder: str) -> None:
    """Child process: load, warm up, time one report, answer with seconds and bytes."""
    from infoview_lib.report import write_report

    log = checked_load(Path(path), int(rows))
    out = Path(folder) / f"report_{kind}_{rows}.html"
    write_report(report_source(kind, log.head(WARM_UP_ROWS), int(seed)), out, today=AS_OF)
    source = report_source(kind, log, int(seed))
    start = time.perf_counter()
    write_report(source, out, today=AS_OF)
    answer(seconds=time.perf_counter() - start, bytes=out.stat().st_size)


def _time_one(kind: str, rows: int, work: Workload, folder: str) -> tuple[dict | None, str]:
    """The child's answer, or None and what went wrong."""
    argv = [__file__, "--probe", kind, str(work.path(rows)), str(rows), str(work.seed), folder]
    try:
        return run_child(argv, timeout=TIMEOUT_S), ""
    except subprocess.TimeoutExpired:
        return None, f"stopped: not finished after {TIMEOUT_S} s"
    except BenchmarkError as error:
        return None, f"failed: {error}"


def run(work: Workload) -> Section:
    """Time both reports at every size, each in its own process."""
    section = Section(KEY, "Report (`write_report`)",
                      TEXT.format(as_of=AS_OF, warm=WARM_UP_ROWS, timeout=TIMEOUT_S))
    table = Table(["report", "rows", "time (s)", "HTML (MB)", "note"])
    stopped: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for rows in work.sizes:
            for kind, label in KINDS.items():
                if kind in stopped:
                    table.rows.append([label, rows_label(rows), "—", "—", "not run: stopped "
                                       f"at {rows_label(stopped[kind])} rows already"])
                    continue
                result, note = _time_one(kind, rows, work, folder)
                if result is None:
                    if note.startswith("stopped"):
                        stopped[kind] = rows
                    table.rows.append([label, rows_label(rows), "—", "—", note])
                    section.problems.append(f"{label} at {rows_label(rows)} rows: {note}")
                    print(f"  report {kind:5} {rows_label(rows):>9} rows: {note[:120]}",
                          flush=True)
                    continue
                table.rows.append([label, rows_label(rows), seconds(result["seconds"]),
                                   f"{result['bytes'] / 1e6:.1f}", ""])
                print(f"  report {kind:5} {rows_label(rows):>9} rows: "
                      f"{result['seconds']:.2f} s", flush=True)
    section.tables.append(table)
    return section


if __name__ == "__main__":
    from run_all import quick

    raise SystemExit(quick(KEY, probe=probe))
