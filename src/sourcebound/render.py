"""Ledger -> Markdown pages and data files (a mapping of path to content).

Nothing is written here: :mod:`sourcebound.site` writes what this returns.
Every value placed in a template is escaped for both HTML and Markdown unless it
is explicitly marked as trusted :class:`markupsafe.Markup`, so document text is
shown as text wherever it appears.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, NamedTuple

from markupsafe import Markup

from .ledger import INDEX_PATH, document_data_path, human_size, published_document, published_index, published_records, published_rows
from .model import DocumentRecord, InputStatus, Ledger
from .compare_pages import CompareLayout, claim_mark_counts, claim_marks, compare_layout, compare_page, compare_part_page
from .feed import FEED_PATH, feed_xml
from .rules_page import rules_page
from .summary_pages import loaded_language, role_of, summaries_page, summaries_part_page, summary_lines, summary_part_paths
from .source_pages import MarksFor, attribution_index, claims_by_id, no_marks, source_page, sources_index_page, sourcing_profile
from .naming import display_title
from .htmlblocks import Headings
from .templating import NOT_STATED, escape_text, front_matter_tags, front_matter_title, name_tags_shown, render_template, tag
from .timeline import CorpusTimeline, corpus_timeline
from .timeline_pages import calendar_part_page, calendar_part_paths, corpus_timeline_page, document_timeline_page, timeline_csv, timeline_js, timeline_js_left_out

#: Below this many documents one process makes every page.
PARALLEL_PAGES_MINIMUM = 200
#: Pages made by one task of a worker process.
PAGES_CHUNK = 50
#: How much lower the page workers' scheduling priority is than the process
#: that starts them. While they make pages, MkDocs reads the pages already
#: made in that process, one page after the other: the workers take what
#: that leaves of the machine, rather than slow the build down by taking
#: turns with it on a core.
PAGE_WORKER_NICENESS = 10

#: Writes one made file (its path under the docs folder and its UTF-8 bytes)
#: where it was made, and tells whether the file changed.
Writer = Callable[[str, bytes], bool]


class Made(NamedTuple):
    """One file as it comes from the page makers."""

    path: str
    #: Its text; None when a writer took it where it was made.
    text: str | None
    #: Its size in bytes (UTF-8).
    size: int
    #: Whether the writer changed the file on disk (False without a writer).
    changed: bool = False


#: The page maker of the render in progress (job number -> its files), and the
#: writer of what it makes; worker processes forked from this one see them as
#: they were when the work was shared out.
_MAKE: Callable[[int], list[tuple[str, str]]] | None = None
_WRITER: Writer | None = None


def _handled(path: str, text: str, writer: Writer | None) -> Made:
    data = text.encode("utf-8")
    if writer is None:
        return Made(path, text, len(data))
    return Made(path, None, len(data), writer(path, data))


def _yield_to_parent() -> None:
    """Start of a page worker: a lower priority (see :data:`PAGE_WORKER_NICENESS`)."""
    with contextlib.suppress(OSError):
        os.nice(PAGE_WORKER_NICENESS)


def _run_jobs(span: tuple[int, int]) -> list[Made]:
    assert _MAKE is not None
    return [_handled(path, text, _WRITER) for index in range(*span) for path, text in _MAKE(index)]


def _spans(count: int, alone: Collection[int]) -> list[tuple[int, int]]:
    """Tasks for ``count`` jobs in order: each of ``alone`` a task of its own,
    the others in runs of up to :data:`PAGES_CHUNK`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index in range(count + 1):
        if index == count or index in alone or index - start == PAGES_CHUNK:
            if index > start:
                spans.append((start, index))
            start = index
        if index in alone:
            spans.append((index, index + 1))
            start = index + 1
    return spans


