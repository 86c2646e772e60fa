"""``ClassDashboard``: an instructor's view of a whole class's logs.

Who must fix what (by row), the class's numbers, one table row per student, the
class charts, one student's log on demand, and exports (an HTML class report with
:func:`infoview_lib.report.write_report`, a per-student metrics CSV with
:func:`infoview_lib.io.write_csv`).

Contacts are third parties, so the dashboard starts **pseudonymised**: with the
"Hide contacts' names" box ticked, every place a contact's name could appear shows
a salted token instead (:func:`infoview_lib.privacy.pseudonymize`, one random salt
per dashboard, so tokens stay the same while it is open and match the exported
report). That covers the student's log table (``contact``, ``referred_by``; the
free-text ``notes`` and any extra columns, which may hold names or profile links,
are left out), the due follow-ups (their messages are built from the tokens), the
validation problems (a value in ``contact``/``referred_by`` becomes its token, any
other free-text value is hidden) and the exported report. The class charts show
students, never contacts. Students' names are shown: the instructor knows them.

The pure helpers at the top (:func:`validation_overview`, :func:`shareable_log`,
:func:`shareable_problems`, :func:`student_table`) make every decision; the
widget moves their results to the screen.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from .. import filters, metrics, paths, schema
from ._common import heading_html, labelled_button, status_html, table_html
from .dashboard import (
    SAMPLE_TODAY,
    SMALL_CHART_SIZE,
    block,
    cards_html,
    default_today,
    due_html,
    wide_table,
)

__all__ = [
    "ClassDashboard",
    "HIDDEN",
    "CLASS_CHARTS",
    "validation_overview",
    "shareable_log",
    "shareable_problems",
    "student_table",
    "class_items",
]

HIDDEN = "(hidden)"
"""What a problem's free-text value shows while names are hidden."""

SAFE_PROBLEM_COLUMNS = frozenset(schema.COLUMN_NAMES) - {"contact", "referred_by", "notes"}
"""Columns whose problem values never hold a person's name (dates, categories, numbers,
organization, role, industry)."""

PERSON_COLUMNS = ("contact", "referred_by")

LOG_COLUMNS = ("contact", "organization", "role", "source", "referred_by", "status",
               "outreach_date", "interview_date", "mode", "duration_min", "thank_you_date",
               "follow_up_date", "referrals")
"""The columns of a student's log the drill-down shows (plus ``notes`` when names show)."""

CLASS_CHARTS = ("completed", "thank_you_distribution", "follow_up_distribution", "modes",
                "durations", "growth_multiples")
"""The class charts, in order."""

CHARTS_USING_TODAY = ("follow_up_distribution",)

_RATE_COLUMNS = ("response_rate", "thank_you_rate", "follow_up_rate", "duration_on_target")
_TABLE_LABELS = {
    "student": "Student", "completed": "Interviews", "network_size": "Network",
    "response_rate": "Response", "thank_you_rate": "Thank-you (24 h)",
    "follow_up_rate": "Follow-up (30 d)", "duration_on_target": "20-40 min",
    "referrals": "Referrals", "due": "Due",
}


# ------------------------------------------------------------------ pure helpers


