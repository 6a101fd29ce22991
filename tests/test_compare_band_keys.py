"""A build finds each document's near-duplicate band keys while the other
documents are being extracted; the comparison given them is the comparison
that finds them itself."""

from __future__ import annotations

import random

from sourcebound.compare import compare, document_band_keys, near_duplicates
from sourcebound.ingest import document_from_text
from sourcebound.pipeline import corpus_index, process_document

NAMES = ["Sergei Sobyanin", "Sergey Sobyanin", "Maria Zakharova", "Igor Konashenkov"]
PLACES = ["Moscow", "Kursk", "Belgorod", "Bryansk", "Tula"]


def corpus(n: int, seed: int = 3) -> list:
    rng = random.Random(seed)
    texts: list[str] = []
    for i in range(n):
        if i % 5 == 4:  # a republished text: near duplicates
            texts.append(texts[i - 2].replace("Monday", "monday", 1))
            continue
        lines = [f"{rng.choice(NAMES)} said {rng.randint(2, 60)} drones were destroyed over {rng.choice(PLACES)} on Monday." for _ in range(4)]
        texts.append("\n".join(lines) + "\n")
    return [process_document(document_from_text(text, f"doc{i:03d}")) for i, text in enumerate(texts)]


def test_given_band_keys_give_the_same_comparison() -> None:
    records = corpus(30)
    entities = corpus_index(records, []).entities
    alone = compare(records, entities)
    assert alone.duplicates
    for given in (records, records[::2]):  # every record's keys, or some
        keys = {r.id: document_band_keys(r) for r in given}
        assert compare(records, entities, band_keys=keys).to_json() == alone.to_json()
        assert corpus_index(records, [], band_keys=keys).comparison.work == alone.work
    assert near_duplicates(records) == alone.duplicates


def test_band_keys_of_a_text_without_words() -> None:
    record = process_document(document_from_text("—\n", "empty"))
    assert document_band_keys(record) == (0, ())
