"""Time expressions (TIMEX3 style): find them, then normalize them.

:func:`extract_times` runs the named rules of :mod:`sourcebound.rules.timex`
over a text, keeps the longest non-overlapping candidates, and normalizes each
to a TIMEX3 type and value.

Conventions:

* With a document creation time (``dct``: ``YYYY-MM-DD``, ``YYYY-MM`` or
  ``YYYY``) relative expressions resolve against it as TempEval does ("Friday"
  is the most recent Friday unless the sentence points forward; "October 31st"
  takes the DCT's year). Without one they keep ``X`` placeholders, anchor
  ``"dct"`` and an ``offset``; the clock is never read.
* Anaphoric expressions ("the previous night", "the next day") anchor on the
  latest day-precise expression before them (``anchor == "expression"``), and
  on the DCT only when there is none.
* Offsets from an event ("15 minutes earlier", "hours after") are DURATIONs
  with ``anchor == "event"`` and a signed ``offset``.
* A range ("between 8:10 and 12:00", "from 2009 to 2011") yields a DURATION
  over the whole phrase carrying ``begin``/``end_value`` *and* each endpoint as
  its own expression, nested inside it, as MEANTIME annotates ranges.
  :func:`outermost` drops the nested endpoints when a flat list is wanted.
* ``precision`` never claims more than the expression states; a value never
  carries more detail than its precision (see :func:`value_precision`).
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from .rules import timex as R

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Segmentation

__all__ = [
    "PRECISIONS",
    "TimeExpression",
    "extract_times",
    "outermost",
    "precision_rank",
    "value_precision",
]

#: Coarsest first. Sub-year periods (quarters, halves, seasons) count as year precision.
PRECISIONS = ("unknown", "year", "month", "week", "day", "part-of-day", "hour", "minute")


@dataclass(frozen=True)
class TimeExpression:
    id: str
    start: int
    end: int
    text: str
    type: str
    value: str
    precision: str
    anchor: str
    anchor_id: str | None = None
    mod: str | None = None
    zone: str | None = None
    begin: str | None = None
    end_value: str | None = None
    offset: str | None = None
    sentence_id: str | None = None
    rule: str = ""

    def to_json(self) -> dict:
        # Every field is a string, a number or None: nothing to copy, as asdict() would.
        return {name: getattr(self, name) for name in _EXPRESSION_FIELDS}


_EXPRESSION_FIELDS = tuple(f.name for f in fields(TimeExpression))


# --- compiled rules -----------------------------------------------------------

#: Trigger patterns and a faster form of each that matches exactly where it does:
#: a look-behind moved after the first letter lets the engine skip from candidate letter to letter.
_FASTER_TRIGGERS = {r"(?<![\w.])[aApP]\.?[mM]\b": r"[aApP](?<![\w.][aApP])\.?[mM]\b"}

_COMPILED = tuple(
    (
        rule,
        re.compile(rule.pattern),
        re.compile(_FASTER_TRIGGERS.get(t, t)) if isinstance(t := R.TRIGGERS.get(rule.name), str) else t,
    )
    for rule in R.RULES
)
#: A word of the text, for its trigger words: a run of letters.
_TRIGGER_WORD = re.compile(r"[^\W\d_]+")
#: Every trigger word and trigger pattern of every rule: a text with none of them holds no expression.
_TRIGGER_WORDS = frozenset().union(*(t for _, _, t in _COMPILED if isinstance(t, frozenset)))


def _trie(words: frozenset[str] | set[str]) -> str:
    """A regex alternation of ``words`` with shared prefixes factored out
    ("da(?:ily|ys?)"), so the engine reads each letter once instead of once per word."""
    heads: dict[str, set[str]] = {}
    for word in words:
        if word:
            heads.setdefault(word[0], set()).add(word[1:])
    branches = [re.escape(head) + _trie(tails) for head, tails in sorted(heads.items())]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{group})?" if "" in words else group


#: A whole run of letters that is a trigger word, in lower-cased text, after a
#: character other than a word character ("\b" is quicker than a look-behind) ...
_TRIGGER_WORD_IN_LOWERED = re.compile(rf"\b(?:{_trie(_TRIGGER_WORDS)})(?![^\W\d_])")
#: ... or after a digit or an underscore, the word characters that are not letters.
_TRIGGER_WORD_AFTER_DIGIT = re.compile(rf"(?<=[\d_])(?:{_trie(_TRIGGER_WORDS)})(?![^\W\d_])")
#: Rule indices by trigger word, and the rules a pattern triggers.
_TRIGGERED_BY: dict[str, tuple[int, ...]] = {
    word: tuple(i for i, (_, _, t) in enumerate(_COMPILED) if isinstance(t, frozenset) and word in t) for word in _TRIGGER_WORDS
}
_PATTERN_TRIGGERS: tuple[tuple[re.Pattern[str], tuple[int, ...]], ...] = tuple(
    (trigger, tuple(i for i, (_, _, t) in enumerate(_COMPILED) if t is trigger))
    for trigger in dict.fromkeys(t for _, _, t in _COMPILED if isinstance(t, re.Pattern))
)
#: Rules whose trigger pattern matches only text that starts with a digit and
#: holds no whitespace: the pattern is searched only from each digit to the end of its word.
_DIGIT_TRIGGERED = frozenset({"date_iso", "date_numeric_mdy", "date_year", "date_decade", "time_clock"})
_IN_FIGURES = frozenset(trigger for rule, _, trigger in _COMPILED if rule.name in _DIGIT_TRIGGERED)
#: Where a digit-started pattern may match: a digit and the rest of its word.
_FIGURE = re.compile(r"\d\S*")
#: Phrases a rule cannot match without, with the trigger words they start with:
#: when the lower-cased text holds the phrase at none of those words, the rule is
#: not tried. "the morning of 3 May" needs a part of the day followed by "of",
#: which the rule's frequent trigger word "of" alone does not tell.
_NEEDED: dict[str, tuple[tuple[str, ...], re.Pattern[str]]] = {
    "time_part_of_date": (
        ("morning", "afternoon", "evening", "night"),
        re.compile(r"(?:morning|afternoon|evening|night)\s+of(?![^\W\d_])"),
    ),
}
_NEEDED_BY_INDEX = {i: _NEEDED[rule.name] for i, (rule, _, _) in enumerate(_COMPILED) if rule.name in _NEEDED}
#: Letters a case-blind pattern matches to "i" or "s" though they lower to themselves:
#: in a text with one, lower-case phrases prove nothing.
_CASE_UNSAFE = "ıſ"


def _either_of_shared_triggers() -> dict[int, re.Pattern[str]]:
    """For each rule that shares its trigger with other rules, one pattern that
    matches where any of them does: one try of it at a word start tells where
    none of them needs trying (eight rules share the month names)."""
    by_trigger: dict[frozenset[str] | str, list[int]] = {}
    for index, (_, _, trigger) in enumerate(_COMPILED):
        if trigger is not None:
            by_trigger.setdefault(trigger if isinstance(trigger, frozenset) else trigger.pattern, []).append(index)
    either_of: dict[int, re.Pattern[str]] = {}
    for sharing in by_trigger.values():
        if len(sharing) > 1:
            # The patterns name the same groups, so the names are dropped.
            either = re.compile("|".join(re.sub(r"\(\?P<\w+>", "(?:", _COMPILED[index][0].pattern) for index in sharing))
            either_of.update(dict.fromkeys(sharing, either))
    return either_of


_EITHER_OF = _either_of_shared_triggers()

#: Rules without a trigger: tried over the whole text whenever a trigger pattern occurs.
_UNTRIGGERED = tuple(i for i, (_, _, t) in enumerate(_COMPILED) if t is None)
#: How far before a trigger hit an expression may start; longer than any expression.
_WINDOW = 60
_WORD = re.compile(r"[\w'’]+")
_FUTURE = re.compile(
    r"\b(?:(?:will|shall|would)(?:\s+not)?\s+(?:be|have)\s+[a-z]+|will|won['’]t|shall|going to|expected to|scheduled|set to|plans? to|planning to|is to|are to|"
    r"upcoming|intends? to|to be held|to begin|to start|to launch)\b|['’]ll\b",
    re.IGNORECASE,
)
#: Past-tense cues: simple past verbs ("announced", "said") and past auxiliaries.
_PAST = re.compile(
    r"\b(?:[a-z]+ed|said|was|were|had|did|told|came|made|took|gave|went|met|began|held|won|saw|sold|left|rose|"
    r"fell|became|brought|bought|spoke|wrote|flew|ago|last)\b",
    re.IGNORECASE,
)
_YEAR_CONTEXT_BEFORE = frozenset(
    "in since of the by from until till to during for early late mid fiscal before after year through "
    "between around circa c. about 's season summer winter spring autumn fall".split()
)
#: Plural nouns without a final "s": "2009 people" counts people, it is not a year.
_COUNT_NOUNS = frozenset("people staff men women children personnel police cattle".split())
_NOT_PLURALS = frozenset("this thus less unless plus does across whereas always perhaps towards afterwards".split())
_MAY_CONTEXT = frozenset("in since until by of early late mid last next this through from to during before after".split())
_PROBABLY_A_RATE = re.compile(r"^\s*(?:to|-|–)\s*\d")


@dataclass
class _Candidate:
    start: int
    end: int
    rule: R.Rule
    match: re.Match[str]


@dataclass
class _Dct:
    year: int | None
    month: int | None
    day: int | None

    @property
    def date(self) -> _dt.date | None:
        if self.year and self.month and self.day:
            return _dt.date(self.year, self.month, self.day)
        return None


def _parse_dct(dct: str | None) -> _Dct:
    if not dct:
        return _Dct(None, None, None)
    m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", dct.strip())
    if not m:
        raise ValueError(f"dct must be YYYY, YYYY-MM or YYYY-MM-DD, got {dct!r}")
    year, month, day = (int(g) if g else None for g in m.groups())
    return _Dct(year, month, day)


# --- small helpers ------------------------------------------------------------


def _number(text: str) -> float | None:
    """The number a quantity states, or ``None`` when it states none ("several")."""
    t = text.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    if t in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[t] + half
    if "-" in t:
        parts = t.split("-")
        if all(p in R.NUMBER_WORDS for p in parts):
            return sum(R.NUMBER_WORDS[p] for p in parts) + half
    return None


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in R.UNITS else u


def _duration_value(n: float | None, unit: str) -> str:
    key = _unit_key(unit)
    letter, is_time, _ = R.UNITS[key]
    q = "X" if n is None else None
    if key == "decade":
        letter, n = ("DE", n) if n is None else ("Y", n * 10)
    elif key == "century":
        letter, n = ("CE", n) if n is None else ("Y", n * 100)
    elif key == "quarter":
        letter, n = ("Q", n) if n is None else ("M", n * 3)
    elif key == "weekend":
        letter = "WE"
    amount = q or _fmt(n or 0)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _unit_precision(unit: str) -> str:
    return R.UNITS[_unit_key(unit)][2]


def _month_of(name: str) -> int:
    return R.MONTHS[name.lower().rstrip(".")]


def _day_of(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _dayword(text: str) -> int:
    words = {w: i + 1 for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second twenty-third "
        "twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth thirty-first".split()
    )}  # fmt: skip
    return words[text.lower()]


def _ymd(year: int | None, month: int | None = None, day: int | None = None) -> str:
    y = f"{year:04d}" if year is not None else "XXXX"
    if month is None:
        return y
    m = f"{month:02d}"
    if day is None:
        return f"{y}-{m}"
    return f"{y}-{m}-{day:02d}"


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        _dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _shift_days(year: int | None, month: int, day: int, days: int) -> tuple[int | None, int, int]:
    """Shift a calendar day; an unknown year uses a leap year so 29 February survives."""
    base = _dt.date(year if year is not None else 2000, month, day) + _dt.timedelta(days=days)
    return (base.year if year is not None else None), base.month, base.day


def _week_value(date: _dt.date) -> str:
    iso = date.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _previous_word(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 40) : start])
    return words[-1].lower() if words else ""


def _next_word(text: str, end: int) -> str:
    m = _WORD.search(text, end, min(len(text), end + 40))
    return m.group() if m and not text[end : m.start()].strip() else ""


def _first(span: tuple[int, int]) -> int:
    return span[0]


def _sentence_bounds(text: str, start: int, end: int, spans: list[tuple[int, int]] | None) -> tuple[int, int]:
    if spans:
        i = bisect_right(spans, start, key=_first) - 1
        if i >= 0 and spans[i][0] <= start < spans[i][1]:
            return spans[i]
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    return left + 1, (min(right_candidates) if right_candidates else len(text))


def _resolve_year_for_month(dct: _Dct, month: int, forward: bool) -> int | None:
    """TempEval convention: the DCT's year, moved across a year boundary only when the tense demands it."""
    if dct.year is None:
        return None
    if dct.month is None:
        return dct.year
    if not forward and month - dct.month >= 6:
        return dct.year - 1
    if forward and dct.month - month >= 6:
        return dct.year + 1
    return dct.year


