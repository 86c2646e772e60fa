"""Known-answer tests for every metric, with the arithmetic in the comments.

Calendar used below (2025): Mon 3 Feb, Sun 9 Feb, Mon 10 Feb ... ;
Sat 5 Apr, Mon 7 Apr, Tue 8, Wed 9, Thu 10, Fri 11, Mon 14, Tue 15, Wed 16 Apr.
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from logs import typed_log

from infoview_lib import metrics, schema


def make_log(*rows: dict, **extra_columns) -> pd.DataFrame:
    """A log with the loader's dtypes, from a few dicts (missing cells are empty)."""
    return typed_log(list(rows), **extra_columns)


def done(contact, interview, **fields) -> dict:
    return {"contact": contact, "status": "completed", "interview_date": interview, **fields}


# ------------------------------------------------------------------------ thank-you


def test_thank_you_rate_counts_zero_and_one_day_of_all_completed():
    log = make_log(
        done("A", "2025-03-10", thank_you_date="2025-03-10"),  # 0 days: on time
        done("B", "2025-03-10", thank_you_date="2025-03-11"),  # 1 day: on time
        done("C", "2025-03-10", thank_you_date="2025-03-12"),  # 2 days: late
        done("D", "2025-03-10"),                               # never sent: late
        done("E", "2025-03-10", thank_you_date="2025-03-09"),  # before the interview: no
        {"contact": "F", "status": "scheduled", "interview_date": "2025-03-10",
         "thank_you_date": "2025-03-10"},                      # not completed: not counted
    )
    # 2 on time of 5 completed
    assert metrics.thank_you_rate(log) == pytest.approx(2 / 5)
    # within 2 days: A, B, C → 3 of 5
    assert metrics.thank_you_rate(log, within_days=2) == pytest.approx(3 / 5)


def test_thank_you_rate_compares_days_not_clock_times():
    # interview at 14:00, thank-you logged as a bare date the same day: 0 days, on time
    log = make_log(done("A", "2025-03-10 14:00", thank_you_date="2025-03-10"))
    assert metrics.thank_you_rate(log) == 1.0


def test_thank_you_rate_nan_without_completed_interviews():
    assert math.isnan(metrics.thank_you_rate(schema.empty_log()))
    assert math.isnan(metrics.thank_you_rate(make_log({"contact": "A", "status": "requested"})))


# ------------------------------------------------------------------------ follow-up


def test_follow_up_rate_known_answer_with_window_boundaries():
    as_of = "2025-04-30"
    log = make_log(
        # 31 Mar + 30 days = 30 Apr <= as_of: eligible; follow-up on day 30 counts
        done("A", "2025-03-31", follow_up_date="2025-04-30"),
        # 1 Mar + 30 = 31 Mar: eligible; follow-up on day 31 (1 Apr) is too late
        done("B", "2025-03-01", follow_up_date="2025-04-01"),
        # eligible; follow-up the same day as the interview is not "after" it
        done("C", "2025-03-01", follow_up_date="2025-03-01"),
        # eligible; no follow-up
        done("D", "2025-03-01"),
        # 1 Apr + 30 = 1 May > as_of: window still open, not eligible
        done("E", "2025-04-01", follow_up_date="2025-04-02"),
        # no interview date: not eligible
        {"contact": "F", "status": "completed", "follow_up_date": "2025-04-02"},
    )
    # eligible A, B, C, D; on time A → 1 / 4
    assert metrics.follow_up_rate(log, as_of=as_of) == pytest.approx(1 / 4)
    # a 31-day window: A's closes 1 May, E's 2 May, both still open → eligible B, C, D;
    # B's follow-up on day 31 now counts → 1 / 3
    assert metrics.follow_up_rate(log, within_days=31, as_of=as_of) == pytest.approx(1 / 3)


def test_follow_up_rate_as_of_defaults_to_today():
    today = pd.Timestamp.today().normalize()
    recent = today - pd.Timedelta(days=5)  # window open today: not eligible
    old = today - pd.Timedelta(days=60)
    log = make_log(
        done("A", recent, follow_up_date=recent + pd.Timedelta(days=1)),
        done("B", old, follow_up_date=old + pd.Timedelta(days=10)),
    )
    assert metrics.follow_up_rate(log) == 1.0  # only B eligible, followed up
    assert math.isnan(metrics.follow_up_rate(log.iloc[:1]))


