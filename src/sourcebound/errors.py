"""One exception hierarchy and the diagnostics every stage returns.

Library code raises :class:`SourceboundError` subclasses or returns
:class:`Diagnostic` records; only the CLI turns them into output and exit codes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    """How bad a diagnostic is; ``ERROR`` means the input was not used."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A message about one input file, printed as ``path:line: message``."""

    path: str
    line: int | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity.value,
            "message": self.message,
        }


class SourceboundError(Exception):
    """Base class of every error sourcebound raises on purpose."""


class ConfigurationError(SourceboundError):
    """The corpus folder, the site configuration or a command option is unusable."""


class InputRejected(SourceboundError):
    """An input file cannot become a document; carries every reason found."""

    def __init__(self, diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]):
        self.diagnostics = tuple(diagnostics)
        super().__init__("; ".join(str(d) for d in self.diagnostics))


class StrictModeFailure(SourceboundError):
    """``--strict`` was asked for and at least one input was rejected."""
