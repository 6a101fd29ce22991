"""The reported timeline: time expressions -> entries with three clocks, placed
where the text allows.

Every entry rests on one time expression in one sentence. It carries three
clocks, each at the precision the documents give it:

- **event**: when the reported thing happened;
- **statement**: when the source stated it;
- **publication**: when the document was published.

Which clock an expression sets follows the sentence's attribution: a time inside
the reported content dates the event; a time in the reporting clause ("At 13:02
Moscow time, Sobyanin posted …") dates the statement; a sentence nobody is cited
for is the document's own account, stated at publication.

Entries are placed on one of two axes: the calendar, when a year is known, or the
document's own day (times of day and day offsets relative to an unstated
publication date), which orders entries within one document only. Anything else
is listed in text order, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from . import timevalue as tv
from .model import DocumentRecord

AXIS_CALENDAR = "calendar"
AXIS_DOCUMENT = "document"

#: Expression types that can date an entry. Durations do when they are anchored
#: ("15 minutes earlier", "in less than a week"); sets never do.
_DATING_TYPES = {"DATE", "TIME"}


@dataclass(frozen=True)
class Clock:
    value: str | None  # TIMEX3 value or the document's date; None when not stated
    precision: str  # minute ... year, or "unknown"
    words: str  # the value in words, at its precision
    basis: str  # where the clock comes from
    expression_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "precision": self.precision,
            "words": self.words,
            "basis": self.basis,
            "expression": self.expression_id,
        }


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    document_id: str
    sentence_id: str | None
    expression_id: str
    expression_text: str
    sets: str  # which clock the expression sets: "event" or "statement"
    event: Clock
    statement: Clock
    publication: Clock
    attribution_id: str | None
    source: str | None
    axis: str | None  # AXIS_CALENDAR, AXIS_DOCUMENT or None (not placed)
    low: float | None  # minutes on the axis
    high: float | None
    relation: str | None  # "about 15 minutes before “13:02 Moscow time”"
    unplaced_reason: str | None

    @property
    def placed(self) -> bool:
        return self.axis is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document_id,
            "sentence": self.sentence_id,
            "expression": self.expression_id,
            "expression_text": self.expression_text,
            "sets": self.sets,
            "event": self.event.to_json(),
            "statement": self.statement.to_json(),
            "publication": self.publication.to_json(),
            "attribution": self.attribution_id,
            "source": self.source,
            "axis": self.axis,
            "range": [self.low, self.high] if self.axis else None,
            "relation": self.relation,
            "unplaced_reason": self.unplaced_reason,
        }


def source_words(source: Any) -> str:
    """How a line names a source: a named person or organisation by name; an
    unnamed group or an anonymous individual in the document's own words, quoted
    (“sources close to the AADF”), since such wording is the document's choice."""
    if source.kind in ("person", "organisation"):
        return source.name
    return f"“{source.name}”"


def entry_words(entry: TimelineEntry) -> str:
    """What the timeline says of an entry's time, in words: the clock its
    expression sets, at its precision, and its relation to an anchor."""
    clock = entry.event if entry.sets == "event" else entry.statement
    words = clock.words
    if entry.relation:
        words = entry.relation if words.startswith("“") else f"{words}, {entry.relation}"
    if entry.sets == "statement":
        words = f"statement: {words}"
    return words


@dataclass(frozen=True)
class DocumentTimeline:
    document_id: str
    entries: tuple[TimelineEntry, ...]  # ordered: placed by axis position, then the rest in text order
    others: tuple[Any, ...]  # time expressions that date nothing (unanchored durations, sets)

    @property
    def placed(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.entries if e.placed)

    @property
    def unplaced(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.entries if not e.placed)


def _not_stated(basis: str) -> Clock:
    return Clock(None, "unknown", "not stated", basis)


def _clock_as_written(value: str, text: str) -> bool:
    """Whether a value's clock reading appears in the text as figures ("13:02",
    "8:10"); "10 p.m." or "midnight" are not, so they are shown as written."""
    parsed = tv.parse_date_value(value)
    if parsed is None or parsed.hour is None:
        return True
    minute = parsed.minute or 0
    forms = {f"{parsed.hour}:{minute:02d}", f"{parsed.hour:02d}:{minute:02d}", f"{parsed.hour}.{minute:02d}", f"{parsed.hour:02d}.{minute:02d}"}
    return any(form in text for form in forms)