def _make_pages(
    make: Callable[[int], list[tuple[str, str]]],
    count: int,
    workers: int,
    *,
    alone: Collection[int] = (),
    here: Sequence[Callable[[], list[tuple[str, str]]]] = (),
    writer: Writer | None = None,
) -> Iterator[Made]:
    """Make the files of jobs 0 to ``count`` - 1 (``make(job)``): in this
    process, or, with ``workers`` > 1 where processes can be forked, across
    that many processes that inherit the ledger instead of receiving a copy of
    it. Pages come as
    each task is done, in the order of the jobs. The jobs at the indexes in
    ``alone`` (large pages) are each a task of their own. ``here``: small pages
    made in this process once the workers have their tasks, and given first.
    ``writer``: each file is written by the process that made it, which sends
    back only its size, not its text."""
    global _MAKE, _WRITER
    if workers <= 1 or count <= PAGES_CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        for make_here in here:
            for path, text in make_here():
                yield _handled(path, text, writer)
        for index in range(count):
            for path, text in make(index):
                yield _handled(path, text, writer)
        return
    _MAKE, _WRITER = make, writer
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=_yield_to_parent) as pool:
            made_by_workers = pool.map(_run_jobs, _spans(count, set(alone)))
            for make_here in here:
                for path, text in make_here():
                    yield _handled(path, text, writer)
            for made in made_by_workers:
                yield from made
    finally:
        _MAKE, _WRITER = None, None


#: Documents listed on the home page; all of them are on the Documents page.
HOME_DOCUMENTS = 25
#: The search index always holds each document's title, metadata and neutral
#: summary; the full text of every document too, up to this many documents.
#: Above it the index would hold every sentence of the corpus, and the browser
#: builds the index on every page load: at 1,000 documents of 600 words the
#: first results would come after more than 3 seconds.
SEARCH_TEXT_UP_TO = 500

__all__ = ["date_coverage", "display_title", "escape_text", "format_date", "render_site"]

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


def _document_page(
    record: DocumentRecord,
    entity_of: dict[str, str] | None = None,
    source_names: dict[str, str] | None = None,
    marks: MarksFor | None = None,
    mark_counts: MarksFor | None = None,
    *,
    search_text: bool = True,
    name_tags: bool = True,
) -> str:
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
        ("Data", Markup(f'<a href="../{document_data_path(document.id)}">{escape_text(document_data_path(document.id).rsplit("/", 1)[-1])}</a> (everything extracted from this document, as JSON)')),
        ("Sentences", len(record.segmentation.sentences)),
    ]
    if meta.notes:
        fields.append(("Notes", meta.notes))
    roles = role_of(record)
    paragraphs: list[dict[str, Any]] = []
    for index in range(1, len(record.segmentation.paragraphs) + 1):
        sentences = [s for s in record.segmentation.sentences if s.paragraph == index]
        paragraphs.append(
            {
                "css": "sb-headline" if sentences and sentences[0].headline else "sb-paragraph",
                "sentences": [
                    {"id": s.id, "n": s.n, "text": record.sentence_text(s), "role": roles.get(s.id, ("context", "context"))}
                    for s in sentences
                ],
            }
        )
    return render_template(
        "document.md.j2",
        heading=Headings(escape_text(title)),
        page_title=front_matter_title(title),
        page_tags=front_matter_tags(document_tags(record, source_names, names=name_tags)),
        title=title,
        doc_id=document.id,
        fields=fields,
        visible=meta.text_visible,
        license=meta.license,
        paragraphs=paragraphs,
        sentence_count=len(record.segmentation.sentences),
        paragraph_count=len(record.segmentation.paragraphs),
        profile=sourcing_profile(record, entity_of or {}, mark_counts or marks or no_marks),
        summary=summary_lines(record, 1, mark_counts or marks, here=True),
        language=loaded_language(record, 1, here=True),
        search_text=search_text,
    )


#: Tag groups, shown as ``Group/value`` by the theme's hierarchical tags.
TAG_SOURCE = "Source"
TAG_VERIFICATION = "Verification"
TAG_OUTLET = "Outlet"
TAG_DOCUMENT = "Document"
TAG_KIND = "Source kind"


