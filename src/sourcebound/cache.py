"""A cache of per-document extraction results, keyed by content and rules.

A record is reused only when everything it was derived from is the same: the
document's text (its content hash), its metadata, the document date, and the
extraction code and rules themselves (:func:`rules_version` hashes their source
files, so editing a rule invalidates every entry without anyone having to
remember to bump a number).

An entry is one file: a header (format marker, the key it was stored under and
a digest of the payload) and the pickled record. It is written to a temporary
file and renamed into place, so a crash mid-build leaves either the old entry,
the new one, or none. The digest catches what renaming cannot (a disk that lost
the end of a file after a power cut): an entry whose header, key or digest does
not match is treated as missing and recomputed, never served.

A hit costs reading one file and hashing it; the record is unpickled once, where
it is used (:func:`load_record`), so a worker process that finds an entry hands
the stored bytes on without unpickling and pickling it again.
"""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from . import __version__
from .model import Document, DocumentRecord

log = logging.getLogger(__name__)

#: The modules whose code decides what a document's record holds.
_EXTRACTION_MODULES = (
    "model.py",
    "pipeline.py",
    "segment.py",
    "timex.py",
    "attribution.py",
    "quantities.py",
    "language.py",
    "summary.py",
    "bounds.py",
    "check.py",
    "timeline.py",
    "timevalue.py",
)
_FORMAT = 2
_MAGIC = b"sourcebound-record 2\n"
_KEY_BYTES = 64
_DIGEST_BYTES = 32
_HEADER = len(_MAGIC) + _KEY_BYTES + _DIGEST_BYTES


@cache
def rules_version() -> str:
    """A hash of the extraction code and rules (and the package version)."""
    package = Path(__file__).parent
    digest = hashlib.sha256(f"sourcebound {__version__} cache {_FORMAT}".encode())
    files = [package / name for name in _EXTRACTION_MODULES] + sorted((package / "rules").glob("*.py"))
    for path in files:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def record_key(document: Document, dct: str | None) -> str:
    """Everything a record depends on, hashed: the whole document (its text by
    its content hash) and the document date, under the current rules."""
    material = "\0".join(
        (
            rules_version(),
            document.id,
            document.source,
            document.content_hash,
            document.format.value,
            repr(document.metadata),
            dct or "",
            document.structural_title or "",
        )
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def dump_record(record: DocumentRecord) -> bytes:
    """A record as the bytes stored in an entry and sent between processes."""
    buffer = io.BytesIO()
    pickle.dump(record, buffer, protocol=pickle.HIGHEST_PROTOCOL)
    return buffer.getvalue()


def load_record(payload: bytes) -> DocumentRecord:
    """The record in ``payload`` (from :func:`dump_record`)."""
    record = pickle.loads(payload)  # noqa: S301 - written by this package, digest-checked
    if not isinstance(record, DocumentRecord):
        raise TypeError(f"not a document record: {type(record).__name__}")
    return record


@contextmanager
def collector_paused(*, settle: bool = False) -> Iterator[None]:
    """Pause Python's cycle collector while many small acyclic objects are made.

    A record is a tree of a thousand small objects without cycles; each
    collection would walk every record loaded so far, which made loading a
    thousand cached records several times slower than unpickling them. The
    corpus-wide steps allocate hundreds of thousands more beside them.
    Reference counting still frees what is dropped.

    ``settle``: what the step made is kept (it is the ledger), so it joins the
    oldest generation at once rather than be walked by the next young
    collection, as it would be after surviving it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if settle and gc.get_freeze_count() == 0:  # never unfreeze what a caller froze
                gc.freeze()
                gc.unfreeze()  # the frozen objects go to the oldest generation
            gc.enable()


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST_BYTES).digest()


class RecordCache:
    """Records on disk, one file per key, under ``directory``.

    Several processes (and machines sharing the folder) may read and write the
    same cache at once: an entry is content-addressed and replaced atomically."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def get_payload(self, key: str) -> bytes | None:
        """The stored bytes of the record under ``key``, checked but not unpickled."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            log.info("sourcebound cache: cannot read %s (%s)", path.name, exc)
            self.misses += 1
            return None
        payload = data[_HEADER:]
        if (
            len(data) <= _HEADER
            or not data.startswith(_MAGIC)
            or data[len(_MAGIC) : len(_MAGIC) + _KEY_BYTES] != key.encode("ascii")
            or data[len(_MAGIC) + _KEY_BYTES : _HEADER] != _digest(payload)
        ):
            log.info("sourcebound cache: ignoring damaged or foreign entry %s", path.name)
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def get(self, key: str) -> DocumentRecord | None:
        payload = self.get_payload(key)
        if payload is None:
            return None
        try:
            return load_record(payload)
        except Exception as exc:  # a damaged entry is only a miss
            log.info("sourcebound cache: ignoring unreadable entry %s (%s)", key, exc)
            self.hits -= 1
            self.misses += 1
            return None

    def put(self, key: str, record: DocumentRecord) -> bytes:
        """Store ``record`` under ``key``; return its bytes (see :func:`dump_record`)."""
        payload = dump_record(record)
        self.put_payload(key, payload)
        return payload

    def put_payload(self, key: str, payload: bytes) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_MAGIC + key.encode("ascii") + _digest(payload))
                    out.write(payload)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a cache that cannot be written only costs time
            log.warning("sourcebound cache: cannot write %s: %s", path, exc)
