"""load_log / check_log: what students' real spreadsheets look like, and what goes wrong."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import infoview_lib as iv
from infoview_lib import schema

EXCEL_EXPORT = (
    "\ufeffContact Name,Company,Interview Date,Mode,Duration (min),Thank-you sent,Status,Notes\r\n"
    'Ana Ruiz,"Harborview Health, Inc.",3/12/2025,Zoom,30,3/13/2025,Done,"Said ""read the '
    'trade press"""\r\n'
    "Bo Lindqvist,Northwind Analytics,3/14/2025,Coffee chat,45,,completed,\"Two ideas:\r\n"
    "1) ask Cy\r\n2) apply to the summer program\"\r\n"
    "Cy Okafor,Northwind Analytics,,,,,requested,\r\n"
)


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode(encoding))
    return path


def problems_at(source):
    table = iv.check_log(source)
    return {(None if pd.isna(r.row) else int(r.row), r.column) for r in table.itertuples()}


# ------------------------------------------------------------------ a real Excel export
def test_excel_export_with_bom_crlf_us_dates_loads_with_no_edits(tmp_path):
    log = iv.load_log(write(tmp_path, "log.csv", EXCEL_EXPORT))
    assert list(log["contact"]) == ["Ana Ruiz", "Bo Lindqvist", "Cy Okafor"]
    assert log.loc[0, "organization"] == "Harborview Health, Inc."
    assert log.loc[0, "interview_date"] == pd.Timestamp("2025-03-12")
    assert log.loc[0, "thank_you_date"] == pd.Timestamp("2025-03-13")
    assert list(log["mode"].astype(object).fillna("")) == ["video", "in_person", ""]
    assert list(log["status"]) == ["completed", "completed", "requested"]
    assert log.loc[0, "notes"] == 'Said "read the trade press"'
    assert "1) ask Cy" in log.loc[1, "notes"]


def test_loaded_log_has_canonical_dtypes_whatever_the_source(tmp_path):
    log = iv.load_log(write(tmp_path, "log.csv", EXCEL_EXPORT))
    expected = schema.empty_log().dtypes
    assert list(log.columns[: len(expected)]) == list(schema.COLUMN_NAMES)
    for name, dtype in expected.items():
        assert log[name].dtype == dtype, name
    assert list(log["status"].cat.categories) == list(schema.STATUSES)


def test_header_only_file_is_an_empty_typed_log(tmp_path):
    log = iv.load_log(write(tmp_path, "new.csv", "contact,organization,status\n"))
    assert len(log) == 0
    assert list(log.dtypes) == list(schema.empty_log().dtypes)


# ------------------------------------------------------------------ encodings, delimiters
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_encodings(tmp_path, encoding):
    text = "contact,organization,notes\nJosé Núñez,Café Étoile,“curly quotes” – dash\n"
    log = iv.load_log(write(tmp_path, "log.csv", text, encoding=encoding))
    assert log.loc[0, "contact"] == "José Núñez"
    assert log.loc[0, "organization"] == "Café Étoile"
    assert log.loc[0, "notes"] == "“curly quotes” – dash"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_detected(tmp_path, delimiter):
    rows = [["Contact", "Organisation", "Duration"], ["Ana Ruiz", "Acme; Co, Ltd", "30"]]
    text = "\n".join(delimiter.join(f'"{c}"' if delimiter in c or "," in c or ";" in c else c
                                    for c in row) for row in rows) + "\n"
    log = iv.load_log(write(tmp_path, "log.txt", text))
    assert log.loc[0, "organization"] == "Acme; Co, Ltd"
    assert log.loc[0, "duration_min"] == 30


def test_semicolon_export_from_european_excel(tmp_path):
    text = "Name;Company;Date of interview;Format;Length\r\nAna;Acme;12 Mar 2025;Teams;25\r\n"
    log = iv.load_log(write(tmp_path, "log.csv", text, encoding="cp1252"))
    assert log.loc[0, "interview_date"] == pd.Timestamp("2025-03-12")
    assert log.loc[0, "mode"] == "video"