def _date_words(value: str) -> str:
    """The date part of a value in words, or "" when it states no date."""
    day = value.split("T", 1)[0]
    parsed = tv.parse_date_value(day)
    if parsed is None or parsed.precision == "unknown":
        return ""
    return tv.describe(day)


def _expression_clock(expression: Any, basis: str) -> Clock:
    value = expression.value
    if _is_range(expression):
        value = f"{expression.begin}/{expression.end_value}"
        if _clock_as_written(expression.begin, expression.text) and _clock_as_written(expression.end_value, expression.text):
            words = _range_words(expression.begin, expression.end_value)
        else:
            dated = _date_words(expression.begin)
            words = f"“{expression.text}”" + (f", {dated}" if dated else "")
    elif expression.type == "DURATION":
        words = f"“{expression.text}”"
    elif _worded_as_written(value):
        # Weeks, quarters, seasons and decades are given in the text's own words:
        # their calendar names ("week 45") would be figures the text never states.
        words = f"“{expression.text}”"
    elif not _clock_as_written(value, expression.text):
        # "10 p.m.", "midnight", "noon": the clock reading stays the text's words.
        dated = _date_words(value)
        words = f"“{expression.text}”" + (f", {dated}" if dated else "")
    else:
        words = tv.describe(value)
    if getattr(expression, "zone", None) and not words.startswith("“"):
        words = f"{words}, {expression.zone}"
    return Clock(value, expression.precision, words, basis, expression.id)


def _range_words(begin: str, end: str) -> str:
    first, last = tv.describe(begin), tv.describe(end)
    for suffix in (" (day not stated)", " (year not stated)"):
        if first.endswith(suffix) and last.endswith(suffix):
            return f"{first[: -len(suffix)]} to {last[: -len(suffix)]}{suffix}"
    return f"{first} to {last}"


def _worded_as_written(value: str) -> bool:
    parsed = tv.parse_date_value(value)
    return parsed is not None and parsed.month is None and (
        (parsed.week is not None and parsed.weekday is None) or parsed.quarter is not None or parsed.season is not None or parsed.decade is not None
    )


def publication_clock(record: DocumentRecord) -> Clock:
    published = record.document.metadata.published
    if published:
        parsed = tv.parse_date_value(published[:16])
        return Clock(published, parsed.precision if parsed else "unknown", tv.describe(published[:16]), "document metadata")
    if record.dct:
        parsed = tv.parse_date_value(record.dct)
        return Clock(record.dct, parsed.precision if parsed else "unknown", tv.describe(record.dct), f"document date ({record.dct_origin})")
    return _not_stated("the document's publication date is not stated")


def _contains(span: Any, start: int, end: int) -> bool:
    return span is not None and span.start <= start and end <= span.end


@dataclass(frozen=True)
class _Point:
    """One bound of a range, placed like an expression of its own."""

    value: str
    anchor: str
    offset: str | None
    type: str = "TIME"
    mod: str | None = None
    begin: str | None = None
    end_value: str | None = None


def _owning_attribution(expression: Any, attributions: Sequence[Any]) -> tuple[Any | None, bool]:
    """The attribution an expression belongs to, and whether it lies inside the
    reported content (True) or in the reporting clause (False)."""
    same_sentence = [a for a in attributions if a.sentence_id == expression.sentence_id]
    inside = [a for a in same_sentence if _contains(a.content, expression.start, expression.end)]
    if inside:
        return min(inside, key=lambda a: a.content.end - a.content.start), True
    if same_sentence:
        return same_sentence[0], False
    return None, False


def _is_range(expression: Any) -> bool:
    return bool(getattr(expression, "begin", None) and getattr(expression, "end_value", None))


def _dates_something(expression: Any) -> bool:
    if expression.type in _DATING_TYPES:
        return True
    if expression.type == "DURATION":
        if _is_range(expression):
            return True
        if expression.anchor in ("expression", "event") and expression.offset is not None:
            return True
        return expression.anchor == "dct" and (expression.offset is not None or expression.mod in ("LESS_THAN", "EQUAL_OR_LESS"))
    return False


def _shift(interval: tuple[float, float], offset_minutes: float, approximate: bool) -> tuple[float, float]:
    low, high = interval[0] + offset_minutes, interval[1] + offset_minutes
    if approximate:
        spread = abs(offset_minutes) * tv.APPROXIMATE_SPREAD
        low, high = low - spread, high + spread
    return low, high


