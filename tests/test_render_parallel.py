"""Pages made across worker processes are the pages made in one process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs.structure.files import File, file_sort_key

from sourcebound import render
from sourcebound.pipeline import build_ledger
from sourcebound.render import render_site, source_page_names


from .conftest import CORPUS

SURNAMES = "Petrov Ivanova Smirnov Kuznetsova Popova Volkov Sokolova Lebedev Kozlova Novikov".split()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("corpus")
    seeds = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for n in range(24):
        text = seeds[n % len(seeds)].replace("Sobyanin", SURNAMES[n % len(SURNAMES)])
        text = re.sub(r"\b38\b", str(30 + n), text)
        (folder / f"report-{n:02d}.txt").write_text(f"Report {n} on the alerts\n\n{text}", "utf-8")
    return build_ledger(folder)


def test_pages_made_by_worker_processes_are_identical(ledger, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(render, "PAGES_CHUNK", 7)
    pools = []

    class CountedPool(render.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            pools.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(render, "ProcessPoolExecutor", CountedPool)
    serial = render_site(ledger)
    assert pools == []
    parallel = render_site(ledger, workers=2, parallel_minimum=1)
    assert pools == [2]
    assert len(serial) > 3 * render.PAGES_CHUNK
    assert parallel == serial
    assert list(parallel) == list(serial)


def test_every_file_is_listed_before_it_is_made_in_the_order_it_comes(ledger, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(render, "PAGES_CHUNK", 7)
    planned = render.page_paths(ledger)
    for workers in (1, 2):
        made = [m.path for m in render.render_pages(ledger, workers=workers, parallel_minimum=1)]
        assert made == planned
    # The pages come in the order MkDocs reads them (the data page, which
    # lists the sizes of the data files, is made and read last).
    assert planned[0] == "index.md" and planned[-1] == "data.md"
    pages = [path for path in planned[:-1] if path.endswith(".md")]
    files = [File(path, "docs", "site", use_directory_urls=False) for path in pages]
    assert pages == [file.src_uri for file in sorted(files, key=file_sort_key)]
    # Source pages are named after their sources, not in the order of the ledger's sources.
    sources = [path for path in pages if path.startswith("sources/") and path != "sources/index.md"]
    assert len(sources) > 3 and sources == sorted(sources)
    assert [f"sources/{name}.md" for name in source_page_names(ledger.entities).values()] != sources


def test_files_written_by_the_workers_are_the_files_made_in_one_process(ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from functools import partial

    from sourcebound.site import write_if_changed

    monkeypatch.setattr(render, "PAGES_CHUNK", 7)
    serial = render_site(ledger)
    docs = tmp_path / "docs"
    made = list(render.render_pages(ledger, workers=2, parallel_minimum=1, writer=partial(write_if_changed, docs)))
    assert all(m.text is None and m.changed for m in made)
    assert {m.path: m.size for m in made} == {path: len(text.encode("utf-8")) for path, text in serial.items()}
    written = {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in docs.rglob("*") if p.is_file()}
    assert written == serial
    again = list(render.render_pages(ledger, workers=2, parallel_minimum=1, writer=partial(write_if_changed, docs)))
    assert not any(m.changed for m in again)


def test_page_workers_yield_the_processor_to_the_process_that_reads_the_pages() -> None:
    import os

    def make(index: int) -> list[tuple[str, str]]:
        return [(f"p{index}.md", str(os.nice(0)))]

    count = 2 * render.PAGES_CHUNK + 1
    made = list(render._make_pages(make, count, workers=2))
    assert [m.path for m in made] == [f"p{n}.md" for n in range(count)]
    assert {m.text for m in made} == {str(min(19, os.nice(0) + render.PAGE_WORKER_NICENESS))}
