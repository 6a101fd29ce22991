"""TIMEX3 values are read, placed and worded at exactly their precision."""

from __future__ import annotations

import pytest

from sourcebound import timevalue as tv


@pytest.mark.parametrize(
    ("value", "precision", "words"),
    [
        ("2013-03-22", "day", "22 March 2013"),
        ("XXXX-10-31TEV", "part-of-day", "the evening of 31 October (year not stated)"),
        ("XXXX-XX-XXT13:02", "minute", "13:02 (day not stated)"),
        ("XXXX-XX-XXTNI", "part-of-day", "night (day not stated)"),
        ("2008", "year", "2008"),
        ("2008-03", "month", "March 2008"),
        ("199X", "decade", "the 1990s"),
        ("2024-W05", "week", "week 5 2024"),
        ("2024-Q3", "year", "quarter 3 2024"),
        ("2024-11-01T08:10", "minute", "1 November 2024, 08:10"),
        ("2024-11-01T08", "hour", "1 November 2024, 08h"),
        ("XXXX-WXX-5", "day", "Friday (date not stated)"),
        ("XXXX-WXX-5TEV", "part-of-day", "the evening of Friday (date not stated)"),
        ("2024-W05-5", "day", "Friday of week 5 2024"),
    ],
)
def test_values_are_worded_at_their_precision(value: str, precision: str, words: str) -> None:
    parsed = tv.parse_date_value(value)
    assert parsed is not None
    assert parsed.precision == precision
    assert tv.describe(value) == words


def test_a_date_without_a_year_is_not_placed_on_the_calendar() -> None:
    parsed = tv.parse_date_value("XXXX-10-31")
    assert parsed is not None and tv.absolute_interval(parsed) is None
    assert tv.relative_day_interval(parsed) is None


def test_intervals_cover_exactly_what_is_stated() -> None:
    day = tv.absolute_interval(tv.parse_date_value("2024-11-01"))  # type: ignore[arg-type]
    minute = tv.absolute_interval(tv.parse_date_value("2024-11-01T13:02"))  # type: ignore[arg-type]
    evening = tv.absolute_interval(tv.parse_date_value("2024-11-01TEV"))  # type: ignore[arg-type]
    month = tv.absolute_interval(tv.parse_date_value("2024-12"))  # type: ignore[arg-type]
    assert day and minute and evening and month
    assert day[1] - day[0] == tv.MINUTES_PER_DAY
    assert minute[1] - minute[0] == 1 and day[0] <= minute[0] < day[1]
    assert evening[0] == day[0] + 18 * 60
    assert month[1] - month[0] == 31 * tv.MINUTES_PER_DAY


def test_time_of_day_on_an_unnamed_day_is_placed_on_the_documents_day() -> None:
    assert tv.relative_day_interval(tv.parse_date_value("XXXX-XX-XXT13:02")) == (13 * 60 + 2, 13 * 60 + 3)  # type: ignore[arg-type]
    assert tv.relative_day_interval(tv.parse_date_value("XXXX-XX-XXTNI"), -1) == (-3 * 60, 6 * 60)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "minutes"),
    [("PT15M", 15.0), ("-PT15M", -15.0), ("P1D", 1440.0), ("-P1W", -7 * 1440.0), ("PTXH", None), ("P2Y", 2 * 365 * 1440.0)],
)
def test_durations(value: str, minutes: float | None) -> None:
    parsed = tv.parse_duration(value)
    assert (parsed[0] if parsed else None) == minutes


def test_day_offsets() -> None:
    assert tv.day_offset("-P1D") == -1
    assert tv.day_offset("P2D") == 2
    assert tv.day_offset("-PT15M") is None
