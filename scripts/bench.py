"""Print throughput figures of the pipeline beside a baseline from the same run.

Synthetic news-like documents are made by drawing sentences of the default
corpus in a seeded random order (about 600 words each), written to a temporary
corpus folder. The baseline is the raw rate of reading the files and splitting
them at sentence punctuation with one regular expression.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import tempfile
import time
from pathlib import Path

from sourcebound.pipeline import build_ledger
from sourcebound.segment import segment_text

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_DOCUMENT = 600


def make_corpus(folder: Path, count: int, seed: int = 7) -> int:
    sentences: list[str] = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text("utf-8")
        sentences += [text[s.start : s.end] for s in segment_text(text, "seed").sentences]
    rng = random.Random(seed)
    total = 0
    for index in range(count):
        words = 0
        paragraphs = []
        while words < WORDS_PER_DOCUMENT:
            sentence = rng.choice(sentences)
            paragraphs.append(sentence)
            words += len(sentence.split())
        text = "\n\n".join(paragraphs) + "\n"
        (folder / f"doc-{index:05d}.txt").write_text(text, "utf-8")
        total += len(text)
    return total


def baseline(folder: Path) -> float:
    start = time.perf_counter()
    for path in sorted(folder.glob("*.txt")):
        re.split(r"(?<=[.!?])\s+", path.read_text("utf-8"))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    print(f"{'documents':>10} {'chars':>12} {'baseline s':>11} {'pipeline s':>11} {'docs/s':>9} {'ratio':>7}")
    for count in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            chars = make_corpus(folder, count)
            base = baseline(folder)
            start = time.perf_counter()
            ledger = build_ledger(folder)
            elapsed = time.perf_counter() - start
            assert len(ledger.records) == count
            print(f"{count:>10} {chars:>12,} {base:>11.3f} {elapsed:>11.3f} {count / elapsed:>9.0f} {elapsed / base:>6.1f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