def document_tags(record: DocumentRecord, source_names: dict[str, str] | None = None, *, names: bool = True) -> list[str]:
    """Tags of a document page: its sources (with ``names``), the caveats it
    attaches, its outlet."""
    tags = []
    if record.document.metadata.outlet:
        tags.append(tag(TAG_OUTLET, record.document.metadata.outlet))
    if record.document.metadata.text_visible:
        if names:
            shown = source_names or {}
            tags += [tag(TAG_SOURCE, shown.get(a.id, a.source.name)) for a in record.attributions if a.source.kind in ("person", "organisation")]
        tags += [tag(TAG_VERIFICATION, m.kind) for a in record.attributions for m in a.markers]
    return tags


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
            document = Markup(f'<a href="documents/{item.document_id}.html">{escape_text(item.document_id)}</a>')
        elif item.describes:
            document = Markup(f"metadata for <code>{escape_text(item.describes)}</code>")
        messages = Markup("<br>".join(f"{d.severity.value}: {escape_text(d)}" for d in item.diagnostics) or "—")
        rows.append({"path": item.path, "status": item.status.value, "document": document or "—", "messages": messages})
    return render_template("report.md.j2", inputs=rows, counts=_status_counts(ledger))


def source_page_names(entities: Any) -> dict[str, str]:
    """Entity id -> page name under ``sources/`` (never ``index``)."""
    return {e.id: (e.id if e.id != "index" else "index-source") for e in entities}


#: Top-level pages made from the whole corpus, in the order MkDocs reads them.
CORPUS_PAGES = ("compare.md", "report.md", "rules.md", "summaries.md", "timeline.md")
#: Data files made from the whole corpus: no page needs them before MkDocs
#: copies the static files, so they are made after every page.
CORPUS_DATA = (INDEX_PATH, "data/timeline.json", "data/timeline.csv", FEED_PATH)
#: The page that lists the data files with their sizes: made after them all.
DATA_PAGE = "data.md"
HOME_PAGE = "index.md"


def _timeline_shown(record: DocumentRecord) -> bool:
    return record.document.metadata.text_visible


class _Job(NamedTuple):
    path: str
    #: What makes it (see render_pages) and its argument.
    kind: str
    index: int
    #: A large page: a task of its own.
    alone: bool = False


def reading_order(path: str) -> tuple[tuple[str, ...], bool, str]:
    """Where MkDocs reads the page ``path`` (relative to the docs folder): the
    top folder's pages first, then each folder's, folders by name; in a folder,
    its index page first, then the pages by file name."""
    *folders, name = path.split("/")
    return (tuple(folders), name.rsplit(".", 1)[0] != "index", name)


def _plan(ledger: Ledger, timeline: CorpusTimeline, layout: CompareLayout) -> list[_Job]:
    """Every file made in a worker: the pages in the order MkDocs reads them
    (:func:`reading_order`), then the data files."""
    names = source_page_names(ledger.entities)
    pages = [_Job(path, "corpus", 0, True) for path in CORPUS_PAGES]
    pages += [_Job(path, "calendar", n, True) for n, path in enumerate(calendar_part_paths(timeline))]
    pages += [_Job(part.path, "compare", n, True) for n, part in enumerate(layout.parts)]
    pages.append(_Job("documents/index.md", "corpus", 0, True))
    pages += [_Job(f"documents/{record.id}.md", "document", n) for n, record in enumerate(ledger.records)]
    pages.append(_Job("sources/index.md", "corpus", 0, True))
    pages += [_Job(f"sources/{names[entity.id]}.md", "source", n) for n, entity in enumerate(ledger.entities)]
    pages += [_Job(path, "summaries", n, True) for n, path in enumerate(summary_part_paths(ledger))]
    pages += [_Job(f"timeline/{record.id}.md", "timeline", n) for n, record in enumerate(ledger.records) if _timeline_shown(record)]
    # A page made out of that order keeps MkDocs waiting for it while the
    # workers make the pages it reads after it.
    pages.sort(key=lambda job: reading_order(job.path))
    data = [_Job(path, "corpus", 0, True) for path in CORPUS_DATA]
    data += [_Job(document_data_path(record.id), "data", n) for n, record in enumerate(ledger.records)]
    return pages + data


