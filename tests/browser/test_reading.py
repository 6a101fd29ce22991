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


def landed_sentence(page):  # type: ignore[no-untyped-def]
    """Where the reader landed: the :target element, its box against the viewport and
    the fixed header, and how it is drawn."""
    return page.evaluate(
        """() => {
          const target = document.querySelector(':target');
          if (!target) return null;
          const box = target.getBoundingClientRect();
          const style = getComputedStyle(target);
          return {
            id: target.id,
            top: box.top,
            bottom: box.bottom,
            headerBottom: document.querySelector('.md-header').getBoundingClientRect().bottom,
            viewportHeight: window.innerHeight,
            background: style.backgroundColor,
            outline: style.outlineStyle,
          };
        }"""
    )


def assert_lands_on(reader: Reader, sentence_id: str) -> None:
    page = reader.page
    # The highlight fades in (a short transition): wait until it is drawn.
    page.wait_for_function(
        "() => { const t = document.querySelector(':target');"
        " return t && !['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(t).backgroundColor); }"
    )
    landed = landed_sentence(page)
    assert landed["id"] == sentence_id
    # Scrolled into view, below the fixed header.
    assert landed["top"] >= landed["headerBottom"] - 1, landed
    assert landed["top"] < landed["viewportHeight"], landed
    assert landed["outline"] != "none", landed


def test_a_sentence_address_opens_on_the_sentence_highlighted(reader: Reader) -> None:
    reader.open(PAGE_TYPES["document"])
    # The last sentence: far down the page, so the browser has to scroll to it.
    sentence = reader.page.locator(".sb-sentence").last.get_attribute("id")
    assert sentence and sentence.startswith(f"{DOCUMENT}-s")
    reader.open(f"{PAGE_TYPES['document']}#{sentence}")
    assert_lands_on(reader, sentence)
    expect(reader.page.locator(f"[id='{sentence}']")).to_be_in_viewport()


def test_citation_links_land_on_the_cited_sentence(reader: Reader) -> None:
    """On every page type, the last link to a sentence opens that sentence."""
    page = reader.page
    followed = []
    for name, path in PAGE_TYPES.items():
        reader.open(path)
        hrefs = [
            href
            for href in page.locator("article a[href*='-s']").evaluate_all("(ls) => ls.map((l) => l.getAttribute('href'))")
            if SENTENCE_LINK.search(href)
        ]
        if not hrefs:
            continue
        href = hrefs[-1]
        page.locator(f"article a[href='{href}']").first.click()
        assert_lands_on(reader, SENTENCE_LINK.search(href)["id"])
        followed.append(name)
    assert "document" in followed


def test_hostile_text_is_shown_as_written(reader: Reader) -> None:
    page = reader.page
    reader.open(f"documents/{HOSTILE_DOCUMENT}.html")
    text = page.locator(".sb-text")
    expect(text).to_be_visible()
    shown = " ".join(text.inner_text().split())
    for fragment in HOSTILE_FRAGMENTS:
        assert fragment in shown
    article = page.locator("article")
    assert article.locator("script, img, iframe").count() == 0
    assert article.locator("a[href^='javascript:']").count() == 0
    # Search shows it as text too; the reader fixture fails on any dialog or request.
    items = search(page, "Quokka")
    expect(items.filter(has_text="<script>alert(1)</script>").first).to_be_visible()
    expect(items.filter(has_text="<img src=x onerror=alert(1)>").first).to_be_visible()
    results = page.locator(".md-search-result__list")
    assert results.locator("script, img").count() == 0
    page.wait_for_timeout(300)
    assert reader.dialogs == []
