"""Show a chart in a notebook or a Voilà app as an ``<img>`` with alt text.

A plain inline matplotlib figure has no alt text, which axe-core reports as a
critical ``image-alt`` violation. These helpers render the figure to a base64 PNG
through :func:`infoview_lib.plots.img_tag` (alt text escaped) and close the
figure, so the notebook shows only the accessible image.
"""

from __future__ import annotations

__all__ = ["show_chart", "chart_widget", "chart_html"]


def chart_html(ax_or_fig, alt: str) -> str:
    """The ``<img>`` HTML for a chart (the figure is closed)."""
    from ..plots import img_tag

    return img_tag(ax_or_fig, alt, close=True)


def show_chart(ax_or_fig, alt: str) -> None:
    """Display a chart as an image with alt text, and close its figure.

    Parameters
    ----------
    ax_or_fig : matplotlib.axes.Axes or matplotlib.figure.Figure
        The chart, e.g. what ``plots.plot_network_growth(log)`` returns.
    alt : str
        What the chart shows, with its numbers (``plots.describe_*``).

    Examples
    --------
    >>> from infoview_lib import plots                       # doctest: +SKIP
    >>> ax = plots.plot_network_growth(log)                  # doctest: +SKIP
    >>> show_chart(ax, plots.describe_network_growth(log))   # doctest: +SKIP
    """
    from IPython.display import HTML, display

    display(HTML(chart_html(ax_or_fig, alt)))


def chart_widget(ax_or_fig, alt: str, **layout):
    """A chart as an :class:`ipywidgets.HTML` widget, for dashboards.

    Parameters
    ----------
    ax_or_fig : matplotlib.axes.Axes or matplotlib.figure.Figure
    alt : str
        What the chart shows, with its numbers.
    **layout
        Passed to ``ipywidgets.Layout`` (e.g. ``width="100%"``).

    Returns
    -------
    ipywidgets.HTML
        Its ``value`` is the ``<img>``; replace it to update the chart.
    """
    import ipywidgets as widgets

    return widgets.HTML(value=chart_html(ax_or_fig, alt), layout=widgets.Layout(**layout))
