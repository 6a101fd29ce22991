"""Files to documents: decoding, format-specific text extraction, metadata.

``read_document`` is the only place that touches a document file; everything it
finds wrong is collected into :class:`~sourcebound.errors.InputRejected`.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from slugify import slugify

from . import metadata as meta
from .errors import Diagnostic, InputRejected, Severity
from .model import Document, Format, Metadata

log = logging.getLogger(__name__)

#: File suffixes read as documents, by format.
SUFFIXES: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
}

#: Larger files are rejected: a news document is far smaller, and one huge file
#: must not stall the whole build.
MAX_BYTES = 10 * 1024 * 1024

#: An HTML page is an article only if some paragraph has at least this many words.
MIN_ARTICLE_PARAGRAPH_WORDS = 5

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "th", "dt", "dd")


@dataclass(frozen=True)
class Decoded:
    text: str
    warnings: tuple[str, ...] = ()


def document_format(path: Path) -> Format | None:
    return SUFFIXES.get(path.suffix.lower())


def slug_for(name: str) -> str:
    return slugify(name, max_length=80, word_boundary=False) or "document"


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode(data: bytes, display_path: str) -> Decoded:
    """Bytes to text with ``\\n`` newlines, or :class:`InputRejected` with the reason."""

    def reject(message: str) -> InputRejected:
        return InputRejected([Diagnostic(display_path, None, message)])

    if not data:
        raise reject("empty file")
    if len(data) > MAX_BYTES:
        raise reject(f"file is {len(data):,} bytes, larger than the {MAX_BYTES:,}-byte limit for one document")
    warnings: list[str] = []
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise reject(f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from None
            if encoding != "utf-8":
                warnings.append(f"decoded as {encoding} (byte-order mark)")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise reject("binary file (contains NUL bytes and is not UTF-8 text)") from None
            import charset_normalizer  # only for the rare file that is not UTF-8

            best = charset_normalizer.from_bytes(data).best()
            if best is None or best.chaos > 0.2:
                raise reject("not UTF-8, and its encoding cannot be determined with confidence") from None
            text = str(best)
            warnings.append(f"not UTF-8: decoded as {best.encoding} (detected)")
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        warnings.append(f"removed {count} NUL character(s)")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        warnings.append("newlines normalized to \\n")
    return Decoded(text, tuple(warnings))


def _markdown_to_text(body: str) -> tuple[str, str | None]:
    """Markdown body to plain paragraphs; the leading top-level heading is the title."""
    import markdown as markdown_lib  # imported on first use: a plain-text corpus never needs it

    html = markdown_lib.markdown(body, extensions=["extra"], output_format="html")
    if not html.strip():
        return "", None
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks: list[str] = []
    title: str | None = None
    for element in root.iter(*_BLOCK_TAGS):
        # Nested blocks (a paragraph inside a list item) are read once, at the innermost level.
        if any(child.tag in _BLOCK_TAGS for child in element.iterdescendants()):
            continue
        text = " ".join(element.text_content().split())
        if not text:
            continue
        if not blocks and element.tag == "h1":
            title = text
        blocks.append(text)
    return "\n\n".join(blocks), title


def _html_to_text(source: str) -> tuple[str, str | None, dict[str, Any]]:
    """Main text and metadata of a saved article page, via trafilatura."""
    import trafilatura  # half a second to import: only when a corpus has HTML pages

    extracted = trafilatura.bare_extraction(
        source,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Dates only from the page's own markup: no guessing from URLs or free text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None:
        return "", None, {}
    paragraphs = [line.strip() for line in (extracted.text or "").split("\n") if line.strip()]
    # On a page without an article, the extractor falls back to whatever text
    # there is (menus, footers): that is not a document.
    if not any(len(p.split()) >= MIN_ARTICLE_PARAGRAPH_WORDS for p in paragraphs):
        return "", None, {}
    title = (extracted.title or "").strip() or None
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    found: dict[str, Any] = {
        "title": title,
        "outlet": (extracted.sitename or "").strip() or None,
        "url": (extracted.url or "").strip() or None,
        "published": extracted.date or None,
        "language": extracted.language or None,
        "authors": [a.strip() for a in (extracted.author or "").split(";") if a.strip()] or None,
        "license": extracted.license or None,
    }
    return "\n\n".join(paragraphs), title, {k: v for k, v in found.items() if v is not None}


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + meta.SIDECAR_SUFFIX)


def read_document(path: Path, display_path: str, *, sidecar: Path | None, sidecar_display: str | None) -> tuple[Document, tuple[Diagnostic, ...]]:
    """Read one document file (and its sidecar); return it with any warnings.

    Raises :class:`InputRejected` carrying every problem found.
    """
    fmt = document_format(path)
    if fmt is None:
        raise InputRejected([Diagnostic(display_path, None, f"unsupported file type '{path.suffix}'")])
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputRejected([Diagnostic(display_path, None, f"cannot be read: {exc.strerror}")]) from None
    decoded = decode(data, display_path)
    diagnostics: list[Diagnostic] = []
    layers: list[tuple[str, dict[str, Any]]] = []
    structural_title: str | None = None
    text = decoded.text

    if fmt is Format.MARKDOWN:
        front = _FRONT_MATTER.match(text)
        body = text
        if front:
            raw, problems = meta.read_yaml_mapping(front["yaml"] or "", display_path, first_line=2)
            diagnostics.extend(problems)
            if raw is not None:
                diagnostics.extend(meta.validate(raw))
                layers.append(("front matter", raw.values))
            body = text[front.end() :]
        text, structural_title = _markdown_to_text(body)
    elif fmt is Format.HTML:
        text, structural_title, found = _html_to_text(text)
        if not text:
            diagnostics.append(Diagnostic(display_path, None, "no article text found in the HTML page"))
        layers.insert(0, ("html", found))

    if sidecar is not None and sidecar_display is not None:
        try:
            sidecar_text = decode(sidecar.read_bytes(), sidecar_display).text
        except InputRejected as exc:
            diagnostics.extend(exc.diagnostics)
        else:
            raw, problems = meta.read_yaml_mapping(sidecar_text, sidecar_display)
            diagnostics.extend(problems)
            if raw is not None:
                diagnostics.extend(meta.validate(raw))
                layers.append(("sidecar", raw.values))

    if not text.strip() and not any(d.message.startswith("no article text") for d in diagnostics):
        diagnostics.append(Diagnostic(display_path, None, "contains no text (only whitespace)"))
    if diagnostics:
        raise InputRejected(diagnostics)

    metadata, id_override = meta.merge(layers)
    document = Document(
        id=id_override or slug_for(path.stem),
        source=display_path,
        format=fmt,
        content_hash=content_hash(text),
        metadata=metadata,
        text=text,
        structural_title=structural_title,
    )
    warnings = tuple(Diagnostic(display_path, None, w, Severity.WARNING) for w in decoded.warnings)
    return document, warnings


def document_from_text(text: str, document_id: str = "text", source: str = "<text>", metadata: Metadata | None = None) -> Document:
    """A document made directly from a string (tests, the API)."""
    return Document(
        id=document_id,
        source=source,
        format=Format.TEXT,
        content_hash=content_hash(text),
        metadata=metadata or Metadata(),
        text=text,
    )
