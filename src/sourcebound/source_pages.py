"""Source notes: the Sources index, one page per source, and each document's
sourcing profile."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .model import DocumentRecord, Ledger
from .htmlblocks import Headings
from .templating import escape_text, front_matter_tags, front_matter_title, name_tags_shown, render_template, tag
from .naming import short_title
from .timeline_pages import cite_link, sentence_of

#: How each kind of source is named on the pages.
KIND_WORDS = {
    "person": "named person",
    "organisation": "named organisation",
    "anonymous": "anonymous individual",
    "group": "unnamed group",
    "document": "the document itself",
}
KIND_PLURALS = {
    "person": "named persons",
    "organisation": "named organisations",
    "anonymous": "anonymous individuals",
    "group": "unnamed groups",
    "document": "the document itself",
}
KIND_ORDER = tuple(KIND_WORDS)


def kind_counts(kinds: Counter[str]) -> list[str]:
    """``["2 named persons", "1 unnamed group"]`` in a fixed order."""
    return [f"{kinds[k]} {KIND_WORDS[k] if kinds[k] == 1 else KIND_PLURALS[k]}" for k in KIND_ORDER if kinds.get(k)]


def span_text(record: DocumentRecord, span: Any) -> str:
    if span is None or not record.document.metadata.text_visible:
        return ""
    return record.document.text[span.start : span.end]


def attribution_index(entities: Sequence[Any]) -> dict[str, str]:
    """Attribution id -> id of the entity (and page) of its source."""
    return {attribution_id: entity.id for entity in entities for _, attribution_id in entity.mentions}


@dataclass(frozen=True)
class ClaimView:
    id: str
    document_id: str
    document_title: str
    cue: str
    cue_lemma: str
    channel: str | None
    markers: tuple[str, ...]
    content: str
    sentence: str
    cite: Markup
    nested: bool
    marks: Markup = Markup("")


#: Marks a claim carries when another claim corroborates or contradicts it:
#: ``(document id, attribution id, link depth) -> Markup``.
MarksFor = Callable[[str, str, int], Markup]


def no_marks(_document: str, _attribution: str, _depth: int) -> Markup:
    return Markup("")


def claim_view(record: DocumentRecord, attribution: Any, title: str, depth: int, marks: MarksFor = no_marks, *, here: bool = False) -> ClaimView:
    sentence = sentence_of(record, attribution.sentence_id)
    return ClaimView(
        id=attribution.id,
        document_id=record.id,
        document_title=title,
        cue=span_text(record, attribution.cue) or attribution.cue_lemma,
        cue_lemma=attribution.cue_lemma,
        channel=span_text(record, attribution.channel) or attribution.channel_kind,
        markers=tuple(span_text(record, m.span) or m.kind for m in attribution.markers),
        content=span_text(record, attribution.content),
        sentence=record.sentence_text(sentence) if sentence is not None and record.document.metadata.text_visible else "",
        cite=cite_link(record, attribution.sentence_id, depth, here=here),
        nested=attribution.parent is not None,
        marks=marks(record.id, attribution.id, depth),
    )


def _attributions(record: DocumentRecord) -> tuple[Any, ...]:
    return tuple(getattr(record, "attributions", ()))


#: Documents named in a source's row of the Sources page; its own page lists
#: them all. A row per source, each listing every document that cites it,
#: made the page grow with the number of citations: 1.5 MB at 1,000
#: documents, a few sources cited in hundreds of them.
CITED_IN_SHOWN = 5


def _cited_in(documents: Sequence[str], titles: Mapping[str, str], page: str) -> Markup:
    links = ", ".join(f'<a href="../documents/{d}.html">{escape_text(titles[d])}</a>' for d in documents[:CITED_IN_SHOWN])
    more = len(documents) - CITED_IN_SHOWN
    if more <= 0:
        return Markup(links)
    return Markup(f'{len(documents):,} documents: {links}, <a href="{page}.html">{more:,} more</a>')


def source_rows(ledger: Ledger, entities: Sequence[Any], titles: Mapping[str, str], page_names: Mapping[str, str]) -> list[dict[str, Any]]:
    by_id = {(r.id, a.id): a for r in ledger.records for a in _attributions(r)}
    rows = []
    for entity in entities:
        claims = [by_id[m] for m in entity.mentions if m in by_id]
        documents = sorted({doc for doc, _ in entity.mentions})
        channels = Counter(a.channel_kind for a in claims if a.channel_kind)
        rows.append(
            {
                "id": entity.id,
                "page": page_names[entity.id],
                "name": entity.name,
                "kind": KIND_WORDS.get(entity.kind, entity.kind),
                "kind_key": entity.kind,
                "variants": [v for v in entity.variants if v != entity.name],
                "documents": _cited_in(documents, titles, page_names[entity.id]),
                "document_count": len(documents),
                "claims": len(claims),
                "channels": ", ".join(sorted(channels)) or None,
            }
        )
    rows.sort(key=lambda row: (-row["document_count"], -row["claims"], row["name"].casefold()))
    return rows


def sources_index_page(ledger: Ledger, entities: Sequence[Any], titles: Mapping[str, str], page_names: Mapping[str, str]) -> str:
    rows = source_rows(ledger, entities, titles, page_names)
    kinds = Counter(row["kind_key"] for row in rows)
    return render_template(
        "sources.md.j2",
        rows=rows,
        kinds=kind_counts(kinds),
        claim_count=sum(row["claims"] for row in rows),
    )


def claims_by_id(ledger: Ledger) -> dict[tuple[str, str], Any]:
    return {(r.id, a.id): a for r in ledger.records for a in _attributions(r)}


def source_page(
    ledger: Ledger,
    entity: Any,
    titles: Mapping[str, str],
    marks: MarksFor = no_marks,
    by_id: Mapping[tuple[str, str], Any] | None = None,
    records: Mapping[str, DocumentRecord] | None = None,
) -> str:
    """One source's page; ``by_id`` and ``records`` may be passed in when many
    pages are made from the same ledger, so each is built once."""
    records = records if records is not None else {r.id: r for r in ledger.records}
    by_id = by_id if by_id is not None else claims_by_id(ledger)
    claims = [claim_view(records[doc], by_id[(doc, aid)], titles[doc], depth=1, marks=marks) for doc, aid in entity.mentions if (doc, aid) in by_id]
    groups: dict[str, list[ClaimView]] = {}
    for claim in claims:
        groups.setdefault(claim.document_id, []).append(claim)
    return render_template(
        "source.md.j2",
        heading=Headings(escape_text(entity.name)),
        page_title=front_matter_title(entity.name),
        page_tags=front_matter_tags(
            [tag("Source kind", KIND_WORDS.get(entity.kind, entity.kind))]
            + ([tag("Document", short_title(records[doc])) for doc, _ in entity.mentions] if name_tags_shown(len(ledger.records)) else [])
            + [tag("Verification", m.kind) for doc, aid in entity.mentions if (doc, aid) in by_id for m in by_id[(doc, aid)].markers]
        ),
        entity=entity,
        kind=KIND_WORDS.get(entity.kind, entity.kind),
        variants=[v for v in entity.variants if v != entity.name],
        groups=[{"id": doc, "title": titles[doc], "claims": items} for doc, items in groups.items()],
        claim_count=len(claims),
        channels=sorted({c.channel for c in claims if c.channel}),
    )


def sourcing_profile(record: DocumentRecord, entity_of: Mapping[str, str], marks: MarksFor = no_marks) -> dict[str, Any]:
    """What the document page says about how the document sources its claims."""
    attributions = _attributions(record)
    kinds = Counter(a.source.kind for a in attributions)
    attributed_sentences = {a.sentence_id for a in attributions if a.source.kind != "document"}
    total = len(record.segmentation.sentences)
    markers = [(m, a) for a in attributions for m in a.markers]
    return {
        "count": len(attributions),
        "kinds": [f"{kinds[k]} from {KIND_WORDS[k] if kinds[k] == 1 and k != 'document' else KIND_PLURALS[k]}" for k in KIND_ORDER if kinds.get(k)],
        "attributed": len(attributed_sentences),
        "sentences": total,
        "share": f"{100 * len(attributed_sentences) / total:.0f} %" if total else "—",
        "markers": [
            {
                "text": span_text(record, m.span) or m.kind,
                "kind": m.kind,
                "cite": cite_link(record, a.sentence_id, 1, here=True),
            }
            for m, a in markers
        ],
        "claims": [
            {
                "view": claim_view(record, a, "", depth=1, marks=marks, here=True),
                "source": a.source.name,
                "kind": KIND_WORDS.get(a.source.kind, a.source.kind),
                "page": entity_of.get(a.id),
            }
            for a in attributions
        ],
    }

