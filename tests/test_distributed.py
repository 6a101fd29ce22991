"""Extraction across processes and machines: reading in the workers, shards of
a corpus extracted into one shared cache, and a build that then finds every
record there; always the same ledger as one process reading everything."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcebound import pipeline
from sourcebound.cache import RecordCache
from sourcebound.cli import cli
from sourcebound.ledger import dumps, ledger_json
from sourcebound.model import InputStatus
from sourcebound.pipeline import build_ledger, extract_shard, shard_of

from .conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from bench import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve synthetic news documents with sidecars, the default corpus, and
    files that must be rejected or ignored: a bad sidecar, an empty file, a
    duplicate text, a duplicate id, a binary file, an unknown type."""
    folder = tmp_path_factory.mktemp("mixed") / "corpus"
    make_corpus(folder, 12)
    for path in sorted(CORPUS.iterdir()):
        shutil.copy(path, folder / path.name)
    (folder / "bad-meta.txt").write_text("The mayor said the bridge was closed on Monday.\n", "utf-8")
    (folder / "bad-meta.txt.meta.yaml").write_text("title: ok\ndisplay: hidden\n", "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "zz-copy.txt").write_text((folder / "doc-00003.txt").read_text("utf-8"), "utf-8")
    (folder / "same-id.txt").write_text("Officials said a second bridge was closed.\n", "utf-8")
    (folder / "same-id.txt.meta.yaml").write_text("id: doc-00004\n", "utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    sub = folder / "more"
    sub.mkdir()
    (sub / "nested.md").write_text("# A heading\n\nThe council said the road reopened on Tuesday.\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def serial_json(mixed_corpus: Path) -> str:
    return dumps(ledger_json(build_ledger(mixed_corpus, workers=1)))


@pytest.fixture()
def parallel_from_two(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes even for a corpus this small."""
    monkeypatch.setattr(pipeline, "PARALLEL_MINIMUM", 2)


def _rejected(ledger) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {item.path: [d.message for d in item.diagnostics] for item in ledger.inputs if item.status is InputStatus.REJECTED}


def test_workers_read_the_files_and_the_ledger_is_the_serial_one(mixed_corpus: Path, serial_json: str, parallel_from_two: None) -> None:
    ledger = build_ledger(mixed_corpus, workers=2)
    assert dumps(ledger_json(ledger)) == serial_json
    rejected = _rejected(ledger)
    assert set(rejected) == {f"corpus/{name}" for name in ("bad-meta.txt", "empty.txt", "zz-copy.txt", "same-id.txt", "binary.txt")}
    assert rejected["corpus/zz-copy.txt"] == ["same text as corpus/doc-00003.txt: a duplicate is published once"]
    assert rejected["corpus/empty.txt"] == ["empty file"]
    assert any("'display' must be one of" in m for m in rejected["corpus/bad-meta.txt"])
    assert len(ledger.records) == 12 + 2 + 1


def test_the_cache_through_workers_counts_and_serves_the_same_ledger(mixed_corpus: Path, serial_json: str, parallel_from_two: None, tmp_path: Path) -> None:
    first = RecordCache(tmp_path / "cache")
    assert dumps(ledger_json(build_ledger(mixed_corpus, workers=2, cache=first))) == serial_json
    assert (first.hits, first.misses) == (0, 15)
    again = RecordCache(tmp_path / "cache")
    assert dumps(ledger_json(build_ledger(mixed_corpus, workers=2, cache=again))) == serial_json
    assert (again.hits, again.misses) == (15, 0)
    serial = RecordCache(tmp_path / "cache")
    assert dumps(ledger_json(build_ledger(mixed_corpus, workers=1, cache=serial))) == serial_json
    assert (serial.hits, serial.misses) == (15, 0)


def test_a_document_whose_extraction_fails_is_rejected_with_the_reason_and_the_rest_builds(
    mixed_corpus: Path, parallel_from_two: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.segment

    def failing(document):  # type: ignore[no-untyped-def]
        if document.id == "doc-00005":
            raise ValueError("cannot segment this")
        return real(document)

    monkeypatch.setattr(pipeline, "segment", failing)
    ledgers = [build_ledger(mixed_corpus, workers=workers) for workers in (1, 2)]
    assert dumps(ledger_json(ledgers[0])) == dumps(ledger_json(ledgers[1]))
    [message] = _rejected(ledgers[0])["corpus/doc-00005.txt"]
    assert message.startswith("extraction failed (ValueError: cannot segment this)")
    assert "doc-00005" not in {r.id for r in ledgers[0].records}
    assert len(ledgers[0].records) == 14


def test_shards_together_are_the_whole_corpus_and_the_build_finds_every_record(mixed_corpus: Path, serial_json: str, tmp_path: Path) -> None:
    cache_dir = tmp_path / "shared-cache"
    reports = [extract_shard(mixed_corpus, RecordCache(cache_dir), shard=i, shards=3, workers=1) for i in range(3)]
    # every file that can be read is in exactly one shard (the duplicates too:
    # which copy is kept is decided by the build, which sees every file)
    assert sum(r.documents for r in reports) == 12 + 2 + 1 + 5
    assert sum(r.extracted for r in reports) == 12 + 2 + 1 + 2
    assert all(r.documents > 0 for r in reports)
    assert sorted(i.path for r in reports for i in r.rejected) == ["corpus/bad-meta.txt", "corpus/binary.txt", "corpus/empty.txt"]
    cache = RecordCache(cache_dir)
    ledger = build_ledger(mixed_corpus, cache=cache, workers=1)
    assert (cache.hits, cache.misses) == (15, 0)
    assert dumps(ledger_json(ledger)) == serial_json
    # running a shard again finds its records
    assert extract_shard(mixed_corpus, RecordCache(cache_dir), shard=1, shards=3, workers=1).extracted == 0


def test_shard_membership_is_stable_and_covers_every_name() -> None:
    names = [f"corpus/doc-{i:05d}.txt" for i in range(400)]
    shards = [shard_of(name, 4) for name in names]
    assert set(shards) == {0, 1, 2, 3}
    assert shards == [shard_of(name, 4) for name in names]
    assert shard_of("corpus/doc-00000.txt", 4) == 2  # fixed by the hash: the same on every machine
    assert all(shard_of(name, 1) == 0 for name in names)


def test_extract_corpus_command_fills_the_cache_a_build_reads(mixed_corpus: Path, serial_json: str, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    outputs = []
    for shard in ("0/2", "1/2"):
        result = CliRunner().invoke(cli, ["extract-corpus", str(mixed_corpus), "--cache-dir", str(cache_dir), "--shard", shard, "--workers", "1"])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0].startswith("shard 0/2: ") and outputs[1].startswith("shard 1/2: ")
    cache = RecordCache(cache_dir)
    assert dumps(ledger_json(build_ledger(mixed_corpus, cache=cache, workers=1))) == serial_json
    assert cache.misses == 0


@pytest.mark.parametrize("shard", ["2/2", "1", "a/b", "-1/2", "0/0"])
def test_extract_corpus_rejects_a_shard_that_does_not_exist(shard: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract-corpus", str(CORPUS), "--cache-dir", str(tmp_path), "--shard", shard])
    assert result.exit_code == 2
    assert "expected I/N with 0 <= I < N" in result.output


def test_extract_corpus_names_a_missing_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract-corpus", str(tmp_path / "nowhere"), "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 1
    assert "corpus folder not found" in result.output
