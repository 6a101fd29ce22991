"""Time-expression rules as data (TIMEX3 style).

The lexicons below and the named patterns in :data:`RULES` are everything the
extractor in :mod:`sourcebound.timex` knows about how news prose states time.
Each rule names the normalizer that turns its match into a TIMEX3 value; every
extracted expression records the rule that produced it.

Span conventions follow TimeML/TIMEX3 as the MEANTIME annotators applied them:
leading prepositions ("in", "on", "at", "since") stay outside; modifiers that
change the value ("about", "less than", "early") and a determiner that belongs
to the phrase ("the past decade", "the previous night") stay inside.

Patterns are compiled case-sensitively: month and weekday names must be
capitalized (so the verbs "may" and "march" never match), while ordinary words
are wrapped in ``(?i:...)``.
"""

from __future__ import annotations

from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

#: ISO weekday numbers (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip

#: Words after a weekday that make it a title, not a date ("the Sunday Times").
WEEKDAY_TITLE_WORDS = frozenset("times telegraph mirror express herald post night-live".split())

NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
    "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5,
}  # fmt: skip

#: Quantities that state no number: the duration keeps an ``X`` ("PXY").
VAGUE_QUANTITIES = frozenset(
    "several few a few some many various numerous dozens of hundreds of thousands of".split(" ")
) | {"a few", "dozens of", "hundreds of", "thousands of", "the past few", "recent"}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1, "final": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

#: Unit word -> (ISO letter, is-time-part, precision name).
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "minute"),
    "minute": ("M", True, "minute"),
    "hour": ("H", True, "hour"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "week": ("W", False, "week"),
    "weekend": ("WE", False, "week"),
    "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "month"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "year"),
    "century": ("CE", False, "year"),
}

#: Part of day word -> TIMEX3 part-of-day code.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "daytime": "DT", "dawn": "MO", "dusk": "EV",
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

#: Named days with a fixed calendar date (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "independence day": (7, 4), "boxing day": (12, 26),
}  # fmt: skip

#: Zone words -> ISO suffix; zones only known by name keep no suffix (the zone field says it).
ZONES: dict[str, str] = {"utc": "Z", "gmt": "Z", "z": "Z"}

#: Modifier phrase -> TIMEX3 mod.
MODIFIERS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "just over": "MORE_THAN",
    "just under": "LESS_THAN", "just": None, "only": None, "barely": "LESS_THAN", "well over": "MORE_THAN",
    "early": "START", "beginning of": "START", "start of": "START", "the beginning of": "START",
    "the start of": "START", "late": "END", "end of": "END", "the end of": "END", "mid": "MID",
    "middle of": "MID", "the middle of": "MID", "the early hours of": "START",
}  # fmt: skip

#: Words for the present, past and future as a whole (TIMEX3 reference values).
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "at this time": "PRESENT_REF", "these days": "PRESENT_REF",
    "today": "PRESENT_REF", "recently": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF",
    "in the past": "PAST_REF", "the past": "PAST_REF", "once": "PAST_REF", "formerly": "PAST_REF",
    "the future": "FUTURE_REF", "in the future": "FUTURE_REF", "soon": "FUTURE_REF",
}  # fmt: skip

#: Frequency adverbs and adjectives -> SET value.
FREQUENCY_WORDS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y",
    "biannual": "P6M", "biennial": "P2Y",
}  # fmt: skip

#: Words in a sentence that point a bare weekday or month forward from the DCT.
FUTURE_CUES = frozenset("will 'll shall going expected scheduled plans plan planned set due upcoming next until".split())

# --- regex fragments --------------------------------------------------------

