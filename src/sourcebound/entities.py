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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from slugify import slugify

from .attribution import Attribution

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


def transliteration_key(word: str) -> str:
    """A spelling-insensitive key for one name word."""
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", name.strip()) if w]


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

    def add(self, name: str, role: str | None, mention: tuple[str, str]) -> None:
        if name not in self.names:
            self.names.append(name)
        if role and role not in self.roles:
            self.roles.append(role)
        if mention not in self.mentions:
            self.mentions.append(mention)


def merge_entities(attributions: Mapping[str, Sequence[Attribution]]) -> tuple[Entity, ...]:
    """One :class:`Entity` per source, across documents, in a deterministic order."""
    clusters: list[_Cluster] = []
    surname_only: list[tuple[str, str, str | None, tuple[str, str]]] = []
    for document_id in sorted(attributions):
        for attribution in attributions[document_id]:
            source = attribution.source
            mention = (document_id, attribution.id)
            name = source.name.strip()
            if source.kind == "person":
                words = _name_words(name)
                if len(words) < 2:
                    surname_only.append((document_id, name, source.role, mention))
                    continue
                surname = transliteration_key(words[-1])
                cluster = next(
                    (c for c in clusters if c.kind == "person" and c.key == surname and _first_names_compatible(c.given, words[:-1])),
                    None,
                )
                if cluster is None:
                    cluster = _Cluster("person", surname, [], [], [], words[:-1])
                    clusters.append(cluster)
                cluster.add(name, source.role, mention)
            elif source.kind == "organisation":
                key = _org_key(name)
                cluster = next((c for c in clusters if c.kind == "organisation" and c.key == key), None)
                if cluster is None:
                    cluster = _Cluster("organisation", key, [], [], [], [])
                    clusters.append(cluster)
                cluster.add(name, source.role, mention)
            elif source.kind == "anonymous":
                key = name.lower()
                cluster = next((c for c in clusters if c.kind == "anonymous" and c.key == key and c.document == document_id), None)
                if cluster is None:
                    cluster = _Cluster("anonymous", key, [], [], [], [], document_id)
                    clusters.append(cluster)
                cluster.add(name, source.role, mention)
            else:  # group, document
                key = name.lower()
                cluster = next((c for c in clusters if c.kind == source.kind and c.key == key), None)
                if cluster is None:
                    cluster = _Cluster(source.kind, key, [], [], [], [])
                    clusters.append(cluster)
                cluster.add(name, source.role, mention)
    for document_id, name, role, mention in surname_only:
        key = transliteration_key(name)
        same_document = [c for c in clusters if c.kind == "person" and c.key == key and any(d == document_id for d, _ in c.mentions)]
        candidates = same_document or [c for c in clusters if c.kind == "person" and c.key == key]
        if len(candidates) == 1:
            candidates[0].add(name, role, mention)
            continue
        cluster = next((c for c in clusters if c.kind == "person" and c.key == key and not c.given and c.document == document_id), None)
        if cluster is None:
            cluster = _Cluster("person", key, [], [], [], [], document_id)
            clusters.append(cluster)
        cluster.add(name, role, mention)
    return _entities(clusters)


def _canonical(cluster: _Cluster) -> str:
    # the fullest spelling, then the one seen first
    return max(cluster.names, key=lambda n: (len(_name_words(n)), -cluster.names.index(n)))


def _entities(clusters: list[_Cluster]) -> tuple[Entity, ...]:
    entities: list[Entity] = []
    used: set[str] = set()
    ordered = sorted(clusters, key=lambda c: (c.kind, _canonical(c).lower(), c.document or "", c.mentions[0]))
    for cluster in ordered:
        name = _canonical(cluster)
        base = slugify(name) or cluster.kind
        if cluster.kind == "anonymous" and cluster.document:
            base = f"{base}-{slugify(cluster.document)}"
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
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