def test_follow_up_rate_future_interviews_are_not_eligible():
    log = make_log(done("A", "2030-01-01", follow_up_date="2030-01-05"))
    assert math.isnan(metrics.follow_up_rate(log, as_of="2025-04-15"))


# ------------------------------------------------------------------- response, duration


def test_response_rate_known_answer():
    statuses = ["completed", "completed", "scheduled", "declined", "no_reply", "no_reply",
                "requested", "planned"]
    log = make_log(*({"contact": f"P{i}", "status": s} for i, s in enumerate(statuses)))
    # (scheduled 1 + completed 2) / (1 + 2 + declined 1 + no_reply 2) = 3 / 6
    assert metrics.response_rate(log) == pytest.approx(0.5)


def test_response_rate_nan_when_nothing_answered():
    log = make_log({"contact": "A", "status": "requested"}, {"contact": "B", "status": "planned"})
    assert math.isnan(metrics.response_rate(log))


def test_duration_on_target_inclusive_bounds():
    log = make_log(
        done("A", "2025-03-01", duration_min=20),   # on target (low bound)
        done("B", "2025-03-01", duration_min=40),   # on target (high bound)
        done("C", "2025-03-01", duration_min=19),   # short
        done("D", "2025-03-01", duration_min=41),   # long
        done("E", "2025-03-01"),                    # no duration: not counted
        {"contact": "F", "status": "scheduled", "duration_min": 30},  # not completed
    )
    # 2 of the 4 completed interviews with a duration
    assert metrics.duration_on_target(log) == pytest.approx(2 / 4)
    # 20-30 minutes (the career-centre advice): only A → 1 / 4
    assert metrics.duration_on_target(log, low=20, high=30) == pytest.approx(1 / 4)


def test_duration_on_target_nan_without_durations():
    assert math.isnan(metrics.duration_on_target(make_log(done("A", "2025-03-01"))))


# ------------------------------------------------------------------------ growth


def test_network_growth_weekly_known_answer():
    log = make_log(
        done("Ana", "2025-02-03", referrals=1),   # Mon, week ending Sun 9 Feb
        done("Ben", "2025-02-09", referrals=2),   # Sun, same week
        done("Cy", "2025-02-10"),                 # Mon, week ending 16 Feb (no referrals)
        done("ana ", "2025-02-25", referrals=1),  # Ana again (same person), week ending 2 Mar
        {"contact": "Dee", "status": "scheduled", "interview_date": "2025-02-12"},  # not held
    )
    growth = metrics.network_growth(log)
    assert list(growth.columns) == ["interviews", "network_size", "referrals"]
    assert growth.index.name == "period"
    expected = pd.DataFrame(
        {
            # one row per week from the first to the last interview, empty week included
            "interviews": [2, 1, 0, 1],
            # distinct people interviewed so far: Ana, Ben | +Cy | - | Ana again
            "network_size": [2, 3, 3, 3],
            # cumulative referrals: 1+2 | +0 | +0 | +1
            "referrals": [3, 3, 3, 4],
        },
        index=pd.DatetimeIndex(
            ["2025-02-09", "2025-02-16", "2025-02-23", "2025-03-02"], name="period"
        ).astype("datetime64[ns]"),
    )
    pd.testing.assert_frame_equal(growth, expected, check_dtype=False, check_freq=False)


def test_network_growth_monthly_and_one_row():
    log = make_log(done("Ana", "2025-01-31"), done("Ben", "2025-03-01"))
    growth = metrics.network_growth(log, freq="M")
    assert growth.index.strftime("%Y-%m-%d").tolist() == ["2025-01-31", "2025-02-28",
                                                           "2025-03-31"]
    assert growth["interviews"].tolist() == [1, 0, 1]
    assert growth["network_size"].tolist() == [1, 1, 2]
    one = metrics.network_growth(make_log(done("Ana", "2025-01-31")))
    assert one["interviews"].tolist() == [1] and one["network_size"].tolist() == [1]


def test_network_growth_empty_when_nothing_completed():
    for log in (schema.empty_log(),
                make_log({"contact": "A", "status": "completed"}),  # no date
                make_log({"contact": "A", "status": "scheduled",
                          "interview_date": "2025-01-01"})):
        growth = metrics.network_growth(log)
        assert growth.empty
        assert list(growth.columns) == ["interviews", "network_size", "referrals"]


# ------------------------------------------------------------------------ referrals


