"""Pages made across worker processes are the pages made in one process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sourcebound import render
from sourcebound.pipeline import build_ledger
from sourcebound.render import render_site

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
