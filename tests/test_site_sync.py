"""Writing the generated pages into the docs folder: all at once, or as they
come while MkDocs reads the pages already written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sourcebound.errors import SourceboundError
from sourcebound.render import Made
from sourcebound.site import MANIFEST, GeneratedPages, sync_generated, write_if_changed


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


def made(pages: dict[str, str]) -> Iterator[Made]:
    for path, text in pages.items():
        yield Made(path, text, len(text.encode("utf-8")))


def test_planned_run_removes_what_it_will_not_make_before_writing_anything(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    sync_generated(docs, {"old.md": "old", "kept.md": "kept"})
    taken: list[str] = []

    def pages() -> Iterator[Made]:
        for path, text in {"kept.md": "kept", "new.md": "new", "last.md": "last"}.items():
            taken.append(path)
            yield Made(path, text, len(text))

    generated = GeneratedPages(docs, pages(), planned=["kept.md", "new.md", "last.md"])
    # Before any page is made, the folder lists nothing this run will not make,
    # and every file it may write is known as generated.
    assert taken == [] and not (docs / "old.md").exists()
    assert manifest(docs) == ["kept.md", "last.md", "new.md"]
    generated.wait_for("new.md")
    assert taken == ["kept.md", "new.md"] and (docs / "new.md").read_text("utf-8") == "new"
    assert not (docs / "last.md").exists()
    generated.wait_for("method.md")  # not one of the generated files: no wait
    assert taken == ["kept.md", "new.md"]
    result = generated.finish()
    assert result.written == ("new.md", "last.md") and result.unchanged == 1 and result.removed == ("old.md",)
    assert manifest(docs) == ["kept.md", "last.md", "new.md"]


def test_a_planned_run_that_makes_other_files_than_listed_fails(tmp_path: Path) -> None:
    generated = GeneratedPages(tmp_path / "docs", made({"a.md": "A", "b.md": "B"}), planned=["a.md", "c.md"])
    with pytest.raises(SourceboundError, match=r"not made: \['c.md'\]; not listed: \['b.md'\]"):
        generated.finish()


def test_files_written_where_they_are_made_are_counted_not_written_again(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert write_if_changed(docs, "a/b.md", "B".encode("utf-8")) is True
    assert write_if_changed(docs, "a/b.md", "B".encode("utf-8")) is False
    assert write_if_changed(docs, "a/b.md", "C".encode("utf-8")) is True
    assert sorted(p.name for p in (docs / "a").iterdir()) == ["b.md"]  # no temporary file left
    result = GeneratedPages(docs, iter([Made("a/b.md", None, 1, changed=False), Made("c.md", None, 1, changed=True)]), planned=["a/b.md", "c.md"]).finish()
    assert result.written == ("c.md",) and result.unchanged == 1


def test_closing_a_planned_run_stops_making_pages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    taken: list[str] = []

    def pages() -> Iterator[Made]:
        for path in ("a.md", "b.md"):
            taken.append(path)
            yield Made(path, path, 4)

    generated = GeneratedPages(docs, pages(), planned=["a.md", "b.md"])
    generated.wait_for("a.md")
    generated.close()
    assert taken == ["a.md"]
    assert manifest(docs) == ["a.md", "b.md"]  # what it may have written stays known
    assert GeneratedPages(docs, made({"c.md": "c"}), planned=["c.md"]).finish().removed == ("a.md", "b.md")


def test_a_file_being_written_is_hidden_from_mkdocs_listing_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Workers write pages while MkDocs lists the docs folder: a half-written
    # file must not be listed as a file of the site.
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import get_files

    import sourcebound.site as site

    docs = tmp_path / "docs"
    listed: list[list[str]] = []
    replace = site.os.replace

    def listing_first(source: Path, target: Path) -> None:
        config = MkDocsConfig()
        config.load_dict({"site_name": "x", "docs_dir": str(docs), "site_dir": str(tmp_path / "site")})
        config.validate()
        listed.append([f.src_uri for f in get_files(config) if f.inclusion.is_included()])
        replace(source, target)

    monkeypatch.setattr(site.os, "replace", listing_first)
    write_if_changed(docs, "documents/a.md", b"A")
    assert listed == [[]]
