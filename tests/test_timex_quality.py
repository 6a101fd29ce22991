"""Quality gate for the time-expression extractor on MEANTIME (TempEval-3 measures).

MEANTIME corpus (English), CC BY 4.0, © 2015 Fondazione Bruno Kessler, VU University
Amsterdam, Universidad del País Vasco (NewsReader project).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcebound.evaluation.meantime import Scores, evaluate, load_corpus, run_document
from sourcebound.timex import precision_rank, value_precision

MEANTIME = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime"

# Floors only rise: set each just below the measured score (rounded down to 0.01)
# and raise them when the extractor improves; never lower one to make a change pass.
STRICT_P = 0.92
STRICT_R = 0.91
STRICT_F1 = 0.92
RELAXED_P = 0.96
RELAXED_R = 0.95
RELAXED_F1 = 0.95
TYPE_ACCURACY = 0.95
VALUE_ACCURACY = 0.92
VALUE_P = 0.89
VALUE_R = 0.88
VALUE_F1 = 0.88


@pytest.fixture(scope="module")
def scores() -> Scores:
    assert MEANTIME.is_dir(), (
        f"MEANTIME data missing at {MEANTIME}: the quality gate needs ../shared/data/meantime beside the repository"
    )
    return evaluate(MEANTIME)


def test_corpus_is_complete(scores: Scores) -> None:
    assert scores.documents >= 60
    assert scores.counts.gold >= 200
    assert set(scores.per_corpus) == {"corpus_airbus", "corpus_apple"}


@pytest.mark.parametrize(
    ("measure", "floor"),
    [
        ("strict_p", STRICT_P),
        ("strict_r", STRICT_R),
        ("strict_f1", STRICT_F1),
        ("relaxed_p", RELAXED_P),
        ("relaxed_r", RELAXED_R),
        ("relaxed_f1", RELAXED_F1),
        ("type_accuracy", TYPE_ACCURACY),
        ("value_accuracy", VALUE_ACCURACY),
        ("value_p", VALUE_P),
        ("value_r", VALUE_R),
        ("value_f1", VALUE_F1),
    ],
)
def test_floor(scores: Scores, measure: str, floor: float) -> None:
    assert getattr(scores, measure) >= floor, f"{measure} {getattr(scores, measure):.4f} fell below its floor {floor}"


def test_no_value_claims_more_than_its_precision() -> None:
    assert MEANTIME.is_dir(), f"MEANTIME data missing at {MEANTIME}"
    for doc in load_corpus(MEANTIME):
        for expr in run_document(doc):
            assert precision_rank(value_precision(expr.value)) <= precision_rank(expr.precision), (
                f"{doc.name}: {expr.text!r} value {expr.value} is finer than precision {expr.precision}"
            )
