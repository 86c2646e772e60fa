"""The bundled sample data: reproducible, documented, fictional, and loadable as promised."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

from infoview_lib import (
    calendar_sample_path,
    class_dir,
    data_dir,
    linkedin_sample_path,
    sample_log_path,
    schema,
)
from infoview_lib import sample as gen
from infoview_lib.importers import merge_into_log, read_calendar, read_linkedin_connections
from infoview_lib.io import check_log, load_class, load_log

SNAPSHOT = pd.Timestamp(gen.SNAPSHOT)


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    return load_log(sample_log_path())


# --------------------------------------------------------------------------- reproducible


def test_regenerating_reproduces_the_committed_files_byte_for_byte(tmp_path):
    written = gen.generate(tmp_path)
    committed = sorted(p.relative_to(data_dir()) for p in data_dir().rglob("*") if p.is_file())
    assert sorted(written) == committed, "data/ holds files the generator does not write"
    changed = [str(name) for name in written
               if (tmp_path / name).read_bytes() != (data_dir() / name).read_bytes()]
    assert not changed, f"run `python -m infoview_lib.sample` to update: {changed}"


def test_check_command_says_up_to_date(capsys):
    assert gen.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


# --------------------------------------------------------------------------- README


def _readme_table() -> list[list[str]]:
    text = (data_dir() / "README.md").read_text(encoding="utf-8")
    assert text.count(gen.COLUMNS_START) == 1 and text.count(gen.COLUMNS_END) == 1
    section = text.split(gen.COLUMNS_START, 1)[1].split(gen.COLUMNS_END, 1)[0]
    rows = []
    for line in section.splitlines():
        if line.startswith("| `"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            rows.append([cell.strip().replace("\\|", "|") for cell in cells])
    return rows


def test_readme_documents_every_column_exactly_as_the_schema_does():
    rows = _readme_table()
    assert [row[0].strip("`") for row in rows] == list(schema.COLUMN_NAMES)
    for row, column in zip(rows, schema.COLUMNS, strict=True):
        name, kind, required, allowed, meaning = row
        assert kind.split()[0] == {"int": "integer"}.get(column.kind, column.kind)
        if column.minimum is not None:
            assert str(column.minimum) in kind
        if column.maximum is not None:
            assert str(column.maximum) in kind
        assert required == ("yes" if column.required else "no")
        assert re.findall(r"`([^`]+)`", allowed) == list(column.categories)
        assert meaning == column.help


def test_readme_lists_aliases_files_and_says_everything_is_fictional():
    text = (data_dir() / "README.md").read_text(encoding="utf-8")
    for column in schema.COLUMNS:
        for alias in column.aliases:
            assert f'"{alias}"' in text
    for name in ("sample_log.csv", "class/", "linkedin/Connections.csv",
                 "calendar/interviews.ics", gen.BROKEN_STUDENT):
        assert name in text
    assert "fictional" in text
    assert "python -m infoview_lib.sample" in text


# --------------------------------------------------------------------------- sample log


def test_sample_log_has_canonical_headers_and_loads_cleanly(log):
    header = sample_log_path().read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == list(schema.COLUMN_NAMES)
    assert check_log(sample_log_path()).empty
    assert 35 <= len(log) <= 45
    assert log["contact"].is_unique


def test_sample_log_tells_a_spring_semester(log):
    outreach = log["outreach_date"].dropna()
    assert outreach.min() >= pd.Timestamp("2025-01-01")
    assert outreach.max() <= SNAPSHOT
    statuses = set(log["status"].dropna())
    assert {"completed", "declined", "no_reply", "requested", "scheduled"} <= statuses
    completed = log[log["status"] == "completed"]
    assert set(completed["mode"]) == set(schema.MODES)
    assert completed["duration_min"].min() == 15
    assert completed["duration_min"].max() == 60
    assert (log.loc[log["status"] == "scheduled", "interview_date"] > SNAPSHOT).all()
    assert (log["source"] == "alumni").sum() >= 5
    notes = " ".join(log["notes"].dropna())
    assert "," in notes and '"' in notes


def test_thank_yous_are_sometimes_late_and_sometimes_missing(log):
    completed = log[log["status"] == "completed"]
    lag = (completed["thank_you_date"] - completed["interview_date"]).dt.days
    assert (lag <= 1).sum() >= 10
    assert (lag > 1).sum() >= 2
    assert completed["thank_you_date"].isna().sum() >= 2
    assert completed["follow_up_date"].notna().sum() >= 5


def test_referral_chains_are_three_levels_deep_and_counted(log):
    parent = dict(zip(log["contact"], log["referred_by"], strict=True))
    contacts = set(log["contact"])

    def depth(name: str) -> int:
        steps = 0
        while isinstance(parent.get(name), str) and parent[name] in contacts:
            name, steps = parent[name], steps + 1
        return steps

    assert max(depth(name) for name in contacts) >= 3
    referred = log["referred_by"].dropna()
    assert referred.isin(contacts).sum() >= 8
    assert (~referred.isin(contacts)).sum() >= 1  # someone outside the log
    counts = referred[referred.isin(contacts)].value_counts()
    given = log.set_index("contact")["referrals"]
    for name, count in counts.items():
        assert given[name] == count


def test_the_3b7_routine_has_actions_on_the_snapshot_day(log):
    metrics = pytest.importorskip("infoview_lib.metrics")
    due = metrics.due_followups(log, gen.SNAPSHOT.isoformat())
    assert {"second_contact", "follow_up", "thank_you"} <= set(due["action"])


def test_names_and_organisations_come_from_the_invented_lists(log):
    organizations = {name for name, _industry in gen.ORGANIZATIONS}
    for contact in log["contact"]:
        first, last = contact.split(" ", 1)
        assert first in gen.FIRST_NAMES and last in gen.LAST_NAMES
    assert set(log["organization"].dropna()) <= organizations


# --------------------------------------------------------------------------- class


def test_class_folder_has_enough_students_in_several_shapes():
    files = sorted(p.name for p in class_dir().iterdir())
    assert len(files) >= 20
    assert any(name.endswith(".xlsx") for name in files)
    raw = {name: (class_dir() / name).read_bytes() for name in files
           if not name.endswith(".xlsx")}
    assert any(b"Contact Name" in text and b"Interview Date" in text and b"Zoom" in text
               and b"Coffee chat" in text for text in raw.values())
    assert any(re.search(rb",\d{1,2}/\d{1,2}/2025,", text) for text in raw.values())
    assert any(text.startswith(b"\xef\xbb\xbf") and b"\r\n" in text for text in raw.values())
    assert any(b";" in text.splitlines()[0] for text in raw.values())


def test_every_class_file_but_one_loads_cleanly():
    for path in sorted(class_dir().iterdir()):
        if path.name == gen.BROKEN_STUDENT:
            continue
        log = load_log(path)
        assert len(log) >= 5, path.name
        assert log.dtypes[list(schema.COLUMN_NAMES)].to_dict() == \
            schema.empty_log().dtypes.to_dict(), path.name


def test_the_broken_file_reports_exactly_the_planted_mistakes():
    problems = check_log(class_dir() / gen.BROKEN_STUDENT)
    found = sorted(zip(problems["row"].astype(int), problems["column"], strict=True))
    planted = gen.broken_problems()
    assert found == sorted((row, column) for row, column, _value in planted)
    assert len(planted) == 4
    values = dict(zip(problems["column"], problems["value"], strict=True))
    assert values["outreach_date"] == "2025-02-30"
    assert values["status"] == "compelted"
    assert values["duration_min"] == "600"


def test_load_class_keeps_the_good_students_and_names_the_broken_one():
    classlog = load_class(class_dir())
    assert classlog.students_with_problems == [gen.BROKEN_STUDENT.rsplit(".", 1)[0]]
    assert classlog.log["student"].nunique() == len(list(class_dir().iterdir())) - 1


def test_students_have_different_habits():
    classlog = load_class(class_dir())
    completed = classlog.log[classlog.log["status"] == "completed"]
    lag = (completed["thank_you_date"] - completed["interview_date"]).dt.days
    prompt = (lag <= 1).groupby(completed["student"]).mean()
    assert prompt.min() == 0.0  # someone never thanks within a day
    assert prompt.max() >= 0.9  # someone almost always does
    interviews = completed.groupby("student").size()
    assert interviews.min() <= 4 and interviews.max() >= 12


# --------------------------------------------------------------------------- LinkedIn


def test_linkedin_sample_has_the_real_export_layout():
    lines = linkedin_sample_path().read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Notes:"
    assert lines[3] == ""
    assert lines[4] == "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    assert re.search(r",\d{2} [A-Z][a-z]{2} \d{4}$", lines[5])


def test_linkedin_sample_reads(log):
    people = read_linkedin_connections(linkedin_sample_path())
    assert 140 <= len(people) <= 160
    assert people["connected_on"].is_monotonic_decreasing
    hidden = people["first_name"].isna() & people["last_name"].isna()
    assert 2 <= hidden.sum() <= 5
    assert people["company"].str.contains(",", na=False).sum() >= 2
    assert people["position"].str.contains('"', na=False).any()
    assert people["url"].notna().sum() == (~hidden).sum()
    names = set((people["first_name"] + " " + people["last_name"]).dropna())
    met = log.loc[log["status"] == "completed", "contact"]
    assert met.isin(names).all()


# --------------------------------------------------------------------------- calendar


def test_calendar_sample_is_a_google_export():
    text = calendar_sample_path().read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "X-WR-TIMEZONE:America/New_York\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "\r\n " in text  # folded lines
    for marker in ("STATUS:CANCELLED", "DTSTART;VALUE=DATE:", "RRULE:", "zoom.us",
                   "meet.google.com", "Phone: (555) 01", "SUMMARY:Dentist"):
        assert marker in text
    assert 13 <= text.count("BEGIN:VEVENT") <= 20


def test_calendar_sample_reads_and_merges_into_the_sample_log(log):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the sample reads without a doubt
        rows = read_calendar(calendar_sample_path(), today=gen.SNAPSHOT.isoformat())
    assert 8 <= len(rows) <= 15
    assert rows["contact"].notna().all()
    assert {"video", "phone"} <= set(rows["mode"].dropna())
    assert {"completed", "scheduled"} == set(rows["status"])
    assert not rows["notes"].str.contains("standup|Dentist|cancel", case=False).any()
    # local New York times, not UTC
    assert rows["interview_date"].dt.hour.between(8, 17).all()
    result = merge_into_log(log, rows)
    assert len(result.added) == 1  # the coffee chat the student forgot to log
    matched = result.already_there["matched"].value_counts()
    assert matched.get("filled in the open row", 0) == 1
    assert matched.get("same contact and date", 0) == len(rows) - 2
    assert len(result.log) == len(log) + 1

