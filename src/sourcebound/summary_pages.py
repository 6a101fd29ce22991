"""Neutral summaries and loaded language on the pages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from markupsafe import Markup

from .language import language_profile, word_count
from .model import DocumentRecord, Ledger
from .rules.language import CATEGORIES, CATEGORY_TITLES
from .templating import render_template
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


def summaries_page(ledger: Ledger, titles: Mapping[str, str], marks: Callable[[str, str, int], Markup] | None = None) -> str:
    documents = [
        {"id": r.id, "title": titles[r.id], "lines": summary_lines(r, 0, marks), "visible": r.document.metadata.text_visible}
        for r in ledger.records
    ]
    return render_template("summaries.md.j2", documents=documents, line_count=sum(len(r.summary) for r in ledger.records))

