"""What a benchmark section hands back, and how ``RESULTS.md`` is written from it."""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
from dataclasses import dataclass, field
from importlib import metadata

LIBRARIES = ("pandas", "numpy", "pyarrow", "networkx", "matplotlib", "infoview")


@dataclass
class Check:
    """One budget, as measured.

    Attributes
    ----------
    what : str
        What was measured, e.g. ``"load_log / bare read, canonical, 1,000,000 rows"``.
    value : float
        The measured figure (NaN if it could not be measured).
    limit : float
        The budget.
    unit : str
        Printed after numbers: ``"×"``, ``" s"`` ...
    strict : bool
        ``value < limit`` when true, ``value <= limit`` otherwise.
    applies : bool
        False when the run did not include the size the budget is set for: the
        figure is shown, not judged.
    """

    what: str
    value: float
    limit: float
    unit: str
    strict: bool = False
    applies: bool = True

    @property
    def ok(self) -> bool | None:
        """True/False when judged (a figure that could not be measured fails); None when
        the run did not include the size the budget is set for."""
        if not self.applies:
            return None
        if math.isnan(self.value):
            return False
        return self.value < self.limit if self.strict else self.value <= self.limit

    @property
    def verdict(self) -> str:
        """``ok``, ``OVER``, ``failed`` (not measurable) or ``—`` (not judged)."""
        if self.ok is False and math.isnan(self.value):
            return "failed"
        return {True: "ok", False: "OVER", None: "—"}[self.ok]

    @property
    def budget(self) -> str:
        """The budget as text: ``≤ 1.5×``, ``< 1 s``."""
        return f"{'<' if self.strict else '≤'} {self.limit:g}{self.unit}"

    def line(self) -> str:
        """One line for the console summary."""
        value = "not measured" if math.isnan(self.value) else f"{self.value:.3g}{self.unit}"
        status = self.verdict if self.ok is not None else "not judged"
        return f"{status:>10}  {self.what}: {value} (budget {self.budget})"


@dataclass
class Table:
    """A Markdown table: header cells and rows of cells, with an optional heading."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    title: str | None = None

    def markdown(self) -> str:
        """The table as GitHub-flavoured Markdown (numbers right-aligned)."""
        def numeric(column: int) -> bool:
            cells = [row[column] for row in self.rows if row[column] not in ("", "—")]
            return bool(cells) and all(_is_number(c) for c in cells)

        align = ["---:" if numeric(i) else "---" for i in range(len(self.header))]
        lines = [f"### {self.title}", ""] if self.title else []
        lines += ["| " + " | ".join(self.header) + " |", "| " + " | ".join(align) + " |"]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
                  for row in self.rows]
        return "\n".join(lines)


@dataclass
class Section:
    """What one benchmark section measured.

    Attributes
    ----------
    key : str
        The name ``--skip`` uses (``load``, ``metrics`` ...).
    title : str
        Heading in ``RESULTS.md``.
    text : str
        A paragraph saying how it was measured.
    tables : list of Table
    checks : list of Check
        The budgets this section judges.
    series : dict
        Name → {rows: seconds}, drawn in ``scaling.png`` and used for linear growth.
    problems : list of str
        Things that went wrong but have no budget (an operation that failed).
    """

    key: str
    title: str
    text: str
    tables: list[Table] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    series: dict[str, dict[int, float]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        """The section: heading, paragraph, tables, problems."""
        parts = [f"## {self.title}", self.text, *(t.markdown() for t in self.tables)]
        if self.problems:
            parts.append("\n".join(f"- **Problem:** {p}" for p in self.problems))
        return "\n\n".join(parts)


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def seconds(value: float) -> str:
    """Seconds as a table shows them: 4 decimals under 10 s, 2 above."""
    if math.isnan(value):
        return "—"
    return f"{value:.4f}" if value < 10 else f"{value:.2f}"


def ratio(value: float) -> str:
    """A ratio as a plain number with 2 decimals (``—`` when unknown)."""
    return "—" if math.isnan(value) or math.isinf(value) else f"{value:.2f}"


def rows_label(rows: int) -> str:
    """``1,000,000``."""
    return f"{rows:,}"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.lower().startswith(("model name", "hardware", "cpu model")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "not readable"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def environment() -> list[tuple[str, str]]:
    """The machine and library versions a result belongs to, as (label, value) pairs."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    cores = f"{os.cpu_count()}" + (f" ({usable} usable)" if usable not in (None,
                                                                         os.cpu_count()) else "")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "—"
    pairs = [("Date", dt.datetime.now().strftime("%Y-%m-%d %H:%M")), ("Cores", cores),
             ("CPU", _cpu_model()), ("Load average at start (1, 5, 15 min)", load),
             ("OS", platform.platform()), ("Python", platform.python_version())]
    pairs += [(name, _version(name)) for name in LIBRARIES]
    return pairs


def budget_table(checks: list[Check]) -> Table:
    """Every budget of the run in one table."""
    table = Table(["budget", "measured", "limit", "verdict"])
    for check in checks:
        measured = "—" if math.isnan(check.value) else f"{check.value:.3g}{check.unit}"
        verdict = check.verdict if check.applies else "not judged (size not in this run)"
        table.rows.append([check.what, measured, check.budget, verdict])
    return table


def document(command: str, env: list[tuple[str, str]], sections: list[Section],
             notes: list[str]) -> str:
    """The whole ``RESULTS.md``."""
    checks = [c for s in sections for c in s.checks]
    over = sum(c.ok is False for c in checks)
    judged = sum(c.ok is not None for c in checks)
    lines = [
        "# Benchmark results",
        "",
        f"Command: `{command}` (`make bench` runs `python benchmarks/run_all.py`).",
        "",
        (f"**{judged - over} of {judged} budgets met; {over} over.**" if judged else
         "**No budget is judged in this run.**")
        + " Budgets are set in `DESIGN.md` (\"Budgets\"); each ratio is measured in this "
        "run, on the same files, so it keeps its meaning on a slower machine.",
        "",
        "| | |",
        "| --- | --- |",
        *(f"| {label} | {value} |" for label, value in env),
        "",
        "## Budgets",
        "",
        budget_table(checks).markdown(),
    ]
    if notes:
        lines += ["", *(f"- {note}" for note in notes)]
    for section in sections:
        lines += ["", section.markdown()]
    return "\n".join(lines) + "\n"
