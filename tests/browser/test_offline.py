"""The built site opened from the file system, with no server: navigation and search."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import expect

from .conftest import Reader
from .reading import search
from .site import DOCUMENT, PAGE_TYPES


def test_offline_site_navigates_and_searches(site: Path, open_reader: Callable[..., Reader]) -> None:
    reader = open_reader(base=site.as_uri() + "/")
    page = reader.page
    reader.open(PAGE_TYPES["home"])
    expect(page.locator("article h1")).to_be_visible()
    page.locator("nav.md-nav--primary a.md-nav__link[href='method.html']").first.click()
    expect(page).to_have_url(reader.base + PAGE_TYPES["method"])
    page.locator("nav.md-nav--primary a.md-nav__link[href='documents/index.html']").first.click()
    expect(page).to_have_url(reader.base + PAGE_TYPES["documents"])
    page.locator(f"article a[href='{DOCUMENT}.html']").first.click()
    expect(page).to_have_url(reader.base + PAGE_TYPES["document"])
    expect(page.locator(".sb-text")).to_be_visible()
    items = search(page, "Sobyanin")
    expect(items.filter(has_text="Sobyanin").first).to_be_visible()
    before = page.url
    items.filter(has_text="Sobyanin").first.locator("a").first.click()
    expect(page).not_to_have_url(before)
    expect(page.locator("article h1")).to_be_visible()
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in reader.requests), reader.requests
