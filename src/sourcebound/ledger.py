"""The ledger as JSON: the one machine-readable form of everything extracted.

Its shape is documented by ``docs/schema/ledger.schema.json``; later extractors
add their records to each document here.

``sourcebound extract`` prints the whole ledger as one object (format
:data:`LEDGER_FORMAT`). The site publishes it split (format
:data:`PUBLISHED_FORMAT`): ``data/ledger.json`` is the index of the corpus, and
each document's full record is a file of its own, ``data/documents/<id>.json``,
so that no file grows with the number of documents beyond what can be opened.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import __version__
from .language import language_profile, word_count
from .model import DocumentRecord, InputFile, Ledger, Metadata

if TYPE_CHECKING:
    from .timeline import CorpusTimeline

#: Format of the whole ledger ``sourcebound extract`` prints.
LEDGER_FORMAT = 2
#: Format of the published ledger: an index and one file per document.
PUBLISHED_FORMAT = 3

INDEX_PATH = "data/ledger.json"


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


def _identity_json(record: DocumentRecord) -> dict[str, Any]:
    """What identifies and describes a document, first in each of its entries."""
    document = record.document
    return {
        "id": document.id,
        "source": document.source,
        "format": document.format.value,
        "content_hash": document.content_hash,
        "metadata": metadata_json(document.metadata),
    }


def document_json(record: DocumentRecord, *, public: bool = False) -> dict[str, Any]:
    """One document's entry; ``public`` drops text the metadata withholds."""
    document = record.document
    show_text = not public or document.metadata.text_visible
    segmentation = record.segmentation
    headline = segmentation.headline
    return {
        **_identity_json(record),
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


def document_data_path(document_id: str) -> str:
    """Path, under the docs folder, of the published file of one document."""
    return f"data/documents/{document_id}.json"


def document_entry_json(record: DocumentRecord) -> dict[str, Any]:
    """A document's entry in the published index: what identifies and describes
    it, how much was extracted from it, and its own file (relative to the index)."""
    return {
        **_identity_json(record),
        "counts": {
            "paragraphs": len(record.segmentation.paragraphs),
            "sentences": len(record.segmentation.sentences),
            "times": len(record.times),
            "attributions": len(record.attributions),
            "quantities": len(record.quantities),
            "loaded_terms": len(record.loaded_terms),
            "summary": len(record.summary),
        },
        "file": document_data_path(record.id).removeprefix("data/"),
    }


def index_json(ledger: Ledger, *, timeline: CorpusTimeline | None = None) -> dict[str, Any]:
    """The published index: the corpus-level parts of the public ledger, each
    document by its entry rather than its full record. ``timeline``: the corpus
    timeline of the published records, when the caller has it already."""
    from .timeline import corpus_timeline

    if timeline is None:
        timeline = corpus_timeline(published_records(ledger))
    return {
        "format": PUBLISHED_FORMAT,
        "generator": f"sourcebound {__version__}",
        "documents": [document_entry_json(r) for r in ledger.records],
        "sources": [entity_json(e) for e in ledger.entities],
        "timeline": [e.to_json() for e in timeline.entries],
        "comparison": ledger.comparison.to_json() if ledger.comparison is not None else None,
        "bounds": [{**v.to_json(), "detail": v.detail if r.document.metadata.text_visible else None} for r in ledger.records for v in r.bounds],
        "inputs": [input_json(i) for i in ledger.inputs],
    }


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def published_dumps(data: Any) -> str:
    """Stable JSON text for the published files, written by the C encoder (the
    indenting encoder is pure Python, far slower on large files). Objects are
    laid out one member per line to the third level and lists of records one
    record per line, each record on a single compact line: readable with any
    text tool, and never one line the size of the file."""
    parts: list[str] = []
    _layout(data, 0, parts)
    parts.append("\n")
    return "".join(parts)


def _layout(value: Any, depth: int, parts: list[str]) -> None:
    if isinstance(value, dict) and value and depth < 3:
        inner = "\n" + "  " * (depth + 1)
        parts.append("{")
        for n, (key, item) in enumerate(value.items()):
            parts.append(("," if n else "") + inner + _encode(key) + ":")
            _layout(item, depth + 1, parts)
        parts.append("\n" + "  " * depth + "}")
    elif isinstance(value, list) and value and isinstance(value[0], (dict, list)):
        inner = ",\n" + "  " * (depth + 1)
        parts.append("[" + inner[1:] + inner.join(map(_encode, value)) + "\n" + "  " * depth + "]")
    else:
        parts.append(_encode(value))


def published_document(record: DocumentRecord) -> tuple[str, str]:
    """A document's published file: its path under the docs folder and its text
    (text that the document's metadata withholds left out)."""
    return document_data_path(record.id), published_dumps(document_json(record, public=True))


def published_files(
    ledger: Ledger, *, timeline: CorpusTimeline | None = None, documents: Mapping[str, str] | None = None
) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The published ledger: its files (path under the docs folder -> text, text
    that a document's metadata withholds left out) and one row per file, or group
    of files, for the Data page (``name``, ``href``, ``description``, ``size``).

    The index holds one small entry per document; each document's full record is
    its own file (:func:`published_document`). ``timeline``: the corpus timeline
    of :func:`published_records`, and ``documents``: the documents' files, when
    the caller has them already."""
    if documents is None:
        documents = dict(published_document(record) for record in ledger.records)
    index = published_index(ledger, timeline=timeline)
    document_bytes = sum(len(text.encode("utf-8")) for text in documents.values())
    return {INDEX_PATH: index, **documents}, published_rows(len(index.encode("utf-8")), len(documents), document_bytes)


def published_index(ledger: Ledger, *, timeline: CorpusTimeline | None = None) -> str:
    """The text of the published index, ``data/ledger.json`` (see :func:`index_json`)."""
    return published_dumps(index_json(ledger, timeline=timeline))


def published_rows(index_bytes: int, documents: int, document_bytes: int) -> list[dict[str, str]]:
    """The Data page's rows for the published ledger: the index (its size in
    bytes) and the documents' files (how many, and their size in bytes)."""
    return [
        {
            "name": "ledger.json",
            "href": INDEX_PATH,
            "description": (
                "The index of the ledger: every document's metadata, content hash and counts with the path of its own file, "
                "the sources merged across documents, the timeline, the comparison, and every input file's status."
            ),
            "size": human_size(index_bytes),
        },
        {
            "name": "documents/<id>.json",
            "href": "documents/index.md",
            "description": (
                f"One file per document ({documents:,} files), named by the document's id as the Documents page lists it: its metadata, text, "
                "paragraphs, quotations, sentences, time expressions, attributions, figures, loaded terms, sentence roles and summary "
                "(offsets into the text)."
            ),
            "size": human_size(document_bytes) + " in all",
        },
    ]


def human_size(size: int) -> str:
    if size < 10_000:
        return f"{size:,} bytes"
    if size < 10 * 1024 * 1024:
        return f"{size / 1024:,.0f} KB"
    return f"{size / (1024 * 1024):,.1f} MB"
