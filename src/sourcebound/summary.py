"""Neutral summaries: a few attributed lines per document, each citing its sentences.

A line is composed, never generated: the source as the document names it (its
role and name), a plain reporting verb, the channel as given, and the content
as given. Nothing is added that carries a fact. Where the content holds loaded
language, a framing clause or an evaluative adverb that carries no fact is left
out ("successfully"); if loaded words remain, the content is quoted word for
word, so the loaded words stay the document's. What the document states in its
own voice is introduced as "The document states that …". Claims the document
marks as unverified or contested carry that status and the document's words
for it. Framing sentences are never summarised.

Lines are ordered by importance (near the headline, a named source, numbers
and times, verification markers), deterministically, and every line passes
:func:`sourcebound.bounds.check_line` against the sentences it cites.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .language import LoadedTerm, detect_loaded_language, find_loaded_terms, quotation_spans, sentence_roles
from .model import DocumentRecord, Sentence
from .rules import language as language_rules

__all__ = ["SummaryLine", "summarize", "lines_for_check", "STATUS_OF_MARKER"]


@dataclass(frozen=True)
class SummaryLine:
    id: str
    text: str
    #: Sentence ids the line rests on, in text order.
    cites: tuple[str, ...]
    #: ``attributed`` or ``own-assertion``.
    kind: str
    #: ``contested``, ``unverified`` or ``None``.
    status: str | None
    attribution_id: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "cites": list(self.cites),
            "kind": self.kind,
            "status": self.status,
            "attribution_id": self.attribution_id,
        }


#: Verification marker kinds (:mod:`sourcebound.rules.attribution`) -> line status.
STATUS_OF_MARKER: dict[str, str] = {
    "skepticism": "contested",
    "disputed": "contested",
    "dismissed": "contested",
    "unverified": "unverified",
    "unacknowledged": "unverified",
    "alleged": "unverified",
    "reportedly": "unverified",
}

#: Cue lemma -> the plain verb that reports a that-clause.
_CLAUSE_VERB: dict[str, str] = {
    "say": "said", "tell": "said", "state": "stated", "report": "reported", "write": "wrote", "post": "posted",
    "suggest": "suggested", "hint": "suggested", "warn": "warned", "deny": "denied", "announce": "announced",
    "predict": "predicted", "estimate": "estimated",
}
#: Cue lemma -> the plain verb that takes a noun phrase; others report it.
_NP_VERB: dict[str, str] = {
    "describe": "described", "cite": "cited", "warn": "warned", "deny": "denied", "report": "reported",
    "announce": "announced", "point to": "pointed to", "dismiss": "dismissed", "confirm": "reported",
    "disclose": "disclosed", "mention": "mentioned", "note": "noted",
}
#: Cues whose content may come before them ("The remarks have been dismissed by …").
_CONTENT_FIRST_VERBS = frozenset({"dismiss", "deny", "confirm", "report", "reject"})
_PREPOSITIONS = frozenset({"of", "at", "to", "about", "against", "on", "as", "for"})
_CHANNEL_PREPOSITIONS = frozenset({"on", "via", "in", "through", "during", "at", "with", "over"})
_NEGATION = re.compile(r"\b(?:not|never|n[’']t)\b", re.IGNORECASE)
_FUNCTION_START = frozenset(
    "the a an this these that those of in on at as with while although though after before during it its "
    "they he she their some many however meanwhile moreover but while although yet".split()
)
_QUOTE_OPEN = "“‘\"'«"
# The look-aheads for a listed word's first letter below change no match; they
# spare trying every word at every word boundary.
_NUMBERISH = re.compile(r"\d|\b(?=[defhmnst])(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _has_number(text: str) -> bool:
    return _NUMBERISH.search(text) is not None


_REMOVABLE_RULES = frozenset({"editorial-adverb", "puffery", "sensational-negative"})
_MIN_CONTENT_WORDS = 4


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


class _Sentences:
    """A document's sentences looked up by id and by position, indexed once per
    document rather than searched for each attribution."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.by_id = {s.id: s for s in sentences}
        # Sentences are in text order and do not overlap, as segmentation makes them.
        self._sentences = sentences
        self._starts = [s.start for s in sentences]
        self._rank = {s.id: s.n for s in sentences}

    def at(self, position: int) -> Sentence | None:
        """The sentence holding the character at ``position``."""
        k = bisect_right(self._starts, position) - 1
        if k >= 0 and position < self._sentences[k].end:
            return self._sentences[k]
        return None

    def in_order(self, ids: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda sid: self._rank.get(sid, 0)))


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.lower() in _FUNCTION_START:
        return text[0].lower() + text[1:]
    return text


