"""Charts: the artists they draw (Agg backend), their alt text, and the <img> helpers."""

from __future__ import annotations

import base64
import subprocess
import sys
from html.parser import HTMLParser

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, Rectangle
from test_metrics import done, make_log, requested

from infoview_lib import metrics, plots, schema


@pytest.fixture
def log() -> pd.DataFrame:
    return make_log(
        done("Ana", "2025-02-03", thank_you_date="2025-02-03", follow_up_date="2025-02-20",
             duration_min=30, mode="video", referrals=2),
        done("Ben", "2025-02-05", thank_you_date="2025-02-08", duration_min=55,
             mode="in_person", referred_by="Ana", referrals=1),
        done("Cy", "2025-02-12", duration_min=20, mode="video", referred_by="Ana"),
        {"contact": "Dee", "status": "scheduled", "interview_date": "2025-03-01",
         "referred_by": "Prof. Olu"},
        {"contact": "Eli", "status": "declined"},
        {"contact": "Fay", "status": "no_reply"},
        requested("Gus", "2025-02-20"),
    )


def fresh_ax() -> Axes:
    return plt.subplots()[1]


def texts(ax: Axes) -> list[str]:
    found = [t.get_text() for t in ax.texts]
    legend = ax.get_legend()
    if legend is not None:
        found += [t.get_text() for t in legend.get_texts()]
    return found


# ------------------------------------------------------------------------ each chart


def test_network_growth_draws_bars_and_two_lines(log):
    ax = plots.plot_network_growth(log, ax=fresh_ax())
    assert ax.get_title() == "Network growth"
    assert ax.get_xlabel() == "Week ending" and ax.get_ylabel() == "People"
    # weeks ending 9 Feb (Ana, Ben) and 16 Feb (Cy)
    assert [bar.get_height() for bar in ax.patches] == [2, 1]
    network, referrals = ax.get_lines()
    assert list(network.get_ydata()) == [2, 3]
    assert list(referrals.get_ydata()) == [3, 3]  # 2 + 1, then + 0
    assert "Network size (people interviewed)" in texts(ax)
    assert "Interviews that week" in texts(ax)


def test_network_growth_passes_kwargs_to_the_line(log):
    ax = plots.plot_network_growth(log, ax=fresh_ax(), color="black", linewidth=5)
    assert ax.get_lines()[0].get_linewidth() == 5


def test_follow_up_funnel(log):
    ax = plots.plot_follow_up(log, as_of="2025-04-15", ax=fresh_ax())
    # 3 completed; thanked within a day: Ana; windows closed for all 3, followed up: Ana
    assert [bar.get_width() for bar in ax.patches] == [3, 1, 1]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Completed interviews", "Thank-you within 24 h",
                      "Follow-up within 30 days"]
    assert "1 of 3 (33%)" in texts(ax)
    assert "1 of 3 due so far (33%)" in texts(ax)
    assert ax.get_xlabel() == "Interviews"


def test_thank_you_delay_histogram(log):
    ax = plots.plot_thank_you_delay(log, ax=fresh_ax())
    heights = [bar.get_height() for bar in ax.patches]
    # day 0: Ana; day 3: Ben; not sent: Cy  (bars 0..6, 7+, Not sent)
    assert heights == [1, 0, 0, 1, 0, 0, 0, 0, 1]
    assert ax.patches[-1].get_hatch() == "//"
    assert [t.get_text() for t in ax.get_xticklabels()][-2:] == ["7+", "Not sent"]
    assert {"Within 24 hours", "Later", "Not sent yet"} <= set(texts(ax))


def test_response_outcomes(log):
    ax = plots.plot_response(log, ax=fresh_ax())
    # completed 3, scheduled 1, waiting 1, declined 1, no reply 1
    assert [bar.get_width() for bar in ax.patches] == [3, 1, 1, 1, 1]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Completed", "Scheduled", "Waiting for a reply", "Declined", "No reply"]
    # (1 + 3) / (1 + 3 + 1 + 1) = 67 %
    assert ax.get_title() == "Outreach outcomes (response rate 67%)"


