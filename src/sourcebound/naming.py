"""How documents are named on the pages: their title, or their opening words."""

from __future__ import annotations

from .model import DocumentRecord


def display_title(record: DocumentRecord) -> str:
    """The name a document is listed under; an untitled one is named by its opening words."""
    document = record.document
    if document.metadata.title:
        return document.metadata.title
    headline = record.segmentation.headline
    if headline is not None and document.metadata.text_visible:
        return " ".join(record.sentence_text(headline).split())
    if document.structural_title:
        return document.structural_title
    if record.segmentation.sentences and document.metadata.text_visible:
        words = record.sentence_text(record.segmentation.sentences[0]).split()
        opening = " ".join(words[:8])
        return f"Untitled: “{opening}{'…' if len(words) > 8 else ''}”"
    return f"Untitled ({document.source})"


def short_title(record: DocumentRecord, words: int = 5) -> str:
    """The first words of the document's title, for citation labels."""
    title = display_title(record).removeprefix("Untitled: ").strip("“”")
    parts = title.split()
    return " ".join(parts[:words]).rstrip(",:;.…") + ("…" if len(parts) > words else "")
