"""The HTML report: self-contained, escaped, accessible images, the right numbers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from test_metrics import done, make_log, requested

from infoview_lib import LogValidationError, metrics, report
from infoview_lib.errors import problems_frame

EVIL = "<script>alert(1)</script>"


class Page(HTMLParser):
    """Collects what a test needs to know about a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.headings: list[str] = []
        self._heading = None
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    def attrs(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture
def log() -> pd.DataFrame:
    return make_log(
        done(EVIL, "2025-04-01", organization="Acme & Sons <Ltd>", role="Analyst",
             thank_you_date="2025-04-01", duration_min=30, mode="video", referrals=1,
             notes="Secret note about a person"),
        done("Ben Ode", "2025-04-03", organization="Birch", referred_by=EVIL,
             duration_min=45, mode="phone"),
        requested("Cy Lam", "2025-04-07", organization="Cedar"),
        {"contact": "Dee Park", "status": "declined"},
    )


def test_report_is_self_contained_and_accessible(log, tmp_path):
    path = report.write_report(log, tmp_path / "out" / "report.html", today="2025-04-15")
    assert path == tmp_path / "out" / "report.html"
    html = path.read_text(encoding="utf-8")
    page = parse(html)
    (root,) = page.attrs("html")
    assert root["lang"] == "en"
    assert page.scripts == 0
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "poster", "data"):
            value = attrs.get(name)
            if value is None:
                continue
            assert not re.match(r"^\s*(https?:)?//", value), (tag, name, value)
            if name == "src":
                assert value.startswith("data:image/png;base64,"), (tag, value[:40])
            if name == "href":
                assert value.startswith("#"), value  # in-page links only
    assert "@import" not in html and "url(" not in html
    images = page.attrs("img")
    assert len(images) == 7
    assert all(img["alt"].strip() for img in images)
    assert any("Response rate 67%" in img["alt"] for img in images)


def test_every_string_from_the_log_is_escaped(log, tmp_path):
    html = report.write_report(log, tmp_path / "r.html", today="2025-04-15").read_text()
    assert EVIL not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Acme &amp; Sons &lt;Ltd&gt;" in html
    page = parse(html)
    assert page.scripts == 0
    assert EVIL in page.all_text  # shown to the reader as text


def test_report_content_headline_due_interviews_definitions(log, tmp_path):
    html = report.write_report(log, tmp_path / "r.html", today="2025-04-15",
                               title="Kim's interviews").read_text()
    page = parse(html)
    assert page.headings[0] == "Kim's interviews"
    assert {"At a glance", "Follow-ups due on 15 Apr 2025", "Charts", "Interviews",
            "How the numbers are counted"} <= set(page.headings)
    text = page.all_text
    # 2 completed; response (0 + 2) / (2 + 1 declined) = 67%; thank-you 1 of 2
    assert "Interviews completed 2" in text
    assert "Response rate 67% 2 of 3 answered requests" in text
    assert "Thank-you within 24 hours 50% 1 of 2 interviews" in text
    # due: Ben's thank-you (since 4 Apr) and Cy's second contact (Mon 7 → Thu 10 Apr)
    assert "Send your thank-you note to Ben Ode for the interview on 3 Apr 2025." in text
    assert "No reply from Cy Lam after 3 business days: contact a second person at Cedar." in text
    assert "Secret note" not in text  # notes are never printed
    assert "Is my network growing?" in page.headings
    assert "<title>Kim&#39;s interviews</title>" in html


def test_pseudonymized_report_hides_names(log, tmp_path):
    problems = problems_frame([{"row": 3, "column": "contact", "value": "Ben Ode",
                                "problem": "appears twice"}])
    html = report.write_report(log, tmp_path / "r.html", today="2025-04-15",
                               pseudonymize=True, salt="s3cret", problems=problems).read_text()
    text = parse(html).all_text
    assert "Ben Ode" not in html and "Cy Lam" not in html and "alert(1)" not in html
    assert re.search(r"Contact [0-9a-f]{4}", text)
    assert "appears twice" in text  # the problem, without its value
    assert "replaced by stable tokens" in text
    again = report.render_report(log, today="2025-04-15", pseudonymize=True, salt="s3cret")
    tokens = set(re.findall(r"Contact [0-9a-f]{4,}", again))
    assert tokens == set(re.findall(r"Contact [0-9a-f]{4,}", html))