def page_paths(ledger: Ledger, timeline: CorpusTimeline | None = None) -> list[str]:
    """Every path :func:`render_pages` makes for ``ledger``, in the order it
    makes them, known before any page is made: a caller can list the site's
    files first and wait for each page only when it needs it. The order is the
    order in which MkDocs reads the pages (a folder's index first, folders by
    name), with the data files that no page needs after them.
    ``timeline``: the corpus timeline, if it is already made."""
    timeline = timeline if timeline is not None else corpus_timeline(published_records(ledger))
    return [HOME_PAGE, *(job.path for job in _plan(ledger, timeline, compare_layout(ledger))), DATA_PAGE]


def render_site(
    ledger: Ledger,
    *,
    site_title: str = "sourcebound",
    site_url: str | None = None,
    search_text_up_to: int = SEARCH_TEXT_UP_TO,
    workers: int = 1,
    parallel_minimum: int | None = None,
) -> dict[str, str]:
    """Every generated file of the site, by path relative to the docs folder
    (see :func:`render_pages`)."""
    pages = render_pages(
        ledger, site_title=site_title, site_url=site_url, search_text_up_to=search_text_up_to, workers=workers, parallel_minimum=parallel_minimum
    )
    return dict(sorted((made.path, made.text or "") for made in pages))