def test_referral_graph_edges_and_node_attributes():
    log = make_log(
        {"contact": "Ana Ruiz", "organization": "Acme", "status": "completed"},
        {"contact": "Ben Ode", "organization": "Birch", "status": "requested",
         "referred_by": "ana  ruiz"},                     # matches Ana ignoring case/spaces
        {"contact": "Cy Lam", "status": "completed", "referred_by": "Prof. Olu"},  # outsider
        {"contact": "Dee Park", "status": "declined", "referred_by": "Ben Ode"},
        {"contact": "Dee Park", "organization": "Cedar", "status": "completed",
         "referred_by": "Ben Ode"},                       # same introduction twice: one edge
        {"contact": "Eli Tan", "status": "completed", "referred_by": "Eli Tan"},  # self: none
        {"contact": "Fay Wu", "status": "completed"},     # no introduction: not a node
    )
    graph = metrics.referral_graph(log)
    assert isinstance(graph, nx.DiGraph)
    assert set(graph.edges) == {("Ana Ruiz", "Ben Ode"), ("Prof. Olu", "Cy Lam"),
                                ("Ben Ode", "Dee Park")}
    assert set(graph.nodes) == {"Ana Ruiz", "Ben Ode", "Cy Lam", "Dee Park", "Prof. Olu"}
    assert graph.nodes["Ana Ruiz"] == {"organization": "Acme", "status": "completed",
                                       "in_log": True}
    # the last value given for Dee: organization Cedar, status completed
    assert graph.nodes["Dee Park"]["organization"] == "Cedar"
    assert graph.nodes["Dee Park"]["status"] == "completed"
    assert graph.nodes["Prof. Olu"] == {"organization": None, "status": None, "in_log": False}
    edges = metrics.referral_edges(log)
    assert sorted(map(tuple, edges.to_numpy().tolist())) == sorted(graph.edges)


def test_referral_graph_empty():
    assert metrics.referral_graph(schema.empty_log()).number_of_nodes() == 0
    assert metrics.referral_edges(make_log(done("A", "2025-01-01"))).empty


# ----------------------------------------------------------------------------- due


def requested(contact, outreach, **fields) -> dict:
    return {"contact": contact, "status": "requested", "outreach_date": outreach, **fields}


def actions(due: pd.DataFrame) -> list[tuple]:
    return [(r.contact, r.action, r.due_since.strftime("%Y-%m-%d"))
            for r in due.itertuples(index=False)]


def test_due_3b7_counts_business_days_from_a_monday():
    log = make_log(requested("Ana", "2025-04-07", organization="Acme"))  # Monday
    # Wed 9 Apr: busday_count(Mon 7, Wed 9) = Mon, Tue = 2 → nothing yet
    assert metrics.due_followups(log, "2025-04-09").empty
    # Thu 10 Apr: Mon, Tue, Wed = 3 → contact a second person, due since Thu 10
    assert actions(metrics.due_followups(log, "2025-04-10")) == [
        ("Ana", "second_contact", "2025-04-10")]
    # Tue 15 Apr: 6 business days → still only the second contact
    assert actions(metrics.due_followups(log, "2025-04-15")) == [
        ("Ana", "second_contact", "2025-04-10")]
    # Wed 16 Apr: 7 business days (7,8,9,10,11,14,15) → both actions are due
    assert actions(metrics.due_followups(log, "2025-04-16")) == [
        ("Ana", "second_contact", "2025-04-10"), ("Ana", "follow_up", "2025-04-16")]


def test_due_weekend_outreach_counts_from_monday():
    log = make_log(requested("Ana", "2025-04-05"))  # Saturday
    # Wed 9 Apr: busday_count(Sat 5, Wed 9) = Mon 7, Tue 8 = 2 → nothing
    assert metrics.due_followups(log, "2025-04-09").empty
    # Thu 10 Apr: Mon, Tue, Wed = 3 → due since Thu 10 (as if sent on Monday)
    assert actions(metrics.due_followups(log, "2025-04-10")) == [
        ("Ana", "second_contact", "2025-04-10")]
    # a weekend "today": Sat 12 Apr counts Mon-Fri = 5
    assert actions(metrics.due_followups(log, "2025-04-12")) == [
        ("Ana", "second_contact", "2025-04-10")]