# ------------------------------------------------------------------ headers
@pytest.mark.parametrize("header, column", [
    ("Contact Name", "contact"), ("NAME", "contact"), ("  contact  ", "contact"),
    ("Organisation", "organization"), ("Organization", "organization"),
    ("Company", "organization"), ("Employer", "organization"),
    ("Interview Date", "interview_date"), ("Date of interview", "interview_date"),
    ("Mode", "mode"), ("Format", "mode"), ("Medium", "mode"),
    ("Duration", "duration_min"), ("Duration (min)", "duration_min"), ("Length", "duration_min"),
    ("Thank-you sent", "thank_you_date"), ("Thank you note", "thank_you_date"),
    ("Follow-up date", "follow_up_date"), ("Source", "source"), ("How we met", "source"),
    ("Referred by", "referred_by"), ("Status", "status"), ("Job Title", "role"),
    ("Outreach date", "outreach_date"), ("Referrals", "referrals"), ("Notes", "notes"),
    ("Industry", "industry"), ("thank_you_date", "thank_you_date"),
])
def test_header_aliases(header, column):
    assert schema.resolve_header(header) == column


def test_unknown_columns_are_kept_as_they_are(tmp_path):
    text = "contact,LinkedIn URL,Rating\nAna,x.example/ana,5\n"
    log = iv.load_log(write(tmp_path, "log.csv", text))
    assert log.loc[0, "LinkedIn URL"] == "x.example/ana"
    assert log.loc[0, "Rating"] == "5"
    assert list(log.columns[-2:]) == ["LinkedIn URL", "Rating"]


# ------------------------------------------------------------------ categories
@pytest.mark.parametrize("column, raw, value", [
    ("mode", "Zoom", "video"), ("mode", "teams", "video"), ("mode", "Google Meet", "video"),
    ("mode", "video call", "video"), ("mode", "Call", "phone"), ("mode", "phone call", "phone"),
    ("mode", "coffee", "in_person"), ("mode", "Coffee chat", "in_person"),
    ("mode", "In person", "in_person"), ("mode", "in-person", "in_person"),
    ("mode", "face to face", "in_person"), ("status", "done", "completed"),
    ("status", "Complete", "completed"), ("status", "no response", "no_reply"),
    ("status", "No reply", "no_reply"), ("status", "ghosted", "no_reply"),
    ("status", "Declined", "declined"), ("source", "cold email", "cold"),
    ("source", "Alumna", "alumni"), ("source", "LinkedIn", "linkedin"),
    ("source", "friend", "friend_family"), ("source", "career fair", "event"),
])
def test_category_synonyms(column, raw, value):
    frame = pd.DataFrame({"contact": ["Ana"], column: [raw],
                          **({"interview_date": ["2025-03-01"]} if column == "status" else {})})
    assert iv.load_log(frame).loc[0, column] == value


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize("raw", ["2025-03-12", "3/12/2025", "03/12/25", "12 Mar 2025",
                                 "12 March 2025", "March 12, 2025", "Mar 12 2025",
                                 "2025/03/12", "Wed, 12 Mar 2025", "25/3/2025"])
def test_date_forms(raw):
    expected = pd.Timestamp("2025-03-25") if raw == "25/3/2025" else pd.Timestamp("2025-03-12")
    log = iv.load_log(pd.DataFrame({"contact": ["Ana"], "outreach_date": [raw]}))
    assert log.loc[0, "outreach_date"] == expected


def test_impossible_date_is_a_problem_never_a_silent_nat(tmp_path):
    path = write(tmp_path, "log.csv", "contact,interview_date\nAna,2025-03-01\nBo,2025-02-31\n")
    with pytest.raises(iv.LogValidationError) as info:
        iv.load_log(path)
    problems = info.value.problems
    assert problems.loc[0, "row"] == 3
    assert problems.loc[0, "column"] == "interview_date"
    assert problems.loc[0, "value"] == "2025-02-31"
    assert "February 2025 has 28 days" in problems.loc[0, "problem"]
    assert "row 3" in str(info.value) and "2025-02-31" in str(info.value)


def test_excel_file_with_real_dates_and_serial_numbers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Contact Name", "Company", "Interview Date", "Thank you note", "Duration"])
    sheet.append(["Ana Ruiz", "Acme", dt.datetime(2025, 3, 12), 45729, 30])
    sheet.append([None, None, None, None, None])
    sheet.append(["Bo Li", "=HYPERLINK(\"x\")", dt.date(2025, 3, 14), None, 45.0])
    path = tmp_path / "log.xlsx"
    book.save(path)
    log = iv.load_log(path)
    assert len(log) == 2
    assert log.loc[0, "interview_date"] == pd.Timestamp("2025-03-12")
    assert log.loc[0, "thank_you_date"] == pd.Timestamp("2025-03-13")  # serial 45729
    assert log.loc[1, "duration_min"] == 45


