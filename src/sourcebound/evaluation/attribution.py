"""Score the attribution extractor against hand-annotated gold.

Gold lives in ``tests/gold/attribution/``: ``default.yaml`` annotates the default
documents (read from the corpus), ``passages.yaml`` short passages written for
the tests. Each attribution gives its spans as exact substrings; see the header
of ``default.yaml`` for how repeated substrings are told apart.

Measures, after the exact and overlap metrics used for PARC 3.0 (as in BBC R&D's
Citron evaluation):

- **cue** exact: a predicted cue span equals a gold cue span;
- **source** exact: cues overlap and the source mention spans are equal;
- **content** exact, and **content** overlap: token overlap summed over pairs
  whose cues overlap, divided by predicted (precision) or gold (recall) tokens;
- **channel** overlap and **markers** (kinds) on cue-matched pairs.

``python -m sourcebound.evaluation.attribution`` prints the tables, and, when the
MEANTIME corpus is present, cue precision and recall against its SLINKs from
reporting events.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..attribution import Attribution, extract_attributions
from ..segment import segment_text

ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = ROOT / "tests" / "gold" / "attribution"
MEANTIME_DIR = ROOT.parent / "shared" / "data" / "meantime"
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class GoldAttribution:
    source: Span
    cue: Span
    content: Span | None
    channel: Span | None
    markers: tuple[str, ...]
    kind: str | None
    resolves_to: str | None


@dataclass(frozen=True)
class GoldDocument:
    id: str
    group: str  # "default" or "passages"
    text: str
    attributions: tuple[GoldAttribution, ...]


class GoldError(ValueError):
    """A gold annotation that does not fit its text."""


def _occurrences(text: str, needle: str) -> list[int]:
    """Where ``needle`` occurs as whole words."""
    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(f"{left}{re.escape(needle)}{right}", text)]


def _locate(text: str, needle: str, occurrence: int | None, near: int | None, where: str) -> Span:
    found = _occurrences(text, needle)
    if not found:
        raise GoldError(f"{where}: {needle!r} is not in the text")
    if occurrence is not None:
        if occurrence >= len(found):
            raise GoldError(f"{where}: {needle!r} occurs {len(found)} times, not {occurrence + 1}")
        index = found[occurrence]
    elif near is not None:
        index = min(found, key=lambda i: (abs(i - near), i))
    else:
        index = found[0]
    return Span(index, index + len(needle))


def _gold_attribution(text: str, raw: dict, where: str) -> GoldAttribution:
    cue = _locate(text, raw["cue"], raw.get("cue_occurrence", 0), None, where)
    near = cue.start

    def optional(key: str) -> Span | None:
        if not raw.get(key):
            return None
        return _locate(text, raw[key], raw.get(f"{key}_occurrence"), near, where)

    return GoldAttribution(
        source=_locate(text, raw["source"], raw.get("source_occurrence"), near, where),
        cue=cue,
        content=optional("content"),
        channel=optional("channel"),
        markers=tuple(sorted(raw.get("markers") or ())),
        kind=raw.get("kind"),
        resolves_to=raw.get("resolves_to"),
    )


def load_gold(gold_dir: Path = GOLD_DIR, root: Path = ROOT) -> tuple[GoldDocument, ...]:
    """Every annotated document, default documents first."""
    documents: list[GoldDocument] = []
    default = yaml.safe_load((gold_dir / "default.yaml").read_text(encoding="utf-8"))
    for entry in default["documents"]:
        path = root / entry["path"]
        text = path.read_text(encoding="utf-8")
        atts = tuple(_gold_attribution(text, raw, f"{entry['path']}") for raw in entry["attributions"])
        documents.append(GoldDocument(Path(entry["path"]).name.split(".")[0], "default", text, atts))
    passages = yaml.safe_load((gold_dir / "passages.yaml").read_text(encoding="utf-8"))
    for entry in passages["passages"]:
        text = entry["text"]
        atts = tuple(_gold_attribution(text, raw, entry["id"]) for raw in entry["attributions"])
        documents.append(GoldDocument(entry["id"], "passages", text, atts))
    return tuple(documents)


# ---------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------


@dataclass
class Counts:
    tp_pred: int = 0  # predicted items that match
    tp_gold: int = 0  # gold items that are matched
    predicted: int = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


ROLES = ("cue", "source", "content-exact", "content-overlap", "channel-overlap", "markers", "source-kind")


@dataclass
class Scores:
    roles: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in ROLES})
    documents: int = 0

    def add(self, other: "Scores") -> None:
        for role in ROLES:
            self.roles[role].add(other.roles[role])
        self.documents += other.documents


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _same(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start == b.start and a.end == b.end


def _tokens(text: str, span: Span | None) -> set[int]:
    if span is None:
        return set()
    return {m.start() for m in _TOKEN.finditer(text, span.start, span.end)}


def _predicted_spans(attribution: Attribution) -> tuple[Span, Span | None, Span | None, Span | None]:
    mention = attribution.source.mention
    return (
        Span(attribution.cue.start, attribution.cue.end),
        Span(mention.start, mention.end) if mention else None,
        Span(attribution.content.start, attribution.content.end) if attribution.content else None,
        Span(attribution.channel.start, attribution.channel.end) if attribution.channel else None,
    )


def _exact(pred: Sequence, gold: Sequence, match) -> Counts:
    return Counts(
        tp_pred=sum(1 for p in pred if any(match(p, g) for g in gold)),
        tp_gold=sum(1 for g in gold if any(match(p, g) for p in pred)),
        predicted=len(pred),
        gold=len(gold),
    )


def score_document(document: GoldDocument, predicted: Sequence[Attribution]) -> Scores:
    scores = Scores(documents=1)
    text = document.text
    pred = [(a, *_predicted_spans(a)) for a in predicted]
    gold = document.attributions
    roles = scores.roles
    roles["cue"] = _exact(pred, gold, lambda p, g: _same(p[1], g.cue))
    roles["source"] = _exact(pred, gold, lambda p, g: _overlaps(p[1], g.cue) and _same(p[2], g.source))
    roles["content-exact"] = _exact(pred, gold, lambda p, g: _overlaps(p[1], g.cue) and _same(p[3], g.content))
    # content overlap: token counts over cue-aligned pairs
    overlap = Counts()
    for p in pred:
        tokens = _tokens(text, p[3])
        overlap.predicted += len(tokens)
        best = max((len(tokens & _tokens(text, g.content)) for g in gold if _overlaps(p[1], g.cue)), default=0)
        overlap.tp_pred += best
    for g in gold:
        tokens = _tokens(text, g.content)
        overlap.gold += len(tokens)
        best = max((len(tokens & _tokens(text, p[3])) for p in pred if _overlaps(p[1], g.cue)), default=0)
        overlap.tp_gold += best
    roles["content-overlap"] = overlap
    roles["channel-overlap"] = Counts(
        tp_pred=sum(1 for p in pred if p[4] and any(_overlaps(p[1], g.cue) and _overlaps(p[4], g.channel) for g in gold)),
        tp_gold=sum(1 for g in gold if g.channel and any(_overlaps(p[1], g.cue) and _overlaps(p[4], g.channel) for p in pred)),
        predicted=sum(1 for p in pred if p[4]),
        gold=sum(1 for g in gold if g.channel),
    )
    markers = Counts()
    for p in pred:
        kinds = Counter(m.kind for m in p[0].markers)
        markers.predicted += sum(kinds.values())
        match = next((g for g in gold if _overlaps(p[1], g.cue)), None)
        if match is not None:
            markers.tp_pred += sum((kinds & Counter(match.markers)).values())
    for g in gold:
        kinds = Counter(g.markers)
        markers.gold += sum(kinds.values())
        match = next((p for p in pred if _overlaps(p[1], g.cue)), None)
        if match is not None:
            markers.tp_gold += sum((kinds & Counter(m.kind for m in match[0].markers)).values())
    roles["markers"] = markers
    # source kind, among cue-aligned pairs with a gold kind
    kind = Counts()
    for g in gold:
        if g.kind is None:
            continue
        match = next((p for p in pred if _overlaps(p[1], g.cue)), None)
        if match is not None:
            kind.predicted += 1
            kind.gold += 1
            if match[0].source.kind == g.kind:
                kind.tp_pred += 1
                kind.tp_gold += 1
    roles["source-kind"] = kind
    return scores


def evaluate(documents: Iterable[GoldDocument]) -> dict[str, Scores]:
    """Scores for each group of gold documents and for all of them."""
    totals: dict[str, Scores] = {}
    for document in documents:
        predicted = extract_attributions(document.text, segment_text(document.text, document.id), doc_id=document.id)
        result = score_document(document, predicted)
        totals.setdefault(document.group, Scores()).add(result)
        totals.setdefault("all", Scores()).add(result)
    return totals


# ---------------------------------------------------------------------------
# MEANTIME: cues against SLINKs from reporting events
# ---------------------------------------------------------------------------


def meantime_cues(directory: Path = MEANTIME_DIR) -> Counts | None:
    """Cue precision/recall against MEANTIME SLINK sources (reporting and other modal events).

    Recall counts SLINK source events that fall inside a predicted cue; since
    SLINKs also start at non-reporting events ("expect", "want"), recall has a
    ceiling below 1. Precision counts predicted cues whose words hold an SLINK
    source event, or an event whose predicate is a lexicon verb that the
    annotators left without an SLINK is counted as a miss, so it is a lower bound.
    """
    files = sorted(directory.glob("corpus_*/*.xml"))
    if not files:
        return None
    counts = Counts()
    for path in files:
        root = ET.parse(path).getroot()
        tokens = [(t.get("t_id"), t.text or "", int(t.get("sentence") or 0)) for t in root.iter("token")]
        pieces, offsets, position, last_sentence = [], {}, 0, None
        for t_id, word, sentence in tokens:
            if last_sentence is not None and sentence != last_sentence:
                pieces.append("\n\n")
                position += 2
            elif pieces:
                pieces.append(" ")
                position += 1
            offsets[t_id] = (position, position + len(word))
            pieces.append(word)
            position += len(word)
            last_sentence = sentence
        text = "".join(pieces)
        events: dict[str, list[str]] = {}
        markables = root.find("Markables")
        for markable in markables if markables is not None else ():
            if markable.tag == "EVENT_MENTION":
                events[markable.get("m_id")] = [a.get("t_id") for a in markable.findall("token_anchor")]
        gold_tokens: set[int] = set()
        relations = root.find("Relations")
        for relation in relations if relations is not None else ():
            if relation.tag == "SLINK":
                source = relation.find("source")
                if source is not None and source.get("m_id") in events:
                    for t_id in events[source.get("m_id")]:
                        gold_tokens.add(offsets[t_id][0])
        predicted = extract_attributions(text, segment_text(text, path.stem), doc_id="m")
        cue_spans = [a.cue for a in predicted]
        counts.predicted += len(cue_spans)
        counts.tp_pred += sum(1 for c in cue_spans if any(c.start <= g < c.end for g in gold_tokens))
        counts.gold += len(gold_tokens)
        counts.tp_gold += sum(1 for g in gold_tokens if any(c.start <= g < c.end for c in cue_spans))
    return counts


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def _table(title: str, scores: Scores) -> str:
    lines = [f"{title} ({scores.documents} documents, {scores.roles['cue'].gold} gold attributions)"]
    lines.append(f"  {'role':<16} {'P':>6} {'R':>6} {'F1':>6}   (pred/gold)")
    for role in ROLES:
        c = scores.roles[role]
        lines.append(f"  {role:<16} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}   ({c.predicted}/{c.gold})")
    return "\n".join(lines)


def throughput(documents: Sequence[GoldDocument], repeat: int = 50) -> float:
    """Documents per second, segmentation included."""
    started = time.perf_counter()
    for _ in range(repeat):
        for document in documents:
            extract_attributions(document.text, segment_text(document.text, document.id), doc_id=document.id)
    return repeat * len(documents) / (time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sourcebound.evaluation.attribution", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-meantime", action="store_true", help="skip the MEANTIME cue scores")
    args = parser.parse_args(argv)
    documents = load_gold()
    totals = evaluate(documents)
    out = sys.stdout
    for group in ("default", "passages", "all"):
        if group in totals:
            out.write(_table(f"Attribution gold: {group}", totals[group]) + "\n\n")
    default = [d for d in documents if d.group == "default"]
    out.write(f"Throughput on the default documents (segmentation included): {throughput(default):.0f} docs/s\n")
    if not args.no_meantime:
        counts = meantime_cues()
        if counts is not None:
            out.write(
                "\nMEANTIME (WikiNews, CC BY 4.0, © 2015 FBK, VU Amsterdam, UPV/EHU) cues vs SLINK sources: "
                f"P {counts.precision:.3f}  R {counts.recall:.3f}  F1 {counts.f1:.3f}  ({counts.predicted} predicted, {counts.gold} gold)\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
