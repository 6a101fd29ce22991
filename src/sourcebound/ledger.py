"""The ledger as JSON: the one machine-readable form of everything extracted.

Its shape is documented by ``docs/schema/ledger.schema.json``; later extractors
add their records to each document here.
"""

from __future__ import annotations

import json
from typing import Any

from . import __version__
from .language import language_profile, word_count
from .model import DocumentRecord, InputFile, Ledger, Metadata

LEDGER_FORMAT = 2


def metadata_json(metadata: Metadata) -> dict[str, Any]:
    return {
        "title": metadata.title,
        "outlet": metadata.outlet,
        "url": metadata.url,
        "published": metadata.published,
        "language": metadata.language,
        "authors": list(metadata.authors),
        "license": metadata.license,
        "display": metadata.display,
        "notes": metadata.notes,
        "origin": dict(metadata.origin),
    }


def document_json(record: DocumentRecord, *, public: bool = False) -> dict[str, Any]:
    """One document's entry; ``public`` drops text the metadata withholds."""
    document = record.document
    show_text = not public or document.metadata.text_visible
    segmentation = record.segmentation
    headline = segmentation.headline
    return {
        "id": document.id,
        "source": document.source,
        "format": document.format.value,
        "content_hash": document.content_hash,
        "metadata": metadata_json(document.metadata),
        "dct": {"value": record.dct, "origin": record.dct_origin} if record.dct else None,
        "headline": headline.id if headline else None,
        "text": document.text if show_text else None,
        "paragraphs": [[p.start, p.end] for p in segmentation.paragraphs],
        "quotations": [{"start": q.start, "end": q.end, "marks": q.marks} for q in segmentation.quotations],
        "sentences": [
            {
                "id": s.id,
                "n": s.n,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "headline": s.headline,
                "text": record.sentence_text(s) if show_text else None,
                "quotes": [[q.start, q.end] for q in s.quotes],
            }
            for s in segmentation.sentences
        ],
        "times": [_without_text(t.to_json(), show_text) for t in record.times],
        "attributions": [_without_text(a.to_json(), show_text) for a in record.attributions],
        "quantities": [_without_text(q.to_json(), show_text) for q in record.quantities],
        "loaded_terms": [_without_text(t.to_json(), show_text) for t in record.loaded_terms],
        "language_profile": language_profile(record.loaded_terms, word_count(document.text)),
        "roles": [{**r.to_json(), "reason": r.reason if show_text else None} for r in record.roles],
        "summary": [_without_text(line.to_json(), show_text) for line in record.summary],
        "bounds": [{**v.to_json(), "detail": v.detail if show_text else None} for v in record.bounds],
    }


_TEXT_KEYS = frozenset({"text", "name", "role", "counted", "place", "places"})


def _without_text(data: Any, show_text: bool) -> Any:
    """Drop every copy of document text (``text``, and the names and roles read
    from it) when it is withheld; offsets stay, so citations still resolve."""
    if show_text:
        return data
    if isinstance(data, dict):
        return {k: (None if k in _TEXT_KEYS else _without_text(v, show_text)) for k, v in data.items()}
    if isinstance(data, list):
        return [_without_text(v, show_text) for v in data]
    return data


def entity_json(entity: Any) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "variants": list(entity.variants),
        "roles": list(entity.roles),
        "mentions": [{"document": d, "attribution": a} for d, a in entity.mentions],
    }


def input_json(item: InputFile) -> dict[str, Any]:
    return {
        "path": item.path,
        "status": item.status.value,
        "document": item.document_id,
        "describes": item.describes,
        "diagnostics": [d.to_json() for d in item.diagnostics],
    }


def published_records(ledger: Ledger) -> tuple[DocumentRecord, ...]:
    """The records whose text may be shown: what is derived from a withheld text
    (timeline entries, sources) stays out of the published site."""
    return tuple(r for r in ledger.records if r.document.metadata.text_visible)


def ledger_json(ledger: Ledger, *, public: bool = False) -> dict[str, Any]:
    from .timeline import corpus_timeline

    return {
        "format": LEDGER_FORMAT,
        "generator": f"sourcebound {__version__}",
        "documents": [document_json(r, public=public) for r in ledger.records],
        "sources": [entity_json(e) for e in ledger.entities],
        "timeline": [e.to_json() for e in corpus_timeline(published_records(ledger) if public else ledger.records).entries],
        "comparison": ledger.comparison.to_json() if ledger.comparison is not None else None,
        "bounds": [
            {**v.to_json(), "detail": v.detail if not public or r.document.metadata.text_visible else None} for r in ledger.records for v in r.bounds
        ],
        "inputs": [input_json(i) for i in ledger.inputs],
    }


def dumps(data: Any) -> str:
    """Stable JSON text. Keys keep their natural reading order rather than being
    sorted; stability comes from every list being built in a sorted order."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def published_files(ledger: Ledger) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The published ledger: its files (path under the docs folder -> text, text
    that a document's metadata withholds left out) and one row per file, or group
    of files, for the Data page (``name``, ``href``, ``description``, ``size``)."""
    text = dumps(ledger_json(ledger, public=True))
    row = {
        "name": "ledger.json",
        "href": "data/ledger.json",
        "description": "Every document with its metadata, text, paragraphs, quotations, sentences, time expressions and attributions (offsets into the text), the sources merged across documents, the timeline, and every input file's status.",
        "size": human_size(len(text.encode("utf-8"))),
    }
    return {"data/ledger.json": text}, [row]


def human_size(size: int) -> str:
    return f"{size:,} bytes" if size < 10_000 else f"{size / 1024:,.0f} KB"