def test_excel_problem_rows_match_the_sheet(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["contact", "status"])
    sheet.append(["Ana", "requested"])
    sheet.append([None, None])
    sheet.append(["Bo", "maybe"])
    path = tmp_path / "log.xlsx"
    book.save(path)
    assert problems_at(path) == {(4, "status")}


# ------------------------------------------------------------------ whitespace, blank rows
def test_whitespace_trimmed_and_blank_rows_dropped_with_row_numbers_kept(tmp_path):
    text = ("contact , status ,duration\n  Ana  , requested ,\n,,\n\n   ,  ,  \n"
            "Bo,scheduled,500\n")
    path = write(tmp_path, "log.csv", text)
    # Bo is on line 6 of the file: the blank lines still count as spreadsheet rows.
    assert problems_at(path) == {(6, "duration")}
    log = iv.load_log(write(tmp_path, "ok.csv", text.replace("500", "50")))
    assert list(log["contact"]) == ["Ana", "Bo"]
    assert log.loc[0, "status"] == "requested"


# ------------------------------------------------------------------ every problem kind
def test_every_problem_is_collected_with_its_row(tmp_path):
    text = (
        "contact,status,interview_date,thank_you_date,duration_min,referrals,mode\n"
        "Ana,completed,2025-03-01,2025-03-02,30,1,zoom\n"       # row 2: fine
        ",requested,,,,,\n"                                    # row 3: no contact
        "Cy,maybe,,,,,\n"                                      # row 4: bad status
        "Di,completed,,,,,\n"                                  # row 5: completed, no date
        "Ed,completed,2025-03-05,2025-03-01,,,\n"              # row 6: thanked before
        "Fay,completed,2025-03-05,,0,,\n"                      # row 7: duration 0
        "Gus,completed,2025-03-05,,241,,\n"                    # row 8: duration 241
        "Hal,completed,2025-03-05,,30,-1,\n"                   # row 9: referrals < 0
        "Ida,scheduled,2025-13-05,,,,\n"                       # row 10: no month 13
        "Jo,scheduled,soon,,,,\n"                              # row 11: not a date
        "Kim,scheduled,,,thirty,,\n"                           # row 12: not a number
        "Lu,scheduled,,,,,carrier pigeon\n"                    # row 13: unknown mode
    )
    found = problems_at(write(tmp_path, "log.csv", text))
    assert found == {(3, "contact"), (4, "status"), (5, "interview_date"),
                     (6, "thank_you_date"), (7, "duration_min"), (8, "duration_min"),
                     (9, "referrals"), (10, "interview_date"), (11, "interview_date"),
                     (12, "duration_min"), (13, "mode")}


def test_error_message_lists_the_first_ten_and_counts_the_rest(tmp_path):
    text = "contact,status\n" + "".join(f"P{i},maybe\n" for i in range(14))
    with pytest.raises(iv.LogValidationError) as info:
        iv.load_log(write(tmp_path, "log.csv", text))
    message = str(info.value)
    assert "14 problems" in message
    assert message.count("value 'maybe'") == 10
    assert "and 4 more" in message
    assert len(info.value.problems) == 14


def test_missing_required_column_lists_the_columns_that_exist(tmp_path):
    with pytest.raises(iv.LogValidationError) as info:
        iv.load_log(write(tmp_path, "log.csv", "Person's org,Status\nAcme,requested\n"))
    message = str(info.value)
    assert "'contact' is missing" in message
    assert "\"Person's org\"" in message and "'Status'" in message


def test_required_column_entirely_blank(tmp_path):
    problems = iv.check_log(write(tmp_path, "log.csv", "contact,status\n,requested\n,planned\n"))
    assert len(problems) == 1
    assert "entirely blank" in problems.loc[0, "problem"]


def test_check_log_is_empty_for_a_good_log(tmp_path):
    problems = iv.check_log(write(tmp_path, "log.csv", EXCEL_EXPORT))
    assert problems.empty
    assert list(problems.columns) == ["row", "column", "value", "problem"]


# ------------------------------------------------------------------ bad input
def test_missing_path_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        iv.load_log(tmp_path / "nope.csv")


