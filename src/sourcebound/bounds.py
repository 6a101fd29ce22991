"""The bounds check: a composed line may say nothing its cited sentences do not.

Every line the site composes (a summary line, a timeline entry, a comparison)
is checked against the text of the sentences it cites. A line fails when

- it cites no sentence (``no-citation``);
- it carries a number (``unsupported-number``), a capitalised name or place
  (``unsupported-name``) or a date or time (``unsupported-date``) that its cited
  sentences do not contain;
- it quotes words that its cited sentences do not contain (``unsupported-quote``);
- it uses a loaded term outside quotation marks (``loaded-term``), found with
  the detector of :mod:`sourcebound.language`;
- it states a time more precisely than its source (``excess-precision``): a
  year, a day or a clock time where the source gives none, or a finer precision
  rank than any matching source expression.

Numbers are compared by value (number words and ordinals included, thousands
separators ignored); names token by token, a word that starts a sentence of
the line compared without regard to case; dates and times by their normalized
TIMEX3 value (:mod:`sourcebound.timex`), ``X`` in a value meaning *not stated*.
What is inside quotation marks in the line is checked only as a quotation: it
must appear, word for word, in a cited sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from .language import find_loaded_terms, quotation_spans
from .rules import language as language_rules
from .timex import TimeExpression, extract_times, precision_rank

__all__ = ["BoundsViolation", "REASONS", "check_line", "check_lines", "format_violation"]

REASONS = (
    "no-citation",
    "unsupported-number",
    "unsupported-name",
    "unsupported-date",
    "unsupported-quote",
    "loaded-term",
    "excess-precision",
)

#: Capitalised words the site's own sentence frames use; they name nothing.
SITE_VOCABULARY = frozenset({"The", "According", "A", "An", "Name", "Names", "Total", "Times", "Figures", "Accounts", "Channel", "Channels"})


@dataclass(frozen=True, order=True)
class BoundsViolation:
    line_id: str
    reason: str
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"line_id": self.line_id, "reason": self.reason, "detail": self.detail}


def format_violation(violation: BoundsViolation) -> str:
    """One line for a build log: ``<line id>: <reason>: <detail>``."""
    return f"{violation.line_id}: {violation.reason}: {violation.detail}"


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

_QUOTE_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "\u00a0": " "})
_SPACES = re.compile(r"\s+")
#: Digits anywhere, inside words too ("S-300"); thousands separators kept with their number.
_NUMBER_IN_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]")
_NAME = re.compile(r"[A-Z][\w’'.-]*\w|[A-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[(\[—–]\s*)[\"“‘'(\[]?$")

NUMBER_WORDS: dict[str, str] = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
    "ninety": "90", "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
    "dozen": "12", "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10", "single": "1", "once": "1", "twice": "2",
    "both": "2", "pair": "2", "couple": "2",
}
#: Number words that a composed line may use without a number in the source
#: ("one" as a pronoun, "second" as a unit) are still checked, but these
#: determiners carry no count.
_SOFT_NUMBER_WORDS = frozenset({"both", "pair", "couple", "single", "once", "second"})
#: The number words a line is checked for.
_COUNTED_WORDS = frozenset(NUMBER_WORDS) - _SOFT_NUMBER_WORDS


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_QUOTE_FOLD))


def _value(number: str) -> str:
    number = number.replace(",", "")
    return str(float(number)).removesuffix(".0")


def _numbers(text: str) -> set[str]:
    """Every number of ``text`` by value: digits, digits inside words (S-300), number words."""
    found = {_value(number) for number in _NUMBER_IN_WORD.findall(text)}
    found.update(NUMBER_WORDS[word] for word in NUMBER_WORDS.keys() & map(str.lower, _WORD.findall(text)))
    return found


def _line_numbers(text: str, skip: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """``(as written, value)`` for each number of the line outside the ``skip`` spans."""
    out = []
    for m in _NUMBER_IN_WORD.finditer(text):
        if not _within(m.start(), m.end(), skip):
            out.append((m.group(), _value(m.group())))
    if _COUNTED_WORDS.isdisjoint(map(str.lower, _WORD.findall(text))):
        return out  # no number word: the words need no positions
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if word in NUMBER_WORDS and word not in _SOFT_NUMBER_WORDS and not _within(m.start(), m.end(), skip):
            out.append((m.group(), NUMBER_WORDS[word]))
    return out


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _key(word: str) -> str:
    word = word.replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def _keys(words: list[str]) -> list[str]:
    """:func:`_key` of each word, in one pass over the words joined by newlines (no word holds one)."""
    if not words:
        return []
    joined = "\n".join(words).replace("’", "'") + "\n"
    return joined.replace("'s\n", "\n").split("\n")[:-1]


_TOKEN = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=4096)
def _sentence_tokens(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """Names and words of one cited sentence, exact and lower-cased; a hyphenated
    word also gives each of its parts."""
    tokens = _TOKEN.findall(sentence)
    exact = {_key(name).rstrip(".") for name in _NAME.findall(sentence)}
    exact.update(_keys(tokens))
    exact.update(_keys([part for word in tokens if "-" in word for part in word.split("-")]))
    return frozenset(exact), frozenset(map(str.lower, exact))


@lru_cache(maxsize=4096)
def _sentence_numbers(sentence: str) -> frozenset[str]:
    return frozenset(_numbers(sentence))


@lru_cache(maxsize=4096)
def _folded(sentence: str) -> str:
    return _fold(sentence)


class _Cited:
    """What a line's cited sentences contain, found once for each set of cited
    sentences (the lines of a document cite the same sentences again and again),
    and each part only when a line asks for it: a timeline line ("2003 — the
    document") carries no quotation, number or name to look up."""

    def __init__(self, sentences: tuple[str, ...]) -> None:
        self.sentences = sentences

    @cached_property
    def folded(self) -> tuple[str, ...]:
        return tuple(map(_folded, self.sentences))

    @cached_property
    def numbers(self) -> frozenset[str]:
        return frozenset().union(*map(_sentence_numbers, self.sentences))

    @cached_property
    def _tokens(self) -> tuple[frozenset[str], frozenset[str]]:
        if len(self.sentences) == 1:
            return _sentence_tokens(self.sentences[0])
        tokens = [_sentence_tokens(sentence) for sentence in self.sentences]
        return frozenset().union(*(e for e, _ in tokens)), frozenset().union(*(low for _, low in tokens))

    @property
    def exact(self) -> frozenset[str]:
        """Names and words as written."""
        return self._tokens[0]

    @property
    def lower(self) -> frozenset[str]:
        """Names and words lower-cased."""
        return self._tokens[1]


_cited = lru_cache(maxsize=4096)(_Cited)


@lru_cache(maxsize=4096)
def _times_of(text: str) -> tuple[TimeExpression, ...]:
    """The time expressions of a line or a cited sentence read on its own (no
    document date). Lines repeat (a timeline entry and its range, a summary line
    that is a cited sentence), so each text is read once."""
    return extract_times(text)


# ---------------------------------------------------------------------------
# Times
# ---------------------------------------------------------------------------


def _compare_values(line: str, cited: str) -> str:
    """``same``, ``less`` (the line says less), ``more`` (the line adds detail) or ``mismatch``."""
    if line == cited:
        return "same"
    if not line.startswith("P") and not cited.startswith("P") and ("T" in line or "T" in cited):
        line_date, _, line_time = line.partition("T")
        cited_date, _, cited_time = cited.partition("T")
        date = _compare_values(line_date, cited_date) if line_date or cited_date else "same"
        if date == "mismatch":
            return date
        if line_time == cited_time:
            clock = "same"
        elif not line_time:
            clock = "less"
        elif not cited_time or (cited_time[:1].isalpha() and line_time[:1].isdigit()):
            # A clock time where the source gives a part of the day, or no time at all.
            clock = "more"
        elif line_time[:1].isalpha() and cited_time[:1].isdigit():
            clock = "less"
        else:
            clock = _compare_values(line_time, cited_time)
        if "mismatch" in (date, clock):
            return "mismatch"
        if "more" in (date, clock):
            return "more"
        return "less" if "less" in (date, clock) else "same"
    more = less = False
    for a, b in zip(line, cited):
        if a == b:
            continue
        if a == "X" and b != "X":
            less = True
        elif b == "X" and a != "X":
            more = True
        else:
            return "mismatch"
    if len(line) > len(cited):
        more = True
    elif len(line) < len(cited):
        less = True
    if more:
        return "more"
    return "less" if less else "same"


def _time_violations(line_id: str, line_times: Sequence[TimeExpression], cited_times: Sequence[TimeExpression]) -> list[BoundsViolation]:
    out: list[BoundsViolation] = []
    for expression in line_times:
        verdicts = []
        for source in cited_times:
            verdict = _compare_values(expression.value, source.value)
            if verdict in {"same", "less"} and precision_rank(expression.precision) > precision_rank(source.precision):
                verdict = "more"
            verdicts.append((verdict, source))
        if any(v in {"same", "less"} for v, _ in verdicts):
            continue
        finer = [s for v, s in verdicts if v == "more"]
        if finer:
            source = finer[0]
            out.append(
                BoundsViolation(
                    line_id,
                    "excess-precision",
                    f"“{expression.text}” ({expression.value}, {expression.precision}) is more precise than the source’s "
                    f"“{source.text}” ({source.value}, {source.precision})",
                )
            )
        else:
            out.append(BoundsViolation(line_id, "unsupported-date", f"“{expression.text}” ({expression.value}) is not in the cited sentences"))
    return out


# ---------------------------------------------------------------------------
# A line's own facts
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """What a line says, found once for each line text (a timeline entry's line
    recurs with other citations), to be compared with what its citations contain.
    Quoted passages are checked only as quotations, and a date is not also a number
    or a name."""

    #: Each quoted passage to find word for word, as written and with its first letter's case swapped.
    quoted: tuple[tuple[str, str], ...]
    times: tuple[TimeExpression, ...]
    #: ``(as written, value)``.
    numbers: tuple[tuple[str, str], ...]
    #: ``(offset, as written, key, hyphenated parts)`` of each name that is not the site's own word.
    names: tuple[tuple[int, str, str, tuple[str, ...]], ...]
    #: The detail of each loaded term outside quotation marks.
    loaded: tuple[str, ...]


@lru_cache(maxsize=4096)
def _line(text: str) -> _Line:
    quotes = quotation_spans(text)
    quoted = []
    for start, end in quotes:
        inner = _fold(text[start + 1 : end - 1]).strip()
        inner = inner.rstrip(".,;:")
        for part in (p.strip(" .,;:") for p in inner.split("…")):
            if part:
                quoted.append((part, part[0].swapcase() + part[1:]))

    times = tuple(t for t in _times_of(text) if not _within(t.start, t.end, quotes))
    skip = quotes + [(t.start, t.end) for t in times]

    names = []
    for m in _NAME.finditer(text):
        word = _key(m.group()).rstrip(".")
        if word in SITE_VOCABULARY or not word or word.isdigit() or _within(m.start(), m.end(), skip):
            continue
        names.append((m.start(), m.group(), word, tuple(part for part in word.split("-") if part)))

    masked = text
    if quotes:
        characters = list(text)
        for start, end in quotes:
            characters[start:end] = " " * (end - start)
        masked = "".join(characters)
    loaded = tuple(
        f"“{text[start:end]}” ({language_rules.CATEGORY_TITLES.get(category, category).lower()}, rule {rule}) outside quotation marks"
        for start, end, category, score, rule in find_loaded_terms(masked)
    )
    return _Line(tuple(quoted), times, tuple(_line_numbers(text, skip)), tuple(names), loaded)


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def check_line(
    text: str,
    cited_sentences: Sequence[str],
    *,
    line_id: str,
    cited_times: Iterable[TimeExpression] = (),
) -> list[BoundsViolation]:
    """Every way ``text`` goes beyond ``cited_sentences``; empty when the line is within bounds.

    ``cited_times`` may add the time expressions the pipeline found in the cited
    sentences (resolved against the document date); the cited texts are read
    for time expressions in any case.
    """
    cited = tuple(s for s in cited_sentences if s and s.strip())
    if not cited:
        return [BoundsViolation(line_id, "no-citation", "the line cites no sentence")]
    line = _line(text)
    sources = _cited(cited)
    violations: list[BoundsViolation] = []

    # Quotations: word for word from a cited sentence.
    for part, first_case in line.quoted:
        if not any(part in s or first_case in s for s in sources.folded):
            violations.append(BoundsViolation(line_id, "unsupported-quote", f"“{part}” is not in the cited sentences"))

    # Times and dates by normalized value and precision.
    if line.times:
        # The cited sentences are read for times of their own only when the
        # pipeline's times of them leave a time of the line unsupported.
        source_times: list[TimeExpression] = list(cited_times)
        if _time_violations(line_id, line.times, source_times):
            for sentence in cited:
                source_times.extend(_times_of(sentence))
            violations.extend(_time_violations(line_id, line.times, source_times))

    # Numbers by value.
    for written, value in line.numbers:
        if value not in sources.numbers:
            violations.append(BoundsViolation(line_id, "unsupported-number", f"“{written}” is not in the cited sentences"))

    # Names and places, token by token.
    for start, written, word, parts in line.names:
        exact = sources.exact
        if word in exact or all(part in exact for part in parts):
            continue
        if word.lower() in sources.lower and _SENTENCE_START.search(text[:start]) is not None:
            continue  # a word that starts a sentence of the line, compared without regard to case
        violations.append(BoundsViolation(line_id, "unsupported-name", f"“{written}” is not in the cited sentences"))

    violations.extend(BoundsViolation(line_id, "loaded-term", detail) for detail in line.loaded)
    if not violations:
        return violations
    return sorted(set(violations), key=lambda v: (REASONS.index(v.reason), v.detail))


def check_lines(lines: Iterable[tuple[str, str, Sequence[str]]]) -> list[BoundsViolation]:
    """The violations of every ``(line id, text, cited sentence texts)``, in line order."""
    found: list[BoundsViolation] = []
    for line_id, text, cited in lines:
        found.extend(check_line(text, cited, line_id=line_id))
    return found
