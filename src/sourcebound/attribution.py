"""Who said what: attribution relations (source, cue, content) in news text.

The extractor is rule-based and reads one sentence at a time with a light
tokenizer, no tagger: a reporting cue from the lexicon in
:mod:`sourcebound.rules.attribution` anchors each relation; the source is the
noun phrase before the cue's verb group (or after it, in inverted and passive
constructions, or after "according to"); the content is what the cue reports,
a quotation or a clause. Pronouns and short mentions ("He", "The mayor",
"Popov") are resolved to the fuller mention earlier in the same document.
Channels ("his Telegram channel") and verification markers ("not independently
verified") are attached to the relations they qualify.

Every record carries character offsets into the document text and the name of
the rule that produced it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from functools import reduce
from operator import itemgetter, or_
from typing import Any

from .model import Segmentation, Sentence
from .rules import attribution as rules

__all__ = ["Attribution", "Marker", "SourceMention", "TextSpan", "extract_attributions", "extract_markers"]


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class SourceMention:
    span: TextSpan | None
    name: str
    kind: str
    role: str | None = None
    resolved_from: TextSpan | None = None

    @property
    def mention(self) -> TextSpan | None:
        """The words in the attributing sentence that name the source."""
        return self.resolved_from or self.span

    def to_json(self) -> dict[str, Any]:
        return {
            "span": self.span.to_json() if self.span else None,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "resolved_from": self.resolved_from.to_json() if self.resolved_from else None,
        }


@dataclass(frozen=True)
class Marker:
    span: TextSpan
    kind: str
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {"span": self.span.to_json(), "kind": self.kind, "rule": self.rule}


@dataclass(frozen=True)
class Attribution:
    id: str
    sentence_id: str
    source: SourceMention
    cue: TextSpan
    cue_lemma: str
    content: TextSpan | None
    channel: TextSpan | None
    channel_kind: str | None
    markers: tuple[Marker, ...]
    parent: str | None
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentence_id": self.sentence_id,
            "source": self.source.to_json(),
            "cue": self.cue.to_json(),
            "cue_lemma": self.cue_lemma,
            "content": self.content.to_json() if self.content else None,
            "channel": self.channel.to_json() if self.channel else None,
            "channel_kind": self.channel_kind,
            "markers": [m.to_json() for m in self.markers],
            "parent": self.parent,
            "rule": self.rule,
        }


# ---------------------------------------------------------------------------
# Compiled once
# ---------------------------------------------------------------------------

_CUE_FORMS = rules.cue_forms()
_PHRASAL_CUES = {form: entry for form, entry in _CUE_FORMS.items() if " " in form}
#: Words at which a cue can start: single-word forms, the first word of phrasal
#: forms ("point to"), and "according". A sentence without any holds no cue, and
#: within a sentence no other token is tried.
_CUE_STARTS = frozenset(form.split()[0] for form in _CUE_FORMS) | {"according"}
#: A token: a word (hyphens, dashes and full stops inside it kept: "S-300",
#: "U.S"), a possessive "’s", or one other character that is not whitespace.
#: It is the separator of a split, so the split alternates whitespace and tokens
#: (every other character belongs to a token) and the running sum of their
#: lengths gives the offsets. The quantifiers are possessive: faster, and the same
#: tokens, since nothing follows them to backtrack for.
_TOKEN_SPLIT = re.compile(r"(\w++(?:[-–.]\w++)*+|[’']s\b|[^\w\s])")
_QUOTE_MARKS = frozenset("\"'“”‘’«»„")
_OPEN_QUOTES = frozenset("\"'“‘«„")
_CLOSE_PUNCT = frozenset(".,!?;:")
_CAPITALIZED = re.compile(r"^[A-Z][\w.’'-]*$")
_ACRONYM = re.compile(r"^[A-Z]{2,}s?$")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_MENTION_WORD = re.compile(r"[\w-]+")
#: Cue forms that are participles ("stating"): after a channel noun they take over the report.
_ING_CUE_FORMS = frozenset(form for form in _CUE_FORMS if form.endswith("ing"))

# Word classes combined once, not per look-up.
_NAME_BREAKERS = _OPEN_QUOTES | {"(", "—"}
_NOUN_MARKERS = rules.DETERMINERS | rules.NOUN_PREMODIFIERS | {"’s", "'s"}
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_PRONOUNS_HE_THEY = rules.PRONOUNS_PERSON | rules.PRONOUNS_GROUP
_PRONOUNS_3RD = rules.PRONOUNS_PERSON | rules.PRONOUNS_GROUP | rules.PRONOUNS_THING
_ADDRESSEE_BREAKERS = _PRONOUNS_3RD | rules.DETERMINERS
_NP_END_STOPWORDS = rules.NP_STOPWORDS | {"close"}
_HEAD_BREAKERS = rules.NP_INNER_PREPS | {"close"}
_CHANNEL_PREPOSITIONS = rules.PREPOSITIONS | {"via", "through", "in", "on", "at"}


#: A token is a plain tuple ``(text, start, end, lower, quoted)`` (no object per
#: token: most are only looked at once); these name its fields.
_TEXT, _START, _END, _LOW, _QUOTED = range(5)
_Token = tuple[str, int, int, str, bool]
_LOWER = itemgetter(_LOW)


def _capitalized(token: _Token) -> bool:
    text = token[_TEXT]
    return text[0] in _UPPER and _CAPITALIZED.match(text) is not None


def _is_word(token: _Token) -> bool:
    return token[_TEXT][0].isalnum()


def _tokenize(text: str, start: int, end: int, quoted=None) -> list[_Token]:
    """The tokens of ``text[start:end]``; ``quoted(position)`` marks those inside quotations."""
    parts = _TOKEN_SPLIT.split(text[start:end])
    # parts: gap, token, gap, token, ..., gap; offsets: where each part starts, then the end
    offsets = list(accumulate(map(len, parts), initial=start))
    words, starts = parts[1::2], offsets[1:-1:2]
    flags = map(quoted, starts) if quoted is not None else repeat(False)
    return list(zip(words, starts, offsets[2::2], map(str.lower, words), flags))


class _TriggerIndex:
    """Which channel and marker rules apply to a sentence: those with a trigger in its lower-cased text.

    A trigger of ASCII letters only occurs in the lower-cased sentence exactly
    when it occurs in the lower-cased text of one of the sentence's tokens (a run
    of letters is never split between tokens, and only word characters lower to
    ASCII letters). So the triggers in each distinct word are found once and
    remembered, as a bit mask, and a sentence's are the union over its words; the
    other triggers ("on ", "lack of") are looked up in the sentence text.
    """

    _LIMIT = 200_000  # distinct words remembered; past it, start afresh

    def __init__(self, rule_sets: tuple[tuple[rules.Rule, ...], ...]) -> None:
        triggers = sorted({trigger for rule_set in rule_sets for rule in rule_set for trigger in rule.triggers})
        self.bit = {trigger: 1 << n for n, trigger in enumerate(triggers)}
        self.letter_triggers = tuple((t, self.bit[t]) for t in triggers if t.isascii() and t.isalpha())
        self.other_triggers = tuple((t, self.bit[t]) for t in triggers if not (t.isascii() and t.isalpha()))
        self.rule_sets = rule_sets
        self.in_word = _WordMasks(self._mask_of_word)
        self._applicable: list[dict[int, tuple[tuple[int, rules.Rule], ...]]] = [{} for _ in rule_sets]

    def _mask_of_word(self, word: str) -> int:
        if len(self.in_word) > self._LIMIT:
            self.in_word.clear()
        return sum(bit for trigger, bit in self.letter_triggers if trigger in word)

    def present(self, lowered_sentence: str, lowers: list[str]) -> int:
        """The triggers in ``lowered_sentence``, whose tokens lower-cased are ``lowers``, as a bit mask."""
        found = reduce(or_, map(self.in_word.__getitem__, lowers), 0)
        for trigger, bit in self.other_triggers:
            if trigger in lowered_sentence:
                found |= bit
        return found

    def rules(self, which: int, present: int) -> tuple[tuple[int, rules.Rule], ...]:
        """The rules of rule set ``which`` (with their positions in it) that have a trigger in ``present``."""
        applicable = self._applicable[which]
        found = applicable.get(present)
        if found is None:
            bit = self.bit
            found = applicable[present] = tuple(
                (priority, rule)
                for priority, rule in enumerate(self.rule_sets[which])
                if any(bit[trigger] & present for trigger in rule.triggers)
            )
        return found


class _WordMasks(dict):
    """Word → bit mask of the triggers in it, computed on first look-up."""

    def __init__(self, compute) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> int:
        mask = self[word] = self.compute(word)
        return mask


_TRIGGERS = _TriggerIndex((rules.CHANNEL_RULES, rules.MARKER_RULES))
_CHANNELS, _MARKERS = 0, 1


@dataclass
class _Known:
    """A source or named person seen earlier in the document, for back references."""

    mention: SourceMention
    surname: str | None = None
    words: frozenset[str] = field(default_factory=frozenset)


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def extract_attributions(text: str, segmentation: Segmentation, *, doc_id: str) -> tuple[Attribution, ...]:
    """Every attribution relation in ``text``, numbered in text order."""
    return _Extractor(text, segmentation, doc_id).run()


def extract_markers(text: str, segmentation: Segmentation) -> tuple[tuple[str, Marker], ...]:
    """Every verification marker, as ``(sentence id, marker)``, attributed or not."""
    found: list[tuple[str, Marker]] = []
    sentences = segmentation.sentences
    for sentence, marker_rules in zip(sentences, _rules_by_sentence(rules.MARKER_RULES, text, sentences)):
        for marker in _markers(text, sentence.start, sentence.end, marker_rules):
            found.append((sentence.id, marker))
    return tuple(found)


def _rules_by_sentence(
    all_rules: tuple[rules.Rule, ...], text: str, sentences: tuple[Sentence, ...], lowered: str | None = None
) -> list[tuple[tuple[int, rules.Rule], ...]]:
    """For each sentence, the rules (with their positions in ``all_rules``) that apply to it.

    A rule applies to a sentence when one of its trigger words occurs in the
    lower-cased sentence. The triggers are looked up once in the whole document
    (``lowered``, the lower-cased text) rather than rule by rule in every sentence.
    """
    if lowered is None:
        lowered = text.lower()
    in_order = all(s.start <= s.end for s in sentences) and all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    ascii_triggers = all(trigger.isascii() for rule in all_rules for trigger in rule.triggers)
    if not in_order or not ascii_triggers or len(lowered) != len(text):
        # offsets in the lower-cased document may not be those of the sentence
        # (lengths changed, or a final sigma lowered by its context): test each sentence on its own
        present = [(priority, rule) for priority, rule in enumerate(all_rules) if rule.applies(lowered)]
        return [
            tuple((priority, rule) for priority, rule in present if rule.applies(text[s.start : s.end].lower()))
            for s in sentences
        ]
    starts = [s.start for s in sentences]
    hits: list[list[tuple[int, rules.Rule]]] = [[] for _ in sentences]
    for priority, rule in enumerate(all_rules):
        found: set[int] = set()
        for trigger in rule.triggers:
            size = len(trigger)
            position = lowered.find(trigger)
            while position >= 0:
                k = bisect_right(starts, position) - 1
                if k >= 0 and position + size <= sentences[k].end:
                    found.add(k)
                position = lowered.find(trigger, position + 1)
        for k in found:
            hits[k].append((priority, rule))
    return [tuple(h) for h in hits]


def _markers(text: str, start: int, end: int, marker_rules: tuple[tuple[int, rules.Rule], ...], quoted=None) -> list[Marker]:
    """The markers in ``text[start:end]`` found by ``marker_rules``, the rules that apply there."""
    if not marker_rules:
        return []
    segment = text[start:end]
    found: list[Marker] = []
    taken: list[tuple[int, int]] = []
    for _, rule in marker_rules:
        for match in rule.pattern.finditer(segment):
            if quoted is not None and quoted(start + match.start()):
                continue  # the source's own words, not the reporting's hedge
            s, e = start + match.start(), start + match.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1] in " ,.":
                e -= 1
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(Marker(TextSpan(s, e, text[s:e]), rule.kind, rule.name))
    found.sort(key=lambda m: (m.span.start, m.span.end))
    return found


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


@dataclass
class _Draft:
    sentence: Sentence
    source: SourceMention
    cue: TextSpan
    lemma: str
    content: TextSpan | None
    rule: str
    channel: TextSpan | None = None
    channel_kind: str | None = None


class _Extractor:
    def __init__(self, text: str, segmentation: Segmentation, doc_id: str) -> None:
        self.text = text
        self.segmentation = segmentation
        self.doc_id = doc_id
        self.quotes = sorted((q.start, q.end) for q in segmentation.quotations)
        self.quote_starts = [q[0] for q in self.quotes]
        self.known: list[_Known] = []
        self._channel_cache: dict[str, list[tuple[int, int, int, str]]] = {}
        # per sentence, the trigger words of channel and marker rules in it (only those rules are tried)
        self._triggers: dict[int, int] = {}
        lowered = text.lower()
        # sentences are cut from the lower-cased text when its offsets are the text's
        self._lowered_text = lowered if len(lowered) == len(text) else None

    # -- driver -----------------------------------------------------------

    def run(self) -> tuple[Attribution, ...]:
        drafts: list[_Draft] = []
        per_sentence: list[tuple[Sentence, list[_Draft]]] = []
        for sentence in self.segmentation.sentences:
            found = self._sentence(sentence)
            for draft in found:
                self._channel(draft)
            per_sentence.append((sentence, found))
            drafts.extend(found)
        drafts.sort(key=lambda d: (d.cue.start, d.cue.end))
        ids = {id(d): f"{self.doc_id}-a{n}" for n, d in enumerate(drafts, 1)}
        markers = self._attach_markers(per_sentence)
        result = []
        contents = [(d.content.start, d.content.end, d) for d in drafts if d.content is not None]
        for draft in drafts:
            parent = None
            cue_start, cue_end = draft.cue.start, draft.cue.end
            for start, end, other in contents:
                if start <= cue_start and cue_end <= end and other is not draft:
                    if parent is None or (end - start) < (parent.content.end - parent.content.start):
                        parent = other
            result.append(
                Attribution(
                    id=ids[id(draft)],
                    sentence_id=draft.sentence.id,
                    source=draft.source,
                    cue=draft.cue,
                    cue_lemma=draft.lemma,
                    content=draft.content,
                    channel=draft.channel,
                    channel_kind=draft.channel_kind,
                    markers=tuple(markers.get(id(draft), ())),
                    parent=ids[id(parent)] if parent is not None else None,
                    rule=draft.rule,
                )
            )
        return tuple(result)

    # -- tokens -------------------------------------------------------------

    def _tokens(self, sentence: Sentence) -> list[_Token]:
        # most sentences quote nothing: skip the look-ups
        return _tokenize(self.text, sentence.start, sentence.end, self._in_quote if sentence.quotes else None)

    def _in_quote(self, position: int) -> bool:
        index = bisect_right(self.quote_starts, position) - 1
        return index >= 0 and self.quotes[index][0] < position < self.quotes[index][1] - 1

    def _lowered(self, sentence: Sentence) -> str:
        """The sentence lower-cased (but for a final sigma, which no trigger holds)."""
        if self._lowered_text is None:
            return self.text[sentence.start : sentence.end].lower()
        return self._lowered_text[sentence.start : sentence.end]

    def _span(self, start: int, end: int) -> TextSpan:
        return TextSpan(start, end, self.text[start:end])

    def _tspan(self, tokens: list[_Token], i: int, j: int) -> TextSpan:
        """Tokens ``i``..``j`` inclusive."""
        return self._span(tokens[i][_START], tokens[j][_END])

    # -- one sentence ---------------------------------------------------------

    def _sentence(self, sentence: Sentence) -> list[_Draft]:
        tokens = self._tokens(sentence)
        lowers = list(map(_LOWER, tokens))
        self._triggers[id(sentence)] = _TRIGGERS.present(self._lowered(sentence), lowers)
        if not sentence.headline and _CUE_STARTS.isdisjoint(lowers):
            # no cue word: nothing to extract, but titled names are remembered
            self._remember_names(tokens, lowers)
            return []
        drafts: list[_Draft] = []
        if sentence.headline:
            headline = self._headline(sentence)
            if headline:
                drafts.append(headline)
        used: set[int] = set()
        suppressed: set[int] = set()
        # only tokens that can start a cue are tried (any other yields nothing below)
        for i in [i for i, low in enumerate(lowers) if low in _CUE_STARTS]:
            token = tokens[i]
            if token[_QUOTED] or i in used or i in suppressed:
                continue
            if token[_LOW] == "according" and i + 1 < len(tokens) and tokens[i + 1][_LOW] == "to":
                draft = self._according_to(sentence, tokens, i)
                if draft:
                    drafts.append(draft)
                    used.update((i, i + 1))
                continue
            entry, last = self._cue_at(tokens, i)
            if entry is None:
                continue
            draft = self._verb_cue(sentence, tokens, i, last, entry, drafts, suppressed)
            if draft:
                drafts.append(draft)
                used.update(range(i, last + 1))
        for draft in drafts:
            self._remember(draft.source)
        self._remember_names(tokens, lowers)
        return drafts

    def _cue_at(self, tokens: list[_Token], i: int) -> tuple[rules.CueLemma | None, int]:
        token = tokens[i]
        if i + 1 < len(tokens):
            pair = f"{token[_LOW]} {tokens[i + 1][_LOW]}"
            if pair in _PHRASAL_CUES:
                return _PHRASAL_CUES[pair], i + 1
        entry = _CUE_FORMS.get(token[_LOW])
        if entry is None or (_capitalized(token) and i == 0 and not token[_LOW].endswith("ing")):
            return None, i
        return entry, i

    # -- verb cues ------------------------------------------------------------

    def _verb_cue(
        self,
        sentence: Sentence,
        tokens: list[_Token],
        i: int,
        last: int,
        entry: rules.CueLemma,
        drafts: list[_Draft],
        suppressed: set[int],
    ) -> _Draft | None:
        form = tokens[i][_LOW]
        group = i
        while group > 0 and tokens[group - 1][_LOW] in rules.AUXILIARIES and not tokens[group - 1][_QUOTED]:
            group -= 1
        cue_start = group
        while cue_start < i and tokens[cue_start][_LOW] not in rules.CUE_GROUP_WORDS:
            cue_start += 1
        chain = {t[_LOW] for t in tokens[group:i]}
        before = tokens[group - 1] if group > 0 else None
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        passive = bool(chain & _PASSIVE_AUXILIARIES) and not form.endswith("ing")
        if not passive and not form.endswith(("ing", "s")) and form != entry.lemma and after is not None:
            # a reduced passive: "figures, though officially confirmed by the ministry"
            if after[_LOW] == "by" and self._np_before(tokens, group - 1) is None:
                passive = True
        if _capitalized(tokens[i]) and i > 0 and tokens[i - 1][_TEXT] not in _NAME_BREAKERS:
            return None  # part of a name: "the United States"
        if not chain and form in rules.NOUN_LIKE_FORMS:
            if after is None or not (after[_LOW] == "that" or after[_TEXT] in _OPEN_QUOTES or after[_TEXT] in ":,"):
                return None
        if not chain:
            if before is not None and before[_LOW] in _NOUN_MARKERS:
                return None  # a noun or an adjective: "these claims", "the reported figures"
            if before is not None and before[_LOW] in rules.PREPOSITIONS and not form.endswith("ing"):
                return None  # "between alleged commanders"
            if before is not None and before[_LOW] == "to":
                return None  # an infinitive: "declined to say"
            if form.endswith("s") and form != entry.lemma and after is not None and after[_LOW] in {"of", "have", "has", "were", "are", "from", "by", "and"}:
                return None
        cue = self._tspan(tokens, cue_start, last)
        rest = last + 1

        # A verb whose object is a channel followed by a reporting participle
        # ("posted a message stating that ...") leaves the report to the participle.
        for k in range(rest, min(rest + 6, len(tokens))):
            if tokens[k][_LOW] in _ING_CUE_FORMS and tokens[k - 1][_LOW] in rules.CHANNEL_HEADS:
                return None
            if tokens[k][_TEXT] in ",.;:":
                break

        if passive:
            return self._passive(sentence, tokens, group, i, last, entry, cue)
        if form.endswith("ing") and not chain:
            return self._participle(sentence, tokens, i, last, entry, cue, drafts)

        if before is not None and before[_LOW] in rules.RELATIVE_PRONOUNS:
            source_span = (group - 1, group - 1)
        else:
            source_span = self._np_before(tokens, group - 1)
        rule = "cue-subject-verb"
        inverted = False
        if source_span is None and before is not None and before[_LOW] in ("and", "but"):
            earlier = [d for d in drafts if d.sentence is sentence]
            if earlier:
                content = self._content_after(tokens, rest, entry, sentence)
                if content is not None:
                    return _Draft(sentence, earlier[-1].source, cue, entry.lemma, content, "cue-coordinated")
        if source_span is None:
            # '"...," said the spokesman.' / 'said John Smith, the chief executive'
            after_np = self._np_after(tokens, rest)
            if after_np is not None and self._closing_quote_before(tokens, group):
                source_span = after_np
                rest = after_np[1] + 1
                inverted = True
                rule = "cue-inverted"
            else:
                return None
        s0, s1 = source_span
        if tokens[s0][_LOW] in rules.RELATIVE_PRONOUNS or tokens[s0][_LOW] == "what":
            antecedent = self._relative_antecedent(tokens, s0)
            if tokens[s0][_LOW] == "what" and s0 + 1 <= s1:
                s0 += 1
            elif antecedent is None:
                return None
            else:
                s0, s1 = antecedent
                rule = "cue-relative-clause"
        content = self._content_after(tokens, rest, entry, sentence) if not inverted else None
        if content is None:
            content = self._content_before(tokens, s0 if not inverted else group, sentence)
            if content is not None and rule == "cue-subject-verb":
                rule = "cue-quote-before"
        if content is None and entry.strength == rules.CLAUSAL:
            return None
        if entry.strength == rules.CLAUSAL and content is not None and not self._clausal_ok(tokens, rest, content):
            return None
        source = self._mention(tokens, s0, s1)
        if source is None:
            return None
        return _Draft(sentence, source, cue, entry.lemma, content, rule)

    def _clausal_ok(self, tokens: list[_Token], rest: int, content: TextSpan) -> bool:
        """A clausal cue needs a that-clause, a quotation, a colon or a clause with a verb."""
        if rest >= len(tokens):
            return True
        first = tokens[rest]
        if first[_LOW] in ("that", ":") or first[_TEXT] in _OPEN_QUOTES or content.text[:1] in _QUOTE_MARKS:
            return True
        words = [t[_LOW] for t in tokens if content.start <= t[_START] < content.end]
        return any(w in rules.CUE_GROUP_WORDS or w in {"are", "is", "was", "were"} for w in words[1:8])

    def _passive(self, sentence, tokens, group, i, last, entry, cue) -> _Draft | None:
        """'X was reported by Y' / 'X have been dismissed by Y as ...'."""
        k = last + 1
        if not (k < len(tokens) and tokens[k][_LOW] == "by"):
            # "officially confirmed by" with an adverb between
            if k + 1 < len(tokens) and tokens[k][_LOW].endswith("ly") and tokens[k + 1][_LOW] == "by":
                k += 1
            else:
                return None
        agent = self._np_after(tokens, k + 1)
        if agent is None:
            return None
        source = self._mention(tokens, *agent)
        if source is None:
            return None
        content = None
        subject = self._np_before(tokens, group - 1, passive_subject=True)
        if subject is not None:
            content = self._tspan(tokens, *subject)
        else:
            # "These figures, though officially confirmed by ..." — the subject before the comma
            j = group - 1
            while j >= 0 and tokens[j][_LOW] not in {","}:
                j -= 1
            if j > 0:
                subject = self._np_before(tokens, j - 1, passive_subject=True)
                if subject is not None:
                    content = self._tspan(tokens, *subject)
        return _Draft(sentence, source, cue, entry.lemma, content, "cue-passive-by")

    def _participle(self, sentence, tokens, i, last, entry, cue, drafts) -> _Draft | None:
        """', saying that ...' / 'a statement saying ...' / 'with officials admitting that ...'."""
        form = tokens[i][_LOW]
        rest = last + 1
        content = self._content_after(tokens, rest, entry, sentence)
        if content is None:
            return None
        has_complement = rest < len(tokens) and (
            tokens[rest][_LOW] in ("that", ":") or tokens[rest][_TEXT] in _OPEN_QUOTES
        )
        if not has_complement and form not in rules.PARTICIPLE_WITH_OBJECT:
            return None
        previous = tokens[i - 1] if i > 0 else None
        if previous is None:
            return None
        channel = None
        if previous[_TEXT] == ",":
            rule = "cue-participle"
        else:
            noun = self._np_before(tokens, i - 1)
            if noun is None:
                return None
            head = tokens[noun[1]][_LOW]
            if head in rules.CHANNEL_HEADS:
                channel = self._tspan(tokens, *noun)
                rule = "cue-participle-channel"
            else:
                head_token = tokens[noun[1]]
                if not (_capitalized(head_token) or head in rules.GROUP_HEADS or head in rules.ANONYMOUS_HEADS or head in rules.ORGANISATION_WORDS):
                    return None
                source = self._mention(tokens, *noun)
                if source is None:
                    return None
                return _Draft(sentence, source, cue, entry.lemma, content, "cue-participle-subject")
        earlier = [d for d in drafts if d.sentence is sentence and d.cue.start < tokens[i][_START] and d.source.kind != "document"]
        pronoun = next(
            (k for k in range(i - 1, -1, -1)
             if tokens[k][_LOW] in _PRONOUNS_HE_THEY and not tokens[k][_QUOTED]
             and k + 1 < i and (tokens[k + 1][_LOW] in rules.CUE_GROUP_WORDS or tokens[k + 1][_LOW].endswith("ed"))),
            None,
        )
        if earlier:
            source = earlier[-1].source
        elif pronoun is not None:
            source = self._mention(tokens, pronoun, pronoun)
            if source is None:
                return None
        else:
            subject = self._clause_subject(tokens, i)
            if subject is None:
                return None
            source = self._mention(tokens, *subject)
            if source is None:
                return None
        draft = _Draft(sentence, source, cue, entry.lemma, content, rule)
        if channel is not None:
            draft.channel = channel
            draft.channel_kind = self._channel_kind(channel)
        return draft

    # -- according to ---------------------------------------------------------

    def _according_to(self, sentence, tokens, i) -> _Draft | None:
        np = self._np_after(tokens, i + 2)
        if np is None:
            return None
        s0, s1 = np
        channel = None
        # "according to a statement from the mayor on his channel"
        if tokens[s1][_LOW] in rules.CHANNEL_HEADS and s1 + 1 < len(tokens) and tokens[s1 + 1][_LOW] in ("from", "by", "of"):
            inner = self._np_after(tokens, s1 + 2)
            if inner is not None:
                channel = self._tspan(tokens, s0, s1)
                s0, s1 = inner
        source = self._mention(tokens, s0, s1)
        if source is None:
            return None
        cue = self._tspan(tokens, i, i + 1)
        end = s1 + 1
        # the phrase runs on to the next comma or the sentence end
        phrase_end = end
        while phrase_end < len(tokens) and tokens[phrase_end][_TEXT] not in ",;":
            phrase_end += 1
        body_end = self._trim_end(sentence.end, sentence)
        if i == 0 or (i == 1 and tokens[0][_TEXT] in _OPEN_QUOTES):
            start = tokens[phrase_end + 1][_START] if phrase_end + 1 < len(tokens) else None
            content = self._span(start, body_end) if start is not None else None
        elif i > 0 and tokens[i - 1][_TEXT] == "," and phrase_end >= len(tokens) - 1:
            content = self._span(sentence.start, tokens[i - 1][_START])
        else:
            content = self._span(sentence.start, body_end)
        return _Draft(sentence, source, cue, "according to", content, "cue-according-to")

    # -- headlines --------------------------------------------------------------

    def _headline(self, sentence: Sentence) -> _Draft | None:
        segment = self.text[sentence.start : sentence.end]
        match = rules.HEADLINE_COLON.match(segment)
        if not match or match.group(1).lower() in rules.HEADLINE_LABELS:
            return None
        start = sentence.start + match.start(1)
        name_span = self._span(start, sentence.start + match.end(1))
        colon = self.text.index(":", name_span.end)
        tokens = _tokenize(self.text, name_span.start, name_span.end)
        source = self._mention(tokens, 0, len(tokens) - 1)
        if source is None:
            return None
        content = self._span(sentence.start + match.start(2), self._trim_end(sentence.end, sentence))
        return _Draft(sentence, source, self._span(colon, colon + 1), "say", content, "cue-headline-colon")

    # -- noun phrases -----------------------------------------------------------

    def _np_before(self, tokens, end, *, passive_subject=False) -> tuple[int, int] | None:
        """The noun phrase ending at token ``end``, read backwards."""
        j = end
        # skip a parenthetical between subject and verb: "Popov, in an interview, claimed"
        if j >= 0 and tokens[j][_TEXT] == "," :
            k = j - 1
            while k >= 0 and tokens[k][_TEXT] != ",":
                k -= 1
            if k > 0 and k < j - 1:
                candidate = self._np_before(tokens, k - 1, passive_subject=passive_subject)
                if candidate is not None:
                    return candidate
            return None
        if j < 0 or not _is_word(tokens[j]) or tokens[j][_QUOTED]:
            return None
        first = j
        count = 0
        while first >= 0:
            token = tokens[first]
            low = token[_LOW]
            if token[_QUOTED] or (not _is_word(token) and low not in ("’s", "'s", "&")):
                break
            if low in ("’s", "'s"):
                first -= 1
                count += 1
                continue
            if low in rules.NP_STOPWORDS:
                if low in ("to",) and first > 0 and tokens[first - 1][_LOW] == "close":
                    first -= 1
                    count += 1
                    continue
                if low in rules.NP_INNER_PREPS and first > 0 and first < j and _is_word(tokens[first - 1]):
                    prev = tokens[first - 1]
                    if _capitalized(prev) or prev[_LOW] in rules.GROUP_HEADS or prev[_LOW] in rules.ANONYMOUS_HEADS or prev[_LOW] in rules.ORGANISATION_WORDS or prev[_LOW] in rules.TITLE_WORDS:
                        first -= 1
                        count += 1
                        continue
                break
            if low in rules.CUE_GROUP_WORDS or low in _CUE_FORMS and first != j and not _capitalized(token):
                break
            if not _capitalized(token) and (low.endswith("ed") or low.endswith("ing")) and first != j:
                if not (first > 0 and tokens[first - 1][_LOW] in rules.DETERMINERS):
                    break
            first -= 1
            count += 1
            if count > 14:
                return None
        first += 1
        if first > j:
            return None
        # drop a leading preposition phrase: "On Tuesday the company"
        if tokens[first][_LOW] in rules.PREPOSITIONS:
            determiners = [k for k in range(first + 1, j + 1) if tokens[k][_LOW] in rules.DETERMINERS]
            if not determiners:
                return None
            first = determiners[-1]
        # a lone determiner or possessive is no phrase
        if first == j and tokens[j][_LOW] in rules.DETERMINERS and tokens[j][_LOW] not in ("some", "many", "several", "both"):
            return None
        return first, j

    def _np_after(self, tokens, start) -> tuple[int, int] | None:
        """The noun phrase starting at token ``start``, read forwards."""
        if start >= len(tokens) or not _is_word(tokens[start]):
            return None
        j = start
        last = None
        while j < len(tokens):
            token = tokens[j]
            low = token[_LOW]
            if not _is_word(token) and low not in ("’s", "'s", "&"):
                break
            if low in rules.NP_STOPWORDS and low not in rules.DETERMINERS:
                if low in rules.NP_INNER_PREPS and low not in ("in", "at", "from") and last is not None and j + 1 < len(tokens) and (_capitalized(tokens[j + 1]) or tokens[j + 1][_LOW] in rules.DETERMINERS):
                    j += 1
                    continue
                if low == "close" or (low == "to" and tokens[j - 1][_LOW] == "close"):
                    j += 1
                    continue
                break
            if low in ("on", "via", "through", "over", "during", "after", "before", "as", "who", "which"):
                break
            if low in _CUE_FORMS and not _capitalized(token) and j > start:
                break
            if low in rules.CUE_GROUP_WORDS:
                break
            last = j
            j += 1
            if j - start > 14:
                break
        if last is None:
            return None
        while last > start and tokens[last][_LOW] in _NP_END_STOPWORDS:
            last -= 1
        return start, last

    def _clause_subject(self, tokens, before) -> tuple[int, int] | None:
        """The subject at the start of the clause containing token ``before``."""
        k = 0
        if tokens and (tokens[0][_LOW] in rules.PREPOSITIONS or tokens[0][_LOW].endswith("ing") or tokens[0][_LOW].endswith("ly")):
            while k < before and tokens[k][_TEXT] != ",":
                k += 1
            k += 1
        if k >= before:
            return None
        j = k
        while j < before:
            token = tokens[j]
            low = token[_LOW]
            if not _is_word(token) and low not in ("’s", "'s"):
                break
            if low in rules.CUE_GROUP_WORDS or low in _CUE_FORMS and not _capitalized(token):
                break
            if low in rules.NP_STOPWORDS and low not in rules.NP_INNER_PREPS:
                break
            if not _capitalized(token) and j > k and (low.endswith("ed") or (low.endswith("s") and low[:-1] in _CUE_FORMS)):
                break
            j += 1
        if j == k:
            return None
        return k, j - 1

    def _relative_antecedent(self, tokens, rel) -> tuple[int, int] | None:
        if rel > 0 and tokens[rel - 1][_TEXT] == ",":
            return self._np_before(tokens, rel - 2)
        return self._np_before(tokens, rel - 1)

    def _closing_quote_before(self, tokens, group) -> bool:
        k = group - 1
        while k >= 0 and tokens[k][_TEXT] in ",":
            k -= 1
        return k >= 0 and (tokens[k][_TEXT] in _QUOTE_MARKS or tokens[k][_QUOTED] or (k > 0 and tokens[k][_TEXT] in ",.!?" and tokens[k - 1][_QUOTED]))

    # -- contents -----------------------------------------------------------------

    def _quotation_at(self, position: int, limit: int) -> tuple[int, int] | None:
        """A quotation that opens between ``position`` and ``limit``."""
        index = bisect_left(self.quote_starts, position)
        if index < len(self.quotes) and self.quotes[index][0] <= limit:
            return self.quotes[index]
        return None

    def _content_after(self, tokens, rest, entry, sentence) -> TextSpan | None:
        if rest >= len(tokens):
            return None
        k = rest
        # an addressee or a channel before the that-clause: "told reporters that", "confirmed via his channel that"
        scan_end = min(len(tokens), k + 14)
        that = next((m for m in range(k, scan_end) if tokens[m][_LOW] == "that" and not tokens[m][_QUOTED]), None)
        if that is not None:
            between = tokens[k:that]
            if not between or (
                (entry.addressee or between[0][_LOW] in _CHANNEL_PREPOSITIONS or between[0][_TEXT] == ",")
                and not any(t[_LOW] in rules.CUE_GROUP_WORDS or t[_TEXT] in "\"“‘" for t in between)
            ):
                k = that + 1
        elif entry.addressee and k < len(tokens) and _is_word(tokens[k]):
            # "told reporters: ...", "told the BBC they had waited ..."
            k = self._skip_addressee(tokens, k)
        while k < len(tokens) and tokens[k][_TEXT] in ",:":
            k += 1
        if k < len(tokens) and tokens[k][_LOW] in entry.content_preps:
            k += 1
        if k < len(tokens) and tokens[k][_LOW] == "as" and entry.lemma in ("describe",):
            k += 1
        if k >= len(tokens):
            return None
        start = tokens[k][_START]
        quote = self._quotation_at(start, start + 1)
        if quote is not None and tokens[k][_TEXT] in _OPEN_QUOTES:
            end = quote[1]
            # a quotation that is the whole complement
            tail = self.text[end:sentence.end].strip()
            if not tail or tail[0] in ".,;" and len(tail) <= 2 or tail.startswith(","):
                return self._span(start, end)
        end = self._clause_end(start, sentence)
        for m in range(k + 1, len(tokens) - 1):
            if tokens[m][_START] >= end:
                break
            if tokens[m][_LOW] in ("and", "but") and not tokens[m][_QUOTED]:
                n = m + 1
                while n < len(tokens) and tokens[n][_LOW] in rules.AUXILIARIES:
                    n += 1
                if n < len(tokens) and tokens[n][_LOW] in _CUE_FORMS and not tokens[n][_LOW].endswith("ing"):
                    end = tokens[m - 1][_END]
                    break
        if end <= start:
            return None
        return self._span(start, end)

    def _skip_addressee(self, tokens, k) -> int:
        """The token after a short addressee noun phrase ("reporters", "the BBC", "a local radio station")."""
        m = k
        if tokens[m][_LOW] in rules.DETERMINERS:
            m += 1
        limit = min(len(tokens), m + 4)
        while m < limit and _is_word(tokens[m]):
            low = tokens[m][_LOW]
            if m > k and (low in _ADDRESSEE_BREAKERS or low in rules.PREPOSITIONS):
                break
            m += 1
            if tokens[m - 1][_LOW].endswith("s") and not _capitalized(tokens[m - 1]):
                break  # a plural head ends the phrase: "reporters", "residents"
        return m

    def _clause_end(self, start: int, sentence: Sentence) -> int:
        segment = self.text[start : sentence.end]
        if not any(char in segment for char in rules.CONTENT_END_CHARS):
            return self._trim_end(sentence.end, sentence)
        for match in rules.CONTENT_END.finditer(segment):
            position = start + match.start()
            if not self._in_quote(position):
                return position
        return self._trim_end(sentence.end, sentence)

    def _trim_end(self, end: int, sentence: Sentence) -> int:
        """Leave out the sentence's final full stop (a closing quotation keeps its own)."""
        if end > sentence.start and self.text[end - 1] in ".!?" and not self._in_quote(end - 1):
            end -= 1
        return end

    def _content_before(self, tokens, source_first, sentence) -> TextSpan | None:
        """'"…," she said.' / 'The plan is dead, the minister said.'"""
        k = source_first - 1
        while k >= 0 and tokens[k][_TEXT] == ",":
            k -= 1
        if k < 0:
            return None
        # a quotation ending just before the source, possibly spanning earlier sentences
        end_position = tokens[k][_END]
        for q_start, q_end in reversed(self.quotes):
            if q_end <= end_position + 1 and q_end >= end_position - 2:
                return self._span(q_start, q_end)
            if q_end < end_position - 2:
                break
        if tokens[source_first - 1][_TEXT] != "," if source_first > 0 else True:
            return None
        start = sentence.start
        if start >= tokens[k][_END]:
            return None
        return self._span(start, tokens[k][_END])

    # -- sources ----------------------------------------------------------------

    def _mention(self, tokens, first, last) -> SourceMention | None:
        words = tokens[first : last + 1]
        if not words:
            return None
        span = self._tspan(tokens, first, last)
        lows = [t[_LOW] for t in words]
        if len(words) == 1 and lows[0] in rules.PRONOUNS_FIRST:
            return None
        if len(words) == 1 and lows[0] in _PRONOUNS_3RD:
            antecedent = self._antecedent(lows[0], span)
            if antecedent is None:
                kind = "person" if lows[0] in rules.PRONOUNS_PERSON else "group"
                return SourceMention(span, span.text, kind, None, None)
            return antecedent
        # possessive + channel: "The mayor’s message" — the owner is the source
        owner_words = words
        channel_head = lows[-1] in rules.CHANNEL_HEADS
        for n, t in enumerate(words):
            if channel_head and t[_LOW] in ("’s", "'s") and n > 0:
                owner_words = words[:n]
                break
        if owner_words is not words:
            owner = self._classify(owner_words, self._span(owner_words[0][_START], owner_words[-1][_END]))
            resolved = self._resolve_short(owner, owner_words)
            if resolved is not None:
                return SourceMention(resolved.span, resolved.name, resolved.kind, resolved.role, span)
            return SourceMention(span, owner.name, owner.kind, owner.role, None)
        mention = self._classify(words, span)
        if channel_head and mention.kind in ("group", "anonymous"):
            mention = SourceMention(span, _strip_determiner(span.text), "document" if lows[0] in ("the", "this") and len(words) <= 2 else mention.kind, None, None)
        resolved = self._resolve_short(mention, words)
        if resolved is not None:
            return SourceMention(resolved.span, resolved.name, resolved.kind, resolved.role, span)
        return mention

    def _classify(self, words: list[_Token], span: TextSpan) -> SourceMention:
        lows = [t[_LOW] for t in words]
        # head: the last word before an inner preposition
        head_index = len(words) - 1
        for n, low in enumerate(lows):
            if n > 0 and low in _HEAD_BREAKERS:
                head_index = n - 1
                break
        head = lows[head_index]
        caps = [t for t in words[: head_index + 1] if _capitalized(t) and t[_LOW] not in rules.DETERMINERS]
        if head in rules.GROUP_HEADS and not _capitalized(words[head_index]):
            return SourceMention(span, _strip_determiner(span.text), "group", None, None)
        if head in rules.GROUP_HEADS and _capitalized(words[head_index]) and head_index == 0:
            name = _strip_determiner(span.text)
            return SourceMention(span, name[:1].lower() + name[1:], "group", None, None)
        org = any(t[_LOW] in rules.ORGANISATION_WORDS for t in words) or any(_ACRONYM.match(t[_TEXT]) for t in words[: head_index + 1] if t is words[head_index])
        if org and (head in rules.ORGANISATION_WORDS or _ACRONYM.match(words[head_index][_TEXT]) or _capitalized(words[head_index])):
            return SourceMention(span, _strip_determiner(span.text), "organisation", None, None)
        if head in rules.ANONYMOUS_HEADS and not _capitalized(words[head_index]) or lows[0] in ("a", "an") and not caps:
            return SourceMention(span, _strip_determiner(span.text), "anonymous", None, None)
        name_tokens = [t for t in words if _capitalized(t) and t[_LOW] not in rules.TITLE_WORDS and t[_LOW] not in rules.DETERMINERS]
        if name_tokens:
            # the name is the trailing run of capitalised words that are not titles
            n = len(words) - 1
            while n >= 0 and _capitalized(words[n]) and words[n][_LOW] not in rules.TITLE_WORDS:
                n -= 1
            name_start = n + 1
            if name_start <= len(words) - 1:
                name = self.text[words[name_start][_START] : words[-1][_END]]
                role = self.text[words[0][_START] : words[n][_END]] if n >= 0 else None
                if role is not None and lows[0] in rules.DETERMINERS and n == 0:
                    role = None
                return SourceMention(span, name, "person", role, None)
        if head in rules.TITLE_WORDS or head in rules.ANONYMOUS_HEADS:
            return SourceMention(span, _strip_determiner(span.text), "anonymous", None, None)
        return SourceMention(span, _strip_determiner(span.text), "group" if head.endswith("s") else "anonymous", None, None)

    def _resolve_short(self, mention: SourceMention, words: list[_Token]) -> SourceMention | None:
        """'Popov' → 'Vladimir Popov'; 'The mayor' → 'Sergei Sobyanin'; 'the ministry' → its full name."""
        lows = [t[_LOW] for t in words]
        if mention.kind == "person" and " " not in mention.name:
            surname = mention.name.lower()
            for known in reversed(self.known):
                if known.surname == surname and known.mention.name.lower() != surname:
                    return known.mention
            return None
        if len(words) == 2 and lows[0] in ("the", "this", "that"):
            noun = lows[1]
            for known in reversed(self.known):
                if noun in known.words and known.mention.span is not None and known.mention.span.text.lower() != " ".join(lows):
                    return known.mention
        return None

    def _antecedent(self, pronoun: str, span: TextSpan) -> SourceMention | None:
        wanted = {"he": ("person",), "she": ("person",), "they": ("group", "organisation"), "it": ("organisation",)}[pronoun]
        for known in reversed(self.known):
            if known.mention.kind in wanted and known.mention.span is not None and known.mention.span.start < span.start:
                m = known.mention
                return SourceMention(m.span, m.name, m.kind, m.role, span)
        return None

    def _remember(self, mention: SourceMention) -> None:
        if mention.span is None:
            return
        if mention.resolved_from is not None and mention.resolved_from.start > mention.span.start:
            return
        words = frozenset(w.lower() for w in _MENTION_WORD.findall((mention.role or "") + " " + mention.span.text))
        surname = mention.name.split()[-1].lower() if mention.kind == "person" else None
        self.known.append(_Known(mention, surname, words))

    _TITLED_NAME = None

    def _remember_names(self, tokens: list[_Token], lowers: list[str]) -> None:
        """Titled names anywhere in the sentence ("Major-General Vladimir Popov") for later short mentions."""
        titles = rules.TITLE_WORDS
        if titles.isdisjoint(lowers):
            return
        n = 0
        # only title words can start a name; the scan resumes after each name
        for title in [i for i, low in enumerate(lowers) if low in titles]:
            if title < n:
                continue
            n = title
            if _capitalized(tokens[n]):
                m = n
                while m + 1 < len(tokens) and _capitalized(tokens[m + 1]) and tokens[m + 1][_LOW] in rules.TITLE_WORDS:
                    m += 1
                k = m
                while k + 1 < len(tokens) and _capitalized(tokens[k + 1]) and tokens[k + 1][_LOW] not in rules.TITLE_WORDS and _is_word(tokens[k + 1]):
                    k += 1
                if k > m:
                    start = n
                    while start > 0 and _capitalized(tokens[start - 1]) and _is_word(tokens[start - 1]):
                        start -= 1
                    name = self.text[tokens[m + 1][_START] : tokens[k][_END]]
                    role = self.text[tokens[start][_START] : tokens[m][_END]]
                    span = self._tspan(tokens, start, k)
                    if not any(known.mention.name == name for known in self.known):
                        self._remember(SourceMention(span, name, "person", role, None))
                n = k + 1

    # -- channels and markers ----------------------------------------------------

    def _channel_kind(self, span: TextSpan) -> str:
        for rule in rules.CHANNEL_RULES:
            if rule.pattern.search(span.text):
                return rule.kind
        return "post"

    def _channels_in(self, sentence: Sentence) -> list[tuple[int, int, int, str]]:
        """Channel mentions in a sentence, once per sentence: (rule priority, start, end, kind)."""
        cached = self._channel_cache.get(sentence.id)
        if cached is not None:
            return cached
        segment = self.text[sentence.start : sentence.end]
        found = []
        for priority, rule in _TRIGGERS.rules(_CHANNELS, self._triggers[id(sentence)]):
            for match in rule.pattern.finditer(segment):
                s, e = sentence.start + match.start(), sentence.start + match.end()
                while s < e and self.text[s].isspace():
                    s += 1
                if s < e:
                    found.append((priority, s, e, rule.kind))
        self._channel_cache[sentence.id] = found
        return found

    def _channel(self, draft: _Draft) -> None:
        if draft.channel is not None:
            return
        sentence = draft.sentence
        best: tuple[int, int, TextSpan, str] | None = None
        content = draft.content
        for priority, s, e, kind in self._channels_in(sentence):
            if True:
                if content is not None and content.start <= s and e <= content.end and draft.rule != "cue-according-to":
                    continue
                if draft.rule == "cue-according-to" and not (draft.cue.start <= s):
                    continue
                if self._in_quote(s):
                    continue
                distance = min(abs(s - draft.cue.end), abs(draft.cue.start - e))
                key = (priority, distance)
                if best is None or key < best[:2]:
                    best = (priority, distance, self._span(s, e), kind)
        if best is None and draft.source.mention is not None:
            words = draft.source.mention.text.lower().split()
            if words and words[-1] in rules.CHANNEL_HEADS:
                mention = draft.source.mention
                head_start = mention.end - len(words[-1])
                best = (0, 0, self._span(head_start, mention.end), "post" if words[-1] != "statement" else "statement")
        if best is not None:
            draft.channel, draft.channel_kind = best[2], best[3]

    def _attach_markers(self, per_sentence: list[tuple[Sentence, list[_Draft]]]) -> dict[int, list[Marker]]:
        attached: dict[int, list[Marker]] = {}
        previous: list[_Draft] = []
        for sentence, drafts in per_sentence:
            marker_rules = _TRIGGERS.rules(_MARKERS, self._triggers[id(sentence)])
            found: list[Marker] = []
            if marker_rules:
                opening = self.text[sentence.start : sentence.end]
                back = rules.CLAIM_BACK_REFERENCE.match(opening)
                # without relations of its own or a back reference, its markers qualify nothing
                if drafts or (back and previous):
                    found = _markers(self.text, sentence.start, sentence.end, marker_rules, self._in_quote)
            if found:
                for marker in found:
                    targets: list[_Draft]
                    own = [d for d in drafts if d.cue.start < marker.span.start or (d.content and d.content.start <= marker.span.start < d.content.end)]
                    if back and previous and marker.span.start >= sentence.start + back.end() - 1:
                        targets = previous
                    elif own:
                        targets = [own[-1]] if marker.kind in ("reportedly", "alleged") else own
                    elif drafts:
                        targets = drafts
                    elif back and previous:
                        targets = previous
                    else:
                        targets = []
                    for draft in targets:
                        if draft.cue.start <= marker.span.start < draft.cue.end:
                            continue
                        attached.setdefault(id(draft), []).append(marker)
            if drafts:
                previous = drafts
        return attached


_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|some|this|these|those)\s+", re.IGNORECASE)


def _strip_determiner(text: str) -> str:
    return _LEADING_DETERMINER.sub("", text)