def test_due_second_contact_ends_when_someone_else_at_the_organization_is_asked():
    log = make_log(
        requested("Ana", "2025-04-01", organization="Acme"),
        requested("Raj", "2025-04-07", organization="acme"),  # a second person at Acme, later
        requested("Ben", "2025-04-01", organization="Birch"),
        {"contact": "Cy", "organization": "Birch", "status": "completed",
         "outreach_date": "2025-03-01", "interview_date": "2025-03-05",
         "thank_you_date": "2025-03-05"},                     # asked before Ben: does not count
        requested("Ana", "2025-04-02", organization="Acme"),  # Ana again is not someone else
    )
    due = metrics.due_followups(log, "2025-04-10")
    # Ana (1 Apr): Raj asked since → no second contact; follow-up due Thu 10 Apr (7 bd)
    # Ana (2 Apr): Raj asked since → no second contact; 6 bd → no follow-up yet
    # Raj (7 Apr): 3 bd on Thu 10; nobody at Acme asked after him → second contact
    # Ben (1 Apr): second contact since Fri 4 Apr and follow-up since Thu 10 Apr
    # sorted by due day, then action in 3B7 order, then log order
    assert actions(due) == [
        ("Ben", "second_contact", "2025-04-04"),
        ("Raj", "second_contact", "2025-04-10"),
        ("Ana", "follow_up", "2025-04-10"),
        ("Ben", "follow_up", "2025-04-10"),
    ]


def test_due_follow_up_ends_once_followed_up():
    log = make_log(requested("Ana", "2025-04-01", follow_up_date="2025-04-10"))
    assert actions(metrics.due_followups(log, "2025-04-16")) == [
        ("Ana", "second_contact", "2025-04-04")]


def test_due_thank_you_after_one_day():
    log = make_log(
        done("Ana", "2025-04-14", organization="Acme"),  # no thank-you
        done("Ben", "2025-04-10", thank_you_date="2025-04-10"),  # thanked
        done("Cy", "2025-04-20"),  # a future date: not due
        {"contact": "Dee", "status": "scheduled", "interview_date": "2025-04-01"},
    )
    assert metrics.due_followups(log, "2025-04-14").empty  # same day: not yet
    due = metrics.due_followups(log, "2025-04-15")
    assert actions(due) == [("Ana", "thank_you", "2025-04-15")]
    assert due.loc[0, "organization"] == "Acme"
    assert due.loc[0, "message"] == ("Send your thank-you note to Ana for the interview on "
                                     "14 Apr 2025.")


def test_due_columns_messages_and_ignored_statuses():
    log = make_log(
        requested("Ana", "2025-04-01", organization="Acme"),
        requested("Ben", "2025-04-01"),  # no organization
        {"contact": "Cy", "status": "no_reply", "outreach_date": "2025-03-01"},
        {"contact": "Dee", "status": "scheduled", "outreach_date": "2025-03-01"},
        requested("Eli", "2025-05-01"),  # asked in the future
        requested("Fay", None),          # no outreach date
    )
    due = metrics.due_followups(log, "2025-04-16")
    assert list(due.columns) == ["contact", "organization", "action", "due_since", "message"]
    assert set(due["action"]) == {"second_contact", "follow_up"}
    assert set(due["contact"]) == {"Ana", "Ben"}
    messages = set(due["message"])
    assert ("No reply from Ana after 3 business days: contact a second person at Acme."
            in messages)
    assert ("No reply from Ben after 3 business days: contact a second person at their "
            "organization." in messages)
    assert "No reply from Ana after 7 business days: follow up once with Ana." in messages
    assert due["due_since"].dtype == "datetime64[ns]"


def test_due_today_defaults_to_today():
    today = pd.Timestamp.today().normalize()
    log = make_log(done("Ana", today - pd.Timedelta(days=2)))
    assert metrics.due_followups(log)["action"].tolist() == ["thank_you"]


def test_due_on_empty_and_dateless_logs():
    due = metrics.due_followups(schema.empty_log(), "2025-04-15")
    assert due.empty and list(due.columns) == list(metrics.DUE_COLUMNS)
    assert metrics.due_followups(
        make_log(requested("A", None), done("B", None)), "2025-04-15").empty