# --- candidate finding --------------------------------------------------------


def _acceptable(text: str, cand: _Candidate) -> bool:
    """Guards a pattern cannot express: context words and obvious non-times."""
    m, name = cand.match, cand.rule.name
    groups = m.groupdict()
    if name == "date_year":
        if groups.get("mod"):
            return True
        prev = _previous_word(text, m.start("year"))
        nxt = _next_word(text, m.end())
        if _PROBABLY_A_RATE.match(text[m.end() : m.end() + 6]) and not re.match(r"^\s*(?:[-–]|to)\s*(?:19|20)?\d\d\b", text[m.end() :]):
            return False
        if nxt and nxt[0].islower() and ((len(nxt) > 3 and nxt.endswith("s") and nxt not in _NOT_PLURALS) or nxt in _COUNT_NOUNS) and prev not in _YEAR_CONTEXT_BEFORE:
            return False
        if prev in {"boeing", "airbus", "model", "windows", "number", "no", "flight", "route", "highway", "room"}:
            return False
        return True
    if name in {"date_month", "date_month_year"} and groups.get("month", "").startswith("May"):
        if groups.get("mod") or groups.get("rel") or groups.get("year"):
            return True
        return _previous_word(text, m.start()) in _MAY_CONTEXT
    if name == "date_month":
        nxt = _next_word(text, m.end())
        if nxt[:1].isupper() and not groups.get("rel") and text[m.end() : m.end() + 1] == " ":
            return False  # "April Fools", "June Carter": a name, not a month
        return True
    if name in {"date_weekday", "set_weekday_plural"}:
        return _next_word(text, m.end()).lower() not in R.WEEKDAY_TITLE_WORDS
    if name == "time_clock":
        if groups["sep"] == "." and not (groups.get("ampm") or groups.get("zone")):
            return False
        return True
    if name == "time_hour_ampm":
        return True
    if name == "duration_vague":
        return bool(groups.get("the") or groups.get("recent") or groups.get("adj") or m.group().lower().startswith(("over the", "the ")) or _previous_word(text, m.start()) in {"for", "in", "within", "over", "after", "take", "takes", "took", "lasted", "last", "spent"})
    if name == "reference":
        word = groups["word"].lower()
        if word == "now" and _next_word(text, m.end()).lower() in {"that"}:
            return True
        return True
    if name == "set_frequency_word":
        return True
    if name == "duration_span":
        qty = groups["qty"].lower()
        if qty in {"a", "an"} and _previous_word(text, m.start()) in {"per", "every", "each", "once", "twice", "times"}:
            return False
        if qty in {"a", "an"} and groups["unit"].lower().endswith("s"):
            return False  # "a decades-long dispute": the article belongs to the noun
        if qty in {"a", "an"} and groups["unit"].lower() == "second":
            return False  # "a second" is nearly always the ordinal
        return True
    return True


