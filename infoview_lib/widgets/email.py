"""The outreach-email checker (notebook 02): live word count and 5-Point Email findings.

Thin wiring over :func:`infoview_lib.email_check.check_outreach_email`. The review
re-renders on every change of the text box; the word count is a polite live region,
and *Check my email* announces the verdict as an alert for screen-reader users who
want it read out.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..email_check import MAX_WORDS, EmailReview, check_outreach_email
from ._common import STYLE, email_review_html, heading_html, labelled_button, status_html

__all__ = ["OutreachEmailChecker", "EXAMPLE_DRAFT"]

EXAMPLE_DRAFT = (
    "Subject: Question about your work\n\n"
    "Dear Ms. Rivera,\n\n"
    "My name is Sam Okoye and I am a junior studying biology. I am very interested in the "
    "research coordinator position on your team and I have attached my resume. I have strong "
    "lab skills and a 3.8 GPA. Could we meet for an hour next week? Do you have any advice for "
    "me? Also, what is your team like?\n\n"
    "Best,\nSam"
)
"""A first draft that breaks most of the rules, for the worked example."""


class OutreachEmailChecker(widgets.VBox):
    """Type an outreach email and see, as you type, how it meets the 5-Point Email rules.

    Parameters
    ----------
    value : str, optional
        Text to start with.
    label : str, default "Your email"
        The text box's label; give each checker on a page its own.
    heading : str, optional
        The heading above the box (default "Draft your outreach email").
    example_button : bool, default False
        Show a button that puts :data:`EXAMPLE_DRAFT` back in the box (for the worked
        example; never offered where it would overwrite a student's own draft).

    Attributes
    ----------
    text : ipywidgets.Textarea
        "Your email".
    word_count : ipywidgets.HTML
        "57 words (under 100 is the goal)", updated on every change.
    review_view : ipywidgets.HTML
        Findings and strengths, updated on every change.
    check_button, example_button : ipywidgets.Button
    announcement : ipywidgets.HTML
        The verdict after *Check my email*.
    review : EmailReview
        The latest review.
    """

    def __init__(self, value: str = "", label: str = "Your email", heading: str | None = None,
                 example_button: bool = False, **kwargs):
        self.text = widgets.Textarea(
            description=label, value=value, rows=12,
            placeholder="Hi Ms. Rivera,\n\nPriya Shah suggested I contact you. \u2026",
            continuous_update=True, style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="44em"))
        self.word_count = widgets.HTML()
        self.review_view = widgets.HTML()
        self.check_button = labelled_button("Check my email", style="primary",
                                            tooltip="Read out how the email meets the rules")
        self.example_button = labelled_button("Reset to the example draft",
                                              tooltip="Put the example first draft back in the box")
        if not example_button:
            self.example_button.layout.display = "none"
        self.announcement = widgets.HTML()
        self.review: EmailReview = check_outreach_email(value)
        self.text.observe(lambda change: self.update(change["new"]), names="value")
        self.check_button.on_click(lambda _: self.announce())
        self.example_button.on_click(lambda _: setattr(self.text, "value", EXAMPLE_DRAFT))
        super().__init__([
            widgets.HTML(STYLE + heading_html(heading or "Draft your outreach email", 3)),
            self.text, self.word_count,
            widgets.HBox([self.check_button, self.example_button],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.announcement, self.review_view], **kwargs)
        self.add_class("iv-email")
        self.add_class("iv-lesson")
        self.update(value)

    def update(self, text: str) -> EmailReview:
        """Re-check ``text`` and redraw the word count and the review."""
        self.review = check_outreach_email(text)
        n = self.review.word_count
        state = "under the limit" if n < MAX_WORDS else "too long"
        self.word_count.value = (f'<div role="status" aria-live="polite" style="margin:0.2em 0">'
                                 f"<strong>{n} word{'s' if n != 1 else ''}</strong> ({state}; "
                                 f"under {MAX_WORDS} is the goal)</div>")
        self.review_view.value = email_review_html(self.review, show_count=False)
        self.announcement.value = ""
        return self.review

    def announce(self) -> None:
        """Say the verdict and the first thing to fix, as an alert."""
        r = self.update(self.text.value)
        if r.ok:
            self.announcement.value = status_html(
                f"{r.word_count} words and all six rules met.", "success", label="Ready to send")
        else:
            self.announcement.value = status_html(
                f"{len(r.findings)} to fix. First: {r.findings[0]}", "warning",
                label="Not ready yet")
