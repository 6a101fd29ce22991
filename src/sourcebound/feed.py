"""The feed of documents: RSS 2.0, written with the standard library's XML tools.

Only what the metadata states goes in: an item has a ``pubDate`` when the
document's publication time is stated to the minute (RSS dates are date-times;
a bare day would be shown with an invented midnight), and the channel carries
no build date, so the feed is the same bytes for the same corpus.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import datetime, timezone
from email.utils import format_datetime

from .model import Ledger

FEED_PATH = "feed.xml"


def _pub_date(published: str | None) -> str | None:
    if not published or len(published) < 16:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None  # a local time without its zone cannot be written as an RSS date
    return format_datetime(moment.astimezone(timezone.utc))


def _link(site_url: str | None, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def feed_xml(ledger: Ledger, titles: Mapping[str, str], *, site_title: str, description: str, site_url: str | None) -> str:
    """Documents, newest stated publication first, then the undated ones by id."""
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = site_title
    ET.SubElement(channel, "link").text = _link(site_url, "index.html")
    ET.SubElement(channel, "description").text = description
    ET.SubElement(channel, "generator").text = "sourcebound"
    records = sorted(ledger.records, key=lambda r: r.id)
    records.sort(key=lambda r: r.document.metadata.published or "", reverse=True)
    for record in records:
        meta = record.document.metadata
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = titles[record.id]
        link = _link(site_url, f"documents/{record.id}.html")
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", isPermaLink="true" if site_url else "false").text = link if site_url else record.document.content_hash
        parts = [f"Outlet: {meta.outlet or 'not stated'}.", f"Published: {meta.published or 'not stated'}."]
        parts.append(f"{len(record.segmentation.sentences)} sentences, {len(record.attributions)} attributed statements.")
        ET.SubElement(item, "description").text = " ".join(parts)
        for author in meta.authors:
            ET.SubElement(item, "{http://purl.org/dc/elements/1.1/}creator").text = author
        pub_date = _pub_date(meta.published)
        if pub_date:
            ET.SubElement(item, "pubDate").text = pub_date
    ET.register_namespace("dc", "http://purl.org/dc/elements/1.1/")
    ET.indent(rss)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"