#: A character a word starts after: whitespace, an opening bracket or quotation mark, a dash or a slash.
_BEFORE_WORD = re.compile(r"[\s(\"“‘'—–/-](?=\S)")


def _word_starts(text: str, hits: Iterable[int]) -> list[int]:
    """In order, the offsets that start a word and lie in the window of some hit
    (fewer than ``_WINDOW`` characters before it, or at it): the characters other
    than whitespace that start the text or follow a character of :data:`_BEFORE_WORD`.

    Only the windows are read: :func:`_tried` never looks elsewhere."""
    windows: list[list[int]] = []  # [first, last] offsets, touching windows joined
    for hit in sorted(set(hits)):
        first = max(hit - _WINDOW + 1, 0)
        if windows and first <= windows[-1][1] + 1:
            windows[-1][1] = hit
        else:
            windows.append([first, hit])
    return [start for first, last in windows for start in _starts_between(text, first, last)]


def _starts_between(text: str, first: int, last: int) -> list[int]:
    """The word starts from ``first`` to ``last``, both included."""
    # A separator ends where its word starts; the end bound stops its look-ahead at ``last``.
    starts = [m.end() for m in _BEFORE_WORD.finditer(text, max(first - 1, 0), last + 1)]
    if first == 0 and text and not text[0].isspace():
        starts.insert(0, 0)
    return starts


def _trigger_words(text: str, lowered: str, figures: list[tuple[int, int]]) -> dict[str, list[int]]:
    """The start offsets of each trigger word among the text's words, compared in
    lower case (``lowered`` is the text lower-cased, ``figures`` the spans of :data:`_FIGURE`)."""
    if len(lowered) != len(text):  # "İ" lowers to two characters: offsets in the lowered text would shift
        return _trigger_words_word_by_word(text)
    # Lowering keeps every character a letter, a word character or neither, so the runs of letters are the same.
    matches = list(_TRIGGER_WORD_IN_LOWERED.finditer(lowered))
    if "_" in text:
        matches += _TRIGGER_WORD_AFTER_DIGIT.finditer(lowered)
        matches.sort(key=lambda m: m.start())
    elif figures:
        # A word right after a digit lies in the figure that digit belongs to.
        after_digit = [m for start, end in figures for m in _TRIGGER_WORD_AFTER_DIGIT.finditer(lowered, start, end)]
        if after_digit:
            matches = sorted(matches + after_digit, key=lambda m: m.start())
    found: dict[str, list[int]] = {}
    for m in matches:
        word = m.group()
        if word in found:
            found[word].append(m.start())
        else:
            found[word] = [m.start()]
    return found


def _trigger_words_word_by_word(text: str) -> dict[str, list[int]]:
    """:func:`_trigger_words` for a text whose lower-cased form has another length."""
    found: dict[str, list[int]] = {}
    for m in _TRIGGER_WORD.finditer(text):
        word = m.group().lower()
        if word in _TRIGGER_WORDS:
            if word in found:
                found[word].append(m.start())
            else:
                found[word] = [m.start()]
    return found


def _word_hits(trigger: frozenset[str], words: dict[str, list[int]]) -> list[int]:
    """Where the trigger words of a rule occur, in order."""
    present = [w for w in words if w in trigger]
    if len(present) == 1:
        return words[present[0]]
    return sorted(p for w in present for p in words[w])


def _tried(hits: list[int], starts: list[int]) -> list[int]:
    """The word starts shortly before a trigger hit (fewer than ``_WINDOW``
    characters before it, or at it), each once, in order."""
    tried: list[int] = []
    done = 0  # word starts before this index are listed already
    for hit in hits:
        first = max(bisect_right(starts, hit - _WINDOW), done)
        last = bisect_right(starts, hit)
        tried.extend(starts[first:last])
        if last > done:
            done = last
    return tried


def _matches(text: str, regex: re.Pattern[str], hits: list[int], tried: list[int]) -> list[re.Match[str]]:
    """Matches of ``regex`` starting at one of the ``tried`` word starts and
    ending after the first hit at or after that start."""
    out: list[re.Match[str]] = []
    for pos in tried:
        m = regex.match(text, pos)
        if m is not None and m.end() > hits[bisect_left(hits, pos)]:
            out.append(m)
    return out


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    lowered = text.lower()
    figures = [m.span() for m in _FIGURE.finditer(text)]
    words = _trigger_words(text, lowered, figures)
    hits_by_rule: dict[int, list[int]] = {}
    for trigger, indices in _PATTERN_TRIGGERS:
        if trigger in _IN_FIGURES:
            # A match lies inside one figure, and a search from a figure's start sees the text before it.
            hits = [m.start() for start, end in figures for m in trigger.finditer(text, start, end)]
        else:
            hits = [m.start() for m in trigger.finditer(text)]
        if hits:
            hits_by_rule.update(dict.fromkeys(indices, hits))
    patterned = bool(hits_by_rule)
    if not words and not patterned:
        return found  # no rule's trigger occurs: nothing can match
    for word in words:
        for index in _TRIGGERED_BY[word]:
            if index not in hits_by_rule:
                hits_by_rule[index] = _word_hits(_COMPILED[index][2], words)  # type: ignore[arg-type]
    if len(lowered) == len(text) and not any(char in text for char in _CASE_UNSAFE):
        for index, (starters, phrase) in _NEEDED_BY_INDEX.items():
            if index in hits_by_rule and not any(phrase.match(lowered, at) for word in starters for at in words.get(word, ())):
                del hits_by_rule[index]
    active = sorted(hits_by_rule.keys() | (set(_UNTRIGGERED) if patterned else set()))
    starts = _word_starts(text, (hit for hits in hits_by_rule.values() for hit in hits))
    shared_tried: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    for index in active:
        rule, regex, _ = _COMPILED[index]
        if index in hits_by_rule:
            hits = hits_by_rule[index]
            tried = _tried(hits, starts)
            if index in _EITHER_OF:  # one try tells where none of the rules sharing the trigger can match
                either = _EITHER_OF[index]
                key = (id(either), tuple(hits))  # a pattern is hashed from its whole code on every look-up
                if key not in shared_tried:
                    shared_tried[key] = [pos for pos in tried if either.match(text, pos)]
                tried = shared_tried[key]
            matches = _matches(text, regex, hits, tried)
        else:
            matches = regex.finditer(text)
        for m in matches:
            if m.end() > m.start():
                cand = _Candidate(m.start(), m.end(), rule, m)
                if _acceptable(text, cand):
                    found.append(cand)
    return found


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then higher priority; a chosen span blocks every overlapping one."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[_Candidate] = []
    for c in cands:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


