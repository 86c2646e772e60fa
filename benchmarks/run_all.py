"""Every benchmark in one run (``make bench``): ``RESULTS.md`` and ``scaling.png``.

Generates (or reuses, from ``benchmarks/_data/``) seeded logs of each size in a
canonical and a messy layout, checks that ``load_log`` reads both, then measures on the
same files: ``load_log`` against a bare pandas read, every metric, ``write_report``,
peak memory of a load, import time and every notebook. Writes ``RESULTS.md`` and
``scaling.png`` to ``--out``, prints one line per budget, and exits 1 when a budget is
missed (2 when a benchmark cannot run, e.g. a generated file does not load).

Usage::

    python benchmarks/run_all.py [--sizes 10000,100000,1000000] [--repeat 5]
                                 [--out benchmarks] [--skip notebooks,memory,...] [--seed 0]

Sections for ``--skip``: load, metrics, report, memory, import, notebooks. Each
``bench_<section>.py`` also runs alone as a quick check (same options; prints its
table and writes nothing).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import bench_import  # noqa: E402 - after the backend is chosen
import bench_load  # noqa: E402
import bench_memory  # noqa: E402
import bench_metrics  # noqa: E402
import bench_notebooks  # noqa: E402
import bench_report  # noqa: E402
import results  # noqa: E402
import scaling  # noqa: E402
from measure import BenchmarkError  # noqa: E402
from synthetic import VARIANTS  # noqa: E402
from workload import BUDGET_ROWS, Workload  # noqa: E402

HERE = Path(__file__).resolve().parent
SECTIONS = {module.KEY: module for module in (bench_load, bench_metrics, bench_report,
                                              bench_memory, bench_import, bench_notebooks)}
IN_PROCESS = {"load", "metrics"}  # share the loaded logs; the others start processes
NO_DATA = {"import", "notebooks"}  # sections that read no generated log
DEFAULT_SIZES = "10000,100000,1000000"


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes are whole numbers like 10000: {text!r}") \
            from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("give at least one size of 1 row or more")
    return tuple(sizes)


def _skip(text: str) -> set[str]:
    keys = {part.strip() for part in text.split(",") if part.strip()}
    unknown = keys - set(SECTIONS)
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    return keys


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("--repeat must be 1 or more")
    return value


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=_sizes(DEFAULT_SIZES),
                        help=f"rows of each log, comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--repeat", type=_positive, default=5,
                        help="rounds of each timing; the best is kept (default 5)")
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder for RESULTS.md and scaling.png (default benchmarks/)")
    parser.add_argument("--skip", type=_skip, default=set(),
                        help=f"sections to leave out, comma-separated: {', '.join(SECTIONS)}")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic logs")
    return parser.parse_args(argv)


def _notes(work: Workload, skipped: set[str], sections: list[results.Section]) -> list[str]:
    notes = []
    problems = [(s.title, len(s.problems)) for s in sections if s.problems]
    if problems:
        notes.append("Problems found (no budget), listed in their sections: " + "; ".join(
            f"{count} in {title}" for title, count in problems) + ".")
    if not work.judged:
        notes.append(f"This run's largest log has {results.rows_label(work.largest)} rows; "
                     f"the size budgets are set for {results.rows_label(BUDGET_ROWS)}, so "
                     "those figures are shown but not judged.")
    if skipped:
        notes.append("Sections skipped in this run: " + ", ".join(sorted(skipped)) + ".")
    if hasattr(os, "getloadavg"):
        notes.append("Load average at the end (1, 5, 15 min): "
                     + ", ".join(f"{x:.2f}" for x in os.getloadavg())
                     + f" on {os.cpu_count()} cores; a load near or above the core count "
                     "means other work shared the machine (ratios are measured side by side "
                     "and suffer less than absolute times).")
    return notes


def main(argv: list[str] | None = None, keep: bool = True) -> int:
    """Run the benchmarks; 0 when every judged budget is met, 1 when one is missed.

    ``keep=False`` (a quick check of one section) only changes the closing message:
    the files go to a temporary ``--out`` that is removed afterwards.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parse_args(argv)
    work = Workload(args.sizes, args.repeat, args.seed)
    command = shlex.join(["python", "benchmarks/run_all.py", *argv])
    env = results.environment()
    print(command, *(f"  {label}: {value}" for label, value in env), sep="\n", flush=True)
    started = time.perf_counter()
    try:
        if set(SECTIONS) - NO_DATA - args.skip:
            for rows in work.sizes:
                for variant in VARIANTS:
                    work.path(rows, variant)
        print(f"data ready in {time.perf_counter() - started:.0f} s", flush=True)
        sections = []
        for key, module in SECTIONS.items():
            if key in args.skip:
                continue
            if key not in IN_PROCESS:
                work.forget()
            print(f"== {key}", flush=True)
            begun = time.perf_counter()
            sections.append(module.run(work))
            print(sections[-1].markdown(), f"({key}: {time.perf_counter() - begun:.0f} s)", "",
                  sep="\n", flush=True)
    except BenchmarkError as error:
        print(f"benchmark error: {error}", file=sys.stderr)
        return 2
    work.forget()

    series = {s.key: s.series for s in sections}
    args.out.mkdir(parents=True, exist_ok=True)
    growth = scaling.section(series.get("load", {}), series.get("metrics", {}),
                             list(work.sizes), args.out, bench_metrics.BUDGET_S, work.repeat)
    after = 1 + max((i for i, s in enumerate(sections) if s.key in IN_PROCESS), default=-1)
    sections.insert(after, growth)
    text = results.document(command, env, sections, _notes(work, args.skip, sections))
    (args.out / "RESULTS.md").write_text(text, encoding="utf-8")

    checks = [check for s in sections for check in s.checks]
    kept = f"written to {args.out}" if keep else "quick check: no file kept"
    print(f"== summary ({time.perf_counter() - started:.0f} s); {kept}")
    for check in checks:
        print(check.line())
    for problem in (p for s in sections for p in s.problems):
        print(f"   problem  {problem}")
    return 1 if any(check.ok is False for check in checks) else 0


def quick(key: str, argv: list[str] | None = None, probe=None) -> int:
    """Run one section alone (same options), printing its tables and writing nothing.

    ``--probe ARGS...`` instead calls ``probe(*ARGS)``: the child-process side of a
    section that measures in fresh processes.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if probe is not None and argv[:1] == ["--probe"]:
        probe(*argv[1:])
        return 0
    others = ",".join(k for k in SECTIONS if k != key)
    with tempfile.TemporaryDirectory() as out:
        return main(["--skip", others, "--out", out, *argv], keep=False)


if __name__ == "__main__":
    raise SystemExit(main())
