"""Timeline pages, the timeline drawing, and the timeline exports (CSV, TimelineJS).

The ordered list is the timeline; the drawing beside it is an inline SVG made
here at build time (no script, no remote library) in which every uncertain time
is a range, never a point.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from markupsafe import Markup

from . import timevalue as tv
from .model import DocumentRecord, Ledger, Sentence
from .naming import display_title, short_title
from .htmlblocks import Headings
from .templating import escape_text, front_matter_tags, front_matter_title, part_links, render_template, tag
from .timeline import AXIS_CALENDAR, AXIS_DOCUMENT, CorpusTimeline, DocumentTimeline, TimelineEntry, entry_words

#: Above this many documents, the combined timeline lists each document's own
#: day-relative and unplaced entries only on that document's timeline page, so
#: the page stays readable (and small) for large corpora.
COMBINED_DOCUMENT_SECTIONS_MAX = 50
#: Entries on the calendar of the combined Timeline page; a corpus with more
#: has its calendar in parts of this many entries under ``calendar/``, each with
#: its own drawing, so that no page grows with the corpus.
CALENDAR_ENTRIES_PER_PAGE = 500

SVG_WIDTH = 760
LANE_ROW = 22
MARGIN_X = 16


@dataclass(frozen=True)
class EntryView:
    entry: TimelineEntry
    number: int
    when: str
    clocks: Markup
    who: Markup
    sentence: str
    cite: Markup
    range_note: str | None


def sentence_href(document_id: str, sentence_id: str | None, depth: int) -> str:
    prefix = "../" * depth
    anchor = f"#{sentence_id}" if sentence_id else ""
    return f"{prefix}documents/{document_id}.html{anchor}"


def sentence_of(record: DocumentRecord, sentence_id: str | None) -> Sentence | None:
    """The sentence of ``record`` with this id: sentence ``n`` is ``<document>-s<n>``
    and the ``n``-th of the list, so no search is needed."""
    if not sentence_id:
        return None
    sentences = record.segmentation.sentences
    document, _, number = sentence_id.rpartition("-s")
    if document == record.id and number.isdigit() and 1 <= int(number) <= len(sentences):
        sentence = sentences[int(number) - 1]
        if sentence.id == sentence_id:
            return sentence
    return next((s for s in sentences if s.id == sentence_id), None)


def sentence_number(record: DocumentRecord, sentence_id: str | None) -> int | None:
    sentence = sentence_of(record, sentence_id)
    return None if sentence is None else sentence.n


def cite_link(record: DocumentRecord, sentence_id: str | None, depth: int, label: str | None = None, *, here: bool = False) -> Markup:
    """A link that opens the document page at the highlighted sentence; its
    tooltip names the document in full. ``here``: the link is on that document's
    own page, so it needs only the anchor and no tooltip."""
    n = sentence_number(record, sentence_id)
    if here and sentence_id:
        shown = label or f"sentence {n if n is not None else '?'}"
        return Markup(f'<a class="sb-cite" href="#{sentence_id}">{escape_text(shown)}</a>')
    text = label or (f"{short_title(record)}, sentence {n}" if n is not None else short_title(record))
    tooltip = escape_text(f"{display_title(record)} ({record.document.source})")
    return Markup(f'<a class="sb-cite" href="{sentence_href(record.id, sentence_id, depth)}" title="{tooltip}">{escape_text(text)}</a>')


def _clock_line(entry: TimelineEntry) -> Markup:
    parts = []
    for label, clock in (("Event", entry.event), ("Stated", entry.statement), ("Published", entry.publication)):
        precision = f" <small>({escape_text(clock.precision)})</small>" if clock.value else ""
        parts.append(f'<span class="sb-clock"><strong>{label}:</strong> {escape_text(clock.words)}{precision}</span>')
    return Markup(" · ".join(parts))


def entry_views(
    entries: Sequence[TimelineEntry],
    records: Mapping[str, DocumentRecord],
    source_pages: Mapping[str, str],
    depth: int,
) -> list[EntryView]:
    views: list[EntryView] = []
    for number, entry in enumerate(entries, start=1):
        record = records[entry.document_id]
        sentence = sentence_of(record, entry.sentence_id)
        text = record.sentence_text(sentence) if sentence is not None and record.document.metadata.text_visible else ""
        if entry.source:
            page = source_pages.get(entry.attribution_id or "")
            name = escape_text(entry.source)
            who = Markup(f'<a href="{"../" * depth}sources/{page}.html#{entry.attribution_id}" title="The statement on the source’s page">{name}</a>' if page else name)
        else:
            who = Markup("the document’s own account")
        note = None
        if entry.placed and entry.high is not None and entry.low is not None and entry.high - entry.low > 1:
            note = "drawn as a range"
        views.append(
            EntryView(
                entry=entry,
                number=number,
                when=entry_words(entry),
                clocks=_clock_line(entry),
                who=who,
                sentence=text,
                cite=cite_link(record, entry.sentence_id, depth),
                range_note=note,
            )
        )
    return views


# --- drawing ---------------------------------------------------------------


def _ticks(low: float, high: float, axis: str) -> list[tuple[float, str]]:
    span = max(high - low, 1.0)
    steps = [1, 5, 15, 30, 60, 120, 180, 360, 720, 1440, 2 * 1440, 7 * 1440, 30 * 1440, 91 * 1440, 365 * 1440, 3650 * 1440]
    step = next((s for s in steps if span / s <= 8), steps[-1])
    first = (low // step) * step
    ticks: list[tuple[float, str]] = []
    value = first
    while value <= high:
        if value >= low:
            ticks.append((value, _tick_label(value, axis, step)))
        value += step
    return ticks


def _tick_label(minutes: float, axis: str, step: float) -> str:
    day, within = divmod(int(minutes), tv.MINUTES_PER_DAY)
    clock = f"{within // 60:02d}:{within % 60:02d}"
    if axis == AXIS_DOCUMENT:
        day_words = "day of the report" if day == 0 else (f"{-day} day{'s' if day != -1 else ''} before" if day < 0 else f"{day} day{'s' if day != 1 else ''} after")
        return clock if step < tv.MINUTES_PER_DAY and day == 0 else f"{day_words} {clock}" if step < tv.MINUTES_PER_DAY else day_words
    calendar = date.fromordinal(max(day, 1))
    if step >= 365 * tv.MINUTES_PER_DAY:
        return str(calendar.year)
    if step >= 28 * tv.MINUTES_PER_DAY:
        return f"{tv.MONTHS[calendar.month - 1][:3]} {calendar.year}"
    if step >= tv.MINUTES_PER_DAY:
        return calendar.isoformat()
    return f"{calendar.isoformat()} {clock}"


def timeline_svg(views: Sequence[EntryView], axis: str, caption: str) -> Markup:
    """One lane of ranges; each bar is numbered like its item in the list."""
    placed = [v for v in views if v.entry.axis == axis and v.entry.low is not None and v.entry.high is not None]
    if not placed:
        return Markup("")
    low = min(v.entry.low for v in placed)  # type: ignore[type-var]
    high = max(v.entry.high for v in placed)  # type: ignore[type-var]
    pad = max((high - low) * 0.04, 5.0)
    low, high = low - pad, high + pad
    usable = SVG_WIDTH - 2 * MARGIN_X

    def x(minutes: float) -> float:
        return MARGIN_X + (minutes - low) / (high - low) * usable

    rows: list[float] = []  # right edge of the last label in each row
    bars: list[str] = []
    for view in placed:
        left, right = x(view.entry.low), x(view.entry.high)  # type: ignore[arg-type]
        width = max(right - left, 3.0)
        label_right = left + max(width, 8 + 7 * len(str(view.number)))
        row = next((i for i, edge in enumerate(rows) if edge + 4 <= left), None)
        if row is None:
            rows.append(label_right)
            row = len(rows) - 1
        else:
            rows[row] = label_right
        y = 8 + row * LANE_ROW
        title = escape_text(f"{view.number}. {view.when} ({view.entry.expression_text})")
        css = "sb-bar sb-bar-range" if right - left >= 3.0 else "sb-bar"
        bars.append(
            f'<g class="sb-mark"><title>{title}</title>'
            f'<rect class="{css}" x="{left:.1f}" y="{y + 10}" width="{width:.1f}" height="8" rx="2"></rect>'
            f'<text class="sb-bar-label" x="{left:.1f}" y="{y + 7}">{view.number}</text></g>'
        )
    axis_y = 8 + len(rows) * LANE_ROW + 6
    ticks = []
    for position, label in _ticks(low, high, axis):
        tx = x(position)
        ticks.append(
            f'<line class="sb-tick" x1="{tx:.1f}" x2="{tx:.1f}" y1="4" y2="{axis_y}"></line>'
            f'<text class="sb-tick-label" x="{tx:.1f}" y="{axis_y + 14}">{escape_text(label)}</text>'
        )
    height = axis_y + 22
    return Markup(
        f'<figure class="sb-timeline-visual" tabindex="0" role="group" aria-label="{escape_text(caption)} (scrolls sideways on narrow screens)">'
        f'<svg role="img" aria-label="{escape_text(caption)}" viewBox="0 0 {SVG_WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f'{"".join(ticks)}<line class="sb-axis" x1="{MARGIN_X}" x2="{SVG_WIDTH - MARGIN_X}" y1="{axis_y}" y2="{axis_y}"></line>'
        f'{"".join(bars)}</svg><figcaption>{escape_text(caption)}</figcaption></figure>'
    )


# --- pages -----------------------------------------------------------------


def _records(ledger: Ledger) -> dict[str, DocumentRecord]:
    return {r.id: r for r in ledger.records}


def document_timeline_page(record: DocumentRecord, timeline: DocumentTimeline, title: str, source_pages: Mapping[str, str], *, name_tags: bool = True) -> str:
    views = entry_views(timeline.entries, {record.id: record}, source_pages, depth=1)
    placed = [v for v in views if v.entry.placed]
    axis = placed[0].entry.axis if placed else None
    caption = (
        "Reported times on the calendar"
        if axis == AXIS_CALENDAR
        else "Reported times within the day of the report (the date itself is not stated)"
    )
    visuals = [timeline_svg(views, a, caption if a == axis else "Reported times within the day of the report") for a in (AXIS_CALENDAR, AXIS_DOCUMENT)]
    others = [
        {"text": e.text, "type": e.type, "value": e.value, "cite": cite_link(record, e.sentence_id, 1)}
        for e in timeline.others
    ]
    return render_template(
        "timeline_document.md.j2",
        heading=Headings(f"Timeline: {escape_text(title)}"),
        page_title=front_matter_title(f"Timeline: {title}"),
        page_tags=front_matter_tags([tag("Document", short_title(record))] + [tag("Source", v.entry.source) for v in views if v.entry.source] if name_tags else []),
        title=title,
        doc_id=record.id,
        placed=[v for v in views if v.entry.placed],
        unplaced=[v for v in views if not v.entry.placed],
        visuals=Markup("".join(visuals)),
        others=others,
        has_dct=record.dct is not None,
    )


def calendar_part_paths(timeline: CorpusTimeline) -> list[str]:
    """The parts of the combined timeline's calendar (none when it is on the Timeline page)."""
    count = len(timeline.calendar)
    if count <= CALENDAR_ENTRIES_PER_PAGE:
        return []
    return [f"calendar/part-{n + 1}.md" for n in range(-(-count // CALENDAR_ENTRIES_PER_PAGE))]


def _calendar_span(entries: Sequence[TimelineEntry]) -> str:
    """The days a part's entries cover on the calendar (``2024-10-16 to 2024-10-31``)."""
    days = [int(value) // tv.MINUTES_PER_DAY for e in entries for value in (e.low, e.high) if value is not None]
    if not days:
        return "not drawn"
    first, last = date.fromordinal(max(min(days), 1)).isoformat(), date.fromordinal(max(max(days), 1)).isoformat()
    return first if first == last else f"{first} to {last}"


def corpus_timeline_page(ledger: Ledger, timeline: CorpusTimeline, titles: Mapping[str, str], source_pages: Mapping[str, str]) -> str:
    records = _records(ledger)
    paths = calendar_part_paths(timeline)
    size = CALENDAR_ENTRIES_PER_PAGE
    calendar = [] if paths else entry_views(timeline.calendar, records, source_pages, depth=0)
    parts = [
        {
            "href": path,
            "first": n * size + 1,
            "last": min((n + 1) * size, len(timeline.calendar)),
            "span": _calendar_span(timeline.calendar[n * size : (n + 1) * size]),
        }
        for n, path in enumerate(paths)
    ]
    groups = []
    sections = len(timeline.documents) <= COMBINED_DOCUMENT_SECTIONS_MAX
    for document in timeline.documents if sections else ():
        relative = [e for e in document.entries if e.axis == AXIS_DOCUMENT]
        unplaced = [e for e in document.entries if not e.placed]
        if not relative and not unplaced:
            continue
        views = entry_views(relative + unplaced, records, source_pages, depth=0)
        groups.append(
            {
                "id": document.document_id,
                "title": titles[document.document_id],
                "placed": [v for v in views if v.entry.placed],
                "unplaced": [v for v in views if not v.entry.placed],
                "visual": timeline_svg(views, AXIS_DOCUMENT, f"{titles[document.document_id]}: reported times within the day of the report"),
            }
        )
    return render_template(
        "timeline.md.j2",
        calendar=calendar,
        calendar_visual=timeline_svg(calendar, AXIS_CALENDAR, "Reported times on the calendar, all documents"),
        calendar_parts=parts,
        calendar_count=len(timeline.calendar),
        groups=groups,
        documents=[{"id": d.document_id, "title": titles[d.document_id], "count": len(d.entries)} for d in timeline.documents],
        total=len(timeline.entries),
        sections=sections,
        sections_max=COMBINED_DOCUMENT_SECTIONS_MAX,
    )


def calendar_part_page(ledger: Ledger, timeline: CorpusTimeline, source_pages: Mapping[str, str], number: int) -> str:
    """Part ``number`` (from 1) of the combined timeline's calendar."""
    size = CALENDAR_ENTRIES_PER_PAGE
    entries = timeline.calendar[(number - 1) * size : number * size]
    views = entry_views(entries, _records(ledger), source_pages, depth=1)
    # Entries are numbered across the whole calendar, in the drawing too.
    views = [replace(v, number=v.number + (number - 1) * size) for v in views]
    paths = calendar_part_paths(timeline)
    span = _calendar_span(entries)
    return render_template(
        "calendar_part.md.j2",
        calendar=views,
        calendar_visual=timeline_svg(views, AXIS_CALENDAR, f"Reported times on the calendar, {span}"),
        span=span,
        number=number,
        of=len(paths),
        first=(number - 1) * size + 1,
        last=(number - 1) * size + len(entries),
        **part_links(paths, number),
    )


# --- exports ---------------------------------------------------------------

CSV_COLUMNS = (
    "entry",
    "document",
    "sentence",
    "expression",
    "sets",
    "event_value",
    "event_precision",
    "event_words",
    "statement_value",
    "statement_precision",
    "statement_words",
    "published_value",
    "published_precision",
    "source",
    "relation",
    "axis",
    "placed_from",
    "placed_to",
    "sentence_text",
)


def _axis_words(entry: TimelineEntry, minutes: float | None) -> str:
    if minutes is None or entry.axis is None:
        return ""
    day, within = divmod(int(round(minutes)), tv.MINUTES_PER_DAY)
    clock = f"{within // 60:02d}:{within % 60:02d}"
    if entry.axis == AXIS_CALENDAR:
        return f"{date.fromordinal(max(day, 1)).isoformat()}T{clock}"
    return f"day {day:+d} {clock}"


def timeline_csv(ledger: Ledger, timeline: CorpusTimeline) -> str:
    records = _records(ledger)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in timeline.entries:
        record = records[entry.document_id]
        sentence = sentence_of(record, entry.sentence_id)
        text = record.sentence_text(sentence) if sentence is not None and record.document.metadata.text_visible else ""
        writer.writerow(
            (
                entry.id,
                entry.document_id,
                entry.sentence_id or "",
                entry.expression_text,
                entry.sets,
                entry.event.value or "",
                entry.event.precision,
                entry.event.words,
                entry.statement.value or "",
                entry.statement.precision,
                entry.statement.words,
                entry.publication.value or "",
                entry.publication.precision,
                entry.source or "",
                entry.relation or "",
                entry.axis or "",
                _axis_words(entry, entry.low),
                _axis_words(entry, entry.high),
                " ".join(text.split()),
            )
        )
    return buffer.getvalue()


def _with_year(value: str | None) -> Any:
    """The parsed date value when it states a year (what TimelineJS needs), else None."""
    parsed = tv.parse_date_value(value or "")
    return parsed if parsed is not None and parsed.year is not None else None


def _timelinejs_date(value: str | None) -> dict[str, str] | None:
    """TimelineJS date parts, only those the value states (TimelineJS needs a year)."""
    parsed = _with_year(value)
    if parsed is None:
        return None
    parts: dict[str, str] = {"year": str(parsed.year)}
    if parsed.month is not None:
        parts["month"] = str(parsed.month)
        if parsed.day is not None:
            parts["day"] = str(parsed.day)
            if parsed.hour is not None:
                parts["hour"] = str(parsed.hour)
                if parsed.minute is not None:
                    parts["minute"] = str(parsed.minute)
    parts["display_date"] = tv.describe(value or "")
    return parts


def _timelinejs_clock(entry: Any) -> Any:
    return entry.event if entry.sets == "event" else entry.statement


def timeline_js_left_out(timeline: CorpusTimeline) -> int:
    """How many entries :func:`timeline_js` leaves out (their date states no year)."""
    return sum(1 for entry in timeline.entries if _with_year(_timelinejs_clock(entry).value) is None)


def timeline_js(ledger: Ledger, timeline: CorpusTimeline, titles: Mapping[str, str], site_title: str) -> tuple[str, int]:
    """TimelineJS JSON of the entries whose date states a year; also the number left out."""
    records = _records(ledger)
    events: list[dict[str, Any]] = []
    left_out = 0
    for entry in timeline.entries:
        start = _timelinejs_date(_timelinejs_clock(entry).value)
        if start is None:
            left_out += 1
            continue
        record = records[entry.document_id]
        sentence = sentence_of(record, entry.sentence_id)
        text = record.sentence_text(sentence) if sentence is not None and record.document.metadata.text_visible else ""
        who = entry.source or "the document"
        events.append(
            {
                "unique_id": entry.id,
                "start_date": start,
                "text": {
                    "headline": f"{who}: “{entry.expression_text}”",
                    "text": f"{' '.join(text.split())} (documents/{entry.document_id}.html#{entry.sentence_id})",
                },
                "group": titles[entry.document_id],
            }
        )
    data = {"title": {"text": {"headline": site_title, "text": "Reported times, as the documents state them."}}, "events": events}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", left_out


__all__ = [
    "CSV_COLUMNS",
    "corpus_timeline_page",
    "document_timeline_page",
    "timeline_csv",
    "timeline_js",
    "timeline_js_left_out",
    "timeline_svg",
]