MONTH_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DAY_WORD = (
    r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second|"
    r"twenty-third|twenty-fourth|twenty-fifth|twenty-sixth|twenty-seventh|twenty-eighth|twenty-ninth|"
    r"thirtieth|thirty-first)"
)
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
YEAR_APOS = r"(?:['’]\d\d)"
_NUM_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
NUMBER_WORD = rf"(?i:(?:{_NUM_WORDS})(?:-(?:{_NUM_WORDS}))?)"
QUANTITY = (
    rf"(?:\d+(?:\.\d+)?|{NUMBER_WORD}(?:(?i: and a half))?|(?i:a couple of|couple of|a dozen|dozens of|hundreds of|"
    r"thousands of|a few|several|few|many|half an?|an?)(?= ))"
)
UNIT = r"(?i:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))"
UNITS_RE = rf"{UNIT}(?i:s)?"
MOD_BEFORE = (
    r"(?i:about|around|approximately|roughly|nearly|almost|less than|fewer than|more than|just over|just under|"
    r"well over|over|up to|at least|at most|no more than|no less than|upwards of|some|barely|just|only|under)"
)
PART_OF_DAY = r"(?i:morning|afternoon|evening|night)"
SEASON = r"(?i:spring|summer|autumn|fall|winter)"
CLOCK = r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
AMPM = r"(?i:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
ZONE = (
    r"(?:(?:\(\s*)?(?:UTC|GMT|Z)(?:\s*[+\-−]\s*\d{1,2}(?::?\d\d)?)?(?:\s*\))?|"
    r"(?:[A-Z][a-z]+ )?(?i:local) (?i:time)|[A-Z][a-z]+ (?i:time)|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|MSK|IST|JST)"
)
REL_WORD = r"(?i:this|last|next|past|previous|coming|following|current|preceding)"
ANAPHORIC_WORD = r"(?i:previous|following|next|preceding|same)"


@dataclass(frozen=True)
class Rule:
    """A named pattern; :mod:`sourcebound.timex` normalizes its match by ``name``."""

    name: str
    pattern: str
    #: Higher wins when two candidates have the same span.
    priority: int = 0


_UNIT_WORDS = "second minute hour day night week weekend fortnight month quarter year decade century centuries"
_UNIT_WORDS_ALL = _UNIT_WORDS + " seconds minutes hours days nights weeks weekends fortnights months quarters years decades"
_MONTH_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAY_WORDS = "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays"
_PART_WORDS = "morning afternoon evening night"

#: What every match of a rule contains: either a set of lowercase words (matched
#: against the text's words) or a regex. A rule's own pattern is then tried only
#: at word starts shortly before each hit, which keeps long texts fast.
TRIGGERS: dict[str, frozenset[str] | str] = {
    name: (frozenset(words.split()) if isinstance(words, str) and not words.startswith("re:") else words[3:])
    for name, words in {
        "date_iso": r"re:\d{4}-\d\d-",
        "date_numeric_mdy": r"re:\d/\d",
        "date_month_day_year": _MONTH_WORDS,
        "date_day_month_year": _MONTH_WORDS,
        "date_month_day": _MONTH_WORDS,
        "date_month_dayword": _MONTH_WORDS,
        "date_day_month": _MONTH_WORDS,
        "date_dayword_of_month": _MONTH_WORDS,
        "date_month_year": _MONTH_WORDS,
        "date_month": _MONTH_WORDS,
        "date_year": r"re:(?<!\d)(?:1[6-9]|20)\d\d(?!\d)",
        "date_fiscal_year": "fiscal fy",
        "date_fiscal_rel": "fiscal",
        "date_quarter": "quarter",
        "date_quarter_q": r"re:Q[1-4]",
        "date_half": "half",
        "date_season": "spring summer autumn fall winter",
        "date_decade": r"re:\d0['’]?s\b",
        "date_century": "century",
        "date_holiday": "christmas halloween valentine boxing year",
        "date_relative_day": "today tonight tomorrow yesterday",
        "date_relative_day_part": _PART_WORDS,
        "date_day_before": "yesterday tomorrow",
        "date_weekday": _WEEKDAY_WORDS,
        "date_this_unit": "week weekend month year quarter decade century day night morning afternoon evening",
        "date_later_this": "later earlier",
        "date_boundary_of": "week month year decade century",
        "date_ago": "ago",
        "reference": "now currently present presently nowadays moment days recently lately past future",
        "time_clock": r"re:\d[:.][0-5]\d",
        "time_hour_ampm": r"re:(?<![\w.])[aApP]\.?[mM]\b",
        "time_oclock": "clock",
        "time_named": "noon midnight midday",
        "time_part_of_date": "of",
        "time_early_hours": "hours",
        "time_part_of_day": "morning afternoon evening",
        "time_anaphoric_part": _PART_WORDS,
        "duration_offset": "earlier later before after previously",
        "duration_bare_offset": "seconds minutes hours days weeks months years decades",
        "duration_span": _UNIT_WORDS_ALL,
        "duration_vague": "seconds minutes hours days weeks months years decades centuries",
        "duration_unit_alone": "week month year decade century fortnight",
        "duration_half": "half",
        "set_every": "every each per",
        "set_times_per": "once twice times",
        "set_weekday_plural": _WEEKDAY_WORDS,
        "set_frequency_word": " ".join(FREQUENCY_WORDS),
        "set_a_unit": "year month week day hour",
    }.items()
}


