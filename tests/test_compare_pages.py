"""The Compare and Summaries pages and the marks on claims, from the default documents."""

from __future__ import annotations

import re

import pytest

from sourcebound.ingest import document_from_text
from sourcebound.pipeline import build_ledger, corpus_index, process_document
from sourcebound.render import render_site

from .conftest import CORPUS


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(build_ledger(CORPUS))


def test_compare_page_shows_groups_and_differences(pages: dict[str, str]) -> None:
    page = pages["compare.md"]
    for title in ("Names spelled differently", "Different channels for the same source", "Totals beside their parts", "Times that differ", "Claims contradicted"):
        assert f"### {title}" in page
    assert "Sergei Sobyanin&#8221;, &#8220;Sergey Sobyanin" in page or "Sergey Sobyanin" in page
    assert "the parts add up to 38" in page
    assert "matched on:" in page
    # every member links to its sentence
    assert len(re.findall(r'href="documents/[a-z0-9-]+\.html#[a-z0-9-]+-s\d+"', page)) >= 10


def test_claims_carry_corroboration_marks_with_links(pages: dict[str, str]) -> None:
    source = pages["sources/sergei-sobyanin.md"]
    assert "sb-mark-corroborated" in source
    assert re.search(r'corroborated by <a class="sb-cite" href="\.\./documents/[a-z0-9-]+\.html#', source)


def test_figures_are_never_summed_across_documents() -> None:
    texts = {
        "first": "The ministry said 8 drones were destroyed overnight.",
        "second": "The governor said 10 drones were destroyed overnight.",
        "third": "Officials said at least 12 drones were destroyed overnight.",
    }
    records = [process_document(document_from_text(text, name)) for name, text in texts.items()]
    pages = render_site(corpus_index(records, []))
    page = pages["compare.md"]
    assert "30" not in page.replace("&#", "")  # 8 + 10 + 12, nowhere
    if "Figures that differ" in page:
        assert "No total is given" in page


def test_a_republished_copy_is_shown_once_with_both_documents() -> None:
    body = (
        "Officials said on Monday that the bridge over the river would stay closed for repairs. "
        "The transport ministry said the work would take three weeks. Drivers were told to use the northern crossing. "
        "Local businesses said the closure would hurt trade during the holiday season."
    )
    records = [
        process_document(document_from_text(f"Bridge stays closed\n\n{body}", "original")),
        process_document(document_from_text(f"Repairs shut river crossing\n\n{body}", "copy")),
        process_document(document_from_text("The mayor said the northern crossing was busy on Monday.", "other")),
    ]
    ledger = corpus_index(records, [])
    page = render_site(ledger)["compare.md"]
    assert "## Republished texts" in page
    section = page.split("## Republished texts", 1)[1].split("## Single-source claims", 1)[0]
    assert "documents/original.html" in section and "documents/copy.html" in section


def test_a_large_comparison_is_split_into_parts_and_every_link_finds_its_group(monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcebound import compare_pages
    from sourcebound.render import page_paths

    ledger = build_ledger(CORPUS)
    whole = render_site(ledger)
    assert not any(path.startswith("compare/") for path in whole)  # the default corpus fits one page
    monkeypatch.setattr(compare_pages, "PAGE_LINES_MAX", 6)
    layout = compare_pages.compare_layout(ledger)
    pages = render_site(ledger)
    parts = {path: text for path, text in pages.items() if path.startswith("compare/")}
    assert len(parts) == len(layout.parts) > 3 and set(parts) <= set(page_paths(ledger))
    overview = pages["compare.md"]
    for path in parts:
        assert f"]({path})" in overview
    # Every group is on exactly one page, the one the layout names, whole.
    ids = re.findall(r'<div class="sb-(?:cluster|difference)" id="([^"]+)"', "".join(parts.values()))
    assert len(ids) == len(set(ids)) == len(layout.where)
    for item, path in layout.where.items():
        assert f'id="{item}"' in parts[path]
    for text in parts.values():
        assert len(re.findall(r"<li>", text)) <= 6 or text.count('class="sb-cluster"') + text.count('class="sb-difference"') == 1
        assert 'href="documents/' not in text and 'href="../documents/' in text
    # Marks link to the part that holds their group.
    links = re.findall(r'href="\.\./(compare/[a-z-]+-\d+)\.html#([^"]+)"', "".join(t for p, t in pages.items() if p.startswith(("sources/", "documents/"))))
    assert links
    for page, anchor in links:
        assert f'id="{anchor}"' in parts[f"{page}.md"]
    # Nothing is lost: the same groups and sentences as on the single page.
    quoted = sorted(re.findall(r'<span class="sb-quote">(.*?)</span>', whole["compare.md"]))
    assert quoted == sorted(re.findall(r'<span class="sb-quote">(.*?)</span>', "".join(parts.values())))


def test_the_summaries_of_a_large_corpus_are_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcebound import summary_pages
    from sourcebound.render import page_paths

    ledger = build_ledger(CORPUS)
    whole = render_site(ledger)["summaries.md"]
    monkeypatch.setattr(summary_pages, "SUMMARY_DOCUMENTS_PER_PAGE", 1)
    pages = render_site(ledger)
    parts = [f"summaries/part-{n}.md" for n in range(1, len(ledger.records) + 1)]
    assert [p for p in pages if p.startswith("summaries/")] == parts and set(parts) <= set(page_paths(ledger))
    for path in parts:
        assert f"]({path})" in pages["summaries.md"]
        assert 'href="documents/' not in pages[path] and 'href="../documents/' in pages[path]
    # The same lines, every one on exactly one part.
    lines = re.findall(r'<li id="([^"]+)"', whole)
    assert lines and sorted(lines) == sorted(re.findall(r'<li id="([^"]+)"', "".join(pages[p] for p in parts)))
    assert '<li id="' not in pages["summaries.md"]
