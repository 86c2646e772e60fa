"""The concept quiz and the reflection prompts (notebook 01).

Both are thin: grading, scores, progress and checklist matching live in
:mod:`infoview_lib.lessons`; content comes from :mod:`infoview_lib.content`.

Keyboard and screen reader
--------------------------
The quiz shows **one question at a time**: fewer controls to tab through, and the
question region is a polite live region, so pressing *Next* reads the new question
out. The answer is a group of radio buttons (Tab to an answer, Space to choose),
then *Check*. Feedback starts with the words "Correct" or "Not quite" and is
announced as an alert; the score is text. Buttons are never disabled (a disabled
button would drop keyboard focus): *Next* on the last question and *Previous* on
the first say so instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from ..lessons import (
    checklist_coverage,
    coverage_text,
    final_summary,
    grade_answer,
    progress_text,
    score_text,
)
from ._common import STYLE, esc, heading_html, labelled_button, status_html

__all__ = ["Quiz", "ReflectionPrompt"]

_MENTIONED = 'Mentioned <span aria-hidden="true">\u2714</span>'
_NOT_YET = 'Not yet <span aria-hidden="true">\u25cb</span>'

_TYPE_LABELS = {
    "multiple_choice": "Choose the best answer.",
    "true_false": "True or false?",
    "better_question": "Which is the better question?",
    "scenario": "Scenario",
}


class Quiz(widgets.VBox):
    """A quiz with per-answer feedback, a score and progress, one question at a time.

    Parameters
    ----------
    items : sequence of dict, optional
        Quiz items as in ``content/quiz.json``; defaults to the bundled concept quiz.
    title : str, optional
        Shown above the quiz; defaults to the quiz's title.

    Attributes
    ----------
    answer : ipywidgets.RadioButtons
        The options of the current question.
    check_button, try_again_button, previous_button, next_button : ipywidgets.Button
    feedback : ipywidgets.HTML
        The latest feedback ("Correct — ..." / "Not quite — ...").
    score : ipywidgets.HTML
        "Score: 3 correct out of 4 checked (15 questions)".
    results : dict
        Item index -> whether the latest checked answer was right.
    """

    def __init__(self, items: Sequence[Mapping] | None = None, title: str | None = None,
                 **kwargs):
        if items is None:
            from ..content import load_quiz

            quiz = load_quiz()
            items = quiz["items"]
            title = title or quiz["title"]
        self.items = list(items)
        if not self.items:
            raise ValueError("a quiz needs at least one item")
        self.position = 0
        self.results: dict[int, bool] = {}
        self._choices: dict[int, int | None] = {}
        self._messages: dict[int, str] = {}

        self.title = widgets.HTML(STYLE + (heading_html(title, 3) if title else ""))
        self.question = widgets.HTML()
        self.answer = widgets.RadioButtons(options=[], index=None, description="Your answer",
                                           style={"description_width": "initial"},
                                           layout=widgets.Layout(width="auto", max_width="52em"))
        self.check_button = labelled_button("Check", style="primary",
                                            tooltip="Check the answer you chose")
        self.try_again_button = labelled_button("Try again",
                                                tooltip="Clear this question and answer it again")
        self.previous_button = labelled_button("Previous", tooltip="Go to the previous question")
        self.next_button = labelled_button("Next", tooltip="Go to the next question")
        self.feedback = widgets.HTML()
        self.score = widgets.HTML()

        self.check_button.on_click(lambda _: self.check())
        self.try_again_button.on_click(lambda _: self.try_again())
        self.previous_button.on_click(lambda _: self.go(self.position - 1))
        self.next_button.on_click(lambda _: self.go(self.position + 1))
        self.answer.observe(self._remember, names="index")

        buttons = widgets.HBox([self.check_button, self.try_again_button,
                                self.previous_button, self.next_button],
                               layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([self.title, self.question, self.answer, buttons, self.feedback,
                          self.score], **kwargs)
        self.add_class("iv-quiz")
        self.add_class("iv-lesson")
        self._show()

    # -- state ----------------------------------------------------------------------
    @property
    def item(self) -> Mapping:
        """The item on screen."""
        return self.items[self.position]

    def _remember(self, change) -> None:
        self._choices[self.position] = change["new"]

    def _show(self) -> None:
        item = self.item
        scenario = (f'<p style="margin:0.2em 0"><strong>Scenario:</strong> '
                    f"{esc(item['scenario'])}</p>" if item.get("scenario") else "")
        kind = _TYPE_LABELS.get(item["type"], "")
        self.question.value = (
            f'<div role="status" aria-live="polite" aria-atomic="true" '
            f'style="max-width:52em;line-height:1.45">'
            f'<p style="margin:0.2em 0;font-weight:600">'
            f"{esc(progress_text(self.position, len(self.items)))}</p>{scenario}"
            f'<p style="margin:0.2em 0;font-size:1.1em">{esc(item["prompt"])}</p>'
            + (f'<p style="margin:0.1em 0;color:#444">{esc(kind)}</p>'
               if kind and item["type"] != "scenario" else "")
            + "</div>")
        options = [o["text"] for o in item["options"]]
        self.answer.unobserve(self._remember, names="index")
        self.answer.options = options
        self.answer.index = self._choices.get(self.position)
        self.answer.observe(self._remember, names="index")
        self.feedback.value = self._messages.get(self.position, "")
        self._update_score()

    def _update_score(self) -> None:
        text = score_text(self.results, len(self.items))
        summary = final_summary(self.results, len(self.items))
        extra = f'<p style="margin:0.2em 0">{esc(summary)}</p>' if summary else ""
        self.score.value = (f'<div role="status" aria-live="polite" style="margin-top:0.3em">'
                            f"<strong>{esc(text)}</strong>{extra}</div>")

    # -- actions --------------------------------------------------------------------
    def check(self) -> None:
        """Grade the chosen answer and show its feedback."""
        choice = self.answer.index
        if choice is None:
            self.feedback.value = status_html("Choose an answer first, then press Check.",
                                              "info", label="No answer yet")
            return
        grade = grade_answer(self.item, choice)
        self.results[self.position] = grade.correct
        message = grade.message.split(" \u2014 ", 1)[1]
        self._messages[self.position] = status_html(
            message, "success" if grade.correct else "error", label=grade.verdict)
        self.feedback.value = self._messages[self.position]
        self._update_score()

    def try_again(self) -> None:
        """Clear the current question's answer, feedback and result."""
        self._choices.pop(self.position, None)
        self._messages.pop(self.position, None)
        self.results.pop(self.position, None)
        self._show()
        self.feedback.value = status_html("Answer cleared. Choose again and press Check.",
                                          "info", label="Try again")

    def go(self, position: int) -> None:
        """Show another question (0-based); beyond either end, say where you are."""
        if position < 0:
            self.feedback.value = status_html("This is the first question.", "info",
                                              label="Start of quiz")
            return
        if position >= len(self.items):
            summary = final_summary(self.results, len(self.items))
            unchecked = [str(i + 1) for i in range(len(self.items)) if i not in self.results]
            text = summary or ("This is the last question. Questions not checked yet: "
                               + ", ".join(unchecked) + ".")
            self.feedback.value = status_html(text, "info", label="End of quiz")
            return
        self.position = position
        self._show()


