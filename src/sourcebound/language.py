"""Loaded language and sentence roles.

:func:`detect_loaded_language` finds the loaded words and phrases of a document
with the named lexicons of :mod:`sourcebound.rules.language`: each finding keeps
its span, category, score, the rule that fired and whether it stands inside a
quotation (the source's own wording: reported, but exempt from the site's
neutrality rule). :func:`most_biased_word` picks the single likeliest biased
word of a sentence, for the word-level task of Recasens et al. (2013).

:func:`sentence_roles` gives every sentence one role: ``headline``,
``attributed-claim`` (someone is cited as saying it), ``own-assertion`` (the
document states something checkable in its own voice), ``framing`` (evaluative
or sensational, without checkable content) or ``context``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import accumulate, compress
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from .model import Segmentation
from .rules import language as rules

__all__ = [
    "LoadedTerm",
    "SentenceRole",
    "ROLES",
    "detect_loaded_language",
    "find_loaded_terms",
    "language_profile",
    "most_biased_word",
    "sentence_roles",
]

ROLES = ("headline", "attributed-claim", "own-assertion", "framing", "context")


@dataclass(frozen=True)
class LoadedTerm:
    start: int
    end: int
    text: str
    category: str
    score: float
    rule: str
    sentence_id: str | None
    #: Inside a quotation: the source's wording, exempt from the neutrality rule.
    quoted: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "score": self.score,
            "rule": self.rule,
            "sentence_id": self.sentence_id,
            "quoted": self.quoted,
        }


@dataclass(frozen=True)
class SentenceRole:
    sentence_id: str
    role: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"sentence_id": self.sentence_id, "role": self.role, "reason": self.reason}


# ---------------------------------------------------------------------------
# Compiled once
# ---------------------------------------------------------------------------

_CATEGORY_ORDER = {c: i for i, c in enumerate((rules.SAID_SYNONYM, rules.LABEL, rules.DOUBT, rules.SENSATIONAL, rules.EDITORIALIZING, rules.WEASEL))}


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    category: str
    score: float
    rule: str


def _compile() -> tuple[dict[str, _Entry], dict[str, tuple[_Entry, ...]]]:
    single: dict[str, _Entry] = {}
    phrases: dict[str, list[_Entry]] = {}
    # A form listed as itself in a lexicon ("alleged" as a doubt word) wins over
    # the same form made by inflecting another lexicon's word ("allege").
    listed = {term.lower() for lexicon in rules.LEXICONS for term in lexicon.terms}
    ranks: dict[str, tuple[bool, float]] = {}
    for lexicon in rules.LEXICONS:
        for form in rules.expand(lexicon):
            words = tuple(form.split())
            score = rules.SCORE_OVERRIDES.get(form, lexicon.score)
            entry = _Entry(words, lexicon.category, score, lexicon.name)
            if len(words) == 1:
                rank = (form in lexicon.terms or form not in listed, score)
                if form not in ranks or rank > ranks[form]:
                    single[form] = entry
                    ranks[form] = rank
            else:
                phrases.setdefault(words[0], []).append(entry)
    return single, {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in phrases.items()}


_SINGLE, _PHRASES = _compile()
_WORD = re.compile(r"[A-Za-z]+(?:[-’'][A-Za-z]+)*")
#: The words, captured, and what lies between them: offsets follow from the lengths.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_POSSESSIVE = re.compile(r"[’']s$")
_PHRASE_STOP = frozenset("it is are was were be been has have had to the a an of by as some many most what there that".split())


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int, str]]:
    out = []
    append = out.append
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        key = word.lower()
        if "’" in key:
            key = key.replace("’", "'")
        if key.endswith("'s"):
            key = key[:-2]
        append((word, m.start(), m.end(), key))
    return out


class _Hit(NamedTuple):
    """One lexicon hit (a named tuple: a sentence may give several, and they are made often)."""

    start: int
    end: int
    entry: _Entry
    score: float
    #: Token index range, for picking one word of a phrase.
    first: int
    last: int


#: Keys of single-word cues strong enough to report, and the second words of the
#: phrases each key starts.
_REPORTED_KEYS = frozenset(k for k, e in _SINGLE.items() if e.score >= rules.REPORT_THRESHOLD and k not in rules.NEUTRAL_WORDS)
_PHRASE_SECOND: dict[str, frozenset[str]] = {key: frozenset(e.words[1] for e in entries) for key, entries in _PHRASES.items()}


#: Words that can start a reported hit: a reported cue or the first word of a phrase.
_CUE_STARTS = _REPORTED_KEYS | frozenset(_PHRASE_SECOND)


def _keys(words: list[str]) -> list[str]:
    """Lexicon keys of words: lower case, a typographic apostrophe as ``'``, no possessive ``'s``."""
    joined = "\n".join(words).lower().replace("’", "'")
    if "'s" in joined:
        # Words hold no newline: a possessive ends a word exactly where "'s" meets a newline or the end.
        joined = joined.replace("'s\n", "\n")
        if joined.endswith("'s"):
            joined = joined[:-2]
    return joined.split("\n")


def _scan(text: str, start: int, end: int, *, weak: bool) -> list[_Hit]:
    """Lexicon hits in ``text[start:end]``: those reported as loaded language, or with
    ``weak`` every cue, blocked and low-scoring ones included."""
    hits = _passage_hits(text[start:end], weak)
    if not start:
        return list(hits)
    return [_Hit(hit.start + start, hit.end + start, hit.entry, hit.score, hit.first, hit.last) for hit in hits]


@lru_cache(maxsize=4096)
def _passage_hits(passage: str, weak: bool) -> tuple[_Hit, ...]:
    """The hits of one passage, offsets from its start. A passage is read once:
    copies of one report share their sentences, and a line may repeat one."""
    parts = _WORD_SPLIT.split(passage)  # between, word, between, word, …, between
    words = parts[1::2]
    if not words:
        return ()
    keys = _keys(words)
    n = len(words)
    if weak:
        indices: Iterable[int] = range(n)
    else:
        # Only a reported cue, or the start of a phrase whose second word follows, can hit;
        # a weaker cue moves the scan on by one word, as any other word does.
        last = n - 1
        # The words that may start a hit are picked at C speed (map, compress); only they are looked at here.
        indices = [
            i
            for i in compress(range(n), map(_CUE_STARTS.__contains__, keys))
            if keys[i] in _REPORTED_KEYS or (i < last and keys[i + 1] in _PHRASE_SECOND[keys[i]])
        ]
        if not indices:
            return ()
    title: bool | None = None
    found: list[tuple[int, int, _Entry, float]] = []
    i = 0
    for k in indices:
        if k < i:
            continue  # inside a phrase already matched
        i = k
        key = keys[i]
        word = words[i]
        # A capitalised word inside a sentence is a name ("Great Britain"), unless the
        # whole sentence is in title case (a headline).
        if i > 0 and word[0].isupper():
            if title is None:
                long = [w for w in words if len(w) > 3]
                title = len(long) >= 2 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)
            if not title:
                i += 1
                continue
        matched = False
        for entry in _PHRASES.get(key, ()):
            size = len(entry.words)
            if tuple(keys[i : i + size]) == entry.words:
                found.append((i, i + size - 1, entry, entry.score))
                i += size
                matched = True
                break
        if matched:
            continue
        entry = _SINGLE.get(key)
        if entry is not None and key not in rules.NEUTRAL_WORDS:
            score = entry.score
            followers = rules.NEEDS_FOLLOWER.get(key)
            if followers is not None and (i + 1 >= n or keys[i + 1] not in followers):
                score = min(score, rules.WEAK_SCORE) if weak else 0.0
            if score > 0:
                found.append((i, i, entry, score))
        elif weak and len(key) > 4 and not word[0].isupper():
            fallback = _morphology(key)
            if fallback is not None:
                found.append((i, i, fallback, fallback.score))
        i += 1
    if not weak:
        found = [f for f in found if f[3] >= rules.REPORT_THRESHOLD]
    if not found:
        return ()
    # Word k starts where part 2k ends and ends where part 2k + 1 ends.
    ends = list(accumulate(map(len, parts), initial=0))
    return tuple(_Hit(ends[2 * first + 1], ends[2 * last + 2], entry, score, first, last) for first, last, entry, score in found)


_ADVERB_FALLBACK = _Entry(("-ly",), rules.EDITORIALIZING, 0.35, "stance-adverb-suffix")
_SUPERLATIVE_FALLBACK = _Entry(("-est",), rules.SENSATIONAL, 0.35, "superlative-suffix")
_PLAIN_SUPERLATIVE = _Entry(("-est",), rules.SENSATIONAL, 0.2, "superlative-suffix")
_ADJECTIVE_FALLBACK = _Entry(("-adj",), rules.SENSATIONAL, 0.12, "evaluative-suffix")


def _morphology(key: str) -> _Entry | None:
    """A weak cue from the shape of an unlisted word: adverbs, superlatives, evaluative adjectives."""
    if "'" in key or "-" in key:
        return None
    if key.endswith("ly") and key not in rules.NOT_ADVERBS:
        return _ADVERB_FALLBACK
    if key.endswith("est"):
        if key in rules.PLAIN_SUPERLATIVES:
            return _PLAIN_SUPERLATIVE
        return None if key in rules.NOT_SUPERLATIVES else _SUPERLATIVE_FALLBACK
    if key.endswith(rules.EVALUATIVE_SUFFIXES):
        return _ADJECTIVE_FALLBACK
    return None



# ---------------------------------------------------------------------------
# Quotations
# ---------------------------------------------------------------------------


def _quote_spans(segmentation: Segmentation) -> tuple[list[int], list[int]]:
    spans = sorted((q.start, q.end) for q in segmentation.quotations)
    return [s for s, _ in spans], [e for _, e in spans]


def _inside(start: int, end: int, starts: list[int], ends: list[int]) -> bool:
    i = bisect_right(starts, start) - 1
    return i >= 0 and ends[i] >= end


_OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»", "„": "“", '"': '"', "'": "'"}


_MARKS = re.compile("[" + "".join(_OPEN_CLOSE) + "]")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Quoted passages of a short text, marks included; an apostrophe inside a word is not a mark."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while True:
        mark = _MARKS.search(text, i)
        if mark is None:
            break
        i = mark.start()
        close = _OPEN_CLOSE[text[i]]
        if (i == 0 or not text[i - 1].isalnum()) and i + 1 < n and not text[i + 1].isspace():
            j = text.find(close, i + 1)
            while j != -1 and not ((j + 1 == n or not text[j + 1].isalnum()) and not text[j - 1].isspace()):
                j = text.find(close, j + 1)
            if j != -1:
                spans.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return spans


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def find_loaded_terms(text: str, *, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, float, str]]:
    """Reported loaded terms of ``text[start:end]`` as ``(start, end, category, score, rule)``, quotation state ignored."""
    end = len(text) if end is None else end
    return [
        (h.start, h.end, h.entry.category, h.score, h.entry.rule)
        for h in _scan(text, start, end, weak=False)
        if h.score >= rules.REPORT_THRESHOLD
    ]


def detect_loaded_language(text: str, segmentation: Segmentation) -> tuple[LoadedTerm, ...]:
    """Every loaded term of the document, in text order, with its sentence and quotation state."""
    starts, ends = _quote_spans(segmentation)
    found: list[LoadedTerm] = []
    for sentence in segmentation.sentences:
        for hit in _scan(text, sentence.start, sentence.end, weak=False):
            if hit.score < rules.REPORT_THRESHOLD:
                continue
            found.append(
                LoadedTerm(
                    start=hit.start,
                    end=hit.end,
                    text=text[hit.start : hit.end],
                    category=hit.entry.category,
                    score=round(hit.score, 2),
                    rule=hit.entry.rule,
                    sentence_id=sentence.id,
                    quoted=_inside(hit.start, hit.end, starts, ends),
                )
            )
    return tuple(found)


def most_biased_word(sentence: str) -> tuple[int, int] | None:
    """The character span of the single likeliest biased word of ``sentence``, or ``None``.

    Every lexicon cue counts, weak ones included, and the shape of unlisted words
    (stance adverbs in -ly, superlatives, evaluative suffixes) breaks ties with
    nothing; a word inside quotation marks counts half. Of a phrase, its first
    content word is returned ("widely" of "widely believed").
    """
    hits = _scan(sentence, 0, len(sentence), weak=True)
    if not hits:
        return None
    quotes = quotation_spans(sentence)

    def rank(hit: _Hit) -> tuple[float, int, int]:
        score = hit.score
        if any(qs <= hit.start and hit.end <= qe for qs, qe in quotes):
            score *= 0.5
        return (score, -_CATEGORY_ORDER.get(hit.entry.category, 9), -hit.start)

    best = max(hits, key=rank)
    if best.first == best.last:
        return best.start, best.end
    tokens = [t for t in _tokens(sentence, best.start, best.end)]
    for word, start, end, key in tokens:
        if key not in _PHRASE_STOP:
            return start, end
    return tokens[0][1], tokens[0][2]


def language_profile(terms: Iterable[LoadedTerm], word_count: int) -> dict[str, Any]:
    """Counts by category and the density of loaded terms outside quotations, per 100 words."""
    terms = tuple(terms)
    unquoted = [t for t in terms if not t.quoted]
    by_category = Counter(t.category for t in terms)
    return {
        "words": word_count,
        "terms": len(terms),
        "unquoted": len(unquoted),
        "quoted": len(terms) - len(unquoted),
        "per_100_words": round(100 * len(unquoted) / word_count, 2) if word_count else 0.0,
        "by_category": {c: by_category.get(c, 0) for c in rules.CATEGORIES},
    }


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


# ---------------------------------------------------------------------------
# Sentence roles
# ---------------------------------------------------------------------------

_NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen"
#: A digit or a number word; the look-ahead for a number word's first letter
#: changes no match, but spares trying every word at every word boundary.
_NUMBER = re.compile(
    r"\d|\b(?=[" + "".join(sorted({w[0] for w in _NUMBER_WORDS.split("|")})) + r"])(?:" + _NUMBER_WORDS + r")s?\b",
    re.IGNORECASE,
)
#: Framing outweighs checkable content only for these categories.
_FRAMING_CATEGORIES = frozenset({rules.SENSATIONAL, rules.EDITORIALIZING})
#: One strong evaluative term (or two weaker ones) makes a sentence without a number or time framing.
_FRAMING_WEIGHT = 0.8


@lru_cache(maxsize=4096)
def _checkable(body: str) -> tuple[bool, bool]:
    """Whether a sentence has a number, and a name (a capitalised word after the
    first: a name, place or organisation); read once for each sentence text."""
    has_number = _NUMBER.search(body) is not None
    has_name = any(word[0].isupper() for word in _WORD.findall(body)[1:])
    return has_number, has_name


def sentence_roles(
    text: str,
    segmentation: Segmentation,
    attributions: Sequence[Any],
    loaded_terms: Sequence[LoadedTerm],
    times: Sequence[Any],
) -> tuple[SentenceRole, ...]:
    """One role for every sentence, in order, with the reason it was given."""
    attributed: dict[str, list[Any]] = {}
    for attribution in attributions:
        attributed.setdefault(attribution.sentence_id, []).append(attribution)
    loaded: dict[str, list[LoadedTerm]] = {}
    for term in loaded_terms:
        if term.sentence_id is not None:
            loaded.setdefault(term.sentence_id, []).append(term)
    timed: dict[str, list[Any]] = {}
    for time in times:
        if getattr(time, "sentence_id", None) is not None:
            timed.setdefault(time.sentence_id, []).append(time)

    roles: list[SentenceRole] = []
    for sentence in segmentation.sentences:
        sid = sentence.id
        if sentence.headline:
            roles.append(SentenceRole(sid, "headline", "the document's headline"))
            continue
        cited = attributed.get(sid, [])
        if cited:
            first = cited[0]
            sources = ", ".join(dict.fromkeys(f"{a.source.name} ({a.cue.text})" for a in cited))
            roles.append(SentenceRole(sid, "attributed-claim", f"{first.id}: {sources}"))
            continue
        body = text[sentence.start : sentence.end]
        framing_terms = [t for t in loaded.get(sid, []) if not t.quoted and t.category in _FRAMING_CATEGORIES]
        framing_weight = sum(t.score for t in framing_terms)
        has_number, has_name = _checkable(body)
        has_time = bool(timed.get(sid))
        # A name is checkable content too, unless the evaluation clearly dominates.
        threshold = _FRAMING_WEIGHT * (2 if has_name else 1)
        if framing_weight >= threshold and not has_number and not has_time:
            words = ", ".join(dict.fromkeys(t.text for t in framing_terms))
            roles.append(SentenceRole(sid, "framing", f"evaluative wording ({words}) and no number or time"))
            continue
        checkable = [label for label, present in (("number", has_number), ("time", has_time), ("name", has_name)) if present]
        if checkable:
            roles.append(SentenceRole(sid, "own-assertion", "unattributed, states a " + " and a ".join(checkable)))
        else:
            roles.append(SentenceRole(sid, "context", "unattributed, no number, time or name"))
    return tuple(roles)