def test_folder_is_a_clear_error(tmp_path):
    with pytest.raises(iv.LogValidationError, match="folder.*load_class"):
        iv.load_log(tmp_path)


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03binary\x00junk" * 100, "binary"),
    (bytes(range(256)) * 64, "binary|encoding"),
    (b"PK\x03\x04not really a zip", "Excel"),
])
def test_unreadable_files(tmp_path, content, message):
    with pytest.raises(iv.LogValidationError, match=message):
        iv.load_log(write(tmp_path, "log.csv", content))


def test_unknown_encoding(tmp_path):
    # 0x81 and 0x8d are undefined in Windows-1252 and invalid in UTF-8.
    data = b"contact\nAna\n" + b"\x81\x8d\x8f\x90\x9d" * 3 + b"\n"
    with pytest.raises(iv.LogValidationError, match="encoding"):
        iv.load_log(write(tmp_path, "log.csv", data))


def test_large_file_that_is_not_a_log(tmp_path):
    path = tmp_path / "prices.csv"
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"ticker": rng.choice(["AAA", "BBB"], 400_000),
                          "price": rng.random(400_000), "volume": rng.integers(0, 9, 400_000)})
    frame.to_csv(path, index=False)
    assert path.stat().st_size > 8_000_000
    with pytest.raises(iv.LogValidationError) as info:
        iv.load_log(path)
    assert "'contact' is missing" in str(info.value)
    assert "'ticker'" in str(info.value)


def test_duplicate_column_names(tmp_path):
    problems = iv.check_log(write(tmp_path, "log.csv", "contact,Notes,notes\nAna,a,b\n"))
    assert "appears twice" in problems.loc[0, "problem"]
    assert "B and C" in problems.loc[0, "problem"]


def test_two_columns_meaning_the_same_field(tmp_path):
    problems = iv.check_log(write(tmp_path, "log.csv", "contact,Company,Organisation\nA,x,y\n"))
    assert len(problems) == 1
    assert problems.loc[0, "problem"].startswith("'Company' (column B) and 'Organisation'")
    assert "organization" in problems.loc[0, "problem"]


def test_ragged_row_is_reported_not_dropped(tmp_path):
    path = write(tmp_path, "log.csv", "contact,organization\nAna,Acme\nBo,Smith, Jones & Co\n")
    problems = iv.check_log(path)
    assert problems.loc[0, "row"] == 3
    assert "needs quotes" in problems.loc[0, "problem"]


def test_loading_never_writes_to_the_source(tmp_path):
    path = write(tmp_path, "log.csv", EXCEL_EXPORT)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    iv.load_log(path)
    iv.check_log(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


# ------------------------------------------------------------------ other sources
def test_file_like_objects_and_dataframes(tmp_path):
    from_bytes = iv.load_log(io.BytesIO(EXCEL_EXPORT.encode()))
    from_text = iv.load_log(io.StringIO(EXCEL_EXPORT))
    from_frame = iv.load_log(from_bytes)
    pd.testing.assert_frame_equal(from_bytes, from_text)
    pd.testing.assert_frame_equal(from_bytes, from_frame)


def test_json_records_and_parquet(tmp_path):
    records = [{"Contact Name": "Ana", "Interview Date": "2025-03-01", "Status": "done",
                "Duration": 30}]
    json_path = write(tmp_path, "log.json", json.dumps(records))
    from_json = iv.load_log(json_path)
    assert from_json.loc[0, "status"] == "completed"
    parquet_path = tmp_path / "log.parquet"
    from_json.to_parquet(parquet_path)
    pd.testing.assert_frame_equal(iv.load_log(parquet_path), from_json)


def test_json_that_is_not_a_list_of_records(tmp_path):
    with pytest.raises(iv.LogValidationError, match="list of records"):
        iv.load_log(write(tmp_path, "log.json", '{"contact": "Ana"}'))


def test_import_does_not_load_heavy_front_end_modules():
    code = ("import sys, infoview_lib; "
            "print(sorted(m for m in ('matplotlib.pyplot', 'ipywidgets', 'IPython', 'matplotlib')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("raw", ["2205-03-01", "3/1/2205"])
def test_implausible_year_is_a_problem_in_every_form(tmp_path, raw):
    path = write(tmp_path, "log.csv", f"contact,outreach_date\nAna,{raw}\n")
    problems = iv.check_log(path)
    assert problems[["row", "column"]].values.tolist() == [[2, "outreach_date"]]
    assert "plausible" in problems.loc[0, "problem"]