class ReflectionPrompt(widgets.VBox):
    """A review question: write an answer, then compare with a model answer and checklist.

    Parameters
    ----------
    prompt : str or dict
        A prompt id from ``content/reflections.json`` (``"networking_strategy"``,
        ``"preparation"``, ``"long_term"``) or a prompt dict of the same shape.
    number : int, optional
        Shown as "Review question N" and used in the text box's label, so several
        prompts on one page have distinct labels.

    Attributes
    ----------
    answer : ipywidgets.Textarea
    show_button : ipywidgets.Button
        "Show model answer": reveals the model answer and which checklist points
        the written answer mentions.
    result : ipywidgets.HTML
    """

    def __init__(self, prompt: str | Mapping = "networking_strategy", number: int | None = None,
                 **kwargs):
        if isinstance(prompt, str):
            from ..content import reflection

            prompt = reflection(prompt)
        self.prompt = dict(prompt)
        label = f"Your answer to review question {number}" if number else "Your answer"
        heading = f"Review question {number}: " if number else ""
        self.header = widgets.HTML(
            STYLE + heading_html(heading + self.prompt["question"], 3)
            + (f'<p style="margin:0.1em 0 0.3em 0;color:#333">{esc(self.prompt["hint"])}</p>'
               if self.prompt.get("hint") else ""))
        self.answer = widgets.Textarea(
            description=label, placeholder="Write a few sentences in your own words.",
            rows=6, style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="52em"))
        self.show_button = labelled_button("Show model answer", style="primary",
                                           tooltip="Compare your answer with a model answer")
        self.result = widgets.HTML()
        self.show_button.on_click(lambda _: self.reveal())
        super().__init__([self.header, self.answer, self.show_button, self.result], **kwargs)
        self.add_class("iv-reflection")
        self.add_class("iv-lesson")

    def reveal(self) -> None:
        """Show the model answer and the checklist, marking points the answer mentions."""
        points = checklist_coverage(self.answer.value, self.prompt["checklist"])
        if not self.answer.value.strip():
            lead = status_html("Try writing your own answer first: you learn more by comparing. "
                               "Here is the model answer anyway.", "info", label="No answer yet")
        else:
            lead = status_html(coverage_text(points), "info", label="Compare")
        items = "".join(
            f"<li><strong>{_MENTIONED if p.covered else _NOT_YET}</strong>: {esc(p.point)}</li>"
            for p in points)
        self.result.value = (
            f"{lead}"
            f'<div style="max-width:52em;line-height:1.45">'
            f'<p style="margin:0.4em 0 0.1em 0"><strong>Model answer</strong></p>'
            f'<p style="margin:0.1em 0">{esc(self.prompt["model_answer"])}</p>'
            f'<p style="margin:0.4em 0 0.1em 0"><strong>Checklist</strong> '
            f"(a keyword match: decide for yourself whether you made each point)</p>"
            f'<ul style="margin:0.2em 0 0.2em 1.2em;padding:0">{items}</ul></div>')
        self.show_button.description = "Update comparison"
