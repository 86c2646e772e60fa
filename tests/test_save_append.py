"""save_log, append_interview and the formula guard: nothing lost, nothing executed."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import string

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import infoview_lib as iv
from infoview_lib import schema
from infoview_lib.formulas import escape_text, unescape_text


# ------------------------------------------------------------------ formulas
@pytest.mark.parametrize("text", ["=1+1", "+44 20 7946 0000", "-rf", "@SUM(A1)", "'=x", "''@y"])
def test_formula_like_text_is_escaped_and_restored(text):
    assert escape_text(text).startswith("'")
    assert unescape_text(escape_text(text)) == text


@pytest.mark.parametrize("text", ["Ana", "'quoted'", "it's", "", "a=b"])
def test_ordinary_text_is_untouched(text):
    assert escape_text(text) == text == unescape_text(text)


def test_saved_csv_holds_no_live_formula_but_numbers_stay_numbers(tmp_path):
    log = iv.load_log(pd.DataFrame({
        "contact": ["=HYPERLINK(\"http://x.example\",\"click\")", "Bo"],
        "organization": ["@evil", "+Plus Co"], "referrals": [2, 0], "duration_min": [30, 45],
        "notes": ["-see attached", "fine"]}))
    path = iv.save_log(log, tmp_path / "log.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for column in ("contact", "organization", "notes"):
        assert not raw[column].str.match(r"^[=+\-@]").any(), column
    assert raw.loc[0, "contact"].startswith("'=HYPERLINK")
    assert list(raw["referrals"]) == ["2", "0"]
    pd.testing.assert_frame_equal(iv.load_log(path), log)


def test_xlsx_round_trip_stores_text_not_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    log = iv.load_log(pd.DataFrame({"contact": ["=1+2"], "interview_date": ["2025-03-01"],
                                    "status": ["completed"], "duration_min": [30]}))
    path = iv.save_log(log, tmp_path / "log.xlsx")
    cell = openpyxl.load_workbook(path).active["A2"]
    assert cell.data_type == "s" and cell.value == "'=1+2"
    pd.testing.assert_frame_equal(iv.load_log(path), log)


# ------------------------------------------------------------------ round trip property
text_cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from(list(",\"'\n=+-@;\t") + ["é", "ß", "名", "🙂"]),
    min_size=1, max_size=20,
).map(str.strip).filter(bool)
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def valid_rows(draw):
    status = draw(st.sampled_from(schema.STATUSES))
    interview = draw(dates) if status == "completed" else draw(st.none() | dates)
    thank_you = None
    if interview is not None and draw(st.booleans()):
        thank_you = interview + dt.timedelta(days=draw(st.integers(0, 10)))
    return {
        "contact": draw(text_cells),
        "organization": draw(st.none() | text_cells),
        "source": draw(st.none() | st.sampled_from(schema.SOURCES)),
        "status": status,
        "outreach_date": draw(st.none() | dates),
        "interview_date": interview,
        "mode": draw(st.none() | st.sampled_from(schema.MODES)),
        "duration_min": draw(st.none() | st.integers(1, 240)),
        "thank_you_date": thank_you,
        "referrals": draw(st.none() | st.integers(0, 50)),
        "notes": draw(st.none() | text_cells),
    }


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(valid_rows(), min_size=1, max_size=8))
def test_any_valid_log_survives_save_then_load_unchanged(tmp_path, rows):
    log = iv.load_log(pd.DataFrame(rows))
    for suffix in (".csv", ".xlsx"):
        path = iv.save_log(log, tmp_path / f"log{suffix}")
        pd.testing.assert_frame_equal(iv.load_log(path), log, obj=suffix)


# ------------------------------------------------------------------ atomic writes
def test_failed_save_leaves_the_old_log_untouched(tmp_path, monkeypatch):
    path = tmp_path / "log.csv"
    iv.save_log(iv.load_log(pd.DataFrame({"contact": ["Ana"]})), path)
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", disk_full)
    with pytest.raises(iv.LogWriteError, match="No space left.*unchanged"):
        iv.save_log(iv.load_log(pd.DataFrame({"contact": ["Bo"]})), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == \
        ["log.csv"]


def test_log_open_in_another_program_gives_a_clear_error(tmp_path, monkeypatch):
    # What Windows does while Excel holds the file: replacing it is refused.
    path = tmp_path / "log.csv"
    iv.save_log(iv.load_log(pd.DataFrame({"contact": ["Ana"]})), path)
    before = path.read_bytes()

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(iv.LogWriteError, match="open in another program.*unchanged"):
        iv.append_interview(path, contact="Bo")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_save_rejects_an_invalid_frame_and_writes_nothing(tmp_path):
    with pytest.raises(iv.LogValidationError):
        iv.save_log(pd.DataFrame({"contact": ["Ana"], "status": ["maybe"]}), tmp_path / "l.csv")
    assert not (tmp_path / "l.csv").exists()


# ------------------------------------------------------------------ append
def test_append_creates_the_log_then_adds_rows(tmp_path):
    path = tmp_path / "sub" / "my_log.csv"
    iv.append_interview(path, contact="Ana Ruiz", status="requested", outreach_date="2025-03-01")
    log = iv.append_interview(path, **{"Contact Name": "Bo Li", "Status": "done",
                                       "Interview Date": dt.date(2025, 3, 4), "mode": "Zoom",
                                       "duration_min": 30})
    assert list(log["contact"]) == ["Ana Ruiz", "Bo Li"]
    assert log.loc[1, "mode"] == "video"
    pd.testing.assert_frame_equal(iv.load_log(path), log)


def test_append_to_a_header_only_log(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("Contact Name,Company,Status\n")
    log = iv.append_interview(path, contact="Ana", organization="Acme", status="planned")
    assert len(log) == 1 and log.loc[0, "organization"] == "Acme"


def test_bad_row_raises_and_writes_nothing(tmp_path):
    path = tmp_path / "log.csv"
    iv.append_interview(path, contact="Ana", status="requested")
    before = path.read_bytes()
    with pytest.raises(iv.LogValidationError) as info:
        iv.append_interview(path, contact="Bo", status="completed", duration_min=500)
    assert {tuple(r) for r in info.value.problems[["row", "column"]].itertuples(index=False)} \
        == {(3, "duration_min"), (3, "interview_date")}
    with pytest.raises(iv.LogValidationError, match="not a column"):
        iv.append_interview(path, contcat="Bo")
    with pytest.raises(iv.LogValidationError, match="empty"):
        iv.append_interview(path, contact="  ")
    assert path.read_bytes() == before


def _append_many(path: str, who: str, count: int) -> None:
    for i in range(count):
        iv.append_interview(path, contact=f"{who} {i}", status="requested",
                            outreach_date="2025-03-01")


def test_two_processes_appending_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "log.csv")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(path, who, 100)) for who in "AB"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=240)
        assert worker.exitcode == 0
    log = iv.load_log(path)
    assert len(log) == 200
    assert set(log["contact"]) == {f"{w} {i}" for w in "AB" for i in range(100)}


# ------------------------------------------------------------------ fuzz
@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_fuzzed_bytes_raise_nothing_but_log_validation_error(data):
    import io

    try:
        iv.load_log(io.BytesIO(data))
    except iv.LogValidationError:
        pass


csv_cell = st.text(alphabet=string.printable + "éß\u00a0", max_size=12)


@settings(max_examples=150, deadline=None)
@given(header=st.lists(st.sampled_from(["contact", "status", "Interview Date", "duration",
                                        "referrals", "mode", "notes", "x", "", "Company"]),
                       min_size=1, max_size=6),
       cells=st.lists(st.lists(csv_cell, max_size=7), max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_fuzzed_csv_raises_nothing_but_log_validation_error(header, cells, delimiter):
    import io

    text = delimiter.join(header) + "\n" + "\n".join(delimiter.join(r) for r in cells)
    try:
        log = iv.load_log(io.StringIO(text))
    except iv.LogValidationError:
        return
    assert list(log.columns[: len(schema.COLUMN_NAMES)]) == list(schema.COLUMN_NAMES)
