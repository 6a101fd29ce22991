"""Comparison across documents: clusters, differences, duplicates and marks
against hand-built gold, the figures rule (never summed across documents) and
near-linear growth of the comparisons."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from sourcebound.compare import compare, near_duplicates
from sourcebound.ingest import document_from_text
from sourcebound.pipeline import corpus_index, process_document
from sourcebound.quantities import extract_quantities

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "compare"


def build(texts: dict[str, str]):
    records = [process_document(document_from_text(text, doc_id)) for doc_id, text in sorted(texts.items())]
    ledger = corpus_index(records, [])
    quantities = {r.id: extract_quantities(r.document.text, r.segmentation, r.attributions, r.times, doc_id=r.id) for r in records}
    return records, ledger.entities, quantities


@pytest.fixture(scope="module")
def default():
    gold = yaml.safe_load((GOLD / "default.yaml").read_text(encoding="utf-8"))
    texts = {Path(p).stem[:3]: (ROOT / p).read_text(encoding="utf-8") for p in gold["documents"]}
    records, entities, quantities = build(texts)
    return gold, records, compare(records, entities, quantities)


def resolve(records, member) -> tuple[str, str]:
    record = next(r for r in records if r.id == member["doc"])
    sentence_id = f"{record.id}-s{member['sentence']}"
    found = [a for a in record.attributions if a.sentence_id == sentence_id and a.source.name == member["source"]]
    assert found, f"gold member {member} not found"
    return record.id, found[0].id


def sentences(records, items) -> frozenset[tuple[str, str]]:
    return frozenset((i["doc"], f"{i['doc']}-s{i['sentence']}") for i in items)


def agreement(gold, records, result):
    """(matched, gold, found) for multi-member clusters and for differences."""
    gold_clusters = {frozenset(resolve(records, m) for m in cluster) for cluster in gold.get("clusters") or []}
    found_clusters = {frozenset(c.members) for c in result.clusters if len(c.members) > 1}
    gold_diffs = {(d["kind"], sentences(records, d["sentences"])) for d in gold.get("differences") or []}
    found_diffs = {(d.kind, frozenset((m[0], m[1]) for m in d.members)) for d in result.differences}
    return (
        (len(gold_clusters & found_clusters), len(gold_clusters), len(found_clusters)),
        (len(gold_diffs & found_diffs), len(gold_diffs), len(found_diffs)),
    )


def test_default_documents_match_gold(default) -> None:
    gold, records, result = default
    clusters, diffs = agreement(gold, records, result)
    assert clusters == (2, 2, 2)
    assert diffs == (5, 5, 5)


def test_default_clusters_explain_themselves(default) -> None:
    _, _, result = default
    sobyanin = next(c for c in result.clusters if ("000", "000-a1") in c.members)
    assert sobyanin.single_source and sobyanin.documents == ("000", "003")
    assert any(f.startswith("same source: Sergei Sobyanin") for f in sobyanin.features)
    assert any("bring-down" in f and "drone" in f for f in sobyanin.features)
    singles = [c for c in result.clusters if len(c.members) == 1]
    assert singles and all(c.single_source and c.features == ("no matching claim in another document",) for c in singles)
    members = [m for c in result.clusters for m in c.members]
    assert len(members) == len(set(members))  # every claim in exactly one cluster


def test_total_beside_parts_adds_up_in_default_document(default) -> None:
    _, _, result = default
    check = next(d for d in result.differences if d.kind == "count-sum")
    assert check.details["total"]["value"] == 38
    assert [(p["text"], p["value"], p["times"]) for p in check.details["parts"]] == [("34", 34, 1), ("two each", 2, 2)]
    assert check.details["sum_of_parts"] == 38 and check.details["adds_up"] is True
    assert check.details["places_listed"] == ["Belgorod", "Voronezh", "Crimea"]
    assert check.details["places_stated"]["value"] == 3 and check.details["places_match"] is True
    assert check.summary == "Total “38 Ukrainian drone aircraft” beside parts “34”, “two each”: the parts add up to 38"


def test_total_beside_parts_that_do_not_add_up() -> None:
    records, entities, quantities = build(
        {"x": "The ministry said 40 drones were destroyed across three regions.\nOf these, 20 were downed over the Bryansk region, with five each over Kaluga and Tula.\n"}
    )
    check = next(d for d in compare(records, entities, quantities).differences if d.kind == "count-sum")
    assert (check.details["sum_of_parts"], check.details["adds_up"]) == (30, False)
    assert check.summary.endswith("the parts do not add up to 40")
    assert "30" not in check.summary  # a figure no sentence gives is never written into the summary


def test_channels_names_and_times_in_default(default) -> None:
    _, _, result = default
    by_kind = {d.kind: d for d in result.differences}
    assert [c["kind"] for c in by_kind["channel"].details["channels"]] == ["max", "telegram"]
    assert [v["name"] for v in by_kind["name-variant"].details["variants"]] == ["Sergei Sobyanin", "Sergey Sobyanin"]
    assert [t["text"] for t in by_kind["time"].details["times"]] == ["tonight", "13:02 Moscow time"]
    contradiction = by_kind["contradiction"]
    rules = {link["rule"] for link in contradiction.details["links"]}
    assert "stated origin negated by another source" in rules and "dismiss naming the source" in rules


def test_summaries_use_only_cited_words_and_site_vocabulary(default) -> None:
    _, records, result = default
    import re

    vocabulary = set("Name spelled differently channel differs Times differ Total beside parts the add up to do not Accounts contradict each other Figures differ correction in".lower().split())
    texts = {r.id: r.document.text for r in records}
    for difference in result.differences:
        cited = " ".join(texts[doc][next(s for s in r.segmentation.sentences if s.id == sid).start : next(s for s in r.segmentation.sentences if s.id == sid).end] for doc, sid, _ in difference.members for r in records if r.id == doc).lower()
        source_names = {w.lower() for r in records for a in r.attributions for w in a.source.name.split()}
        for word in re.findall(r"[\w’'-]+", difference.summary.lower()):
            assert word in vocabulary or word in cited or word in source_names, (difference.kind, word)


def test_marks_in_default(default) -> None:
    _, _, result = default
    marks = result.marks
    assert {m.other for m in marks[("000", "000-a1")] if m.kind == "corroborated"} == {("003", "003-a1"), ("003", "003-a4")}
    # a negated claim corroborates no positive one, even inside a cluster
    assert not any(m.kind == "corroborated" for m in marks.get(("003", "003-a11"), ()))
    assert {m.other for m in marks[("003", "003-a11")] if m.kind == "contradicted"} >= {("003", "003-a5"), ("003", "003-a14")}
    assert ("000", "000-a8") not in marks  # a claim no other account touches carries no mark


CASES = yaml.safe_load((GOLD / "cases.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_multi_document_cases_match_gold(case) -> None:
    assert len(case["documents"]) >= 3
    records, entities, quantities = build(case["documents"])
    result = compare(records, entities, quantities)
    clusters, diffs = agreement(case, records, result)
    assert clusters[0] == clusters[1] == clusters[2], clusters
    assert diffs[0] == diffs[1] == diffs[2], (diffs, [d.summary for d in result.differences])
    for expected in case["differences"]:
        found = next(d for d in result.differences if d.kind == expected["kind"] and frozenset((m[0], m[1]) for m in d.members) == sentences(records, expected["sentences"]))
        if "lowest" in expected:
            assert found.details["lowest"]["value"] == expected["lowest"]
            assert found.details["highest"]["value"] == expected["highest"]
        if "correction" in expected:
            assert {c["document"] for c in found.details["corrections"]} == {expected["correction"]}
        if "adds_up" in expected:
            assert (found.details["adds_up"], found.details["sum_of_parts"]) == (expected["adds_up"], expected["sum_of_parts"])
    assert [(g.kept, list(g.others)) for g in result.duplicates] == [(d["kept"], d["others"]) for d in case["duplicates"]]


def test_duplicate_is_shown_once_with_both_sources() -> None:
    case = next(c for c in CASES if c["name"] == "duplicate republished under another title")
    records, entities, quantities = build(case["documents"])
    result = compare(records, entities, quantities)
    (group,) = result.duplicates
    assert group.documents == ("a", "b") and "titles differ" in group.features
    assert dict(group.titles) == {"a": "Drones Downed Near Capital", "b": "Air Defenses Repel Attack On Moscow"}
    members = [m for c in result.clusters for m in c.members]
    assert not any(doc == "b" for doc, _ in members)  # the copy is not a second report
    cluster = next(c for c in result.clusters if ("a", "a-a1") in c.members)
    assert cluster.also_in == ("b",)
    assert not any(m.other[0] == "b" for marks in result.marks.values() for m in marks)


def test_distinct_documents_are_not_duplicates(default) -> None:
    _, records, _ = default
    assert near_duplicates(records) == ()


def test_figures_are_never_summed_across_sources_or_documents() -> None:
    case = next(c for c in CASES if c["name"] == "conflicting counts and channels across three documents")
    records, entities, quantities = build(case["documents"])
    result = compare(records, entities, quantities)
    count = next(d for d in result.differences if d.kind == "count")
    values = [f["value"] for f in count.details["figures"]]
    assert sorted(values) == [8, 10, 12]
    assert count.details["summed"] is False
    assert "total" not in count.details and "sum_of_parts" not in count.details
    assert [(f["value"], f["precision"], f["reported_by"], f["document"]) for f in count.details["figures"]] == [
        (10, "exact", "Sergei Sobyanin", "a"),
        (12, "bound", "Sergei Sobyanin", "b"),
        (8, "exact", "Sergei Sobyanin", "c"),
    ]
    for difference in result.differences:
        if difference.kind == "count-sum":
            assert len({m[0] for m in difference.members}) == 1  # a total is checked inside one document only
        text = str(difference.to_json())
        assert "30" not in text or difference.kind == "count-sum"  # 10 + 12 + 8 is never written
        assert "'value': 30" not in text


def test_deterministic_and_serialisable(default) -> None:
    gold, records, result = default
    again = compare(list(reversed(records)), corpus_index(records, []).entities, {r.id: extract_quantities(r.document.text, r.segmentation, r.attributions, r.times, doc_id=r.id) for r in records})
    assert again.to_json() == result.to_json()
    import json

    json.dumps(result.to_json())


WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango".split()
PLACES = [f"{a.title()}{b}" for a in WORDS for b in ("grad", "sk", "ovo", "ino", "burg")]
NAMES = [f"{a.title()} {b.title()}ov" for a in WORDS[:10] for b in WORDS[10:]]


def synthetic(n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        lines = []
        for _ in range(3):
            name, place, other = rng.choice(NAMES), rng.choice(PLACES), rng.choice(PLACES)
            lines.append(f"{name} said {rng.randint(2, 90)} drones were destroyed over {place} near {other} on Monday.")
        records.append(process_document(document_from_text("\n".join(lines) + "\n", f"doc{i:05d}")))
    return records


def test_comparisons_grow_near_linearly() -> None:
    counts = {}
    for n in (100, 1000):
        records = synthetic(n)
        entities = corpus_index(records, []).entities
        counts[n] = compare(records, entities, {}).comparisons
    assert counts[100] > 0
    growth = counts[1000] / counts[100]
    assert growth < 15, counts  # all pairs would grow a hundredfold


def test_a_source_name_with_a_loaded_word_is_quoted_in_compare_lines() -> None:
    from sourcebound.compare import _source_words

    assert _source_words("Sergei Sobyanin", "person") == "Sergei Sobyanin"
    assert _source_words("Urgent: Russian Defense Systems", "organisation") == "“Urgent: Russian Defense Systems”"
    assert _source_words("officials", "group") == "“officials”"


def test_word_hashes_match_the_word_pattern_with_or_without_non_ascii_letters() -> None:
    """Texts without non-ASCII letters are split in C; the words, and so the
    shingles, are those of the ``\\w+`` pattern either way."""
    import re
    import zlib

    from sourcebound.compare import _word_hashes

    texts = [
        "plain ascii, with_under-scores and 12 digits",
        "“quoted” — dashes… and ’apostrophes’",
        "café naïve Zürich",
        "\u212a kelvin, ﬁne ligature, ½ and ² and ٣",
        "a\udc80b lone surrogate",
        "",
    ]
    for text in texts:
        expected = [zlib.crc32(w.encode(errors="surrogatepass")) for w in re.findall(r"\w+", text)]
        assert _word_hashes(text, {}) == expected, text


def test_identifier_numbers_match_the_tail_pattern() -> None:
    import re

    from sourcebound.compare import _number

    for identifier in ["doc-00000-s1", "doc-1-a123", "x", "", "12", "a٣", "a٣12", "a12٣", "a¹2", "007", "q1²"]:
        tail = re.search(r"(\d+)$", identifier)
        assert _number(identifier) == (int(tail.group(1)) if tail else 0), identifier


def test_strongest_pairs_are_each_items_best_partners() -> None:
    """One sorted walk gives, for every item, its ``limit`` partners sharing
    the most (ties by the other item), as a search per item would."""
    from sourcebound.compare import _strongest_pairs

    rng = random.Random(7)
    for _ in range(50):
        count = rng.randint(2, 12)
        shared = {a * count + b: rng.randint(1, 4) for a in range(count) for b in range(a + 1, count) if rng.random() < 0.6}
        apart = [rng.choice([None, "d1", "d2"]) for _ in range(count)]
        limit, minimum = rng.randint(1, 4), rng.randint(1, 2)
        allowed = {divmod(k, count): t for k, t in shared.items() if t >= minimum}
        allowed = {(a, b): t for (a, b), t in allowed.items() if apart[a] is None or apart[a] != apart[b]}
        expected = set()
        for item in range(count):
            partners = sorted((-t, b if a == item else a) for (a, b), t in allowed.items() if item in (a, b))
            expected |= {(min(item, other), max(item, other)) for _, other in partners[:limit]}
        assert _strongest_pairs(shared, count, limit, minimum=minimum, apart=apart) == expected