def render_pages(
    ledger: Ledger,
    *,
    site_title: str = "sourcebound",
    site_url: str | None = None,
    search_text_up_to: int = SEARCH_TEXT_UP_TO,
    workers: int = 1,
    parallel_minimum: int | None = None,
    writer: Writer | None = None,
    timeline: CorpusTimeline | None = None,
) -> Iterator[Made]:
    """Every generated file of the site (its path relative to the docs folder,
    text and size), each as soon as it is made: the caller can write the pages
    while the rest are being made. With ``writer``, each file is written where
    it is made (in the workers) and comes without its text: nothing of its
    content crosses from one process to another. ``timeline``: the corpus
    timeline, if it is already made.
    ``search_text_up_to``: the documents' full text is indexed for search when
    there are at most this many documents (their summaries always are).
    ``workers``: processes that make the per-document and per-source pages when
    there are at least ``parallel_minimum`` documents (default
    :data:`PARALLEL_PAGES_MINIMUM`); the pages never depend on it."""
    if parallel_minimum is None:
        parallel_minimum = PARALLEL_PAGES_MINIMUM
    search_text = len(ledger.records) <= search_text_up_to
    name_tags = name_tags_shown(len(ledger.records))
    timeline = timeline if timeline is not None else corpus_timeline(published_records(ledger))
    rows = [_row(r) for r in ledger.records]
    titles = {r.id: display_title(r) for r in ledger.records}
    page_names = source_page_names(ledger.entities)
    entity_of = {attribution: page_names[entity] for attribution, entity in attribution_index(ledger.entities).items()}

    records = {r.id: r for r in ledger.records}
    layout = compare_layout(ledger)

    def marks(document_id: str, attribution_id: str, depth: int) -> Markup:
        return claim_marks(ledger, document_id, attribution_id, depth, records, layout)

    def mark_counts(document_id: str, attribution_id: str, depth: int) -> Markup:
        return claim_mark_counts(ledger, document_id, attribution_id, depth, records, layout)

    source_names = {attribution: e.name for e in ledger.entities for _, attribution in e.mentions}
    claims = claims_by_id(ledger)

    # The pages and files made from the whole corpus: each is one task, made
    # beside the per-document ones rather than after them all.
    corpus_makers: dict[str, Callable[[], str]] = {
        INDEX_PATH: lambda: published_index(ledger, timeline=timeline),
        "compare.md": lambda: compare_page(ledger, titles, layout),
        "summaries.md": lambda: summaries_page(ledger, titles, mark_counts),
        "timeline.md": lambda: corpus_timeline_page(ledger, timeline, titles, entity_of),
        "data/timeline.json": lambda: timeline_js(ledger, timeline, titles, site_title)[0],
        "sources/index.md": lambda: sources_index_page(ledger, ledger.entities, titles, page_names),
        "data/timeline.csv": lambda: timeline_csv(ledger, timeline),
        "documents/index.md": lambda: render_template("documents.md.j2", documents=rows),
        FEED_PATH: lambda: feed_xml(
            ledger,
            titles,
            site_title=site_title,
            description="The documents of this site: what each reports, cited sentence by sentence.",
            site_url=site_url,
        ),
        "report.md": lambda: _report_page(ledger),
        "rules.md": rules_page,
    }

    makers: dict[str, Callable[[int], str]] = {
        "document": lambda n: _document_page(ledger.records[n], entity_of, source_names, marks, mark_counts, search_text=search_text, name_tags=name_tags),
        "source": lambda n: source_page(ledger, ledger.entities[n], titles, marks, claims, records),
        "timeline": lambda n: document_timeline_page(ledger.records[n], timeline.document(ledger.records[n].id), titles[ledger.records[n].id], entity_of, name_tags=name_tags),
        "data": lambda n: published_document(ledger.records[n])[1],
        "compare": lambda n: compare_part_page(ledger, titles, layout, layout.parts[n]),
        "summaries": lambda n: summaries_part_page(ledger, titles, n + 1, mark_counts),
        "calendar": lambda n: calendar_part_page(ledger, timeline, entity_of, n + 1),
    }
    plan = _plan(ledger, timeline, layout)

    def make(index: int) -> list[tuple[str, str]]:
        job = plan[index]
        return [(job.path, corpus_makers[job.path]() if job.kind == "corpus" else makers[job.kind](job.index))]

    def home_page() -> list[tuple[str, str]]:
        # The home page lists the most recently published documents, the Documents page all.
        newest = {r.id for r in sorted(ledger.records, key=lambda r: r.document.metadata.published or "", reverse=True)[:HOME_DOCUMENTS]}
        home_rows = [row for row in rows if row.id in newest]
        text = render_template(
            "home.md.j2",
            site_title=site_title,
            documents=home_rows,
            more_documents=len(rows) - len(home_rows),
            sentence_count=sum(len(r.segmentation.sentences) for r in ledger.records),
            paragraph_count=sum(len(r.segmentation.paragraphs) for r in ledger.records),
            quotation_count=sum(len(r.segmentation.quotations) for r in ledger.records),
            date_coverage=date_coverage(ledger),
            rejected_count=len(ledger.rejected),
            input_count=len(ledger.inputs),
            source_count=len(ledger.entities),
            attribution_count=sum(len(r.attributions) for r in ledger.records),
            entry_count=len(timeline.entries),
        )
        return [(HOME_PAGE, text)]

    # Every page and file, in the order MkDocs reads them; one page per
    # document and per source is the bulk of the work, shared out among
    # processes for a large corpus.
    # What the Data page says of the files it lists: their sizes.
    sizes = {INDEX_PATH: 0, "data/timeline.csv": 0, "data/timeline.json": 0, FEED_PATH: 0}
    document_files = {document_data_path(record.id) for record in ledger.records}
    document_bytes = 0
    for made in _make_pages(
        make,
        len(plan),
        workers if len(ledger.records) >= parallel_minimum else 1,
        alone={n for n, job in enumerate(plan) if job.alone},
        here=[home_page],
        writer=writer,
    ):
        if made.path in sizes:
            sizes[made.path] = made.size
        elif made.path in document_files:
            document_bytes += made.size
        yield made
    files = published_rows(sizes[INDEX_PATH], len(document_files), document_bytes)
    left_out = timeline_js_left_out(timeline)
    files += [
        {
            "name": "timeline.csv",
            "href": "data/timeline.csv",
            "description": f"The timeline, one row per entry ({len(timeline.entries)}), with its three clocks and their precision, the source, and the cited sentence.",
            "size": human_size(sizes["data/timeline.csv"]),
        },
        {
            "name": "timeline.json",
            "href": "data/timeline.json",
            "description": (
                "The timeline for TimelineJS: only date parts the source states; "
                f"{left_out} of {len(timeline.entries)} entries state no year, which TimelineJS needs, and are left out (they are in the CSV)."
            ),
            "size": human_size(sizes["data/timeline.json"]),
        },
    ]
    files.append(
        {
            "name": "feed.xml",
            "href": FEED_PATH,
            "description": "RSS 2.0 feed of the documents, newest stated publication first.",
            "size": human_size(sizes[FEED_PATH]),
        }
    )
    yield _handled(DATA_PAGE, render_template("data.md.j2", files=files), writer)
