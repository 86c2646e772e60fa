"""load_class: a whole class at once, good files kept, bad files reported row by row."""

from __future__ import annotations

import pandas as pd
import pytest

import infoview_lib as iv


@pytest.fixture
def class_folder(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "amira.csv").write_text(
        "contact,status,interview_date\nAna,completed,2025-03-01\nBo,requested,\n")
    (folder / "ben.csv").write_text("Contact Name,Status\nCy,done\n")  # completed, no date
    (folder / "chloe.tsv").write_text("Name\tStatus\tInterview Date\nDi\tDone\t3/4/2025\n")
    (folder / "notes.md").write_text("not a log")
    (folder / "~$amira.csv").write_text("Excel lock file")
    return folder


def test_good_files_load_with_a_student_column(class_folder):
    result = iv.load_class(class_folder)
    assert result.students == ["amira", "ben", "chloe"]
    assert list(result.log.columns[:2]) == ["student", "contact"]
    assert result.log.groupby("student").size().to_dict() == {"amira": 2, "chloe": 1}
    assert result.log["interview_date"].dtype == "datetime64[ns]"
    assert result.log["student"].dtype == "string"


def test_bad_file_is_reported_by_file_row_column_without_hiding_the_others(class_folder):
    log, problems = iv.load_class(class_folder)
    assert list(problems.columns) == ["student", "file", "row", "column", "value", "problem"]
    assert problems[["student", "file", "row"]].values.tolist() == [["ben", "ben.csv", 2]]
    assert "interview date" in problems.loc[0, "problem"]
    assert "ben" not in set(log["student"])


def test_glob_pattern_and_unreadable_file(class_folder):
    (class_folder / "zed.csv").write_bytes(b"\x00\x01junk" * 50)
    result = iv.load_class(str(class_folder / "*.csv"))
    assert result.students == ["amira", "ben", "zed"]
    assert result.students_with_problems == ["ben", "zed"]
    zed = result.problems[result.problems["student"] == "zed"]
    assert zed["row"].isna().all() and "binary" in zed["problem"].iloc[0]


def test_missing_folder_and_empty_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        iv.load_class(tmp_path / "nowhere")
    empty = iv.load_class(tmp_path)
    assert empty.log.empty and empty.problems.empty
    assert "student" in empty.log.columns


def test_progress_bar_for_many_files(tmp_path, capsys):
    for i in range(3):
        (tmp_path / f"s{i}.csv").write_text("contact\nAna\n")
    result = iv.load_class(tmp_path, progress=True)
    assert len(result.log) == 3
    assert "Loading logs" in capsys.readouterr().err


def test_unpacks_as_log_and_problems(class_folder):
    log, problems = iv.load_class(class_folder)
    assert isinstance(log, pd.DataFrame) and isinstance(problems, pd.DataFrame)


def test_form_backups_are_not_counted_as_students(class_folder):
    (class_folder / "amira.backup-20250301-101500.csv").write_text("contact\nAna\n")
    assert iv.load_class(class_folder).students == ["amira", "ben", "chloe"]
