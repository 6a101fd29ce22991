"""Writing the generated pages into the docs folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sourcebound.site import MANIFEST, sync_generated


def manifest(docs: Path) -> list[str]:
    return (docs / MANIFEST).read_text("utf-8").split()


def test_sync_writes_changes_only_and_removes_what_is_no_longer_made(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "method.md").parent.mkdir(parents=True)
    (docs / "method.md").write_text("hand-written", "utf-8")
    first = sync_generated(docs, {"index.md": "home", "documents/a.md": "A", "documents/b.md": "B"})
    assert sorted(first.written) == ["documents/a.md", "documents/b.md", "index.md"]
    assert manifest(docs) == ["documents/a.md", "documents/b.md", "index.md"]
    before = (docs / "documents/a.md").stat().st_mtime_ns

    second = sync_generated(docs, {"index.md": "home, again", "documents/a.md": "A"})
    assert second.written == ("index.md",) and second.unchanged == 1 and second.removed == ("documents/b.md",)
    assert (docs / "documents/a.md").stat().st_mtime_ns == before
    assert not (docs / "documents/b.md").exists()
    assert (docs / "method.md").read_text("utf-8") == "hand-written"

    third = sync_generated(docs, {"index.md": "home"})
    assert third.removed == ("documents/a.md",)
    assert not (docs / "documents").exists()  # an emptied folder of ours goes too
    assert manifest(docs) == ["index.md"]


def test_sync_writes_pages_as_they_come(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    seen: list[bool] = []

    def pages() -> Iterator[tuple[str, str]]:
        yield "a.md", "A"
        seen.append((docs / "a.md").exists())  # written before the next page is made
        yield "b.md", "B"

    result = sync_generated(docs, pages())
    assert seen == [True]
    assert sorted(result.written) == ["a.md", "b.md"] and manifest(docs) == ["a.md", "b.md"]


def test_pages_written_before_a_failure_stay_known_as_generated(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    sync_generated(docs, {"old.md": "old"})

    def failing() -> Iterator[tuple[str, str]]:
        yield "new.md", "new"
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError, match="render failed"):
        sync_generated(docs, failing())
    # Nothing is removed by a run that stopped, and nothing it wrote is forgotten:
    assert (docs / "old.md").exists() and (docs / "new.md").exists()
    assert manifest(docs) == ["new.md", "old.md"]
    # the next complete run removes what it does not make.
    assert sync_generated(docs, {"other.md": "x"}).removed == ("new.md", "old.md")
    assert sorted(p.name for p in docs.iterdir()) == [MANIFEST, "other.md"]
