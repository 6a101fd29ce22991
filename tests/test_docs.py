"""Keep the hand-written docs honest about what the code does."""

from __future__ import annotations

import json
import re

import pytest

from sourcebound.metadata import metadata_schema

from .conftest import ROOT


def documented_keys(heading: str) -> list[str]:
    text = (ROOT / "docs" / "ledger.md").read_text("utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


def test_every_metadata_key_is_documented() -> None:
    assert sorted(documented_keys("## Metadata files")) == sorted(metadata_schema()["properties"])


@pytest.mark.parametrize(
    ("heading", "definition"),
    [
        ("## A document", "document"),
        ("## A time expression", "time"),
        ("## An attribution", "attribution"),
        ("## A source", "source"),
        ("## A timeline entry", "timelineEntry"),
        ("## A loaded term", "loadedTerm"),
        ("## A quantity", "quantity"),
        ("## A summary line", "summaryLine"),
    ],
)
def test_every_field_of_the_schema_is_documented(heading: str, definition: str) -> None:
    schema = json.loads((ROOT / "docs" / "schema" / "ledger.schema.json").read_text("utf-8"))
    assert sorted(documented_keys(heading)) == sorted(schema["$defs"][definition]["properties"])


def test_readme_names_the_two_commands_and_ci_runs_the_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "scripts/build-site" in readme and "scripts/test" in readme
    assert "exec scripts/test" in (ROOT / ".ci" / "run").read_text("utf-8")
