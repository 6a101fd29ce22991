"""Ingest: formats, metadata validation with file:line diagnostics, bad files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sourcebound.model import InputStatus
from sourcebound.pipeline import build_ledger

from .conftest import CORPUS, DEFAULT_DOCUMENTS, SEEDS

HTML_ARTICLE = """<!doctype html>
<html lang="en"><head><title>Drone downed over city - Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-11-01T10:00:00+03:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Drone downed over city</h1>
<p>The mayor said on Friday that a drone was shot down near the city. Emergency services were at the site.</p>
<p>“It is under control,” he said. Officials did not say more about the incident, which happened overnight.</p>
</article>
<footer>Subscribe to our newsletter. Copyright Example News.</footer>
</body></html>
"""


def corpus(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, "utf-8")
        else:
            path.write_bytes(content)
    return folder


def messages(ledger, path: str) -> list[str]:  # type: ignore[no-untyped-def]
    [item] = [i for i in ledger.inputs if i.path == path]
    return [str(d) for d in item.diagnostics]


def test_default_corpus_is_the_seeds_byte_for_byte() -> None:
    for stem in DEFAULT_DOCUMENTS:
        assert (CORPUS / f"{stem}.txt").read_bytes() == (SEEDS / f"{stem}.txt").read_bytes()


def test_default_corpus_metadata_records_unknowns() -> None:
    ledger = build_ledger(CORPUS)
    assert [r.id for r in ledger.records] == ["000-1363d7abf5fa0263", "003-266b0a360377c358"]
    for record in ledger.records:
        meta = record.document.metadata
        assert (meta.title, meta.outlet, meta.url, meta.published) == (None, None, None, None)
        assert record.dct is None
        assert record.document.content_hash.startswith("sha256:")
    statuses = sorted(i.status.value for i in ledger.inputs)
    assert statuses == ["accepted", "accepted", "metadata", "metadata"]


def test_html_article_main_text_and_metadata(tmp_path: Path) -> None:
    ledger = build_ledger(corpus(tmp_path, {"article.html": HTML_ARTICLE}))
    [record] = ledger.records
    document = record.document
    assert document.format.value == "html"
    assert "Home" not in document.text and "newsletter" not in document.text
    assert document.text.startswith("Drone downed over city\n\nThe mayor said on Friday")
    assert document.metadata.outlet == "Example News"
    assert document.metadata.authors == ("Jane Roe",)
    assert document.metadata.published == "2024-11-01"
    assert dict(document.metadata.origin)["outlet"] == "html"
    assert record.segmentation.headline is not None and record.segmentation.headline.n == 1
    assert record.dct == "2024-11-01" and record.dct_origin == "published"


def test_sidecar_overrides_html_metadata_and_null_states_unknown(tmp_path: Path) -> None:
    folder = corpus(tmp_path, {"article.html": HTML_ARTICLE, "article.html.meta.yaml": "outlet: Example Daily\npublished: null\n"})
    [record] = build_ledger(folder).records
    assert record.document.metadata.outlet == "Example Daily"
    assert record.document.metadata.published is None
    assert dict(record.document.metadata.origin)["outlet"] == "sidecar"


def test_html_page_without_article_is_rejected(tmp_path: Path) -> None:
    ledger = build_ledger(corpus(tmp_path, {"empty.html": "<html><body><nav>Home</nav></body></html>", "ok.txt": "A sentence."}))
    assert messages(ledger, "corpus/empty.html") == ["corpus/empty.html: no article text found in the HTML page"]
    assert [r.id for r in ledger.records] == ["ok"]


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    text = "---\ntitle: Drones over the city\noutlet: Example\npublished: 2024-10-31\n---\n# Drones over the city\n\nThe mayor *said* so. A [second](http://example.org) sentence.\n"
    [record] = build_ledger(corpus(tmp_path, {"a.md": text})).records
    assert record.document.text == "Drones over the city\n\nThe mayor said so. A second sentence."
    assert record.document.metadata.published == "2024-10-31"
    assert record.segmentation.headline is not None
    assert len(record.segmentation.sentences) == 3


def test_every_metadata_error_is_collected_with_its_line(tmp_path: Path) -> None:
    sidecar = "title: 12\noutlet: Example\npublishd: 2024-01-01\npublished: 2024-02-30\ndisplay: hidden\nlanguage: [en]\n"
    ledger = build_ledger(corpus(tmp_path, {"a.txt": "One sentence.", "a.txt.meta.yaml": sidecar}))
    assert ledger.records == ()
    assert messages(ledger, "corpus/a.txt") == [
        "corpus/a.txt.meta.yaml:1: 'title' must be text or null, not 12",
        "corpus/a.txt.meta.yaml:3: unknown metadata key 'publishd' (known keys: authors, display, id, language, license, notes, outlet, published, title, url)",
        "corpus/a.txt.meta.yaml:4: 'published': '2024-02-30' is not a possible date: day is out of range for month",
        "corpus/a.txt.meta.yaml:5: 'display' must be one of: full, withheld (got \"hidden\")",
        "corpus/a.txt.meta.yaml:6: 'language' must be text or null, not [\"en\"]",
    ]


def test_front_matter_errors_carry_lines_of_the_markdown_file(tmp_path: Path) -> None:
    ledger = build_ledger(corpus(tmp_path, {"a.md": "---\ntitle: ok\nauthors: Jane\n---\nText here.\n"}))
    assert messages(ledger, "corpus/a.md") == ["corpus/a.md:3: 'authors' must be a list or null, not \"Jane\""]


def test_invalid_yaml_is_reported_with_line(tmp_path: Path) -> None:
    ledger = build_ledger(corpus(tmp_path, {"a.txt": "Text.", "a.txt.meta.yaml": "title: ok\noutlet: [unclosed\n"}))
    [message] = messages(ledger, "corpus/a.txt")
    assert message.startswith("corpus/a.txt.meta.yaml:3: metadata is not valid YAML")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "contains no text (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (contains NUL bytes and is not UTF-8 text)"),
    ],
)
def test_bad_files_are_rejected_with_a_reason_and_the_rest_builds(tmp_path: Path, content: bytes, reason: str) -> None:
    ledger = build_ledger(corpus(tmp_path, {"bad.txt": content, "good.txt": "The mayor said so."}))
    assert messages(ledger, "corpus/bad.txt") == [f"corpus/bad.txt: {reason}"]
    assert [r.id for r in ledger.records] == ["good"]


def test_encodings_bom_and_newlines(tmp_path: Path) -> None:
    latin = "Le maire a déclaré que le drone a été abattu près de la capitale française.".encode("cp1252")
    folder = corpus(
        tmp_path,
        {
            "bom.txt": codecs.BOM_UTF8 + "The mayor said so.\r\nOfficials agreed.\r".encode(),
            "latin.txt": latin,
            "utf16.txt": codecs.BOM_UTF16_LE + "A sentence in UTF-16.".encode("utf-16-le"),
        },
    )
    ledger = build_ledger(folder)
    texts = {r.id: r.document.text for r in ledger.records}
    assert texts["bom"] == "The mayor said so.\nOfficials agreed.\n"
    assert texts["latin"].startswith("Le maire a déclaré")
    assert texts["utf16"] == "A sentence in UTF-16."
    assert any("decoded as" in m for m in messages(ledger, "corpus/latin.txt"))


def test_duplicates_slug_collisions_orphans_and_unknown_types(tmp_path: Path) -> None:
    folder = corpus(
        tmp_path,
        {
            "a.txt": "Same text.",
            "b.txt": "Same text.",
            "c d.txt": "Other text.",
            "c-d.txt": "Third text.",
            "lonely.txt.meta.yaml": "title: x\n",
            "notes.pdf": b"%PDF-1.4",
        },
    )
    ledger = build_ledger(folder)
    assert [r.id for r in ledger.records] == ["a", "c-d"]
    assert messages(ledger, "corpus/b.txt") == ["corpus/b.txt: same text as corpus/a.txt: a duplicate is published once"]
    assert messages(ledger, "corpus/c-d.txt") == [
        "corpus/c-d.txt: its id 'c-d' is already used by corpus/c d.txt; set a different 'id' in its metadata"
    ]
    assert messages(ledger, "corpus/lonely.txt.meta.yaml") == [
        "corpus/lonely.txt.meta.yaml: metadata sidecar for 'lonely.txt', which is not in the corpus"
    ]
    statuses = {i.path: i.status for i in ledger.inputs}
    assert statuses["corpus/notes.pdf"] is InputStatus.IGNORED
    assert len(ledger.inputs) == 6


def test_link_leaving_the_corpus_is_rejected(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Outside text.", "utf-8")
    folder = corpus(tmp_path, {"ok.txt": "Inside text."})
    (folder / "link.txt").symlink_to(outside)
    ledger = build_ledger(folder)
    assert messages(ledger, "corpus/link.txt") == ["corpus/link.txt: path leaves the corpus folder (a link to a file outside it)"]
    assert [r.id for r in ledger.records] == ["ok"]


METADATA_SAMPLES = [
    "title: A title\noutlet: Daily\npublished: '2024-10-01'\nauthors: [Jane Roe, John Doe]\nlanguage: en-GB\nlicense: null\ndisplay: full\n",
    "id: some-doc-1\nurl: https://example.org/a?b=c\ndisplay: withheld\nnotes: kept for the record\n",
    "title: ''\n",
    "title: 12\n",
    "authors: Jane\n",
    "authors: ['']\n",
    "authors: [1, 2]\n",
    "id: Not A Slug\n",
    "id: " + "a" * 81 + "\n",
    "url: not a url\n",
    "language: english!\n",
    "display: hidden\n",
    "display: null\n",
    "published: 2024-02-30\n",
    "published: 2024\n",
    "publishd: 2024\nother: x\n",
    "title: [a, b]\nlicense: {a: b}\n",
    "notes: true\n",
    "title: yes\n",
    "language: null\noutlet: null\n",
    "{}\n",
    "",
    "- a list\n",
    "just text\n",
    "title: ok\noutlet: [unclosed\n",
    "a: b: c\n",
    "---\ntitle: a\n---\ntitle: b\n",
    "title: &x ok\noutlet: *x\n",
    "? complex\n: key\n",
    "title: !!binary aGVsbG8=\n",
    "title: \"tab\\tinside\"\npublished: 2024-11-01T10:00:00+03:00\n",
]


@pytest.mark.parametrize("text", METADATA_SAMPLES)
def test_fast_metadata_reading_gives_what_the_reference_reader_gives(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml and the shortcut past the schema validator are only speed: the
    values, lines and every message are those of PyYAML's own parser and the
    full JSON-Schema validator."""
    from sourcebound import metadata as meta

    def read() -> tuple[object, list[str]]:
        raw, problems = meta.read_yaml_mapping(text, "a.meta.yaml", first_line=2)
        found = [str(d) for d in problems]
        if raw is not None:
            found += [str(d) for d in meta.validate(raw)]
        return (raw.values, raw.lines) if raw is not None else None, found

    fast = read()
    monkeypatch.setattr(meta, "_FastLoader", meta._Loader)
    monkeypatch.setattr(meta, "_plainly_valid", lambda values: False)
    assert read() == fast


def test_plainly_valid_metadata_skips_the_validator_only_when_valid() -> None:
    from sourcebound import metadata as meta

    validator = meta._validator()
    for values in (
        {"title": "t", "authors": ["a"], "display": "full", "published": "2024"},
        {"title": ""},
        {"authors": ["a", ""]},
        {"display": "hidden"},
        {"id": "UPPER"},
        {"unknown": 1},
        {"title": True},
        {"authors": ("a",)},
    ):
        if meta._plainly_valid(values):
            assert validator.is_valid(values), values
    assert meta._plainly_valid({"title": "t", "authors": ["a"], "display": "full", "url": "https://x.org/a", "language": "en"})