def test_durations_histogram_with_target_band(log):
    ax = plots.plot_durations(log, ax=fresh_ax())
    band = [p for p in ax.patches if p.get_label() == "Target: 20-40 minutes"]
    assert len(band) == 1
    x0, x1 = band[0].get_x(), band[0].get_x() + band[0].get_width()
    assert (x0, x1) == (20, 40)
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p not in band]
    assert sum(bar.get_height() for bar in bars) == 3
    assert ax.get_title() == "Interview length (67% within 20-40 minutes)"
    assert ax.get_xlabel() == "Minutes"


def test_modes_bars(log):
    ax = plots.plot_modes(log, ax=fresh_ax())
    assert [bar.get_height() for bar in ax.patches] == [1, 0, 2]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["In person", "Phone", "Video"]
    assert "2 (67%)" in texts(ax)


def test_referral_tree_boxes_and_arrows(log):
    ax = plots.plot_referral_tree(log, ax=fresh_ax())
    names = set(texts(ax))
    assert {"Ana", "Ben", "Cy", "Dee", "Prof. Olu"} <= names
    arrows = [t.arrow_patch for t in ax.texts if getattr(t, "arrow_patch", None)]
    assert len(arrows) == 3 and all(isinstance(a, FancyArrowPatch) for a in arrows)
    # the introducer sits left of the people introduced
    x = {t.get_text(): t.get_position()[0] for t in ax.texts}
    assert x["Ana"] < x["Ben"] and x["Prof. Olu"] < x["Dee"]
    assert "Introducer outside your log" in names


# ------------------------------------------------------------- referral tree, large logs


def introductions(*pairs: tuple[str, str]) -> pd.DataFrame:
    """A log of completed interviews, one per ``(introducer, person introduced)``."""
    return make_log(*(done(person, "2025-02-03", referred_by=introducer)
                      for introducer, person in pairs))


def boxes(ax: Axes) -> dict[str, str]:
    """First line of each box → its whole text."""
    return {t.get_text().split("\n")[0]: t.get_text() for t in ax.texts
            if t.get_bbox_patch() is not None}


def arrow_count(ax: Axes) -> int:
    return sum(1 for t in ax.texts if getattr(t, "arrow_patch", None))


def stars_and_pairs() -> pd.DataFrame:
    # 5 chains of 4 people (an outside introducer and three people: 3 rows each),
    # then 30 chains of 2 people (1 row each): 80 people in 35 chains
    stars = [(f"Host {s}", f"Guest {s}{k}") for s in "ABCDE" for k in range(3)]
    pairs = [(f"Friend {i:02}", f"Pal {i:02}") for i in range(30)]
    return introductions(*stars, *pairs)


def test_referral_tree_of_a_large_log_draws_the_largest_chains_that_fit():
    log = stars_and_pairs()
    ax = plots.plot_referral_tree(log, ax=fresh_ax(), max_rows=10)
    # three stars take 9 rows; a fourth would need 12
    assert set(boxes(ax)) == {"Host A", "Host B", "Host C"} | {
        f"Guest {s}{k}" for s in "ABC" for k in range(3)}
    assert arrow_count(ax) == 9
    bottom, top = ax.get_ylim()
    assert top - bottom == pytest.approx(9 - 1 + 1.2)  # 9 rows, each chain in its own rows
    assert ax.get_title() == "Who introduced you to whom (12 of 80 people shown)"
    shown = ("The chart shows the 12 people in the 3 largest chains of introductions. "
             "There are 80 people in 35 chains of introductions in all.")
    assert plots.describe_referral_tree(log, max_rows=10).endswith(" " + shown)
    view = plots.referral_tree_view(log, max_rows=10)
    assert (view.rows, view.people, view.chains, view.whole, view.shown) == (
        9, 12, 3, True, shown)
    # one chain per block of rows: Host A's guests sit in the rows next to Host A
    y = {name: t.get_position()[1] for t in ax.texts
         for name in [t.get_text().split("\n")[0]] if t.get_bbox_patch() is not None}
    assert sorted(y[f"Guest A{k}"] for k in range(3)) == [-2, -1, 0]