def _upper_first(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


@lru_cache(maxsize=4096)
def _loaded(text: str) -> tuple[tuple[int, int, str, float, str], ...]:
    """Loaded terms of ``text`` outside its quotation marks."""
    spans = quotation_spans(text)
    if spans:
        masked = list(text)
        for start, end in spans:
            masked[start:end] = " " * (end - start)
        text = "".join(masked)
    return tuple(find_loaded_terms(text))


def _words_of(text: str) -> int:
    return len(text.split())


_CLAUSE_WORDS = re.compile(
    r"\b(?=[acdhimsw])(?:had|has|have|was|were|is|are|will|would|could|can|may|might|must|should|did|does|do)\b", re.IGNORECASE
)


def _is_clause(body: str) -> bool:
    """Content with a finite verb that does not open on a participle: a that-clause."""
    return _CLAUSE_WORDS.search(body) is not None and not body.strip().split(" ", 1)[0].lower().endswith("ing")


def _is_whole_quote(body: str) -> bool:
    """Content that is one quotation from end to end."""
    body = body.strip()
    return body[:1] in _QUOTE_OPEN and quotation_spans(body) == [(0, len(body))]


@lru_cache(maxsize=4096)
def _neutral_content(content: str) -> tuple[str, bool]:
    """``(content, quoted)``: framing clauses and evaluative adverbs left out, or the words quoted.
    Made once for each content text: copies of one report share their sentences."""
    text = content.strip().rstrip(".,;:")
    if not _loaded(text):
        return text, False
    # A leading framing clause ("In a tense escalation of …, ") with no number.
    parts = text.split(", ")
    if len(parts) > 1 and _loaded(parts[0]) and not _NUMBERISH.search(parts[0]) and _words(", ".join(parts[1:])) >= _MIN_CONTENT_WORDS:
        text = ", ".join(parts[1:])
    # A trailing comment (", underscoring …", ", a rare deployment that underscores …").
    parts = text.split(", ")
    while (
        len(parts) > 1
        and _loaded(parts[-1])
        and not _NUMBERISH.search(parts[-1])
        and _comment_start(parts[-1])
        and _words_of(", ".join(parts[:-1])) >= _MIN_CONTENT_WORDS
    ):
        parts.pop()
    text = ", ".join(parts)
    # Single evaluative words that carry no fact ("successfully", "relentless").
    for start, end, category, score, rule in sorted(_loaded(text), reverse=True):
        word = text[start:end]
        if rule in _REMOVABLE_RULES and " " not in word and word.lower().endswith("ly"):
            text = (text[:start].rstrip() + " " + text[end:].lstrip()).strip()
    if not _loaded(text):
        return text, False
    return content.strip().rstrip(".,;:"), True


def _comment_start(segment: str) -> bool:
    """A participle clause or an appended noun phrase: a comment on what precedes it."""
    first = segment.split(" ", 1)[0].lower()
    return first.endswith("ing") or first in {"a", "an"}


def _quoted(text: str) -> str:
    return f"“{text}”"


def _status(attribution: Any, sentences: _Sentences) -> tuple[str | None, str, tuple[str, ...]]:
    """The line's status, the words to show for it, and the sentences the markers are in."""
    statuses: list[str] = []
    phrases: list[str] = []
    cites: list[str] = []
    for marker in attribution.markers:
        status = STATUS_OF_MARKER.get(marker.kind)
        if status is None:
            continue
        statuses.append(status)
        words = _clean_marker(marker.span.text)
        # A one-word marker ("alleged", "contradicts") says little out of its sentence.
        if words and " " in words and words not in phrases:
            phrases.append(words)
        sentence = sentences.at(marker.span.start)
        if sentence is not None:
            cites.append(sentence.id)
    if not statuses:
        return None, "", ()
    status = "contested" if "contested" in statuses else "unverified"
    shown = "; ".join(_quoted(p) for p in phrases)
    return status, shown, tuple(cites)


def _clean_marker(text: str) -> str:
    """A marker's words without an unpaired quotation mark at its end."""
    text = text.strip()
    marks = [i for i, ch in enumerate(text) if ch in "‘’“”'\""]
    if len(marks) % 2 == 1:
        text = text[: marks[-1]].strip()
    return text.rstrip(" ,;:")


def _source_phrase(attribution: Any, doc_text: str) -> tuple[str, int | None]:
    """The source as the document names it, and where the fuller mention is."""
    source = attribution.source
    name = source.name
    role = source.role
    phrase = f"{role} {name}" if role and role.lower() not in name.lower() else name
    where = source.span.start if source.span is not None else None
    given = source.span.text if source.span is not None else name
    if source.kind == "organisation" and given.lower().startswith("the ") and not phrase.lower().startswith("the "):
        phrase = "the " + phrase
    if source.kind not in {"person", "organisation"} or _loaded(phrase):
        # Groups and vague sources keep the document's own words.
        phrase = given
        if _loaded(phrase):
            phrase = _quoted(phrase)
    return phrase, where


def _channel_phrase(attribution: Any, doc_text: str) -> str:
    channel = attribution.channel
    if channel is None or " " not in channel.text.strip():
        return ""
    words = channel.text.strip()
    if _loaded(words):
        return ""
    first = words.split(" ", 1)[0].lower()
    if first in _CHANNEL_PREPOSITIONS:
        return " " + words[0].lower() + words[1:]
    before = doc_text[: channel.start].rstrip().rsplit(None, 1)
    preposition = before[-1].lower() if before else ""
    if preposition not in _CHANNEL_PREPOSITIONS:
        return ""
    return f" {preposition} {words}"


@dataclass(frozen=True)
class _Candidate:
    score: float
    position: int
    text: str
    cites: tuple[str, ...]
    kind: str
    status: str | None
    attribution_id: str | None


def _attributed(
    text: str, sentences: _Sentences, attribution: Any, headline_near: set[str], loaded: dict[str, list[LoadedTerm]]
) -> _Candidate | None:
    content = attribution.content
    if content is None:
        return None
    sentence = sentences.by_id.get(attribution.sentence_id)
    if sentence is None:
        return None
    cue = attribution.cue
    lemma = attribution.cue_lemma
    body = content.text
    spliced: tuple[str, str] | None = None
    if lemma == "according to":
        # The content holds the whole clause: leave the "according to" phrase out.
        cut_end = cue.end
        if attribution.source.resolved_from is None and attribution.source.span is not None:
            cut_end = max(cut_end, attribution.source.span.end)
        if attribution.channel is not None and attribution.channel.start >= cue.end:
            cut_end = max(cut_end, attribution.channel.end)
        if content.start <= cue.start < content.end:
            head = text[content.start : cue.start].rstrip(" ,")
            tail = text[cut_end : content.end].lstrip(" ,")
            body = f"{head} {tail}".strip() if tail else head
            spliced = (head, tail) if head and tail else None
    if _words_of(body) < _MIN_CONTENT_WORDS:
        return None
    content_first = content.end <= cue.start and lemma != "according to"
    if content_first and lemma not in _CONTENT_FIRST_VERBS:
        # "The mayor's statements have been interpreted by analysts as …": what the
        # source said is not the content span.
        return None
    neutral, quoted = _neutral_content(body)
    if quoted and spliced is not None:
        # Quoted words must stand as the text has them: the words around the
        # "according to" phrase are two passages, joined by an ellipsis.
        neutral, quoted = _neutral_content(f"{spliced[0]} … {spliced[1]}")
    if not quoted:
        neutral = _lower_first(neutral)
    shown = _quoted(neutral) if quoted else neutral
    source, source_at = _source_phrase(attribution, text)
    channel = _channel_phrase(attribution, text)
    gap = text[cue.end : content.start].strip().lower() if content.start >= cue.end else ""
    if gap == "as":
        # "what officials describe as …": the thing described is not given.
        return None

    if lemma == "according to":
        line = f"According to {source}{channel}, {shown}."
    elif _NEGATION.search(cue.text):
        if _loaded(cue.text):
            return None
        joiner = f" {gap}" if gap in _PREPOSITIONS or gap == "that" else ""
        line = f"{_upper_first(source)} {cue.text}{joiner} {shown}."
    elif content_first:
        line = f"{_upper_first(source)} {_NP_VERB.get(lemma, 'reported')}{channel} {shown}."
    elif gap == "that" or gap.endswith(" that") or (gap == "" and _is_clause(body)):
        verb = _CLAUSE_VERB.get(lemma, "said")
        line = f"{_upper_first(source)} {verb}{channel} that {shown}."
    elif gap not in _PREPOSITIONS and _is_whole_quote(body):
        verb = _CLAUSE_VERB.get(lemma, "said")
        line = f"{_upper_first(source)} {verb}{channel}: {shown}."
    else:
        verb = _NP_VERB.get(lemma, "reported")
        joiner = f" {gap}" if gap in _PREPOSITIONS else ""
        line = f"{_upper_first(source)} {verb}{joiner} {shown}{channel}."
    line = _end(line)

    cites = {sentence.id}
    if source_at is not None and (found := sentences.at(source_at)) is not None:
        cites.add(found.id)
    status, status_words, marker_cites = _status(attribution, sentences)
    cites.update(marker_cites)
    if status is not None:
        line = _end(line[:-1] + (f" ({status}: the document says {status_words})." if status_words else f" ({status})."))

    score = 0.0
    if sentence.id in headline_near:
        score += 3
    if attribution.source.kind in {"person", "organisation"}:
        score += 2
    elif attribution.source.kind == "anonymous":
        score += 0.5
    if _has_number(body):
        score += 2
    if status is not None:
        score += 1.5
    if channel:
        score += 0.5
    if quoted:
        score -= 0.5
    if any(t.category == language_rules.WEASEL and not t.quoted for t in loaded.get(sentence.id, ())):
        score -= 1
    if attribution.parent is not None:
        score -= 1
    return _Candidate(score, sentence.start, line, sentences.in_order(cites), "attributed", status, attribution.id)


def _own(record: DocumentRecord, sentence: Sentence, headline_near: set[str]) -> _Candidate | None:
    body = record.sentence_text(sentence)
    if _words(body) < _MIN_CONTENT_WORDS:
        return None
    neutral, quoted = _neutral_content(body)
    if quoted:
        line = f"The document states: {_quoted(neutral)}."
    else:
        line = f"The document states that {_lower_first(neutral)}."
    score = -1.0
    if sentence.id in headline_near:
        score += 3
    if _has_number(body):
        score += 2
    if quoted:
        score -= 0.5
    return _Candidate(score, sentence.start, _end(line), (sentence.id,), "own-assertion", None, None)


def _end(line: str) -> str:
    """One full stop at the end, not a second after a quotation that ends with one."""
    if line.endswith("."):
        body = line[:-1].rstrip("”’'\"")
        if body.endswith(".") and body != line[:-1]:
            return line[:-1]
    return line


def summarize(record: DocumentRecord, *, max_lines: int = 6) -> tuple[SummaryLine, ...]:
    """A short neutral summary of one document, most important line first."""
    text = record.document.text
    segmentation = record.segmentation
    if record.roles:
        # The pipeline has found the loaded terms and given the roles already.
        terms = record.loaded_terms
        given_roles = record.roles
    else:
        terms = detect_loaded_language(text, segmentation)
        given_roles = sentence_roles(text, segmentation, record.attributions, terms, record.times)
    loaded: dict[str, list[LoadedTerm]] = {}
    for term in terms:
        loaded.setdefault(term.sentence_id or "", []).append(term)
    roles = {r.sentence_id: r.role for r in given_roles}
    body = [s for s in segmentation.sentences if not s.headline]
    headline_near = {s.id for s in body[:2]}

    sentences = _Sentences(segmentation.sentences)
    candidates: list[_Candidate] = []
    for attribution in record.attributions:
        if roles.get(attribution.sentence_id) == "framing":
            continue
        candidate = _attributed(text, sentences, attribution, headline_near, loaded)
        if candidate is not None:
            candidates.append(candidate)
    for sentence in body:
        if roles.get(sentence.id) == "own-assertion":
            candidate = _own(record, sentence, headline_near)
            if candidate is not None:
                candidates.append(candidate)

    seen: set[str] = set()
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.position, c.text)):
        if candidate.text in seen:
            continue
        seen.add(candidate.text)
        chosen.append(candidate)
        if len(chosen) >= max_lines:
            break
    return tuple(
        SummaryLine(
            id=f"{record.id}-l{n}",
            text=c.text,
            cites=c.cites,
            kind=c.kind,
            status=c.status,
            attribution_id=c.attribution_id,
        )
        for n, c in enumerate(chosen, 1)
    )


def lines_for_check(record: DocumentRecord, lines: Sequence[SummaryLine]) -> list[tuple[str, str, list[str]]]:
    """``(line id, text, cited sentence texts)`` for :func:`sourcebound.bounds.check_lines`."""
    by_id = {s.id: record.sentence_text(s) for s in record.segmentation.sentences}
    return [(line.id, line.text, [by_id[c] for c in line.cites if c in by_id]) for line in lines]
