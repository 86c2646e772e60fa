"""The entry form: fields from the schema, problems as you type, saving, editing, deleting.

Widget tests need no kernel: they set ``.value``, press buttons with ``.click()`` and
read what the student would read (the HTML beside each field, the status line, the
table of last rows) and what is on disk.
"""

from __future__ import annotations

import datetime as dt
import errno
import html
import re

import pandas as pd
import pytest

import infoview_lib
from infoview_lib import docs, edits, form_logic, io, schema
from infoview_lib.errors import LogWriteError
from infoview_lib.widgets import LogForm

BACKUP_NAME = re.compile(r"^practice_log\.backup-\d{8}-\d{6}(-\d+)?\.csv$")


def text_of(markup: str) -> str:
    """What a reader sees in an HTML fragment: tags dropped, entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.fixture
def practice(tmp_path):
    return form_logic.make_practice_log(workspace=tmp_path)


@pytest.fixture
def form(practice):
    return LogForm(practice)


def fill(form: LogForm, **values) -> None:
    for name, value in values.items():
        form.controls[name].value = value


def backups(folder):
    return sorted(p for p in folder.iterdir() if ".backup-" in p.name)


# ----------------------------------------------------------------------------- pure logic
def test_form_fields_come_from_the_schema_in_order():
    fields = form_logic.form_fields()
    assert [f.name for f in fields] == list(schema.COLUMN_NAMES)
    by_name = {f.name: f for f in fields}
    assert by_name["contact"].label == "Contact (required)"
    assert by_name["mode"].control == "dropdown"
    assert by_name["mode"].options == (("—", ""), ("In person", "in_person"),
                                       ("Phone", "phone"), ("Video", "video"))
    assert ("No reply", "no_reply") in by_name["status"].options
    assert ("Friend or family", "friend_family") in by_name["source"].options
    assert {by_name[n].control for n in schema.DATE_COLUMNS} == {"date"}
    # whole numbers are typed, so 300 is reported instead of silently clamped to 240
    assert {by_name[n].control for n in schema.INT_COLUMNS} == {"int"}
    assert all(f.help == schema.BY_NAME[f.name].help for f in fields)


@pytest.mark.parametrize(("name", "value", "problem"), [
    ("duration_min", "300", "should be between 1 and 240"),
    ("duration_min", "0", "should be between 1 and 240"),
    ("duration_min", "half an hour", "should be a whole number of minutes, like 30"),
    ("duration_min", "1h 15", None),
    ("duration_min", "45", None),
    ("referrals", "-1", "should be 0 or more"),
    ("referrals", "2.5", "should be a whole number"),
    ("mode", "Zoom", None),
    ("mode", "carrier pigeon", "is not one of: In person, Phone, Video"),
    ("interview_date", "2025-02-30", "is not a real date: February 2025 has 28 days"),
    ("interview_date", dt.date(2025, 3, 4), None),
    ("contact", "", "Contact is required: write the name of the person you approached"),
    ("contact", "   ", "Contact is required: write the name of the person you approached"),
    ("notes", "", None),
])
def test_field_problem_uses_the_loaders_rules(name, value, problem):
    assert form_logic.field_problem(name, value) == problem


def test_form_problems_add_the_rules_across_fields():
    values = form_logic.blank_values() | {"contact": "Ana Ruiz", "status": "completed"}
    assert form_logic.form_problems(values) == {
        "interview_date": "a completed interview needs its interview date"}
    values |= {"interview_date": dt.date(2025, 3, 4), "thank_you_date": dt.date(2025, 3, 1)}
    assert form_logic.form_problems(values) == {
        "thank_you_date": "the thank-you date is before the interview date"}
    values["thank_you_date"] = dt.date(2025, 3, 5)
    assert form_logic.form_problems(values) == {}


def test_problem_text_says_problem_in_words_with_the_value():
    assert form_logic.problem_text("duration_min", "300", "should be between 1 and 240") == \
        "Problem: '300' should be between 1 and 240."
    assert form_logic.problem_summary("duration_min", "300", "should be between 1 and 240") \
        == "Duration (minutes): '300' should be between 1 and 240."
    assert form_logic.problem_text(
        "interview_date", None, "a completed interview needs its interview date") == \
        "Problem: A completed interview needs its interview date."


def test_to_fields_and_row_to_values_round_trip_through_the_log(tmp_path):
    values = form_logic.blank_values() | {
        "contact": " Ana Ruiz ", "status": "completed", "mode": "Zoom",
        "interview_date": dt.date(2025, 3, 4), "duration_min": "1h 15", "referrals": "2"}
    fields = form_logic.to_fields(values)
    assert fields == {"contact": "Ana Ruiz", "status": "completed", "mode": "video",
                      "interview_date": dt.date(2025, 3, 4), "duration_min": 75,
                      "referrals": 2}
    log = io.append_interview(tmp_path / "log.csv", **fields)
    back = form_logic.row_to_values(log.iloc[0])
    assert back["contact"] == "Ana Ruiz" and back["mode"] == "video"
    assert back["interview_date"] == dt.date(2025, 3, 4)
    assert back["duration_min"] == "75" and back["thank_you_date"] is None
    assert back["notes"] == ""


def test_row_choices_name_rows_as_the_spreadsheet_numbers_them():
    log = infoview_lib.load_log(infoview_lib.sample_log_path())
    choices = form_logic.row_choices(log)
    assert len(choices) == len(log)
    label, position = choices[0]
    assert position == 0
    assert label.startswith(f"Row 2: {log['contact'].iloc[0]}, {log['organization'].iloc[0]}")


def test_make_practice_log_copies_once_and_never_touches_the_sample(tmp_path):
    sample = infoview_lib.sample_log_path()
    before = sample.read_bytes()
    path = form_logic.make_practice_log(workspace=tmp_path)
    assert path == tmp_path / "practice_log.csv"
    assert path.read_bytes() == before
    io.append_interview(path, contact="Mine Only")
    assert form_logic.make_practice_log(workspace=tmp_path) == path
    assert "Mine Only" in path.read_text(encoding="utf-8-sig")
    assert sample.read_bytes() == before


def test_make_practice_log_uses_the_workspace_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("INFOVIEW_WORKSPACE", str(tmp_path / "ws"))
    assert form_logic.make_practice_log() == tmp_path / "ws" / "practice_log.csv"


def test_schema_table_lists_every_column_with_its_meaning():
    table = docs.schema_table()
    assert list(table["Column"]) == list(schema.COLUMN_NAMES)
    row = table.set_index("Column").loc["duration_min"]
    assert row["Allowed values"] == "1 to 240" and row["Kind"] == "whole number"
    assert table.set_index("Column").loc["contact", "Required"] == "yes"
    assert "in_person, phone, video" in table.set_index("Column").loc["mode", "Allowed values"]
    shown = docs.table(table, "Columns")._repr_html_()
    assert "<caption" in shown and "How long the conversation lasted" in shown


def test_table_html_escapes_cells_and_leaves_blanks_empty():
    frame = pd.DataFrame({"who": ["<script>x</script>", None],
                          "when": pd.to_datetime(["2025-03-04", None])})
    markup = docs.table_html(frame, "A & B")
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "A &amp; B" in markup
    assert "NaT" not in markup and "None" not in markup and "2025-03-04<" in markup


# ----------------------------------------------------------------------------- the widget
def test_every_field_has_a_label_help_and_a_message_beside_it(form):
    for name, control in form.controls.items():
        column = schema.BY_NAME[name]
        assert control.description.startswith(column.label)
        assert control.tooltip == column.help
        assert text_of(form.messages[name].value) == column.help
    assert form.controls["mode"].value == "" and form.controls["mode"].label == "—"


def test_save_writes_the_row_shows_it_and_clears_the_form(form, practice):
    rows_before = len(infoview_lib.load_log(practice))
    fill(form, contact="Ana Ruiz", organization="Northwind Labs", status="completed",
         interview_date=dt.date(2025, 4, 20), mode="video", duration_min="35",
         notes="=SUM(A1) is not a formula")
    form.save_button.click()

    log = infoview_lib.load_log(practice)
    assert len(log) == rows_before + 1
    new = log.iloc[-1]
    assert (new["contact"], new["organization"], new["status"], new["mode"]) == \
        ("Ana Ruiz", "Northwind Labs", "completed", "video")
    assert new["interview_date"] == pd.Timestamp("2025-04-20") and new["duration_min"] == 35
    assert new["notes"] == "=SUM(A1) is not a formula"
    assert "'=SUM(A1)" in practice.read_text(encoding="utf-8-sig")  # formula-safe on disk

    status = text_of(form.status.value)
    assert status.startswith("Saved: Ana Ruiz")
    assert 'role="alert"' in form.status.value
    recent = text_of(form.recent.value)
    assert f"The last 5 of {rows_before + 1} rows" in recent
    assert "Ana Ruiz Northwind Labs Completed 2025-04-20 Video 35" in recent
    assert all(v in ("", None) for v in form.values.values())
    assert text_of(form.messages["contact"].value) == schema.BY_NAME["contact"].help
    assert form.row_picker.label.startswith(f"Row {rows_before + 2}: Ana Ruiz")


def test_a_bad_value_shows_its_problem_beside_the_field_and_writes_nothing(form, practice):
    before = practice.read_bytes()
    form.controls["contact"].value = "Ana Ruiz"
    form.controls["duration_min"].value = "300"
    # as the student types, before any button is pressed
    assert text_of(form.messages["duration_min"].value) == \
        "Problem: '300' should be between 1 and 240."
    form.save_button.click()
    assert practice.read_bytes() == before
    status = text_of(form.status.value)
    assert status.startswith("Not saved")
    assert "Duration (minutes): '300' should be between 1 and 240." in status
    assert form.controls["duration_min"].value == "300"  # the entry is kept to fix
    form.controls["duration_min"].value = "30"
    assert text_of(form.messages["duration_min"].value) == \
        schema.BY_NAME["duration_min"].help


def test_the_required_contact_is_asked_for_only_after_save_or_typing(form, practice):
    before = practice.read_bytes()
    form.controls["organization"].value = "Northwind Labs"
    assert "Problem" not in text_of(form.messages["contact"].value)
    form.save_button.click()
    assert text_of(form.messages["contact"].value) == \
        "Problem: Contact is required: write the name of the person you approached."
    assert practice.read_bytes() == before


def test_choosing_completed_asks_for_the_interview_date_at_once(form):
    form.controls["status"].value = "completed"
    assert text_of(form.messages["interview_date"].value) == \
        "Problem: A completed interview needs its interview date."
    form.controls["interview_date"].value = dt.date(2025, 4, 1)
    assert "Problem" not in text_of(form.messages["interview_date"].value)


def test_html_in_a_name_is_shown_as_text(form):
    fill(form, contact="<img src=x onerror=alert(1)>")
    form.save_button.click()
    for markup in (form.status.value, form.recent.value):
        assert "<img" not in markup
        assert "&lt;img src=x onerror=alert(1)&gt;" in markup


def test_a_permission_error_is_shown_and_nothing_is_lost(form, practice, monkeypatch):
    before = practice.read_bytes()

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(io.os, "replace", refuse)
    fill(form, contact="Ana Ruiz", duration_min="30")
    form.save_button.click()
    status = text_of(form.status.value)
    assert status.startswith("Not saved: the log file could not be written.")
    assert "permission denied" in status and "close it in Excel" in status
    assert "Your entries are still in the form" in status
    assert form.values["contact"] == "Ana Ruiz" and form.values["duration_min"] == "30"
    assert practice.read_bytes() == before
    assert [p.name for p in practice.parent.iterdir() if p.suffix == ".tmp"] == []


def test_a_full_disk_is_shown_and_the_old_log_survives(form, practice, monkeypatch):
    before = practice.read_bytes()

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(io.os, "replace", full)
    fill(form, contact="Ana Ruiz")
    form.save_button.click()
    assert "No space left on device" in text_of(form.status.value)
    assert practice.read_bytes() == before


def test_a_log_held_by_another_program_is_reported(form, practice, monkeypatch):
    from filelock import FileLock

    monkeypatch.setattr(io, "LOCK_TIMEOUT_S", 0.2)
    monkeypatch.setattr(io, "_LOCKS", {})
    before = practice.read_bytes()
    other = FileLock(str(practice.with_name(f".{practice.name}.lock")))
    with other:
        fill(form, contact="Ana Ruiz")
        form.save_button.click()
    status = text_of(form.status.value)
    assert "being written by another notebook or program" in status
    assert form.values["contact"] == "Ana Ruiz"
    assert practice.read_bytes() == before


def test_a_broken_log_is_named_and_not_overwritten(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("contact,status\nAna,maybe\n", encoding="utf-8")
    form = LogForm(path)
    assert "mine.csv has problems" in text_of(form.recent.value)
    assert "row 2, column 'status', value 'maybe'" in text_of(form.recent.value)
    fill(form, contact="Ben")
    form.save_button.click()
    assert text_of(form.status.value).startswith(
        "Not saved: nothing was written. mine.csv has problems to fix first")
    assert "row 2, column 'status', value 'maybe'" in text_of(form.status.value)
    assert path.read_text(encoding="utf-8") == "contact,status\nAna,maybe\n"


def test_a_new_log_is_created_on_the_first_save(tmp_path):
    path = tmp_path / "new" / "log.csv"
    form = LogForm(path)
    assert "no rows yet" in text_of(form.recent.value)
    assert form.delete_button.disabled and form.edit_button.disabled
    fill(form, contact="Ana Ruiz")
    form.save_button.click()
    assert list(infoview_lib.load_log(path)["contact"]) == ["Ana Ruiz"]
    assert not form.delete_button.disabled


# ----------------------------------------------------------------------------- delete
def test_delete_asks_first_then_backs_up_and_deletes(form, practice):
    original = practice.read_bytes()
    log = infoview_lib.load_log(practice)
    form.row_picker.value = 3
    victim = log["contact"].iloc[3]
    form.delete_button.click()
    assert form.confirm_box.layout.display != "none"
    assert form.confirm_button.description == "Yes, delete"
    assert text_of(form.confirm_text.value) == \
        f"Delete row 5 ({victim})? A backup copy of the log is saved first."
    assert practice.read_bytes() == original and backups(practice.parent) == []

    form.confirm_button.click()
    after = infoview_lib.load_log(practice)
    assert len(after) == len(log) - 1
    assert victim not in set(after["contact"])
    pd.testing.assert_frame_equal(after, log.drop(index=3).reset_index(drop=True))
    [backup] = backups(practice.parent)
    assert BACKUP_NAME.match(backup.name)
    assert backup.read_bytes() == original
    assert text_of(form.status.value) == \
        f"Deleted row 5 ({victim}). A backup of the log as it was: {backup.name}."
    assert form.confirm_box.layout.display == "none"


def test_cancel_deletes_nothing(form, practice):
    original = practice.read_bytes()
    form.delete_button.click()
    form.cancel_button.click()
    assert practice.read_bytes() == original
    assert backups(practice.parent) == []
    assert text_of(form.status.value) == "Nothing was deleted."
    assert form.confirm_box.layout.display == "none"


def test_a_row_changed_elsewhere_is_not_deleted(form, practice):
    form.row_picker.value = 0
    form.delete_button.click()
    log = infoview_lib.load_log(practice)
    log.loc[0, "notes"] = "changed in Excel meanwhile"
    io.save_log(log, practice)
    changed = practice.read_bytes()
    form.confirm_button.click()
    assert practice.read_bytes() == changed
    assert backups(practice.parent) == []
    status = text_of(form.status.value)
    assert status.startswith("Not changed: nothing was deleted.")
    assert "changed since you picked it" in status


# ----------------------------------------------------------------------------- edit
def test_edit_loads_the_row_and_save_replaces_it_after_confirming(form, practice):
    original = practice.read_bytes()
    log = infoview_lib.load_log(practice)
    form.row_picker.value = 4
    form.edit_button.click()
    assert form.values["contact"] == log["contact"].iloc[4]
    assert form.save_button.description == "Save changes to row 6"
    form.controls["duration_min"].value = "40"
    form.controls["notes"].value = "Edited note"
    form.save_button.click()
    assert form.confirm_button.description == "Yes, replace"
    assert practice.read_bytes() == original  # nothing yet

    form.confirm_button.click()
    after = infoview_lib.load_log(practice)
    assert after.loc[4, "duration_min"] == 40 and after.loc[4, "notes"] == "Edited note"
    untouched = [c for c in after.columns if c not in ("duration_min", "notes")]
    pd.testing.assert_frame_equal(after[untouched], log[untouched])
    pd.testing.assert_frame_equal(after.drop(index=4), log.drop(index=4))
    [backup] = backups(practice.parent)
    assert backup.read_bytes() == original
    assert text_of(form.status.value).startswith(
        f"Saved: changes to row 6 ({log['contact'].iloc[4]}).")
    assert form.save_button.description == "Save"
    assert form.values["contact"] == ""


def test_edit_with_a_bad_value_asks_nothing_and_writes_nothing(form, practice):
    original = practice.read_bytes()
    form.row_picker.value = 0
    form.edit_button.click()
    form.controls["duration_min"].value = "999"
    form.save_button.click()
    assert form.confirm_box.layout.display == "none"
    assert text_of(form.messages["duration_min"].value) == \
        "Problem: '999' should be between 1 and 240."
    assert practice.read_bytes() == original


def test_stop_editing_leaves_the_row(form, practice):
    original = practice.read_bytes()
    form.edit_button.click()
    form.controls["notes"].value = "never saved"
    form.cancel_edit_button.click()
    assert practice.read_bytes() == original
    assert form.save_button.description == "Save"
    assert form.values["notes"] == ""


def test_replace_row_keeps_columns_the_schema_does_not_know(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("contact,status,Coffee order\nAna,requested,flat white\nBen,planned,tea\n",
                    encoding="utf-8")
    log = infoview_lib.load_log(path)
    result = edits.replace_row(path, 0, {"contact": "Ana Ruiz", "status": "scheduled"},
                               expected=edits.row_fingerprint(log.iloc[0]))
    after = infoview_lib.load_log(path)
    assert list(after["contact"]) == ["Ana Ruiz", "Ben"]
    assert list(after["Coffee order"]) == ["flat white", "tea"]
    assert result.row == 2 and result.contact == "Ana"
    assert result.backup.read_text(encoding="utf-8").startswith("contact,status,Coffee order")


def test_a_failed_backup_changes_nothing(tmp_path, monkeypatch):
    path = form_logic.make_practice_log(workspace=tmp_path)
    original = path.read_bytes()

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(edits.shutil, "copyfile", full)
    with pytest.raises(LogWriteError, match="Could not write a backup.*nothing was changed"):
        edits.delete_row(path, 0)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == [path.name]


def test_backup_names_never_collide(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("contact\nAna\n", encoding="utf-8")
    when = dt.datetime(2025, 3, 4, 14, 15, 3)
    first = edits.write_backup(path, when)
    second = edits.write_backup(path, when)
    assert first.name == "log.backup-20250304-141503.csv"
    assert second.name == "log.backup-20250304-141503-2.csv"


# ----------------------------------------------------------------------------- merging a file
def test_merge_into_file_adds_once_with_a_backup(tmp_path):
    path = form_logic.make_practice_log(workspace=tmp_path)
    before = infoview_lib.load_log(path)
    interviews = infoview_lib.read_calendar(infoview_lib.calendar_sample_path())
    result, backup = edits.merge_into_file(path, interviews)
    after = infoview_lib.load_log(path)
    assert len(after) == len(before) + len(result.added)
    assert backup is not None and backup.read_bytes() == \
        infoview_lib.sample_log_path().read_bytes()
    report = edits.merge_report(result)
    assert list(report.columns) == ["Contact", "Organization", "Status", "Interview date",
                                    "What happened"]
    assert len(report) == len(interviews)
    assert (report["What happened"] == "added").sum() == len(result.added)

    again, second_backup = edits.merge_into_file(path, interviews)
    assert len(again.added) == 0 and second_backup is None
    assert set(edits.merge_report(again)["What happened"]) <= {
        "already there (same contact and date)", "already there (filled in the open row)"}
    assert len(infoview_lib.load_log(path)) == len(after)


def test_an_edit_of_a_row_changed_elsewhere_keeps_the_typing_and_the_file(form, practice):
    form.row_picker.value = 1
    form.edit_button.click()
    form.controls["notes"].value = "my careful edit"
    form.save_button.click()
    log = infoview_lib.load_log(practice)
    log = log.drop(index=0).reset_index(drop=True)  # another program deleted row 2
    io.save_log(log, practice)
    changed = practice.read_bytes()
    form.confirm_button.click()
    assert practice.read_bytes() == changed
    assert backups(practice.parent) == []
    status = text_of(form.status.value)
    assert status.startswith("Not changed: the row is as it was. Your version is still in "
                             "the form")
    assert "changed since you picked it" in status
    assert form.values["notes"] == "my careful edit"
    assert form.save_button.description == "Save"  # no longer editing a row that moved