def test_referral_tree_that_fits_is_drawn_whole_without_a_note():
    log = stars_and_pairs()
    view = plots.referral_tree_view(log, max_rows=None, max_depth=None)
    assert view.complete and view.people == 80 and view.rows == 45 and view.shown == ""
    ax = plots.plot_referral_tree(log, ax=fresh_ax(), max_rows=45)
    assert len(boxes(ax)) == 80 and ax.get_title() == "Who introduced you to whom"
    assert "The chart shows" not in plots.describe_referral_tree(log, max_rows=45)


def test_referral_tree_of_one_huge_chain_shows_its_first_introductions():
    # one introducer, 100 people introduced; 10 rows
    log = introductions(*[("Prof. Olu", f"Student {i:03}") for i in range(100)])
    ax = plots.plot_referral_tree(log, ax=fresh_ax(), max_rows=10)
    drawn = boxes(ax)
    assert len(drawn) == 11 and arrow_count(ax) == 10
    assert drawn["Prof. Olu"] == "Prof. Olu\n+90 more"
    assert ax.get_title() == "Who introduced you to whom (11 of 101 people shown)"
    assert plots.describe_referral_tree(log, max_rows=10).endswith(
        "The chart shows 11 of the 101 people in the largest chain of introductions, up to "
        "1 introduction from where it starts, largest branches first; a box ending in "
        "\u201c+N more\u201d has N more people further along, not drawn. There are 101 people "
        "in 1 chain of introductions in all.")


def test_referral_tree_of_a_long_chain_stops_at_max_depth_and_never_recurses():
    people = [f"P{i:04}" for i in range(3000)]
    log = introductions(*zip(people, people[1:], strict=False))
    ax = plots.plot_referral_tree(log, ax=fresh_ax())  # default: 6 introductions deep
    drawn = boxes(ax)
    assert sorted(drawn) == people[:plots.MAX_TREE_DEPTH + 1]
    assert drawn[people[plots.MAX_TREE_DEPTH]].endswith(
        f"+{3000 - plots.MAX_TREE_DEPTH - 1:,} more")
    assert ax.get_xlim()[1] == pytest.approx(plots.MAX_TREE_DEPTH + 0.6)
    whole = plots.referral_tree_view(log, max_rows=None, max_depth=None)  # 3,000 deep
    assert whole.people == 3000 and whole.rows == 1 and whole.depth == 2999


def test_referral_tree_size_is_bounded_by_default_whatever_the_log():
    log = introductions(*[(f"Host {i // 3:04}", f"Guest {i:04}") for i in range(3000)])
    view = plots.referral_tree_view(log)
    assert view.rows <= plots.MAX_TREE_ROWS and view.depth <= plots.MAX_TREE_DEPTH
    assert plots._tree_layout(metrics.referral_graph(log))[1] == view.rows  # dashboards
    ax = plots.plot_referral_tree(view, ax=fresh_ax())  # a view is drawn as it is
    assert len(boxes(ax)) == view.people == 40  # 10 chains of 4 people
    assert "the 40 people in the 10 largest chains" in plots.describe_referral_tree(view)
    assert "of 4,000 people" not in plots.describe_referral_tree(view)
    assert "There are 4,000 people in 1,000 chains" in plots.describe_referral_tree(view)
    with pytest.raises(ValueError, match="max_rows"):
        plots.referral_tree_view(log, max_rows=0)


def test_referral_chains_match_networkx_components():
    import networkx as nx

    rng = np.random.default_rng(7)
    for seed in range(50):
        count = int(rng.integers(1, 40))
        graph = nx.gnm_random_graph(count, int(rng.integers(0, 50)), seed=seed, directed=True)
        graph = nx.relabel_nodes(graph, {i: f"p{(i * 7) % count}" for i in graph})
        sizes, members = plots._chains(graph)
        expected = sorted(nx.weakly_connected_components(graph), key=len, reverse=True)
        assert sizes.tolist() == [len(c) for c in expected]
        assert [set(members(k)) for k in range(len(expected))] == expected


