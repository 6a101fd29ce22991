"""Ledger -> Markdown pages and data files (a mapping of path to content).

Nothing is written here: :mod:`sourcebound.site` writes what this returns.
Every value placed in a template is escaped for both HTML and Markdown unless it
is explicitly marked as trusted :class:`markupsafe.Markup`, so document text is
shown as text wherever it appears.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from .ledger import dumps, ledger_json
from .model import DocumentRecord, InputStatus, Ledger

#: Characters that HTML or Markdown (with the extensions the site enables) would
#: interpret; each becomes a numeric character reference, which renders as itself.
_SPECIAL = re.compile(r"[&<>\"'`*_\[\](){}#+!|\\~^=$:]")
NOT_STATED = "not stated"


def escape_text(value: object) -> str:
    """Untrusted text -> a string that renders literally in Markdown and HTML."""
    text = str(value)
    text = _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)
    # Line breaks inside document text would end table rows or HTML blocks.
    return " ".join(text.split("\n")) if "\n" in text else text


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if value is None:
        return NOT_STATED
    return escape_text(value)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("sourcebound", "templates"),
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def front_matter_title(value: str) -> Markup:
    """A page title for front matter: a YAML scalar (JSON strings are valid YAML),
    HTML-escaped because the theme places ``page.meta.title`` in ``<title>`` as is."""
    return Markup(json.dumps(html.escape(" ".join(value.split())), ensure_ascii=False))


_MONTHS = ("January February March April May June July August September October November December").split()


def format_date(value: str | None) -> str:
    """A stated date in words, at exactly the precision it was stated."""
    if not value:
        return NOT_STATED
    parts = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$", value)
    if not parts:
        return value
    year, month, day, hour, minute, zone = parts.groups()
    if month is None:
        return year
    words = f"{_MONTHS[int(month) - 1]} {year}"
    if day is None:
        return words
    words = f"{int(day)} {words}"
    if hour is None:
        return words
    zone_words = "" if zone is None else (" UTC" if zone == "Z" else f" UTC{zone}")
    return f"{words}, {hour}:{minute}{zone_words}"


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


def date_coverage(ledger: Ledger) -> str:
    total = len(ledger.records)
    dated = sorted(r.document.metadata.published for r in ledger.records if r.document.metadata.published)
    if total == 0:
        return "no documents"
    if not dated:
        return f"not stated in any of the {total} documents"
    span = format_date(dated[0]) if dated[0] == dated[-1] else f"{format_date(dated[0])} to {format_date(dated[-1])}"
    missing = total - len(dated)
    return span if not missing else f"{span} ({missing} of {total} documents not dated)"


@dataclass(frozen=True)
class _Row:
    id: str
    title: str
    outlet: str | None
    published: str
    format: str
    sentences: int
    source: str


def _row(record: DocumentRecord) -> _Row:
    document = record.document
    return _Row(
        id=document.id,
        title=display_title(record),
        outlet=document.metadata.outlet,
        published=format_date(document.metadata.published),
        format=document.format.value,
        sentences=len(record.segmentation.sentences),
        source=document.source,
    )


def _document_page(record: DocumentRecord) -> str:
    document = record.document
    meta = document.metadata
    title = display_title(record)
    origin = dict(meta.origin)

    def field(label: str, key: str, value: Any) -> tuple[str, Any]:
        if value in (None, "", ()):
            return label, Markup(f"<em>{NOT_STATED}</em>")
        shown = escape_text(value)
        if key in origin and origin[key] != "sidecar":
            shown += f" <small>(from the {origin[key]})</small>"
        return label, Markup(shown)

    headline = record.segmentation.headline
    title_field = field("Title", "title", meta.title)
    if meta.title is None and headline is not None and meta.text_visible:
        title_field = (
            "Title",
            Markup(f'<em>not stated in metadata</em>; the text’s headline is <a href="#{headline.id}">sentence {headline.n}</a>'),
        )
    fields = [
        title_field,
        field("Outlet", "outlet", meta.outlet),
        field("Published", "published", format_date(meta.published) if meta.published else None),
        field("Authors", "authors", "; ".join(meta.authors)),
        field("URL", "url", meta.url),
        field("Language", "language", meta.language),
        field("License", "license", meta.license),
        ("File", Markup(f"<code>{escape_text(document.source)}</code> ({document.format.value})")),
        ("Content hash", Markup(f"<code>{document.content_hash}</code>")),
        ("Sentences", len(record.segmentation.sentences)),
    ]
    if meta.notes:
        fields.append(("Notes", meta.notes))
    paragraphs: list[dict[str, Any]] = []
    for index in range(1, len(record.segmentation.paragraphs) + 1):
        sentences = [s for s in record.segmentation.sentences if s.paragraph == index]
        paragraphs.append(
            {
                "css": "sb-headline" if sentences and sentences[0].headline else "sb-paragraph",
                "sentences": [{"id": s.id, "n": s.n, "text": record.sentence_text(s)} for s in sentences],
            }
        )
    return _render(
        "document.md.j2",
        page_title=front_matter_title(title),
        title=title,
        doc_id=document.id,
        fields=fields,
        visible=meta.text_visible,
        license=meta.license,
        paragraphs=paragraphs,
        sentence_count=len(record.segmentation.sentences),
        paragraph_count=len(record.segmentation.paragraphs),
    )


def _status_counts(ledger: Ledger) -> str:
    counts = {status: 0 for status in InputStatus}
    for item in ledger.inputs:
        counts[item.status] += 1
    parts = [f"{n} {status.value}" for status, n in counts.items() if n]
    return f"{len(ledger.inputs)} files: " + ", ".join(parts) if parts else "No files"


def _report_page(ledger: Ledger) -> str:
    rows = []
    for item in ledger.inputs:
        document: Any = None
        if item.document_id:
            document = Markup(f"[{escape_text(item.document_id)}](documents/{item.document_id}.md)")
        elif item.describes:
            document = Markup(f"metadata for <code>{escape_text(item.describes)}</code>")
        messages = Markup("<br>".join(f"{d.severity.value}: {escape_text(d)}" for d in item.diagnostics) or "—")
        rows.append({"path": item.path, "status": item.status.value, "document": document or "—", "messages": messages})
    return _render("report.md.j2", inputs=rows, counts=_status_counts(ledger))


def _human_size(size: int) -> str:
    return f"{size:,} bytes" if size < 10_000 else f"{size / 1024:,.0f} KB"


def render_site(ledger: Ledger, *, site_title: str = "sourcebound") -> dict[str, str]:
    """Every generated file of the site, by path relative to the docs folder."""
    pages: dict[str, str] = {}
    ledger_text = dumps(ledger_json(ledger, public=True))
    pages["data/ledger.json"] = ledger_text
    rows = [_row(r) for r in ledger.records]
    for record in ledger.records:
        pages[f"documents/{record.id}.md"] = _document_page(record)
    pages["documents/index.md"] = _render("documents.md.j2", documents=rows)
    pages["report.md"] = _report_page(ledger)
    files = [
        {
            "name": "ledger.json",
            "href": "data/ledger.json",
            "description": "Every document with its metadata, text, paragraphs, quotations and sentences (offsets into the text), and every input file's status.",
            "size": _human_size(len(ledger_text.encode("utf-8"))),
        }
    ]
    pages["data.md"] = _render("data.md.j2", files=files)
    pages["index.md"] = _render(
        "home.md.j2",
        site_title=site_title,
        documents=rows,
        sentence_count=sum(len(r.segmentation.sentences) for r in ledger.records),
        paragraph_count=sum(len(r.segmentation.paragraphs) for r in ledger.records),
        quotation_count=sum(len(r.segmentation.quotations) for r in ledger.records),
        date_coverage=date_coverage(ledger),
        rejected_count=len(ledger.rejected),
        input_count=len(ledger.inputs),
    )
    return dict(sorted(pages.items()))

