"""What readers of such a site expect besides reading: the timeline as a list and
as a drawing, a print view, a feed, and tags to filter by."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from playwright.sync_api import expect

from .conftest import Reader
from .site import DOCUMENT, PAGE_TYPES


def test_timeline_renders_as_a_list_and_as_a_drawing(reader: Reader) -> None:
    reader.open(PAGE_TYPES["timeline"])
    page = reader.page
    expect(page.locator("ol.sb-timeline > li").first).to_be_visible()
    drawing = page.locator("figure.sb-timeline-visual svg").first
    expect(drawing).to_be_visible()
    bars = page.locator("figure.sb-timeline-visual rect")
    assert bars.count() >= 1
    # an uncertain time is drawn as a range: a clock time range spans many pixels
    widths = bars.evaluate_all("(rs) => rs.map((r) => r.getBBox().width)")
    assert max(widths) > 10


def test_print_view_hides_the_chrome_and_opens_folded_tables(reader: Reader) -> None:
    page = reader.page
    reader.open(PAGE_TYPES["document"])
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".sb-statements table").first).to_be_visible()
    expect(page.locator(f"[id='{DOCUMENT}-s1']")).to_be_visible()


def test_the_feed_lists_every_document_with_a_working_link(reader: Reader) -> None:
    response = reader.page.request.get(reader.base + "feed.xml")
    assert response.ok
    root = ET.fromstring(response.body())
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert len(items) >= 2
    for item in items:
        link = item.findtext("link")
        assert link and link.startswith("documents/")
        assert reader.page.request.get(reader.base + link).ok


def test_tags_filter_pages_by_source_and_verification(reader: Reader) -> None:
    reader.open(PAGE_TYPES["tags"])
    page = reader.page
    content = page.locator("article").inner_text()
    assert "Source" in content and "Verification" in content
    link = page.locator("article a[href*='documents/']").first
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("article h1")).to_be_visible()
