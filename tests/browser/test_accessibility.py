"""axe-core on every page type in both colour schemes, and the keyboard path
through a document page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import Reader
from .reading import SEARCH_INPUT
from .site import PAGE_TYPES

# The palette in mkdocs.yml follows the reader's system preference.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_serious_accessibility_violations(
    open_reader: Callable[..., Reader], axe: Axe, name: str, scheme: str
) -> None:
    reader = open_reader(color_scheme=scheme)
    reader.open(PAGE_TYPES[name])
    assert reader.page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    violations = [
        f"{v['impact']} {v['id']}: {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
        for v in axe.run(reader.page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert violations == []


def test_keyboard_reaches_search_and_every_sentence_link(reader: Reader) -> None:
    page = reader.page
    reader.open(PAGE_TYPES["document"])
    sentence_links = set(page.locator("a.sb-n").evaluate_all("(ls) => ls.map((l) => l.getAttribute('href'))"))
    assert sentence_links
    reached: set[str] = set()
    search_reached = False
    for _ in range(len(sentence_links) + 200):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return {search: e.matches('" + SEARCH_INPUT + "'), sentence: e.matches('a.sb-n') ? e.getAttribute('href') : null}; }"
        )
        if focused["search"]:
            search_reached = True
        if focused["sentence"]:
            reached.add(focused["sentence"])
        if search_reached and reached == sentence_links:
            break
    assert search_reached
    assert sorted(sentence_links - reached) == []
