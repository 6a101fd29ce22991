"""Fixtures for the browser tests: the site is built once (default corpus plus a
document of hostile text), served on 127.0.0.1, and read by one headless chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .site import DESKTOP, build_site, launch, serve

HOSTILE_DOCUMENT = "hostile"
# Each fragment must appear on the page exactly as written.
HOSTILE_FRAGMENTS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "{{ config }}",
    "{% raw %}",
    "<!-- c -->",
    "| a | b |",
    "`code`",
)
HOSTILE_TEXT = (
    "Quokka officials said <script>alert(1)</script> was posted. "
    "Quokka readers saw <img src=x onerror=alert(1)> in the feed. "
    "Quokka posts carried [link](javascript:alert(1)) as written. "
    "The template {{ config }} and {% raw %} and <!-- c --> stayed in the Quokka post. "
    "A Quokka table | a | b | and `code` remained.\n"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real browser over the built site (slower)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("browser"), {f"{HOSTILE_DOCUMENT}.txt": HOSTILE_TEXT})


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@dataclass
class Reader:
    """A browser tab that records what a reader would not want: requests to any other
    host, console errors, uncaught exceptions and dialogs (an ``alert`` is one)."""

    page: object
    base: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        scheme = urlsplit(url).scheme
        if scheme in ("data", "blob", "about"):
            return True
        return url.startswith(self.base)

    def open(self, path: str):  # type: ignore[no-untyped-def]
        response = self.page.goto(self.base + path, wait_until="load")
        # A change of fragment alone is no new request, so it has no response.
        if self.base.startswith("http") and not (response is None and "#" in path):
            assert response is not None and response.ok, f"{path}: {response and response.status}"
        return response

    def problems(self) -> list[str]:
        return (
            [f"request to another host: {url}" for url in self.foreign]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"dialog opened: {text}" for text in self.dialogs]
        )


@pytest.fixture
def open_reader(browser, base_url: str) -> Iterator[Callable[..., Reader]]:  # type: ignore[no-untyped-def]
    """Open a new, isolated tab: ``open_reader(viewport=..., color_scheme=..., base=...)``.
    Every reader is checked at the end of the test for the problems it recorded."""
    contexts = []
    readers: list[Reader] = []

    def make(viewport: dict[str, int] = DESKTOP, color_scheme: str = "light", base: str = base_url) -> Reader:
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme, service_workers="block")
        contexts.append(context)
        # Fail in seconds, not Playwright's default half minute.
        context.set_default_timeout(10_000)
        page = context.new_page()
        reader = Reader(page, base)

        def route(route) -> None:  # type: ignore[no-untyped-def]
            if reader.is_local(route.request.url):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        context.on("request", lambda request: reader.requests.append(request.url))
        context.on(
            "request", lambda request: None if reader.is_local(request.url) else reader.foreign.append(request.url)
        )
        page.on("console", lambda message: reader.console_errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: reader.console_errors.append(f"uncaught: {error}"))

        def dialog(d) -> None:  # type: ignore[no-untyped-def]
            reader.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        page.on("dialog", dialog)
        readers.append(reader)
        return reader

    yield make
    problems = [problem for reader in readers for problem in reader.problems()]
    for context in contexts:
        context.close()
    assert problems == []


@pytest.fixture
def reader(open_reader: Callable[..., Reader]) -> Reader:
    return open_reader()
