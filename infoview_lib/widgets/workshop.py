"""The question workshop (notebook 02): write questions, get coached, plan, export.

Thin wiring over :mod:`infoview_lib.questions` and :mod:`infoview_lib.planner`:

* *Add* classifies the typed question (:func:`classify_question`) and shows a badge
  naming its kind in words (Open, Closed, Leading, Job ask), why, and an open
  rewrite; *Use the rewrite* swaps the last question for that rewrite.
* The list shows every question with its badge, and the TIARA coverage
  (:func:`tiara_coverage`, :func:`coverage_message`).
* *Interview length* (20, 30 or 40 minutes) re-plans with :func:`plan_interview`.
* *Export prep sheet* writes :func:`write_prep_sheet` into the workspace folder and
  shows the path plus a download link (useful in Voilà).
"""

from __future__ import annotations

import base64
from pathlib import Path

import ipywidgets as widgets

from ..planner import Person, coverage_message, plan_interview, prep_sheet, write_prep_sheet
from ..questions import TIARA_LABELS, QuestionFeedback, classify_question, tiara_coverage
from ._common import (
    STYLE,
    badge_html,
    esc,
    feedback_card_html,
    heading_html,
    labelled_button,
    status_html,
    table_html,
)

__all__ = ["QuestionWorkshop"]

LENGTHS = (("20 minutes", 20), ("30 minutes", 30), ("40 minutes", 40))
_WIDE = {"description_width": "initial"}


