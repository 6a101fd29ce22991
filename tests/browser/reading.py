"""Reader actions shared by the browser tests and the screenshots."""

from __future__ import annotations

import re

SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT = ".md-search-result__item"


def search(page, query: str):  # type: ignore[no-untyped-def]
    """Type ``query`` into the search box (desktop layout) and return the result items
    once the first one is shown."""
    from playwright.sync_api import expect

    page.locator(SEARCH_INPUT).click()
    # The search index loads in a worker after the page: typing before it is ready
    # would race it.
    expect(page.locator(".md-search-result__meta")).not_to_have_text(re.compile("Initializing"), timeout=20_000)
    # Typed key by key: the search listens to keyboard events, as a reader makes them.
    page.locator(SEARCH_INPUT).press_sequentially(query)
    items = page.locator(SEARCH_RESULT)
    expect(items.first).to_be_visible(timeout=10_000)
    return items