def test_class_overview_counts_and_rates(log):
    class_log = pd.concat([log.assign(student="kim"), log.iloc[:1].assign(student="abe")],
                          ignore_index=True)
    ax = plots.plot_class_overview(class_log, ax=fresh_ax())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["abe", "kim"]
    assert [bar.get_width() for bar in ax.patches] == [1, 3]
    assert ax.get_title() == "Completed interviews by student"
    ax = plots.plot_class_overview(class_log, metric="thank_you_rate", ax=fresh_ax())
    assert [bar.get_width() for bar in ax.patches] == pytest.approx([100, 100 / 3])
    assert "33%" in texts(ax)
    with pytest.raises(ValueError, match="metric"):
        plots.plot_class_overview(class_log, metric="happiness")


def test_connections_growth():
    connections = pd.DataFrame({"connected_on": pd.to_datetime(
        ["2024-01-05", "2023-06-01", None, "2025-02-01"])})
    ax = plots.plot_connections_growth(connections, ax=fresh_ax())
    line = ax.get_lines()[0]
    assert list(line.get_ydata()) == [1, 2, 3]
    assert ax.get_title() == "LinkedIn connections over time"
    assert ax.get_ylabel() == "Connections"
    assert "3 connections made between 1 Jun 2023 and 1 Feb 2025" in (
        plots.describe_connections_growth(connections))
    with pytest.raises(ValueError, match="connected_on"):
        plots.plot_connections_growth(pd.DataFrame({"x": [1]}))


# ------------------------------------------------------------------------ empty logs


@pytest.mark.parametrize("kind", [k for k in plots.CHARTS if k != "connections_growth"])
def test_every_chart_of_an_empty_log_says_no_interviews_yet(kind):
    data = schema.empty_log()
    if kind == "class_overview":
        data = data.assign(student=pd.Series([], dtype="string"))
    ax = plots.CHARTS[kind][0](data, ax=fresh_ax())
    assert "No interviews yet" in texts(ax)
    assert ax.get_title()
    assert plots.alt_text(kind, data)


def test_charts_with_partial_information_say_what_is_missing():
    log = make_log(done("Ana", "2025-02-03"), requested("Ben", "2025-02-03"))
    assert "No interview lengths recorded yet" in texts(plots.plot_durations(log, ax=fresh_ax()))
    assert "No interview modes recorded yet" in texts(plots.plot_modes(log, ax=fresh_ax()))
    assert "No referrals recorded yet" in texts(plots.plot_referral_tree(log, ax=fresh_ax()))
    planned = make_log({"contact": "Ana", "status": "planned"})
    assert "No outreach yet" in texts(plots.plot_response(planned, ax=fresh_ax()))
    empty = pd.DataFrame({"connected_on": pd.Series([], dtype="datetime64[ns]")})
    assert "No connections yet" in texts(plots.plot_connections_growth(empty, ax=fresh_ax()))


def test_without_ax_draws_on_a_new_readable_figure(log):
    plt.close("all")
    ax = plots.plot_modes(log)
    assert tuple(ax.figure.get_size_inches()) == plots.DEFAULT_FIGSIZE
    same = plots.plot_response(log)  # draws on the current Axes, like seaborn
    assert same is ax


# -------------------------------------------------------------------------- alt text


