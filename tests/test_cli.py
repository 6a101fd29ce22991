"""The command line, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from sourcebound.cli import cli

from .conftest import CORPUS, ROOT

SCHEMA = json.loads((ROOT / "docs" / "schema" / "ledger.schema.json").read_text("utf-8"))


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_extract_prints_a_ledger_valid_against_the_documented_schema() -> None:
    result = run("extract", str(CORPUS / "000_1363d7abf5fa0263.txt"), str(CORPUS / "003_266b0a360377c358.txt"))
    assert result.exit_code == 0, result.output
    ledger = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(ledger)
    assert [d["id"] for d in ledger["documents"]] == ["000-1363d7abf5fa0263", "003-266b0a360377c358"]
    for document in ledger["documents"]:
        text = document["text"]
        for sentence in document["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_extract_sets_the_document_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The mayor said on Friday that a drone was downed.", "utf-8")
    ledger = json.loads(run("extract", str(path), "--dct", "2024-11-01").stdout)
    assert ledger["documents"][0]["dct"] == {"value": "2024-11-01", "origin": "--dct"}
    jsonschema.Draft202012Validator(SCHEMA).validate(ledger)


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "2024-11"])
def test_extract_rejects_a_bad_document_date(tmp_path: Path, value: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Text.", "utf-8")
    result = run("extract", str(path), "--dct", value)
    assert result.exit_code == 2
    assert "--dct" in result.output


def test_extract_reports_rejected_files_and_still_prints_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The mayor said so.", "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", str(good), str(empty))
    assert result.exit_code == 1
    assert f"Error: {empty}: empty file" in result.stderr
    ledger = json.loads(result.stdout)
    assert [d["id"] for d in ledger["documents"]] == ["good"]
    assert {i["status"] for i in ledger["inputs"]} == {"accepted", "rejected"}


def test_extract_missing_file_is_one_clear_error() -> None:
    result = run("extract", "no/such/file.txt")
    assert result.exit_code == 1
    assert result.stderr == "Error: no/such/file.txt: no such file\n"


def test_build_with_missing_corpus_is_one_clear_error(tmp_path: Path) -> None:
    result = run("build", "--corpus", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert "Error: corpus folder not found" in result.stderr


def test_version() -> None:
    assert run("--version").output.startswith("sourcebound, version ")
