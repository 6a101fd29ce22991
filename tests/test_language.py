"""Loaded language, the most biased word, sentence roles, and their quality floors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcebound.evaluation.language import (
    evaluate_biased_words,
    evaluate_loaded,
    load_biased_words,
    load_loaded_gold,
    load_records,
)
from sourcebound.language import (
    ROLES,
    LoadedTerm,
    detect_loaded_language,
    language_profile,
    most_biased_word,
    sentence_roles,
    word_count,
)
from sourcebound.rules import language as rules
from sourcebound.segment import segment_text

# Floors only rise: set just below the measured score, rounded down to 0.01.
LOADED_FLOORS = {
    "exact_precision": 0.70,
    "exact_recall": 0.76,
    "overlap_precision": 0.93,
    "overlap_recall": 0.96,
    "category_agreement": 0.87,
}
BIASED_WORD_ACCURACY_FLOOR = 0.89
#: Gold sizes: the gold may grow, never shrink unnoticed.
MIN_GOLD_TERMS = 71
MIN_BIASED_WORD_SENTENCES = 69


def _terms(text: str) -> tuple[LoadedTerm, ...]:
    return detect_loaded_language(text, segment_text(text, "t"))


def _found(text: str) -> dict[str, str]:
    return {t.text: t.category for t in _terms(text)}


@pytest.mark.parametrize(
    ("text", "term", "category"),
    [
        ("The ministry admitted that two drones were lost.", "admitted", rules.SAID_SYNONYM),
        ("The report revealed that the bridge had closed.", "revealed", rules.SAID_SYNONYM),
        ("The company claimed the figures were accurate.", "claimed", rules.SAID_SYNONYM),
        ("The startling announcement came at noon.", "startling", rules.SENSATIONAL),
        ("The legendary coach retired in May.", "legendary", rules.SENSATIONAL),
        ("Some say the plan will fail.", "Some say", rules.WEASEL),
        ("The law, it is believed, will pass.", "it is believed", rules.WEASEL),
        ("The so-called reform passed.", "so-called", rules.DOUBT),
        ("The regime closed the border.", "regime", rules.LABEL),
        ("One thing is clear: the vote was close.", "One thing is clear", rules.EDITORIALIZING),
        ("Unfortunately, the museum closed.", "Unfortunately", rules.EDITORIALIZING),
    ],
)
def test_each_category_is_detected(text, term, category):
    assert _found(text).get(term) == category


def test_quoted_terms_are_reported_as_quoted():
    terms = _terms("The officer called the situation ‘unprecedented’ and relentless.")
    by_text = {t.text: t for t in terms}
    assert by_text["unprecedented"].quoted is True
    assert by_text["relentless"].quoted is False


def test_plain_reporting_is_not_loaded():
    assert _terms("The mayor said on Friday that three drones were destroyed, according to officials.") == ()


def test_nouns_and_names_are_not_taken_for_cues():
    # "claims of responsibility" is a noun, "Great Britain" a name.
    assert _found("No claims of responsibility have been made.") == {}
    assert _found("The ship sailed from Great Britain.") == {}
    assert "claims" in _found("He claims that the vote was delayed.")


def test_inflections_generalise_from_base_forms():
    assert _found("She conceded the point.")["conceded"] == rules.SAID_SYNONYM
    assert _found("They were savagely dispersed.")["savagely"] == rules.SENSATIONAL
    assert _found("The terrorists fled.")["terrorists"] == rules.LABEL


def test_terms_carry_sentence_rule_score_and_json():
    text = "The weather was mild. The relentless rain began."
    term = _terms(text)[0]
    assert term.sentence_id == "t-s2"
    assert text[term.start : term.end] == term.text == "relentless"
    assert term.rule == "sensational-negative" and term.score >= rules.REPORT_THRESHOLD
    assert set(term.to_json()) == {"start", "end", "text", "category", "score", "rule", "sentence_id", "quoted"}


def test_every_rule_is_named_and_in_a_known_category():
    names = [lexicon.name for lexicon in rules.LEXICONS]
    assert len(names) == len(set(names))
    assert all(lexicon.category in rules.CATEGORIES for lexicon in rules.LEXICONS)


def test_profile_counts_density_outside_quotes():
    text = "The relentless rain fell. He called it ‘unprecedented’."
    terms = _terms(text)
    profile = language_profile(terms, word_count(text))
    assert profile["terms"] == 2 and profile["quoted"] == 1 and profile["unquoted"] == 1
    assert profile["per_100_words"] == round(100 / word_count(text), 2)
    assert set(profile["by_category"]) == set(rules.CATEGORIES)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The senator admitted that he had met the lobbyist.", "admitted"),
        ("The band's legendary drummer died in 1980.", "legendary"),
        ("The so-called reform was passed in March.", "so-called"),
        ("The station is very loud at night.", "very"),
        ("The singer tragically died in 1977.", "tragically"),
    ],
)
def test_most_biased_word(sentence, word):
    span = most_biased_word(sentence)
    assert span is not None and sentence[span[0] : span[1]] == word


def test_most_biased_word_without_candidates():
    assert most_biased_word("") is None
    assert most_biased_word("The cat sat on the mat.") is None


def test_quoted_words_count_less_for_the_most_biased_word():
    sentence = "He called the plan ‘disastrous’ in a notorious speech."
    span = most_biased_word(sentence)
    assert sentence[span[0] : span[1]] == "notorious"


@given(st.text(max_size=300))
def test_detection_never_raises(text):
    terms = detect_loaded_language(text, segment_text(text, "h"))
    assert all(0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text for t in terms)
    span = most_biased_word(text)
    assert span is None or 0 <= span[0] < span[1] <= len(text)


# --- sentence roles on the default documents -----------------------------------------


@pytest.fixture(scope="module")
def records():
    return load_records()


def _roles(record):
    text = record.document.text
    terms = detect_loaded_language(text, record.segmentation)
    return {r.sentence_id.rsplit("-", 1)[1]: r for r in sentence_roles(text, record.segmentation, record.attributions, terms, record.times)}


def test_every_sentence_has_one_role(records):
    for record in records.values():
        roles = sentence_roles(record.document.text, record.segmentation, record.attributions, (), record.times)
        assert [r.sentence_id for r in roles] == [s.id for s in record.segmentation.sentences]
        assert all(r.role in ROLES and r.reason for r in roles)
        assert set(roles[0].to_json()) == {"sentence_id", "role", "reason"}


def test_roles_of_the_default_documents(records):
    first = _roles(records["corpus/000_1363d7abf5fa0263.txt"])
    second = _roles(records["corpus/003_266b0a360377c358.txt"])
    assert first["s1"].role == "attributed-claim"
    assert first["s8"].role == "own-assertion"  # "Of these, 34 were downed over the Belgorod region …"
    assert first["s19"].role == "framing"  # "… this high-stakes aerial duel …"
    assert second["s1"].role == "headline"
    assert second["s6"].role == "framing"  # "The timeline of events paints a harrowing picture."
    assert second["s20"].role == "framing"  # "… one thing is clear …"
    assert second["s15"].role == "attributed-claim"


def test_a_sentence_without_cue_or_content_is_context():
    text = "The weather was mild. Trees lined the road."
    segmentation = segment_text(text, "c")
    roles = sentence_roles(text, segmentation, (), (), ())
    assert [r.role for r in roles] == ["context", "context"]


# --- quality gates -----------------------------------------------------------------------


def test_gold_sizes(records):
    assert len(load_loaded_gold(records)) >= MIN_GOLD_TERMS
    assert len(load_biased_words()) >= MIN_BIASED_WORD_SENTENCES


@pytest.mark.parametrize("measure", sorted(LOADED_FLOORS))
def test_loaded_language_floors(records, measure):
    scores = evaluate_loaded(records)["all"]
    assert getattr(scores, measure) >= LOADED_FLOORS[measure]


def test_biased_word_accuracy_floor():
    accuracy, count, _ = evaluate_biased_words(load_biased_words())
    assert count >= MIN_BIASED_WORD_SENTENCES
    assert accuracy >= BIASED_WORD_ACCURACY_FLOOR


def test_biased_word_file_formats(tmp_path: Path):
    tsv = tmp_path / "words.tsv"
    tsv.write_text("The legendary coach retired.\tlegendary\nThe cat sat.\tcat\n", encoding="utf-8")
    accuracy, count, misses = evaluate_biased_words(load_biased_words(tsv))
    assert (accuracy, count, len(misses)) == (0.5, 2, 1)
