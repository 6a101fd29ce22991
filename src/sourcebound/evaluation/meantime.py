"""Score the time-expression extractor against MEANTIME, the TempEval-3 way.

MEANTIME (English, intra-document annotation) is real WikiNews text annotated
by people; CC BY 4.0, © 2015 Fondazione Bruno Kessler, VU University
Amsterdam, Universidad del País Vasco (NewsReader project).

Each CAT XML file holds tokens (``t_id``, ``sentence``) and TIMEX3 markables
pointing at them. The text is rebuilt from the tokens (one sentence a line,
spaces between tokens except around punctuation), the extractor runs on it
with the document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) as DCT, and each system span maps to
the tokens it overlaps. Scores:

* strict span: same token set; relaxed span: any shared token (one-to-one);
* type and value accuracy among relaxed matches;
* value F1 as TempEval-3 counts it: P = correct values / system expressions,
  R = correct values / gold expressions.

Gold TIMEX3 without tokens (implicit times) are not scored; the creation time
is scored when it has tokens, since it is then part of the text (the dateline).
MEANTIME annotates only the opening sentences of each article (title, dateline
and the first few sentences): the extractor reads the whole text, but only its
output in the annotated sentences is scored. Two articles mark no creation
time; their dateline's date serves as DCT.

Run ``python -m sourcebound.evaluation.meantime [DIR]`` for a table.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..timex import TimeExpression, extract_times

CREDIT = (
    "MEANTIME corpus (English), CC BY 4.0, © 2015 Fondazione Bruno Kessler, VU University Amsterdam, "
    "Universidad del País Vasco (NewsReader project)."
)
#: Tokens written without a space before them.
_NO_SPACE_BEFORE = frozenset(",.;:!?%)]}'’”") | {"'s", "’s", "n't", "'re", "'ve", "'ll", "'d", "'m", "...", "''"}
_NO_SPACE_AFTER = frozenset("([{$“‘#") | {"``", "US$"}


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    tokens: frozenset[int]
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class MeantimeDocument:
    name: str
    corpus: str
    text: str
    dct: str | None
    #: (start, end) of each token, by token index
    token_spans: tuple[tuple[int, int], ...]
    gold: tuple[GoldTimex, ...]
    #: Tokens of the sentences the annotators covered (MEANTIME annotates only the
    #: opening sentences of each article); system output elsewhere is not scored.
    annotated: frozenset[int] = frozenset()


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_correct", "value_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass(frozen=True)
class Scores:
    """TempEval-3 scores over a set of documents."""

    documents: int
    counts: Counts
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    type_accuracy: float
    value_accuracy: float
    value_p: float
    value_r: float
    value_f1: float
    per_corpus: dict[str, Scores] = field(default_factory=dict)

    @classmethod
    def from_counts(cls, documents: int, c: Counts, per_corpus: dict[str, Scores] | None = None) -> Scores:
        sp, sr, sf = _prf(c.strict, c.system, c.gold)
        rp, rr, rf = _prf(c.relaxed, c.system, c.gold)
        vp, vr, vf = _prf(c.value_correct, c.system, c.gold)
        return cls(
            documents, c, sp, sr, sf, rp, rr, rf,
            c.type_correct / c.relaxed if c.relaxed else 0.0,
            c.value_correct / c.relaxed if c.relaxed else 0.0,
            vp, vr, vf, per_corpus or {},
        )  # fmt: skip


def default_directory() -> Path:
    """``shared/data/meantime`` beside the project checkout."""
    return Path(__file__).resolve().parents[4] / "shared" / "data" / "meantime"


def load_document(path: Path) -> MeantimeDocument:
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    index_of: dict[str, int] = {}
    sentence_of: list[str] = []
    pos = 0
    previous_sentence = None
    previous_token = None
    for token in root.iter("token"):
        word = token.text or ""
        sentence = token.get("sentence")
        if previous_token is not None:
            if sentence != previous_sentence:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or previous_token in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            pieces.append(sep)
            pos += len(sep)
        index_of[token.get("t_id", "")] = len(spans)
        spans.append((pos, pos + len(word)))
        sentence_of.append(sentence or "")
        pieces.append(word)
        pos += len(word)
        previous_sentence, previous_token = sentence, word
    text = "".join(pieces)

    dct = None
    gold: list[GoldTimex] = []
    markables = root.find("Markables")
    covered = {
        sentence_of[index_of[a.get("t_id")]]
        for markable in (markables if markables is not None else ())
        for a in markable.findall("token_anchor")
        if a.get("t_id") in index_of
    }
    last = max((int(s) for s in covered if s.isdigit()), default=-1)
    annotated = frozenset(i for i, s in enumerate(sentence_of) if s.isdigit() and int(s) <= last)
    for timex in markables.iter("TIMEX3") if markables is not None else ():
        tokens = frozenset(index_of[a.get("t_id")] for a in timex.findall("token_anchor") if a.get("t_id") in index_of)
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value") or None
        if not tokens:
            continue
        start, end = spans[min(tokens)][0], spans[max(tokens)][1]
        gold.append(GoldTimex(start, end, tokens, timex.get("type", ""), timex.get("value", ""), text[start:end]))
    gold.sort(key=lambda g: (g.start, g.end))
    if dct is None:
        # No creation time marked: the dateline (the line after the title) states it.
        for g in gold:
            if all(sentence_of[t] == "1" for t in g.tokens) and re.fullmatch(r"\d{4}-\d\d-\d\d", g.value):
                dct = g.value
                break
    return MeantimeDocument(path.stem, path.parent.name, text, dct, tuple(spans), tuple(gold), annotated)


def load_corpus(directory: Path) -> tuple[MeantimeDocument, ...]:
    files = sorted(directory.glob("*/*.xml")) or sorted(directory.glob("*.xml"))
    return tuple(load_document(f) for f in files)


def _token_set(expr: TimeExpression, spans: tuple[tuple[int, int], ...]) -> frozenset[int]:
    return frozenset(i for i, (s, e) in enumerate(spans) if s < expr.end and expr.start < e)


@dataclass(frozen=True)
class Match:
    gold: GoldTimex | None
    system: TimeExpression | None
    strict: bool = False


def match_document(doc: MeantimeDocument, system: tuple[TimeExpression, ...]) -> tuple[Counts, list[Match]]:
    """One-to-one matching: exact token sets first, then the largest overlaps."""
    system = tuple(e for e in system if _token_set(e, doc.token_spans) & doc.annotated)
    sys_tokens = [_token_set(e, doc.token_spans) for e in system]
    counts = Counts(gold=len(doc.gold), system=len(system))
    free_gold = set(range(len(doc.gold)))
    free_sys = set(range(len(system)))
    matches: list[Match] = []
    for gi, g in enumerate(doc.gold):
        for si in sorted(free_sys):
            if sys_tokens[si] == g.tokens:
                free_gold.discard(gi)
                free_sys.discard(si)
                matches.append(Match(g, system[si], True))
                break
    pairs = sorted(
        ((len(doc.gold[gi].tokens & sys_tokens[si]), gi, si) for gi in free_gold for si in free_sys if doc.gold[gi].tokens & sys_tokens[si]),
        reverse=True,
    )
    for _, gi, si in pairs:
        if gi in free_gold and si in free_sys:
            free_gold.discard(gi)
            free_sys.discard(si)
            matches.append(Match(doc.gold[gi], system[si], False))
    for m in matches:
        counts.relaxed += 1
        counts.strict += m.strict
        counts.type_correct += m.gold.type == m.system.type  # type: ignore[union-attr]
        counts.value_correct += m.gold.value == m.system.value  # type: ignore[union-attr]
    matches.extend(Match(doc.gold[gi], None) for gi in sorted(free_gold))
    matches.extend(Match(None, system[si]) for si in sorted(free_sys))
    return counts, matches


def run_document(doc: MeantimeDocument) -> tuple[TimeExpression, ...]:
    return extract_times(doc.text, dct=doc.dct, doc_id=doc.name.split("_", 1)[0])


def evaluate(directory: Path | None = None) -> Scores:
    """Scores of :func:`sourcebound.timex.extract_times` on every MEANTIME document in ``directory``."""
    documents = load_corpus(directory or default_directory())
    if not documents:
        raise FileNotFoundError(f"no MEANTIME documents under {directory or default_directory()}")
    total = Counts()
    by_corpus: dict[str, tuple[int, Counts]] = {}
    for doc in documents:
        counts, _ = match_document(doc, run_document(doc))
        total.add(counts)
        n, c = by_corpus.setdefault(doc.corpus, (0, Counts()))
        c.add(counts)
        by_corpus[doc.corpus] = (n + 1, c)
    per = {name: Scores.from_counts(n, c) for name, (n, c) in sorted(by_corpus.items())}
    return Scores.from_counts(len(documents), total, per)


def format_table(scores: Scores) -> str:
    header = f"{'corpus':<16}{'docs':>5}{'gold':>6}{'sys':>6}  {'strict P/R/F1':<20}{'relaxed P/R/F1':<20}{'type':>6}{'value':>7}  {'value P/R/F1':<20}"
    rows = [header, "-" * len(header)]

    def row(name: str, s: Scores) -> str:
        c = s.counts
        return (
            f"{name:<16}{s.documents:>5}{c.gold:>6}{c.system:>6}  "
            f"{s.strict_p:.2f}/{s.strict_r:.2f}/{s.strict_f1:.2f}      "
            f"{s.relaxed_p:.2f}/{s.relaxed_r:.2f}/{s.relaxed_f1:.2f}      "
            f"{s.type_accuracy:>6.2f}{s.value_accuracy:>7.2f}  "
            f"{s.value_p:.2f}/{s.value_r:.2f}/{s.value_f1:.2f}"
        )

    for name, s in scores.per_corpus.items():
        rows.append(row(name, s))
    rows.append(row("overall", scores))
    c = scores.counts
    rows.append("")
    rows.append(
        f"matches: strict {c.strict}, relaxed {c.relaxed}, type correct {c.type_correct}, value correct {c.value_correct}"
    )
    rows.append(f"Data: {CREDIT}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the time-expression extractor on MEANTIME (TempEval-3 measures).")
    parser.add_argument("directory", nargs="?", type=Path, default=None, help="MEANTIME folder (default: shared/data/meantime)")
    parser.add_argument("--errors", action="store_true", help="also list every mismatch")
    args = parser.parse_args(argv)
    directory = args.directory or default_directory()
    if not directory.is_dir():
        print(f"Error: no MEANTIME data at {directory}", file=sys.stderr)
        return 1
    scores = evaluate(directory)
    print(format_table(scores))
    if args.errors:
        for doc in load_corpus(directory):
            _, matches = match_document(doc, run_document(doc))
            for m in matches:
                g, s = m.gold, m.system
                if g and s and m.strict and g.value == s.value and g.type == s.type:
                    continue
                gold = f"{g.text!r} {g.type} {g.value}" if g else "-"
                system = f"{s.text!r} {s.type} {s.value} [{s.rule}]" if s else "-"
                print(f"{doc.name[:40]:<40} DCT={doc.dct}  gold: {gold:<45} system: {system}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
