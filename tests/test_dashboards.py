"""GrowthDashboard and ClassDashboard without a kernel: set values, click, read the HTML.

Also the pure helpers under them and the class charts (small multiples, rate
distributions).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import shutil

import pandas as pd
import pytest

import infoview_lib as iv
from infoview_lib import class_charts, metrics
from infoview_lib.widgets import ClassDashboard, GrowthDashboard
from infoview_lib.widgets import class_dashboard as cd
from infoview_lib.widgets import dashboard as gd

SAMPLE_DAY = pd.Timestamp("2025-04-15")


def _src(html: str) -> str:
    return re.search(r'src="([^"]+)"', html)[1]


def _alt(html: str) -> str:
    return re.search(r'alt="([^"]*)"', html)[1]


def _metric(html: str, key: str) -> str:
    return re.search(rf'data-metric="{key}"[^>]*>([^<]*)<', html)[1]


def _text(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def sample():
    return iv.load_log(iv.sample_log_path())


@pytest.fixture
def dash(tmp_path):
    return GrowthDashboard(workspace=tmp_path)


# ----------------------------------------------------------------- GrowthDashboard


def test_opens_on_the_sample_as_of_its_snapshot_day(dash, sample):
    assert dash.today.value == dt.date(2025, 4, 15)
    assert dash.log_picker.value == str(iv.sample_log_path())
    expected = metrics.summary(sample, as_of=SAMPLE_DAY)
    assert dash.numbers["completed"] == expected["completed"] == 22
    assert _metric(dash.headline.value, "completed") == "22"
    assert _metric(dash.headline.value, "thank_you_rate") == "64%"
    assert _metric(dash.headline.value, "due") == "10"
    assert "14 of 22 interviews" in dash.headline.value
    assert "Showing 40 of 40 rows: all dates; all sources; all modes." in \
        dash.filter_status.value


def test_every_chart_is_an_image_with_alt_text_stating_numbers(dash):
    assert set(dash.charts) == set(gd.CHART_NAMES)
    for name, chart in dash.charts.items():
        src = _src(chart.value)
        assert src.startswith("data:image/png;base64,"), name
        assert base64.b64decode(src.split(",", 1)[1])[:4] == b"\x89PNG"
        assert re.search(r"\d", _alt(chart.value)), name
    assert "grew to 22 people interviewed between 16 Jan and 14 Apr 2025" in \
        _alt(dash.charts["network_growth"].value)


def test_a_filter_changes_the_numbers_and_redraws_each_chart_once(dash, sample):
    before_src = _src(dash.charts["network_growth"].value)
    renders = dash.renders
    dash.mode_boxes["video"].value = False
    assert dash.renders == renders + len(gd.CHART_NAMES)   # one drawing per chart
    view = sample[sample["mode"].astype("string") != "video"]
    assert dash.numbers["completed"] == metrics.summary(view, as_of=SAMPLE_DAY)["completed"] \
        == 13
    assert _metric(dash.headline.value, "completed") == "13"
    assert _src(dash.charts["network_growth"].value) != before_src
    assert "modes: in person, phone, not recorded" in dash.filter_status.value
    # back to the first view: served from the cache, nothing drawn
    dash.mode_boxes["video"].value = True
    assert dash.renders == renders + len(gd.CHART_NAMES)
    assert _src(dash.charts["network_growth"].value) == before_src


def test_date_range_and_sources_and_reset(dash, sample):
    dash.start.value = dt.date(2025, 2, 1)
    dash.end.value = dt.date(2025, 2, 28)
    # Feb interviews, and requests sent in Feb still waiting
    from infoview_lib.filters import activity_date

    when = activity_date(sample)
    expected = sample[(when >= "2025-02-01") & (when <= "2025-02-28")]
    assert len(dash.view) == len(expected)
    assert dash.numbers["completed"] == int((expected["status"] == "completed").sum())
    assert "1 Feb 2025 to 28 Feb 2025" in dash.filter_status.value
    for value, box in dash.source_boxes.items():
        box.value = value == "referral"
    assert set(dash.view["source"].astype(str)) == {"referral"}
    dash.reset.click()
    assert len(dash.view) == len(sample)
    assert all(box.value for box in dash.source_boxes.values())


def test_start_after_end_is_reported_not_raised(dash):
    dash.start.value = dt.date(2025, 4, 1)
    dash.end.value = dt.date(2025, 3, 1)
    assert "Check the dates" in dash.filter_status.value


def test_a_new_today_redraws_only_the_chart_that_depends_on_it(dash):
    renders = dash.renders
    dash.today.value = dt.date(2025, 3, 3)
    assert dash.renders == renders + 1
    assert dash.numbers["due"] == len(metrics.due_followups(dash.full_log, "2025-03-03"))
    assert "on 3 Mar 2025" in dash.due.value


def test_filtered_due_list_keeps_the_3b7_context_of_the_whole_log(dash):
    for value, box in dash.source_boxes.items():
        box.value = value == "linkedin"
    assert set(dash.due_list["contact"]) <= set(dash.view["contact"])
    assert "Rosa Mistlow" in dash.due.value           # linkedin, waiting 7 business days


def test_saving_the_due_list_to_a_calendar_file(dash, tmp_path):
    from icalendar import Calendar

    dash.export.click()
    path = tmp_path / "follow_ups_2025-04-15.ics"
    assert dash.ics_path == path and path.exists()
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events) == len(dash.due_list) == 10
    assert {e.decoded("dtstart") for e in events} == {dt.date(2025, 4, 15)}
    assert "10 follow-ups saved to follow_ups_2025-04-15.ics" in _text(dash.export_message.value)


def test_nothing_due_disables_the_export(dash):
    dash.today.value = dt.date(2025, 1, 10)
    assert dash.due_list.empty
    assert dash.export.disabled
    assert "All caught up" in dash.due.value


def test_logs_in_the_workspace_can_be_picked_and_a_broken_one_is_explained(tmp_path, sample):
    mine = tmp_path / "interview_log.csv"
    iv.save_log(sample.head(12), mine)
    broken = tmp_path / "broken.csv"
    broken.write_text("contact,status\nAna,compelted\n", encoding="utf-8")
    dash = GrowthDashboard(workspace=tmp_path)
    labels = [label for label, _ in dash.log_picker.options]
    assert labels[0] == "Sample log (a fictional semester)"
    assert "My work: interview_log.csv" in labels and "My work: broken.csv" in labels
    dash.log_picker.value = str(mine)
    assert len(dash.full_log) == 12 and len(dash.view) == 12
    assert dash.today.value == dt.date.today()      # your own log: the real today
    dash.log_picker.value = str(broken)
    assert len(dash.full_log) == 12                 # still the previous log
    text = _text(dash.load_message.value)
    assert "Could not use this log" in text and "compelted" in text


def test_default_today_and_log_choices(tmp_path):
    assert gd.default_today(iv.sample_log_path()) == gd.SAMPLE_TODAY
    assert gd.default_today(iv.class_dir()) == gd.SAMPLE_TODAY
    assert gd.default_today(tmp_path / "x.csv") == pd.Timestamp.today().normalize()
    (tmp_path / ".hidden.csv").write_text("contact\n", encoding="utf-8")
    (tmp_path / "~$lock.xlsx").write_text("", encoding="utf-8")
    (tmp_path / "notes.md").write_text("", encoding="utf-8")
    assert len(gd.log_choices(tmp_path)) == 1


def test_insights_read_the_numbers(sample):
    numbers = metrics.summary(sample, as_of=SAMPLE_DAY)
    due = metrics.due_followups(sample, SAMPLE_DAY)
    sentences = gd.insights(sample, numbers, due)
    assert sentences[0].startswith("Thank-you notes: 64% went out within a day, so 8 of 22")
    chain = next(s for s in sentences if s.startswith("Referrals"))
    assert "longest referral chain has 4 steps: Yara Foxmere \u2192 Nico Ivesdale" in chain
    assert sentences[-1].startswith("Due on 15 Apr 2025: 5 thank-you notes, 3 second "
                                    "contacts, 2 follow-ups")
    empty = sample[sample["status"] != "completed"]
    assert gd.insights(empty, metrics.summary(empty, as_of=SAMPLE_DAY), due.head(0)) == [
        "No completed interviews in this view yet: the rates appear after the first one."]


def test_headline_html_escapes_and_labels():
    numbers = metrics.summary(pd.DataFrame({"contact": ["<b>A</b>"], "status": ["planned"]}),
                              as_of=SAMPLE_DAY)
    html = gd.headline_html(numbers)
    assert "n/a" in _metric(html, "thank_you_rate")
    assert "nothing to count yet" in html
    assert html.count("<li") == len(gd.HEADLINE_KEYS)


def test_linkedin_helpers():
    connections = iv.read_linkedin_connections(gd.linkedin_export_path())
    assert gd.linkedin_summary(connections).startswith("150 connections in all; 39 added in "
                                                       "the last 6 months")
    table = gd.linkedin_months_html(connections)
    assert "<caption" in table and "February 2025" in table


# ------------------------------------------------------------------ ClassDashboard


@pytest.fixture(scope="module")
def class_log():
    return iv.load_class(iv.class_dir())


@pytest.fixture(scope="module")
def real_names(class_log):
    names = pd.concat([class_log.log["contact"], class_log.log["referred_by"]]).dropna()
    return sorted(set(names.astype(str).str.strip()) - {""})


@pytest.fixture(scope="module")
def _class_dash(class_log, tmp_path_factory):
    # drawn once for the module (six charts); each test starts from the same state
    return ClassDashboard(class_log, workspace=tmp_path_factory.mktemp("class_ws"),
                          salt="test-salt")


@pytest.fixture
def class_dash(_class_dash):
    _class_dash.hide_names.value = True
    _class_dash.student_picker.value = _class_dash.student_picker.options[0]
    return _class_dash


def _page(dashboard: ClassDashboard) -> str:
    parts = [dashboard.privacy_note.value, dashboard.validation.value, dashboard.numbers.value,
             dashboard.students.value, dashboard.student_log.value]
    parts += [_alt(chart.value) for chart in dashboard.charts.values()]
    return _text("\n".join(parts))


def test_class_dashboard_hides_every_contact_name_until_the_box_is_unticked(
        class_dash, real_names):
    assert class_dash.hide_names.value is True
    assert class_dash.today.value == dt.date(2025, 4, 15)
    page = _page(class_dash)
    assert not [n for n in real_names if n in page]
    assert re.search(r"Contact [0-9a-f]{4}", class_dash.student_log.value)
    class_dash.hide_names.value = False
    shown = [n for n in real_names if n in _page(class_dash)]
    assert shown, "unticked, the student's log shows real names"
    class_dash.hide_names.value = True
    assert not [n for n in real_names if n in _page(class_dash)]


def test_every_student_can_be_looked_at_without_names(class_dash, real_names):
    for student in class_dash.student_picker.options:
        class_dash.student_picker.value = student
        text = _text(class_dash.student_log.value)
        assert f"{student}:" in text
        assert not [n for n in real_names if n in text], student


def test_toggling_privacy_redraws_no_chart(class_dash):
    renders = class_dash.renders
    class_dash.hide_names.value = False
    assert class_dash.renders == renders


def test_validation_names_who_must_fix_which_rows(class_dash):
    text = _text(class_dash.validation.value)
    assert "1 of 24 logs must be fixed" in text
    assert "Fix 4 problems: rows 2, 3, 6, 8" in text
    for value in ("compelted", "2025-02-30", "600"):
        assert value in text


def test_class_numbers_and_table(class_dash, class_log):
    table = metrics.by_student(class_log, as_of=SAMPLE_DAY)
    assert _metric(class_dash.numbers.value, "students") == "24"
    assert _metric(class_dash.numbers.value, "to_fix") == "1"
    assert _metric(class_dash.numbers.value, "completed") == str(int(table["completed"].sum()))
    assert class_dash.students.value.count("<tr>") == len(table) + 1


def test_class_charts_are_images_with_numbers_in_their_alt(class_dash):
    assert set(class_dash.charts) == set(cd.CLASS_CHARTS)
    for name, chart in class_dash.charts.items():
        assert _src(chart.value).startswith("data:image/png;base64,"), name
        assert re.search(r"\d", _alt(chart.value)), name
    assert _alt(class_dash.charts["growth_multiples"].value).startswith(
        "Small multiples of network growth for 23 students")


def test_class_exports_report_and_formula_safe_csv(class_dash, real_names):
    report = class_dash.write_report()
    assert report.name == "class_report_2025-04-15.html" and report.exists()
    html = report.read_text(encoding="utf-8")
    assert "student_01_ada" in html
    assert not [n for n in real_names if n in html]
    path = class_dash.write_metrics_csv()
    assert path == report.parent / "class_metrics_2025-04-15.csv"
    table = pd.read_csv(path, encoding="utf-8-sig")
    assert len(table) == 23 and table.columns[0] == "student"
    assert "no contact's name" in _text(class_dash.export_message.value)


def test_a_student_name_that_looks_like_a_formula_is_escaped_in_the_csv(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(iv.class_dir() / "student_01_ada.csv", folder / "=HYPERLINK(1).csv")
    dashboard = ClassDashboard(folder, workspace=tmp_path, today="2025-04-15")
    text = dashboard.write_metrics_csv().read_text(encoding="utf-8-sig")
    assert "\n'=HYPERLINK(1)," in text


def test_shareable_problems_tokens_and_hidden_values():
    problems = pd.DataFrame({
        "student": ["s1"] * 4, "file": ["s1.csv"] * 4, "row": [2, 3, 4, 5],
        "column": ["contact", "notes", "LinkedIn URL", "status"],
        "value": ["Ana Ruiz", "call Ana", "linkedin.com/in/ana-ruiz", "compelted"],
        "problem": ["x"] * 4})
    shown = cd.shareable_problems(problems, hide_names=True, salt="k")
    log_token = cd.shareable_log(pd.DataFrame({"student": ["s1"], "contact": ["ana  ruiz"]}),
                                 hide_names=True, salt="k")["contact"][0]
    assert shown["value"].tolist() == [log_token, cd.HIDDEN, cd.HIDDEN, "compelted"]
    assert cd.shareable_problems(problems, hide_names=False, salt="k")["value"].tolist() == \
        problems["value"].tolist()


def test_shareable_log_drops_notes_and_unknown_columns(class_log):
    shared = cd.shareable_log(class_log.log, hide_names=True, salt="k")
    assert "notes" not in shared.columns and "LinkedIn URL" not in shared.columns
    assert shared["contact"].str.match(r"^Contact [0-9a-f]{4,}$").all()


def test_validation_overview_of_a_clean_folder(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy(iv.class_dir() / "student_04_dalia.csv", folder)
    overview = cd.validation_overview(iv.load_class(folder))
    assert overview.to_dict("records") == [{"student": "student_04_dalia",
                                            "file": "student_04_dalia.csv", "rows": 8,
                                            "problems": 0, "verdict": "OK"}]


# --------------------------------------------------------------------- class charts


def test_class_growth_matches_network_growth_per_student(class_log):
    table = class_charts.class_growth(class_log)
    assert len(table.columns) == 23
    for student in table.columns:
        growth = metrics.network_growth(class_log.log[class_log.log["student"] == student])
        assert (table[student].reindex(growth.index) == growth["network_size"]).all(), student
        assert table[student].iloc[-1] == growth["network_size"].iloc[-1]


def test_rate_distribution_counts_students_per_tenth(class_log):
    import matplotlib.pyplot as plt

    table = metrics.by_student(class_log, as_of=SAMPLE_DAY)
    ax = class_charts.plot_rate_distribution(class_log, metric="thank_you_rate",
                                             as_of=SAMPLE_DAY, ax=plt.figure().subplots())
    heights = [bar.get_height() for bar in ax.patches]
    assert len(heights) == 10
    assert sum(heights) == table["thank_you_rate"].notna().sum()
    assert heights[0] == (table["thank_you_rate"] < 0.1).sum()
    assert heights[-1] == (table["thank_you_rate"] >= 0.9).sum()
    assert ax.get_ylabel() == "Students" and "median" in ax.get_xlabel()
    alt = class_charts.describe_rate_distribution(class_log, metric="thank_you_rate",
                                                  as_of=SAMPLE_DAY)
    assert alt.startswith("Histogram of thank-you within 24 hours across 23 students")


def test_small_multiples_name_every_student_with_their_network(class_log):
    ax = class_charts.plot_growth_small_multiples(class_log)
    texts = [t.get_text() for t in ax.texts]
    assert "student_11_kofi: 19" in texts and "student_18_saoirse: 3" in texts
    assert ax.get_title() == "Network growth per student (people interviewed)"
    assert "largest 19 (student_11_kofi)" in class_charts.describe_growth_small_multiples(
        class_log)


def test_class_charts_of_an_empty_class():
    from infoview_lib.io import ClassLog
    from infoview_lib.schema import empty_log

    empty = ClassLog(empty_log().assign(student=pd.Series([], dtype="string")),
                     pd.DataFrame(columns=["student", "file", "row", "column", "value",
                                           "problem"]))
    ax = class_charts.plot_growth_small_multiples(empty)
    assert "No interviews yet" in [t.get_text() for t in ax.texts]
    assert class_charts.describe_rate_distribution(empty) == \
        "Thank-you within 24 hours: no student has anything to count yet."
