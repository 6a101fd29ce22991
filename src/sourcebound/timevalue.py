"""TIMEX3 values: reading them, placing them on a time axis, saying them in words.

A value is read for what it states and nothing more. ``XXXX-10-31TEV`` is the
evening of 31 October in a year the text does not give: it can be said in words,
but it cannot be placed among dated events, because the year is not known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

#: Parts of the day as TIMEX3 names them, with the hours (from, to) used to draw
#: them as ranges. The ranges are a drawing convention, stated on the method page.
PARTS_OF_DAY: dict[str, tuple[str, int, int]] = {
    "MO": ("morning", 6, 12),
    "MI": ("midday", 11, 13),
    "AF": ("afternoon", 12, 18),
    "EV": ("evening", 18, 22),
    "NI": ("night", 21, 30),  # to 06:00 of the next day
    "DT": ("daytime", 6, 18),
}
SEASONS = {"SP": ("spring", 3, 6), "SU": ("summer", 6, 9), "FA": ("autumn", 9, 12), "WI": ("winter", 12, 15)}
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
MINUTES_PER_DAY = 24 * 60
#: How an approximate offset ("about 15 minutes earlier") is drawn: the stated
#: amount, plus or minus this share of it.
APPROXIMATE_SPREAD = 0.25

_VALUE = re.compile(
    r"^(?P<year>\d{4}|\d{3}X?|\d{2}XX|XXXX)"
    r"(?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?|W(?P<week>\d{2}|XX)(?:-(?P<weekday>[1-7]))?|Q(?P<quarter>[1-4X])|H(?P<half>[12X])|(?P<season>SP|SU|FA|WI)))?"
    r"(?:T(?:(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?)?|(?P<pod>MO|MI|AF|EV|NI|DT)))?"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_DURATION = re.compile(r"^(?P<sign>-)?P(?:(?P<n>\d+(?:\.\d+)?|X)(?P<unit>[YMWDE]|C|L)|T(?P<tn>\d+(?:\.\d+)?|X)(?P<tunit>[HMS]))$")


@dataclass(frozen=True)
class DateValue:
    """The parts a DATE or TIME value states; ``None`` where it states nothing."""

    year: int | None = None
    decade: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    weekday: int | None = None  # 1 Monday ... 7 Sunday
    quarter: int | None = None
    season: str | None = None
    hour: int | None = None
    minute: int | None = None
    part_of_day: str | None = None
    zone: str | None = None

    @property
    def has_time(self) -> bool:
        return self.hour is not None or self.part_of_day is not None

    @property
    def time_only(self) -> bool:
        """A time of day on a day the value does not name (``XXXX-XX-XXT13:02``)."""
        return self.has_time and self.year is None and self.month is None and self.day is None

    @property
    def precision(self) -> str:
        if self.minute is not None:
            return "minute"
        if self.hour is not None:
            return "hour"
        if self.part_of_day is not None:
            return "part-of-day"
        if self.day is not None or self.weekday is not None:
            return "day"
        if self.week is not None:
            return "week"
        if self.month is not None:
            return "month"
        # Quarters and seasons sit between month and year; the precision scale
        # has no level for them, so they claim no more than a year.
        if self.year is not None:
            return "year"
        if self.decade is not None:
            return "decade"
        return "unknown"


@lru_cache(maxsize=4096)  # a document's timeline reads the same few values many times
def parse_date_value(value: str) -> DateValue | None:
    """Read a TIMEX3 DATE/TIME value; ``None`` for anything else (durations, ``PRESENT_REF``…).

    The result is immutable, so one parse is shared by every caller."""
    match = _VALUE.match(value or "")
    if not match:
        return None
    g = match.groupdict()

    def number(key: str) -> int | None:
        text = g.get(key)
        return int(text) if text and "X" not in text else None

    year_text = g["year"]
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    decade = int(year_text[:3]) * 10 if year is None and year_text[:3].isdigit() else None
    return DateValue(
        year=year,
        decade=decade,
        month=number("month"),
        day=number("day"),
        week=number("week"),
        weekday=number("weekday"),
        quarter=number("quarter"),
        season=g.get("season"),
        hour=number("hour"),
        minute=number("minute"),
        part_of_day=g.get("pod"),
        zone=g.get("zone"),
    )


def parse_duration(value: str | None) -> tuple[float, bool] | None:
    """A duration (``PT15M``, ``-P1D``) in minutes with its sign, or ``None``
    when the amount is not stated (``PTXH``: "hours")."""
    if not value:
        return None
    match = _DURATION.match(value)
    if not match:
        return None
    negative = bool(match["sign"])
    amount, unit = (match["n"], match["unit"]) if match["n"] else (match["tn"], "T" + match["tunit"])
    if amount == "X":
        return None
    minutes_per_unit = {
        "TH": 60,
        "TM": 1,
        "TS": 1 / 60,
        "D": MINUTES_PER_DAY,
        "W": 7 * MINUTES_PER_DAY,
        "M": 30 * MINUTES_PER_DAY,
        "Y": 365 * MINUTES_PER_DAY,
        "E": 3650 * MINUTES_PER_DAY,
        "C": 36500 * MINUTES_PER_DAY,
        "L": 365000 * MINUTES_PER_DAY,
    }[unit]
    minutes = float(amount) * minutes_per_unit
    return (-minutes if negative else minutes), negative


def _day_minutes(value: DateValue) -> tuple[float, float]:
    """The stated part of one day as (from, to) minutes after midnight."""
    if value.hour is not None:
        start = value.hour * 60 + (value.minute or 0)
        return start, start + (1 if value.minute is not None else 60)
    if value.part_of_day is not None:
        _, first, last = PARTS_OF_DAY[value.part_of_day]
        return first * 60, last * 60
    return 0, MINUTES_PER_DAY


def absolute_interval(value: DateValue) -> tuple[float, float] | None:
    """Minutes since 0001-01-01 covering exactly what the value states, if it
    names a year; ``None`` otherwise."""
    if value.year is None:
        return None
    year = value.year

    def minutes(day: date) -> float:
        return day.toordinal() * MINUTES_PER_DAY

    try:
        if value.month is not None and value.day is not None:
            start = minutes(date(year, value.month, value.day))
            low, high = _day_minutes(value)
            return start + low, start + high
        if value.month is not None:
            first = date(year, value.month, 1)
            following = date(year + (value.month == 12), value.month % 12 + 1, 1)
            return minutes(first), minutes(following)
        if value.week is not None and value.weekday is not None:
            start = minutes(date.fromisocalendar(year, value.week, value.weekday))
            low, high = _day_minutes(value)
            return start + low, start + high
        if value.week is not None:
            first = date.fromisocalendar(year, value.week, 1)
            return minutes(first), minutes(first + timedelta(days=7))
        if value.quarter is not None:
            first = date(year, 3 * value.quarter - 2, 1)
            following = date(year + (value.quarter == 4), (3 * value.quarter) % 12 + 1, 1)
            return minutes(first), minutes(following)
        if value.season is not None:
            _, first_month, last_month = SEASONS[value.season]
            first = date(year, first_month, 1)
            following = date(year + (last_month > 12), (last_month - 1) % 12 + 1, 1)
            return minutes(first), minutes(following)
        return minutes(date(year, 1, 1)), minutes(date(year + 1, 1, 1))
    except ValueError:
        return None


def relative_day_interval(value: DateValue, day_offset: int = 0) -> tuple[float, float] | None:
    """For a time of day on an unnamed day: minutes from midnight of the
    document's reference day, moved by ``day_offset`` days."""
    if value.year is not None or value.month is not None or value.day is not None:
        return None
    low, high = _day_minutes(value) if value.has_time else (0, MINUTES_PER_DAY)
    base = day_offset * MINUTES_PER_DAY
    return base + low, base + high


