"""The fast CSV path gives exactly what the careful one would.

``load_log`` lets pyarrow split a file at every line end (both cores parse at once)
and checks the record count afterwards; a quoted cell holding a line break makes it
read the file again quote-aware. Text is cleaned only when a scan of each value's
first and last byte finds something to clean. These tests shrink pyarrow's block to
a few bytes, so every kind of cell lands on a block boundary somewhere, and compare
what the student gets with Python's own ``csv`` module and ``str.strip``.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview_lib import check_log, load_log, readers
from infoview_lib.convert import _clean_text, _string_edges
from infoview_lib.formulas import unescape_text

HEADER = ["contact", "organization", "status", "outreach_date", "notes"]
SPACES = " \t\u00a0\u2009\u3000\x85"


def _csv(rows: list[list[str]], newline: str = "\n") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _expected(value: str):
    text = value.strip()
    return None if text == "" else unescape_text(text)


def _as_list(series: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in series]


@pytest.fixture(params=[48, 64, 97, 1 << 22], ids=["48 B", "64 B", "97 B", "4 MiB"])
def block_bytes(request, monkeypatch):
    monkeypatch.setattr(readers, "BLOCK_BYTES", request.param)
    return request.param


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_notes_with_line_breaks_survive_every_block_boundary(tmp_path, block_bytes, newline):
    rows = [[f"Person {i}", f"Org {i % 7}", "requested", "2025-03-0" + str(1 + i % 9),
             f"line one of {i}\nline two, with a comma" if i % 5 == 0 else f"plain {i}"]
            for i in range(60)]
    path = tmp_path / "log.csv"
    path.write_bytes(_csv(rows, newline))
    log = load_log(path)
    assert len(log) == 60
    assert _as_list(log["notes"]) == [row[4] for row in rows]
    assert _as_list(log["contact"]) == [row[0] for row in rows]


def test_row_numbers_after_a_multi_line_cell_are_spreadsheet_rows(tmp_path, block_bytes):
    rows = [["Ana", "Org", "requested", "2025-03-01", "first\nsecond\nthird"],
            ["Ben", "Org", "requested", "2025-03-02", "ok"],
            ["Cy", "Org", "someday", "2025-03-03", "ok"]]
    path = tmp_path / "log.csv"
    path.write_bytes(_csv(rows))
    problems = check_log(path)
    # Cy is the third record: row 4 in a spreadsheet, though line 6 of the file
    assert problems[["row", "column", "value"]].values.tolist() == [[4, "status", "someday"]]


def test_a_file_without_a_final_line_break_keeps_its_last_row(tmp_path, block_bytes):
    data = _csv([["Ana", "Org", "requested", "2025-03-01", "a"],
                 ["Ben", "Org", "requested", "2025-03-02", "b"]]).rstrip(b"\n")
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    assert _as_list(load_log(path)["contact"]) == ["Ana", "Ben"]


@pytest.mark.parametrize("contact, notes, expected_contact, expected_notes", [
    ("Ana\nRuiz", "ok", "Ana\nRuiz", "ok"),  # a line break in the very first cell
    ("Ana", " '=SUM(A1)", "Ana", "=SUM(A1)"),  # the guard apostrophe behind a space
    ("\u00a0Ana\u3000", "\u2009", "Ana", None),  # Unicode spaces only
])
def test_edge_cases_the_fast_path_once_got_wrong(tmp_path, block_bytes, contact, notes,
                                                 expected_contact, expected_notes):
    path = tmp_path / "log.csv"
    path.write_bytes(_csv([[contact, "Org", "requested", "2025-03-01", notes]], "\r\n"))
    log = load_log(path)
    assert _as_list(log["contact"]) == [expected_contact]
    assert _as_list(log["notes"]) == [expected_notes]


cell_text = st.text(
    alphabet=st.sampled_from(list("ab é,\"'=+-@\n\r") + list(SPACES)), max_size=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=25))
def test_any_text_loads_as_the_csv_module_and_strip_would_read_it(tmp_path, monkeypatch,
                                                                   cells):
    monkeypatch.setattr(readers, "BLOCK_BYTES", 64)
    rows = [[f"P{i}" + contact.replace("\r", ""), "Org", "requested", "2025-03-01", notes]
            for i, (contact, notes) in enumerate(cells)]
    data = _csv(rows, "\r\n")  # so that the writer quotes every cell with a \r or \n
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    reference = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))[1:]
    log = load_log(path)
    assert _as_list(log["contact"]) == [_expected(r[0]) for r in reference]
    assert _as_list(log["notes"]) == [_expected(r[4]) for r in reference]


@given(values=st.lists(st.one_of(st.none(), st.text(
    alphabet=st.sampled_from(list("xé日'=") + list(SPACES) + ["\u2028", "\x1c"]),
    max_size=6)), max_size=30),
    large=st.booleans(), cut=st.integers(0, 5))
def test_cleaning_arrow_text_matches_strip_for_every_value(values, large, cut):
    """The byte-edge scan never skips a value that needs trimming, emptying or unescaping."""
    kind = pa.large_string() if large else pa.string()
    array = pa.array(["pad"] * cut + values, kind).slice(cut)  # an offset into the buffers
    series = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([array])))
    cleaned = _as_list(_clean_text(series))
    assert cleaned == [None if v is None else _expected(v) for v in values]


def test_the_scan_says_nothing_needs_cleaning_for_tidy_text():
    array = pa.chunked_array([pa.array(["José", "Zoë Ng", "日本", None, "O'Neil"])])
    assert tuple(_string_edges(array)) == (False, False, False)


def test_typed_cells_out_of_range_are_named_on_the_fast_path(tmp_path):
    """ISO dates and plain integers are typed by pyarrow; the range rules still apply."""
    path = tmp_path / "log.csv"
    path.write_text(
        "contact,status,outreach_date,interview_date,duration_min,referrals\n"
        "Ana,completed,2025-03-01,2025-03-04,30,1\n"
        "Ben,completed,2025-03-02,2025-03-05,300,\n"
        "Cy,requested,1850-03-03,,,-1\n", encoding="utf-8")
    problems = check_log(path)
    assert problems[["row", "column", "value"]].values.tolist() == [
        [3, "duration_min", "300"], [4, "outreach_date", "1850-03-03 00:00:00"],
        [4, "referrals", "-1"]]
    assert "between 1 and 240" in problems["problem"].iloc[0]


def test_a_null_with_bytes_behind_it_does_not_hide_an_empty_cell():
    """Arrow lets a null slot keep bytes; the scan must still find the real empty cell."""
    data = pa.py_buffer(b"abxy")
    offsets = pa.py_buffer(np.array([0, 2, 2, 4], dtype=np.int32).tobytes())
    validity = pa.py_buffer(np.packbits([1, 1, 0], bitorder="little").tobytes())
    array = pa.Array.from_buffers(pa.string(), 3, [validity, offsets, data], null_count=1)
    assert array.to_pylist() == ["ab", "", None]
    series = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([array])))
    assert _as_list(_clean_text(series)) == ["ab", None, None]
