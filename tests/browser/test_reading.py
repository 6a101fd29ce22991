"""The built site read in a real browser: search, navigation, citations, hostile text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import HOSTILE_DOCUMENT, HOSTILE_FRAGMENTS, Reader
from .reading import search
from .site import DOCUMENT, PAGE_TYPES

SENTENCE_LINK = re.compile(r"#(?P<id>[a-z0-9][a-z0-9-]*-s\d+)$")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Sobyanin", "Sobyanin"), ("Belgorod", "Belgorod"), ("38", "38")],
    ids=["person", "place", "number"],
)
def test_search_finds_what_the_documents_say(reader: Reader, query: str, expected: str) -> None:
    reader.open(PAGE_TYPES["home"])
    items = search(reader.page, query)
    expect(items.filter(has_text=expected).first).to_be_visible()


def test_every_page_in_the_navigation_opens(reader: Reader) -> None:
    page = reader.page
    reader.open(PAGE_TYPES["home"])
    links = page.locator("nav.md-nav--primary a.md-nav__link")
    # In-page links (the table of contents folded into the navigation) are not pages.
    targets = dict(
        links.evaluate_all("(ls) => ls.filter((l) => !l.getAttribute('href').startsWith('#')).map((l) => [l.getAttribute('href'), l.href])")
    )
    paths = {href: url.removeprefix(reader.base).split("#")[0] for href, url in targets.items()}
    # A page in the navigation must be one of the listed page types, so that every
    # test here covers it.
    missing = sorted(set(paths.values()) - set(PAGE_TYPES.values()))
    assert not missing, f"add to PAGE_TYPES: {missing}"
    assert len(set(paths.values())) >= 5
    for href, path in sorted(paths.items()):
        reader.open(PAGE_TYPES["home"])
        page.locator(f'nav.md-nav--primary a.md-nav__link[href="{href}"]').first.click()
        expect(page).to_have_url(reader.base + path)
        expect(page.locator("article h1")).to_be_visible()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_opens_cleanly(reader: Reader, name: str) -> None:
    """Opens with a heading, no console error and no request to another host (the
    ``reader`` fixture checks the last two)."""
    reader.open(PAGE_TYPES[name])
    expect(reader.page.locator("article h1")).to_be_visible()
    assert reader.page.title()
    assert all(reader.is_local(url) for url in reader.requests)
