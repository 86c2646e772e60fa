"""``LogForm``: add, change and delete rows of your interview log without losing one.

A thin front end. Every decision is made elsewhere:

* the fields, their labels and what is wrong with a value:
  :mod:`infoview_lib.form_logic` (which reads :mod:`infoview_lib.schema` and uses the
  loader's own parsers and checks);
* saving a new row: :func:`infoview_lib.io.append_interview` (validated, atomic, locked);
* changing or deleting a row, with a timestamped backup first:
  :mod:`infoview_lib.edits`.

Accessibility: every control's label is its ``description`` (a ``<label>`` tied to the
input), the schema's help is its tooltip and is written beside it, and problems are
words ("Problem: ...") next to the field, never colour alone. The outcome of a button
press is announced (``role="alert"``, which screen readers read when ipywidgets
re-inserts the region).
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from .. import form_logic
from ..errors import LogValidationError, LogWriteError, describe_problem
from ..schema import empty_log

__all__ = ["LogForm", "field_message_html", "outcome_html", "button"]

LABEL_WIDTH = "12em"
CONTROL_WIDTH = "30em"

_TONES = {  # tone -> (text colour, background, border); text contrast >= 7:1 on background
    "ok": ("#14532d", "#e8f5ec", "#1e7a3c"),
    "problem": ("#7a1020", "#fdecee", "#b3261e"),
    "info": ("#0b3d6b", "#e8f1fb", "#0b5cad"),
}


def field_message_html(spec: form_logic.FieldSpec, message: str | None) -> str:
    """What is written beside a field: its problem in words, or else its help text."""
    if message:
        return (f'<span class="infoview-field-problem" style="color:#7a1020;font-weight:600">'
                f"{html.escape(message)}</span>")
    return (f'<span class="infoview-field-help" style="color:#3d4451">'
            f"{html.escape(spec.help)}</span>")


def outcome_html(headline: str, details: list[str] | None = None, tone: str = "info") -> str:
    """An announced message box: a bold headline ("Saved:", "Not saved:") and lines."""
    text, background, border = _TONES[tone]
    items = "".join(f"<li>{html.escape(d)}</li>" for d in details or [])
    listing = f'<ul style="margin:0.3em 0 0 1.2em;padding:0">{items}</ul>' if items else ""
    return (f'<div role="alert" class="infoview-outcome infoview-{tone}" '
            f'style="color:{text};background:{background};border-left:4px solid {border};'
            f'padding:0.4em 0.8em;margin:0.4em 0;max-width:52em;line-height:1.45">'
            f"<strong>{html.escape(headline)}</strong>{listing}</div>")


def button(description: str, tooltip: str = "", style: str = "", **layout) -> widgets.Button:
    """A button with a visible outline: a plain ipywidgets button has the page's grey as
    its background, so without a border it does not look like a control (WCAG 1.4.11)."""
    if not style:
        layout.setdefault("border", "1px solid #5f6368")
    return widgets.Button(description=description, tooltip=tooltip or description,
                          button_style=style, layout=widgets.Layout(**layout))


def _control(spec: form_logic.FieldSpec) -> widgets.Widget:
    common = dict(description=spec.label, tooltip=spec.help,
                  style={"description_width": LABEL_WIDTH},
                  layout=widgets.Layout(width=CONTROL_WIDTH))
    if spec.control == "dropdown":
        return widgets.Dropdown(options=list(spec.options), value="", **common)
    if spec.control == "date":
        return widgets.DatePicker(value=None, **common)
    if spec.control == "textarea":
        return widgets.Textarea(value="", placeholder=spec.placeholder, rows=2, **common)
    return widgets.Text(value="", placeholder=spec.placeholder, continuous_update=True,
                        **common)


class LogForm(widgets.VBox):
    """A form that adds interviews to a log file, and changes or deletes its rows.

    Parameters
    ----------
    path : str or path-like
        The log file (CSV, TSV or XLSX). It is created with a header on the first save.
    rows_shown : int, default 5
        How many of the log's last rows are shown under the form.

    Attributes
    ----------
    controls : dict
        Column name → its control (Text, Dropdown, DatePicker or Textarea).
    messages : dict
        Column name → the HTML beside the control: its problem, or its help.
    save_button, clear_button : ipywidgets.Button
        "Save" (becomes "Save changes to row N" while editing) and "Clear the form".
    status : ipywidgets.HTML
        The outcome of the last button press ("Saved: Ana Ruiz", "Not saved: ...").
    recent : ipywidgets.HTML
        The last rows of the log.
    row_picker : ipywidgets.Dropdown
        The row to edit or delete.
    edit_button, delete_button, reload_button, cancel_edit_button : ipywidgets.Button
    confirm_text : ipywidgets.HTML
    confirm_button, cancel_button : ipywidgets.Button
        The confirmation step: "Yes, delete" or "Yes, replace", and "Cancel".

    Examples
    --------
    >>> from infoview_lib import form_logic
    >>> from infoview_lib.widgets import LogForm
    >>> form = LogForm(form_logic.make_practice_log())      # doctest: +SKIP
    >>> form.controls["contact"].value = "Ana Ruiz"          # doctest: +SKIP
    >>> form.save_button.click()                             # doctest: +SKIP
    """

    def __init__(self, path, rows_shown: int = 5) -> None:
        self.path = Path(path)
        self.rows_shown = rows_shown
        self.specs = {spec.name: spec for spec in form_logic.form_fields()}
        self.controls = {name: _control(spec) for name, spec in self.specs.items()}
        self.messages = {name: widgets.HTML(field_message_html(spec, None))
                         for name, spec in self.specs.items()}
        self.problems: dict[str, str] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._quiet = False
        self._editing: tuple[int, tuple[str, ...], str] | None = None
        self._pending: tuple | None = None
        self._log: pd.DataFrame | None = None

        for name, control in self.controls.items():
            control.observe(self._on_change(name), names="value")

        self.save_button = button("Save", "Add this interview to your log", "primary",
                                  width="auto", min_width="8em")
        self.clear_button = button("Clear the form", "Empty every field")
        self.cancel_edit_button = button("Stop editing",
                                         "Leave the row as it is and empty the form",
                                         display="none")
        self.status = widgets.HTML()
        self.recent = widgets.HTML()

        self.row_picker = widgets.Dropdown(description="Row to change",
                                           style={"description_width": LABEL_WIDTH},
                                           layout=widgets.Layout(width="44em"))
        self.edit_button = button("Edit this row", "Load the row into the form above")
        self.delete_button = button("Delete this row", "Asks you to confirm first")
        self.reload_button = button("Reload the log",
                                    "Read the file again, e.g. after changing it in a spreadsheet")
        self.confirm_text = widgets.HTML()
        self.confirm_button = button("Yes, delete", style="danger", width="auto",
                                     min_width="8em")
        self.cancel_button = button("Cancel", "Change nothing")
        self.confirm_box = widgets.VBox(
            [self.confirm_text, widgets.HBox([self.confirm_button, self.cancel_button])],
            layout=widgets.Layout(display="none"))

        self.save_button.on_click(lambda _: self.save())
        self.clear_button.on_click(lambda _: self.clear())
        self.cancel_edit_button.on_click(lambda _: self.stop_editing())
        self.edit_button.on_click(lambda _: self.edit_selected())
        self.delete_button.on_click(lambda _: self.ask_delete())
        self.reload_button.on_click(lambda _: self.reload())
        self.confirm_button.on_click(lambda _: self.confirm())
        self.cancel_button.on_click(lambda _: self.cancel())

        fields = [widgets.HBox([self.controls[n], self.messages[n]],
                               layout=widgets.Layout(align_items="center"))
                  for n in self.specs]
        children = [
            widgets.HTML("<p>Fill in what you know; only the contact is required. Each "
                         "field says beside it if something is wrong.</p>"),
            *fields,
            widgets.HBox([self.save_button, self.clear_button, self.cancel_edit_button]),
            self.status,
            self.recent,
            widgets.HTML("<h3>Change or delete a row</h3><p>Pick a row, then edit it in "
                         "the form above or delete it. Both ask you to confirm and save a "
                         "backup copy of the log first.</p>"),
            self.row_picker,
            widgets.HBox([self.edit_button, self.delete_button, self.reload_button]),
            self.confirm_box,
        ]
        super().__init__(children=children)
        self.refresh()

    # ------------------------------------------------------------------ values and problems
    @property
    def values(self) -> dict[str, object]:
        """The form's current values by column name."""
        return {name: control.value for name, control in self.controls.items()}

    def set_values(self, values: dict[str, object]) -> None:
        """Fill the form (a missing name empties its field); problems are shown again."""
        blank = form_logic.blank_values()
        self._quiet = True
        try:
            for name, control in self.controls.items():
                control.value = values.get(name, blank[name])
        finally:
            self._quiet = False
        self._update_messages()

    def _on_change(self, name: str):
        def handler(change: dict) -> None:
            if self._quiet:
                return
            self._touched.add(name)
            self._update_messages()
        return handler

    def _visible(self, name: str) -> bool:
        """Show a problem once the field was touched or Save pressed; a blank required
        field is not scolded before either happened."""
        if self._show_all or name in self._touched:
            return True
        value = self.controls[name].value
        return not (value in ("", None) and self.specs[name].required)

    def _update_messages(self) -> None:
        self.problems = form_logic.form_problems(self.values)
        for name, spec in self.specs.items():
            problem = self.problems.get(name)
            text = None
            if problem and self._visible(name):
                text = form_logic.problem_text(name, self.controls[name].value, problem)
            self.messages[name].value = field_message_html(spec, text)

    # ------------------------------------------------------------------ the log on disk
    def refresh(self) -> None:
        """Re-read the log: the last rows and the row picker show what is on disk."""
        from ..io import load_log

        self._log = None
        try:
            log = load_log(self.path)
        except FileNotFoundError:
            log = empty_log()
        except LogValidationError as error:
            self.recent.value = outcome_html(
                f"{self.path.name} has problems, so the kit cannot read it:",
                [line.strip(" -") for line in str(error).splitlines()[1:]], "problem")
            self.row_picker.options = []
            self._set_row_buttons(False)
            return
        self._log = log
        self.recent.value = form_logic.last_rows_html(log, self.rows_shown)
        choices = form_logic.row_choices(log)
        self.row_picker.options = choices
        if choices:
            self.row_picker.value = choices[-1][1]
        self._set_row_buttons(bool(choices))

    def reload(self) -> None:
        """Re-read the file (after it changed elsewhere) and say how many rows it has."""
        self._hide_confirmation()
        self.refresh()
        if self._log is not None:
            count = len(self._log)
            self.status.value = outcome_html(
                f"Reloaded {self.path.name}: {count} {'row' if count == 1 else 'rows'}.")

    def _set_row_buttons(self, enabled: bool) -> None:
        self.edit_button.disabled = not enabled
        self.delete_button.disabled = not enabled

    # ------------------------------------------------------------------ saving
    def clear(self) -> None:
        """Empty every field (nothing on disk changes)."""
        self._touched.clear()
        self._show_all = False
        self.set_values({})

    def save(self) -> None:
        """Check the form; add it as a new row, or (while editing) ask to replace the row."""
        self._show_all = True
        self._hide_confirmation()
        self._update_messages()
        if self.problems:
            self.status.value = outcome_html(
                "Not saved: fix the fields marked Problem, then press Save again.",
                [form_logic.problem_summary(n, self.controls[n].value, p)
                 for n, p in self.problems.items()], "problem")
            return
        fields = form_logic.to_fields(self.values)
        if self._editing is not None:
            position, fingerprint, contact = self._editing
            self._ask("replace", position, fingerprint, fields,
                      f"Replace row {form_logic.row_number(position)} ({contact}) with what "
                      "the form now holds? A backup copy of the log is saved first.",
                      "Yes, replace")
            return
        from ..io import append_interview

        try:
            log = append_interview(self.path, **fields)
        except LogValidationError as error:
            self._show_save_problems(error)
            return
        except LogWriteError as error:
            self.status.value = outcome_html(
                "Not saved: the log file could not be written.",
                [str(error), "Your entries are still in the form: press Save again when "
                             "the file is free."], "problem")
            return
        contact = str(fields.get("contact", ""))
        self.status.value = outcome_html(
            f"Saved: {contact}",
            [f"Added as row {form_logic.row_number(len(log) - 1)} of {self.path.name}."], "ok")
        self.clear()
        self.refresh()

    def _show_save_problems(self, error: LogValidationError) -> None:
        """Problems the loader found on saving. The form's own row was checked before
        (:func:`~infoview_lib.form_logic.form_problems`), so these are in the file."""
        self.status.value = outcome_html(
            f"Not saved: nothing was written. {error.source} has problems to fix first "
            "(checking the file tells you how):",
            [describe_problem(record) for record in error.problems.itertuples(index=False)],
            "problem")

    # ------------------------------------------------------------------ editing and deleting
    def _selected(self) -> tuple[int, tuple[str, ...], str] | None:
        from ..edits import row_fingerprint

        position = self.row_picker.value
        if self._log is None or position is None or not 0 <= position < len(self._log):
            self.status.value = outcome_html("Pick a row first.", tone="info")
            return None
        row = self._log.iloc[position]
        contact = "(no name)" if pd.isna(row["contact"]) else str(row["contact"])
        return position, row_fingerprint(row), contact

    def edit_selected(self) -> None:
        """Load the picked row into the form; Save then asks to replace it."""
        picked = self._selected()
        if picked is None:
            return
        position, _, contact = picked
        self._hide_confirmation()
        self._editing = picked
        self._touched.clear()
        self._show_all = True
        self.set_values(form_logic.row_to_values(self._log.iloc[position]))
        number = form_logic.row_number(position)
        self.save_button.description = f"Save changes to row {number}"
        self.save_button.tooltip = f"Replace row {number} with the form (asks first)"
        self.cancel_edit_button.layout.display = None
        self.status.value = outcome_html(
            f"Editing row {number} ({contact}).",
            ["Change the fields above, then press "
             f"“Save changes to row {number}”."], "info")

    def stop_editing(self) -> None:
        """Leave edit mode without changing the row; the form is emptied."""
        self._end_edit_mode()
        self.clear()
        self._hide_confirmation()
        self.status.value = outcome_html("Stopped editing: the row was not changed.")

    def _end_edit_mode(self) -> None:
        self._editing = None
        self.save_button.description = "Save"
        self.save_button.tooltip = "Add this interview to your log"
        self.cancel_edit_button.layout.display = "none"

    def ask_delete(self) -> None:
        """Ask to confirm deleting the picked row (nothing is deleted yet)."""
        picked = self._selected()
        if picked is None:
            return
        position, fingerprint, contact = picked
        self._ask("delete", position, fingerprint, None,
                  f"Delete row {form_logic.row_number(position)} ({contact})? A backup copy "
                  "of the log is saved first.", "Yes, delete")

    def _ask(self, action, position, fingerprint, fields, question, answer) -> None:
        self._pending = (action, position, fingerprint, fields)
        self.confirm_text.value = outcome_html(question, tone="info")
        self.confirm_button.description = answer
        self.confirm_button.tooltip = question
        self.confirm_box.layout.display = None

    def _hide_confirmation(self) -> None:
        self._pending = None
        self.confirm_box.layout.display = "none"
        self.confirm_text.value = ""

    def cancel(self) -> None:
        """Answer "Cancel" to the confirmation: nothing changes."""
        action = self._pending[0] if self._pending else None
        self._hide_confirmation()
        self.status.value = outcome_html(
            "Nothing was deleted." if action == "delete" else "Nothing was changed.")

    def confirm(self) -> None:
        """Answer "Yes" to the confirmation: back up the log, then delete or replace."""
        if self._pending is None:
            return
        from .. import edits

        action, position, fingerprint, fields = self._pending
        self._hide_confirmation()
        try:
            if action == "delete":
                result = edits.delete_row(self.path, position, expected=fingerprint)
                headline = f"Deleted row {result.row} ({result.contact})."
            else:
                result = edits.replace_row(self.path, position, fields, expected=fingerprint)
                headline = f"Saved: changes to row {result.row} ({result.contact})."
        except LogValidationError as error:
            self._show_save_problems(error)
            return
        except LogWriteError as error:
            stale = isinstance(error, edits.RowChangedError)
            if action == "delete":
                headline = "Not changed: nothing was deleted."
            elif stale:
                # the picked row is gone or different: leave edit mode, keep the typing
                self._end_edit_mode()
                headline = ("Not changed: the row is as it was. Your version is still in "
                            "the form; pick the row again to edit it, or press Save to add "
                            "the form as a new row.")
            else:
                headline = ("Not changed: the row is as it was; your changes are still in "
                            "the form.")
            self.status.value = outcome_html(headline, [str(error)], "problem")
            self.refresh()
            return
        self.status.value = outcome_html(
            headline, [f"A backup of the log as it was: {result.backup.name}."], "ok")
        if action == "replace":
            self._end_edit_mode()
            self.clear()
        self.refresh()
