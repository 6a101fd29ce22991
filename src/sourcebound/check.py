"""The bounds check over every line the site composes.

A composed line — a summary line, a timeline entry — may say only what the
sentences it cites say: :mod:`sourcebound.bounds` finds every way a line goes
beyond them. The check runs for each document as part of extraction (so it is
cached and parallel like the rest), and a build with any violation fails;
``sourcebound check`` runs it without building the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .bounds import BoundsViolation, check_line, format_violation
from .errors import SourceboundError
from .model import DocumentRecord, Ledger
from .timeline import document_timeline, entry_words, source_words


class BoundsFailure(SourceboundError):
    """Composed lines that go beyond their sources."""

    def __init__(self, violations: Iterable[BoundsViolation]) -> None:
        self.violations = tuple(violations)
        lines = "\n".join(f"  {format_violation(v)}" for v in self.violations)
        super().__init__(f"bounds check: {len(self.violations)} composed line(s) go beyond their sources:\n{lines}")


@dataclass(frozen=True)
class ComposedLine:
    id: str
    text: str
    cites: tuple[str, ...]  # sentence ids


def _sentence_of(record: DocumentRecord, position: int) -> str | None:
    for sentence in record.segmentation.sentences:
        if sentence.start <= position < sentence.end:
            return sentence.id
    return None


def composed_lines(record: DocumentRecord) -> list[ComposedLine]:
    """Every line the site composes from one document, with what it cites."""
    lines = [ComposedLine(line.id, line.text, tuple(line.cites)) for line in record.summary]
    attributions = {a.id: a for a in record.attributions}
    expressions = {t.id: t for t in record.times}
    for entry in document_timeline(record).entries:
        cites = [entry.sentence_id] if entry.sentence_id else []
        anchor = expressions.get(getattr(expressions.get(entry.expression_id), "anchor_id", None) or "")
        if anchor is not None and anchor.sentence_id and anchor.sentence_id not in cites:
            cites.append(anchor.sentence_id)
        source = "the document"
        attribution = attributions.get(entry.attribution_id or "")
        if attribution is not None:
            source = source_words(attribution.source)
            if attribution.source.span is not None:
                named_in = _sentence_of(record, attribution.source.span.start)
                if named_in and named_in not in cites:
                    cites.append(named_in)
        lines.append(ComposedLine(f"timeline:{entry.id}", f"{entry_words(entry)} — {source}", tuple(cites)))
    return lines


def check_record(record: DocumentRecord) -> list[BoundsViolation]:
    """The violations of every line composed from ``record``."""
    texts = {s.id: record.sentence_text(s) for s in record.segmentation.sentences}
    times_in = _times_by_sentence(record)
    found: list[BoundsViolation] = []
    for line in composed_lines(record):
        cited = [texts[c] for c in line.cites if c in texts]
        times = _cited_times(record, times_in, line.cites)
        found.extend(check_line(line.text, cited, line_id=line.id, cited_times=times))
    return found


def _times_by_sentence(record: DocumentRecord) -> dict[str | None, list[int]]:
    """Each sentence's time expressions, as their places in ``record.times``."""
    times_in: dict[str | None, list[int]] = {}
    for index, expression in enumerate(record.times):
        times_in.setdefault(expression.sentence_id, []).append(index)
    return times_in


def _cited_times(record: DocumentRecord, times_in: dict[str | None, list[int]], cites: tuple[str, ...]) -> list[Any]:
    """The time expressions of the cited sentences, in the order of ``record.times``
    (looked up by sentence rather than filtering every expression for every line)."""
    indices = [i for c in dict.fromkeys(cites) for i in times_in.get(c, ())]
    if len(cites) > 1:
        indices.sort()
    return [record.times[i] for i in indices]


def check_ledger(ledger: Ledger) -> list[BoundsViolation]:
    """Every violation in the corpus: document by document, then across documents."""
    return [v for record in ledger.records for v in record.bounds] + check_comparison(ledger)


def _name_sources(ledger: Ledger) -> dict[tuple[str, str], str]:
    """(document, attribution) -> "document\0sentence" where that source's site
    name is written: the name a line uses may come from another mention."""
    records = {r.id: r for r in ledger.records}
    named: dict[tuple[str, str], str] = {}
    for entity in ledger.entities:
        where = None
        for doc, attribution_id in entity.mentions:
            record = records.get(doc)
            attribution = next((a for a in record.attributions if a.id == attribution_id), None) if record else None
            if attribution is not None and attribution.source.span is not None and entity.name.casefold() in record.document.text[attribution.source.span.start : attribution.source.span.end].casefold():  # type: ignore[union-attr]
                sentence = _sentence_of(record, attribution.source.span.start)  # type: ignore[arg-type]
                if sentence:
                    where = f"{doc}\0{sentence}"
                    break
        if where:
            for mention in entity.mentions:
                named[mention] = where
    return named


def comparison_lines(ledger: Ledger) -> list[ComposedLine]:
    """The lines the Compare page composes across documents: each difference's
    summary, citing the sentences of all its members and where their sources'
    names are written."""
    if ledger.comparison is None:
        return []
    named = _name_sources(ledger)
    lines = []
    for difference in ledger.comparison.differences:
        if difference.kind == "contradiction":
            continue  # shown as a fixed heading over the members' own sentences
        cites = [f"{doc}\0{sentence}" for doc, sentence, _ in difference.members if sentence]
        cites += [named[(doc, aid)] for doc, _, aid in difference.members if aid and (doc, aid) in named]
        lines.append(ComposedLine(f"compare:{difference.id}", difference.summary, tuple(dict.fromkeys(cites))))
    return lines


def check_comparison(ledger: Ledger) -> list[BoundsViolation]:
    """The violations of the lines composed across documents."""
    records = {r.id: r for r in ledger.records}
    found: list[BoundsViolation] = []
    for line in comparison_lines(ledger):
        cited = []
        for key in line.cites:
            doc, sentence_id = key.split("\0", 1)
            record = records.get(doc)
            sentence = next((s for s in record.segmentation.sentences if s.id == sentence_id), None) if record else None
            if sentence is not None:
                cited.append(record.sentence_text(sentence))  # type: ignore[union-attr]
        found.extend(check_line(line.text, cited, line_id=line.id))
    return found
