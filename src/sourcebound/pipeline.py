"""The pipeline: corpus folder -> ledger. No page is written here.

``ingest -> segment -> extract -> corpus index``; :func:`process_document` is a
pure function of one document, so it can run anywhere (another process, another
machine) and its result depends on nothing but its input.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from . import metadata as meta
from .cache import RecordCache, record_key
from .errors import ConfigurationError, Diagnostic, InputRejected, Severity
from .ingest import document_format, read_document
from .model import Document, DocumentRecord, InputFile, InputStatus, Ledger
from .attribution import extract_attributions
from .check import check_record
from .compare import compare
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


#: Below this many documents to extract, worker processes cost more than they save.
PARALLEL_MINIMUM = 64


def build_ledger(corpus_dir: Path, *, dct: str | None = None, cache: RecordCache | None = None, workers: int = 1) -> Ledger:
    """Read the whole corpus folder into a :class:`Ledger`."""
    corpus_dir = Path(corpus_dir)
    label = corpus_dir.resolve().name
    files = discover(corpus_dir)
    return ledger_from_paths(
        files,
        display=lambda p: f"{label}/{p.relative_to(corpus_dir).as_posix()}",
        root=corpus_dir,
        dct=dct,
        cache=cache,
        workers=workers,
    )


def _process(job: tuple[Document, str | None]) -> DocumentRecord:
    return process_document(*job)


def process_documents(
    documents: Sequence[Document], *, dct: str | None = None, cache: RecordCache | None = None, workers: int = 1
) -> list[DocumentRecord]:
    """Records for ``documents`` in the same order: from the cache where an entry
    matches, otherwise extracted, across ``workers`` processes for large batches.
    The result never depends on the number of workers."""
    records: list[DocumentRecord | None] = [None] * len(documents)
    keys: list[str] = []
    missing: list[int] = []
    for index, document in enumerate(documents):
        key = record_key(document, dct) if cache is not None else ""
        keys.append(key)
        cached = cache.get(key) if cache is not None else None
        if cached is not None and cached.document == document:
            records[index] = cached
        else:
            missing.append(index)
    jobs = [(documents[i], dct) for i in missing]
    if workers > 1 and len(jobs) >= PARALLEL_MINIMUM:
        chunk = max(1, len(jobs) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            computed = list(pool.map(_process, jobs, chunksize=chunk))
    else:
        computed = [_process(job) for job in jobs]
    for index, record in zip(missing, computed, strict=True):
        records[index] = record
        if cache is not None:
            cache.put(keys[index], record)
    return [r for r in records if r is not None]


def ledger_from_paths(
    paths: Iterable[Path],
    *,
    display: Callable[[Path], str] = str,
    root: Path | None = None,
    dct: str | None = None,
    cache: RecordCache | None = None,
    workers: int = 1,
) -> Ledger:
    """Read the given files (documents and their sidecars) into a :class:`Ledger`."""
    paths = list(paths)
    path_set = set(paths)
    inputs: list[InputFile] = []
    documents: list[Document] = []
    sidecars = {p for p in paths if p.name.endswith(meta.SIDECAR_SUFFIX)}
    described: dict[Path, Path] = {}
    for sidecar in sidecars:
        described[sidecar.with_name(sidecar.name[: -len(meta.SIDECAR_SUFFIX)])] = sidecar
    resolved_root = root.resolve() if root is not None else None
    ids: dict[str, str] = {}
    hashes: dict[str, str] = {}

    for path in paths:
        shown = display(path)
        if path in sidecars:
            target = path.with_name(path.name[: -len(meta.SIDECAR_SUFFIX)])
            if target in path_set or target.exists():
                inputs.append(InputFile(shown, InputStatus.METADATA, describes=display(target) if target in path_set else str(target)))
            else:
                inputs.append(
                    InputFile(shown, InputStatus.REJECTED, diagnostics=(Diagnostic(shown, None, f"metadata sidecar for '{target.name}', which is not in the corpus"),))
                )
            continue
        problem = _path_problem(path, resolved_root)
        if problem:
            inputs.append(InputFile(shown, InputStatus.REJECTED, diagnostics=(Diagnostic(shown, None, problem),)))
            continue
        if document_format(path) is None:
            inputs.append(
                InputFile(shown, InputStatus.IGNORED, diagnostics=(Diagnostic(shown, None, f"not a document type sourcebound reads ('{path.suffix or 'no suffix'}')", Severity.WARNING),))
            )
            continue
        sidecar = described.get(path)
        try:
            document, warnings = read_document(path, shown, sidecar=sidecar, sidecar_display=display(sidecar) if sidecar else None)
        except InputRejected as rejected:
            inputs.append(InputFile(shown, InputStatus.REJECTED, diagnostics=rejected.diagnostics))
            continue
        if document.id in ids:
            message = f"its id '{document.id}' is already used by {ids[document.id]}; set a different 'id' in its metadata"
            inputs.append(InputFile(shown, InputStatus.REJECTED, diagnostics=(Diagnostic(shown, None, message),)))
            continue
        if document.content_hash in hashes:
            message = f"same text as {hashes[document.content_hash]}: a duplicate is published once"
            inputs.append(InputFile(shown, InputStatus.REJECTED, diagnostics=(Diagnostic(shown, None, message),)))
            continue
        ids[document.id] = shown
        hashes[document.content_hash] = shown
        documents.append(document)
        inputs.append(InputFile(shown, InputStatus.ACCEPTED, document_id=document.id, diagnostics=warnings))

    for item in inputs:
        for diagnostic in item.diagnostics:
            (log.warning if diagnostic.severity is Severity.ERROR else log.info)("%s", diagnostic)
    records = sorted(process_documents(documents, dct=dct, cache=cache, workers=workers), key=lambda r: r.id)
    return corpus_index(records, inputs)


def corpus_index(records: Sequence[DocumentRecord], inputs: Iterable[InputFile]) -> Ledger:
    """The cross-document stage: what needs every record at once. Sources are
    merged across the documents whose text may be shown; a withheld text's
    sources stay with its own record."""
    shown = [r for r in records if r.document.metadata.text_visible]
    entities = merge_entities({r.id: r.attributions for r in shown})
    comparison = compare(shown, entities, {r.id: r.quantities for r in shown})
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
