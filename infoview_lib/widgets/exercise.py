"""``ExerciseChecker``: type an exercise's answer, press a button, read specific feedback.

The form (labels, boxes) comes from :data:`infoview_lib.exercises.EXERCISES`; the
verdict from that exercise's pure checker. The widget only moves text between the
boxes and the checker, so the same exercise works as a function call in a
JupyterLab code cell and as a form in Voilà.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..exercises import EXERCISES, Exercise, ExerciseFeedback
from ._common import esc, labelled_button

__all__ = ["ExerciseChecker"]


class ExerciseChecker(widgets.VBox):
    """A form for one exercise with a "Check my answer" button.

    Parameters
    ----------
    exercise : str or Exercise
        A key of :data:`~infoview_lib.exercises.EXERCISES`: ``"thank_you_rate"``,
        ``"open_questions"`` or ``"outreach_plan"``.

    Attributes
    ----------
    inputs : list of ipywidgets.Text or ipywidgets.Textarea
        The answer boxes, each with a visible label.
    button : ipywidgets.Button
        "Check my answer".
    feedback : ipywidgets.HTML
        The verdict and the hints, as text (announced to screen readers).
    result : ExerciseFeedback or None
        The last verdict.

    Examples
    --------
    >>> checker = ExerciseChecker("thank_you_rate")
    >>> checker.inputs[0].value = "14/40"
    >>> checker.button.click()
    >>> checker.result.correct
    False
    """

    def __init__(self, exercise: str | Exercise) -> None:
        if isinstance(exercise, str):
            if exercise not in EXERCISES:
                raise KeyError(f"No exercise {exercise!r}; there are: "
                               f"{', '.join(EXERCISES)}.")
            exercise = EXERCISES[exercise]
        self.exercise = exercise
        self.result: ExerciseFeedback | None = None
        children: list[widgets.Widget] = []
        self.inputs: list[widgets.Text | widgets.Textarea] = []
        for spec in exercise.fields:
            if spec.prompt:
                children.append(widgets.HTML(f'<p style="margin:0.6em 0 0.1em 0">'
                                             f"<strong>{esc(spec.prompt)}</strong></p>"))
            kind = widgets.Textarea if spec.multiline else widgets.Text
            box = kind(
                description=spec.label,
                placeholder=spec.placeholder,
                style={"description_width": "initial"},
                layout=widgets.Layout(width="min(46em, 100%)",
                                      height="9em" if spec.multiline else "auto"),
            )
            self.inputs.append(box)
            children.append(box)
        self.button = labelled_button("Check my answer", style="primary")
        self.button.on_click(self._on_click)
        self.feedback = widgets.HTML(layout=widgets.Layout(width="min(52em, 100%)"))
        children += [self.button, self.feedback]
        super().__init__(children=children)

    def check(self) -> ExerciseFeedback:
        """Check what is typed now and show the verdict; returns it too."""
        self.result = self.exercise.check_text([box.value for box in self.inputs])
        self.feedback.value = self.result.to_html()
        return self.result

    def _on_click(self, _button: widgets.Button) -> None:
        self.check()