def test_due_class_log_keeps_students_apart():
    log = make_log(
        requested("Ana", "2025-04-01", organization="Acme"),
        requested("Raj", "2025-04-07", organization="Acme"),
        student=["kim", "lee"],
    )
    # Raj is in Lee's log, so Kim still needs a second person at Acme
    due = metrics.due_followups(log, "2025-04-08")
    assert list(due.columns)[0] == "student"
    assert due[["student", "contact", "action"]].values.tolist() == [
        ["kim", "Ana", "second_contact"]]


def test_bad_dates_and_inputs():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        metrics.due_followups(schema.empty_log(), "2025-13-40")
    with pytest.raises(ValueError, match="not a date"):
        metrics.follow_up_rate(schema.empty_log(), as_of="tomorrow-ish")
    with pytest.raises(TypeError, match="DataFrame"):
        metrics.response_rate([{"status": "completed"}])


# ------------------------------------------------------------------------ summaries


def sample_log() -> pd.DataFrame:
    return make_log(
        done("Ana", "2025-03-03", organization="Acme", outreach_date="2025-02-24",
             thank_you_date="2025-03-03", follow_up_date="2025-03-20", duration_min=30,
             mode="video", source="alumni", referrals=2),
        done("Ben", "2025-03-10", organization="Birch", outreach_date="2025-03-01",
             thank_you_date="2025-03-14", duration_min=55, mode="in_person",
             source="referral", referred_by="Ana", referrals=1),
        {"contact": "Cy", "status": "scheduled", "organization": "Cedar",
         "outreach_date": "2025-04-01", "interview_date": "2025-04-20", "source": "linkedin"},
        {"contact": "Dee", "status": "declined", "outreach_date": "2025-03-01",
         "source": "linkedin"},
        requested("Eli", "2025-04-07", organization="Dune", source="cold"),
        {"contact": "Fay", "status": "planned", "source": "alumni"},
    )


def test_summary_known_answer():
    result = metrics.summary(sample_log(), as_of="2025-04-15")
    assert list(result)[: len(metrics.SUMMARY_LABELS)] == list(metrics.SUMMARY_LABELS)
    assert result["contacts"] == 6
    assert result["outreach"] == 5          # everyone but the planned Fay
    assert result["completed"] == 2 and result["scheduled"] == 1
    assert result["response_rate"] == pytest.approx(3 / 4)  # (1 + 2) / (1 + 2 + 1 + 0)
    assert result["thank_you_rate"] == pytest.approx(1 / 2)  # Ana same day; Ben 4 days
    # Ana: 3 Mar + 30 = 2 Apr <= 15 Apr, followed up 20 Mar; Ben: 9 Apr, none → 1 / 2
    assert result["follow_up_rate"] == pytest.approx(1 / 2)
    assert result["duration_on_target"] == pytest.approx(1 / 2)  # 30 yes, 55 no
    assert result["network_size"] == 2 and result["referrals"] == 3
    # Eli asked Mon 7 Apr: 6 business days on Tue 15 Apr → second contact only
    assert result["due"] == 1
    assert (result["thank_you_rate_k"], result["thank_you_rate_n"]) == (1, 2)
    assert result["median_duration_min"] == pytest.approx(42.5)
    assert result["first_interview"] == pd.Timestamp("2025-03-03")
    assert result["last_interview"] == pd.Timestamp("2025-03-10")
    assert result["as_of"] == pd.Timestamp("2025-04-15")


def test_summary_of_an_empty_log():
    result = metrics.summary(schema.empty_log(), as_of="2025-04-15")
    assert result["contacts"] == 0 and result["due"] == 0
    for rate in ("response_rate", "thank_you_rate", "follow_up_rate", "duration_on_target"):
        assert math.isnan(result[rate])
    assert result["first_interview"] is None


def test_by_student_matches_summary_for_each_student():
    one, two = sample_log(), sample_log().iloc[:2]
    class_log = pd.concat([one.assign(student="kim"), two.assign(student="abe")],
                          ignore_index=True)
    table = metrics.by_student(class_log, as_of="2025-04-15")
    assert table["student"].tolist() == ["abe", "kim"]
    assert list(table.columns) == ["student", *metrics.SUMMARY_LABELS]
    for name, part in (("kim", one), ("abe", two)):
        expected = metrics.summary(part, as_of="2025-04-15")
        row = table.set_index("student").loc[name]
        for key in metrics.SUMMARY_LABELS:
            assert row[key] == pytest.approx(expected[key], nan_ok=True), (name, key)


