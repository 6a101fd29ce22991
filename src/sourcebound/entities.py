"""Sources across documents: one entity per person, organisation or group.

People are joined when their names agree after transliteration folding
("Sergei"/"Sergey", "-ii"/"-iy"/"-y", "kh"/"h", "ye"/"e") and their first names
are compatible (equal, or one an initial of the other). A surname-only mention
is joined to a full name only inside its own document (the extractor has already
resolved it there) or, across documents, when exactly one known person carries
that surname. Organisations are joined by their normalized name. Groups with
the same normalized name ("analysts") are one entity of kind ``group``;
anonymous individuals are kept apart per document, because two documents'
"a senior officer" need not be the same person.

Cost: every lookup (a surname key, an organisation or group name, an anonymous
source in its document, the people of a surname in a document) is a
dictionary access, and a mention is added to its entity in O(1), so merging A
attributions costs O(A), then O(E log E) to order the E entities; numbering
slugs that collide resumes where the last one stopped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from slugify import slugify

from .attribution import Attribution
from .cache import collector_paused

__all__ = ["Entity", "merge_entities", "transliteration_key"]


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    variants: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[tuple[str, str], ...]


#: Spelling folds for names transliterated from Cyrillic and other scripts, applied in order.
TRANSLITERATION_FOLDS: tuple[tuple[str, str], ...] = (
    (r"(?<=\w)(?:iy|yy|ij|ii|yi)\b", "i"),  # Dmitriy / Dmitrii / Dmitry
    (r"(?<=\w)y\b", "i"),
    (r"ey", "ei"),  # Sergey / Sergei, Aleksey / Aleksei
    (r"kh", "h"),  # Mikhail / Mihail
    (r"ks", "x"),  # Aleksandr / Alexandr
    (r"\bye", "e"),  # Yevgeny / Evgeny
    (r"(?<=[aeiou])ye", "e"),
    (r"yu", "iu"),
    (r"ya", "ia"),
    (r"zh", "j"),
    (r"ts", "c"),
    (r"w", "v"),  # Wladimir / Vladimir
    (r"j", "y"),
    (r"(.)\1", r"\1"),  # doubled letters
    (r"ph", "f"),
)
_FOLDS = tuple((re.compile(pattern), replacement) for pattern, replacement in TRANSLITERATION_FOLDS)
_ORG_SPELLINGS = ((re.compile(r"\bdefence\b"), "defense"), (re.compile(r"\s*&\s*"), " and "), (re.compile(r"^the\s+"), ""))


@lru_cache(maxsize=1 << 14)
def transliteration_key(word: str) -> str:
    """A spelling-insensitive key for one name word. Cached: a corpus names
    the same few thousand people again and again."""
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded


_SPACES = re.compile(r"[\s]+")


def _name_words(name: str) -> list[str]:
    return [w for w in _SPACES.split(name.strip()) if w]


def _org_key(name: str) -> str:
    key = name.lower().replace("’", "'")
    for pattern, replacement in _ORG_SPELLINGS:
        key = pattern.sub(replacement, key)
    return re.sub(r"\s+", " ", key).strip()


def _first_names_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    x, y = transliteration_key(a[0]), transliteration_key(b[0])
    return x == y or (len(a[0].rstrip(".")) == 1 and y.startswith(x[0])) or (len(b[0].rstrip(".")) == 1 and x.startswith(y[0]))


@dataclass
class _Cluster:
    kind: str
    key: str
    names: list[str]
    roles: list[str]
    mentions: list[tuple[str, str]]
    given: list[str]  # first-name words of the fullest name
    document: str | None = None  # anonymous clusters stay inside one document
    seen: set[tuple[str, str]] = field(default_factory=set)  # the mentions, for membership in O(1)
    documents: set[str] = field(default_factory=set)

    def add(self, name: str, role: str | None, mention: tuple[str, str]) -> bool:
        """Add one mention; True when it is the cluster's first in its document."""
        if name not in self.names:
            self.names.append(name)
        if role and role not in self.roles:
            self.roles.append(role)
        if mention not in self.seen:
            self.seen.add(mention)
            self.mentions.append(mention)
        if mention[0] in self.documents:
            return False
        self.documents.add(mention[0])
        return True