def day_offset(offset: str | None) -> int | None:
    """A whole number of days from an ISO offset such as ``-P1D``; else ``None``."""
    match = re.match(r"^(-)?P(\d+)D$", offset or "")
    if not match:
        return None
    return -int(match[2]) if match[1] else int(match[2])


def describe(value: str) -> str:
    """A TIMEX3 value in words, at exactly its precision: ``XXXX-10-31TEV`` ->
    "the evening of 31 October (year not stated)"."""
    parsed = parse_date_value(value)
    if parsed is None:
        return {
            "PRESENT_REF": "the present (as the document puts it)",
            "PAST_REF": "the past (unspecified)",
            "FUTURE_REF": "the future (unspecified)",
        }.get(value, value)
    day_part = ""
    if parsed.month is not None:
        day_part = MONTHS[parsed.month - 1]
        if parsed.day is not None:
            day_part = f"{parsed.day} {day_part}"
    elif parsed.weekday is not None:
        day_part = WEEKDAYS[parsed.weekday - 1]
        if parsed.week is not None:
            day_part += f" of week {parsed.week}"
    elif parsed.week is not None:
        day_part = f"week {parsed.week}"
    elif parsed.quarter is not None:
        day_part = f"quarter {parsed.quarter}"
    elif parsed.season is not None:
        day_part = SEASONS[parsed.season][0]
    if parsed.year is not None:
        day_part = f"{day_part} {parsed.year}".strip()
    elif parsed.decade is not None:
        day_part = f"{day_part} the {parsed.decade}s".strip()
    elif day_part and parsed.weekday is not None and parsed.week is None:
        day_part += " (date not stated)"
    elif day_part:
        day_part += " (year not stated)"
    if parsed.hour is not None:
        clock = f"{parsed.hour:02d}:{parsed.minute:02d}" if parsed.minute is not None else f"{parsed.hour:02d}h"
        text = f"{day_part}, {clock}" if day_part else f"{clock} (day not stated)"
    elif parsed.part_of_day is not None:
        name = PARTS_OF_DAY[parsed.part_of_day][0]
        text = f"the {name} of {day_part}" if day_part else f"{name} (day not stated)"
    else:
        text = day_part
    if parsed.zone:
        text += " UTC" if parsed.zone == "Z" else f" UTC{parsed.zone}"
    return text or "not stated"
