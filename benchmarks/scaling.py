"""How times grow with rows: the linear-growth table and ``scaling.png``."""

from __future__ import annotations

import math
from pathlib import Path

from results import Section, Table, rows_label

from infoview_lib.plots import LABEL_SIZE, OKABE_ITO, TEXT_SIZE, TICK_SIZE, TITLE_SIZE

KEY = "scaling"
FIGURE = "scaling.png"
SUPER_LINEAR = 1.5
COLOURS = [OKABE_ITO[name] for name in ("blue", "orange", "sky_blue", "vermillion", "green",
                                         "purple", "black", "grey")]  # no yellow: low contrast
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "p", "h")  # 8+ differ from 0+
LINE_STYLES = ("-", "--", "-.", ":")
TEXT = (
    "Time per row at {small} rows against {large} rows, for the loader, the bare read and "
    "each metric. A linear cost gives a ratio near 1 (below 1 when fixed costs dominate "
    "the smaller size); a ratio well above {limit} suggests a super-linear step (a sort is "
    "n log n, a Python loop over rows or a quadratic join is worse). No budget: reported."
)


def per_row_growth(times: dict[int, float], small: int, large: int) -> float:
    """(time per row at ``large``) ÷ (time per row at ``small``)."""
    before, after = times.get(small, math.nan), times.get(large, math.nan)
    if not before or math.isnan(before) or math.isnan(after):
        return math.nan
    return (after / large) / (before / small)


def growth_table(series: dict[str, dict[int, float]], small: int, large: int) -> Table:
    """One row per timed operation: µs per row at both sizes and their ratio."""
    table = Table(["operation", f"µs per row at {rows_label(small)}",
                   f"µs per row at {rows_label(large)}", "ratio", "note"])
    for name, times in series.items():
        growth = per_row_growth(times, small, large)
        cells = [f"{times[n] / n * 1e6:.3f}" if not math.isnan(times.get(n, math.nan)) else "—"
                 for n in (small, large)]
        note = "super-linear?" if growth > SUPER_LINEAR else ""
        table.rows.append([name, *cells, "—" if math.isnan(growth) else f"{growth:.2f}", note])
    return table


def _style(index: int) -> dict:
    return {"color": COLOURS[index % len(COLOURS)], "marker": MARKERS[index % len(MARKERS)],
            "linestyle": LINE_STYLES[(index // len(COLOURS)) % len(LINE_STYLES)],
            "linewidth": 2.5, "markersize": 9}


def _load_style(name: str) -> dict:
    """Colour and marker by operation, line style by file layout."""
    operation = 0 if name.startswith("load_log") else 1
    return {**_style(operation), "linestyle": "--" if "messy" in name else "-"}


def _panel(ax, series: dict[str, dict[int, float]], sizes: list[int], title: str,
           style, columns: int) -> None:
    from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

    for index, (name, times) in enumerate(series.items()):
        points = [(n, times[n]) for n in sizes if n in times and not math.isnan(times[n])]
        if points:
            ax.plot(*zip(*points, strict=True), label=name, **style(index, name))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(sizes, [rows_label(n) for n in sizes])
    ax.xaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.set_title(title, fontsize=TITLE_SIZE)
    ax.set_xlabel("rows in the log (log scale)", fontsize=LABEL_SIZE)
    ax.set_ylabel("time in seconds (log scale)", fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    ax.grid(True, which="major", color="#cccccc", linewidth=0.8)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=columns,
              fontsize=TEXT_SIZE, frameon=False)


def draw(load: dict[str, dict[int, float]], metric: dict[str, dict[int, float]],
         sizes: list[int], path: Path, budget_s: float, repeat: int) -> Path:
    """Draw time against rows, log-log: loading on the left, metrics on the right
    (one panel when the run timed only one of them)."""
    from matplotlib.figure import Figure  # no pyplot: nothing global, Agg canvas

    panels = [(series, title, style, columns) for series, title, style, columns in (
        (load, "Loading a CSV log", lambda i, n: _load_style(n), 2),
        (metric, "Each metric on a loaded log", lambda i, n: _style(i), 3)) if series]
    figure = Figure(figsize=(8.5 * len(panels), 9.5), layout="constrained")
    axes = figure.subplots(1, len(panels), squeeze=False)[0]
    for ax, (series, title, style, columns) in zip(axes, panels, strict=True):
        _panel(ax, series, sizes, title, style, columns)
    if metric:
        axes[-1].axhline(budget_s, color=OKABE_ITO["black"], linewidth=1.5,
                         linestyle=(0, (6, 3)))
        axes[-1].annotate(f"budget: {budget_s:g} s at 1,000,000 rows", (0.02, budget_s),
                          xycoords=("axes fraction", "data"), xytext=(0, 6),
                          textcoords="offset points", fontsize=TEXT_SIZE)
    runs = f"best of {repeat} runs each" if repeat > 1 else "one run each"
    figure.suptitle(f"Time against rows ({runs})",
                    fontsize=TITLE_SIZE + 2, fontweight="bold")
    figure.savefig(path, dpi=100, facecolor="white")
    return path


def _at(times: dict[int, float], rows: int) -> str:
    value = times.get(rows, math.nan)
    return "not measured" if math.isnan(value) else f"{value:.3g} s"


def alt_text(load: dict[str, dict[int, float]], metric: dict[str, dict[int, float]],
             sizes: list[int], budget_s: float) -> str:
    """What the chart shows, with its numbers at the largest size."""
    largest = max(sizes)
    both = bool(load and metric)
    charts = "Two log-log line charts" if both else "A log-log line chart"
    where = ("Left, loading", "Right, metrics") if both else ("Loading", "Metrics")
    parts = [f"{charts} of time in seconds against rows in the log, "
             f"{rows_label(min(sizes))} to {rows_label(largest)} rows."]
    if load:
        pairs = [f"{name} {_at(times, largest)}" for name, times in load.items()]
        parts.append(f"{where[0]}, at {rows_label(largest)} rows: " + "; ".join(pairs) + ".")
    if metric:
        measured = {n: t[largest] for n, t in metric.items()
                    if not math.isnan(t.get(largest, math.nan))}
        slowest = sorted(measured, key=measured.get, reverse=True)[:3]
        under = sum(v < budget_s for v in measured.values())
        parts.append(f"{where[1]}, at {rows_label(largest)} rows: the slowest are "
                     + ", ".join(f"{n} {measured[n]:.3g} s" for n in slowest)
                     + f"; {under} of {len(metric)} are under the {budget_s:g} s line.")
    return " ".join(parts)


def section(load: dict[str, dict[int, float]], metric: dict[str, dict[int, float]],
            sizes: list[int], out: Path, budget_s: float, repeat: int) -> Section:
    """The scaling section: the chart (written to ``out``) and the linear-growth table."""
    sizes = sorted(sizes)
    result = Section(KEY, "Scaling", "")
    if not (load or metric):
        result.text = "Nothing was timed against rows in this run (load and metrics skipped)."
        return result
    draw(load, metric, sizes, out / FIGURE, budget_s, repeat)
    image = f"![{alt_text(load, metric, sizes, budget_s)}]({FIGURE})"
    if len(sizes) < 2:
        result.text = image + "\n\nOne size only: no linear-growth figure."
        return result
    small, large = sizes[-2], sizes[-1]
    result.text = image + "\n\n" + TEXT.format(small=rows_label(small), large=rows_label(large),
                                               limit=SUPER_LINEAR)
    result.tables.append(growth_table({**load, **metric}, small, large))
    return result
