"""Small accessible building blocks shared by the widgets.

Everything here returns HTML strings (for ``ipywidgets.HTML``) or builds a widget
with ipywidgets imported inside the function, so importing this module stays cheap.
Any widget may use these; they follow three rules the kit keeps everywhere:

* **Text first.** Every result starts with words ("Correct —", "Not quite —",
  "Closed") and a symbol; colour only repeats what the words say.
* **Contrast AA.** Foreground/background pairs below reach at least 4.5:1, and the
  palette (blue, orange-brown, purple, dark red) stays distinguishable with the
  common colour-vision deficiencies -- and each badge also differs by its symbol.
* **Announced.** Feedback after a button press is wrapped in ``role="alert"``
  (screen readers read a newly inserted alert); continuous feedback, such as a
  word count updated while typing, uses ``role="status"`` with ``aria-live="polite"``.
  ``ipywidgets.HTML`` replaces its content on each change, so the region is
  re-inserted each time; ``alert`` is the role screen readers announce reliably
  in that case.

Functions
---------
``esc``            escape user text for HTML.
``status_html``    a feedback box with a text label and a tone.
``badge_html``     a coloured badge for a question kind (open/closed/leading/job ask).
``feedback_card_html``  the coach's verdict on one question.
``email_review_html``   the outreach-email checker's verdict.
``table_html``     a DataFrame as an accessible table (caption, header scopes).
``heading_html``   a real heading element, so screen-reader users can jump by headings.
``labelled_button`` a Button with a text description and tooltip.
``STYLE``          a ``<style>`` block the lesson widgets include once, scoped to ``.iv-*``
                   classes: wrapped radio labels, readable line height in HTML output.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

__all__ = [
    "TONES",
    "KIND_STYLES",
    "STYLE",
    "esc",
    "status_html",
    "badge_html",
    "feedback_card_html",
    "email_review_html",
    "table_html",
    "heading_html",
    "list_html",
    "labelled_button",
]

# tone -> (symbol, text colour, background, border). Text/background contrast >= 7:1.
TONES: dict[str, tuple[str, str, str, str]] = {
    "info": ("\u2139\ufe0f", "#0b3d6b", "#e8f1fb", "#0b5cad"),
    "success": ("\u2714", "#14532d", "#e8f5ec", "#1e7a3c"),
    "warning": ("\u26a0", "#5c3300", "#fff4e0", "#a35a00"),
    "error": ("\u2716", "#7a1020", "#fdecee", "#b3261e"),
}

# kind -> (label, symbol, background); white text on each background is >= 5.5:1.
KIND_STYLES: dict[str, tuple[str, str, str]] = {
    "open": ("Open", "\u2714", "#0b5cad"),
    "closed": ("Closed", "\u25b2", "#8a4b00"),
    "leading": ("Leading", "\u25c6", "#6a1b9a"),
    "job_ask": ("Job ask", "\u2716", "#a1122b"),
}

STYLE = """<style>
.iv-lesson .widget-radio-box label, .iv-lesson .jupyter-widget-radio-box label {
  height: auto; line-height: 1.4; padding: 0.15em 0 0.3em 0; white-space: normal;
  max-width: 50em; display: flex; flex-direction: row-reverse; justify-content: flex-end;
  align-items: flex-start;
}
.iv-lesson .widget-radio-box input, .iv-lesson .jupyter-widget-radio-box input {
  height: 1.4em; line-height: 1.4; flex: none; float: none; margin: 0 0.6em 0 1px;
}
.iv-lesson .widget-html-content, .iv-lesson .jupyter-widget-html-content { line-height: 1.45; }
.iv-lesson .widget-html-content table td, .iv-lesson .widget-html-content table th {
  line-height: 1.4;
}
</style>"""
"""Scoped CSS for the lesson widgets (each adds the ``iv-lesson`` class to its box)."""

_BOX = ("padding:0.5em 0.75em;margin:0.25em 0;border-left:0.3em solid {border};"
        "background:{bg};color:{fg};border-radius:0.2em;line-height:1.45;max-width:52em")


def esc(text: object) -> str:
    """Escape any value for safe inclusion in HTML."""
    return html.escape("" if text is None else str(text), quote=True)


def status_html(message: str, tone: str = "info", *, label: str | None = None,
                live: str = "alert", extra_html: str = "") -> str:
    """A feedback box that screen readers announce.

    Parameters
    ----------
    message : str
        Plain text (it is escaped).
    tone : {"info", "success", "warning", "error"}
        Colours and symbol; the words carry the meaning on their own.
    label : str, optional
        A bold lead-in such as ``"Correct"`` shown before the message.
    live : {"alert", "status", "off"}
        ``"alert"`` (role=alert) for feedback to a button press, ``"status"``
        (role=status, aria-live=polite) for continuous updates, ``"off"`` for
        content that should not be announced.
    extra_html : str
        Trusted HTML appended inside the box (e.g. a list built with :func:`list_html`).

    Returns
    -------
    str
        HTML for an ``ipywidgets.HTML`` value.
    """
    symbol, fg, bg, border = TONES[tone]
    role = {"alert": ' role="alert"', "status": ' role="status" aria-live="polite"',
            "off": ""}[live]
    lead = f"<strong>{esc(label)}</strong> \u2014 " if label else ""
    return (f'<div{role} aria-atomic="true" class="iv-status iv-{tone}" '
            f'style="{_BOX.format(border=border, bg=bg, fg=fg)}">'
            f'<span aria-hidden="true">{symbol}</span> {lead}{esc(message)}{extra_html}</div>')


def badge_html(kind: str) -> str:
    """A badge naming a question's kind in words, with a symbol and a colour.

    Parameters
    ----------
    kind : {"open", "closed", "leading", "job_ask"}

    Returns
    -------
    str
        ``<span>`` with white text on a dark colour (contrast >= 5.5:1).
    """
    label, symbol, bg = KIND_STYLES[kind]
    return (f'<span class="iv-badge iv-badge-{kind}" style="display:inline-block;'
            f"padding:0.1em 0.55em;border-radius:0.8em;background:{bg};color:#ffffff;"
            f'font-weight:600;font-size:0.9em;white-space:nowrap">'
            f'<span aria-hidden="true">{symbol}</span> {label}</span>')


def list_html(items: Iterable[str], *, ordered: bool = False, style: str = "") -> str:
    """Escape and join items into ``<ul>``/``<ol>``; empty string when there are none."""
    items = list(items)
    if not items:
        return ""
    tag = "ol" if ordered else "ul"
    css = f' style="{style}"' if style else ' style="margin:0.3em 0 0.2em 1.2em;padding:0"'
    return f"<{tag}{css}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + f"</{tag}>"


def feedback_card_html(feedback) -> str:
    """The coach's verdict on one question as an HTML card.

    Parameters
    ----------
    feedback : infoview_lib.questions.QuestionFeedback

    Returns
    -------
    str
        The badge, the question, the reasons and (when not open) the suggested
        open rewrite, all in text.
    """
    from ..questions import KIND_HELP, TIARA_LABELS

    parts = ['<div class="iv-card" style="border:1px solid #8a8f98;border-radius:0.3em;'
             'padding:0.5em 0.75em;margin:0.3em 0;max-width:52em;line-height:1.45">',
             f"<p style=\"margin:0\">{badge_html(feedback.kind)} "
             f"<q>{esc(feedback.text)}</q></p>",
             f'<p style="margin:0.3em 0 0 0"><strong>{esc(feedback.label)}:</strong> '
             f"{esc(KIND_HELP[feedback.kind])}.</p>"]
    if feedback.suggestion:
        parts.append(f'<p style="margin:0.3em 0 0 0"><strong>Try instead:</strong> '
                     f"<q>{esc(feedback.suggestion)}</q></p>")
    parts.append('<details style="margin-top:0.3em"><summary>Why</summary>'
                 + list_html(feedback.reasons) + "</details>")
    if feedback.tiara:
        parts.append(f'<p style="margin:0.3em 0 0 0">TIARA category: '
                     f"<strong>{esc(TIARA_LABELS[feedback.tiara])}</strong></p>")
    parts.append("</div>")
    return "".join(parts)


def email_review_html(review, *, show_count: bool = True) -> str:
    """The outreach-email checker's verdict: word count, what to fix, what is good.

    Parameters
    ----------
    review : infoview_lib.email_check.EmailReview
    show_count : bool, default True
        Start with the word count (a widget that shows its own live count passes False).

    Returns
    -------
    str
        HTML; the verdict line says "Ready to send" or "N things to fix" in words.
    """
    from ..email_check import MAX_WORDS, RULES

    if review.ok:
        verdict = status_html("it follows all six rules.", "success", label="Ready to send",
                              live="off")
    else:
        n = len(review.findings)
        verdict = status_html(f"{n} thing{'s' if n != 1 else ''} to fix, listed below.",
                              "warning", label="Not ready yet", live="off")
    count_tone = "#14532d" if review.word_count < MAX_WORDS else "#7a1020"
    rows = "".join(
        f"<li>{'<strong>Yes</strong>' if ok else '<strong>Not yet</strong>'}: "
        f"{esc(RULES[name])}</li>" for name, ok in review.checks.items())
    parts = [f'<p style="margin:0.2em 0;color:{count_tone}"><strong>Words: '
             f"{review.word_count}</strong> (under {MAX_WORDS} is the goal)</p>"] \
        if show_count else []
    parts.append(verdict)
    if review.findings:
        parts.append('<p style="margin:0.5em 0 0.1em 0"><strong>To fix</strong></p>'
                     + list_html(review.findings))
    if review.strengths:
        parts.append('<p style="margin:0.5em 0 0.1em 0"><strong>Already good</strong></p>'
                     + list_html(review.strengths))
    parts.append('<details style="margin-top:0.4em"><summary>The six rules</summary>'
                 f'<ul style="margin:0.3em 0 0.2em 1.2em;padding:0">{rows}</ul></details>')
    return '<div class="iv-email-review" style="max-width:52em;line-height:1.45">' + \
        "".join(parts) + "</div>"


def table_html(frame, caption: str, columns: Sequence[str] | None = None,
               labels: dict[str, str] | None = None, nowrap: Sequence[str] = ()) -> str:
    """A DataFrame as an accessible HTML table.

    Parameters
    ----------
    frame : pandas.DataFrame
        The rows to show (values are escaped).
    caption : str
        Read by screen readers before the table; also shown.
    columns : sequence of str, optional
        Columns to show, in order; all by default.
    labels : dict, optional
        Column -> header text.
    nowrap : sequence of str
        Columns whose cells must not wrap (short labels such as "3\u20137 min").

    Returns
    -------
    str
        ``<table>`` with ``<caption>`` and ``<th scope="col">`` headers.
    """
    columns = list(columns or frame.columns)
    labels = labels or {}
    head = "".join(f'<th scope="col" style="text-align:left;padding:0.25em 0.6em;'
                   f'border-bottom:2px solid #444">{esc(labels.get(c, c))}</th>'
                   for c in columns)
    body = []
    wrap = ["white-space:nowrap;" if c in nowrap else "" for c in columns]
    for row in frame[columns].itertuples(index=False):
        cells = "".join(f'<td style="{w}padding:0.25em 0.6em;border-bottom:1px solid #c8c8c8;'
                        f'vertical-align:top">{esc("" if v is None else v)}</td>'
                        for w, v in zip(wrap, row, strict=True))
        body.append(f"<tr>{cells}</tr>")
    return (f'<table class="iv-table" style="border-collapse:collapse;margin:0.4em 0;'
            f'max-width:60em">'
            f'<caption style="text-align:left;font-weight:600;padding:0.2em 0">{esc(caption)}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def heading_html(text: str, level: int = 3, *, element_id: str | None = None) -> str:
    """A real ``<hN>`` heading so screen-reader users can jump between sections."""
    level = min(max(int(level), 2), 6)
    ident = f' id="{esc(element_id)}"' if element_id else ""
    return f'<h{level}{ident} style="margin:0.4em 0 0.2em 0">{esc(text)}</h{level}>'


def labelled_button(description: str, *, tooltip: str | None = None, style: str = "",
                    icon: str = "", width: str | None = None):
    """An ``ipywidgets.Button`` whose visible text is its accessible name.

    Parameters
    ----------
    description : str
        The words on the button (what a screen reader reads).
    tooltip : str, optional
        A longer explanation shown on hover; defaults to the description.
    style : str
        ``button_style`` ("primary", "success", ...). Colour never replaces the words.
    icon : str
        Optional Font Awesome icon name (decorative).
    width : str, optional
        CSS width; by default the button fits its text.
    """
    import ipywidgets as widgets

    layout = widgets.Layout(width=width or "auto", min_width="6em", align_self="flex-start")
    return widgets.Button(description=description, tooltip=tooltip or description,
                          button_style=style, icon=icon, layout=layout)
