"""At 1,000 documents the site stays usable: the time from page load to the first
search results is measured in chromium and printed (a figure, not a timed test;
see scripts/bench for the build figures)."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from ..conftest import CORPUS, make_site_project
from .reading import SEARCH_INPUT, SEARCH_RESULT
from .site import serve

DOCUMENTS = 1000
SURNAMES = "Petrov Ivanova Smirnov Kuznetsova Popova Volkov Sokolova Lebedev Kozlova Novikov".split()


def synthetic_corpus(folder: Path, count: int) -> None:
    """``count`` distinct news documents made from the default ones, with other
    names, figures and places, so that every text (and its content hash) differs."""
    seeds = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for n in range(count):
        text = seeds[n % len(seeds)]
        surname = SURNAMES[n % len(SURNAMES)]
        text = text.replace("Sobyanin", surname).replace("Popov", SURNAMES[(n + 3) % len(SURNAMES)])
        text = re.sub(r"\b38\b", str(30 + n % 50), text)
        text = f"Report number {n} on the air defence alerts\n\n{text}\nThis is report {n} of the collection.\n"
        (folder / f"report-{n:04d}.txt").write_text(text, "utf-8")


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sourcebound.site import mkdocs_build

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    project = make_site_project(tmp_path_factory.mktemp("scale"))
    for seed in (project / "corpus").iterdir():
        seed.unlink()
    synthetic_corpus(project / "corpus", DOCUMENTS)
    started = time.perf_counter()
    mkdocs_build(project / "mkdocs.yml", corpus_dir=None, site_dir=project / "site", strict=True, workers=os.cpu_count() or 1)
    print(f"\n{DOCUMENTS} documents: site built in {time.perf_counter() - started:.1f} s")
    return project / "site"


def test_first_search_results_at_a_thousand_documents(large_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    index = large_site / "search" / "search_index.json"
    print(f"search index: {index.stat().st_size / 1e6:.1f} MB")
    with serve(large_site) as base:
        context = browser.new_context()
        page = context.new_page()
        started = time.perf_counter()
        page.goto(base + "index.html")
        page.locator(SEARCH_INPUT).click()
        page.locator(SEARCH_INPUT).press_sequentially("Kuznetsova")
        page.locator(SEARCH_RESULT).first.wait_for(state="visible", timeout=60_000)
        elapsed = time.perf_counter() - started
        results = page.locator(SEARCH_RESULT).count()
        context.close()
    print(f"first search results {elapsed:.2f} s after page load ({results} shown; target: within 3 s)")
    assert results > 0