def test_problems_are_listed(log, tmp_path):
    problems = problems_frame([{"row": 4, "column": "interview_date", "value": "2025-02-30",
                                "problem": "is not a real date"}])
    html = report.write_report(log, tmp_path / "r.html", today="2025-04-15",
                               problems=problems).read_text()
    page = parse(html)
    assert "Problems to fix" in page.headings
    assert "1 problem in the log" in page.all_text
    assert "2025-02-30" in page.all_text


def test_empty_log_report(tmp_path):
    html = report.write_report(make_log(), tmp_path / "r.html", today="2025-04-15").read_text()
    page = parse(html)
    assert "Nothing is due" in page.all_text
    assert all("no interviews yet" in img["alt"].lower() or "no outreach" in img["alt"].lower()
               or "no referrals" in img["alt"].lower() or "no interview" in img["alt"].lower()
               for img in page.attrs("img"))


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_report_from_a_path_and_a_broken_path(tmp_path):
    good = write_csv(tmp_path / "log.csv", [
        "contact,organization,status,interview_date,thank_you_date",
        "Ana Ruiz,Acme,completed,2025-04-01,2025-04-01",
    ])
    html = report.write_report(good, tmp_path / "r.html", today="2025-04-15").read_text()
    assert "log.csv: 1 people in the log" in parse(html).all_text
    bad = write_csv(tmp_path / "bad.csv", ["contact,status", "Ana,maybe"])
    with pytest.raises(LogValidationError):
        report.write_report(bad, tmp_path / "r2.html")
    assert not (tmp_path / "r2.html").exists()
    with pytest.raises(FileNotFoundError):
        report.write_report(tmp_path / "missing.csv", tmp_path / "r3.html")


