"""The timeline: three clocks, honest precision, ordering only where the text
allows it, nothing dropped, and the exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sourcebound import timevalue as tv
from sourcebound.ingest import document_from_text
from sourcebound.model import Ledger
from sourcebound.pipeline import build_ledger, process_document
from sourcebound.render import render_site
from sourcebound.timeline import AXIS_CALENDAR, AXIS_DOCUMENT, corpus_timeline, document_timeline
from sourcebound.timeline_pages import CSV_COLUMNS, timeline_csv, timeline_js

from .conftest import CORPUS

PRECISION_RANK = {
    "unknown": 0,
    "decade": 1,
    "year": 2,
    "month": 4,
    "week": 5,
    "day": 6,
    "part-of-day": 7,
    "hour": 8,
    "minute": 9,
}


def record_of(text: str, dct: str | None = None):  # type: ignore[no-untyped-def]
    return process_document(document_from_text(text, "doc"), dct)


@pytest.fixture(scope="module")
def default_ledger() -> Ledger:
    return build_ledger(CORPUS)


def test_every_dating_expression_becomes_an_entry_and_none_is_dropped(default_ledger: Ledger) -> None:
    for record in default_ledger.records:
        timeline = document_timeline(record)
        covered = {e.expression_id for e in timeline.entries} | {o.id for o in timeline.others}
        ranges = [t for t in record.times if t.begin and t.end_value]
        for expression in record.times:
            inside_range = any(r is not expression and r.start <= expression.start and expression.end <= r.end for r in ranges)
            assert expression.id in covered or inside_range, expression


def test_no_rendered_time_is_more_precise_than_its_expression(default_ledger: Ledger) -> None:
    ledgers = [default_ledger, build_ledger(CORPUS, dct="2025-11-01")]
    for ledger in ledgers:
        for record in ledger.records:
            by_id = {t.id: t for t in record.times}
            for entry in document_timeline(record).entries:
                for clock in (entry.event, entry.statement):
                    if clock.expression_id is None:
                        assert clock.value is None or clock.basis.startswith("the document")
                        continue
                    expression = by_id[clock.expression_id]
                    assert PRECISION_RANK[clock.precision] <= PRECISION_RANK[expression.precision]
                    for part in (clock.value or "").split("/"):
                        parsed = tv.parse_date_value(part)
                        if parsed is not None:
                            assert PRECISION_RANK[parsed.precision] <= PRECISION_RANK[expression.precision]
                if entry.placed and entry.event.precision in ("minute", "hour", "part-of-day"):
                    assert entry.high is not None and entry.low is not None and entry.high > entry.low


def test_three_clocks_follow_the_attribution() -> None:
    record = record_of(
        "At 13:02 Moscow time, Mayor Anna Petrova said on her Telegram channel that a drone had been destroyed.\n\n"
        "The ministry said the drones were launched between 8:10 and 12:00.\n\n"
        "Traffic resumed on 3 March 2024."
    )
    entries = {e.expression_text: e for e in document_timeline(record).entries}
    statement = entries["13:02 Moscow time"]
    assert statement.sets == "statement"
    assert statement.statement.words.startswith("13:02")
    assert statement.event.value is None and "at or before the statement" in statement.event.basis
    assert statement.source and "Petrova" in statement.source
    launched = entries["between 8:10 and 12:00"]
    assert launched.sets == "event" and launched.event.words == "08:10 to 12:00 (day not stated)"
    assert launched.attribution_id is not None
    own = entries["3 March 2024"]
    assert own.attribution_id is None and own.axis == AXIS_CALENDAR
    assert own.statement.basis == "the document states it at publication"
    assert own.publication.value is None


def test_times_of_day_are_ordered_within_the_document_and_ranges_are_ranges() -> None:
    record = record_of(
        "At 13:02 Moscow time, the mayor said one drone was destroyed.\n\n"
        "The command reported seven drones between 8:10 and 12:00."
    )
    timeline = document_timeline(record)
    placed = [e for e in timeline.entries if e.placed]
    assert [e.expression_text for e in placed] == ["between 8:10 and 12:00", "13:02 Moscow time"]
    assert all(e.axis == AXIS_DOCUMENT for e in placed)
    assert placed[0].high - placed[0].low == (12 * 60 + 1) - (8 * 60 + 10)  # type: ignore[operator]


def test_relative_dates_stay_relative_without_a_document_date() -> None:
    text = "Officials said on Friday that the previous night was calm.\n\nThe report of October 31st was confirmed."
    without = document_timeline(record_of(text))
    assert all(e.axis != AXIS_CALENDAR for e in without.entries)
    october = [e for e in without.entries if "October" in e.expression_text][0]
    assert not october.placed and october.unplaced_reason == "the year is not stated"
    with_date = document_timeline(record_of(text, "2025-11-03"))
    october = [e for e in with_date.entries if "October" in e.expression_text][0]
    assert october.axis == AXIS_CALENDAR and october.event.words.endswith("2025")


def test_corpus_timeline_orders_dated_entries_across_documents() -> None:
    first = process_document(document_from_text("Officials said the bridge closed on 5 March 2024.", "first"))
    second = process_document(document_from_text("Police said the road closed on 2 March 2024.", "second"))
    timeline = corpus_timeline([first, second])
    assert [e.document_id for e in timeline.calendar] == ["second", "first"]


def test_exports(default_ledger: Ledger) -> None:
    timeline = corpus_timeline(default_ledger.records)
    rows = list(csv.DictReader(io.StringIO(timeline_csv(default_ledger, timeline))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(timeline.entries) > 0
    assert any(r["expression"] == "13:02 Moscow time" and r["statement_precision"] == "minute" for r in rows)
    data, left_out = timeline_js(default_ledger, timeline, {r.id: r.id for r in default_ledger.records}, "t")
    parsed = json.loads(data)
    # No default document states a year: TimelineJS (which needs one) gets nothing, the CSV has all.
    assert parsed["events"] == [] and left_out == len(timeline.entries)


def test_timelinejs_keeps_only_stated_date_parts() -> None:
    record = process_document(document_from_text("Officials said the bridge closed in March 2024.", "doc"))
    ledger = Ledger(records=(record,), inputs=())
    data, left_out = timeline_js(ledger, corpus_timeline(ledger.records), {"doc": "Doc"}, "t")
    events = json.loads(data)["events"]
    assert left_out == 0 and events[0]["start_date"] == {"year": "2024", "month": "3", "display_date": "March 2024"}


def test_pages_and_data_files(default_ledger: Ledger, tmp_path: Path) -> None:
    pages = render_site(default_ledger)
    for record in default_ledger.records:
        page = pages[f"timeline/{record.id}.md"]
        assert "<svg" in page and "http://www.w3.org/2000/svg" in page
        assert "href=\"http" not in page and "src=" not in page
    combined = pages["timeline.md"]
    assert "13&#58;02" in combined and "08&#58;10 to 12&#58;00" in combined
    assert "Not placed in time" in combined
    assert "data/timeline.csv" in pages and "data/timeline.json" in pages
    assert "timeline.csv" in pages["data.md"] and "timeline.json" in pages["data.md"]


def test_the_calendar_of_a_large_corpus_is_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from sourcebound import timeline_pages
    from sourcebound.pipeline import build_ledger
    from sourcebound.render import page_paths, render_site

    from .conftest import CORPUS

    ledger = build_ledger(CORPUS, dct="2024-11-27")
    whole = render_site(ledger)["timeline.md"]
    entries = re.findall(r'<li class="sb-entry[^"]*" id="([^"]+)"', whole.split("## On the calendar", 1)[1].split("\n## ", 1)[0])
    assert len(entries) >= 4
    monkeypatch.setattr(timeline_pages, "CALENDAR_ENTRIES_PER_PAGE", 3)
    pages = render_site(ledger)
    parts = sorted((p for p in pages if p.startswith("calendar/")), key=lambda p: int(p.split("-")[1].split(".")[0]))
    assert len(parts) == -(-len(entries) // 3) and set(parts) <= set(page_paths(ledger))
    for number, path in enumerate(parts, 1):
        assert f"]({path})" in pages["timeline.md"]
        assert f'<ol class="sb-timeline" start="{3 * (number - 1) + 1}">' in pages[path]
        assert 'href="documents/' not in pages[path]
    # The same entries in the same order, each with its number in the drawing.
    assert [i for p in parts for i in re.findall(r'<li class="sb-entry[^"]*" id="([^"]+)"', pages[p])] == entries
    assert '<text class="sb-bar-label" x="' in pages[parts[-1]] and f">{len(entries)}</text>" in pages[parts[-1]]
