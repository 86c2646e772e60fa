"""Pseudonymisation: stable salted tokens, consistent across columns, distinct people distinct."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_metrics import done, make_log

from infoview_lib import metrics, privacy


@pytest.fixture
def log() -> pd.DataFrame:
    return make_log(
        done("Ana Ruiz", "2025-02-03", organization="Acme", notes="Ana said: call Raj"),
        done("Ben Ode", "2025-02-05", referred_by="ana  ruiz", notes="met at the fair"),
        done("Cy Lam", "2025-02-12", referred_by="Prof. Olu"),
        {"contact": "Dee Park", "status": "requested", "referred_by": "Ben Ode"},
        {"contact": "ANA RUIZ", "status": "completed", "interview_date": "2025-03-01"},
    )


TOKEN = re.compile(r"^Contact [0-9a-f]{4,}$")


def test_tokens_replace_names_and_keep_everything_else(log):
    shared = privacy.pseudonymize(log, "s3cret")
    assert all(TOKEN.match(t) for t in shared["contact"])
    assert all(TOKEN.match(t) for t in shared["referred_by"].dropna())
    assert shared["referred_by"].isna().tolist() == log["referred_by"].isna().tolist()
    for column in ("organization", "status", "interview_date", "notes"):
        pd.testing.assert_series_equal(shared[column], log[column])
    assert shared.dtypes.equals(log.dtypes)
    assert log.loc[0, "contact"] == "Ana Ruiz"  # the input is not modified
    names = " ".join(shared[["contact", "referred_by"]].fillna("").to_numpy().ravel())
    assert "Ana" not in names and "Olu" not in names


def test_same_person_same_token_in_both_columns_so_edges_survive(log):
    shared = privacy.pseudonymize(log, "s3cret")
    ana = shared.loc[0, "contact"]
    assert shared.loc[4, "contact"] == ana          # "ANA RUIZ" is Ana Ruiz
    assert shared.loc[1, "referred_by"] == ana      # "ana  ruiz" too
    assert shared.loc[3, "referred_by"] == shared.loc[1, "contact"]
    original = metrics.referral_graph(log)
    pseudonymous = metrics.referral_graph(shared)
    assert pseudonymous.number_of_edges() == original.number_of_edges() == 3
    assert (ana, shared.loc[1, "contact"]) in pseudonymous.edges
    # the headline numbers do not change
    assert pd.Series(metrics.summary(shared, as_of="2025-04-15")).equals(
        pd.Series(metrics.summary(log, as_of="2025-04-15")))


def test_tokens_are_stable_for_a_salt_and_change_with_it(log):
    first = privacy.pseudonymize(log, "s3cret")
    again = privacy.pseudonymize(log.iloc[::-1], "s3cret")  # another order, another log
    assert first["contact"].tolist() == again["contact"].iloc[::-1].tolist()
    other = privacy.pseudonymize(log, "different")
    assert set(other["contact"]).isdisjoint(first["contact"])
    assert privacy.pseudonymize(log, b"s3cret")["contact"].equals(first["contact"])


def test_distinct_people_stay_distinct(log):
    shared = privacy.pseudonymize(log, "s3cret")
    people = metrics.person_key(pd.concat([log["contact"], log["referred_by"]])).nunique()
    tokens = pd.concat([shared["contact"], shared["referred_by"]]).nunique()
    assert tokens == people == 5


def test_colliding_tokens_are_lengthened_only_where_needed():
    digests = ["3f9a11", "3f9a27", "3f9b00", "aaaa00"]
    assert privacy._shortest_unique(digests) == ["3f9a1", "3f9a2", "3f9b", "aaaa"]
    # many people: every token unique
    many = make_log(*({"contact": f"Person {i}"} for i in range(3000)))
    tokens = privacy.pseudonymize(many, "s3cret")["contact"]
    assert tokens.nunique() == 3000
    assert tokens.str.len().max() > len("Contact 3f9a")  # 3000 names collide at 4 digits


def test_salt_is_required(log):
    with pytest.raises(TypeError, match="salt"):
        privacy.pseudonymize(log, None)
    with pytest.raises(ValueError, match="empty"):
        privacy.pseudonymize(log, "  ")
    with pytest.raises(TypeError, match="string"):
        privacy.pseudonymize(log, 42)
    salt = privacy.new_salt()
    assert len(salt) == 32 and salt != privacy.new_salt()


def test_drop_notes_and_prefix(log):
    shared = privacy.pseudonymize(log, "s3cret", drop_notes=True, prefix="Person")
    assert shared["notes"].isna().all()
    assert shared.loc[0, "contact"].startswith("Person ")


def test_frames_without_person_columns_pass_through():
    frame = pd.DataFrame({"status": ["completed"]})
    assert privacy.pseudonymize(frame, "s3cret").equals(frame)
