"""The Compare page, and the marks that show on a claim when another document
corroborates or contradicts it.

A small comparison is one page. A large one (a corpus of hundreds of documents
repeats its main claims in thousands of sentences) is an overview page,
``compare.md``, and parts under ``compare/`` of at most :data:`PAGE_LINES_MAX`
lines each, so that no page grows with the corpus; :func:`compare_layout` says
which page holds each group, and every link to a group goes there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .model import DocumentRecord, Ledger
from .naming import short_title
from .templating import escape_text, part_links, render_template
from .timeline_pages import cite_link, sentence_number, sentence_of

#: Above this many, single-source claims are counted, not listed (they are all
#: on the source pages).
SINGLE_SOURCE_LIST_MAX = 200
#: Lines (quoted sentences and figure rows) on one Compare page; a comparison
#: with more is split into parts, each group whole on one part.
PAGE_LINES_MAX = 1500
#: The section of the groups reported by more than one document.
SHARED = "shared"
SHARED_TITLE = "Reported by more than one document"

KIND_TITLES = {
    "name-variant": "Names spelled differently",
    "channel": "Different channels for the same source",
    "count": "Figures that differ",
    "count-sum": "Totals beside their parts",
    "time": "Times that differ",
    "contradiction": "Claims contradicted",
}



@dataclass(frozen=True)
class ComparePart:
    """One part of a Compare page split for size: consecutive groups of one section."""

    path: str
    section: str
    title: str
    number: int
    of: int
    #: The ids of its groups, in order.
    items: tuple[str, ...]


@dataclass(frozen=True)
class CompareLayout:
    """Which page holds each group of the comparison."""

    #: Empty when everything is on ``compare.md``.
    parts: tuple[ComparePart, ...] = ()
    where: Mapping[str, str] = field(default_factory=dict)

    def href(self, item_id: str, depth: int) -> str:
        """The link, from a page ``depth`` folders down, to a group."""
        page = self.where.get(item_id, "compare.md")
        return f"{'../' * depth}{page[:-3]}.html#{item_id}"

    def section_parts(self, section: str) -> list[ComparePart]:
        return [part for part in self.parts if part.section == section]


#: The layout of a comparison that fits on one page.
ONE_PAGE = CompareLayout()


def _sections(ledger: Ledger) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """(section, title, [(group id, its lines)]) in page order."""
    comparison = ledger.comparison
    if comparison is None:
        return []
    shown = {r.id for r in ledger.records}
    shared = [(c.id, 1 + sum(1 for doc, _ in c.members if doc in shown)) for c in comparison.clusters if len(c.documents) > 1]
    sections = [(SHARED, SHARED_TITLE, shared)]
    for kind, title in KIND_TITLES.items():
        items = [
            (d.id, 1 + sum(1 for member in d.members if member[0] in shown) + len(d.details.get("figures", ()) if kind == "count" else ()))
            for d in comparison.differences
            if d.kind == kind
        ]
        sections.append((kind, title, items))
    return sections


def compare_layout(ledger: Ledger, lines_max: int | None = None) -> CompareLayout:
    """One page when the comparison has at most ``lines_max`` lines (default
    :data:`PAGE_LINES_MAX`); otherwise every section's groups on parts of at
    most that many lines (a larger group alone on its part)."""
    lines_max = PAGE_LINES_MAX if lines_max is None else lines_max
    sections = _sections(ledger)
    if sum(lines for _, _, items in sections for _, lines in items) <= lines_max:
        return CompareLayout()
    parts: list[ComparePart] = []
    where: dict[str, str] = {}
    for section, title, items in sections:
        chunks: list[list[str]] = []
        used = 0
        for item_id, lines in items:
            if not chunks or used + lines > lines_max:
                chunks.append([])
                used = 0
            chunks[-1].append(item_id)
            used += lines
        for number, chunk in enumerate(chunks, 1):
            path = f"compare/{section}-{number}.md"
            parts.append(ComparePart(path, section, title, number, len(chunks), tuple(chunk)))
            where.update(dict.fromkeys(chunk, path))
    return CompareLayout(tuple(parts), where)


def _sentence_text(record: DocumentRecord, sentence_id: str | None) -> str:
    sentence = sentence_of(record, sentence_id)
    return " ".join(record.sentence_text(sentence).split()) if sentence is not None else ""


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


def claim_marks(
    ledger: Ledger,
    document_id: str,
    attribution_id: str,
    depth: int,
    records: Mapping[str, DocumentRecord] | None = None,
    layout: CompareLayout = ONE_PAGE,
) -> Markup:
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
        more = f'<a href="{layout.href(cluster, depth)}">{extra} more</a>' if cluster else f"{extra} more"
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


def claim_mark_counts(
    ledger: Ledger,
    document_id: str,
    attribution_id: str,
    depth: int,
    records: Mapping[str, DocumentRecord] | None = None,
    layout: CompareLayout = ONE_PAGE,
) -> Markup:
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
            target = f'<a href="{layout.href(cluster, depth)}">{count}</a>' if cluster else count
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


def _figure_view(records: Mapping[str, DocumentRecord], figure: Mapping[str, Any], depth: int = 0) -> dict[str, Any]:
    document = figure.get("document")
    return {
        "text": figure.get("text"),
        "who": figure.get("reported_by") or "the document",
        "precision": figure.get("precision"),
        "place": figure.get("place"),
        "cite": cite_link(records[document], figure.get("sentence"), depth) if document in records else "",
    }


def _cluster_view(cluster: Any, records: Mapping[str, DocumentRecord], names: Mapping[str, str], titles: Mapping[str, str], depth: int) -> dict[str, Any]:
    return {
        "id": cluster.id,
        "features": cluster.features,
        "members": [_member(records, doc, None, aid, depth) for doc, aid in cluster.members if doc in records],
        "sources": [names.get(s, s) for s in cluster.sources],
        "single_source": cluster.single_source,
        "also_in": [titles.get(d, d) for d in cluster.also_in],
    }


def _difference_view(difference: Any, records: Mapping[str, DocumentRecord], depth: int) -> dict[str, Any]:
    kind = difference.kind
    details = difference.details
    return {
        "id": difference.id,
        "summary": "Accounts that contradict each other, in the order of the text" if kind == "contradiction" else difference.summary,
        "members": [_member(records, doc, sid, aid, depth) for doc, sid, aid in difference.members if doc in records],
        "figures": [_figure_view(records, f, depth) for f in details.get("figures", ())] if kind == "count" else [],
        "lowest": _figure_view(records, details["lowest"], depth) if details.get("lowest") else None,
        "highest": _figure_view(records, details["highest"], depth) if details.get("highest") else None,
    }


def compare_page(ledger: Ledger, titles: Mapping[str, str], layout: CompareLayout = ONE_PAGE) -> str:
    """``compare.md``: the whole comparison, or, when ``layout`` splits it,
    an overview that links every part."""
    comparison = ledger.comparison
    records = {r.id: r for r in ledger.records}
    names = {e.id: e.name for e in ledger.entities}
    clusters = comparison.clusters if comparison is not None else ()
    differences = comparison.differences if comparison is not None else ()
    single_clusters = [c for c in clusters if len(c.documents) <= 1]
    single = [_cluster_view(c, records, names, titles, 0) for c in single_clusters] if len(single_clusters) <= SINGLE_SOURCE_LIST_MAX else []
    overview = []
    shared: list[dict[str, Any]] = []
    groups = []
    if layout.parts:
        for section, title in {SHARED: SHARED_TITLE, **KIND_TITLES}.items():
            parts = layout.section_parts(section)
            if parts:
                count = _counted(sum(len(part.items) for part in parts), _noun(section))
                overview.append({"section": section, "title": title, "count": count, "parts": [_part_link(part) for part in parts]})
    else:
        shared = [_cluster_view(c, records, names, titles, 0) for c in clusters if len(c.documents) > 1]
        for kind, title in KIND_TITLES.items():
            items = [_difference_view(d, records, 0) for d in differences if d.kind == kind]
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
        overview=overview,
        shared=shared,
        single=single,
        single_count=len(single_clusters),
        single_max=SINGLE_SOURCE_LIST_MAX,
        groups=groups,
        duplicates=duplicates,
        comparisons=comparison.comparisons if comparison is not None else 0,
    )


def _noun(section: str) -> str:
    return "group" if section == SHARED else "entry"


def _part_link(part: ComparePart) -> dict[str, Any]:
    return {"href": part.path, "number": part.number, "of": part.of, "holds": _counted(len(part.items), _noun(part.section))}


def _counted(count: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{count:,} {noun if count == 1 else plural}"


def compare_part_page(ledger: Ledger, titles: Mapping[str, str], layout: CompareLayout, part: ComparePart) -> str:
    """One part of a split Compare page."""
    comparison = ledger.comparison
    assert comparison is not None
    records = {r.id: r for r in ledger.records}
    names = {e.id: e.name for e in ledger.entities}
    wanted = set(part.items)
    if part.section == SHARED:
        shared = [_cluster_view(c, records, names, titles, 1) for c in comparison.clusters if c.id in wanted]
        entries = []
    else:
        shared = []
        entries = [_difference_view(d, records, 1) for d in comparison.differences if d.id in wanted]
    siblings = layout.section_parts(part.section)
    return render_template(
        "compare_part.md.j2",
        part=part,
        shared=shared,
        entries=entries,
        **part_links([sibling.path for sibling in siblings], part.number),
    )