def test_class_report_from_a_folder(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    write_csv(folder / "kim.csv", [
        "contact,status,interview_date,thank_you_date",
        "Ana Ruiz,completed,2025-04-01,2025-04-01",
        "Ben Ode,completed,2025-04-02,",
    ])
    write_csv(folder / "lee.csv", ["contact,status", "Cy Lam,requested"])
    write_csv(folder / "max.csv", ["contact,status", "Dee,compelted"])
    html = report.write_report(folder, tmp_path / "class.html", today="2025-04-15").read_text()
    page = parse(html)
    assert page.headings[0] == "Informational interviews: class report"
    assert "Students" in page.headings and "Problems to fix" in page.headings
    text = page.all_text
    assert "kim 2" in text and "compelted" in text
    assert "Ana Ruiz" not in html  # a class report names no contacts
    assert len(page.attrs("img")) == 4


def test_write_is_atomic(tmp_path, monkeypatch, log):
    target = tmp_path / "r.html"
    target.write_text("old report")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(report, "render_report", broken)
    with pytest.raises(RuntimeError):
        report.write_report(log, target)
    assert target.read_text() == "old report"
    assert list(tmp_path.iterdir()) == [target]
    path = report.write_atomically(tmp_path / "x.bin", b"data")
    assert path.read_bytes() == b"data" and list(tmp_path.glob(".*tmp")) == []

    def no_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(report.os, "replace", no_replace)
    with pytest.raises(OSError):
        report.write_atomically(target, b"new report")
    assert target.read_text() == "old report"
    assert list(tmp_path.glob(".*tmp")) == []


def test_sample_log_report(tmp_path):
    from infoview_lib import sample_log_path

    if not sample_log_path().exists():
        pytest.skip("no bundled sample log")
    html = report.write_report(sample_log_path(), tmp_path / "r.html",
                               today="2025-04-15").read_text()
    page = parse(html)
    assert len(page.attrs("img")) == 7
    assert "Follow-ups due on 15 Apr 2025" in page.headings


# ------------------------------------------------------------------ large logs


LARGE_TODAY = "2026-06-01"


@pytest.fixture(scope="module")
def large_log() -> pd.DataFrame:
    """3,000 rows: 1,200 interviews over 3.3 years (chains of 5 introductions), 100
    scheduled ones ahead, 700 unanswered requests, 1,000 declined."""
    start = pd.Timestamp("2023-01-02")
    rows = []
    for i in range(1200):
        day = start + pd.Timedelta(days=i)
        rows.append(done(f"Person {i:04}", f"{day:%Y-%m-%d}", organization=f"Org {i % 97}",
                         thank_you_date=f"{day:%Y-%m-%d}" if i % 2 == 0 else None,
                         duration_min=30, mode="video",
                         referred_by=f"Person {i - 1:04}" if i % 5 else None))
    for i in range(100):
        day = pd.Timestamp(LARGE_TODAY) + pd.Timedelta(days=i + 1)
        rows.append({"contact": f"Soon {i:03}", "status": "scheduled",
                     "interview_date": f"{day:%Y-%m-%d}"})
    rows += [requested(f"Asked {i:03}", "2026-05-04", organization=f"Firm {i}")
             for i in range(700)]
    rows += [{"contact": f"Busy {i:04}", "status": "declined"} for i in range(1000)]
    return make_log(*rows)


@pytest.fixture(scope="module")
def large_page(large_log, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("large") / "report.html"
    return report.write_report(large_log, path, today=LARGE_TODAY).read_text()


def section(html: str, name: str) -> str:
    found = re.search(rf'<section aria-labelledby="{name}">(.*?)</section>', html, re.S)
    assert found, name
    return found.group(1)


def body_rows(html: str) -> list[str]:
    (body,) = re.findall(r"<tbody>(.*?)</tbody>", html, re.S)
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def png_size(src: str) -> tuple[int, int]:
    import base64
    import struct

    data = base64.b64decode(src.split(",", 1)[1])
    return struct.unpack(">II", data[16:24])


def test_large_log_tables_show_a_bounded_number_of_rows_and_say_how_many(large_log,
                                                                          large_page):
    interviews = section(large_page, "interviews")
    rows = body_rows(interviews)
    assert len(rows) == report.MAX_TABLE_ROWS == 200
    text = parse(interviews).all_text
    assert ("1,300 interviews are completed or scheduled; this table lists the 200 latest. "
            "Every one is in the log itself: open it in a spreadsheet and sort or filter it "
            "by interview date.") in text
    assert "The 200 latest of 1,300 completed or scheduled, by date" in text
    # the latest 200: 100 completed (the last of them on 15 Apr 2026), then 100 ahead
    dates = [re.search(r'<td class="date">(.*?)</td>', row).group(1) for row in rows]
    assert dates[0] == "6 Jan 2026" and dates[99] == "15 Apr 2026"
    assert dates[100] == "2 Jun 2026" and dates[-1] == "9 Sep 2026"

    due_total = len(metrics.due_followups(large_log, LARGE_TODAY))
    assert due_total > 200
    due = section(large_page, "due")
    assert len(body_rows(due)) == 200
    text = parse(due).all_text
    assert (f"{due_total:,} follow-ups are due; this list shows the 200 that have waited "
            "longest. To see every one, run infoview due LOG --today 2026-06-01") in text
    assert f"The 200 most overdue of {due_total:,} actions, oldest first" in text
    oldest = metrics.due_followups(large_log, LARGE_TODAY)["due_since"].iloc[0]
    assert f'<td class="date">{metrics.format_day(oldest)}</td>' in body_rows(due)[0]
    # still accessible tables: a caption and every header cell scoped
    page = parse(large_page)
    assert all(attrs.get("scope") in {"col", "row"} for attrs in page.attrs("th"))
    assert large_page.count("<caption>") == large_page.count("<table")
    assert len(large_page) < 1_500_000


def test_large_log_cards_count_the_whole_log(large_log, large_page):
    numbers = metrics.summary(large_log, as_of=LARGE_TODAY)
    assert numbers["completed"] == 1200
    text = parse(section(large_page, "headline")).all_text
    assert f"Interviews completed {numbers['completed']} 100 more scheduled" in text
    assert f"Network size {numbers['network_size']} people interviewed" in text
    assert f"Follow-ups due {numbers['due']} as of 1 Jun 2026" in text
    assert numbers["due"] == len(metrics.due_followups(large_log, LARGE_TODAY))
    assert f"People in the log {numbers['contacts']}" in text
    small = parse(report.render_report(large_log.head(40), today=LARGE_TODAY)).all_text
    assert "this table lists" not in small and "this list shows" not in small


def test_large_log_charts_have_a_bounded_size_and_the_tree_says_what_it_shows(large_page):
    from infoview_lib import plots

    page = parse(large_page)
    images = {img["alt"].split(":")[0]: img for img in page.attrs("img")}
    # the tallest figure the report makes, and a little room for bbox_inches="tight"
    tallest = (0.75 * plots.MAX_TREE_ROWS + 1.8 + 0.5) * report.CHART_DPI
    for image in images.values():
        width, height = png_size(image["src"])
        assert width <= (report.CHART_WIDTH_IN + 0.5) * report.CHART_DPI
        assert height <= tallest
    # 240 chains of 5 people in a row: 30 rows hold the 30 largest (the first 30 found)
    shown = ("The chart shows the 150 people in the 30 largest chains of introductions. "
             "There are 1,200 people in 240 chains of introductions in all.")
    assert images["Referral tree"]["alt"].endswith(shown)
    tree = re.search(r'<figure aria-labelledby="chart-referral-tree">(.*?)</figure>',
                     large_page, re.S).group(1)
    assert re.search(r"<figcaption>(.*?)</figcaption>", tree, re.S).group(1) == shown
    # interviews over 3.3 years are counted by month, not in 170 weekly bars
    assert images["Network growth chart by month"]["alt"].startswith(
        "Network growth chart by month: your network grew to 1200 people")


def test_problems_list_is_bounded_and_says_how_to_see_all(log, tmp_path):
    problems = problems_frame([{"row": r, "column": "status", "value": "maybe",
                                "problem": "is not a status"} for r in range(2, 452)])
    html = report.write_report(log, tmp_path / "r.html", today="2025-04-15",
                               problems=problems).read_text()
    text = parse(html).all_text
    assert "450 problems in the log" in text
    assert ("There are 450 problems; this list shows the first 200. To see every one, run "
            "infoview validate LOG") in text
    assert "<code>infoview validate LOG</code>" in html
    assert len(body_rows(section(html, "problems"))) == 200


@pytest.mark.parametrize("first, last, period", [
    ("2025-01-06", "2025-06-01", "W"), ("2023-01-02", "2026-04-15", "M"),
    ("2000-01-03", "2025-01-01", "Q"), ("1950-01-02", "2025-01-01", "Y"),
])
def test_growth_period_keeps_the_bars_few(first, last, period):
    """The report's growth chart, and the dashboard's, widen the period of a long log."""
    from infoview_lib import plots

    log = make_log(done("Ana", first), done("Ben", last))
    growth, used = plots.growth_by_period(log)
    assert used == period
    assert 2 <= len(growth) <= plots.MAX_GROWTH_PERIODS
    assert growth["network_size"].iloc[-1] == 2
    noun = {"W": "week", "M": "month", "Q": "quarter", "Y": "year"}[period]
    assert plots.describe_network_growth(log).startswith(f"Network growth chart by {noun}:")


def test_class_report_of_many_students_keeps_its_charts_a_bounded_size():
    from infoview_lib.io import ClassLog

    rows = [dict(done(f"Contact {i}", "2025-04-01"), student=f"student {i:03}")
            for i in range(90)]
    log = make_log(*[{k: v for k, v in row.items() if k != "student"} for row in rows])
    log.insert(0, "student", pd.Series([row["student"] for row in rows], dtype="string"))
    problems = problems_frame()
    problems.insert(0, "file", pd.Series([], dtype="string"))
    problems.insert(0, "student", pd.Series([], dtype="string"))
    html = report.render_report(ClassLog(log, problems), today="2025-04-15")
    page = parse(html)
    assert "90 student logs" in page.all_text
    tallest = (0.42 * report.MAX_CLASS_CHART_STUDENTS + 1.6 + 0.5) * report.CHART_DPI
    heights = [png_size(img["src"])[1] for img in page.attrs("img")]
    assert len(heights) == 4 and max(heights) <= tallest