_RANGE_GAP = re.compile(r"^\s*(?:and|to|until|till|through|thru|-|–|—)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:\b(?:between|from)\s+)$", re.IGNORECASE)
_DASH_GAP = re.compile(r"^\s*[-–]\s*$")


def _family(name: str) -> str:
    return name.split("_", 1)[0]


def _ranges(text: str, chosen: list[_Candidate]) -> list[tuple[int, int, int]]:
    """(start, index of first endpoint, index of second endpoint) for each range."""
    found = []
    for i in range(len(chosen) - 1):
        a, b = chosen[i], chosen[i + 1]
        if _family(a.rule.name) != _family(b.rule.name) or _family(a.rule.name) not in {"date", "time"}:
            continue
        gap = text[a.end : b.start]
        if not _RANGE_GAP.match(gap):
            continue
        opener = _RANGE_OPEN.search(text, max(0, a.start - 12), a.start)
        if opener:
            word = opener.group().strip().lower()
            if word == "between" and "and" not in gap.lower():
                continue
            found.append((opener.start(), i, i + 1))
        elif _DASH_GAP.match(gap) and a.rule.name == b.rule.name == "date_year":
            found.append((a.start, i, i + 1))
    return found


# --- normalization -------------------------------------------------------------


@dataclass
class _Norm:
    type: str
    value: str
    precision: str
    anchor: str = "none"
    anchor_id: str | None = None
    mod: str | None = None
    zone: str | None = None
    offset: str | None = None
    begin: str | None = None
    end_value: str | None = None
    # for anaphora: the calendar day this expression names, if it names one
    day: tuple[int | None, int, int] | None = None