class _Index:
    """The clusters, with the lookups that the merge needs, each a dictionary
    access: by (kind, key), by person surname key, by (surname key, document)."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_key: dict[tuple[str, str, str | None], _Cluster] = {}
        self.persons: dict[str, list[_Cluster]] = defaultdict(list)
        self.persons_in: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
        self.surname_only: dict[tuple[str, str], _Cluster] = {}

    def new(self, cluster: _Cluster) -> _Cluster:
        self.clusters.append(cluster)
        if cluster.kind == "person":
            self.persons[cluster.key].append(cluster)
        return cluster

    def add(self, cluster: _Cluster, name: str, role: str | None, mention: tuple[str, str]) -> None:
        if cluster.add(name, role, mention) and cluster.kind == "person":
            self.persons_in[(cluster.key, mention[0])].append(cluster)

    def keyed(self, kind: str, key: str, document: str | None = None) -> _Cluster:
        cluster = self.by_key.get((kind, key, document))
        if cluster is None:
            cluster = self.by_key[(kind, key, document)] = self.new(_Cluster(kind, key, [], [], [], [], document))
        return cluster


def merge_entities(attributions: Mapping[str, Sequence[Attribution]]) -> tuple[Entity, ...]:
    """One :class:`Entity` per source, across documents, in a deterministic order.

    Every lookup is a dictionary access, so the merge costs O(A) for A
    attributions (plus O(P) per full name for the P people sharing its
    surname key, a handful), then O(E log E) to order the E entities."""
    # a mention tuple per attribution, beside every record of the corpus
    with collector_paused(settle=True):
        return _merge(attributions)


def _merge(attributions: Mapping[str, Sequence[Attribution]]) -> tuple[Entity, ...]:
    index = _Index()
    surname_only: list[tuple[str, str, str | None, tuple[str, str]]] = []
    # a name (but an anonymous one) always finds the same cluster, since clusters
    # are only ever added: it is looked for once; None marks a surname alone
    known: dict[tuple[str, str], _Cluster | None] = {}
    for document_id in sorted(attributions):
        for attribution in attributions[document_id]:
            source = attribution.source
            mention = (document_id, attribution.id)
            name = source.name.strip()
            if source.kind == "anonymous":
                index.add(index.keyed("anonymous", name.lower(), document_id), name, source.role, mention)
                continue
            named = (source.kind, name)
            if named in known:
                cluster = known[named]
            else:
                cluster = known[named] = _cluster_of(index, source.kind, name)
            if cluster is None:
                surname_only.append((document_id, name, source.role, mention))
            else:
                index.add(cluster, name, source.role, mention)
    for document_id, name, role, mention in surname_only:
        key = transliteration_key(name)
        candidates = index.persons_in.get((key, document_id)) or index.persons.get(key) or []
        if len(candidates) == 1:
            index.add(candidates[0], name, role, mention)
            continue
        cluster = index.surname_only.get((key, document_id))
        if cluster is None:
            cluster = index.surname_only[(key, document_id)] = index.new(_Cluster("person", key, [], [], [], [], document_id))
        index.add(cluster, name, role, mention)
    return _entities(index.clusters)


def _cluster_of(index: _Index, kind: str, name: str) -> _Cluster | None:
    """The cluster of a named source (made when it is the first), or None for a
    person named by surname alone, whom the merge places at the end."""
    if kind == "person":
        words = _name_words(name)
        if len(words) < 2:
            return None
        surname = transliteration_key(words[-1])
        given = words[:-1]
        cluster = next((c for c in index.persons[surname] if _first_names_compatible(c.given, given)), None)
        if cluster is None:
            cluster = index.new(_Cluster("person", surname, [], [], [], given))
        return cluster
    if kind == "organisation":
        return index.keyed("organisation", _org_key(name))
    return index.keyed(kind, name.lower())  # group, document


def _canonical(cluster: _Cluster) -> str:
    # the fullest spelling, then the one seen first
    return max(enumerate(cluster.names), key=lambda item: (len(_name_words(item[1])), -item[0]))[1]


def _entities(clusters: list[_Cluster]) -> tuple[Entity, ...]:
    entities: list[Entity] = []
    used: set[str] = set()
    # the next number to try after each base: the smallest free one only grows
    next_number: dict[str, int] = {}
    slugs: dict[str, str] = {}
    canonical = {id(c): _canonical(c) for c in clusters}
    ordered = sorted(clusters, key=lambda c: (c.kind, canonical[id(c)].lower(), c.document or "", c.mentions[0]))
    for cluster in ordered:
        name = canonical[id(cluster)]
        if name not in slugs:
            slugs[name] = slugify(name)
        base = slugs[name] or cluster.kind
        if cluster.kind == "anonymous" and cluster.document:
            base = f"{base}-{slugify(cluster.document)}"
        slug, n = base, next_number.get(base, 2)
        if n > 2 or slug in used:
            slug = f"{base}-{n}"
            n += 1
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        next_number[base] = n
        used.add(slug)
        variants = (name, *sorted(v for v in cluster.names if v != name))
        entities.append(
            Entity(
                id=slug,
                name=name,
                kind=cluster.kind,
                variants=variants,
                roles=tuple(cluster.roles),
                mentions=tuple(sorted(cluster.mentions, key=_mention_order)),
            )
        )
    return tuple(entities)


def _mention_order(mention: tuple[str, str]) -> tuple[str, int]:
    document, attribution = mention
    number = attribution.rsplit("-a", 1)[-1]
    return document, int(number) if number.isdigit() else 0
