"""The bounds check runs on every composed line; a line that goes beyond its
sources fails `sourcebound check` and the build, naming the line and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcebound import pipeline
from sourcebound.check import check_record, composed_lines
from sourcebound.cli import cli
from sourcebound.summary import SummaryLine

from .conftest import CORPUS, make_site_project


def test_the_default_corpus_is_within_bounds() -> None:
    result = CliRunner().invoke(cli, ["check", "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert "0 violation(s)" in result.output
    ledger = pipeline.build_ledger(CORPUS)
    lines = [line for record in ledger.records for line in composed_lines(record)]
    assert any(line.id.startswith("timeline:") for line in lines)
    assert all(line.cites for line in lines)


BROKEN = [
    ("no-citation", SummaryLine("x-l1", "The mayor said a drone was destroyed.", (), "attributed", None, None)),
    ("unsupported-number", SummaryLine("x-l1", "The mayor said 12 drones were destroyed.", ("{s1}",), "attributed", None, None)),
    ("unsupported-name", SummaryLine("x-l1", "Mayor Ivan Petrov said a drone was destroyed.", ("{s1}",), "attributed", None, None)),
    ("loaded-term", SummaryLine("x-l1", "The mayor admitted a shocking drone was destroyed.", ("{s1}",), "attributed", None, None)),
    ("excess-precision", SummaryLine("x-l1", "The mayor said a drone was destroyed at 21:15 on 3 May 2024.", ("{s1}",), "attributed", None, None)),
]


@pytest.mark.parametrize(("reason", "line"), BROKEN, ids=[reason for reason, _ in BROKEN])
def test_each_failure_mode_is_caught(monkeypatch: pytest.MonkeyPatch, reason: str, line: SummaryLine, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text("The mayor said on Friday evening that a drone was destroyed.\n", "utf-8")
    cites = tuple(c.format(s1="report-s1") for c in line.cites)
    monkeypatch.setattr(pipeline, "summarize", lambda record: (SummaryLine(line.id.replace("x", "report"), line.text, cites, line.kind, None, None),))
    record = pipeline.build_ledger(corpus).records[0]
    reasons = {v.reason for v in check_record(record)}
    assert reason in reasons or (reason == "excess-precision" and reasons & {"excess-precision", "unsupported-date"}), reasons
    result = CliRunner().invoke(cli, ["check", "--corpus", str(corpus)])
    assert result.exit_code == 1
    assert "report-l1" in result.output


def test_a_violation_fails_the_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    project = make_site_project(tmp_path)
    monkeypatch.setattr(
        pipeline,
        "summarize",
        lambda record: (SummaryLine(f"{record.id}-l1", "Officials said 999 drones were destroyed.", (record.segmentation.sentences[0].id,), "attributed", None, None),),
    )
    result = CliRunner().invoke(cli, ["build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"), "--no-cache", "--workers", "1"])
    assert result.exit_code == 1
    assert "bounds check" in result.output and "unsupported-number" in result.output and "-l1" in result.output
    assert not (project / "site" / "index.html").exists()


NEWS_SENTENCES = [
    "Officials said on Friday that 12 people were injured.",
    "The minister told reporters on March 3, 2024 that talks would resume next week.",
    "According to police, the fire started at 3:15 p.m. local time.",
    "He said the company had lost $4 million last year.",
    "The agency confirmed on Tuesday evening that three drones were shot down.",
    "A spokesman for the Health Ministry said 1,200 cases were recorded between January and June.",
    "“We are ready,” the general said yesterday.",
    "The UN said at least 45 civilians were killed in the past 24 hours.",
    "Police said the suspect, 34, was arrested at 7:30 on Sunday morning.",
    "The company said third-quarter profit rose in the summer of 2023.",
    "Officials said the program, launched in the 1990s, ended last month.",
    "Witnesses said the shelling began shortly after midnight and lasted two hours.",
    "The talks, held at noon on Monday, ended without agreement, a diplomat said.",
    "The governor said the curfew runs from 10 p.m. to 6 a.m. every night until further notice.",
    "The strike, which began on 2 February, has lasted three weeks, unions said.",
]


@pytest.mark.parametrize("dct", [None, "2025-11-01"])
def test_composed_lines_stay_within_bounds_on_varied_news(dct: str | None) -> None:
    """Clock readings written as words ("10 p.m.", "midnight"), weeks, quarters and
    decades are shown as the text gives them, so the timeline adds no figure."""
    import random

    from sourcebound.ingest import document_from_text

    rng = random.Random(3)
    for n in range(30):
        text = " ".join(rng.sample(NEWS_SENTENCES, rng.randint(2, 6)))
        record = pipeline.process_document(document_from_text(text, f"doc{n}"), dct)
        assert record.bounds == (), (text, record.bounds)


def test_compare_lines_are_checked_too() -> None:
    from sourcebound.check import check_comparison, comparison_lines

    ledger = pipeline.build_ledger(CORPUS)
    lines = comparison_lines(ledger)
    assert lines and all(line.id.startswith("compare:") and line.cites for line in lines)
    assert check_comparison(ledger) == []


def test_cited_times_are_the_cited_sentences_times_in_record_order() -> None:
    """The times a line's check receives, looked up by sentence, are those of a
    plain filter of every expression, in the same order."""
    from sourcebound.check import _cited_times, _times_by_sentence

    ledger = pipeline.build_ledger(CORPUS)
    checked = 0
    for record in ledger.records:
        times_in = _times_by_sentence(record)
        ids = [s.id for s in record.segmentation.sentences]
        cite_sets = [line.cites for line in composed_lines(record)]
        cite_sets += [tuple(reversed(ids[: k + 1])) for k in range(len(ids))]  # several, out of order
        cite_sets += [(ids[-1], ids[0], ids[-1]), ("no-such-sentence",), ()]
        for cites in cite_sets:
            assert _cited_times(record, times_in, cites) == [t for t in record.times if t.sentence_id in cites]
            checked += 1
    assert checked
