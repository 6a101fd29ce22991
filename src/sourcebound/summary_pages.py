"""Neutral summaries and loaded language on the pages."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from .htmlblocks import Headings
from .language import language_profile, word_count
from .model import DocumentRecord, Ledger
from .rules.language import CATEGORIES, CATEGORY_TITLES
from .templating import part_links, render_template
from .timeline_pages import cite_link

STATUS_WORDS = {"contested": "contested", "unverified": "unverified"}
ROLE_WORDS = {
    "headline": "headline",
    "attributed-claim": "attributed claim",
    "own-assertion": "the document’s own assertion",
    "framing": "framing: evaluative, nothing checkable",
    "context": "context",
}


def _sentence_numbers(record: DocumentRecord) -> dict[str, int]:
    return {s.id: s.n for s in record.segmentation.sentences}


def summary_lines(record: DocumentRecord, depth: int, marks: Callable[[str, str, int], Markup] | None = None, *, here: bool = False) -> list[dict[str, Any]]:
    """Each line with links to every sentence it rests on."""
    numbers = _sentence_numbers(record)
    lines = []
    for line in record.summary:
        cites = Markup(", ".join(cite_link(record, c, depth, label=f"sentence {numbers.get(c, '?')}", here=here) for c in line.cites))
        marked = marks(record.id, line.attribution_id, depth) if marks is not None and line.attribution_id else Markup("")
        lines.append({"id": line.id, "text": line.text, "cites": cites, "status": STATUS_WORDS.get(line.status or ""), "own": line.kind == "own-assertion", "marks": marked})
    return lines


def loaded_language(record: DocumentRecord, depth: int, *, here: bool = False) -> dict[str, Any]:
    profile = language_profile(record.loaded_terms, word_count(record.document.text))
    numbers = _sentence_numbers(record)
    groups = []
    for category in CATEGORIES:
        terms = [t for t in record.loaded_terms if t.category == category]
        if not terms:
            continue
        groups.append(
            {
                "title": CATEGORY_TITLES[category],
                "terms": [
                    {
                        "text": t.text,
                        "quoted": t.quoted,
                        "cite": cite_link(record, t.sentence_id, depth, label=f"sentence {numbers.get(t.sentence_id or '', '?')}", here=here),
                    }
                    for t in terms
                ],
            }
        )
    return {"profile": profile, "groups": groups}


def role_of(record: DocumentRecord) -> dict[str, tuple[str, str]]:
    """Sentence id -> (role, words for the reader)."""
    return {r.sentence_id: (r.role, ROLE_WORDS.get(r.role, r.role)) for r in record.roles}


#: Documents on the Summaries page; a larger corpus has an overview page and
#: parts of this many documents under ``summaries/``, so that no page grows
#: with the corpus.
SUMMARY_DOCUMENTS_PER_PAGE = 100


def summary_part_paths(ledger: Ledger) -> list[str]:
    """The parts of the Summaries page (none when it is one page)."""
    count = len(ledger.records)
    if count <= SUMMARY_DOCUMENTS_PER_PAGE:
        return []
    return [f"summaries/part-{n + 1}.md" for n in range(-(-count // SUMMARY_DOCUMENTS_PER_PAGE))]


def _summary_documents(records: Sequence[DocumentRecord], titles: Mapping[str, str], depth: int, marks: Callable[[str, str, int], Markup] | None) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "title": titles[r.id], "lines": summary_lines(r, depth, marks), "visible": r.document.metadata.text_visible}
        for r in records
    ]


def summaries_page(ledger: Ledger, titles: Mapping[str, str], marks: Callable[[str, str, int], Markup] | None = None) -> str:
    """``summaries.md``: every document's summary, or, for a large corpus, an
    overview that links the parts."""
    line_count = sum(len(r.summary) for r in ledger.records)
    paths = summary_part_paths(ledger)
    if not paths:
        return render_template(
            "summaries.md.j2", heading=Headings("Summaries"), documents=_summary_documents(ledger.records, titles, 0, marks), parts=[], line_count=line_count
        )
    size = SUMMARY_DOCUMENTS_PER_PAGE
    parts = []
    for n, path in enumerate(paths):
        records = ledger.records[n * size : (n + 1) * size]
        parts.append({"href": path, "first": n * size + 1, "last": n * size + len(records)})
    return render_template("summaries.md.j2", documents=[], parts=parts, line_count=line_count, total=len(ledger.records))


def summaries_part_page(ledger: Ledger, titles: Mapping[str, str], number: int, marks: Callable[[str, str, int], Markup] | None = None) -> str:
    """Part ``number`` (from 1) of a large Summaries page."""
    size = SUMMARY_DOCUMENTS_PER_PAGE
    paths = summary_part_paths(ledger)
    records = ledger.records[(number - 1) * size : number * size]
    first, last = (number - 1) * size + 1, (number - 1) * size + len(records)
    return render_template(
        "summaries_part.md.j2",
        heading=Headings(f"Summaries: documents {first} to {last}"),
        documents=_summary_documents(records, titles, 1, marks),
        number=number,
        of=len(paths),
        first=first,
        last=last,
        **part_links(paths, number),
    )
