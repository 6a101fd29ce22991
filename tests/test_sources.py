"""Source notes: the Sources index, a page per source, each document's sourcing
profile, all citing their sentences."""

from __future__ import annotations

import json
import re

import pytest

from sourcebound.ingest import document_from_text
from sourcebound.model import Ledger
from sourcebound.pipeline import build_ledger, corpus_index, process_document
from sourcebound.render import render_site

from .conftest import CORPUS


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(build_ledger(CORPUS))


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return build_ledger(CORPUS)


def test_the_mayor_is_one_source_with_both_spellings(ledger: Ledger, pages: dict[str, str]) -> None:
    mayor = [e for e in ledger.entities if "Sobyanin" in e.name]
    assert len(mayor) == 1
    entity = mayor[0]
    assert set(entity.variants) == {"Sergei Sobyanin", "Sergey Sobyanin"}
    assert {doc for doc, _ in entity.mentions} == {r.id for r in ledger.records}
    page = pages[f"sources/{entity.id}.md"]
    assert "Sergei Sobyanin; Sergey Sobyanin" in page
    assert "telegram" in page.lower() and "max messenger" in page.lower()
    # every statement links to its sentence on the document page
    links = re.findall(r'href="\.\./documents/([a-z0-9-]+)\.html#(\1-s\d+)"', page)
    assert len(links) >= len(entity.mentions)


def test_sources_index_lists_every_source_with_kind_documents_and_channels(ledger: Ledger, pages: dict[str, str]) -> None:
    index = pages["sources/index.md"]
    for entity in ledger.entities:
        assert f'<a href="{entity.id}.html">' in index
    assert "named person" in index and "unnamed group" in index and "anonymous individual" in index
    row = next(line for line in index.splitlines() if "Sobyanin" in line and line.startswith("<tr>"))
    assert "max" in row and "telegram" in row and row.count("../documents/") == 2


def test_document_pages_carry_a_sourcing_profile(ledger: Ledger, pages: dict[str, str]) -> None:
    for record in ledger.records:
        page = pages[f"documents/{record.id}.md"]
        assert '<h2 id="sourcing-profile">Sourcing profile<a class="headerlink" href="#sourcing-profile"' in page
        attributed = len({a.sentence_id for a in record.attributions})
        assert f"{attributed} of {len(record.segmentation.sentences)} sentences" in page
        assert f"Attributed statements ({len(record.attributions)})" in page
    second = pages[f"documents/{ledger.records[1].id}.md"]
    assert "not been independently verified" in second  # a verification marker, quoted


def test_anonymous_sources_are_not_merged_across_documents() -> None:
    first = process_document(document_from_text("A senior official, who spoke on condition of anonymity, said the talks failed.", "first"))
    second = process_document(document_from_text("A senior official, who spoke on condition of anonymity, said the talks continued.", "second"))
    ledger = corpus_index([first, second], [])
    anonymous = [e for e in ledger.entities if e.kind == "anonymous"]
    assert len(anonymous) == 2


def test_source_names_are_shown_as_text() -> None:
    record = process_document(document_from_text('Mayor John <b>Smith</b> said that "the road is closed".', "hostile"))
    ledger = corpus_index([record], [])
    pages = render_site(ledger)
    for path, content in pages.items():
        if path.endswith(".md"):
            assert "<b>Smith" not in content, path


def test_a_large_corpus_has_no_tag_per_source_and_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from sourcebound import templating

    ledger = build_ledger(CORPUS)
    with_names = render_site(ledger)

    def tags(pages: dict[str, str]) -> set[str]:
        found: set[str] = set()
        for text in pages.values():
            line = re.search(r"^tags: (\[.*\])$", text, re.M)
            found |= set(json.loads(line.group(1))) if line else set()
        return found

    assert {t.split("/")[0] for t in tags(with_names)} >= {"Source", "Document", "Verification", "Source kind"}
    monkeypatch.setattr(templating, "NAME_TAGS_UP_TO", 1)
    kept = tags(render_site(ledger))
    assert kept and not any(t.startswith(("Source/", "Document/")) for t in kept)
    assert kept == {t for t in tags(with_names) if not t.startswith(("Source/", "Document/"))}


def test_a_sources_row_names_a_few_documents_and_links_the_rest(monkeypatch: pytest.MonkeyPatch, ledger: Ledger) -> None:
    from sourcebound import source_pages
    from sourcebound.render import source_page_names

    monkeypatch.setattr(source_pages, "CITED_IN_SHOWN", 1)
    titles = {r.id: r.id for r in ledger.records}
    names = source_page_names(ledger.entities)
    rows = {row["id"]: row for row in source_pages.source_rows(ledger, ledger.entities, titles, names)}
    mayor = next(e for e in ledger.entities if "Sobyanin" in e.name)
    documents = sorted({doc for doc, _ in mayor.mentions})
    assert len(documents) == 2
    cell = str(rows[mayor.id]["documents"])
    assert cell == f'2 documents: <a href="../documents/{documents[0]}.html">{documents[0]}</a>, <a href="{names[mayor.id]}.html">1 more</a>'
    # The source's own page lists every document.
    page = source_pages.source_page(ledger, mayor, titles)
    assert all(f"../documents/{doc}.html#" in page for doc in documents)
