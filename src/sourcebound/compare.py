"""Where the documents agree and where they differ.

Pure functions over the records of a corpus, the merged source entities and
each document's quantities (:mod:`sourcebound.quantities`):

* :func:`near_duplicates`: the same text republished (under another title, with
  other whitespace, case or punctuation) is one document with several sources.
  Word shingles, MinHash with banding for candidates, exact Jaccard to decide.
  Only the kept document of a group takes part in the comparisons below: a
  copy is not a second report, so it never corroborates its original.
* :func:`claim_clusters`: attributed claims about the same reported event. Two
  claims from different documents are linked when their source is the same
  entity and their content shares words (reporting verbs and nouns folded:
  "destroyed"/"intercepted"/"shot down", "drone"/"UAV"), or, for different
  sources, when the content overlap is high, nothing marks the events as
  distinct ("additional", "another") and their times do not differ. Times on
  different stated dates never link. Clusters are the connected groups; every
  claim is in one, so single-source claims show as such.
* :func:`differences`: name variants of one entity, different channels for one
  source's statement, counts that differ within a cluster (lowest and highest
  as reported, each with who reported it, never a total across sources), a
  total beside its parts within one document (added up and the result shown),
  times that differ within a cluster, and claims contradicted by another
  source (a dismissal or denial naming them, a verification marker, or a
  stated origin negated by another source).
* :func:`corroboration_marks`: for each claim, the claims in other documents
  that corroborate it and the claims that contradict it.

Cost, for N documents, C claims, F claim forms (claims that the linking rule
cannot tell apart: a statement that wire copy repeats in a thousand documents
is one form) and a fixed window W = ``WINDOW``; nothing is quadratic in N,
in C or in the size of a cluster:

* duplicates: word shingles and a one-pass MinHash signature per document,
  O(N * words) (a build with several workers finds them while the records
  arrive, :func:`document_band_keys`, not here); documents sharing a band are counted within a window of W per
  band bucket, and each keeps at most W candidates sharing two bands or more
  for the exact Jaccard: O(N * bands * W) counts, <= N * W exact comparisons.
* claims: O(C), each distinct content text, source name and timed sentence
  analysed once.
* clusters: forms in O(C); candidates through an inverted index (source
  entity, specific content words) walked in one sorted order with a window
  of W, each form keeping its ``CANDIDATES_PER_CLAIM`` best partners (one
  sort of the P <= F * keys * W pairs counted): O(F * keys * W) counts,
  O(P log P) to choose, <= F * ``CANDIDATES_PER_CLAIM`` + F link tests (the
  ``comparisons`` reported); union-find over the forms, O(F), then O(C) to
  list the claims; a cluster's reasons are worded from its first links only.
* differences per cluster, never per pair: figures (lowest, highest, each
  figure with who gave it, each distinct wording once in the summary), times,
  channels: O(cluster size) each, O(C) in all; figures and corrections are
  looked up once per document. Name variants: O(mentions).
* contradictions: a denial naming a source, or a negated origin, looks in
  its own document and the ``OTHER_DOCUMENTS`` nearest documents in
  publication order that have a match (a binary search and a walk of at most
  ``SCAN_DOCUMENTS`` documents a side): O(C log N) with bounded links per
  claim; a group stops at ``CONTRADICTION_GROUP`` sentences.
* marks: at most ``MARKS_PER_CLAIM`` corroborations and contradictions per
  claim, O(C); the marks pointing at one claim of a cluster are one object,
  and the claims of one document in a cluster share one tuple of them (past
  its first ``MARKS_PER_CLAIM`` members, every document shares one).

Everything is sorted; the same input gives the same output.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import add, attrgetter
from typing import Any

from .cache import collector_paused
from .language import find_loaded_terms
from .quantities import Quantity
from .rules import quantities as QR

__all__ = [
    "ClaimCluster",
    "Comparison",
    "Difference",
    "DuplicateGroup",
    "document_band_keys",
    "Mark",
    "claim_clusters",
    "compare",
    "corroboration_marks",
    "differences",
    "near_duplicates",
]

# ---------------------------------------------------------------------------
# Vocabulary as data
# ---------------------------------------------------------------------------

#: Words folded to one concept before content is compared.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "bring-down": (
        "destroy destroyed destroying destroys destruction intercept intercepted intercepting intercepts interception "
        "shot shoot shooting down downed downing neutralized neutralised repelled"
    ).split(),
    "drone": "drone drones uav uavs".split(),
    "launch": "launch launched launching launches".split(),
    "moscow": "moscow capital city".split(),
    "toward": "toward towards approach approaching approached target targeting targeted".split(),
}
#: Concepts that name what happened; two claims with disjoint predicates are different events.
PREDICATES = frozenset({"bring-down", "launch"})
#: Words saying that the event is another one than those reported before.
DISTINCT_EVENT_WORDS = frozenset({"additional", "another", "further", "more", "separate", "new", "second", "previous"})
#: Words that turn a claim into its negation: such a claim does not corroborate a positive one.
NEGATIONS = frozenset({"not", "no", "never", "neither", "nor"})
STOPWORDS = frozenset(
    (
        "a an the and or but of to in on at by for from with as that this these those it its they them their he she his her "
        "is are was were be been being had has have will would could can may might did do does not no than then there "
        "which who whom what when where while over into onto about after before since up out very just also such some "
        "any all each both one two three four five six seven eight nine ten s"
    ).split()
)
#: A share of claims above which a word blocks nothing and links nothing on its own.
GENERIC_SHARE = 0.25
#: Claims compared within one block of the inverted index: each with its next ``WINDOW`` neighbours.
WINDOW = 10
#: Partners compared per claim: those sharing the most block keys with it.
CANDIDATES_PER_CLAIM = 8
#: Corroborations marked on one claim, and contradictions; its cluster lists the rest.
MARKS_PER_CLAIM = 10
#: Other documents in which a denial naming a source, or a negated origin, looks
#: for the claims it rejects: the nearest in publication order, besides its own.
OTHER_DOCUMENTS = 3
#: Documents looked at on each side of a claim's own before that search stops.
SCAN_DOCUMENTS = 16
#: Sentences in one contradiction group at most (a longer chain is split).
CONTRADICTION_GROUP = 30
#: Reasons a corroboration mark repeats from its cluster.
MARK_REASONS = 3
#: Reasons given for one cluster (the first links' features): each mark repeats them.
FEATURES_PER_CLUSTER = 12
#: Content overlap (shared words / words of the shorter content) needed to link claims.
SAME_SOURCE_OVERLAP = 0.3
OTHER_SOURCE_OVERLAP = 0.5
#: Channel kinds that name no particular channel.
GENERIC_CHANNELS = frozenset({"post", "message", "statement"})
#: Reporting verbs that reject what another source said.
DENIAL_CUES = frozenset({"dismiss", "deny", "reject", "refute", "dispute", "contradict", "rebut", "disprove", "debunk"})
#: Marker kinds on a claim that say another source rejected it.
CONTESTED_MARKERS = frozenset({"dismissed", "disputed", "denied", "contested", "rejected"})
NEGATED_ORIGIN = re.compile(r"\bnot\s+(?:been\s+)?(?:\w+\s+){0,2}?from\s+(?:the\s+)?(?P<origin>[A-Z][\w’'-]*)")
STATED_ORIGIN = re.compile(
    r"\bfrom\s+(?:the\s+)?(?P<origin>[A-Z][\w’'-]*)[^.;]*?\b(?:were|was|had\s+been|have\s+been|been)\s+launched\b"
    r"|\b(?:were|was|had\s+been|have\s+been|been)\s+launched\s+from\s+(?:the\s+)?(?P<origin2>[A-Z][\w’'-]*)"
)
CORRECTION = re.compile(
    r"\b(?:[Cc]orrection|[Cc]orrected|[Aa]n earlier version of this (?:article|report|story)|as previously reported|[Cc]larification)\b"
)
#: Duplicate detection: word shingles, MinHash permutations in bands, Jaccard floor.
SHINGLE = 5
MINHASH_BANDS = 24
MINHASH_ROWS = 8
DUPLICATE_JACCARD = 0.9
#: MinHash bands two documents must share to be compared (at Jaccard 0.9 they
#: share about ten of the 24 on average; unrelated news shares at most one).
DUPLICATE_BANDS = 2
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}

_CONCEPT_OF = {word: concept for concept, words in CONCEPTS.items() for word in words}
_WORD = re.compile(r"[A-Za-z][\w-]*")
_NAME_WORD = re.compile(r"[\w]+")
_ROLE_WORD = re.compile(r"[A-Za-z]+")


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------

Member = tuple[str, str]  # (document id, attribution id)


@dataclass(frozen=True)
class ClaimCluster:
    id: str
    members: tuple[Member, ...]
    #: Why the members were grouped, e.g. "same source: sergei-sobyanin", "shared words: bring-down, drone".
    features: tuple[str, ...]
    #: True when a single source (entity) makes every claim in the cluster.
    single_source: bool
    documents: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    #: Documents republishing a member document word for word (see :func:`near_duplicates`).
    also_in: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "members": [list(m) for m in self.members],
            "features": list(self.features),
            "single_source": self.single_source,
            "documents": list(self.documents),
            "sources": list(self.sources),
            "also_in": list(self.also_in),
        }


@dataclass(frozen=True)
class Difference:
    id: str
    kind: str  # name-variant | channel | count | count-sum | time | contradiction
    #: (document id, sentence id, attribution id or None)
    members: tuple[tuple[str, str, str | None], ...]
    summary: str
    details: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "members": [list(m) for m in self.members], "summary": self.summary, "details": self.details}


@dataclass(frozen=True)
class DuplicateGroup:
    id: str
    kept: str
    others: tuple[str, ...]
    #: (document id, Jaccard similarity to the kept document), for each other document.
    similarity: tuple[tuple[str, float], ...]
    features: tuple[str, ...]
    #: (document id, title or headline as given, or None)
    titles: tuple[tuple[str, str | None], ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        return (self.kept, *self.others)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kept": self.kept,
            "others": list(self.others),
            "similarity": [list(s) for s in self.similarity],
            "features": list(self.features),
            "titles": [list(t) for t in self.titles],
        }


@dataclass(frozen=True)
class Mark:
    kind: str  # corroborated | contradicted
    #: (document id, attribution id or sentence id)
    other: tuple[str, str]
    reason: str
    #: The cluster behind a corroboration, which lists every member.
    cluster: str | None = None

    def to_json(self) -> dict[str, Any]:
        # A mark behind a cluster gives that cluster's reasons, which the cluster
        # lists (``features``): they are not repeated for each of its marks.
        if self.cluster is not None:
            return {"kind": self.kind, "other": list(self.other), "cluster": self.cluster}
        return {"kind": self.kind, "other": list(self.other), "reason": self.reason, "cluster": None}


@dataclass(frozen=True)
class Comparison:
    clusters: tuple[ClaimCluster, ...]
    differences: tuple[Difference, ...]
    duplicates: tuple[DuplicateGroup, ...]
    marks: Mapping[Member, tuple[Mark, ...]]
    #: How many claim pairs were compared (for the scaling check and the build report).
    comparisons: int
    #: Work done, step by step (claims, forms, pairs, duplicate checks, ...): not published.
    work: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict[str, Any]:
        # a mark shared by the members of a cluster is converted once and shared
        converted: dict[int, dict[str, Any]] = {}

        def mark_json(mark: Mark) -> dict[str, Any]:
            found = converted.get(id(mark))
            if found is None:
                found = converted[id(mark)] = mark.to_json()
            return found

        return {
            "clusters": [c.to_json() for c in self.clusters],
            "differences": [d.to_json() for d in self.differences],
            "duplicates": [d.to_json() for d in self.duplicates],
            "marks": [
                {"document": doc, "attribution": att, "marks": [mark_json(m) for m in marks]} for (doc, att), marks in sorted(self.marks.items(), key=lambda i: _member_order(i[0]))
            ],
            "comparisons": self.comparisons,
        }


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _window_counts(blocks: Iterable[Sequence[int]], count: int) -> Counter[int]:
    """For blocks of items numbered below ``count``, each block in ascending
    order: how many blocks have ``a`` within ``WINDOW`` places before ``b``,
    keyed by ``a * count + b``. Each pair is one integer, counted in C."""
    keys: list[int] = []
    for members in blocks:
        scaled = [a * count for a in members]
        for offset in range(1, min(WINDOW, len(members) - 1) + 1):
            keys += map(add, scaled, members[offset:])
    return Counter(keys)


def _strongest_pairs(shared: Mapping[int, int], count: int, limit: int, *, minimum: int = 1, apart: Sequence[Any] | None = None) -> set[tuple[int, int]]:
    """From how much items ``a < b`` share (as :func:`_window_counts` gives
    it): for each item, the ``limit`` items it shares the most with (at least
    ``minimum``; ties by the other item), as pairs ``(a, b)``. Items with the
    same value in ``apart`` (other than None) are never paired.

    One sort of every pair, most shared first, then by ``a`` and ``b``: each
    item then meets its partners in its own order (those below it, then those
    above it, each in order), so one walk takes each item's first ``limit``."""
    most = max(shared.values(), default=0)
    square = count * count
    ordered = sorted((most - times) * square + key for key, times in shared.items() if times >= minimum)
    seen = [0] * count  # partners met so far, per item
    pairs: set[tuple[int, int]] = set()
    for packed in ordered:
        a, b = divmod(packed % square, count)
        if apart is not None and apart[a] is not None and apart[a] == apart[b]:
            continue
        if seen[a] < limit or seen[b] < limit:
            pairs.add((a, b))
        seen[a] += 1
        seen[b] += 1
    return pairs