def validation_overview(class_log) -> pd.DataFrame:
    """One row per file: whose log loaded, whose must be fixed, and where.

    Parameters
    ----------
    class_log : ClassLog
        What :func:`infoview_lib.io.load_class` returns.

    Returns
    -------
    pandas.DataFrame
        ``student``, ``file``, ``rows`` (rows loaded; 0 for a file with problems),
        ``problems`` (count) and ``verdict``: "OK" or "Fix N problem(s): rows 2, 3
        ..." (a file-level problem has no row). Students with problems first.
    """
    from ..io import student_name

    problems = class_log.problems
    loaded = class_log.log["student"].value_counts() if len(class_log.log) else pd.Series()
    records = []
    for path in class_log.files:
        student = student_name(path)
        mine = problems[problems["student"] == student] if len(problems) else problems
        count = len(mine)
        if count:
            rows = sorted({int(r) for r in mine["row"].dropna()})
            where = f": rows {', '.join(map(str, rows))}" if rows else ": the whole file"
            verdict = f"Fix {count} problem{'s' if count != 1 else ''}{where}"
        else:
            verdict = "OK"
        records.append({"student": student, "file": Path(path).name,
                        "rows": int(loaded.get(student, 0)), "problems": count,
                        "verdict": verdict})
    table = pd.DataFrame(records, columns=["student", "file", "rows", "problems", "verdict"])
    return table.sort_values(["problems", "student"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def _tokens(values: pd.Series, salt: str) -> pd.Series:
    from ..privacy import pseudonymize

    return pseudonymize(pd.DataFrame({"contact": values.astype("string")}), salt)["contact"]


def shareable_problems(problems: pd.DataFrame, *, hide_names: bool, salt: str) -> pd.DataFrame:
    """The problems table as it may be shown.

    With ``hide_names``, a value in ``contact`` or ``referred_by`` becomes its token
    (the same one :func:`shareable_log` gives that person) and a value in any other
    column that may hold free text (``notes``, columns the schema does not know)
    becomes :data:`HIDDEN`. Dates, categories and numbers stay: they are what the
    student must fix.
    """
    table = problems.copy()
    if not hide_names or table.empty or "value" not in table.columns:
        return table
    values = table["value"].astype("string")
    column = table["column"].astype("string")
    person = column.isin(PERSON_COLUMNS).fillna(False)
    safe = column.isin(sorted(SAFE_PROBLEM_COLUMNS)).fillna(False)
    shown = values.where(safe, HIDDEN).where(values.notna(), pd.NA)
    if person.any():
        shown[person] = _tokens(values[person], salt).to_numpy()
    table["value"] = shown
    return table


def shareable_log(log: pd.DataFrame, *, hide_names: bool, salt: str) -> pd.DataFrame:
    """A class log as it may be shown.

    With ``hide_names``: ``contact`` and ``referred_by`` become salted tokens
    (:func:`infoview_lib.privacy.pseudonymize`), ``notes`` is dropped, and so is
    every column the schema does not know (it may hold names or profile links).
    """
    if not hide_names:
        return log
    from ..privacy import pseudonymize

    keep = [c for c in log.columns if c == "student" or c in schema.COLUMN_NAMES]
    shared = pseudonymize(log[keep], salt, drop_notes=True)
    return shared.drop(columns=["notes"], errors="ignore")


def student_table(class_log, as_of) -> pd.DataFrame:
    """The per-student numbers (:func:`infoview_lib.metrics.by_student`) as shown:
    rates as whole percentages (``n/a`` when nothing counts), friendly headers."""
    table = metrics.by_student(class_log, as_of=as_of)[list(_TABLE_LABELS)].copy()
    for column in _RATE_COLUMNS:
        table[column] = [("n/a" if pd.isna(v) else f"{v:.0%}") for v in table[column]]
    return table.rename(columns=_TABLE_LABELS)


def class_items(class_log, overview: pd.DataFrame, as_of) -> list[tuple[str, str, str, str]]:
    """The class's headline numbers as ``(key, label, value, detail)`` for cards."""
    table = (metrics.by_student(class_log, as_of=as_of) if len(class_log.log)
             else pd.DataFrame(columns=list(metrics.BY_STUDENT_COLUMNS)))
    to_fix = int((overview["problems"] > 0).sum())

    def median(column: str, rate: bool) -> str:
        values = table[column].astype(float).dropna()
        if values.empty:
            return "n/a"
        return f"{values.median():.0%}" if rate else f"{values.median():g}"

    return [
        ("students", "Students", str(len(overview)),
         f"{len(overview) - to_fix} logs loaded"),
        ("to_fix", "Logs to fix", str(to_fix),
         "must be fixed before they count" if to_fix else "every log is valid"),
        ("completed", "Interviews completed", str(int(table["completed"].sum())),
         f"median {median('completed', False)} per student"),
        ("thank_you_rate", "Thank-you within 24 hours", median("thank_you_rate", True),
         "median student"),
        ("follow_up_rate", "Follow-up within 30 days", median("follow_up_rate", True),
         "median student"),
        ("duration_on_target", "Interviews of 20-40 minutes",
         median("duration_on_target", True), "median student"),
        ("due", "Follow-ups due", str(int(table["due"].sum())),
         f"across the class on {metrics.format_day(as_of)}"),
    ]


# -------------------------------------------------------------------------- widget


class ClassDashboard(widgets.VBox):
    """The instructor's class dashboard.

    Parameters
    ----------
    folder : path-like or ClassLog, optional
        A folder of student logs (loaded with :func:`infoview_lib.io.load_class`)
        or a loaded ClassLog; :func:`infoview_lib.paths.class_dir` by default.
    today : date-like, optional
        The day the numbers are "as of"; :func:`default_today` of the folder.
    salt : str, optional
        The pseudonymisation salt; a new random one per dashboard by default.
    workspace : path-like, optional
        Where exports are written; :func:`infoview_lib.paths.workspace_dir` by default.
    headings : bool, default True
        Give each section a heading (a notebook with its own headings passes False).

    Attributes
    ----------
    hide_names : ipywidgets.Checkbox
        "Hide contacts' names (pseudonymise)", ticked at the start.
    today : ipywidgets.DatePicker
        "Numbers as of".
    validation, numbers, students : ipywidgets.HTML
        Who must fix what; the class's headline numbers; one row per student.
    charts : dict of str to ipywidgets.HTML
        One ``<img>`` with alt text per chart of :data:`CLASS_CHARTS`.
    student_picker : ipywidgets.Dropdown
        "Student to look at"; ``student_log`` shows that student's rows and due list.
    export_report, export_csv : ipywidgets.Button
        Write the class report (HTML) / the per-student metrics (CSV) to the workspace.
    sections : dict of str to ipywidgets.VBox
        ``"controls"``, ``"validation"``, ``"numbers"``, ``"students"``, ``"charts"``,
        ``"student"``, ``"export"``: the dashboard in parts for a notebook.
    """

    def __init__(self, folder=None, *, today=None, salt: str | None = None,
                 workspace=None, headings: bool = True) -> None:
        from ..privacy import new_salt

        if folder is None or not hasattr(folder, "problems"):
            from ..io import load_class

            self.folder = Path(folder) if folder is not None else paths.class_dir()
            self.class_log = load_class(self.folder)
        else:
            self.class_log = folder
            files = list(getattr(folder, "files", []) or [])
            self.folder = Path(files[0]).parent if files else None
        self.salt = salt or new_salt()
        self._workspace = Path(workspace) if workspace is not None else None
        self._cache: OrderedDict[tuple, str] = OrderedDict()
        self.renders = 0
        self.report_path: Path | None = None
        self.csv_path: Path | None = None
        self.overview = validation_overview(self.class_log)

        self.hide_names = widgets.Checkbox(
            value=True, description="Hide contacts' names (pseudonymise)", indent=False,
            layout=widgets.Layout(width="auto", margin="0 2em 0 0"))
        start = today if today is not None else default_today(self.folder)
        self.today = widgets.DatePicker(value=metrics.as_day(start).date(),
                                        description="Numbers as of",
                                        style={"description_width": "initial"},
                                        layout=widgets.Layout(width="auto"))
        self.privacy_note = widgets.HTML()
        self.validation = widgets.HTML()
        self.numbers = widgets.HTML()
        self.students = widgets.HTML()
        widths = {"completed": "min(900px, 100%)", "growth_multiples": "100%"}
        self.charts = {name: widgets.HTML(layout=widgets.Layout(
            width=widths.get(name, "min(600px, 100%)"), margin="0 0.6em 0.6em 0"))
            for name in CLASS_CHARTS}
        names = sorted(self.class_log.log["student"].dropna().astype(str).unique()) \
            if len(self.class_log.log) else []
        self.student_picker = widgets.Dropdown(
            options=names, value=names[0] if names else None, description="Student to look at",
            style={"description_width": "initial"}, layout=widgets.Layout(width="24em"))
        self.student_log = widgets.HTML()
        self.export_report = labelled_button("Export the class report (HTML)", style="primary")
        self.export_report.layout.margin = "0 0.8em 0 0"
        self.export_csv = labelled_button("Export per-student metrics (CSV)")
        self.export_message = widgets.HTML()
        self._build_sections(headings)
        super().__init__(children=list(self.sections.values()))

        self.hide_names.observe(self._on_privacy, names="value")
        self.today.observe(self._on_today, names="value")
        self.student_picker.observe(self._on_student, names="value")
        self.export_report.on_click(lambda _b: self.write_report())
        self.export_csv.on_click(lambda _b: self.write_metrics_csv())
        self.refresh()

    def _build_sections(self, headings: bool) -> None:
        def section(title: str | None, *children: widgets.Widget) -> widgets.VBox:
            head = [widgets.HTML(heading_html(title, 3))] if title and headings else []
            return widgets.VBox([*head, *children],
                                layout=widgets.Layout(margin="0 0 0.8em 0", overflow="visible"))

        charts = self.charts

        def grid(*children: widgets.Widget) -> widgets.HBox:
            return widgets.HBox(list(children),
                                layout=widgets.Layout(flex_flow="row wrap",
                                                      overflow="visible"))

        self.sections = {
            "controls": section(None, widgets.HBox(
                [self.hide_names, self.today],
                layout=widgets.Layout(flex_flow="row wrap")), self.privacy_note),
            "validation": section("Logs to fix, by row", self.validation),
            "numbers": section("The class in numbers", self.numbers),
            "students": section("One row per student", self.students),
            "charts": section("Class charts", charts["completed"],
                              grid(charts["thank_you_distribution"],
                                   charts["follow_up_distribution"]),
                              grid(charts["modes"], charts["durations"]),
                              charts["growth_multiples"]),
            "student": section("One student's log", self.student_picker, self.student_log),
            "export": section("Export", widgets.HBox(
                [self.export_report, self.export_csv],
                layout=widgets.Layout(flex_flow="row wrap")),
                self.export_message),
        }

    # ------------------------------------------------------------- drawing

    @property
    def as_of(self) -> pd.Timestamp:
        """The day the numbers are computed on."""
        return metrics.as_day(self.today.value or SAMPLE_TODAY)

    def refresh(self, *, charts: Iterable[str] | None = None) -> None:
        """Redraw the tables and numbers, and the charts named (all by default)."""
        day = self.as_of
        hide = self.hide_names.value
        self.privacy_note.value = status_html(
            "contacts appear as tokens such as 'Contact 3f9a'; notes and extra columns are "
            "left out. Untick the box to see names (only on your own screen)." if hide else
            "contacts' real names are shown. Tick the box again before you share your "
            "screen or the report.", "info" if hide else "warning",
            label="Names hidden" if hide else "Names shown", live="status")
        self._draw_validation(hide)
        has_rows = len(self.class_log.log) > 0
        self.numbers.value = cards_html(class_items(self.class_log, self.overview, day),
                                        "The class in numbers")
        self.students.value = block(
            table_html(student_table(self.class_log, day),
                       f"Headline numbers per student, as of {metrics.format_day(day)}")
            if has_rows else status_html("no log loaded yet.", "info", live="off"))
        for name in (CLASS_CHARTS if charts is None else charts):
            key = (name, day if name in CHARTS_USING_TODAY else None)
            self.charts[name].value = self._chart(key, name, day)
        self._draw_student()

    def _draw_validation(self, hide: bool) -> None:
        overview = self.overview
        to_fix = overview[overview["problems"] > 0]
        if to_fix.empty:
            summary = status_html(f"all {len(overview)} logs loaded without a problem.",
                                  "success", label="Every log is valid", live="off")
        else:
            who = ", ".join(to_fix["student"])
            summary = status_html(
                f"{len(to_fix)} of {len(overview)} logs must be fixed before they count "
                f"({who}); their rows are left out of every number and chart below.",
                "warning", label="Logs to fix", live="off")
        labels = {"student": "Student", "file": "File", "rows": "Rows loaded",
                  "problems": "Problems", "verdict": "What to do"}
        parts = [summary]
        problems = shareable_problems(self.class_log.problems, hide_names=hide, salt=self.salt)
        if len(problems):
            shown = problems.assign(row=problems["row"].astype("string").fillna("(file)"),
                                    value=problems["value"].astype("string").fillna("(empty)"))
            parts.append(wide_table(
                shown, "Problems to send to each student, by row of their file",
                columns=["student", "file", "row", "column", "value", "problem"],
                labels={"student": "Student", "file": "File", "row": "Row",
                        "column": "Column", "value": "Value", "problem": "Problem"}))
        parts.append(f'<details style="margin-top:0.4em"><summary>Every file '
                     f"({len(overview)}): rows loaded and what to do</summary>"
                     + table_html(overview, "Every file, problems first", labels=labels)
                     + "</details>")
        self.validation.value = block("".join(parts))

    def _draw_student(self) -> None:
        student = self.student_picker.value
        if not student:
            self.student_log.value = ""
            return
        hide = self.hide_names.value
        log = self.class_log.log
        rows = log[(log["student"] == student).fillna(False).to_numpy()]
        shown = shareable_log(rows, hide_names=hide, salt=self.salt)
        columns = [c for c in LOG_COLUMNS if c in shown.columns]
        if not hide and "notes" in shown.columns:
            columns.append("notes")
        table = shown[columns].copy()
        for column in schema.DATE_COLUMNS:
            if column in table.columns:
                table[column] = table[column].dt.strftime("%Y-%m-%d").fillna("")
        for column in ("source", "status", "mode"):
            if column in table.columns:
                table[column] = [filters.choice_label(str(v)) if pd.notna(v) else ""
                                 for v in table[column]]
        table = table.astype("string").fillna("")
        due = metrics.due_followups(shown.drop(columns=["student"]), self.as_of)
        names = "tokens for names" if hide else "real names"
        self.student_log.value = block(
            wide_table(table, f"{student}: {len(table)} rows ({names})",
                       labels={c: schema.BY_NAME[c].label if c in schema.BY_NAME else c
                               for c in columns})
            + due_html(due, self.as_of))

    def _chart(self, key: tuple, name: str, day) -> str:
        if key in self._cache:
            return self._cache[key]
        import matplotlib.pyplot as plt

        from .. import class_charts, plots

        data = self.class_log
        n = max(len(self.overview), 1)
        if name == "growth_multiples":
            fig = class_charts.plot_growth_small_multiples(data).figure
            alt = class_charts.describe_growth_small_multiples(data)
        else:
            size = (9, max(3.5, 0.36 * n + 1.6)) if name == "completed" else SMALL_CHART_SIZE
            fig, ax = plt.subplots(figsize=size, layout="constrained")
            if name == "completed":
                plots.plot_class_overview(data, metric="completed", as_of=day, ax=ax)
                ax.set_title("Interviews completed per student", fontsize=plots.TITLE_SIZE)
                alt = plots.describe_class_overview(data, metric="completed", as_of=day)
            elif name.endswith("_distribution"):
                metric = name.replace("_distribution", "_rate")
                class_charts.plot_rate_distribution(data, metric=metric, as_of=day, ax=ax)
                alt = class_charts.describe_rate_distribution(data, metric=metric, as_of=day)
            else:
                plots.CHARTS[name][0](data.log, ax=ax)
                alt = "Whole class: " + plots.CHARTS[name][1](data.log)
        html = plots.img_tag(fig, alt, close=True)
        self.renders += 1
        self._cache[key] = html
        return html

    # ------------------------------------------------------------- callbacks

    def _on_privacy(self, _change=None) -> None:
        # names never appear in the charts: only the tables are redrawn
        self.refresh(charts=())

    def _on_today(self, _change=None) -> None:
        self.refresh(charts=CHARTS_USING_TODAY)

    def _on_student(self, _change=None) -> None:
        self._draw_student()

    # --------------------------------------------------------------- exports

    def _target(self, stem: str, suffix: str) -> Path:
        folder = self._workspace or paths.workspace_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{stem}_{self.as_of:%Y-%m-%d}{suffix}"

    def write_report(self) -> Path:
        """Write the class report (HTML) to the workspace, pseudonymised when names are hidden."""
        from ..report import write_report

        hide = self.hide_names.value
        path = write_report(self.class_log, self._target("class_report", ".html"),
                            pseudonymize=hide, salt=self.salt, today=self.as_of)
        self.report_path = Path(path)
        how = "with contacts' names hidden" if hide else "WITH contacts' real names"
        self.export_message.value = status_html(
            f"{self.report_path.name} saved in your work folder ({self.report_path.parent}), "
            f"{how}. Open it in a browser; it needs no internet.", "success", label="Saved")
        return self.report_path

    def write_metrics_csv(self) -> Path:
        """Write the per-student numbers to a formula-safe CSV in the workspace."""
        from ..io import write_csv

        table = metrics.by_student(self.class_log, as_of=self.as_of)
        path = write_csv(table, self._target("class_metrics", ".csv"))
        self.csv_path = Path(path)
        self.export_message.value = status_html(
            f"{self.csv_path.name} saved in your work folder ({self.csv_path.parent}): "
            f"{len(table)} students, one row each (rates as fractions of 1). It holds no "
            "contact's name.", "success", label="Saved")
        return self.csv_path

