"""Whole-output regressions: the ledger of each default document, as committed.

Refresh with ``scripts/update-golden`` and review the diff.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sourcebound.cli import cli

from .conftest import DEFAULT_DOCUMENTS, ROOT


@pytest.mark.parametrize("stem", DEFAULT_DOCUMENTS)
def test_ledger_matches_golden(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["extract", f"corpus/{stem}.txt"])
    assert result.exit_code == 0, result.output
    golden = json.loads((ROOT / "tests" / "golden" / f"{stem}.json").read_text("utf-8"))
    assert json.loads(result.stdout) == golden