def test_alt_texts_state_the_numbers(log):
    assert plots.describe_network_growth(log) == (
        "Network growth chart by week: your network grew to 3 people interviewed between "
        "3 Feb and 12 Feb 2025, from 3 completed interviews. The busiest week (ending "
        "9 Feb 2025) had 2 interviews. Referrals received in total: 3.")
    assert "3 interviews completed; 1 thanked within 24 hours (33%)" in (
        plots.describe_follow_up(log, as_of="2025-04-15"))
    assert plots.describe_thank_you_delay(log) == (
        "Bar chart of days from interview to thank-you note: 1 within 24 hours; 1 later; "
        "the longest wait was 3 days; 1 not sent yet.")
    assert "completed 3, scheduled 1, waiting for a reply 1, declined 1, no reply 1" in (
        plots.describe_response(log))
    assert "2 of 3 interviews lasted 20 to 40 minutes (67%); 0 shorter, 1 longer" in (
        plots.describe_durations(log))
    assert plots.describe_modes(log) == (
        "Bar chart of how 3 interviews were held: in person 1 (33%), phone 0 (0%), "
        "video 2 (67%).")
    assert plots.describe_referral_tree(log) == (
        "Referral tree: 3 introductions among 5 people, from 2 introducers (1 outside your "
        "log). Most introductions: Ana (2), Prof. Olu (1).")
    assert plots.alt_text("modes", log) == plots.describe_modes(log)
    with pytest.raises(ValueError, match="unknown chart"):
        plots.alt_text("pie", log)


def test_class_overview_alt_text(log):
    class_log = pd.concat([log.assign(student="kim"), log.iloc[:1].assign(student="abe")])
    assert plots.describe_class_overview(class_log) == (
        "Bar chart of completed interviews for 2 students: median 2, highest 3 (kim), "
        "lowest 1 (abe).")


# ---------------------------------------------------------------------- <img> output


class ImgParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def test_img_tag_embeds_a_png_with_escaped_alt_and_closes_the_figure(log):
    ax = plots.plot_modes(log, ax=fresh_ax())
    number = ax.figure.number
    tag = plots.img_tag(ax, 'Modes: "video" <2> & more')
    assert '<2>' not in tag and "&lt;2&gt;" in tag and "&quot;video&quot;" in tag
    parser = ImgParser()
    parser.feed(tag)
    (image,) = parser.images
    assert image["alt"] == 'Modes: "video" <2> & more'
    prefix = "data:image/png;base64,"
    assert image["src"].startswith(prefix)
    assert base64.b64decode(image["src"][len(prefix):])[:8] == b"\x89PNG\r\n\x1a\n"
    assert number not in plt.get_fignums()


def test_img_tag_needs_alt_text_and_a_figure(log):
    ax = plots.plot_modes(log, ax=fresh_ax())
    with pytest.raises(ValueError, match="alt text"):
        plots.img_tag(ax, "  ")
    with pytest.raises(TypeError, match="Axes or Figure"):
        plots.img_tag("not a chart", "alt")
    assert plots.fig_to_data_uri(ax.figure).startswith("data:image/png;base64,")
    plots.img_tag(ax.figure, "kept", close=False)
    assert ax.figure.number in plt.get_fignums()


def test_chart_widget_and_show_chart(log, monkeypatch):
    import IPython.display
    import ipywidgets

    from infoview_lib.widgets import chart_widget, show_chart

    widget = chart_widget(plots.plot_modes(log, ax=fresh_ax()), "How 3 interviews were held")
    assert isinstance(widget, ipywidgets.HTML)
    assert 'alt="How 3 interviews were held"' in widget.value
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    ax = plots.plot_modes(log, ax=fresh_ax())
    show_chart(ax, "Modes <chart>")
    (html_object,) = shown
    assert 'alt="Modes &lt;chart&gt;"' in html_object.data
    assert "<img" in html_object.data
    assert ax.figure.number not in plt.get_fignums()  # no plain figure left to show


def test_importing_the_package_and_metrics_does_not_import_pyplot():
    code = ("import sys, infoview_lib, infoview_lib.metrics, infoview_lib.report, "
            "infoview_lib.privacy, infoview_lib.cli\n"
            "bad = [m for m in ('matplotlib.pyplot', 'ipywidgets', 'IPython', 'networkx') "
            "if m in sys.modules]\n"
            "print(bad)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_empty_axes_have_no_ticks():
    ax = plots.plot_network_growth(schema.empty_log(), ax=fresh_ax())
    assert len(ax.get_xticks()) == 0 and len(ax.get_yticks()) == 0
    assert np.isclose(ax.texts[0].get_position(), (0.5, 0.5)).all()
