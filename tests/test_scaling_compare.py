"""The comparison across documents grows linearly with the corpus: on a
corpus that repeats the same statements (so that one claim cluster holds a
share of all documents), the work counted at n and at 4n documents grows about
fourfold, never sixteenfold, and so does what is published."""

from __future__ import annotations

import json
import random

import pytest

from sourcebound.compare import CONTRADICTION_GROUP, MARKS_PER_CLAIM, WINDOW, compare
from sourcebound.entities import merge_entities
from sourcebound.ingest import document_from_text
from sourcebound.pipeline import process_document

NAMES = ["Ivan Petrov", "Sergei Sobyanin", "Anna Volkova", "Oleg Markov", "Yuri Zorin", "Vera Lanskaya"]
PLACES = ["Belgorod", "Kursk", "Bryansk", "Voronezh", "Tula", "Kaluga", "Oryol", "Lipetsk"]
STATEMENTS = [
    "{name} said {n} drones were destroyed over the {place} region.",
    "{name} said the drones were launched from Ukraine.",
    "{name} said the drones were not launched from Ukraine.",
    "The Ministry of Defense dismissed {surname}'s claims as rumors.",
    "{name} said air defenses intercepted {n} drones approaching Moscow.",
    "{name} wrote on Telegram that debris damaged {n} houses in {place}.",
    "Officials said power was restored in {place} after the attack.",
]


def _records(count: int, seed: int = 11) -> list:
    records = []
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        lines = []
        for template in rng.sample(STATEMENTS, 4):
            name = rng.choice(NAMES)
            lines.append(template.format(name=name, surname=name.split()[-1], n=rng.choice((5, 8, 10, 12, 30)), place=rng.choice(PLACES)))
        records.append(process_document(document_from_text("\n".join(lines) + "\n", f"d{index:05d}")))
    return records


def _measure(records: list) -> dict[str, int]:
    entities = merge_entities({r.id: r.attributions for r in records})
    result = compare(records, entities, {r.id: r.quantities for r in records})
    work = dict(result.work)
    work["marks"] = sum(len(m) for m in result.marks.values())
    work["difference members"] = sum(len(d.members) for d in result.differences)
    work["published characters"] = len(json.dumps(result.to_json()))
    work["largest cluster"] = max(len(c.members) for c in result.clusters)
    work["largest contradiction"] = max((len(d.members) for d in result.differences if d.kind == "contradiction"), default=0)
    return work


@pytest.fixture(scope="module")
def growth() -> tuple[dict[str, int], dict[str, int]]:
    records = _records(400)
    return _measure(records[:100]), _measure(records)


def test_the_corpus_repeats_its_statements(growth) -> None:
    small, large = growth
    # the same statement in a share of all documents: clusters grow with the corpus
    assert large["largest cluster"] >= 3 * small["largest cluster"] >= 60, (small, large)
    assert large["forms"] < large["claims"] / 3


@pytest.mark.parametrize("count", ["pairs", "marks", "difference members", "published characters"])
def test_work_and_output_grow_linearly(growth, count: str) -> None:
    small, large = growth
    assert small[count] > 0, (count, small)
    # four times the documents: about four times the work; all pairs would be sixteen times
    assert large[count] <= 5 * max(small[count], 1), (count, small[count], large[count])


def test_bounded_per_claim(growth) -> None:
    _, large = growth
    # short documents built from the same few sentences look alike: still at
    # most WINDOW exact comparisons per document
    assert 0 < large["duplicate_checks"] <= WINDOW * 400
    assert large["marks"] <= (MARKS_PER_CLAIM + MARKS_PER_CLAIM) * large["claims"]
    assert large["largest contradiction"] <= CONTRADICTION_GROUP
