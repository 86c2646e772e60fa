"""The start notebook's column summary: the pure describer and its thin widget."""

from __future__ import annotations

import pandas as pd
import pytest

from infoview_lib import schema
from infoview_lib.describe import (
    EMPTY_LABEL,
    column_choices,
    column_kind,
    describe_column,
)


def _log(rows: list[dict]) -> pd.DataFrame:
    """A typed log (the loader's dtypes) built from a few rows."""
    frame = pd.DataFrame(rows)
    log = schema.empty_log()
    for column in log.columns:
        values = frame[column] if column in frame else [None] * len(frame)
        log_dtype = log[column].dtype
        if column in schema.DATE_COLUMNS:
            log[column] = pd.to_datetime(pd.Series(values, dtype="object")).astype(log_dtype)
        else:
            log[column] = pd.Series(values, dtype="object").astype(log_dtype)
    for extra in frame.columns.difference(log.columns):
        log[extra] = frame[extra].to_numpy()
    return log


@pytest.fixture
def log() -> pd.DataFrame:
    return _log([
        {"contact": "Ana Lima", "organization": "Acme Corp", "status": "completed",
         "mode": "video", "interview_date": "2025-03-04", "duration_min": 30, "referrals": 1},
        {"contact": "Ben Cho", "organization": "Globex", "status": "no_reply"},
        {"contact": "Cy Dee", "organization": "Acme Corp", "status": "completed",
         "mode": "in_person", "interview_date": "2025-03-10", "duration_min": 45,
         "referrals": 0},
        {"contact": "Di Fox", "organization": "Acme Corp", "status": "completed",
         "mode": "video", "interview_date": "2025-02-28", "duration_min": 20, "referrals": 2},
    ])


def test_kinds_follow_the_loaded_dtypes(log):
    kinds = {c: column_kind(log[c]) for c in log.columns}
    assert {kinds[c] for c in schema.CATEGORY_COLUMNS} == {"category"}
    assert {kinds[c] for c in schema.DATE_COLUMNS} == {"date"}
    assert {kinds[c] for c in schema.INT_COLUMNS} == {"number"}
    assert {kinds[c] for c in schema.TEXT_COLUMNS} == {"text"}


def test_category_counts_every_allowed_value_and_the_empty_cells(log):
    result = describe_column(log, "mode")
    assert result.kind == "category"
    counts = dict(zip(result.table["value"], result.table["rows"], strict=True))
    assert counts == {"in_person": 1, "phone": 0, "video": 2, EMPTY_LABEL: 1}
    assert result.table["share"].sum() == pytest.approx(1.0)
    assert result.headline == "Mode: 4 rows, 2 different values used, 1 empty."


def test_status_lists_the_schema_order(log):
    table = describe_column(log, "status").table
    assert list(table["value"]) == list(schema.STATUSES)
    assert table.set_index("value").loc["completed", "rows"] == 3


def test_date_gives_earliest_latest_and_span(log):
    result = describe_column(log, "interview_date")
    stats = dict(zip(result.table["statistic"], result.table["value"], strict=True))
    assert stats == {"rows with a date": "3", "empty": "1", "earliest": "2025-02-28",
                     "latest": "2025-03-10", "span": "10 days"}
    assert "from 2025-02-28 to 2025-03-10" in result.headline


def test_number_gives_describe_statistics(log):
    result = describe_column(log, "duration_min")
    stats = dict(zip(result.table["statistic"], result.table["value"], strict=True))
    assert stats["rows with a number"] == "3"
    assert stats["empty"] == "1"
    assert stats["minimum"] == "20"
    assert stats["median"] == "30"
    assert stats["maximum"] == "45"
    assert stats["mean"] == "31.7"
    assert result.headline == ("Duration (minutes): 3 numbers from 20 to 45, median 30, "
                               "1 empty.")


def test_text_lists_most_common_values_first(log):
    result = describe_column(log, "organization")
    assert list(result.table["value"]) == ["Acme Corp", "Globex"]
    assert list(result.table["rows"]) == [3, 1]
    assert result.headline == "Organization: 4 filled rows, 2 different values, 0 empty."


def test_text_keeps_only_the_top_values_but_always_the_empty_count():
    names = [f"Person {i}" for i in range(8)] + [None, "  "]
    log = _log([{"contact": name} for name in names])
    result = describe_column(log, "contact")
    assert len(result.table) == 6
    assert result.table["value"].iloc[-1] == EMPTY_LABEL
    assert result.table["rows"].iloc[-1] == 2
    assert "5 most common" in result.headline


def test_empty_log_is_described_without_errors():
    log = schema.empty_log()
    for column in log.columns:
        result = describe_column(log, column)
        assert result.headline.startswith(result.label)
    dates = describe_column(log, "interview_date")
    assert dates.headline == "Interview date: no dates yet, 0 empty."
    assert describe_column(log, "referrals").headline == "Referrals: no numbers yet, 0 empty."


def test_extra_columns_are_described_by_their_dtype(log):
    log = log.assign(Rating=[5, 4, None, 3], Met=[True, False, True, True])
    assert describe_column(log, "Rating").kind == "number"
    met = describe_column(log, "Met")
    assert met.kind == "category"
    assert met.label == "Met"
    assert dict(zip(met.table["value"], met.table["rows"], strict=True)) == {"True": 3,
                                                                            "False": 1}


def test_unknown_column_names_the_columns_that_exist(log):
    with pytest.raises(KeyError, match="it has: contact, role"):
        describe_column(log, "salary")


def test_choices_use_schema_labels_and_keep_the_log_order(log):
    choices = column_choices(log.assign(Rating=1))
    assert choices[0] == ("Contact", "contact")
    assert ("Interview date", "interview_date") in choices
    assert choices[-1] == ("Rating", "Rating")


def test_choices_never_repeat_a_label(log):
    choices = column_choices(log.assign(Status=1))
    labels = [label for label, _ in choices]
    assert len(set(labels)) == len(labels)
    assert ("Status [Status]", "Status") in choices


# --- the widget --------------------------------------------------------------------------


def _shown(widget) -> tuple[str, str]:
    (output,) = widget.output.outputs
    return output["data"]["text/html"], output["data"]["text/plain"]


def test_widget_starts_on_status_with_a_labelled_dropdown(log):
    from infoview_lib.widgets import ColumnSummary

    widget = ColumnSummary(log)
    assert widget.dropdown.description == "Column to summarise"
    assert widget.dropdown.value == "status"
    html, text = _shown(widget)
    assert "Status: 4 rows" in html
    assert "Summary of the column Status</caption>" in html
    assert "completed" in text and "75%" in text


def test_widget_follows_the_dropdown(log):
    from infoview_lib.widgets import ColumnSummary

    widget = ColumnSummary(log)
    widget.dropdown.value = "interview_date"
    html, text = _shown(widget)
    assert widget.result.column == "interview_date"
    assert "2025-02-28" in html and "2025-03-10" in text
    widget.dropdown.value = "mode"
    html, _ = _shown(widget)
    assert "Mode: 4 rows" in html and "in_person" in html
    assert "2025-02-28" not in html


def test_widget_escapes_values_from_the_log():
    from infoview_lib.widgets import ColumnSummary

    log = _log([{"contact": "<script>alert(1)</script>"}])
    html, _ = _shown(ColumnSummary(log, column="contact"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_widget_rejects_an_unknown_first_column(log):
    from infoview_lib.widgets import ColumnSummary

    with pytest.raises(KeyError, match="salary"):
        ColumnSummary(log, column="salary")
