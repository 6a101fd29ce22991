"""Building, serving and opening the site as a reader would, for the browser tests
and ``scripts/screenshots``.

The browser is Debian's chromium (``scripts/setup test`` installs it), driven by
Playwright; Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from ..conftest import make_site_project

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these chromium reaches out to its vendor's hosts at start-up.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DOCUMENT = "000-1363d7abf5fa0263"

# Every kind of page the site has, by name: the path of one page of that kind in the
# built site. A new kind of page (Sources, Timeline, Compare, summaries) is one more
# line here; every browser test, the accessibility checks and the screenshots then
# cover it. Pages in the navigation must be listed (a test checks).
PAGE_TYPES: dict[str, str] = {
    "home": "index.html",
    "summaries": "summaries.html",
    "documents": "documents/index.html",
    "document": f"documents/{DOCUMENT}.html",
    "sources": "sources/index.html",
    "source": "sources/sergei-sobyanin.html",
    "timeline": "timeline.html",
    "document-timeline": f"timeline/{DOCUMENT}.html",
    "compare": "compare.html",
    "method": "method.html",
    "rules": "rules.html",
    "scaling": "scaling.html",
    "distributed": "scaling-distributed.html",
    "tags": "tags.html",
    "data": "data.html",
    "ledger-format": "ledger.html",
    "build-report": "report.html",
}

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def build_site(workdir: Path, extra_documents: dict[str, str] | None = None) -> Path:
    """Build the site from the default corpus (plus ``extra_documents``, file name to
    text) in a copy of the project under ``workdir``; return the site folder."""
    from sourcebound.site import mkdocs_build

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    project = make_site_project(workdir)
    for name, text in (extra_documents or {}).items():
        (project / "corpus" / name).write_text(text, "utf-8")
    site = project / "site"
    mkdocs_build(project / "mkdocs.yml", corpus_dir=None, site_dir=site, strict=True)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker keeps to 10 requests a second per host unless the server
        # answers with this header; this one is ours, on loopback.
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 at a free port; yield the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright):  # type: ignore[no-untyped-def]
    """One headless chromium for a whole run."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run scripts/setup test (it installs Debian's chromium)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
