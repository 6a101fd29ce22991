"""Quality gate: precision/recall floors for attribution extraction on the gold.

The gold (``tests/gold/attribution/``) holds the two default documents and short
passages written for these tests; each group is gated on its own so that a gain
on one cannot hide a loss on the other. ``python -m sourcebound.evaluation.attribution``
prints the full tables.
"""

from __future__ import annotations

import pytest

from sourcebound.evaluation.attribution import evaluate, load_gold

# Floors only rise: set just below the measured score, rounded down to 0.01.
# (group, role) -> (precision floor, recall floor)
FLOORS: dict[tuple[str, str], tuple[float, float]] = {
    ("default", "cue"): (0.99, 0.94),
    ("default", "source"): (0.99, 0.94),
    ("default", "content-overlap"): (0.92, 0.90),
    ("passages", "cue"): (0.94, 0.94),
    ("passages", "source"): (0.89, 0.89),
    ("passages", "content-overlap"): (0.90, 0.82),
}

#: Gold sizes: the gold may grow, never shrink unnoticed.
MIN_PASSAGES = 15
MIN_GOLD_ATTRIBUTIONS = {"default": 35, "passages": 39}


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def scores(gold):
    return evaluate(gold)


def test_gold_size(gold, scores) -> None:
    assert sum(1 for d in gold if d.group == "passages") >= MIN_PASSAGES
    for group, minimum in MIN_GOLD_ATTRIBUTIONS.items():
        assert scores[group].roles["cue"].gold >= minimum


@pytest.mark.parametrize(("group", "role"), sorted(FLOORS))
def test_floor(scores, group: str, role: str) -> None:
    counts = scores[group].roles[role]
    precision_floor, recall_floor = FLOORS[(group, role)]
    assert counts.precision >= precision_floor, f"{group} {role} precision {counts.precision:.3f} < {precision_floor}"
    assert counts.recall >= recall_floor, f"{group} {role} recall {counts.recall:.3f} < {recall_floor}"
