"""The pipeline: corpus folder -> ledger. No page is written here.

``ingest -> segment -> extract -> corpus index``; :func:`process_document` is a
pure function of one document, so it can run anywhere (another process, another
machine) and its result depends on nothing but its input.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, nullcontext
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from . import metadata as meta
from .cache import RecordCache, collector_paused, dump_record, load_record, record_key, rules_version
from .errors import ConfigurationError, Diagnostic, InputRejected, Severity, SourceboundError
from .ingest import document_format, read_document
from .model import Document, DocumentRecord, InputFile, InputStatus, Ledger
from .attribution import extract_attributions
from .check import check_record
from .compare import BandKeys, compare, document_band_keys
from .entities import merge_entities
from .language import detect_loaded_language, sentence_roles
from .segment import segment
from .quantities import extract_quantities
from .summary import summarize
from .timex import extract_times

log = logging.getLogger(__name__)


def process_document(document: Document, dct: str | None = None) -> DocumentRecord:
    """Everything derived from one document alone."""
    dct_value, dct_origin = _document_date(document, dct)
    text = document.text
    segmentation = segment(document)
    times = extract_times(text, segmentation, dct=dct_value, doc_id=document.id)
    attributions = extract_attributions(text, segmentation, doc_id=document.id)
    loaded_terms = detect_loaded_language(text, segmentation)
    quantities = extract_quantities(text, segmentation, attributions, times, doc_id=document.id)
    record = DocumentRecord(
        document=document,
        segmentation=segmentation,
        dct=dct_value,
        dct_origin=dct_origin,
        times=times,
        attributions=attributions,
        quantities=quantities,
        loaded_terms=loaded_terms,
        roles=sentence_roles(text, segmentation, attributions, loaded_terms, times),
    )
    record = replace(record, summary=summarize(record))
    return replace(record, bounds=tuple(check_record(record)))


def _document_date(document: Document, dct: str | None) -> tuple[str | None, str | None]:
    if dct is not None:
        return dct, "--dct"
    published = document.metadata.published
    if published and len(published) >= 10:
        return published[:10], "published"
    return None, None


def discover(corpus_dir: Path) -> list[Path]:
    """Every regular file under ``corpus_dir`` (hidden ones skipped), sorted."""
    if not corpus_dir.is_dir():
        raise ConfigurationError(f"corpus folder not found: {corpus_dir}")
    found: list[Path] = []
    for root, dirs, files in os.walk(corpus_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(corpus_dir).as_posix())


#: Below this many documents, worker processes cost more than they save.
PARALLEL_MINIMUM = 64
#: At most this many documents go to a worker in one task: enough that a task's
#: own cost (a message each way) is small beside reading and extracting them,
#: few enough that the work stays balanced and results stream back steadily.
MAX_CHUNK = 32


def default_workers() -> int:
    """One worker per CPU core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def corpus_display(corpus_dir: Path) -> Callable[[Path], str]:
    """How files under ``corpus_dir`` are named in records and reports:
    ``<folder name>/<path inside it>``."""
    corpus_dir = Path(corpus_dir)
    label = corpus_dir.resolve().name
    return lambda p: f"{label}/{p.relative_to(corpus_dir).as_posix()}"


def build_ledger(corpus_dir: Path, *, dct: str | None = None, cache: RecordCache | None = None, workers: int | None = None) -> Ledger:
    """Read the whole corpus folder into a :class:`Ledger`.

    ``workers``: processes that read and extract documents (default: one per
    CPU core); the ledger is the same for any number."""
    corpus_dir = Path(corpus_dir)
    files = discover(corpus_dir)
    return ledger_from_paths(files, display=corpus_display(corpus_dir), root=corpus_dir, dct=dct, cache=cache, workers=workers)


@dataclass(frozen=True)
class _ReadJob:
    """One document file to read (with its sidecar) and extract: what a worker gets."""

    path: Path
    shown: str
    sidecar: Path | None = None
    sidecar_shown: str | None = None


class _Outcome(NamedTuple):
    """What a worker sends back for one file: small, and the record as bytes."""

    #: Warnings when the record was made; every reason when it was not.
    diagnostics: tuple[Diagnostic, ...]
    document_id: str | None = None  # None: the file could not be read
    content_hash: str | None = None
    payload: bytes | None = None  # the record, pickled (see cache.dump_record); None: not made
    cached: bool = False


def _read(job: _ReadJob) -> tuple[Document, tuple[Diagnostic, ...]]:
    return read_document(job.path, job.shown, sidecar=job.sidecar, sidecar_display=job.sidecar_shown)


