"""A cache of per-document extraction results, keyed by content and rules.

A record is reused only when everything it was derived from is the same: the
document's text (its content hash), its metadata, the document date, and the
extraction code and rules themselves (:func:`rules_version` hashes their source
files, so editing a rule invalidates every entry without anyone having to
remember to bump a number).

Entries are written to a temporary file and renamed into place, so a crash
mid-build leaves either the old entry, the new one, or none — never a partial
one. An entry that cannot be read, or that was stored under another key, is
treated as missing and recomputed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from dataclasses import asdict
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
_FORMAT = 1


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
    """Everything a record depends on, hashed."""
    metadata = json.dumps(asdict(document.metadata), sort_keys=True, default=str)
    material = "\0".join((rules_version(), document.id, document.content_hash, document.format.value, metadata, dct or "", document.structural_title or ""))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class RecordCache:
    """Records on disk, one file per key, under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> DocumentRecord | None:
        path = self._path(key)
        try:
            with path.open("rb") as handle:
                stored_key, record = pickle.load(handle)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception as exc:  # a damaged entry is only a miss
            log.info("sourcebound cache: ignoring unreadable entry %s (%s)", path.name, exc)
            self.misses += 1
            return None
        if stored_key != key or not isinstance(record, DocumentRecord):
            self.misses += 1
            return None
        self.hits += 1
        return record

    def put(self, key: str, record: DocumentRecord) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(handle, "wb") as out:
                    pickle.dump((key, record), out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a cache that cannot be written only costs time
            log.warning("sourcebound cache: cannot write %s: %s", path, exc)