def _direction(offset: str | None, text: str) -> str:
    if offset and offset.startswith("-"):
        return "before"
    if offset:
        return "after"
    lowered = text.lower()
    return "before" if any(w in lowered for w in ("earlier", "before", "ago", "previous", "prior")) else "after"


def document_timeline(record: DocumentRecord) -> DocumentTimeline:
    expressions = tuple(getattr(record, "times", ()))
    attributions = tuple(getattr(record, "attributions", ()))
    by_id = {e.id: e for e in expressions}
    publication = publication_clock(record)
    reference = tv.parse_date_value(record.dct) if record.dct else None
    reference_interval = tv.absolute_interval(reference) if reference else None

    placements: dict[str, tuple[str, float, float] | None] = {}

    def place(expression: Any, depth: int = 0) -> tuple[str, float, float] | None:
        if expression.id in placements:
            return placements[expression.id]
        placements[expression.id] = None  # guards against anchor cycles
        result = _placement(expression, depth)
        placements[expression.id] = result
        return result

    def _placement(expression: Any, depth: int) -> tuple[str, float, float] | None:
        if _is_range(expression):
            first = _placement(_Point(expression.begin, expression.anchor, None), depth)
            last = _placement(_Point(expression.end_value, expression.anchor, None), depth)
            if first is None or last is None or first[0] != last[0]:
                return None
            return first[0], min(first[1], last[1]), max(first[2], last[2])
        if expression.type == "DURATION":
            amount = tv.parse_duration(expression.offset) if expression.offset else None
            if expression.anchor == "expression" and expression.anchor_id in by_id and depth < 8:
                anchor = place(by_id[expression.anchor_id], depth + 1)
                if anchor is None or amount is None:
                    return None
                return (anchor[0], *_shift((anchor[1], anchor[2]), amount[0], expression.mod == "APPROX"))
            span = tv.parse_duration(expression.value)
            if expression.anchor == "dct" and span is not None and expression.mod in ("LESS_THAN", "EQUAL_OR_LESS"):
                if reference_interval is not None:
                    return AXIS_CALENDAR, reference_interval[1] - abs(span[0]), reference_interval[1]
                return AXIS_DOCUMENT, -abs(span[0]) + tv.MINUTES_PER_DAY, float(tv.MINUTES_PER_DAY)
            return None
        parsed = tv.parse_date_value(expression.value)
        if parsed is None:
            return None
        interval = tv.absolute_interval(parsed)
        if interval is not None:
            return AXIS_CALENDAR, *interval
        unnamed_day = parsed.year is None and parsed.month is None and parsed.day is None
        # A clock time on an unnamed day is taken as the day of the report; a part
        # of the day ("the early hours") only when the text ties it to that day
        # ("tonight", "the previous night").
        tied = expression.anchor == "dct" and (expression.offset is not None or parsed.hour is not None)
        if unnamed_day and (parsed.hour is not None or tied):
            shift = tv.day_offset(expression.offset) if expression.offset else 0
            if shift is None:
                return None
            if reference_interval is not None:
                day_start = reference_interval[0] - (reference_interval[0] % tv.MINUTES_PER_DAY)
                interval = tv.relative_day_interval(parsed, shift)
                return (AXIS_CALENDAR, day_start + interval[0], day_start + interval[1]) if interval else None
            interval = tv.relative_day_interval(parsed, shift)
            return (AXIS_DOCUMENT, *interval) if interval else None
        return None

    entries: list[TimelineEntry] = []
    others: list[Any] = []
    ranges = [e for e in expressions if _is_range(e)]
    for expression in expressions:
        if any(r is not expression and r.start <= expression.start and expression.end <= r.end for r in ranges):
            continue  # a bound of a range ("8:10" in "between 8:10 and 12:00") is part of its entry
        if not _dates_something(expression):
            others.append(expression)
            continue
        attribution, inside = _owning_attribution(expression, attributions)
        if attribution is None:
            sets = "event"
            event = _expression_clock(expression, "stated in the sentence (the document's own account)")
            statement = Clock(publication.value, publication.precision, publication.words, "the document states it at publication")
        elif inside:
            sets = "event"
            event = _expression_clock(expression, "stated in the reported content")
            other = [
                e
                for e in expressions
                if e.sentence_id == expression.sentence_id and e is not expression and not _contains(attribution.content, e.start, e.end) and e.type in _DATING_TYPES
            ]
            statement = _expression_clock(other[0], "stated in the reporting clause") if other else _not_stated("not stated; at or before publication")
        else:
            sets = "statement"
            statement = _expression_clock(expression, "stated in the reporting clause")
            inner = [e for e in expressions if e.sentence_id == expression.sentence_id and _contains(attribution.content, e.start, e.end) and e.type in _DATING_TYPES]
            event = _expression_clock(inner[0], "stated in the reported content") if inner else _not_stated("not stated; at or before the statement")
        placement = place(expression)
        relation = None
        approx = "about " if expression.mod == "APPROX" else ""
        if expression.anchor == "expression" and expression.anchor_id in by_id:
            anchor = by_id[expression.anchor_id]
            if expression.type == "DURATION" and expression.offset is not None:
                relation = f"{approx}{_amount_words(expression.offset)} {_direction(expression.offset, expression.text)} “{anchor.text}”"
            else:  # "the previous night": the amount is the reader's inference, so the text's words stay
                relation = f"“{expression.text}”, counted from “{anchor.text}”"
        elif expression.anchor == "event" and expression.type == "DURATION":
            amount = _amount_words(expression.offset) if expression.offset else expression.text
            relation = f"{approx}{amount} {_direction(expression.offset, expression.text)} another reported event"
        reason = None
        if placement is None:
            reason = _unplaced_reason(expression, record)
        entries.append(
            TimelineEntry(
                id=f"{expression.id}",
                document_id=record.id,
                sentence_id=expression.sentence_id,
                expression_id=expression.id,
                expression_text=expression.text,
                sets=sets,
                event=event,
                statement=statement,
                publication=publication,
                attribution_id=attribution.id if attribution is not None else None,
                source=source_words(attribution.source) if attribution is not None else None,
                axis=placement[0] if placement else None,
                low=placement[1] if placement else None,
                high=placement[2] if placement else None,
                relation=relation,
                unplaced_reason=reason,
            )
        )
    ordered = sorted((e for e in entries if e.placed), key=_order_key) + [e for e in entries if not e.placed]
    return DocumentTimeline(record.id, tuple(ordered), tuple(others))