def _extraction_failed(shown: str, exc: Exception) -> tuple[Diagnostic, ...]:
    log.debug("extraction of %s failed", shown, exc_info=exc)
    return (Diagnostic(shown, None, f"extraction failed ({type(exc).__name__}: {exc}); this is a fault in sourcebound, not in the file: please report it"),)


def _payload(document: Document, dct: str | None, cache: RecordCache | None) -> tuple[bytes, bool]:
    """The record of ``document`` as bytes, and whether it came from the cache."""
    if cache is None:
        return dump_record(process_document(document, dct)), False
    key = record_key(document, dct)
    payload = cache.get_payload(key)
    if payload is not None:
        return payload, True
    return cache.put(key, process_document(document, dct)), False


def _work(job: _ReadJob, dct: str | None, cache: RecordCache | None) -> _Outcome:
    """Read, look up, extract: everything one file needs, in a worker process."""
    try:
        document, warnings = _read(job)
    except InputRejected as rejected:
        return _Outcome(rejected.diagnostics)
    try:
        payload, cached = _payload(document, dct, cache)
    except Exception as exc:  # one document's fault must not stop the build
        return _Outcome(_extraction_failed(job.shown, exc), document.id, document.content_hash)
    return _Outcome(warnings, document.id, document.content_hash, payload, cached)


