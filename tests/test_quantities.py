"""Quantities: figures, units, places, times and attributions, and what is not a count."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sourcebound.quantities as quantities_module
from sourcebound.ingest import document_from_text
from sourcebound.pipeline import process_document
from sourcebound.quantities import Quantity, extract_quantities, parse_number
from sourcebound.rules import quantities as rules
from sourcebound.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def quantities_of(text: str, doc_id: str = "d") -> tuple[Quantity, ...]:
    record = process_document(document_from_text(text, doc_id))
    return extract_quantities(record.document.text, record.segmentation, record.attributions, record.times, doc_id=doc_id)


@pytest.fixture(scope="module")
def default_quantities() -> dict[str, tuple[Quantity, ...]]:
    found = {}
    for path in sorted(CORPUS.glob("*.txt")):
        doc_id = path.stem[:3]
        found[doc_id] = quantities_of(path.read_text(encoding="utf-8"), doc_id)
    return found


def test_parse_number() -> None:
    assert parse_number("38") == 38
    assert parse_number("1,200") == 1200
    assert parse_number("seven") == 7
    assert parse_number("twenty-five") == 25
    assert parse_number("two hundred") == 200
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("drones") is None


def test_default_document_000(default_quantities) -> None:
    q = {x.text: x for x in default_quantities["000"]}
    assert list(q) == ["38 Ukrainian drone aircraft", "three regions", "34", "two each", "130 Ukrainian drones"]
    total = q["38 Ukrainian drone aircraft"]
    assert (total.value, total.unit, total.counted, total.place) == (38, "drone", "Ukrainian drone aircraft", "across three regions")
    assert total.id == "000-q1" and total.sentence_id == "000-s7" and total.attribution_id == "000-a8"
    assert total.time_id == "000-t5"  # the evening of October 31st
    assert q["three regions"].unit == "region"
    part = q["34"]
    assert (part.value, part.unit, part.place, part.places, part.part_of) == (34, "drone", "over the Belgorod region", ("Belgorod",), "000-q1")
    each = q["two each"]
    assert (each.value, each.distributive, each.places, each.part_of) == (2, True, ("Voronezh", "Crimea"), "000-q1")
    previous = q["130 Ukrainian drones"]
    assert (previous.value, previous.place, previous.attribution_id, previous.time_id) == (130, "over Russian territory", "000-a9", "000-t6")


def test_default_document_003(default_quantities) -> None:
    q = {x.text: x for x in default_quantities["003"]}
    assert list(q) == ["one UAV", "three drones", "seven additional drones", "five of those"]
    assert (q["one UAV"].unit, q["one UAV"].attribution_id, q["one UAV"].time_id) == ("UAV", "003-a4", "003-t2")
    assert q["three drones"].place == "toward Moscow"
    assert (q["seven additional drones"].value, q["seven additional drones"].counted) == (7, "additional drones")
    assert q["seven additional drones"].time_id == "003-t5"  # between 8:10 and 12:00
    five = q["five of those"]
    assert (five.value, five.unit, five.part_of, five.place) == (5, "drone", "003-q3", "targeting Moscow")


def test_ordinals_times_and_designations_are_not_counts(default_quantities) -> None:
    texts = " ".join(x.text for doc in default_quantities.values() for x in doc)
    for not_a_count in ("fourth", "13:02", "8:10", "12:00", "15 minutes", "300", "S1", "31"):
        assert not_a_count not in texts
    assert quantities_of("A fourth drone was shot down, the first in a week.") == ()
    assert quantities_of("The S-300 and Pantsir-S1 and Su-27 systems were seen at 13:02 on 5 May 2024.") == ()


def test_one_is_a_count_only_before_a_counted_noun() -> None:
    assert [q.value for q in quantities_of("Officials said one drone was destroyed.")] == [1]
    assert quantities_of("One thing is clear: one of them said so.") == ()


def test_modifiers_ranges_and_vague_counts() -> None:
    found = {q.text: q for q in quantities_of("The ministry said at least 12 drones, more than 20 missiles, about 40 people and between 10 and 15 shells were counted. Dozens of drones flew.")}
    assert (found["at least 12 drones"].mod, found["at least 12 drones"].low, found["at least 12 drones"].high) == ("at-least", 12, None)
    assert (found["more than 20 missiles"].mod, found["more than 20 missiles"].low) == ("more-than", 20)
    assert (found["about 40 people"].mod, found["about 40 people"].unit) == ("approx", "person")
    ranged = found["between 10 and 15 shells"]
    assert (ranged.mod, ranged.low, ranged.high, ranged.value, ranged.unit) == ("range", 10, 15, None, "shell")
    vague = found["Dozens of drones"]
    assert (vague.mod, vague.value, vague.unit, vague.precision) == ("vague", None, "drone", "vague")


def test_to_json_round_trip(default_quantities) -> None:
    for quantity in default_quantities["000"]:
        data = quantity.to_json()
        assert data["id"] == quantity.id and isinstance(data["places"], list)
        assert quantity.text == data["text"]


@pytest.mark.parametrize("text", ["", "   ", "38", "Of these, 34.", "two each", "between 3 and", "1,2,3,4 drones 5-6-7", "‘’“”"])
def test_never_raises(text: str) -> None:
    quantities_of(text)


_FIGURE_PIECES = st.sampled_from(
    list("0123456789 \t\n.,-–_'’(aeoSTİıſ") + ["two", "Twenty-five", "ſix", "someone", "often", "between", "BETWEEN 3 and 5",
    "10 to 15", "dozens of", "Hundreds Of", "1,200", "1.5 million", "F16", "S-300", "x9", "at least 38"]
)  # fmt: skip


@settings(deadline=None, max_examples=300)
@given(st.lists(_FIGURE_PIECES).map("".join) | st.text())
def test_figure_starts_find_every_match_the_rules_find(text: str) -> None:
    document = document_from_text(text, "d")
    sentences = segment(document).sentences
    for sentence, starts in zip(sentences, quantities_module._figure_starts(document.text, sentences)):
        sentence_text = document.text[sentence.start : sentence.end]
        for _, pattern in rules.NUMBER_RULES:
            expected = [m.span() for m in pattern.finditer(sentence_text)]
            assert [m.span() for m in quantities_module._finditer_at(pattern, sentence_text, starts)] == expected


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from([" ", ",", "\t", "\u00a0", "of", "Of", "oF", "these", "those", "them", "which", "the", "total", "x"])).map("".join))
def test_partitive_shortcut_agrees_with_its_pattern(before: str) -> None:
    assert quantities_module._ends_partitive(before) == bool(rules.PARTITIVE_BEFORE.search(before))
