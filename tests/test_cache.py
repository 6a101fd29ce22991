"""Extraction results are reused only when nothing they depend on changed, and
parallel extraction gives exactly the serial result."""

from __future__ import annotations

import shutil
from pathlib import Path

from sourcebound.cache import RecordCache, record_key, rules_version
from sourcebound.ledger import dumps, ledger_json
from sourcebound.pipeline import build_ledger, process_documents

from .conftest import CORPUS


def corpus_copy(tmp_path: Path, copies: int = 1) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(CORPUS.iterdir()):
        shutil.copy(path, corpus / path.name)
    for n in range(1, copies):
        for path in sorted(CORPUS.glob("*.txt")):
            text = path.read_text("utf-8")
            (corpus / f"copy{n}-{path.name}").write_text(f"Copy {n}.\n\n{text}", "utf-8")
    return corpus


def test_a_rebuild_reuses_every_record_and_gives_the_same_ledger(tmp_path: Path) -> None:
    corpus = corpus_copy(tmp_path)
    cache = RecordCache(tmp_path / "cache")
    first = build_ledger(corpus, cache=cache)
    assert (cache.hits, cache.misses) == (0, 2)
    again = RecordCache(tmp_path / "cache")
    second = build_ledger(corpus, cache=again)
    assert (again.hits, again.misses) == (2, 0)
    assert dumps(ledger_json(first)) == dumps(ledger_json(second))


def test_changing_one_document_reextracts_only_that_document(tmp_path: Path) -> None:
    corpus = corpus_copy(tmp_path)
    build_ledger(corpus, cache=RecordCache(tmp_path / "cache"))
    target = sorted(corpus.glob("*.txt"))[0]
    target.write_text(target.read_text("utf-8") + "\nOfficials said on Friday that a fifth drone was downed.\n", "utf-8")
    cache = RecordCache(tmp_path / "cache")
    ledger = build_ledger(corpus, cache=cache)
    assert (cache.hits, cache.misses) == (1, 1)
    changed = [r for r in ledger.records if r.document.source.endswith(target.name)][0]
    assert "fifth drone" in changed.document.text


def test_the_key_covers_text_metadata_date_and_rules(tmp_path: Path) -> None:
    ledger = build_ledger(corpus_copy(tmp_path))
    document = ledger.records[0].document
    key = record_key(document, None)
    assert record_key(document, "2025-11-01") != key
    from dataclasses import replace

    assert record_key(replace(document, content_hash="sha256:" + "0" * 64), None) != key
    assert record_key(replace(document, metadata=replace(document.metadata, published="2025-11-01")), None) != key
    assert len(rules_version()) == 16


def test_a_damaged_or_foreign_entry_is_recomputed(tmp_path: Path) -> None:
    corpus = corpus_copy(tmp_path)
    build_ledger(corpus, cache=RecordCache(tmp_path / "cache"))
    entries = sorted((tmp_path / "cache").rglob("*.pickle"))
    assert len(entries) == 2
    entries[0].write_bytes(entries[0].read_bytes()[:20])  # a write cut short
    entries[1].write_bytes(b"not a pickle at all")
    cache = RecordCache(tmp_path / "cache")
    ledger = build_ledger(corpus, cache=cache)
    assert (cache.hits, cache.misses) == (0, 2)
    assert dumps(ledger_json(ledger)) == dumps(ledger_json(build_ledger(corpus)))
    # and the entries were rewritten whole
    assert (RecordCache(tmp_path / "cache").get(record_key(ledger.records[0].document, None))) is not None


def test_an_interrupted_write_leaves_no_entry(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pickle

    corpus = corpus_copy(tmp_path)
    ledger = build_ledger(corpus)
    cache = RecordCache(tmp_path / "cache")

    def crash(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(pickle, "dump", crash)
    record = ledger.records[0]
    key = record_key(record.document, None)
    try:
        cache.put(key, record)
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert not list((tmp_path / "cache").rglob("*.pickle"))
    assert cache.get(key) is None


def test_parallel_extraction_equals_serial(tmp_path: Path) -> None:
    corpus = corpus_copy(tmp_path, copies=40)  # 80 documents: above the parallel threshold
    serial = build_ledger(corpus, workers=1)
    parallel = build_ledger(corpus, workers=2)
    assert len(serial.records) == 80
    assert dumps(ledger_json(serial)) == dumps(ledger_json(parallel))
    documents = [r.document for r in serial.records]
    assert process_documents(documents, workers=2) == process_documents(documents, workers=1)


def test_an_entry_with_a_damaged_payload_or_stored_under_another_key_is_recomputed(tmp_path: Path) -> None:
    corpus = corpus_copy(tmp_path)
    reference = dumps(ledger_json(build_ledger(corpus)))
    build_ledger(corpus, cache=RecordCache(tmp_path / "cache"))
    first, second = sorted((tmp_path / "cache").rglob("*.pickle"))
    data = bytearray(first.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte, same length: only the digest shows it
    first.write_bytes(bytes(data))
    # an intact entry copied under the other key's name is not that key's record
    foreign = second.read_bytes()
    second_copy = second.with_name(first.name)
    cache = RecordCache(tmp_path / "cache")
    assert cache.get(first.stem) is None and cache.misses == 1
    second_copy.write_bytes(foreign)
    assert cache.get(first.stem) is None and cache.misses == 2
    rebuilt = RecordCache(tmp_path / "cache")
    assert dumps(ledger_json(build_ledger(corpus, cache=rebuilt))) == reference
    assert (rebuilt.hits, rebuilt.misses) == (1, 1)


def test_a_hit_hands_on_the_stored_bytes_and_they_hold_the_record(tmp_path: Path) -> None:
    from sourcebound.cache import dump_record, load_record

    ledger = build_ledger(corpus_copy(tmp_path))
    record = ledger.records[0]
    cache = RecordCache(tmp_path / "cache")
    key = record_key(record.document, None)
    payload = cache.put(key, record)
    assert payload == dump_record(record)
    assert cache.get_payload(key) == payload
    assert load_record(payload) == record == cache.get(key)
    assert (cache.hits, cache.misses) == (2, 0)


def test_the_key_covers_where_the_file_is(tmp_path: Path) -> None:
    from dataclasses import replace

    document = build_ledger(corpus_copy(tmp_path)).records[0].document
    assert record_key(replace(document, source="elsewhere/" + document.source), None) != record_key(document, None)