class QuestionWorkshop(widgets.VBox):
    """Craft open questions, see their TIARA balance, plan the conversation, export a sheet.

    Parameters
    ----------
    questions : iterable of str, optional
        Questions to start with.
    minutes : {20, 30, 40}, default 30
        The planned length.
    person : Person or dict, optional
        Pre-fills the name, role, organization and research notes.
    folder : path-like, optional
        Where *Export* writes; defaults to :func:`infoview_lib.paths.workspace_dir`.

    Attributes
    ----------
    text : ipywidgets.Text
        "Your question".
    add_button, use_rewrite_button, remove_button, clear_button, bank_add_button,
    export_button : ipywidgets.Button
    feedback : ipywidgets.HTML
        The verdict on the last question added.
    question_list, coverage, plan_view, export_status : ipywidgets.HTML
    length : ipywidgets.Dropdown
        Interview length in minutes.
    questions : list of QuestionFeedback
        The student's list, in order.
    last_export : pathlib.Path or None
    """

    def __init__(self, questions=None, minutes: int = 30, person=None, folder=None, **kwargs):
        self.questions: list[QuestionFeedback] = []
        self.folder = folder
        self.last_export: Path | None = None

        self.text = widgets.Text(description="Your question",
                                 placeholder="e.g. What does a typical day look like for you?",
                                 style=_WIDE, layout=widgets.Layout(width="100%", max_width="44em"))
        self.add_button = labelled_button("Add", style="primary",
                                          tooltip="Add this question to your list and get feedback")
        self.feedback = widgets.HTML()
        self.use_rewrite_button = labelled_button(
            "Use the rewrite", tooltip="Replace your last question with the suggested open rewrite")
        self.use_rewrite_button.layout.display = "none"

        from ..content import load_question_bank

        bank = load_question_bank()
        self.bank = widgets.Dropdown(
            description="Or pick from the question bank",
            options=[("Choose a question\u2026", "")] + [
                (f"{TIARA_LABELS[q['tiara']]}: {q['text']}", q["text"]) for q in bank],
            value="", style=_WIDE, layout=widgets.Layout(width="100%", max_width="44em"))
        self.bank_add_button = labelled_button("Add from bank",
                                               tooltip="Add the chosen bank question to your list")

        self.question_list = widgets.HTML()
        self.remove_choice = widgets.Dropdown(description="Question to remove", options=[],
                                              style=_WIDE,
                                              layout=widgets.Layout(width="auto", max_width="30em"))
        self.remove_button = labelled_button("Remove", tooltip="Remove the chosen question")
        self.clear_button = labelled_button("Clear list", tooltip="Remove every question")
        self.coverage = widgets.HTML()

        self.length = widgets.Dropdown(description="Interview length", options=LENGTHS,
                                       value=minutes if minutes in dict(LENGTHS).values() else 30,
                                       style=_WIDE,
                                       layout=widgets.Layout(width="16em", align_self="flex-start"))
        self.plan_view = widgets.HTML()

        who = Person.from_any(person) if person is not None else Person(name="")
        self.name = widgets.Text(description="Their name", value=who.name, style=_WIDE,
                                 layout=widgets.Layout(width="100%", max_width="30em"))
        self.role = widgets.Text(description="Their role", value=who.role, style=_WIDE,
                                 layout=widgets.Layout(width="100%", max_width="30em"))
        self.organization = widgets.Text(description="Organization", value=who.organization,
                                         style=_WIDE,
                                         layout=widgets.Layout(width="100%", max_width="30em"))
        self.notes = widgets.Textarea(description="Research notes (one per line)",
                                      value=who.notes, rows=4, style=_WIDE,
                                      layout=widgets.Layout(width="100%", max_width="44em"))
        self.export_button = labelled_button("Export prep sheet", style="primary",
                                             tooltip="Write a Markdown prep sheet you can print")
        self.export_status = widgets.HTML()

        self.add_button.on_click(lambda _: self.add(self.text.value))
        self.use_rewrite_button.on_click(lambda _: self.use_rewrite())
        self.bank_add_button.on_click(lambda _: self.add_from_bank())
        self.remove_button.on_click(lambda _: self.remove(self.remove_choice.value))
        self.clear_button.on_click(lambda _: self.clear())
        self.length.observe(lambda _: self._refresh(), names="value")
        self.export_button.on_click(lambda _: self.export())

        row = widgets.Layout(flex_flow="row wrap", align_items="center")
        super().__init__([
            widgets.HTML(STYLE + heading_html("Write a question", 3)),
            widgets.HBox([self.text, self.add_button], layout=row),
            self.feedback, self.use_rewrite_button,
            widgets.HBox([self.bank, self.bank_add_button], layout=row),
            widgets.HTML(heading_html("Your questions", 3)),
            self.question_list, self.coverage,
            widgets.HBox([self.remove_choice, self.remove_button, self.clear_button], layout=row),
            widgets.HTML(heading_html("Your plan", 3)),
            self.length, self.plan_view,
            widgets.HTML(heading_html("Export a prep sheet", 3)),
            self.name, self.role, self.organization, self.notes,
            self.export_button, self.export_status,
        ], **kwargs)
        self.add_class("iv-workshop")
        self.add_class("iv-lesson")
        for q in questions or []:
            self.questions.append(classify_question(q))
        self._refresh()

    # -- actions --------------------------------------------------------------------
    def add(self, text: str) -> QuestionFeedback | None:
        """Classify a question, add it to the list and show the verdict."""
        if not str(text or "").strip():
            self.feedback.value = status_html("Type a question in the box first, then press Add.",
                                              "info", label="Nothing to add")
            self.use_rewrite_button.layout.display = "none"
            return None
        fb = classify_question(text)
        self.questions.append(fb)
        self.text.value = ""
        tone = "success" if fb.is_open else "warning"
        verdict = (f"Added question {len(self.questions)}. It is {fb.label.lower()}."
                   + (f" Try instead: \u201c{fb.suggestion}\u201d" if fb.suggestion else ""))
        self.feedback.value = status_html(verdict, tone, label=fb.label,
                                          extra_html=feedback_card_html(fb))
        self.use_rewrite_button.layout.display = "none" if fb.is_open else ""
        self._refresh()
        return fb

    def add_from_bank(self) -> QuestionFeedback | None:
        """Add the question chosen in the bank dropdown."""
        if not self.bank.value:
            self.feedback.value = status_html("Choose a question in the bank list first.", "info",
                                              label="Nothing chosen")
            return None
        fb = self.add(self.bank.value)
        self.bank.value = ""
        return fb

    def use_rewrite(self) -> None:
        """Replace the last question with its suggested open rewrite."""
        if not self.questions or self.questions[-1].is_open:
            self.feedback.value = status_html("Your last question is already open.", "info",
                                              label="Nothing to rewrite")
            return
        old = self.questions.pop()
        new = classify_question(old.suggestion)
        self.questions.append(new)
        self.use_rewrite_button.layout.display = "none"
        self.feedback.value = status_html(
            f"Question {len(self.questions)} is now \u201c{new.text}\u201d ({new.label.lower()}).",
            "success", label="Rewritten")
        self._refresh()

    def remove(self, index: int | None) -> None:
        """Remove question ``index`` (0-based)."""
        if index is None or not 0 <= index < len(self.questions):
            self.feedback.value = status_html("Choose a question to remove first.", "info",
                                              label="Nothing removed")
            return
        gone = self.questions.pop(index)
        self.feedback.value = status_html(f"Removed \u201c{gone.text}\u201d.", "info",
                                          label="Removed")
        self._refresh()

    def clear(self) -> None:
        """Remove every question."""
        self.questions.clear()
        self.feedback.value = status_html("Your list is empty.", "info", label="Cleared")
        self.use_rewrite_button.layout.display = "none"
        self._refresh()

    def person(self) -> Person:
        """The person typed into the export fields."""
        return Person(name=self.name.value.strip(), role=self.role.value.strip(),
                      organization=self.organization.value.strip(), notes=self.notes.value)

    def export(self) -> Path | None:
        """Write the prep sheet and show where it went, with a download link."""
        who = self.person()
        if not who.name:
            self.export_status.value = status_html(
                "Type the name of the person you will interview first.", "info",
                label="Name needed")
            return None
        if not self.questions:
            self.export_status.value = status_html("Add at least one question first.", "info",
                                                   label="No questions")
            return None
        texts = [q.text for q in self.questions]
        path = write_prep_sheet(who, texts, path=self.folder, minutes=self.length.value)
        self.last_export = path
        data = base64.b64encode(prep_sheet(who, texts, minutes=self.length.value)
                                .encode("utf-8")).decode("ascii")
        link = (f' <a download="{esc(path.name)}" href="data:text/markdown;base64,{data}">'
                f"Download {esc(path.name)}</a>")
        self.export_status.value = status_html(f"Prep sheet saved to {path}.", "success",
                                               label="Saved", extra_html=link)
        return path

    # -- views ----------------------------------------------------------------------
    def plan(self):
        """The current plan as a DataFrame (see :func:`plan_interview`)."""
        return plan_interview([q.text for q in self.questions], minutes=self.length.value)

    def _refresh(self) -> None:
        if self.questions:
            rows = []
            for q in self.questions:
                tiara = f" \u00b7 TIARA: {TIARA_LABELS[q.tiara]}" if q.tiara else ""
                hint = (f'<br><span style="color:#333">Try instead: <q>{esc(q.suggestion)}</q>'
                        "</span>" if q.suggestion else "")
                rows.append(f'<li style="margin:0.25em 0">{badge_html(q.kind)} {esc(q.text)}'
                            f'<span style="color:#333">{esc(tiara)}</span>{hint}</li>')
            self.question_list.value = (f'<ol style="max-width:52em;line-height:1.45;'
                                        f'padding-left:1.6em">{"".join(rows)}</ol>')
        else:
            self.question_list.value = ('<p style="margin:0.2em 0">No questions yet. Aim for '
                                        "5\u201310 open questions across TIARA.</p>")
        self.coverage.value = status_html(coverage_message(tiara_coverage(self.questions)),
                                          "info", label="TIARA coverage", live="status")
        self.remove_choice.options = [(f"{i}. {q.text[:60]}", i - 1)
                                      for i, q in enumerate(self.questions, start=1)]
        self.remove_choice.value = len(self.questions) - 1 if self.questions else None
        plan = self.plan()
        shown = plan.assign(
            time=[f"{s}\u2013{s + m}\u00a0min" for s, m in zip(plan["start_min"], plan["minutes"],
                                                           strict=True)],
            tiara=plan["tiara"].map(lambda t: TIARA_LABELS.get(t, "")),
            phase=plan["phase"].str.capitalize())
        caption = f"Plan for a {self.length.value}-minute conversation"
        html = table_html(shown, caption, columns=["time", "phase", "question", "tiara", "note"],
                          labels={"time": "Time", "phase": "Phase", "question": "Question or step",
                                  "tiara": "TIARA", "note": "Note"}, nowrap=("time",))
        dropped = plan.attrs.get("dropped", [])
        if dropped:
            html += status_html(f"{len(dropped)} question{'s' if len(dropped) != 1 else ''} did "
                                "not fit; keep them in reserve: " + "; ".join(dropped), "warning",
                                label="Did not fit", live="off")
        self.plan_view.value = html
