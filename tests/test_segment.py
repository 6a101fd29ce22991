"""Segmentation: gold boundaries of the default documents and exact regressions."""

from __future__ import annotations

import pytest

from sourcebound.ingest import document_from_text
from sourcebound.segment import segment, segment_text

from .conftest import CORPUS, DEFAULT_DOCUMENTS, ROOT


def sentences(text: str, title: str | None = None) -> list[str]:
    result = segment_text(text, "d", title)
    return [text[s.start : s.end] for s in result.sentences]


@pytest.mark.parametrize("stem", DEFAULT_DOCUMENTS)
def test_default_documents_match_gold_boundaries(stem: str) -> None:
    text = (CORPUS / f"{stem}.txt").read_text("utf-8")
    gold = (ROOT / "tests" / "gold" / "sentences" / f"{stem}.txt").read_text("utf-8").splitlines()
    assert sentences(text) == gold


def test_headline_of_the_second_default_document() -> None:
    text = (CORPUS / "003_266b0a360377c358.txt").read_text("utf-8")
    result = segment(document_from_text(text, "003"))
    assert result.headline is not None
    assert result.headline.id == "003-s1"
    assert text[result.headline.start : result.headline.end].startswith("Urgent: Russian Defense Systems")
    assert [s.headline for s in result.sentences].count(True) == 1


def test_first_default_document_has_no_headline() -> None:
    text = (CORPUS / "000_1363d7abf5fa0263.txt").read_text("utf-8")
    assert segment(document_from_text(text, "000")).headline is None


def test_sentence_ending_inside_closing_single_quote_is_split() -> None:
    text = "The network remains ‘largely intact.’ The officer spoke on condition of anonymity."
    assert sentences(text) == ["The network remains ‘largely intact.’", "The officer spoke on condition of anonymity."]


def test_sentence_ending_inside_closing_double_quote_is_split() -> None:
    text = 'He called it "a success." Officials disagreed.'
    assert sentences(text) == ['He called it "a success."', "Officials disagreed."]


def test_quotation_of_several_sentences_stays_with_its_attribution() -> None:
    text = "“We will respond. We are ready,” the minister said. Nothing else was said."
    assert sentences(text) == ["“We will respond. We are ready,” the minister said.", "Nothing else was said."]


def test_question_inside_quote_followed_by_lowercase_attribution() -> None:
    text = "“Why now?” he asked. No answer came."
    assert sentences(text) == ["“Why now?” he asked.", "No answer came."]


@pytest.mark.parametrize(
    "text",
    [
        "Maj.-Gen. Vladimir Popov spoke on Friday.",
        "Mr. Smith and Dr. Jones met on Oct. 31 in the capital.",
        "The report by J. R. Smith was published.",
        "The U.S. Army said nothing.",
        "It happened at 8:10 a.m. Moscow time.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert sentences(text) == [text]


def test_ambiguous_abbreviation_ends_sentence_before_a_sentence_opener() -> None:
    text = "The drones were made in the U.S. The ministry denied it."
    assert sentences(text) == ["The drones were made in the U.S.", "The ministry denied it."]


def test_numbers_and_decimals() -> None:
    assert sentences("Drones fell 3.5 km away. 34 were downed.") == ["Drones fell 3.5 km away.", "34 were downed."]


def test_apostrophes_are_not_quotations() -> None:
    text = "Russia’s capital and the drones’ origin, and don't forget ‘90s rules."
    result = segment_text(text, "d")
    assert result.quotations == ()


def test_quotations_are_tracked_with_their_marks() -> None:
    text = "He said “no” and ‘maybe’ and \"later\" and 'soon'."
    result = segment_text(text, "d")
    assert [(text[q.start : q.end], q.marks) for q in result.quotations] == [
        ("“no”", "“”"),
        ("‘maybe’", "‘’"),
        ('"later"', '""'),
        ("'soon'", "''"),
    ]
    assert len(result.sentences[0].quotes) == 4


def test_sentence_ids_paragraphs_and_offsets() -> None:
    text = "Title line\n\nFirst one. Second one.\nThird one.\n"
    result = segment_text(text, "doc")
    assert [s.id for s in result.sentences] == ["doc-s1", "doc-s2", "doc-s3", "doc-s4"]
    assert [s.paragraph for s in result.sentences] == [1, 2, 2, 3]
    assert result.sentences[0].headline
    for s in result.sentences:
        assert text[s.start : s.end] == text[s.start : s.end].strip()


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    text = (
        "The ministry said that the drones were intercepted over the region late on\n"
        "Tuesday and that no damage was reported. A second statement followed.\n"
    )
    result = segment_text(text, "d")
    assert len(result.paragraphs) == 1
    assert len(result.sentences) == 2


def test_structural_title_marks_the_headline() -> None:
    text = "Drones downed\n\nThe mayor said so."
    result = segment_text(text, "d", title="Drones downed")
    assert result.sentences[0].headline
    assert not segment_text(text, "d", title="Something else").sentences[0].headline


def test_byline_is_not_a_headline() -> None:
    result = segment_text("By Jane Roe\n\nThe mayor said so.", "d")
    assert not result.sentences[0].headline
