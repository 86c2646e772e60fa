"""The dashboard's filters: date range, sources, modes → the rows kept."""

from __future__ import annotations

import pandas as pd
import pytest

import infoview_lib as iv
from infoview_lib import filters, metrics
from infoview_lib.filters import NOT_RECORDED, filter_log


def _log() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "contact": ["Ana Ruiz", "Ben Ode", "Cy Lam", "Di Noor", "Ed Park"],
            "organization": ["Acme", "Acme", "Birch", "Cedar", "Dune"],
            "source": ["alumni", "referral", "alumni", None, "cold"],
            "status": ["completed", "requested", "completed", "planned", "completed"],
            "outreach_date": ["2025-02-01", "2025-03-03", "2025-02-10", None, "2025-03-01"],
            "interview_date": ["2025-02-10", None, "2025-03-05", None, "2025-03-20"],
            "mode": ["video", None, "phone", None, "video"],
            "thank_you_date": ["2025-02-10", None, "2025-03-09", None, None],
        }
    )
    return iv.load_log(frame)


def test_no_filter_keeps_every_row_in_order():
    log = _log()
    assert filter_log(log).index.tolist() == [0, 1, 2, 3, 4]


def test_date_range_uses_interview_date_else_outreach_date():
    log = _log()
    # activity dates: 10 Feb, 3 Mar (outreach), 5 Mar, none, 20 Mar
    view = filter_log(log, start="2025-03-01", end="2025-03-10")
    assert view["contact"].tolist() == ["Ben Ode", "Cy Lam"]


def test_range_ends_are_inclusive_and_undated_rows_drop_once_a_range_is_set():
    log = _log()
    assert filter_log(log, start="2025-02-10")["contact"].tolist() == [
        "Ana Ruiz", "Ben Ode", "Cy Lam", "Ed Park"]
    assert filter_log(log, end="2025-02-10")["contact"].tolist() == ["Ana Ruiz"]


def test_sources_and_modes_with_not_recorded():
    log = _log()
    assert filter_log(log, sources=["alumni"])["contact"].tolist() == ["Ana Ruiz", "Cy Lam"]
    assert filter_log(log, sources=[NOT_RECORDED])["contact"].tolist() == ["Di Noor"]
    assert filter_log(log, modes=["video"])["contact"].tolist() == ["Ana Ruiz", "Ed Park"]
    assert filter_log(log, modes=["video", NOT_RECORDED])["contact"].tolist() == [
        "Ana Ruiz", "Ben Ode", "Di Noor", "Ed Park"]
    assert filter_log(log, modes=[]).empty


def test_filters_combine_and_change_the_headline_numbers():
    log = _log()
    view = filter_log(log, sources=["alumni"], modes=["video"])
    assert view["contact"].tolist() == ["Ana Ruiz"]
    # all: 3 completed, 1 thanked within a day (Ana); Cy thanked after 4 days
    assert metrics.summary(log, as_of="2025-04-01")["completed"] == 3
    assert metrics.thank_you_rate(view) == 1.0


def test_dtypes_survive_filtering():
    log = _log()
    view = filter_log(log, start="2025-02-01", sources=["alumni", "cold"])
    assert (view.dtypes == log.dtypes).all()


def test_start_after_end_is_a_clear_error():
    with pytest.raises(ValueError, match="after the end"):
        filter_log(_log(), start="2025-04-01", end="2025-03-01")


def test_choices_list_what_is_present_in_schema_order():
    choices = filters.filter_choices(_log())
    assert choices.start == pd.Timestamp("2025-02-10")
    assert choices.end == pd.Timestamp("2025-03-20")
    assert choices.sources == ("alumni", "referral", "cold", NOT_RECORDED)
    assert choices.modes == ("phone", "video", NOT_RECORDED)


def test_choices_of_an_empty_log():
    from infoview_lib.schema import empty_log

    choices = filters.filter_choices(empty_log())
    assert choices.start is None and choices.sources == () and choices.modes == ()


def test_due_in_view_keeps_the_whole_log_for_3b7_but_lists_only_shown_contacts():
    log = _log()
    # Ben's request (Mon 3 Mar) waits; nobody else at Acme was approached after it.
    due_all = metrics.due_followups(log, "2025-03-21")
    assert set(due_all["contact"]) == {"Ben Ode", "Ed Park"}
    view = filter_log(log, sources=["cold"])
    due = filters.due_in_view(log, view, "2025-03-21")
    assert due["contact"].tolist() == ["Ed Park"]
    assert due["action"].tolist() == ["thank_you"]


def test_describe_filters_sentence():
    log = _log()
    view = filter_log(log, start="2025-03-01", sources=["alumni", "cold"])
    text = filters.describe_filters(log, view, start="2025-03-01", sources=["alumni", "cold"])
    assert text == ("Showing 2 of 5 rows: 1 Mar 2025 to the end; sources: alumni, cold "
                    "outreach; all modes.")


def test_sample_log_video_filter():
    log = iv.load_log(iv.sample_log_path())
    view = filter_log(log, modes=["video"])
    assert set(view["mode"].astype(str)) == {"video"}
    assert metrics.summary(view, as_of="2025-04-15")["completed"] < metrics.summary(
        log, as_of="2025-04-15")["completed"]
