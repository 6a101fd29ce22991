"""Score loaded-language detection, the most-biased-word picker and summaries.

Gold lives in ``tests/gold/language/``:

- ``loaded.yaml``: every loaded term of the default documents, by sentence;
  scored as precision and recall of predicted terms, **exact** (same span) and
  **overlap** (spans share a character), and the share of overlapping pairs
  whose category agrees;
- ``biased_words.yaml``: sentences with one biased word each, in the format of
  the word-level NPOV task (``(sentence, biased word)``); scored as the accuracy
  of :func:`sourcebound.language.most_biased_word` (the word picked is the
  biased word);
- ``summaries.yaml``: neutral summaries written by hand; scored as the share
  of gold lines whose cited sentences the composed summary also cites.

``python -m sourcebound.evaluation.language`` prints the tables; with
``--biased-words FILE`` it scores another file of the same format (YAML or
TSV ``sentence<TAB>word``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..ingest import document_from_text
from ..language import LoadedTerm, detect_loaded_language, most_biased_word
from ..model import DocumentRecord
from ..pipeline import process_document
from ..summary import summarize

ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = ROOT / "tests" / "gold" / "language"


@dataclass(frozen=True)
class GoldTerm:
    document: str
    start: int
    end: int
    text: str
    category: str
    quoted: bool


@dataclass(frozen=True)
class SpanScores:
    predicted: int
    gold: int
    exact_precision: float
    exact_recall: float
    overlap_precision: float
    overlap_recall: float
    category_agreement: float

    @property
    def overlap_f1(self) -> float:
        p, r = self.overlap_precision, self.overlap_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def load_records() -> dict[str, DocumentRecord]:
    """The default documents run through the pipeline, by their gold path."""
    gold = yaml.safe_load((GOLD_DIR / "loaded.yaml").read_text(encoding="utf-8"))
    records = {}
    for entry in gold["documents"]:
        path = ROOT / entry["path"]
        records[entry["path"]] = process_document(document_from_text(path.read_text(encoding="utf-8"), path.stem))
    return records


def load_loaded_gold(records: dict[str, DocumentRecord]) -> list[GoldTerm]:
    gold = yaml.safe_load((GOLD_DIR / "loaded.yaml").read_text(encoding="utf-8"))
    terms: list[GoldTerm] = []
    for entry in gold["documents"]:
        record = records[entry["path"]]
        sentences = record.segmentation.sentences
        for term in entry["terms"]:
            sentence = sentences[term["sentence"] - 1]
            body = record.sentence_text(sentence)
            at = -1
            for _ in range(term.get("occurrence", 0) + 1):
                at = body.find(term["text"], at + 1)
            if at < 0:
                raise ValueError(f"{entry['path']}: sentence {term['sentence']}: {term['text']!r} not found")
            start = sentence.start + at
            terms.append(GoldTerm(entry["path"], start, start + len(term["text"]), term["text"], term["category"], bool(term.get("quoted", False))))
    return terms


def score_spans(predicted: Sequence[tuple[str, LoadedTerm]], gold: Sequence[GoldTerm]) -> SpanScores:
    """Precision and recall of ``(document, term)`` predictions against gold terms."""
    exact_pred = sum(any(g.document == d and g.start == t.start and g.end == t.end for g in gold) for d, t in predicted)
    exact_gold = sum(any(d == g.document and g.start == t.start and g.end == t.end for d, t in predicted) for g in gold)
    overlap_pred = sum(any(g.document == d and g.start < t.end and t.start < g.end for g in gold) for d, t in predicted)
    overlap_gold = 0
    agree = pairs = 0
    for g in gold:
        matches = [t for d, t in predicted if d == g.document and g.start < t.end and t.start < g.end]
        if matches:
            overlap_gold += 1
            pairs += 1
            agree += any(t.category == g.category for t in matches)
    return SpanScores(
        predicted=len(predicted),
        gold=len(gold),
        exact_precision=_ratio(exact_pred, len(predicted)),
        exact_recall=_ratio(exact_gold, len(gold)),
        overlap_precision=_ratio(overlap_pred, len(predicted)),
        overlap_recall=_ratio(overlap_gold, len(gold)),
        category_agreement=_ratio(agree, pairs),
    )


def evaluate_loaded(records: dict[str, DocumentRecord] | None = None) -> dict[str, SpanScores]:
    """Scores per document and over both (``all``)."""
    records = records or load_records()
    gold = load_loaded_gold(records)
    predicted = [(path, t) for path, r in records.items() for t in detect_loaded_language(r.document.text, r.segmentation)]
    out = {"all": score_spans(predicted, gold)}
    for path in records:
        out[Path(path).stem] = score_spans([p for p in predicted if p[0] == path], [g for g in gold if g.document == path])
    return out


# ---------------------------------------------------------------------------
# The biased-word task
# ---------------------------------------------------------------------------


def load_biased_words(path: Path | None = None) -> list[tuple[str, str]]:
    """``(sentence, biased word)`` pairs from YAML (``sentences: [{sentence, word}]``) or TSV."""
    path = path or GOLD_DIR / "biased_words.yaml"
    text = path.read_text(encoding="utf-8")
    if path.suffix in {".tsv", ".txt"}:
        pairs = []
        for line in text.splitlines():
            if line.strip() and "\t" in line:
                sentence, word = line.rsplit("\t", 1)
                pairs.append((sentence.strip(), word.strip()))
        return pairs
    return [(item["sentence"], item["word"]) for item in yaml.safe_load(text)["sentences"]]


def _word_at(sentence: str, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    return sentence[span[0] : span[1]]


def _same_word(picked: str | None, gold: str) -> bool:
    if picked is None:
        return False
    norm = lambda w: re.sub(r"[’']s$", "", w.strip(" .,;:!?\"'“”‘’").lower())  # noqa: E731
    return norm(picked) == norm(gold)


def evaluate_biased_words(pairs: Iterable[tuple[str, str]]) -> tuple[float, int, list[tuple[str, str, str | None]]]:
    """Accuracy of :func:`most_biased_word`, the number of sentences, and the misses."""
    pairs = list(pairs)
    misses = []
    hits = 0
    for sentence, word in pairs:
        picked = _word_at(sentence, most_biased_word(sentence))
        if _same_word(picked, word):
            hits += 1
        else:
            misses.append((sentence, word, picked))
    return _ratio(hits, len(pairs)), len(pairs), misses


# ---------------------------------------------------------------------------
# Summaries
# ---------------------------------------------------------------------------


def load_summary_gold() -> dict[str, list[dict]]:
    gold = yaml.safe_load((GOLD_DIR / "summaries.yaml").read_text(encoding="utf-8"))
    return {entry["path"]: entry["lines"] for entry in gold["documents"]}


def evaluate_summaries(records: dict[str, DocumentRecord] | None = None, *, max_lines: int = 6) -> dict[str, float]:
    """Per document: the share of gold lines at least one of whose sentences the summary cites."""
    records = records or load_records()
    out = {}
    for path, lines in load_summary_gold().items():
        record = records[path]
        ids = [s.id for s in record.segmentation.sentences]
        cited = {c for line in summarize(record, max_lines=max_lines) for c in line.cites}
        covered = sum(any(ids[n - 1] in cited for n in line["cites"]) for line in lines)
        out[Path(path).stem] = _ratio(covered, len(lines))
    return out


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--biased-words", type=Path, help="another (sentence, word) file to score")
    parser.add_argument("--misses", action="store_true", help="list the biased-word misses")
    args = parser.parse_args(argv)
    out = sys.stdout
    records = load_records()

    out.write("Loaded language (tests/gold/language/loaded.yaml)\n\n")
    out.write(f"{'document':<24}{'pred':>6}{'gold':>6}{'P exact':>9}{'R exact':>9}{'P overlap':>11}{'R overlap':>11}{'category':>10}\n")
    for name, s in evaluate_loaded(records).items():
        out.write(
            f"{name:<24}{s.predicted:>6}{s.gold:>6}{s.exact_precision:>9.2f}{s.exact_recall:>9.2f}"
            f"{s.overlap_precision:>11.2f}{s.overlap_recall:>11.2f}{s.category_agreement:>10.2f}\n"
        )

    path = args.biased_words or GOLD_DIR / "biased_words.yaml"
    accuracy, count, misses = evaluate_biased_words(load_biased_words(path))
    out.write(f"\nMost biased word ({path.name}): accuracy {accuracy:.2f} on {count} sentences\n")
    if args.misses:
        for sentence, word, picked in misses:
            out.write(f"  {word!r:>18} picked {picked!r:<18} {sentence}\n")

    out.write("\nSummaries (tests/gold/language/summaries.yaml): gold lines whose sentences are cited\n")
    for name, share in evaluate_summaries(records).items():
        out.write(f"  {name:<24}{share:.2f}\n")

    text = "\n\n".join(r.document.text for r in records.values())
    from ..segment import segment_text

    segmentation = segment_text(text, "bench")
    rounds = 50
    started = time.perf_counter()
    for _ in range(rounds):
        detect_loaded_language(text, segmentation)
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(rounds):
        segment_text(text, "bench")
    baseline = time.perf_counter() - started
    out.write(
        f"\nDetection speed: {len(records) * rounds / elapsed:.0f} default-size documents/s "
        f"({elapsed / baseline:.1f} × the time of segmentation)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
