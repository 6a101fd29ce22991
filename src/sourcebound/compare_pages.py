"""The Compare page, and the marks that show on a claim when another document
corroborates or contradicts it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from .model import DocumentRecord, Ledger
from .naming import short_title
from .templating import escape_text, render_template
from .timeline_pages import cite_link, sentence_number

#: Above this many, single-source claims are counted, not listed (they are all
#: on the source pages).
SINGLE_SOURCE_LIST_MAX = 200

KIND_TITLES = {
    "name-variant": "Names spelled differently",
    "channel": "Different channels for the same source",
    "count": "Figures that differ",
    "count-sum": "Totals beside their parts",
    "time": "Times that differ",
    "contradiction": "Claims contradicted",
}


def _sentence_text(record: DocumentRecord, sentence_id: str | None) -> str:
    for sentence in record.segmentation.sentences:
        if sentence.id == sentence_id:
            return " ".join(record.sentence_text(sentence).split())
    return ""


def _attribution(record: DocumentRecord, attribution_id: str | None) -> Any:
    return next((a for a in record.attributions if a.id == attribution_id), None)


def _member(records: Mapping[str, DocumentRecord], document_id: str, sentence_id: str | None, attribution_id: str | None, depth: int) -> dict[str, Any]:
    record = records[document_id]
    attribution = _attribution(record, attribution_id)
    if sentence_id is None and attribution is not None:
        sentence_id = attribution.sentence_id
    return {
        "source": attribution.source.name if attribution is not None else "the document",
        "cue": attribution.cue.text if attribution is not None else None,
        "sentence": _sentence_text(record, sentence_id),
        "cite": cite_link(record, sentence_id, depth),
    }


#: Marks shown beside a claim; the rest are on the Compare page, in its group.
MARKS_SHOWN = 3
#: Reasons a mark's tooltip gives; its group on the Compare page lists them all.
MARK_REASONS_SHOWN = 2


def mark_tooltip(reason: str) -> str:
    """The first reasons of a mark (``reason; reason; …``), with a pointer to the rest."""
    parts = [p.strip() for p in reason.split("; ") if p.strip()]
    if len(parts) <= MARK_REASONS_SHOWN:
        return "; ".join(parts)
    return "; ".join(parts[:MARK_REASONS_SHOWN]) + "; … (all reasons on the Compare page)"


def claim_marks(ledger: Ledger, document_id: str, attribution_id: str, depth: int, records: Mapping[str, DocumentRecord] | None = None) -> Markup:
    """“corroborated by … / contradicted by …” for one claim, linked; empty if none."""
    if ledger.comparison is None:
        return Markup("")
    records = records if records is not None else {r.id: r for r in ledger.records}
    marks = ledger.comparison.marks.get((document_id, attribution_id), ())
    parts = []
    if len(marks) > MARKS_SHOWN:
        extra = len(marks) - MARKS_SHOWN
        cluster = next((m.cluster for m in marks if m.cluster), None)
        marks = marks[:MARKS_SHOWN]
        more = f'<a href="{"../" * depth}compare.html#{cluster}">{extra} more</a>' if cluster else f"{extra} more"
    else:
        more = ""
    previous = None
    for mark in marks:
        link = _mark_link(mark, document_id, depth, records)
        if link is None:
            continue
        # The reasons are the group's: said once for marks of the same group.
        title = f' title="{escape_text(mark_tooltip(mark.reason))}"' if mark.reason != previous else ""
        previous = mark.reason
        parts.append(f'<span class="sb-mark sb-mark-{mark.kind}"{title}>{mark.kind} by {link}</span>')
    if more:
        parts.append(f"<span class=\"sb-mark\">and {more}</span>")
    return Markup(" ".join(parts))


def claim_mark_counts(ledger: Ledger, document_id: str, attribution_id: str, depth: int, records: Mapping[str, DocumentRecord] | None = None) -> Markup:
    """The marks of one claim in brief, for a summary line: a single mark links
    its sentence; several of a kind are counted and link to their group on the
    Compare page (the statements table and the source pages list them)."""
    if ledger.comparison is None:
        return Markup("")
    records = records if records is not None else {r.id: r for r in ledger.records}
    marks = ledger.comparison.marks.get((document_id, attribution_id), ())
    parts = []
    for kind in dict.fromkeys(m.kind for m in marks):
        of_kind = [m for m in marks if m.kind == kind and m.other[0] in records]
        if len(of_kind) == 1:
            link = _mark_link(of_kind[0], document_id, depth, records)
            parts.append(f'<span class="sb-mark sb-mark-{kind}">{kind} by {link}</span>')
        elif of_kind:
            cluster = next((m.cluster for m in of_kind if m.cluster), None)
            count = f"{len(of_kind)} claims"
            target = f'<a href="{"../" * depth}compare.html#{cluster}">{count}</a>' if cluster else count
            parts.append(f'<span class="sb-mark sb-mark-{kind}">{kind} by {target}</span>')
    return Markup(" ".join(parts))


def _mark_link(mark: Any, document_id: str, depth: int, records: Mapping[str, DocumentRecord]) -> Markup | None:
    other_doc, other = mark.other
    if other_doc not in records:
        return None
    record = records[other_doc]
    attribution = _attribution(record, other)
    sentence_id = attribution.sentence_id if attribution is not None else other
    n = sentence_number(record, sentence_id) or "?"
    where = "this document" if other_doc == document_id else short_title(record)
    return cite_link(record, sentence_id, depth, label=f"{where}, sentence {n}")


def _figure_view(records: Mapping[str, DocumentRecord], figure: Mapping[str, Any]) -> dict[str, Any]:
    document = figure.get("document")
    return {
        "text": figure.get("text"),
        "who": figure.get("reported_by") or "the document",
        "precision": figure.get("precision"),
        "place": figure.get("place"),
        "cite": cite_link(records[document], figure.get("sentence"), 0) if document in records else "",
    }


def compare_page(ledger: Ledger, titles: Mapping[str, str]) -> str:
    comparison = ledger.comparison
    records = {r.id: r for r in ledger.records}
    names = {e.id: e.name for e in ledger.entities}
    shared, single = [], []
    for cluster in comparison.clusters if comparison is not None else ():
        members = [_member(records, doc, None, aid, 0) for doc, aid in cluster.members if doc in records]
        item = {
            "id": cluster.id,
            "features": cluster.features,
            "members": members,
            "sources": [names.get(s, s) for s in cluster.sources],
            "single_source": cluster.single_source,
            "also_in": [titles.get(d, d) for d in cluster.also_in],
        }
        (shared if len(cluster.documents) > 1 else single).append(item)
    groups = []
    for kind, title in KIND_TITLES.items():
        items = []
        for difference in comparison.differences if comparison is not None else ():
            if difference.kind != kind:
                continue
            members = [_member(records, doc, sid, aid, 0) for doc, sid, aid in difference.members if doc in records]
            details = difference.details
            figures = []
            if kind == "count":
                figures = [_figure_view(records, f) for f in details.get("figures", ())]
            items.append(
                {
                    "id": difference.id,
                    "summary": "Accounts that contradict each other, in the order of the text" if kind == "contradiction" else difference.summary,
                    "members": members,
                    "figures": figures,
                    "lowest": _figure_view(records, details["lowest"]) if details.get("lowest") else None,
                    "highest": _figure_view(records, details["highest"]) if details.get("highest") else None,
                }
            )
        if items:
            groups.append({"kind": kind, "title": title, "entries": items})
    duplicates = [
        {
            "id": group.id,
            "kept": group.kept,
            "kept_title": titles.get(group.kept, group.kept),
            "others": [{"id": o, "title": titles.get(o, o), "similarity": dict(group.similarity).get(o)} for o in group.others],
            "features": group.features,
        }
        for group in (comparison.duplicates if comparison is not None else ())
    ]
    return render_template(
        "compare.md.j2",
        shared=shared,
        single=single if len(single) <= SINGLE_SOURCE_LIST_MAX else [],
        single_count=len(single),
        single_max=SINGLE_SOURCE_LIST_MAX,
        groups=groups,
        duplicates=duplicates,
        comparisons=comparison.comparisons if comparison is not None else 0,
    )
