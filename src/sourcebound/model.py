"""The frozen records that flow through the pipeline.

Every span is a pair of character offsets into :attr:`Document.text`; every
record is immutable and sortable so that output order never depends on the
order in which files were found or processes finished.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from .errors import Diagnostic

#: ``display`` values a document's metadata may carry.
DISPLAY_FULL = "full"
DISPLAY_WITHHELD = "withheld"


@dataclass(frozen=True)
class Metadata:
    """What is known about a document; ``None`` means *not stated*, never guessed."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    #: ISO 8601 as stated: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a date-time.
    published: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    license: str | None = None
    #: ``full`` shows the text; ``withheld`` shows metadata and sentence ids only.
    display: str = DISPLAY_FULL
    notes: str | None = None
    #: Where each stated field came from (``sidecar``, ``front matter``, ``html``).
    origin: tuple[tuple[str, str], ...] = ()

    @property
    def text_visible(self) -> bool:
        return self.display == DISPLAY_FULL


class Format(str, enum.Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


@dataclass(frozen=True)
class Document:
    """One accepted input: its text as read, and what is known about it."""

    id: str
    source: str
    format: Format
    content_hash: str
    metadata: Metadata
    text: str
    #: The heading the file's own structure marks as its title (HTML/Markdown), if any.
    structural_title: str | None = None


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, order=True)
class Quotation:
    """A quoted passage, marks included, e.g. ``‘largely intact.’``."""

    start: int
    end: int
    marks: str  # opening and closing mark, e.g. "“”"


@dataclass(frozen=True, order=True)
class Sentence:
    start: int
    end: int
    id: str = field(compare=False)
    n: int = field(compare=False)
    paragraph: int = field(compare=False)
    headline: bool = field(default=False, compare=False)
    #: Quotations that overlap this sentence, as absolute spans.
    quotes: tuple[Span, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Segmentation:
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    quotations: tuple[Quotation, ...]

    @property
    def headline(self) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.headline:
                return sentence
        return None


@dataclass(frozen=True)
class DocumentRecord:
    """A document with everything the pipeline derived from it."""

    document: Document
    segmentation: Segmentation
    #: Date used to resolve relative expressions (``--dct`` or a day-precise ``published``).
    dct: str | None = None
    dct_origin: str | None = None
    #: :class:`sourcebound.timex.TimeExpression` records, in text order.
    times: tuple[Any, ...] = ()
    #: :class:`sourcebound.attribution.Attribution` records, in text order.
    attributions: tuple[Any, ...] = ()
    #: :class:`sourcebound.quantities.Quantity` records: figures as reported.
    quantities: tuple[Any, ...] = ()
    #: :class:`sourcebound.language.LoadedTerm` records, in text order.
    loaded_terms: tuple[Any, ...] = ()
    #: :class:`sourcebound.language.SentenceRole`, one per sentence.
    roles: tuple[Any, ...] = ()
    #: :class:`sourcebound.summary.SummaryLine`: the neutral summary, most important first.
    summary: tuple[Any, ...] = ()
    #: :class:`sourcebound.bounds.BoundsViolation` of the lines composed from this
    #: document (summary, timeline); a build with any fails.
    bounds: tuple[Any, ...] = ()

    @property
    def id(self) -> str:
        return self.document.id

    def sentence_text(self, sentence: Sentence) -> str:
        return self.document.text[sentence.start : sentence.end]


class InputStatus(str, enum.Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    METADATA = "metadata"  # a sidecar, used by the document it describes
    IGNORED = "ignored"  # not a document type sourcebound reads


@dataclass(frozen=True, order=True)
class InputFile:
    """One file found in the corpus folder and what became of it."""

    path: str
    status: InputStatus = field(compare=False)
    document_id: str | None = field(default=None, compare=False)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    describes: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Ledger:
    """The whole corpus after the pipeline: what every page is rendered from."""

    records: tuple[DocumentRecord, ...]
    inputs: tuple[InputFile, ...]
    #: :class:`sourcebound.entities.Entity` records: sources merged across documents.
    entities: tuple[Any, ...] = ()
    #: :class:`sourcebound.compare.Comparison`: where the documents agree and differ.
    comparison: Any = None

    @property
    def rejected(self) -> tuple[InputFile, ...]:
        return tuple(i for i in self.inputs if i.status is InputStatus.REJECTED)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(d for i in self.inputs for d in i.diagnostics)

    def record(self, document_id: str) -> DocumentRecord:
        for record in self.records:
            if record.id == document_id:
                return record
        raise KeyError(document_id)