_Y = rf"(?P<year>{YEAR})"
_D = rf"(?P<day>{DAY_NUM})"
_M = rf"(?P<month>{MONTH})"

#: The rules, in no particular order: overlapping candidates resolve longest first, then by priority.
RULES: tuple[Rule, ...] = (
    # --- calendar dates --------------------------------------------------------
    Rule("date_iso", r"\b(?P<year>\d{4})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b(?!-)", 5),
    Rule("date_numeric_mdy", r"(?<![\d/.])(?P<mon>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{4}|\d\d)(?![\d/])", 5),
    Rule(
        "date_month_day_year",
        rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:(?i:the\s+))?{_M}\.?\s+{_D}(?:,\s*|\s+)(?:(?i:of\s+))?{_Y}\b",
        5,
    ),
    Rule(
        "date_day_month_year",
        rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:(?i:the\s+))?{_D}(?:\s+(?i:of))?\s+{_M}\.?,?\s+{_Y}\b",
        5,
    ),
    Rule("date_month_day", rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?{_M}\s+{_D}\b(?![:.,]?\d)(?!\s*(?:,\s*)?{YEAR}\b)", 4),
    Rule("date_month_dayword", rf"{_M}\s+(?P<dayword>{DAY_WORD})\b", 3),
    Rule("date_day_month", rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:(?i:the\s+))?{_D}(?:\s+(?i:of))?\s+{_M}\b(?!\s*,?\s*{YEAR})", 4),
    Rule("date_dayword_of_month", rf"(?i:the\s+)(?P<dayword>{DAY_WORD})\s+(?i:of)\s+{_M}\b", 3),
    Rule(
        "date_month_year",
        rf"(?:(?P<mod>(?i:early|late|mid|the beginning of|the start of|the end of|the middle of))[- ]+)?"
        rf"(?P<month>{MONTH_FULL}|{MONTH_ABBR})(?:\s+(?i:of))?,?\s+(?P<year>{YEAR}|{YEAR_APOS})\b",
        4,
    ),
    Rule(
        "date_month",
        rf"(?:(?P<mod>(?i:early|late|mid|the beginning of|the start of|the end of|the middle of))[- ]+)?"
        rf"(?P<rel>(?i:this|last|next|past|coming)\s+)?(?P<month>{MONTH_FULL}|Sept\.|Dec\.|Nov\.|Oct\.|Aug\.|Feb\.|Jan\.)(?!\s+\d)",
        2,
    ),
    Rule(
        "date_year",
        rf"(?:(?P<mod>(?i:early|late|mid|the beginning of|the start of|the end of|the middle of|the first half of|"
        rf"the second half of|the summer of|the spring of|the autumn of|the fall of|the winter of))[- ]+)?"
        rf"(?<![$€£#\d.,/])(?<!\d-)(?<!No\. )(?P<year>{YEAR})(?![\d%]|[.,]\d|-\d|\s*(?i:percent|per cent))",
        1,
    ),
    Rule("date_fiscal_year", r"(?i:(?:the\s+)?fiscal(?:\s+year)?|FY)\s*(?P<year>(?:19|20)\d\d|['’]?\d\d)\b", 5),
    Rule("date_fiscal_rel", rf"(?i:(?:the\s+)?(?P<rel>this|last|next|current|previous|coming)\s+fiscal\s+year)", 5),
    Rule(
        "date_quarter",
        r"(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)[- ]quarter)"
        rf"(?:(?:\s+(?i:of))?(?:\s+(?i:fiscal(?:\s+year)?))?\s+(?P<year>{YEAR})\b|(?:\s+(?i:of\s+)?"
        rf"(?P<rel>(?i:this|last|next|the)\s+(?i:fiscal\s+)?year)))?",
        3,
    ),
    Rule("date_quarter_q", rf"\bQ(?P<ordnum>[1-4])(?:\s+|\s*/\s*)?(?P<year>{YEAR}|'\d\d)?\b", 3),
    Rule(
        "date_half",
        rf"(?i:(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half)(?:\s+(?i:of)\s+(?:(?P<year>{YEAR})|(?P<rel>(?i:this|last|next|the)\s+year)))?",
        3,
    ),
    Rule(
        "date_season",
        rf"(?:(?P<rel>(?i:this|last|next|past|coming)\s+)|(?i:the\s+))?(?P<mod>(?i:early|late|mid)[- ])?"
        rf"(?P<season>{SEASON})(?:\s+(?i:of\s+)?(?P<year>{YEAR}))?\b",
        2,
    ),
    Rule("date_decade", r"(?i:(?:the\s+)?(?:(?P<mod>early|late|mid)[- ])?)(?P<decade>1[6-9]\d0|20\d0|['’]\d0)['’]?s\b", 4),
    Rule(
        "date_century",
        r"(?i:(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first|eighteenth)[- ]century)",
        3,
    ),
    Rule("date_holiday", r"(?i:christmas(?: day| eve)?|new year['’]s(?: day| eve)|halloween|valentine['’]s day|boxing day)", 2),
    # --- the DCT and its neighbours --------------------------------------------
    Rule("date_relative_day", r"\b(?P<word>(?i:today|yesterday|tomorrow|tonight))\b(?:['’]s)?", 3),
    Rule(
        "date_relative_day_part",
        rf"\b(?P<word>(?i:yesterday|tomorrow|this|last))\s+(?P<part>{PART_OF_DAY})\b",
        4,
    ),
    Rule("date_day_before", r"(?i:the\s+day\s+(?P<dir>before|after)\s+(?P<word>yesterday|tomorrow))", 5),
    Rule(
        "date_weekday",
        rf"(?:(?P<rel>(?i:this|last|next|this past|this coming|coming|past)\s+))?(?P<weekday>{WEEKDAY})"
        rf"(?:\s+(?P<part>{PART_OF_DAY}))?\b",
        2,
    ),
    Rule(
        "date_this_unit",
        rf"(?P<rel>(?i:this|last|next|the\s+coming|the\s+current|the\s+past|the\s+previous|the\s+following|the\s+same|the\s+next|the\s+last|this\s+past|current|coming))\s+"
        r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|day|night|morning|afternoon|evening))\b",
        3,
    ),
    Rule(
        "date_later_this",
        r"(?P<mod>(?i:later|earlier))\s+(?P<rel>(?i:this|next|last))\s+(?P<unit>(?i:week|month|year|decade))\b",
        4,
    ),
    Rule(
        "date_boundary_of",
        r"(?P<mod>(?i:the\s+(?:beginning|start|end|middle)\s+of|early|late))\s+(?P<rel>(?i:the|this|next|last))\s+"
        r"(?P<unit>(?i:week|month|year|decade|century))\b",
        4,
    ),
    Rule("date_ago", rf"(?:(?P<mod>{MOD_BEFORE})\s+)?(?P<qty>{QUANTITY})[- ]?(?P<unit>{UNITS_RE})\s+(?i:ago)\b", 6),
    Rule("reference", r"\b(?P<word>(?i:right now|now|currently|at present|presently|nowadays|at the moment|these days|recently|more recently|lately|the past|the future))\b", 1),
    # --- clock times -----------------------------------------------------------
    Rule(
        "time_clock",
        rf"(?<![\d.,:])(?P<hour>[01]?\d|2[0-3])(?P<sep>[:.])(?P<minute>[0-5]\d)(?![\d.,:]\d)(?:\s*(?P<ampm>{AMPM}))?"
        rf"(?:\s*(?P<zone>{ZONE}))?(?:\s+(?P<part>(?i:(?:on\s+)?(?:this|yesterday|tomorrow|last)\s+(?:morning|afternoon|evening|night))))?",
        5,
    ),
    Rule("time_hour_ampm", rf"(?<![\d.,:])(?P<hour>1[0-2]|0?[1-9])\s*(?P<ampm>{AMPM})(?:\s*(?P<zone>{ZONE}))?", 5),
    Rule("time_oclock", r"(?P<hour>(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|1[0-2]|[1-9])\s+o['’]clock", 5),
    Rule("time_named", r"\b(?P<word>(?i:noon|midnight|midday))\b", 2),
    Rule(
        "time_part_of_date",
        rf"(?P<early>(?i:the\s+(?:early|late)\s+(?:hours|morning|evening)\s+of\s+|the\s+))?(?P<part>{PART_OF_DAY})\s+(?i:of)\s+"
        rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:(?P<month>{MONTH})\s+(?P<day>{DAY_NUM})|(?P<day2>{DAY_NUM})\s+(?P<month2>{MONTH}))(?:,?\s+(?P<year>{YEAR}))?\b",
        6,
    ),
    Rule(
        "time_early_hours",
        r"(?i:the\s+(?P<edge>early|small|late|wee)\s+hours(?:\s+of\s+(?:the\s+)?(?P<part>morning|night|evening|day))?)",
        4,
    ),
    Rule("time_part_of_day", r"(?i:(?:the\s+)?(?P<early>early|late)\s+(?P<part>morning|afternoon|evening))", 1),
    Rule("time_anaphoric_part", rf"(?i:the\s+(?P<rel>previous|following|next|preceding|same)\s+(?P<part>morning|afternoon|evening|night))", 5),
    # --- durations ------------------------------------------------------------
    Rule(
        "duration_offset",
        rf"(?:(?P<mod>{MOD_BEFORE})\s+)?(?P<qty>{QUANTITY})[- ](?P<unit>{UNITS_RE})\s+(?P<dir>(?i:earlier|later|before|after|previously))\b(?!\s+(?i:than|the|a|an|he|she|they|it|his|her|their|its|this|that|[a-z]+ing)\b)",
        6,
    ),
    Rule("duration_bare_offset", rf"(?:(?P<mod>(?i:just|only|mere|some|within))\s+)?(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades))(?=\s+(?P<dir>(?i:after|before|earlier|later|ago)))", 4),
    Rule(
        "duration_span",
        rf"(?:(?P<the>(?i:the\s+(?:next|past|last|previous|following|coming|first|final|preceding)\s+))|(?P<mod>{MOD_BEFORE})\s+)?"
        rf"(?P<qty>{QUANTITY})[- ](?P<unit>{UNITS_RE})(?P<adj>-(?i:long|old))?\b(?![-–]\w)",
        3,
    ),
    Rule(
        "duration_vague",
        rf"(?:(?P<the>(?i:the\s+(?:past|last|next|coming|previous)\s+(?:few\s+|several\s+)?))|(?i:(?:over\s+)?the\s+)|(?P<recent>(?i:recent\s+)))?"
        r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries))(?P<adj>-(?i:long))?\b",
        0,
    ),
    Rule("duration_unit_alone", r"(?i:(?P<the>the\s+(?:past|last|next|coming|previous|following|whole|entire)\s+)(?P<unit>week|month|year|decade|century|fortnight))\b", 2),
    Rule("duration_half", r"(?i:(?P<mod>about|around|nearly|almost|more than|less than|over)\s+)?(?i:half\s+an?\s+(?P<unit>hour|day|year|century|decade))", 4),
    # --- sets ------------------------------------------------------------------
    Rule("set_every", rf"(?i:(?:every|each|per)\s+(?:(?P<qty>other|\d+|{_NUM_WORDS})\s+)?)(?P<unit>{UNITS_RE}|(?P<weekday>{WEEKDAY})s?)\b", 4),
    Rule("set_times_per", rf"(?P<freq>(?i:once|twice|three times|four times|\d+\s+times))\s+(?i:a|an|per|each|every)\s+(?P<unit>{UNIT})\b", 5),
    Rule("set_weekday_plural", rf"(?P<weekday>{WEEKDAY})s\b", 1),
    Rule("set_frequency_word", r"\b(?P<word>(?i:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|annual|yearly|biannual|biennial))\b", 1),
    Rule("set_a_unit", rf"(?:(?<=\d )|(?<=ion ))(?i:a|an|per)\s+(?P<unit>(?i:year|month|week|day|hour))\b", 7),
)

#: Connecting words that join two point expressions into a range.
RANGE_OPENERS: dict[str, tuple[str, ...]] = {
    "between": ("and",),
    "from": ("to", "until", "till", "through", "-", "–"),
    "": ("-", "–", "to", "until", "through"),
}
