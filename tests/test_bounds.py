"""The bounds check: each failure mode caught on deliberately broken lines; every
composed and gold summary line of the default documents passes."""

from __future__ import annotations

import pytest

from sourcebound.bounds import REASONS, BoundsViolation, check_line, check_lines, format_violation
from sourcebound.evaluation.language import load_records, load_summary_gold
from sourcebound.summary import lines_for_check, summarize
from sourcebound.timex import extract_times

MINISTRY = (
    "The Ministry of Defense of Russia provided a stark update on the evening of October 31st, revealing that "
    "Russian air defense forces had destroyed 38 Ukrainian drone aircraft across three regions."
)
BELGOROD = "Of these, 34 were downed over the Belgorod region, with two each over Voronezh and Crimea."
TONIGHT = "Officials said a fourth drone was shot down over Moscow tonight."


def reasons(text: str, cited=(MINISTRY,), **kwargs) -> list[str]:
    return [v.reason for v in check_line(text, list(cited), line_id="l1", **kwargs)]


def test_a_faithful_line_passes():
    line = (
        "The Ministry of Defense of Russia said on the evening of October 31st that Russian air defense forces "
        "had destroyed 38 Ukrainian drone aircraft across three regions."
    )
    assert check_line(line, [MINISTRY], line_id="l1") == []
    assert check_line("The document states that 34 were downed over the Belgorod region.", [BELGOROD], line_id="l2") == []


def test_no_citation():
    assert reasons("The ministry said that drones were destroyed.", cited=()) == ["no-citation"]
    assert reasons("The ministry said that drones were destroyed.", cited=["  "]) == ["no-citation"]


@pytest.mark.parametrize(
    ("line", "detail"),
    [
        ("The ministry said that 40 drones were destroyed across three regions.", "40"),
        ("The ministry said that forty drones were destroyed.", "forty"),
        ("The ministry said that drones were destroyed across four regions.", "four"),
        ("The ministry said that 38 drones were destroyed, 1,200 in all.", "1,200"),
    ],
)
def test_a_number_not_in_the_source(line, detail):
    violations = check_line(line, [MINISTRY], line_id="l1")
    assert [v.reason for v in violations] == ["unsupported-number"]
    assert detail in violations[0].detail


def test_numbers_match_by_value():
    assert reasons("The document states that two drones each were downed over Voronezh and Crimea.", cited=[BELGOROD]) == []
    assert reasons("The document states that 2 were downed over Voronezh.", cited=[BELGOROD]) == []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The ministry said that drones were destroyed over Kursk.", "Kursk"),
        ("Putin said that drones were destroyed.", "Putin"),
        ("The Ministry of Defense of Ukraine said that drones were destroyed.", "Ukraine"),
    ],
)
def test_a_name_or_place_not_in_the_source(line, name):
    violations = check_line(line, [MINISTRY], line_id="l1")
    assert [v.reason for v in violations] == ["unsupported-name"]
    assert name in violations[0].detail


def test_sentence_initial_words_compare_without_case():
    assert reasons("Officials said a fourth drone was shot down over Moscow tonight.", cited=[TONIGHT.replace("Officials", "The officials")]) == []


def test_a_date_not_in_the_source():
    assert reasons("The ministry said on November 2nd that drones were destroyed.") == ["unsupported-date"]


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said on 31 October 2024 that drones were destroyed.",  # a year the source does not state
        "The ministry said at 19:00 on October 31st that drones were destroyed.",  # a clock time for "evening"
    ],
)
def test_a_time_more_precise_than_the_source(line):
    assert reasons(line) == ["excess-precision"]


def test_tonight_stays_a_night_without_a_date():
    assert reasons("Officials said a fourth drone was shot down over Moscow on 31 October.", cited=[TONIGHT]) == ["excess-precision"]
    assert reasons("Officials said a fourth drone was shot down over Moscow tonight.", cited=[TONIGHT]) == []


def test_cited_times_from_the_pipeline_are_used():
    line = "The ministry said on the evening of October 31st that drones were destroyed."
    times = extract_times(MINISTRY)
    assert check_line(line, [MINISTRY], line_id="l1", cited_times=times) == []


def test_less_precision_than_the_source_passes():
    assert reasons("The ministry said on October 31st that drones were destroyed.") == []


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("The ministry revealed that drones were destroyed.", "revealed"),
        ("The ministry admitted that drones were destroyed.", "admitted"),
        ("The ministry gave a stark update.", "stark"),
        ("The ministry, some say, destroyed drones.", "some say"),
    ],
)
def test_a_loaded_term_outside_quotation_marks(line, term):
    violations = check_line(line, [MINISTRY], line_id="l1")
    assert [v.reason for v in violations] == ["loaded-term"]
    assert term in violations[0].detail


def test_loaded_words_inside_quotation_marks_are_the_sources():
    assert reasons("The ministry provided “a stark update”.") == []


def test_a_quotation_not_in_the_source():
    assert reasons("The ministry provided “a grim update”.") == ["unsupported-quote"]


def test_several_violations_are_all_reported_in_a_fixed_order():
    found = check_line("Putin revealed on 2 November that 40 drones fell.", [MINISTRY], line_id="l9")
    assert [v.reason for v in found] == ["unsupported-number", "unsupported-name", "unsupported-date", "loaded-term"]
    assert all(v.line_id == "l9" for v in found)
    assert format_violation(found[0]).startswith("l9: unsupported-number: ")
    assert set(found[0].to_json()) == {"line_id", "reason", "detail"}


def test_check_lines_collects_every_line():
    found = check_lines([("a", "Putin said so.", [MINISTRY]), ("b", "The ministry said so.", [MINISTRY]), ("c", "x", [])])
    assert [(v.line_id, v.reason) for v in found] == [("a", "unsupported-name"), ("c", "no-citation")]
    assert all(v.reason in REASONS for v in found)
    assert isinstance(found[0], BoundsViolation)


# --- whole summaries -------------------------------------------------------------------


@pytest.fixture(scope="module")
def records():
    return load_records()


@pytest.mark.parametrize("max_lines", [6, 40])
def test_every_composed_summary_line_passes(records, max_lines):
    for record in records.values():
        lines = summarize(record, max_lines=max_lines)
        assert lines
        assert check_lines(lines_for_check(record, lines)) == []


def test_every_gold_summary_line_passes(records):
    for path, lines in load_summary_gold().items():
        record = records[path]
        sentences = record.segmentation.sentences
        for n, line in enumerate(lines, 1):
            cited = [record.sentence_text(sentences[i - 1]) for i in line["cites"]]
            assert check_line(line["text"], cited, line_id=f"{path}:{n}") == []


def test_a_summary_line_against_the_wrong_sentence_fails(records):
    record = records["corpus/000_1363d7abf5fa0263.txt"]
    first = summarize(record)[0]
    unrelated = record.sentence_text(record.segmentation.sentences[-1])
    assert check_line(first.text, [unrelated], line_id=first.id)