def _amount_words(offset: str) -> str:
    amount = tv.parse_duration(offset)
    if amount is None:
        unstated = {"TH": "hours", "TM": "minutes", "TS": "seconds", "D": "days", "W": "weeks", "M": "months", "Y": "years"}
        unit = offset.lstrip("-P").replace("X", "")
        return unstated.get(unit, "some time")
    minutes = abs(amount[0])
    for size, unit in ((365 * tv.MINUTES_PER_DAY, "year"), (7 * tv.MINUTES_PER_DAY, "week"), (tv.MINUTES_PER_DAY, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size and minutes % size == 0:
            count = int(minutes // size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{minutes:g} minutes"


def _unplaced_reason(expression: Any, record: DocumentRecord) -> str:
    parsed = tv.parse_date_value(expression.value)
    if expression.anchor == "event":
        return "stated relative to another reported event, whose time the text does not give"
    if expression.anchor == "expression":
        return "placed only relative to another expression whose time is not placed, or by an amount the text does not give"
    if parsed is not None and parsed.year is None and (parsed.month is not None or parsed.day is not None):
        return "the year is not stated"
    if expression.anchor == "dct" and record.dct is None:
        return "relative to the publication date, which is not stated"
    return "the text gives no position in time"


def _order_key(entry: TimelineEntry) -> tuple[Any, ...]:
    return (entry.axis != AXIS_CALENDAR, entry.low, entry.high, entry.document_id, entry.expression_id)


@dataclass(frozen=True)
class CorpusTimeline:
    documents: tuple[DocumentTimeline, ...]

    @property
    def calendar(self) -> tuple[TimelineEntry, ...]:
        """Entries with a known year, across documents, in time order."""
        entries = [e for d in self.documents for e in d.entries if e.axis == AXIS_CALENDAR]
        return tuple(sorted(entries, key=_order_key))

    def document(self, document_id: str) -> DocumentTimeline:
        return self._by_id[document_id]

    @cached_property
    def _by_id(self) -> dict[str, DocumentTimeline]:
        return {timeline.document_id: timeline for timeline in self.documents}

    @property
    def entries(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for d in self.documents for e in d.entries)


def corpus_timeline(records: Iterable[DocumentRecord]) -> CorpusTimeline:
    return CorpusTimeline(tuple(document_timeline(r) for r in records))