_TAIL_NUMBER = re.compile(r"(\d+)$")


def _number(identifier: str) -> int:
    """The number that ends an identifier ("doc-7-s12": 12), 0 if none."""
    stem = identifier.rstrip("0123456789")
    if stem and stem[-1].isdecimal():  # a digit of another script: the pattern decides
        tail = _TAIL_NUMBER.search(identifier)
        return int(tail.group(1)) if tail else 0
    return int(identifier[len(stem) :]) if len(stem) < len(identifier) else 0


def _member_order(member: Member) -> tuple[str, int]:
    return member[0], _number(member[1])


def _words(text: str) -> frozenset[str]:
    found: set[str] = set()
    for raw in _WORD.findall(text.replace("’", "'")):
        lower = raw.lower().removesuffix("'s")
        if lower in _CONCEPT_OF:
            found.add(_CONCEPT_OF[lower])
            continue
        if lower in STOPWORDS or len(lower) < 3:
            continue
        if len(lower) > 4 and lower.endswith("s") and not lower.endswith("ss"):
            lower = lower[:-1]
        found.add(lower)
    return frozenset(found)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}
        self.size: dict[Any, int] = {}  # kept only for bounded unions

    def find(self, item: Any) -> Any:
        parent = self.parent
        root = parent.get(item)
        if root is None:  # a new item is its own group
            parent[item] = item
            return item
        while (up := parent[root]) != root:
            root = up
        while (up := parent[item]) != root:
            parent[item], item = root, up
        return root

    def union(self, a: Any, b: Any, limit: int | None = None) -> None:
        """Join the groups of ``a`` and ``b`` (unless together they would
        exceed ``limit`` items); the least item is the root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if limit is not None:
                together = self.size.get(ra, 1) + self.size.get(rb, 1)
                if together > limit:
                    return
            if ra > rb:
                ra, rb = rb, ra
            self.parent[rb] = ra
            if limit is not None:
                self.size[ra] = together


@dataclass(slots=True)
class _Claim:
    doc: str
    attribution: Any
    #: (document id, attribution id), and its place in member order: each made once.
    member: Member
    order: tuple[str, int]
    sentence_id: str
    source_key: str
    source_name: str
    words: frozenset[str]
    predicates: frozenset[str]
    dates: tuple[str, ...]
    parts_of_day: tuple[str, ...]
    times: tuple[Any, ...]
    distinct: bool
    negated: bool


_PART_OF_DAY_CODE = re.compile(r"T(MO|AF|EV|NI)$")
_CLOCK = re.compile(r"T(\d\d):\d\d")
_DATE = re.compile(r"^([\dX]{4})-(\d\d)-(\d\d)")


def _part_of_day(value: str) -> str | None:
    code = _PART_OF_DAY_CODE.search(value)
    if code:
        return _PARTS_OF_DAY[code.group(1)]
    clock = _CLOCK.search(value)
    if clock:
        hour = int(clock.group(1))
        return "morning" if 5 <= hour < 12 else "afternoon" if 12 <= hour < 17 else "evening" if 17 <= hour < 21 else "night"
    return None


def _date(value: str) -> str | None:
    match = _DATE.match(value)
    return match.group(0) if match else None


def _dates_differ(a: Sequence[str], b: Sequence[str]) -> bool:
    if not a or not b:
        return False
    for x in a:
        for y in b:
            if all(p == q or "X" in p or "X" in q for p, q in zip(x.split("-"), y.split("-"), strict=True)):
                return False
    return True


def _source_words(name: str, kind: str) -> str:
    """A source as the Compare page's lines name it: a person or organisation by
    name, an unnamed group or anonymous individual in the document's words, quoted;
    so is a name with a loaded word in it (a headline read as part of the name),
    which the site never says in its own voice."""
    if kind in ("person", "organisation") and not find_loaded_terms(name):
        return name
    return f"“{name}”"


def _source_index(entities: Sequence[Any]) -> dict[Member, Any]:
    return {mention: entity for entity in entities for mention in entity.mentions}


_UNTIMED: tuple[tuple[Any, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())


def _claims(records: Sequence[Any], entities: Sequence[Any]) -> list[_Claim]:
    by_mention = _source_index(entities)
    claims: list[_Claim] = []
    # wire copy repeats the same statements word for word: each text is analysed once,
    # and each source's name once
    by_text: dict[str, tuple[frozenset[str], frozenset[str], bool, bool]] = {}
    source_words: dict[tuple[str, str], str] = {}
    for record in records:
        doc = record.id
        times_by_sentence: dict[str, list[Any]] = defaultdict(list)
        for expression in record.times:
            if expression.sentence_id and expression.type in ("DATE", "TIME"):
                times_by_sentence[expression.sentence_id].append(expression)
        # a sentence's times, dates and parts of day, shared by its claims (None: not yet found)
        timing: dict[str, tuple[tuple[Any, ...], tuple[str, ...], tuple[str, ...]] | None] = dict.fromkeys(times_by_sentence)
        for attribution in record.attributions:
            if attribution.content is None:
                continue
            member = (doc, attribution.id)
            entity = by_mention.get(member)
            source = attribution.source
            key = entity.id if entity is not None else f"{doc}:{source.name.lower()}"
            text = attribution.content.text
            analysed = by_text.get(text)
            if analysed is None:
                lowered = {w.lower() for w in _WORD.findall(text)}
                words = _words(text)
                analysed = by_text[text] = (
                    words,
                    words & PREDICATES,
                    bool(lowered & DISTINCT_EVENT_WORDS),
                    bool(lowered & NEGATIONS) or "n’t" in text or "n't" in text,
                )
            words, predicates, distinct, negated = analysed
            named = (entity.name if entity is not None else source.name, source.kind)
            name = source_words.get(named)
            if name is None:
                name = source_words[named] = _source_words(*named)
            timed = timing.get(attribution.sentence_id, _UNTIMED)
            if timed is None:
                times = tuple(times_by_sentence[attribution.sentence_id])
                timed = timing[attribution.sentence_id] = (
                    times,
                    tuple(d for t in times if (d := _date(t.value))),
                    tuple(p for t in times if (p := _part_of_day(t.value))),
                )
            claims.append(
                _Claim(
                    doc=doc,
                    attribution=attribution,
                    member=member,
                    order=(doc, _number(attribution.id)),
                    sentence_id=attribution.sentence_id,
                    source_key=key,
                    source_name=name,
                    words=words,
                    predicates=predicates,
                    dates=timed[1],
                    parts_of_day=timed[2],
                    times=timed[0],
                    distinct=distinct,
                    negated=negated,
                )
            )
    return claims


def _forms(claims: Sequence[_Claim]) -> list[list[int]]:
    """Claims that :func:`_linked` cannot tell apart (the same source, content
    words, dates, parts of day, negation and "another" marks), grouped, in the
    order of their first claim. A statement repeated by many documents is one
    form, compared once."""
    groups: dict[tuple[Any, ...], list[int]] = {}
    for index, c in enumerate(claims):
        key = (c.source_key, c.source_name, c.words, c.dates, c.parts_of_day, c.distinct, c.negated)
        groups.setdefault(key, []).append(index)
    return list(groups.values())


def _candidate_pairs(claims: Sequence[_Claim], forms: Sequence[Sequence[int]], generic: frozenset[str]) -> list[tuple[int, int]]:
    """Pairs of forms (indices into ``forms``) that share a block key (their
    source, or a content word that is not generic) and are not confined to one
    and the same document. Forms are put in one order (dates, document, claim
    number) and each block is walked in that order with a window of
    ``WINDOW``; each form then keeps the ``CANDIDATES_PER_CLAIM`` partners with
    which it shares the most keys. O(F * K * WINDOW) for F forms with K keys
    each, and at most ``CANDIDATES_PER_CLAIM`` pairs per form."""
    order = sorted(range(len(forms)), key=lambda f: (claims[forms[f][0]].dates, claims[forms[f][0]].order))
    only_in: list[str | None] = []
    blocks: dict[str, list[int]] = defaultdict(list)
    for f in order:
        members = forms[f]
        first = claims[members[0]]
        only_in.append(first.doc if len(members) == 1 or len({claims[i].doc for i in members}) == 1 else None)
        rank = len(only_in) - 1
        blocks["\0" + first.source_key].append(rank)
        for word in first.words - generic:
            blocks[word].append(rank)
    # forms confined to one and the same document are never paired
    strongest = _strongest_pairs(_window_counts(blocks.values(), len(order)), len(order), CANDIDATES_PER_CLAIM, apart=only_in)
    pairs = {(order[i], order[j]) for i, j in strongest}
    return sorted((a, b) if a < b else (b, a) for a, b in pairs)


def _generic(claims: Sequence[_Claim]) -> frozenset[str]:
    counts: dict[str, int] = defaultdict(int)
    for claim in claims:
        for word in claim.words:
            counts[word] += 1
    floor = max(3, GENERIC_SHARE * len(claims))
    return frozenset(w for w, n in counts.items() if n > floor)


def _linked(a: _Claim, b: _Claim, generic: frozenset[str]) -> bool:
    """Whether two claims are linked; :func:`_link_features` says why (found
    only for the links that a cluster lists)."""
    if a.dates and b.dates and _dates_differ(a.dates, b.dates):
        return False
    if a.predicates and b.predicates and not a.predicates & b.predicates:
        return False
    shared = a.words & b.words
    if not shared:
        return False
    overlap = len(shared) / min(len(a.words), len(b.words))
    specific = shared - generic
    if a.source_key == b.source_key:
        return overlap >= SAME_SOURCE_OVERLAP and bool(specific) and bool(shared & PREDICATES or len(specific) >= 2)
    return overlap >= OTHER_SOURCE_OVERLAP and len(specific) >= 2 and not (a.distinct or b.distinct or _parts_of_day_differ(a, b))


def _link_features(a: _Claim, b: _Claim) -> tuple[str, ...]:
    """Why two linked claims are linked."""
    features = [
        f"same source: {a.source_name}" if a.source_key == b.source_key else "different sources, similar content",
        "shared words: " + ", ".join(sorted(a.words & b.words)),
    ]
    if a.negated != b.negated:
        features.append("one claim is negated")
    if a.dates and b.dates:
        features.append("compatible dates")
    elif _parts_of_day_differ(a, b):
        features.append("times differ")
    return tuple(features)


def _parts_of_day_differ(a: _Claim, b: _Claim) -> bool:
    return bool(a.parts_of_day and b.parts_of_day and not set(a.parts_of_day) & set(b.parts_of_day))


# ---------------------------------------------------------------------------
# Near duplicates
# ---------------------------------------------------------------------------


def _body(record: Any) -> str:
    """The text without its headlines and title, in lower case, with one kind
    of apostrophe: what is compared for duplicates."""
    text = record.document.text
    skipped = [(s.start, s.end) for s in record.segmentation.sentences if s.headline]
    parts: list[str] = []
    last = 0
    for start, end in skipped:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    body = " ".join(parts).lower().replace("’", "'")
    title = record.document.metadata.title
    if title:
        body = body.replace(title.lower().replace("’", "'"), " ")
    return body


_WORD_RUN = re.compile(r"\w+")
_ASCII = bytes(range(128))
#: Each ASCII word character (letter, digit, underscore) kept, every other byte a space.
_ASCII_WORDS = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128)) + b" " * 128


def _word_hashes(text: str, word_ids: dict[str, int]) -> list[int]:
    """The CRC-32 of each word of ``text`` (a run of ``\\w``), in order: the
    same in every process, unlike the hash of a string."""
    encoded = text.encode(errors="surrogatepass")
    if not _WORD_RUN.search(encoded.translate(None, _ASCII).decode(errors="surrogatepass")):
        # no non-ASCII letter (news has only quotes and dashes): the words are the
        # runs of ASCII word bytes, found in C three times faster than by the pattern
        return list(map(zlib.crc32, encoded.translate(_ASCII_WORDS).split()))
    words = _WORD_RUN.findall(text)
    for word in set(words).difference(word_ids):
        word_ids[word] = zlib.crc32(word.encode())
    return list(map(word_ids.__getitem__, words))


def _shingles(hashes: Sequence[int]) -> frozenset[int]:
    """Hashes of the word ``SHINGLE``-grams (2-grams for short texts), from the
    words' hashes (:func:`_word_hashes`): a gram's is the hash of the tuple of
    its words' hashes, the same in every process."""
    size = SHINGLE if len(hashes) >= SHINGLE * 2 else 2
    if len(hashes) < size:
        return frozenset({hash(tuple(hashes))}) if hashes else frozenset()
    return frozenset(map(hash, zip(*(hashes[i:] for i in range(size)))))