def test_by_student_accepts_a_class_log_object_and_needs_students():
    class Holder:
        log = sample_log().assign(student="kim")

    assert metrics.by_student(Holder(), as_of="2025-04-15")["completed"].tolist() == [2]
    with pytest.raises(ValueError, match="student"):
        metrics.by_student(sample_log())


def test_mode_mix_and_source_mix():
    modes = metrics.mode_mix(sample_log())
    assert modes.index.tolist() == list(schema.MODES)
    assert modes["interviews"].tolist() == [1, 0, 1]  # in person, phone, video
    assert modes["share"].tolist() == [0.5, 0.0, 0.5]
    sources = metrics.source_mix(sample_log())
    assert sources.index.tolist() == list(schema.SOURCES)
    assert sources.loc["linkedin", "contacts"] == 2
    assert sources.loc["linkedin", "share"] == pytest.approx(2 / 6)
    # LinkedIn: Cy scheduled, Dee declined → 1 / 2; cold: Eli still waiting → NaN
    assert sources.loc["linkedin", "response_rate"] == pytest.approx(0.5)
    assert math.isnan(sources.loc["cold", "response_rate"])
    assert sources.loc["alumni", "completed"] == 1
    empty = metrics.mode_mix(schema.empty_log())
    assert empty["interviews"].sum() == 0 and empty["share"].isna().all()


# ------------------------------------------------------------------- partial frames


def test_metrics_work_on_partial_untyped_frames():
    frame = pd.DataFrame({"Status": ["done"], "status": ["Done"]})  # only 'status' is used
    assert metrics.response_rate(frame) == 1.0
    partial = pd.DataFrame(
        {
            "contact": ["Ana", "Ben"],
            "status": ["completed", "ghosted"],        # synonyms map to categories
            "interview_date": ["2025-03-10", None],    # text dates
            "thank_you_date": ["2025-03-11", None],
            "duration_min": [30.0, None],              # floats
            "mode": ["Zoom", None],
        }
    )
    assert metrics.response_rate(partial) == 0.5
    assert metrics.thank_you_rate(partial) == 1.0
    assert metrics.duration_on_target(partial) == 1.0
    assert metrics.mode_mix(partial).loc["video", "interviews"] == 1
    assert math.isnan(metrics.follow_up_rate(partial.drop(columns="interview_date")))
    assert metrics.summary(partial, as_of="2025-04-15")["completed"] == 1


def test_person_key_matches_case_and_spacing():
    keys = metrics.person_key(pd.Series(["Ana  Ruiz ", "ana ruiz", "", None], dtype="string"))
    assert keys.iloc[0] == keys.iloc[1] == "ana ruiz"
    assert keys.iloc[2:].isna().all()


# --------------------------------------------------------------------- properties

statuses = st.sampled_from([*schema.STATUSES, None])
days = st.one_of(st.none(), st.dates(min_value=pd.Timestamp("2024-01-01").date(),
                                     max_value=pd.Timestamp("2025-12-31").date()))
rows = st.fixed_dictionaries(
    {
        "contact": st.sampled_from(["Ana", "Ben", "ana", "Cy", None]),
        "organization": st.sampled_from(["Acme", "Birch", None]),
        "status": statuses,
        "outreach_date": days,
        "interview_date": days,
        "thank_you_date": days,
        "follow_up_date": days,
        "duration_min": st.one_of(st.none(), st.integers(1, 240)),
        "referrals": st.one_of(st.none(), st.integers(0, 5)),
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows, max_size=12))
def test_rates_are_in_unit_interval_and_summary_agrees(records):
    log = make_log(*records)
    as_of = "2025-06-30"
    result = metrics.summary(log, as_of=as_of)
    singles = {
        "response_rate": metrics.response_rate(log),
        "thank_you_rate": metrics.thank_you_rate(log),
        "follow_up_rate": metrics.follow_up_rate(log, as_of=as_of),
        "duration_on_target": metrics.duration_on_target(log),
    }
    for name, value in singles.items():
        assert math.isnan(value) or 0 <= value <= 1
        assert result[name] == pytest.approx(value, nan_ok=True)
    assert result["due"] == len(metrics.due_followups(log, as_of))
    growth = metrics.network_growth(log)
    held = log[(log["status"] == "completed") & log["interview_date"].notna()]
    assert growth["interviews"].sum() == len(held)
    if len(growth):
        people = metrics.person_key(held["contact"]).nunique()
        assert growth["network_size"].iloc[-1] == people