class _Context:
    def __init__(self, text: str, dct: _Dct, sentences: list[tuple[int, int]] | None) -> None:
        self.text = text
        self.dct = dct
        self.sentences = sentences
        self.reference: tuple[str, tuple[int | None, int, int]] | None = None  # (id, (y, m, d))
        self.reference_start: int | None = None
        self._cues: dict[tuple[int, int], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}

    def forward(self, cand: _Candidate) -> bool:
        """Whether the nearest tense cue in the sentence points past the DCT."""
        future_spans, past_spans = self._tense_cues(*_sentence_bounds(self.text, cand.start, cand.end, self.sentences))

        def distance(spans: list[tuple[int, int]]) -> int | None:
            best = None
            for start, end in spans:
                if cand.start <= start < cand.end:
                    continue
                d = cand.start - end if end <= cand.start else start - cand.end
                best = d if best is None else min(best, d)
            return best

        future = distance(future_spans)
        if future is None:
            return False
        past = distance(past_spans)
        return past is None or future < past

    def _tense_cues(self, s: int, e: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The future and past cues of the sentence ``text[s:e]``, read once per sentence."""
        cues = self._cues.get((s, e))
        if cues is None:
            future = [m.span() for m in _FUTURE.finditer(self.text, s, e)]
            # "will be held" is future: a past cue inside a future one does not count
            past = [m.span() for m in _PAST.finditer(self.text, s, e) if not any(a <= m.start() < b for a, b in future)]
            cues = self._cues[(s, e)] = (future, past)
        return cues


def _mod_of(phrase: str | None) -> str | None:
    if not phrase:
        return None
    key = re.sub(r"\s+", " ", phrase.strip().lower()).rstrip("-")
    return R.MODIFIERS.get(key)


def _reference_or_dct(ctx: _Context) -> tuple[str, str | None, tuple[int | None, int, int] | None]:
    if ctx.reference:
        return "expression", ctx.reference[0], ctx.reference[1]
    d = ctx.dct
    if d.date:
        return "dct", None, (d.year, d.month, d.day)  # type: ignore[arg-type]
    return "dct", None, None


def _normalize(c: _Candidate, ctx: _Context) -> _Norm | None:
    name = c.rule.name
    g = {k: v for k, v in c.match.groupdict().items() if v is not None}
    dct = ctx.dct
    handler = _HANDLERS.get(name) or _HANDLERS[_family_handler(name)]
    return handler(c, g, ctx, dct)


def _family_handler(name: str) -> str:
    for prefix in ("date_month_day", "date_day_month", "date_dayword"):
        if name.startswith(prefix):
            return "date_calendar"
    raise KeyError(name)


def _calendar(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm | None:
    month = _month_of(g["month"]) if "month" in g else int(g["mon"])
    day = _dayword(g["dayword"]) if "dayword" in g else _day_of(g["day"])
    if "year" in g:
        year = int(g["year"])
        if year < 100:
            year += 2000 if year < 50 else 1900
        anchor = "none"
    else:
        year = _resolve_year_for_month(dct, month, ctx.forward(c))
        anchor = "dct"
    if not _valid_day(year, month, day):
        return None
    return _Norm("DATE", _ymd(year, month, day), "day", anchor=anchor, day=(year, month, day))


def _month_only(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    month = _month_of(g["month"])
    mod = _mod_of(g.get("mod"))
    if "year" in g:
        y = g["year"]
        year = int(y) if y[0].isdigit() else 2000 + int(y[1:]) if int(y[1:]) < 50 else 1900 + int(y[1:])
        return _Norm("DATE", _ymd(year, month), "month", mod=mod)
    rel = (g.get("rel") or "").strip().lower()
    if rel and dct.year is not None:
        year = dct.year
        if rel in {"last", "past"} and dct.month and month >= dct.month:
            year -= 1
        if rel in {"next", "coming"} and dct.month and month <= dct.month:
            year += 1
        return _Norm("DATE", _ymd(year, month), "month", anchor="dct", mod=mod)
    year = _resolve_year_for_month(dct, month, ctx.forward(c) or rel in {"next", "coming"})
    return _Norm("DATE", _ymd(year, month), "month", anchor="dct" if year is None or dct.year else "none", mod=mod)


def _year(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    year = int(g["year"])
    mod_phrase = (g.get("mod") or "").lower()
    seasons = {"summer": "SU", "spring": "SP", "autumn": "FA", "fall": "FA", "winter": "WI"}
    for word, code in seasons.items():
        if word in mod_phrase:
            return _Norm("DATE", f"{year}-{code}", "year")
    if "half" in mod_phrase:
        return _Norm("DATE", f"{year}-H{1 if 'first' in mod_phrase else 2}", "year")
    return _Norm("DATE", f"{year}", "year", mod=_mod_of(mod_phrase))


def _fiscal_year(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    y = g["year"].lstrip("'’")
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
    return _Norm("DATE", f"FY{year}", "year")


def _fiscal_rel(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    shift = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}[g["rel"].lower()]
    if dct.year is None:
        return _Norm("DATE", "FYXXXX", "year", anchor="dct", offset=f"{'-' if shift < 0 else ''}P{abs(shift)}Y")
    return _Norm("DATE", f"FY{dct.year + shift}", "year", anchor="dct", offset=f"{'-' if shift < 0 else ''}P{abs(shift)}Y")


def _ordinal(word: str) -> int:
    return R.ORDINALS[word.lower()]


def _rel_year(g: dict, dct: _Dct) -> tuple[int | None, str]:
    """The year a "this/last/next year" phrase names, and the anchor."""
    if "year" in g:
        y = g["year"].lstrip("'’")
        return (int(y) if len(y) == 4 else 2000 + int(y)), "none"
    rel = (g.get("rel") or "").lower().split()
    shift = {"last": -1, "next": 1}.get(rel[0], 0) if rel else 0
    return (dct.year + shift if dct.year is not None else None), "dct"


def _quarter(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    q = int(g["ordnum"]) if "ordnum" in g else _ordinal(g["ord"])
    if q == -1:
        # "the last quarter": the quarter before the DCT's
        if dct.year is None or dct.month is None:
            return _Norm("DATE", "XXXX-QX", "year", anchor="dct", offset="-P3M")
        cur = (dct.month - 1) // 3 + 1
        year, q = (dct.year, cur - 1) if cur > 1 else (dct.year - 1, 4)
        return _Norm("DATE", f"{year}-Q{q}", "year", anchor="dct", offset="-P3M")
    if "year" in g and g["year"].startswith("'"):
        g = dict(g, year="20" + g["year"][1:])
    year, anchor = _rel_year(g, dct)
    if "year" not in g and not g.get("rel") and year is not None and dct.month and (q - 1) * 3 + 1 > dct.month and not ctx.forward(c):
        year -= 1  # a bare quarter still ahead of the DCT, told in the past tense, is last year's
    return _Norm("DATE", f"{_ymd(year)}-Q{q}", "year", anchor=anchor)


def _half(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    h = _ordinal(g["ord"])
    year, anchor = _rel_year(g, dct)
    return _Norm("DATE", f"{_ymd(year)}-H{h}", "year", anchor=anchor)


def _season(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm | None:
    code = R.SEASONS[g["season"].lower()]
    if "year" in g:
        return _Norm("DATE", f"{g['year']}-{code}", "year", mod=_mod_of(g.get("mod")))
    rel = (g.get("rel") or "").strip().lower()
    if not rel and not c.match.group().lower().startswith("the"):
        # a bare "summer"/"fall" is too often not a time ("the fall of the regime")
        if g["season"].lower() == "fall":
            return None
    year = dct.year
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if year is not None:
        year += shift
    return _Norm("DATE", f"{_ymd(year)}-{code}", "year", anchor="dct", mod=_mod_of(g.get("mod")),
                 offset=f"{'-' if shift < 0 else ''}P{abs(shift)}Y" if rel else None)  # fmt: skip


def _decade(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    d = g["decade"].lstrip("'’")
    if len(d) == 2:
        d = ("19" if int(d) >= 30 else "20") + d
    return _Norm("DATE", d[:3], "year", mod=_mod_of(g.get("mod")))


def _century(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    words = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
    o = g["ord"].lower()
    n = words[o] if o in words else int(re.match(r"\d+", o).group())
    return _Norm("DATE", f"{n - 1:02d}", "year")


def _holiday(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    key = re.sub(r"[’]", "'", c.match.group().lower())
    month, day = R.HOLIDAYS[key]
    year = _resolve_year_for_month(dct, month, ctx.forward(c))
    return _Norm("DATE", _ymd(year, month, day), "day", anchor="dct", day=(year, month, day))


def _dct_day(dct: _Dct, shift: int) -> tuple[int | None, int, int] | None:
    if dct.date is None:
        return None
    d = dct.date + _dt.timedelta(days=shift)
    return d.year, d.month, d.day


def _signed(n: int, unit: str, time: bool = False) -> str:
    body = f"PT{abs(n)}{unit}" if time else f"P{abs(n)}{unit}"
    return f"-{body}" if n < 0 else body


def _relative_day(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    word = g["word"].lower()
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    day = _dct_day(dct, shift)
    base = _ymd(*day) if day else "XXXX-XX-XX"
    if word == "tonight":
        return _Norm("TIME", f"{base}TNI", "part-of-day", anchor="dct", offset="P0D", day=day)
    return _Norm("DATE", base, "day", anchor="dct", offset=_signed(shift, "D"), day=day)


def _relative_day_part(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    word, part = g["word"].lower(), g["part"].lower()
    shift = {"yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}[word]
    if word == "last" and part != "night":
        shift = -1
    day = _dct_day(dct, shift)
    base = _ymd(*day) if day else "XXXX-XX-XX"
    return _Norm("TIME", f"{base}T{R.PARTS_OF_DAY[part]}", "part-of-day", anchor="dct", offset=_signed(shift, "D"), day=day)


def _day_before(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    shift = -2 if g["word"].lower() == "yesterday" else 2
    day = _dct_day(dct, shift)
    return _Norm("DATE", _ymd(*day) if day else "XXXX-XX-XX", "day", anchor="dct", offset=_signed(shift, "D"), day=day)


def _weekday(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    wd = R.WEEKDAYS[g["weekday"].lower()]
    rel = (g.get("rel") or "").strip().lower()
    part = g.get("part")
    date = dct.date
    if date is None:
        value, day = f"XXXX-WXX-{wd}", None
        offset = None
    else:
        cur = date.isoweekday()
        if rel == "last" or rel in {"past", "this past"}:
            delta = -((cur - wd) % 7 or 7)
        elif rel in {"next", "coming", "this coming"}:
            delta = (wd - cur) % 7 or 7
        elif rel == "this":
            delta = wd - cur
        elif ctx.forward(c):
            delta = (wd - cur) % 7
        else:
            delta = -((cur - wd) % 7)
        d = date + _dt.timedelta(days=delta)
        value, day, offset = d.isoformat(), (d.year, d.month, d.day), _signed(delta, "D")
    if part:
        return _Norm("TIME", f"{value}T{R.PARTS_OF_DAY[part.lower()]}", "part-of-day", anchor="dct", offset=offset, day=day)
    return _Norm("DATE", value, "day", anchor="dct", offset=offset, day=day)


def _shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def _unit_relative(unit: str, shift: int, dct: _Dct) -> tuple[str, str]:
    """Value and precision of the calendar unit ``shift`` units from the DCT."""
    u = unit.lower()
    date = dct.date
    if u in {"week", "weekend"}:
        if date is None:
            return ("XXXX-WXX-WE" if u == "weekend" else "XXXX-WXX"), "week"
        value = _week_value(date + _dt.timedelta(weeks=shift))
        return (value + "-WE" if u == "weekend" else value), "week"
    if u == "month":
        if dct.year is None or dct.month is None:
            return "XXXX-XX", "month"
        return _ymd(*_shift_month(dct.year, dct.month, shift)), "month"
    if u == "quarter":
        if dct.year is None or dct.month is None:
            return "XXXX-QX", "year"
        y, m = _shift_month(dct.year, dct.month, 3 * shift)
        return f"{y}-Q{(m - 1) // 3 + 1}", "year"
    if u == "year":
        return (_ymd(dct.year + shift) if dct.year is not None else "XXXX"), "year"
    if u == "decade":
        return (f"{dct.year // 10 + shift:03d}" if dct.year is not None else "XXX"), "year"
    if u == "century":
        return (f"{dct.year // 100 + shift:02d}" if dct.year is not None else "XX"), "year"
    if u == "day":
        day = _dct_day(dct, shift)
        return (_ymd(*day) if day else "XXXX-XX-XX"), "day"
    raise KeyError(u)


_UNIT_LETTER = {"week": "W", "weekend": "W", "month": "M", "quarter": "M", "year": "Y", "decade": "Y", "century": "Y", "day": "D"}
_UNIT_SIZE = {"quarter": 3, "decade": 10, "century": 100}


def _anaphoric(ctx: _Context, shift: int, part: str | None) -> _Norm:
    anchor, anchor_id, day = _reference_or_dct(ctx)
    if day is None:
        base, new_day = "XXXX-XX-XX", None
    else:
        new_day = _shift_days(day[0], day[1], day[2], shift)
        base = _ymd(*new_day)
    offset = _signed(shift, "D")
    if part:
        return _Norm("TIME", f"{base}T{part}", "part-of-day", anchor=anchor, anchor_id=anchor_id, offset=offset, day=new_day)
    return _Norm("DATE", base, "day", anchor=anchor, anchor_id=anchor_id, offset=offset, day=new_day)


_ANAPHORIC_SHIFT = {"previous": -1, "preceding": -1, "following": 1, "next": 1, "same": 0}


def _this_unit(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm | None:
    rel = " ".join(g["rel"].lower().split())
    unit = g["unit"].lower()
    has_the = rel.startswith("the ")
    core = rel.replace("the ", "").replace("this past", "past")
    if unit in {"day", "night", "morning", "afternoon", "evening"}:
        if has_the and core in _ANAPHORIC_SHIFT:
            return _anaphoric(ctx, _ANAPHORIC_SHIFT[core], None if unit == "day" else R.PARTS_OF_DAY[unit])
        if unit == "day" or core not in {"this", "last"}:
            return None
        shift = -1 if core == "last" and unit != "night" else (-1 if core == "last" else 0)
        day = _dct_day(dct, shift)
        base = _ymd(*day) if day else "XXXX-XX-XX"
        return _Norm("TIME", f"{base}T{R.PARTS_OF_DAY[unit]}", "part-of-day", anchor="dct", offset=_signed(shift, "D"), day=day)
    if has_the and core in {"past", "last", "next", "coming"}:
        n = _UNIT_SIZE.get(unit, 1)
        letter = _UNIT_LETTER[unit]
        value = f"P{n}{letter}" if unit != "weekend" else "P1WE"
        return _Norm("DURATION", value, _unit_precision(unit), anchor="dct")
    if has_the and core in {"previous", "following", "same", "next", "preceding"}:
        shift = _ANAPHORIC_SHIFT[core]
        if ctx.reference and unit in {"week", "month", "year"}:
            ry, rm, rd = ctx.reference[1]
            if unit == "year":
                value = _ymd(ry + shift if ry is not None else None)
                prec = "year"
            elif unit == "month":
                if ry is None:
                    value = _ymd(None, (rm - 1 + shift) % 12 + 1)
                else:
                    value = _ymd(*_shift_month(ry, rm, shift))
                prec = "month"
            else:
                if ry is None:
                    value, prec = "XXXX-WXX", "week"
                else:
                    value, prec = _week_value(_dt.date(ry, rm, rd) + _dt.timedelta(weeks=shift)), "week"
            return _Norm("DATE", value, prec, anchor="expression", anchor_id=ctx.reference[0],
                         offset=_signed(shift * _UNIT_SIZE.get(unit, 1), _UNIT_LETTER[unit]))  # fmt: skip
        if core == "same":
            return _Norm("DATE", "XXXX-XX-XX" if unit != "year" else "XXXX", _unit_precision(unit), anchor="none")
    shift = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}[core]
    value, prec = _unit_relative(unit, shift, dct)
    size = _UNIT_SIZE.get(unit, 1)
    return _Norm("DATE", value, prec, anchor="dct", offset=_signed(shift * size, _UNIT_LETTER[unit]))


def _later_this(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    shift = {"this": 0, "next": 1, "last": -1}[g["rel"].lower()]
    unit = g["unit"].lower()
    value, prec = _unit_relative(unit, shift, dct)
    mod = "END" if g["mod"].lower() == "later" and shift == 0 else None
    return _Norm("DATE", value, prec, anchor="dct", mod=mod, offset=_signed(shift * _UNIT_SIZE.get(unit, 1), _UNIT_LETTER[unit]))


def _boundary_of(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    rel = g["rel"].lower()
    shift = {"this": 0, "the": 0, "next": 1, "last": -1}[rel]
    unit = g["unit"].lower()
    value, prec = _unit_relative(unit, shift, dct)
    return _Norm("DATE", value, prec, anchor="dct", mod=_mod_of(g["mod"]), offset=_signed(shift * _UNIT_SIZE.get(unit, 1), _UNIT_LETTER[unit]))


def _ago(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    n = _number(g["qty"])
    unit = _unit_key(g["unit"])
    mod = _mod_of(g.get("mod"))
    letter, is_time, prec = R.UNITS[unit]
    offset = "-" + _duration_value(n, unit)
    if n is None:
        return _Norm("DATE", "PAST_REF", "unknown", anchor="dct", mod=mod, offset=offset)
    if is_time:
        return _Norm("TIME" if dct.date is None else "TIME", "XXXX-XX-XXT" + ("XX:XX" if unit != "hour" else "XX"), "unknown", anchor="dct", mod=mod, offset=offset)
    n_int = int(n) if n == int(n) else None
    if dct.year is None or n_int is None:
        return _Norm("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), prec, anchor="dct", mod=mod, offset=offset)
    if unit in {"year", "decade", "century"}:
        years = n_int * _UNIT_SIZE.get(unit, 1)
        return _Norm("DATE", _ymd(dct.year - years), "year", anchor="dct", mod=mod, offset=offset)
    if unit in {"month", "quarter"} and dct.month:
        return _Norm("DATE", _ymd(*_shift_month(dct.year, dct.month, -n_int * _UNIT_SIZE.get(unit, 1))), "month", anchor="dct", mod=mod, offset=offset)
    if unit in {"day", "night", "week", "fortnight", "weekend"} and dct.date:
        days = n_int * {"day": 1, "night": 1, "week": 7, "fortnight": 14, "weekend": 7}[unit]
        d = dct.date - _dt.timedelta(days=days)
        if unit in {"week", "fortnight", "weekend"}:
            return _Norm("DATE", _week_value(d), "week", anchor="dct", mod=mod, offset=offset)
        return _Norm("DATE", d.isoformat(), "day", anchor="dct", mod=mod, offset=offset, day=(d.year, d.month, d.day))
    return _Norm("DATE", "XXXX", prec, anchor="dct", mod=mod, offset=offset)


def _reference(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    key = " ".join(g["word"].lower().split())
    return _Norm("DATE", R.REFERENCE_WORDS[key], "unknown", anchor="dct")


def _zone(raw: str | None) -> tuple[str, str | None]:
    """ISO suffix and the zone as stated."""
    if not raw:
        return "", None
    stated = " ".join(raw.split())
    inner = stated.strip("() ")
    m = re.match(r"(?i)(UTC|GMT|Z)\s*([+\-−])\s*(\d{1,2})(?::?(\d\d))?$", inner)
    if m:
        sign = "-" if m.group(2) in "-−" else "+"
        hh = int(m.group(3))
        mm = m.group(4) or "00"
        return (f"{sign}{hh:02d}:{mm}" if (hh or mm != "00") else "Z"), stated
    if inner.lower() in R.ZONES:
        return R.ZONES[inner.lower()], stated
    return "", stated


def _date_for_time(ctx: _Context, c: _Candidate) -> tuple[str, str, str | None]:
    """Date part for a bare clock time: the day-precise expression it follows in the same sentence, else the DCT."""
    if ctx.reference:
        s, _ = _sentence_bounds(ctx.text, c.start, c.end, ctx.sentences)
        ref_id, ref_day = ctx.reference
        if ctx.reference_start is not None and ctx.reference_start >= s:
            return _ymd(*ref_day), "expression", ref_id
    if ctx.dct.date:
        return ctx.dct.date.isoformat(), "dct", None
    return "XXXX-XX-XX", "none", None


def _clock(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm | None:
    hour = int(g["hour"]) if g["hour"].isdigit() else int(_number(g["hour"]) or 0)
    minute = int(g.get("minute", "0"))
    ampm = (g.get("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    suffix, zone = _zone(g.get("zone"))
    base, anchor, anchor_id = _date_for_time(ctx, c)
    has_minutes = "minute" in g or c.rule.name == "time_clock"
    clock = f"{hour:02d}:{minute:02d}" if has_minutes else f"{hour:02d}"
    prec = "minute" if has_minutes else "hour"
    if c.rule.name == "time_oclock":
        clock, prec = f"{hour:02d}:00", "hour"
    return _Norm("TIME", f"{base}T{clock}{suffix}", prec, anchor=anchor, anchor_id=anchor_id, zone=zone)


def _named_time(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    word = g["word"].lower()
    base, anchor, anchor_id = _date_for_time(ctx, c)
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[word]
    return _Norm("TIME", f"{base}T{clock}", "minute", anchor=anchor, anchor_id=anchor_id)


def _part_of_date(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm | None:
    month = _month_of(g.get("month") or g["month2"])
    day = _day_of(g.get("day") or g["day2"])
    if "year" in g:
        year, anchor = int(g["year"]), "none"
    else:
        year, anchor = _resolve_year_for_month(dct, month, ctx.forward(c)), "dct"
    if not _valid_day(year, month, day):
        return None
    early = (g.get("early") or "").lower()
    mod = "START" if "early" in early else "END" if "late" in early else None
    part = R.PARTS_OF_DAY[g["part"].lower()]
    return _Norm("TIME", f"{_ymd(year, month, day)}T{part}", "part-of-day", anchor=anchor, mod=mod, day=(year, month, day))


def _early_hours(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    # Which day's small hours the text leaves open, so the value keeps the day unknown.
    part = (g.get("part") or "morning").lower()
    code = "NI" if part == "night" and g["edge"].lower() == "late" else "MO"
    mod = "END" if g["edge"].lower() == "late" else "START"
    return _Norm("TIME", f"XXXX-XX-XXT{code}", "part-of-day", anchor="none", mod=mod)


def _part_of_day(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    mod = "START" if g["early"].lower() == "early" else "END"
    return _Norm("TIME", f"XXXX-XX-XXT{R.PARTS_OF_DAY[g['part'].lower()]}", "part-of-day", anchor="none", mod=mod)


def _anaphoric_part(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    rel = g["rel"].lower()
    part = g["part"].lower()
    shift = _ANAPHORIC_SHIFT[rel]
    return _anaphoric(ctx, shift, R.PARTS_OF_DAY[part])


def _duration(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm | None:
    n = _number(g["qty"])
    unit = g["unit"]
    if _unit_key(unit) not in R.UNITS:
        return None
    mod = _mod_of(g.get("mod"))
    value = _duration_value(n, unit)
    norm = _Norm("DURATION", value, _unit_precision(unit) if n is not None else _unit_precision(unit), mod=mod)
    if c.rule.name == "duration_offset":
        direction = g["dir"].lower()
        norm.anchor = "event"
        norm.offset = ("-" if direction in {"earlier", "before", "previously"} else "") + value
    elif g.get("the"):
        norm.anchor = "dct" if re.search(r"(?i)past|last|next|coming", g["the"]) else "none"
    return norm


def _bare_offset(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    unit = g["unit"]
    value = _duration_value(None, unit)
    following = ctx.text[c.end : c.end + 12].strip().lower()
    sign = "-" if following.startswith(("before", "earlier", "ago")) else ""
    return _Norm("DURATION", value, _unit_precision(unit), anchor="event", offset=sign + value)


def _vague_duration(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    unit = g["unit"]
    return _Norm("DURATION", _duration_value(None, unit), _unit_precision(unit))


def _half_duration(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    unit = _unit_key(g["unit"])
    half = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}[unit]
    return _Norm("DURATION", half, "minute" if unit == "hour" else _unit_precision(unit), mod=_mod_of(g.get("mod")))


def _set_every(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    if g.get("weekday"):
        return _Norm("SET", f"XXXX-WXX-{R.WEEKDAYS[g['weekday'].lower()]}", "day")
    qty = g.get("qty")
    n = 2 if qty and qty.lower() == "other" else (_number(qty) if qty else 1)
    return _Norm("SET", _duration_value(n, g["unit"]), _unit_precision(g["unit"]))


def _set_weekday_plural(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    return _Norm("SET", f"XXXX-WXX-{R.WEEKDAYS[g['weekday'].lower()]}", "day")


def _set_word(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    value = R.FREQUENCY_WORDS[g["word"].lower()]
    return _Norm("SET", value, value_precision(value))


def _set_unit(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    return _Norm("SET", _duration_value(1, g["unit"]), _unit_precision(g["unit"]))


_HANDLERS = {
    "date_iso": _calendar,
    "date_numeric_mdy": _calendar,
    "date_calendar": _calendar,
    "date_month_year": _month_only,
    "date_month": _month_only,
    "date_year": _year,
    "date_fiscal_year": _fiscal_year,
    "date_fiscal_rel": _fiscal_rel,
    "date_quarter": _quarter,
    "date_quarter_q": _quarter,
    "date_half": _half,
    "date_season": _season,
    "date_decade": _decade,
    "date_century": _century,
    "date_holiday": _holiday,
    "date_relative_day": _relative_day,
    "date_relative_day_part": _relative_day_part,
    "date_day_before": _day_before,
    "date_weekday": _weekday,
    "date_this_unit": _this_unit,
    "date_later_this": _later_this,
    "date_boundary_of": _boundary_of,
    "date_ago": _ago,
    "reference": _reference,
    "time_clock": _clock,
    "time_hour_ampm": _clock,
    "time_oclock": _clock,
    "time_named": _named_time,
    "time_part_of_date": _part_of_date,
    "time_early_hours": _early_hours,
    "time_part_of_day": _part_of_day,
    "time_anaphoric_part": _anaphoric_part,
    "duration_offset": _duration,
    "duration_bare_offset": _bare_offset,
    "duration_span": _duration,
    "duration_vague": _vague_duration,
    "duration_half": _half_duration,
    "set_every": _set_every,
    "set_times_per": _set_unit,
    "set_weekday_plural": _set_weekday_plural,
    "set_frequency_word": _set_word,
    "set_a_unit": _set_unit,
}


def _whole_unit(c: _Candidate, g: dict, ctx: _Context, dct: _Dct) -> _Norm:
    unit = g["unit"].lower()
    value = {"fortnight": "P2W", "decade": "P10Y", "century": "P100Y"}.get(unit, f"P1{_UNIT_LETTER.get(unit, 'Y')}")
    return _Norm("DURATION", value, _unit_precision(unit), anchor="dct" if re.search(r"(?i)past|last|next|coming", g["the"]) else "none")


_HANDLERS["duration_unit_alone"] = _whole_unit
for _rule in R.RULES:  # every rule must have a normalizer
    assert _rule.name in _HANDLERS or _rule.name.startswith(("date_month_day", "date_day_month", "date_dayword")), _rule.name


# --- precision -----------------------------------------------------------------


def precision_rank(precision: str) -> int:
    return PRECISIONS.index(precision)


def value_precision(value: str) -> str:
    """The finest granularity a TIMEX3 value carries (``X`` placeholders carry none)."""
    v = value
    if v in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"} or not v:
        return "unknown"
    if v.startswith("P"):
        m = re.search(r"T?(?:[\dX.]+)(WE|DE|CE|[YMWDHS])$", v)
        if not m:
            return "unknown"
        unit = m.group(1)
        if "T" in v:
            return {"H": "hour", "M": "minute", "S": "minute"}[unit]
        return {"Y": "year", "DE": "year", "CE": "year", "M": "month", "W": "week", "WE": "week", "D": "day"}[unit]
    if v.startswith("FY"):
        return "year"
    date, _, time = v.partition("T")
    if time:
        clock = re.sub(r"(Z|[+-]\d\d(:\d\d)?)$", "", time)
        if clock in {"MO", "AF", "EV", "NI", "MI", "DT"}:
            return "part-of-day"
        if re.fullmatch(r"\d\d:\d\d(:\d\d)?", clock):
            return "minute"
        if re.fullmatch(r"\d\d", clock):
            return "hour"
        return "unknown"
    parts = date.split("-")
    known = [p for p in parts if "X" not in p]
    if re.fullmatch(r"[\dX]{4}-W[\dX]{2}-\d", date):
        return "day"
    if re.fullmatch(r"[\dX]{4}-W\d\d(-WE)?", date):
        return "week"
    if len(parts) >= 3 and "X" not in parts[2]:
        return "day"
    if len(parts) >= 2 and re.fullmatch(r"\d\d", parts[1]):
        return "month"
    if known or re.fullmatch(r"\d{2,3}", date):
        return "year"
    return "unknown"


# --- the extractor ---------------------------------------------------------------


def _range_value(a: _Norm, b: _Norm) -> str:
    ya = re.fullmatch(r"(\d{4})", a.value)
    yb = re.fullmatch(r"(\d{4})", b.value)
    if ya and yb:
        return f"P{int(yb.group(1)) - int(ya.group(1))}Y"
    da = re.fullmatch(r"(\d{4}-\d\d-\d\d)", a.value)
    db = re.fullmatch(r"(\d{4}-\d\d-\d\d)", b.value)
    if da and db:
        delta = (_dt.date.fromisoformat(db.group(1)) - _dt.date.fromisoformat(da.group(1))).days
        return f"P{delta}D"
    ta = re.search(r"T(\d\d):(\d\d)", a.value)
    tb = re.search(r"T(\d\d):(\d\d)", b.value)
    if ta and tb and a.value[:10] == b.value[:10]:
        minutes = (int(tb.group(1)) * 60 + int(tb.group(2))) - (int(ta.group(1)) * 60 + int(ta.group(2)))
        if minutes > 0:
            h, m = divmod(minutes, 60)
            return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")
    unit = {"year": "Y", "month": "M", "week": "W", "day": "D"}.get(a.precision)
    if unit:
        return f"PX{unit}"
    return "PTXH" if a.precision in {"hour", "minute"} else "PXD"


def extract_times(
    text: str,
    segmentation: Segmentation | None = None,
    *,
    dct: str | None = None,
    doc_id: str = "doc",
) -> tuple[TimeExpression, ...]:
    """Every time expression in ``text``, in text order, normalized to TIMEX3."""
    parsed = _parse_dct(dct)
    chosen = _select(_candidates(text))
    ranges = _ranges(text, chosen)

    # Slots in text order: ranges come before their first endpoint (same start or earlier).
    slots: list[tuple[int, int, str, int | tuple[int, int]]] = [(c.start, -c.end, "point", i) for i, c in enumerate(chosen)]
    for start, i, j in ranges:
        slots.append((start, -chosen[j].end, "range", (i, j)))
    slots.sort(key=lambda s: (s[0], s[1], 0 if s[2] == "range" else 1))
    ids = {(s[2], s[3]): f"{doc_id}-t{n}" for n, s in enumerate(slots, 1)}

    sentence_spans = [(s.start, s.end) for s in segmentation.sentences] if segmentation else None
    sentence_ids = [s.id for s in segmentation.sentences] if segmentation else None
    ctx = _Context(text, parsed, sentence_spans)
    norms: dict[int, _Norm] = {}
    for i, c in enumerate(chosen):
        try:
            norm = _normalize(c, ctx)
        except (KeyError, ValueError, OverflowError):
            norm = None
        if norm is None:
            continue
        norms[i] = norm
        if norm.day is not None and norm.type in {"DATE", "TIME"}:
            ctx.reference = (ids[("point", i)], norm.day)
            ctx.reference_start = c.start

    sentence_starts = [s for s, _ in sentence_spans] if sentence_spans else []

    def sentence_of(pos: int) -> str | None:
        if not sentence_spans or not sentence_ids:
            return None
        k = bisect_right(sentence_starts, pos) - 1
        return sentence_ids[k] if k >= 0 and pos < sentence_spans[k][1] else None

    out: list[TimeExpression] = []
    renumber: dict[str, str] = {}
    pending: list[tuple[str, int, int, str, _Norm]] = []
    for start, neg_end, kind, key in slots:
        if kind == "point":
            if key not in norms:
                continue
            c = chosen[key]  # type: ignore[index]
            pending.append((ids[(kind, key)], c.start, c.end, c.rule.name, norms[key]))  # type: ignore[index]
        else:
            i, j = key  # type: ignore[misc]
            if i not in norms or j not in norms or norms[i].type != norms[j].type:
                continue
            a, b = norms[i], norms[j]
            rng = _Norm("DURATION", _range_value(a, b), a.precision if precision_rank(a.precision) <= precision_rank(b.precision) else b.precision,
                        anchor="none", begin=a.value, end_value=b.value, zone=a.zone or b.zone)  # fmt: skip
            if value_precision(rng.value) != "unknown" and precision_rank(value_precision(rng.value)) > precision_rank(rng.precision):
                rng.precision = value_precision(rng.value)
            pending.append((ids[(kind, key)], start, chosen[j].end, "range_" + chosen[i].rule.name.split("_", 1)[0], rng))
    for n, (old_id, *_rest) in enumerate(pending, 1):
        renumber[old_id] = f"{doc_id}-t{n}"
    for old_id, start, end, rule, norm in pending:
        out.append(
            TimeExpression(
                id=renumber[old_id],
                start=start,
                end=end,
                text=text[start:end],
                type=norm.type,
                value=norm.value,
                precision=norm.precision,
                anchor=norm.anchor if not (norm.anchor == "expression" and norm.anchor_id not in renumber) else "none",
                anchor_id=renumber.get(norm.anchor_id) if norm.anchor_id else None,
                mod=norm.mod,
                zone=norm.zone,
                begin=norm.begin,
                end_value=norm.end_value,
                offset=norm.offset,
                sentence_id=sentence_of(start),
                rule=rule,
            )
        )
    return tuple(out)


def outermost(expressions: tuple[TimeExpression, ...]) -> tuple[TimeExpression, ...]:
    """The expressions not nested inside another (range endpoints dropped)."""
    kept: list[TimeExpression] = []
    for e in expressions:
        if any(o is not e and o.start <= e.start and e.end <= o.end and (o.end - o.start) > (e.end - e.start) for o in expressions):
            continue
        kept.append(e)
    return tuple(kept)