_BINS = MINHASH_BANDS * MINHASH_ROWS
_EMPTY = 1 << 64
_ROTATION = 1 << 70  # marks a borrowed value with its distance


def _signature(shingles: frozenset[int]) -> tuple[int, ...]:
    """One-permutation MinHash: each shingle hash falls in one of ``_BINS``
    bins by its low bits and the bin keeps the least of the rest; an empty bin
    takes the value of the next filled one (rotation), so the bins behave as
    ``_BINS`` independent MinHash values. One pass over the shingles."""
    if not shingles:
        return ()
    # the least hash of each bin (its rest, hash // _BINS, is then the least too)
    least = [_EMPTY] * _BINS
    for value in shingles:
        slot = value % _BINS
        if value < least[slot]:
            least[slot] = value
    mins = [_EMPTY if value == _EMPTY else value // _BINS for value in least]
    if _EMPTY in mins:
        signature = list(mins)
        following = None  # the next filled bin, walking backwards twice round
        for i in range(2 * _BINS - 1, -1, -1):
            slot = i % _BINS
            if mins[slot] != _EMPTY:
                following = i
            elif following is not None:
                signature[slot] = -(mins[following % _BINS] + (following - i) * _ROTATION)
        return tuple(signature)
    return tuple(mins)


def _title(record: Any) -> str | None:
    if record.document.metadata.title:
        return record.document.metadata.title
    headline = record.segmentation.headline
    return record.sentence_text(headline) if headline is not None else None


def near_duplicates(records: Sequence[Any]) -> tuple[DuplicateGroup, ...]:
    """Groups of documents whose texts are the same apart from title, whitespace,
    case and punctuation (Jaccard of word shingles >= ``DUPLICATE_JACCARD``)."""
    return _near_duplicates(records, {})


BandKeys = tuple[int, tuple[int, ...]]


def document_band_keys(record: Any, word_ids: dict[str, int] | None = None) -> BandKeys:
    """What :func:`near_duplicates` needs of one document, the costly part of
    it: how many shingles its text has, and the names of its MinHash band
    buckets (the hash of (band, its values): one integer each, the same in
    every process); no band for a text without words. A build finds them
    while the other documents are still being extracted (see
    :func:`compare`'s ``band_keys``). ``word_ids``: a cache of word hashes."""
    grams = _shingles(_word_hashes(_body(record), {} if word_ids is None else word_ids))
    signature = _signature(grams)
    if not signature:
        return len(grams), ()
    return len(grams), tuple(hash((band, *signature[band * MINHASH_ROWS : (band + 1) * MINHASH_ROWS])) for band in range(MINHASH_BANDS))


def _near_duplicates(records: Sequence[Any], work: dict[str, int], known: Mapping[str, BandKeys] | None = None) -> tuple[DuplicateGroup, ...]:
    word_ids: dict[str, int] = {}
    known = known or {}
    by_id = {r.id: r for r in records}
    sizes: dict[str, int] = {}
    kept_shingles: dict[str, frozenset[int]] = {}

    def shingles_of(doc: str) -> frozenset[int]:
        # only the few documents with candidates keep their shingles: a
        # corpus's shingles would otherwise all be held at once
        found = kept_shingles.get(doc)
        if found is None:
            found = kept_shingles[doc] = _shingles(_word_hashes(_body(by_id[doc]), word_ids))
        return found

    # a band's bucket lists documents by their place in document id order
    ordered = sorted(records, key=lambda r: r.id)
    buckets: dict[int, list[int]] = defaultdict(list)
    for number, record in enumerate(ordered):
        keys = known.get(record.id)
        if keys is None:
            keys = document_band_keys(record, word_ids)
        sizes[record.id] = keys[0]
        for bucket in keys[1]:
            buckets[bucket].append(number)
    # bands in common, counted within a window of each bucket; each document's
    # candidates: those sharing the most bands, at least DUPLICATE_BANDS
    bands_shared = _window_counts((ids for ids in buckets.values() if len(ids) > 1), len(ordered))
    candidates = _strongest_pairs(bands_shared, len(ordered), WINDOW, minimum=DUPLICATE_BANDS)
    union = _UnionFind()
    similarity: dict[tuple[str, str], float] = {}
    for a, b in ((ordered[i].id, ordered[j].id) for i, j in sorted(candidates)):
        if min(sizes[a], sizes[b]) < DUPLICATE_JACCARD * max(sizes[a], sizes[b]):
            continue  # the sizes alone rule it out
        sa, sb = shingles_of(a), shingles_of(b)
        work["duplicate_checks"] = work.get("duplicate_checks", 0) + 1
        jaccard = len(sa & sb) / len(sa | sb)
        if jaccard >= DUPLICATE_JACCARD:
            union.union(a, b)
            similarity[(a, b)] = similarity[(b, a)] = jaccard
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(union.parent):
        groups[union.find(doc)].append(doc)
    result: list[DuplicateGroup] = []
    for docs in groups.values():
        if len(docs) < 2:
            continue
        ordered = sorted(docs, key=lambda d: (by_id[d].document.metadata.published is None, by_id[d].document.metadata.published or "", d))
        kept, others = ordered[0], tuple(sorted(ordered[1:]))
        sims = tuple((o, round(similarity.get((kept, o), len(shingles_of(kept) & shingles_of(o)) / len(shingles_of(kept) | shingles_of(o))), 3)) for o in others)
        titles = tuple((d, _title(by_id[d])) for d in (kept, *others))
        features = [f"Jaccard of {SHINGLE}-word shingles >= {DUPLICATE_JACCARD}"]
        if all(s == 1.0 for _, s in sims):
            features.append("same words in the same order apart from the title")
        if len({t for _, t in titles}) > 1:
            features.append("titles differ")
        if by_id[kept].document.metadata.published:
            features.append("kept: the earliest published")
        else:
            features.append("kept: the first by document id")
        result.append(DuplicateGroup(f"dup-{kept}", kept, others, sims, tuple(features), titles))
    return tuple(sorted(result, key=lambda g: g.kept))


# ---------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------


def compare(
    records: Sequence[Any],
    entities: Sequence[Any],
    quantities: Mapping[str, Sequence[Quantity]] | None = None,
    *,
    band_keys: Mapping[str, BandKeys] | None = None,
) -> Comparison:
    """Clusters, differences, duplicates and marks for the whole corpus.

    ``band_keys``: the :func:`document_band_keys` of some records, by document id,
    found earlier; the others' are found here."""
    # hundreds of thousands of claims and marks, beside every record of the corpus
    with collector_paused(settle=True):
        return _compare(records, entities, quantities, band_keys)


def _compare(
    records: Sequence[Any], entities: Sequence[Any], quantities: Mapping[str, Sequence[Quantity]] | None, known: Mapping[str, BandKeys] | None
) -> Comparison:
    quantities = quantities or {}
    work: dict[str, int] = {}
    duplicates = _near_duplicates(records, work, known)
    copies = {o: g.kept for g in duplicates for o in g.others}
    kept_records = [r for r in sorted(records, key=lambda r: r.id) if r.id not in copies]
    claims = _claims(kept_records, entities)
    generic = _generic(claims)
    forms = _forms(claims)
    pairs = _candidate_pairs(claims, forms, generic)
    # linked forms are joined, not their claims: a form's claims always go together;
    # each link (claims ``first`` and ``other``) is kept as first * len(claims) + other, with its form
    joined = _UnionFind()
    links: dict[int, int] = {}
    compared = 0
    for f, members in enumerate(forms):  # a statement repeated in several documents links its repetitions
        if len(members) > 1 and len({claims[i].doc for i in members}) > 1:
            compared += 1
            first = members[0]
            if _linked(claims[first], claims[first], generic):
                joined.find(f)
                links[first * len(claims) + first] = f
    for f, g in pairs:
        first, other = forms[f][0], forms[g][0]
        compared += 1
        if _linked(claims[first], claims[other], generic):
            joined.union(f, g)
            links[first * len(claims) + other] = f
    work["claims"] = len(claims)
    work["forms"] = len(forms)
    work["pairs"] = compared
    clusters = _clusters(claims, forms, joined, links, copies)

    by_id = {r.id: r for r in kept_records}
    claim_at = {c.member: c for c in claims}
    found: list[Difference] = []
    found += _name_variants(entities, by_id)
    found += _channels(clusters, claim_at)
    found += _counts(clusters, claim_at, quantities, by_id)
    found += _count_sums(kept_records, quantities)
    found += _times(clusters, claim_at)
    contradictions, contradiction_links = _contradictions(kept_records, claims, claim_at)
    found += contradictions
    marks = _marks(clusters, contradiction_links, claim_at)
    return Comparison(tuple(clusters), tuple(found), duplicates, marks, compared, work)


def _clusters(
    claims: Sequence[_Claim],
    forms: Sequence[Sequence[int]],
    joined: _UnionFind,
    links: Mapping[int, int],
    copies: Mapping[str, str],
) -> list[ClaimCluster]:
    """The connected groups of claims, most documents first, then by first
    member: the claims of each group of linked forms (``joined``), and each
    claim of a form never linked on its own. A group gives the features of
    its first links, in claim order, up to ``FEATURES_PER_CLUSTER``."""
    groups: dict[int, list[int]] = defaultdict(list)
    alone: list[int] = []
    for f, members in enumerate(forms):
        if f in joined.parent:
            groups[joined.find(f)].extend(members)
        else:
            alone.extend(members)
    # a group's features are found from its first links only, until there are enough
    features_by_root: dict[int, dict[str, None]] = defaultdict(dict)
    for link in sorted(links):
        seen = features_by_root[joined.find(links[link])]
        if len(seen) < FEATURES_PER_CLUSTER:
            first, other = divmod(link, len(claims))
            for feature in _link_features(claims[first], claims[other]):
                if len(seen) < FEATURES_PER_CLUSTER:
                    seen.setdefault(feature)
    also: dict[str, list[str]] = defaultdict(list)
    for copy, kept in copies.items():
        also[kept].append(copy)
    orders = [c.order for c in claims]
    clusters: list[ClaimCluster] = []
    keys: list[tuple[int, tuple[str, int]]] = []
    for root, indices in groups.items():
        indices.sort(key=orders.__getitem__)
        members = tuple(claims[i].member for i in indices)
        seen_features = features_by_root.get(root, {})
        documents = tuple(sorted({claims[i].doc for i in indices}))
        sources = tuple(sorted({claims[i].source_key for i in indices}))
        clusters.append(
            ClaimCluster(
                id=f"cluster-{members[0][1]}",
                members=members,
                features=tuple(seen_features) or _UNMATCHED,
                single_source=len(sources) == 1,
                documents=documents,
                sources=sources,
                also_in=tuple(sorted(c for d in documents for c in also.get(d, ()))),
            )
        )
        keys.append((-len(documents), orders[indices[0]]))
    for i in alone:
        claim = claims[i]
        clusters.append(
            ClaimCluster(
                id=f"cluster-{claim.member[1]}",
                members=(claim.member,),
                features=_UNMATCHED,
                single_source=True,
                documents=(claim.doc,),
                sources=(claim.source_key,),
                also_in=tuple(sorted(also.get(claim.doc, ()))),
            )
        )
        keys.append((-1, claim.order))
    return [clusters[i] for i in sorted(range(len(clusters)), key=keys.__getitem__)]


_UNMATCHED = ("no matching claim in another document",)


def claim_clusters(records: Sequence[Any], entities: Sequence[Any], quantities: Mapping[str, Sequence[Quantity]] | None = None) -> tuple[ClaimCluster, ...]:
    return compare(records, entities, quantities).clusters


def differences(records: Sequence[Any], entities: Sequence[Any], quantities: Mapping[str, Sequence[Quantity]] | None = None) -> tuple[Difference, ...]:
    return compare(records, entities, quantities).differences


def corroboration_marks(
    records: Sequence[Any], entities: Sequence[Any], quantities: Mapping[str, Sequence[Quantity]] | None = None
) -> Mapping[Member, tuple[Mark, ...]]:
    return compare(records, entities, quantities).marks


# --- differences ------------------------------------------------------------


def _quote(text: str) -> str:
    return f"“{text}”"


def _name_variants(entities: Sequence[Any], records: Mapping[str, Any]) -> list[Difference]:
    found: list[Difference] = []
    attributions_of: dict[str, dict[str, Any]] = {}
    for entity in entities:
        if len(entity.variants) < 2:
            continue
        firsts: dict[str, tuple[str, str, str]] = {}
        documents: dict[str, set[str]] = defaultdict(set)
        for doc, attribution_id in entity.mentions:
            record = records.get(doc)
            if record is None:
                continue
            by_id = attributions_of.get(doc)
            if by_id is None:
                by_id = attributions_of[doc] = {a.id: a for a in reversed(record.attributions)}
            attribution = by_id.get(attribution_id)
            if attribution is None:
                continue
            name = attribution.source.name
            documents[name].add(doc)
            firsts.setdefault(name, (doc, attribution.sentence_id, attribution.id))
        # a short form ("Sobyanin" beside "Sergei Sobyanin") is not a spelling variant
        words = {n: set(n.lower().split()) for n in firsts}
        for name in list(firsts):
            if any(words[name] < words[other] for other in words if other != name):
                del firsts[name]
        if len(firsts) < 2:
            continue
        names = sorted(firsts, key=lambda n: _member_order((firsts[n][0], firsts[n][2])))
        found.append(
            Difference(
                id=f"name-variant-{entity.id}",
                kind="name-variant",
                members=tuple(firsts[n] for n in names),
                summary="Name spelled differently: " + ", ".join(_quote(n) for n in names),
                details={"entity": entity.id, "variants": [{"name": n, "documents": sorted(documents[n])} for n in names]},
            )
        )
    return found


def _channels(clusters: Sequence[ClaimCluster], claim_at: Mapping[Member, _Claim]) -> list[Difference]:
    found: list[Difference] = []
    for cluster in clusters:
        by_source: dict[str, list[_Claim]] = defaultdict(list)
        for member in cluster.members:
            claim = claim_at[member]
            if claim.attribution.channel is not None and (claim.attribution.channel_kind or "") not in GENERIC_CHANNELS:
                by_source[claim.source_key].append(claim)
        for source, items in sorted(by_source.items()):
            kinds = {c.attribution.channel_kind for c in items}
            if len(kinds) < 2 or len({c.doc for c in items}) < 1:
                continue
            found.append(
                Difference(
                    id=f"channel-{cluster.id}-{source}",
                    kind="channel",
                    members=tuple((c.doc, c.sentence_id, c.attribution.id) for c in items),
                    summary=f"{items[0].source_name}: channel differs: "
                    + ", ".join(_quote(c.attribution.channel.text) for c in items),
                    details={
                        "source": source,
                        "cluster": cluster.id,
                        "channels": [
                            {"document": c.doc, "attribution": c.attribution.id, "channel": c.attribution.channel.text, "kind": c.attribution.channel_kind}
                            for c in items
                        ],
                    },
                )
            )
    return found


def _reporter(quantity: Quantity, by_id: Mapping[str, Quantity]) -> str | None:
    seen = 0
    while quantity.attribution_id is None and quantity.part_of and seen < 10:
        quantity = by_id.get(quantity.part_of, quantity)
        seen += 1
    return quantity.attribution_id


def _figure(quantity: Quantity, doc: str, reporter: _Claim | None) -> dict[str, Any]:
    return {
        "document": doc,
        "sentence": quantity.sentence_id,
        "quantity": quantity.id,
        "text": quantity.text,
        "value": quantity.value,
        "low": quantity.low,
        "high": quantity.high,
        "mod": quantity.mod,
        "precision": quantity.precision,
        "unit": quantity.unit,
        "place": quantity.place,
        "reported_by": reporter.source_name if reporter else None,
        "attribution": reporter.attribution.id if reporter else None,
    }


def _unit_family(unit: str | None) -> str | None:
    return QR.UNIT_FAMILIES.get(unit or "", unit)


def _bounds(quantity: Quantity) -> tuple[float, float] | None:
    low = quantity.value if quantity.value is not None else quantity.low
    high = quantity.value if quantity.value is not None else quantity.high
    if low is None and high is None:
        return None
    return (low if low is not None else high), (high if high is not None else low)  # type: ignore[return-value]


def _reported_quantities(claim_at: Mapping[Member, _Claim], quantities: Mapping[str, Sequence[Quantity]]) -> dict[Member, list[tuple[int, Quantity, str]]]:
    """Each claim's own figures as (position in its document, quantity, unit
    family): one pass over every document's quantities."""
    documents = {doc for doc, _ in claim_at}
    reported: dict[Member, list[tuple[int, Quantity, str]]] = defaultdict(list)
    for doc in sorted(documents):
        doc_quantities = {q.id: q for q in quantities.get(doc, ())}
        for position, quantity in enumerate(doc_quantities.values()):
            if quantity.part_of:
                continue
            attribution_id = _reporter(quantity, doc_quantities)
            if attribution_id is None or (doc, attribution_id) not in claim_at:
                continue
            family = _unit_family(quantity.unit)
            if family and _bounds(quantity) is not None:
                reported[(doc, attribution_id)].append((position, quantity, family))
    return reported


def _distinct(items: Iterable[str]) -> list[str]:
    """``items`` once each, in order: a figure or time given alike by many
    documents is listed once, with who gave it."""
    return list(dict.fromkeys(items))


def _counts(
    clusters: Sequence[ClaimCluster], claim_at: Mapping[Member, _Claim], quantities: Mapping[str, Sequence[Quantity]], records: Mapping[str, Any]
) -> list[Difference]:
    found: list[Difference] = []
    reported = _reported_quantities(claim_at, quantities)
    corrections_in: dict[str, list[dict[str, Any]]] = {}
    for cluster in clusters:
        if len(cluster.documents) < 2:
            continue
        by_doc: dict[str, list[tuple[int, Quantity, str, _Claim]]] = defaultdict(list)
        for member in cluster.members:
            if member in reported:
                claim = claim_at[member]
                by_doc[member[0]].extend((position, quantity, family, claim) for position, quantity, family in reported[member])
        if not by_doc:
            continue
        by_unit: dict[str, list[tuple[Quantity, _Claim]]] = defaultdict(list)
        for doc in cluster.documents:  # each document's figures in its own order
            for _, quantity, family, claim in sorted(by_doc.get(doc, ()), key=lambda item: item[0]):
                by_unit[family].append((quantity, claim))
        for unit, items in sorted(by_unit.items()):
            values = {_bounds(q) for q, _ in items}
            if len(values) < 2:
                continue
            lowest = min(items, key=lambda i: (_bounds(i[0])[0], i[0].id))  # type: ignore[index]
            highest = max(items, key=lambda i: (_bounds(i[0])[1], i[0].id))  # type: ignore[index]
            corrections = []
            for doc in sorted({c.doc for _, c in items}):
                if doc not in corrections_in:
                    corrections_in[doc] = _corrections(records[doc])
                corrections.extend(corrections_in[doc])
            summary = f"Figures differ ({unit}): " + ", ".join(_distinct(f"{_quote(q.text)} ({c.source_name})" for q, c in items))
            if corrections:
                summary += "; correction in " + ", ".join(sorted({c["document"] for c in corrections}))
            found.append(
                Difference(
                    id=f"count-{cluster.id}-{unit}",
                    kind="count",
                    members=tuple((c.doc, q.sentence_id, c.attribution.id) for q, c in items),
                    summary=summary,
                    details={
                        "cluster": cluster.id,
                        "unit": unit,
                        "figures": [_figure(q, c.doc, c) for q, c in items],
                        "lowest": _figure(lowest[0], lowest[1].doc, lowest[1]),
                        "highest": _figure(highest[0], highest[1].doc, highest[1]),
                        "corrections": corrections,
                        "summed": False,
                    },
                )
            )
    return found


#: A part of each wording of :data:`CORRECTION`: a text with none of them has no correction.
_CORRECTION_PARTS = ("orrect", "n earlier version of this ", "as previously reported", "larification")


def _corrections(record: Any) -> list[dict[str, Any]]:
    """The sentences of a document that say it was corrected."""
    if not any(part in record.document.text for part in _CORRECTION_PARTS):  # most documents
        return []
    return [
        {"document": record.id, "sentence": sentence.id, "published": record.document.metadata.published}
        for sentence in record.segmentation.sentences
        if CORRECTION.search(record.sentence_text(sentence))
    ]


def _count_sums(records: Sequence[Any], quantities: Mapping[str, Sequence[Quantity]]) -> list[Difference]:
    """Within one document: a total beside its parts, added up. Never across documents."""
    found: list[Difference] = []
    for record in records:
        doc_quantities = tuple(quantities.get(record.id, ()))
        by_id = {q.id: q for q in doc_quantities}
        children: dict[str, list[Quantity]] = defaultdict(list)
        for quantity in doc_quantities:
            if quantity.part_of:
                children[quantity.part_of].append(quantity)
        for total_id, parts in sorted(children.items(), key=lambda i: _number(i[0])):
            total = by_id[total_id]
            if total.value is None or any(p.value is None for p in parts):
                continue
            multiplied = [(p, max(1, len(p.places)) if p.distributive else 1) for p in parts]
            if sum(m for _, m in multiplied) < 2 or len(parts) < 1 or (len(parts) == 1 and not parts[0].distributive):
                continue  # one part ("five of those") is a subset, not a breakdown
            parts_sum = sum((p.value or 0) * m for p, m in multiplied)
            adds_up = parts_sum == total.value
            places = [name for p in parts for name in p.places]
            stated_places = next(
                (q for q in doc_quantities if q.sentence_id == total.sentence_id and q.unit == "region" and q.id != total.id), None
            )
            details: dict[str, Any] = {
                "total": {"quantity": total.id, "text": total.text, "value": total.value, "sentence": total.sentence_id},
                "parts": [
                    {"quantity": p.id, "text": p.text, "value": p.value, "times": m, "places": list(p.places), "sentence": p.sentence_id}
                    for p, m in multiplied
                ],
                "sum_of_parts": parts_sum,
                "adds_up": adds_up,
                "places_listed": places,
            }
            if stated_places is not None and stated_places.value is not None:
                details["places_stated"] = {"quantity": stated_places.id, "text": stated_places.text, "value": stated_places.value}
                details["places_match"] = stated_places.value == len(places)
            written = ", ".join(_quote(p.text) for p in parts)
            verdict = f"the parts add up to {_format(total.value)}" if adds_up else f"the parts do not add up to {_format(total.value)}"
            sentence_ids = sorted({total.sentence_id, *(p.sentence_id for p in parts)}, key=_number)
            members = tuple((record.id, s, total.attribution_id if s == total.sentence_id else None) for s in sentence_ids)
            found.append(
                Difference(
                    id=f"count-sum-{total.id}",
                    kind="count-sum",
                    members=members,  # type: ignore[arg-type]
                    summary=f"Total {_quote(total.text)} beside parts {written}: {verdict}",
                    details=details,
                )
            )
    return found


def _format(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _times(clusters: Sequence[ClaimCluster], claim_at: Mapping[Member, _Claim]) -> list[Difference]:
    found: list[Difference] = []
    for cluster in clusters:
        if len(cluster.documents) < 2:
            continue
        timed = [claim_at[m] for m in cluster.members if claim_at[m].times]
        stated: list[tuple[_Claim, Any]] = [(c, t) for c in timed for t in c.times]
        parts = {p for _, t in stated if (p := _part_of_day(t.value))}
        dates = [d for _, t in stated if (d := _date(t.value))]
        docs = {c.doc for c, _ in stated}
        differ = len(parts) > 1 or _any_dates_differ(dates)
        if not differ or len(docs) < 2:
            continue
        found.append(
            Difference(
                id=f"time-{cluster.id}",
                kind="time",
                members=tuple((c.doc, c.sentence_id, c.attribution.id) for c in timed),
                summary="Times differ: " + ", ".join(_distinct(f"{_quote(t.text)} ({c.source_name})" for c, t in stated)),
                details={
                    "cluster": cluster.id,
                    "times": [
                        {"document": c.doc, "sentence": c.sentence_id, "time": t.id, "text": t.text, "value": t.value, "precision": t.precision, "part_of_day": _part_of_day(t.value)}
                        for c, t in stated
                    ],
                },
            )
        )
    return found


def _publication_rank(records: Sequence[Any]) -> dict[str, int]:
    """Each document's place in publication order (undated documents last, by id)."""
    ordered = sorted(records, key=lambda r: (r.document.metadata.published is None, r.document.metadata.published or "", r.id))
    return {r.id: position for position, r in enumerate(ordered)}


class _Nearby:
    """Claims under a key (a surname, an origin), grouped by document in
    publication order. :meth:`find` gives, for one claim, the matching claims
    of its own document and of the ``OTHER_DOCUMENTS`` nearest other documents
    in publication order that have one (looking at most ``SCAN_DOCUMENTS``
    documents away on each side): a binary search and a bounded walk, so a name
    or an origin that every document mentions costs the same as a rare one."""

    def __init__(self, rank: Mapping[str, int]) -> None:
        self.rank = rank
        self.by_key: dict[str, dict[str, list[tuple[int, _Claim]]]] = defaultdict(dict)
        self.frozen: dict[str, tuple[list[int], list[list[tuple[int, _Claim]]]]] = {}

    def add(self, key: str, index: int, claim: _Claim) -> None:
        self.by_key[key].setdefault(claim.doc, []).append((index, claim))
        self.frozen.pop(key, None)

    def find(self, key: str, claim: _Claim, accept: Any) -> list[_Claim]:
        entry = self.frozen.get(key)
        if entry is None:
            by_doc = self.by_key.get(key)
            if not by_doc:
                return []
            order = sorted(by_doc, key=self.rank.__getitem__)
            entry = self.frozen[key] = ([self.rank[d] for d in order], [by_doc[d] for d in order])
        ranks, groups = entry
        own = self.rank[claim.doc]
        position = bisect_left(ranks, own)
        found: list[tuple[int, _Claim]] = []
        right = position
        if position < len(ranks) and ranks[position] == own:
            found += [item for item in groups[position] if accept(item[1])]
            right = position + 1
        left = position - 1
        taken = scanned = 0
        while taken < OTHER_DOCUMENTS and scanned < 2 * SCAN_DOCUMENTS and (left >= 0 or right < len(ranks)):
            if right >= len(ranks) or (left >= 0 and own - ranks[left] <= ranks[right] - own):
                group, left = groups[left], left - 1
            else:
                group, right = groups[right], right + 1
            scanned += 1
            accepted = [item for item in group if accept(item[1])]
            if accepted:
                found += accepted
                taken += 1
        return [c for _, c in sorted(found, key=lambda item: item[0])]


def _any_dates_differ(dates: Iterable[str]) -> bool:
    """Whether two of ``dates`` are incompatible: two distinct complete dates
    differ at once; only dates with unknown digits are compared in pairs, and
    there are few distinct ones."""
    distinct = set(dates)
    complete = {d for d in distinct if "X" not in d}
    if len(complete) > 1:
        return True
    partial = sorted(distinct - complete)
    candidates = sorted(complete) + partial
    return any(_dates_differ([a], [b]) for i, a in enumerate(candidates) for b in candidates[i + 1 :])


def _contradictions(
    records: Sequence[Any], claims: Sequence[_Claim], claim_at: Mapping[Member, _Claim]
) -> tuple[list[Difference], list[tuple[_Claim, _Claim | tuple[str, str], str]]]:
    """Links ``(contested claim, contradicting claim or (doc, sentence), rule)`` and
    one difference per connected group of links."""
    links: list[tuple[_Claim, _Claim | tuple[str, str], str]] = []
    records_by_id = {r.id: r for r in records}
    rank = _publication_rank(records)
    # one pass over the claims: the words of each denial (which may name a
    # source), the first denial of each sentence, the claims that a marker says
    # another source rejected, and the origins stated or negated (an index by
    # origin word, no pair search)
    referring: dict[int, set[str]] = {}
    denial_in: dict[tuple[str, str], _Claim] = {}
    marked: list[int] = []
    stated = _Nearby(rank)
    negated: list[tuple[_Claim, str]] = []
    origins: dict[str, tuple[list[str], list[str]]] = {}  # per text: (negated, stated)
    for index, claim in enumerate(claims):
        attribution = claim.attribution
        content = attribution.content.text
        if attribution.cue_lemma in DENIAL_CUES:
            referring[index] = {w.lower().removesuffix("’s").removesuffix("'s") for w in _WORD.findall(content)}
            denial_in.setdefault((claim.doc, claim.sentence_id), claim)
        if attribution.markers and any(marker.kind in CONTESTED_MARKERS for marker in attribution.markers):
            marked.append(index)
        found = origins.get(content)
        if found is None:
            denied = [m.group("origin").lower() for m in NEGATED_ORIGIN.finditer(content)]
            given = [] if denied else [(m.group("origin") or m.group("origin2")).lower() for m in STATED_ORIGIN.finditer(content)]
            found = origins[content] = (denied, given)
        for origin in found[0]:
            negated.append((claim, origin))
        for origin in found[1]:
            stated.add(origin, index, claim)
    referred = set().union(*referring.values())
    # surnames and role words of each source, to resolve "the general's remarks", "Popov's claims";
    # only those that some denial uses are indexed
    naming = _Nearby(rank)
    naming_words: dict[tuple[str, str | None], set[str]] = {}
    for index, claim in enumerate(claims):
        source = claim.attribution.source
        words = naming_words.get((source.name, source.role))
        if words is None:
            words = {w.lower() for w in _NAME_WORD.findall(source.name)[-1:]}
            if source.role:
                words |= {w.lower() for w in _ROLE_WORD.findall(source.role)[-1:]}
            words = naming_words[(source.name, source.role)] = words & referred
        for word in words:
            naming.add(word, index, claim)
    for index in sorted(referring.keys() | marked):  # in claim order, as the links are
        claim = claims[index]
        attribution = claim.attribution
        if index in referring:

            def named(other: _Claim, claim: _Claim = claim) -> bool:
                return other.source_key != claim.source_key and (other.doc != claim.doc or other.order[1] < claim.order[1])

            targets = [other for word in sorted(referring[index]) for other in naming.find(word, claim, named)]
            unique = {t.member: t for t in targets}
            for member in sorted(unique, key=_member_order):
                links.append((unique[member], claim, f"{attribution.cue_lemma} naming the source"))
        for marker in attribution.markers:
            if marker.kind in CONTESTED_MARKERS:
                sentence = _sentence_at(records_by_id[claim.doc], marker.span.start)
                if sentence is not None and sentence.id != claim.sentence_id:
                    denial = denial_in.get((claim.doc, sentence.id))
                    links.append((claim, denial or (claim.doc, sentence.id), f"marker: {marker.kind}"))
    for claim, origin in negated:
        for other in stated.find(origin, claim, lambda other, claim=claim: other.source_key != claim.source_key):
            if other.source_key != claim.source_key:
                links.append((other, claim, "stated origin negated by another source"))
                links.append((claim, other, "stated origin negated by another source"))

    # dismissals and denials found as claims make marker links to their own sentence redundant
    def key(item: _Claim | tuple[str, str]) -> tuple[str, str]:
        return (item.doc, item.sentence_id) if isinstance(item, _Claim) else item

    # one difference per connected group, but a group stops growing at
    # CONTRADICTION_GROUP sentences: denials naming a source everyone quotes
    # would otherwise chain the whole corpus into one "contradiction"
    places = [(key(contested), key(by)) for contested, by, _ in links]
    union = _UnionFind()
    for a, b in places:
        union.union(a, b, limit=CONTRADICTION_GROUP)
    # a link between two groups that were not joined is shown on its own
    groups: dict[tuple[tuple[str, str], ...], list[int]] = defaultdict(list)  # the links of each group, by number
    for number, (a, b) in enumerate(places):
        root_a, root_b = union.find(a), union.find(b)
        groups[(root_a,) if root_a == root_b else tuple(sorted((a, b), key=_member_order))].append(number)
    found: list[Difference] = []
    for group_key, numbers in sorted(groups.items(), key=lambda i: [_member_order(k) for k in i[0]]):
        members: dict[tuple[str, str], str | None] = {}
        for number in numbers:
            for item, place in zip(links[number][:2], places[number]):
                # a sentence stands for its first claim in a link
                if members.get(place) is None:
                    members[place] = item.attribution.id if isinstance(item, _Claim) else None
        # the links in the order of their places, then by rule
        numbers.sort(key=lambda n: (*_member_order(places[n][0]), *_member_order(places[n][1]), links[n][2]))
        roles = [{"contested": _ref(links[n][0]), "by": _ref(links[n][1]), "rule": links[n][2]} for n in numbers]
        # a claim in a member sentence that is itself a denial stands for that sentence
        for place, attribution_id in list(members.items()):
            if attribution_id is None:
                denial = denial_in.get(place)
                if denial is not None:
                    members[place] = denial.attribution.id
        ordered = sorted(members.items(), key=lambda i: (i[0][0], _number(i[0][1])))
        quoted = []
        for (doc, sentence_id), attribution_id in ordered:
            claim = claim_at.get((doc, attribution_id)) if attribution_id else None
            if claim is not None:
                mention = claim.attribution.source.mention
                quoted.append(f"{mention.text if mention else claim.source_name} {claim.attribution.cue.text}")
        found.append(
            Difference(
                id="contradiction-" + "-".join(k[1] for k in group_key),
                kind="contradiction",
                members=tuple((doc, s, a) for (doc, s), a in ordered),
                summary="Accounts contradict each other: " + "; ".join(_quote(q) for q in quoted),
                details={"links": roles},
            )
        )
    return found, links


def _ref(item: _Claim | tuple[str, str]) -> dict[str, Any]:
    if isinstance(item, _Claim):
        return {"document": item.doc, "sentence": item.sentence_id, "attribution": item.attribution.id, "source": item.source_name}
    return {"document": item[0], "sentence": item[1], "attribution": None, "source": None}


def _sentence_at(record: Any, position: int) -> Any:
    for sentence in record.segmentation.sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    return None


def _marks(
    clusters: Sequence[ClaimCluster], links: Iterable[tuple[_Claim, _Claim | tuple[str, str], str]], claim_at: Mapping[Member, _Claim]
) -> dict[Member, tuple[Mark, ...]]:
    """A claim is corroborated by a claim of its cluster in another document
    with the same polarity (a negated claim corroborates no positive one)."""
    corroborations: dict[Member, tuple[Mark, ...]] = {}
    for cluster in clusters:
        if len(cluster.documents) < 2:
            continue
        # the first reasons (a tooltip shows two and says when there are more); the cluster lists all
        reason = "; ".join(cluster.features[:MARK_REASONS])
        negated = [claim_at[member].negated for member in cluster.members]
        if True in negated and False in negated:
            groups: Sequence[Sequence[Member]] = [[m for m, n in zip(cluster.members, negated) if n is polarity] for polarity in (False, True)]
        else:
            groups = [cluster.members]
        for group in groups:
            _corroborate(group, reason, cluster.id, corroborations)
    contradictions: dict[Member, list[Mark]] = defaultdict(list)
    contradicted: dict[Member, set[tuple[str, str]]] = defaultdict(set)
    for contested, by, rule in links:
        other = (by.doc, by.attribution.id) if isinstance(by, _Claim) else by
        seen = contradicted[contested.member]
        if other not in seen and len(seen) < MARKS_PER_CLAIM:
            seen.add(other)
            contradictions[contested.member].append(Mark("contradicted", other, rule, None))
    # marks in order of kind ("contradicted" before "corroborated"), then of the
    # other claim: corroborations are already in member order
    in_order = [claim.member for claim in sorted(claim_at.values(), key=attrgetter("order"))]
    marks = {member: corroborations.get(member, ()) for member in in_order if member in corroborations or member in contradictions}
    for member, found in contradictions.items():
        marks[member] = (*sorted(found, key=lambda m: _member_order(m.other)), *marks[member])
    return marks


def _corroborate(group: Sequence[Member], reason: str, cluster: str, marks: dict[Member, tuple[Mark, ...]]) -> None:
    """Mark each member of ``group`` (one polarity of a cluster, in member
    order) with the first ``MARKS_PER_CLAIM`` members of other documents; the
    cluster (on the Compare page) lists them all. Members are in document
    order, so a document's members are one run and share their marks, and
    every member pointing at the same claim shares one mark."""
    shared: dict[Member, Mark] = {}

    def marks_of(others: Sequence[Member]) -> tuple[Mark, ...]:
        found = []
        for other in others:
            mark = shared.get(other)
            if mark is None:
                mark = shared[other] = Mark("corroborated", other, reason, cluster)
            found.append(mark)
        return tuple(found)

    start = 0
    while start < min(MARKS_PER_CLAIM, len(group)):
        doc = group[start][0]
        end = start + 1
        while end < len(group) and group[end][0] == doc:
            end += 1
        # the first members outside the run: some before it, the rest after it
        run_marks = marks_of((*group[:start], *group[end : end + MARKS_PER_CLAIM - start]))
        if run_marks:
            marks.update(dict.fromkeys(group[start:end], run_marks))
        start = end
    # every later run is shown the first MARKS_PER_CLAIM members
    if start < len(group):
        marks.update(dict.fromkeys(group[start:], marks_of(group[:MARKS_PER_CLAIM])))