def _chunk_size(jobs: int, workers: int) -> int:
    return max(1, min(MAX_CHUNK, jobs // (workers * 4)))


def _worker_started() -> None:
    # What the worker inherits or imports lives as long as it does: the cycle
    # collector need not walk it again after every few thousand allocations.
    gc.freeze()


def _parallel(function: Callable[[Any], Any], items: Sequence[Any], workers: int) -> Generator[Any, None, None]:
    """``map(function, items)`` across ``workers`` processes, results in order as they come."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started)
    try:
        yield from pool.map(function, items, chunksize=_chunk_size(len(items), workers))
    except BrokenProcessPool as exc:
        raise SourceboundError(
            f"a worker process stopped unexpectedly ({exc}); the machine may be out of memory: try fewer workers (--workers 1)"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _outcomes(jobs: Sequence[_ReadJob], dct: str | None, cache: RecordCache | None, workers: int) -> Generator[_Outcome, None, None]:
    if cache is not None:
        rules_version()  # computed once here, inherited by the workers
    return _parallel(partial(_work, dct=dct, cache=cache), jobs, workers)


def _use_workers(workers: int | None, count: int) -> int:
    workers = default_workers() if workers is None else workers
    return min(workers, max(1, count // (PARALLEL_MINIMUM // 2))) if count >= PARALLEL_MINIMUM else 1


def _process_payload(document: Document, dct: str | None, cache: RecordCache | None) -> tuple[bytes, bool]:
    return _payload(document, dct, cache)


def process_documents(
    documents: Sequence[Document], *, dct: str | None = None, cache: RecordCache | None = None, workers: int | None = 1
) -> list[DocumentRecord]:
    """Records for ``documents`` in the same order: from the cache where an entry
    matches, otherwise extracted, across ``workers`` processes for large batches.
    The result never depends on the number of workers."""
    workers = _use_workers(workers, len(documents))
    records: list[DocumentRecord] = []
    with collector_paused():
        if workers == 1:
            return [_record(document, dct, cache) for document in documents]
        for payload, cached in _parallel(partial(_process_payload, dct=dct, cache=cache), documents, workers):
            _count(cache, cached)
            records.append(load_record(payload))
    return records


def _record(document: Document, dct: str | None, cache: RecordCache | None) -> DocumentRecord:
    """The record of ``document`` in this process: from the cache, or extracted (and stored)."""
    if cache is None:
        return process_document(document, dct)
    key = record_key(document, dct)
    record = cache.get(key)
    if record is None:
        record = process_document(document, dct)
        cache.put(key, record)
    return record


def _count(cache: RecordCache | None, cached: bool) -> None:
    if cache is not None:
        if cached:
            cache.hits += 1
        else:
            cache.misses += 1


def _plan(paths: list[Path], display: Callable[[Path], str], root: Path | None) -> list[InputFile | _ReadJob]:
    """Per path, in order: its verdict when one is due without reading it
    (a sidecar, an ignored or unreachable file), or the job of reading it."""
    path_set = set(paths)
    sidecars = {p for p in paths if p.name.endswith(meta.SIDECAR_SUFFIX)}
    described: dict[Path, Path] = {}
    for sidecar in sidecars:
        described[sidecar.with_name(sidecar.name[: -len(meta.SIDECAR_SUFFIX)])] = sidecar
    resolved_root = root.resolve() if root is not None else None
    plan: list[InputFile | _ReadJob] = []
    for path in paths:
        shown = display(path)
        if path in sidecars:
            target = path.with_name(path.name[: -len(meta.SIDECAR_SUFFIX)])
            if target in path_set or target.exists():
                plan.append(InputFile(shown, InputStatus.METADATA, describes=display(target) if target in path_set else str(target)))
            else:
                plan.append(
                    InputFile(shown, InputStatus.REJECTED, diagnostics=(Diagnostic(shown, None, f"metadata sidecar for '{target.name}', which is not in the corpus"),))
                )
            continue
        problem = _path_problem(path, resolved_root)
        if problem:
            plan.append(InputFile(shown, InputStatus.REJECTED, diagnostics=(Diagnostic(shown, None, problem),)))
            continue
        if document_format(path) is None:
            plan.append(
                InputFile(shown, InputStatus.IGNORED, diagnostics=(Diagnostic(shown, None, f"not a document type sourcebound reads ('{path.suffix or 'no suffix'}')", Severity.WARNING),))
            )
            continue
        sidecar = described.get(path)
        plan.append(_ReadJob(path, shown, sidecar, display(sidecar) if sidecar else None))
    return plan


class _Accepted:
    """Documents accepted so far: the first file with an id or a text keeps it."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.hashes: dict[str, str] = {}

    def conflict(self, shown: str, document_id: str, content_hash: str) -> InputFile | None:
        if document_id in self.ids:
            message = f"its id '{document_id}' is already used by {self.ids[document_id]}; set a different 'id' in its metadata"
        elif content_hash in self.hashes:
            message = f"same text as {self.hashes[content_hash]}: a duplicate is published once"
        else:
            return None
        return InputFile(shown, InputStatus.REJECTED, diagnostics=(Diagnostic(shown, None, message),))

    def add(self, shown: str, document_id: str, content_hash: str) -> None:
        self.ids[document_id] = shown
        self.hashes[content_hash] = shown


def ledger_from_paths(
    paths: Iterable[Path],
    *,
    display: Callable[[Path], str] = str,
    root: Path | None = None,
    dct: str | None = None,
    cache: RecordCache | None = None,
    workers: int | None = 1,
) -> Ledger:
    """Read the given files (documents and their sidecars) into a :class:`Ledger`.

    With several workers, each worker reads its files, looks their records up
    in the cache or extracts them, and sends each record back as bytes; this
    process only decides, in path order, which documents are accepted, so the
    ledger is the same as when everything runs here."""
    plan = _plan(list(paths), display, root)
    jobs = [entry for entry in plan if isinstance(entry, _ReadJob)]
    workers = _use_workers(workers, len(jobs))
    inputs: list[InputFile] = []
    records: list[DocumentRecord] = []
    accepted = _Accepted()
    outcomes = _outcomes(jobs, dct, cache, workers) if workers > 1 else None
    band_keys: dict[str, BandKeys] = {}
    # Records are trees without cycles, kept to the end: the cycle collector
    # would walk every one loaded so far, again and again (see collector_paused).
    with closing(outcomes) if outcomes is not None else nullcontext(), collector_paused():
        for entry in plan:
            if isinstance(entry, InputFile):
                inputs.append(entry)
            elif outcomes is not None:
                inputs.append(_accept_outcome(entry, next(outcomes), accepted, records, cache))
                _find_band_keys(records, band_keys)
            else:
                inputs.append(_accept_here(entry, dct, accepted, records, cache))
    for item in inputs:
        for diagnostic in item.diagnostics:
            (log.warning if diagnostic.severity is Severity.ERROR else log.info)("%s", diagnostic)
    records.sort(key=lambda r: r.id)
    return corpus_index(records, inputs, band_keys=band_keys)


def _find_band_keys(records: list[DocumentRecord], band_keys: dict[str, BandKeys]) -> None:
    """The near-duplicate band keys of the record just accepted, if any: found
    here while the workers extract the next documents, they cost the build
    what they would cost in a worker, and they are no longer part of the
    corpus index, which runs alone on one core at the end (they were a fifth
    of it at 10,000 documents)."""
    if records and records[-1].id not in band_keys and records[-1].document.metadata.text_visible:
        band_keys[records[-1].id] = document_band_keys(records[-1])


def _accept_outcome(job: _ReadJob, outcome: _Outcome, accepted: _Accepted, records: list[DocumentRecord], cache: RecordCache | None) -> InputFile:
    if outcome.document_id is None or outcome.content_hash is None:
        return InputFile(job.shown, InputStatus.REJECTED, diagnostics=outcome.diagnostics)
    conflict = accepted.conflict(job.shown, outcome.document_id, outcome.content_hash)
    if conflict is not None:
        return conflict
    if outcome.payload is None:
        return InputFile(job.shown, InputStatus.REJECTED, diagnostics=outcome.diagnostics)
    accepted.add(job.shown, outcome.document_id, outcome.content_hash)
    _count(cache, outcome.cached)
    records.append(load_record(outcome.payload))
    return InputFile(job.shown, InputStatus.ACCEPTED, document_id=outcome.document_id, diagnostics=outcome.diagnostics)


def _accept_here(job: _ReadJob, dct: str | None, accepted: _Accepted, records: list[DocumentRecord], cache: RecordCache | None) -> InputFile:
    try:
        document, warnings = _read(job)
    except InputRejected as rejected:
        return InputFile(job.shown, InputStatus.REJECTED, diagnostics=rejected.diagnostics)
    conflict = accepted.conflict(job.shown, document.id, document.content_hash)
    if conflict is not None:
        return conflict
    try:
        record = _record(document, dct, cache)
    except Exception as exc:  # one document's fault must not stop the build
        return InputFile(job.shown, InputStatus.REJECTED, diagnostics=_extraction_failed(job.shown, exc))
    accepted.add(job.shown, document.id, document.content_hash)
    records.append(record)
    return InputFile(job.shown, InputStatus.ACCEPTED, document_id=document.id, diagnostics=warnings)


def shard_of(shown: str, shards: int) -> int:
    """The shard (0 to ``shards`` - 1) a file belongs to, from a stable hash of
    its name as shown (``<corpus folder name>/<path inside it>``): the same on
    every machine and in every run."""
    return int.from_bytes(hashlib.sha256(shown.encode("utf-8")).digest()[:8], "big") % shards


@dataclass(frozen=True)
class ShardReport:
    """What :func:`extract_shard` did."""

    shard: int
    shards: int
    #: Document files in this shard.
    documents: int
    #: Records found in the cache, and records extracted and stored.
    cached: int
    extracted: int
    #: Files of this shard that cannot be read (each with its reasons).
    rejected: tuple[InputFile, ...]


def extract_shard(
    corpus_dir: Path, cache: RecordCache, *, shard: int = 0, shards: int = 1, dct: str | None = None, workers: int | None = None
) -> ShardReport:
    """Extract the documents of one shard of ``corpus_dir`` into ``cache``.

    Extraction is a pure function of a document, and the cache is addressed by
    content: shards can run anywhere (other processes, other machines sharing
    the cache folder), in any order, any number of times. Once every shard
    has run, building the ledger of the corpus with the same cache (and the same
    ``dct``) finds every record there. The corpus folder must have the same name
    everywhere: records name their files by it. Nothing is decided across
    documents here (duplicates are found by the build), and no record is kept
    in memory."""
    if not 0 <= shard < shards:
        raise ConfigurationError(f"shard {shard} of {shards} does not exist: shards are numbered 0 to {shards - 1}")
    corpus_dir = Path(corpus_dir)
    plan = _plan(discover(corpus_dir), corpus_display(corpus_dir), corpus_dir)
    jobs = [entry for entry in plan if isinstance(entry, _ReadJob) and shard_of(entry.shown, shards) == shard]
    workers = _use_workers(workers, len(jobs))
    outcomes = _outcomes(jobs, dct, cache, workers) if workers > 1 else (_work(job, dct, cache) for job in jobs)
    cached = extracted = 0
    rejected: list[InputFile] = []
    for job, outcome in zip(jobs, outcomes, strict=True):
        if outcome.payload is None:
            rejected.append(InputFile(job.shown, InputStatus.REJECTED, diagnostics=outcome.diagnostics))
        elif outcome.cached:
            cached += 1
        else:
            extracted += 1
    return ShardReport(shard, shards, len(jobs), cached, extracted, tuple(rejected))


def corpus_index(records: Sequence[DocumentRecord], inputs: Iterable[InputFile], *, band_keys: Mapping[str, BandKeys] | None = None) -> Ledger:
    """The cross-document stage: what needs every record at once. Sources are
    merged across the documents whose text may be shown; a withheld text's
    sources stay with its own record. ``band_keys``: see :func:`compare`."""
    shown = [r for r in records if r.document.metadata.text_visible]
    entities = merge_entities({r.id: r.attributions for r in shown})
    comparison = compare(shown, entities, {r.id: r.quantities for r in shown}, band_keys=band_keys)
    return Ledger(records=tuple(records), inputs=tuple(sorted(inputs)), entities=entities, comparison=comparison)


def _path_problem(path: Path, root: Path | None) -> str | None:
    if root is None:
        return None
    try:
        real = path.resolve()
    except OSError as exc:
        return f"cannot be resolved: {exc}"
    if not real.is_relative_to(root):
        return "path leaves the corpus folder (a link to a file outside it)"
    if not real.is_file():
        return "not a regular file"
    return None
