"""The published ledger: an index and one file per document, valid against the
documented schemas, the same bytes on every build, withheld text nowhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from sourcebound.ledger import (
    INDEX_PATH,
    LEDGER_FORMAT,
    PUBLISHED_FORMAT,
    document_data_path,
    document_json,
    index_json,
    ledger_json,
    published_dumps,
    published_files,
    published_records,
)
from sourcebound.model import Ledger
from sourcebound.pipeline import build_ledger
from sourcebound.timeline import corpus_timeline

from .conftest import CORPUS, DEFAULT_DOCUMENTS, ROOT

SCHEMAS = {name: json.loads((ROOT / "docs" / "schema" / name).read_text("utf-8")) for name in ("ledger.schema.json", "document.schema.json")}
REGISTRY = Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in SCHEMAS.values())


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMAS[name], registry=REGISTRY)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default corpus and a document whose metadata withholds its text."""
    folder = tmp_path_factory.mktemp("ledger") / "corpus"
    shutil.copytree(CORPUS, folder)
    (folder / "secret.txt").write_text(
        "The licensed sentence says something. Officials said the bridge closed on Monday, according to Ann Example.", "utf-8"
    )
    (folder / "secret.txt.meta.yaml").write_text("display: withheld\nlicense: All rights reserved\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def ledger(corpus: Path) -> Ledger:
    return build_ledger(corpus, workers=1)


@pytest.fixture(scope="module")
def published(ledger: Ledger) -> tuple[dict[str, str], list[dict[str, str]]]:
    return published_files(ledger)


def test_one_index_and_one_file_per_document(ledger: Ledger, published: tuple[dict[str, str], list[dict[str, str]]]) -> None:
    files, _ = published
    assert set(files) == {INDEX_PATH} | {document_data_path(r.id) for r in ledger.records}
    assert {document_data_path(d.replace("_", "-")) for d in DEFAULT_DOCUMENTS} < set(files)
    index = json.loads(files[INDEX_PATH])
    assert index["format"] == PUBLISHED_FORMAT != LEDGER_FORMAT
    assert [d["id"] for d in index["documents"]] == [r.id for r in ledger.records]
    for entry, record in zip(index["documents"], ledger.records):
        # The entry's file is named relative to the index, and holds that document.
        assert "data/" + entry["file"] == document_data_path(record.id)
        document = json.loads(files["data/" + entry["file"]])
        assert document["id"] == entry["id"] and document["content_hash"] == entry["content_hash"]
        assert entry["counts"]["sentences"] == len(document["sentences"])
        assert entry["counts"]["attributions"] == len(document["attributions"])
        assert entry["metadata"] == document["metadata"]


def test_each_document_file_is_the_public_document_record(ledger: Ledger, published: tuple[dict[str, str], list[dict[str, str]]]) -> None:
    files, _ = published
    for record in ledger.records:
        assert json.loads(files[document_data_path(record.id)]) == json.loads(json.dumps(document_json(record, public=True)))


def test_the_index_holds_the_corpus_level_parts_of_the_public_ledger(ledger: Ledger, published: tuple[dict[str, str], list[dict[str, str]]]) -> None:
    files, _ = published
    index = json.loads(files[INDEX_PATH])
    whole = json.loads(json.dumps(ledger_json(ledger, public=True)))
    assert list(index) == list(whole)
    for key in ("sources", "timeline", "comparison", "bounds", "inputs"):
        assert index[key] == whole[key], key


def test_published_files_are_valid_against_the_documented_schemas(
    ledger: Ledger, published: tuple[dict[str, str], list[dict[str, str]]]
) -> None:
    files, _ = published
    validator("ledger.schema.json").validate(json.loads(files[INDEX_PATH]))
    for record in ledger.records:
        validator("document.schema.json").validate(json.loads(files[document_data_path(record.id)]))
    # The whole ledger ``extract`` prints is still a valid ledger too.
    validator("ledger.schema.json").validate(json.loads(json.dumps(ledger_json(ledger))))


def test_the_schema_tells_the_index_from_the_whole_ledger(ledger: Ledger) -> None:
    index = json.loads(json.dumps(index_json(ledger)))
    whole = json.loads(json.dumps(ledger_json(ledger, public=True)))
    schema = validator("ledger.schema.json")
    assert schema.is_valid(index) and schema.is_valid(whole)
    assert not schema.is_valid({**index, "documents": whole["documents"]})
    assert not schema.is_valid({**whole, "documents": index["documents"]})
    assert not schema.is_valid({**index, "format": LEDGER_FORMAT})
    assert not validator("document.schema.json").is_valid(index["documents"][0])


def test_withheld_text_is_in_no_published_file(ledger: Ledger, published: tuple[dict[str, str], list[dict[str, str]]]) -> None:
    files, _ = published
    secret = next(r for r in ledger.records if r.id == "secret")
    assert not secret.document.metadata.text_visible
    assert "licensed sentence" in json.dumps(ledger_json(ledger), ensure_ascii=False)
    for path, text in files.items():
        assert "licensed sentence" not in text, path
        assert "Ann Example" not in text, path
    document = json.loads(files[document_data_path("secret")])
    assert document["text"] is None and document["sentences"] and all(s["text"] is None for s in document["sentences"])


def test_the_same_input_gives_the_same_bytes(corpus: Path, published: tuple[dict[str, str], list[dict[str, str]]]) -> None:
    again = build_ledger(corpus, workers=1)
    assert published_files(again) == published
    # A caller that has the corpus timeline already may hand it over.
    assert published_files(again, timeline=corpus_timeline(published_records(again))) == published


def test_the_data_page_rows_describe_the_index_and_the_document_files(
    ledger: Ledger, published: tuple[dict[str, str], list[dict[str, str]]]
) -> None:
    files, rows = published
    assert [r["name"] for r in rows] == ["ledger.json", "documents/<id>.json"]
    assert rows[0]["href"] == INDEX_PATH
    assert all(set(r) == {"name", "href", "description", "size"} for r in rows)
    assert f"({len(ledger.records)} files)" in rows[1]["description"]
    assert rows[1]["size"].endswith(" in all")
    total = sum(len(t.encode("utf-8")) for p, t in files.items() if p != INDEX_PATH)
    assert rows[1]["size"] == (f"{total:,} bytes in all" if total < 10_000 else f"{total / 1024:,.0f} KB in all")


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        None,
        "text “quoted” é",
        {"a": [{"b": 1}, {"c": [1, 2, {"d": None}]}], "e": {"f": {"g": {"h": [{"i": 1.5}]}}}, "j": [1, 2], "k": [], "l": {}},
        [[1, 2], [3, 4]],
        {"mixed": [1, {"a": 2}, [3]]},
    ],
)
def test_published_json_reads_back_as_the_same_value(value: Any) -> None:
    text = published_dumps(value)
    assert text.endswith("\n") and json.loads(text) == value
    assert "\\u" not in text


def test_records_are_one_per_line(ledger: Ledger, published: tuple[dict[str, str], list[dict[str, str]]]) -> None:
    files, _ = published
    record = next(r for r in ledger.records if r.segmentation.sentences and r.document.metadata.text_visible)
    lines = files[document_data_path(record.id)].splitlines()
    for sentence in json.loads(files[document_data_path(record.id)])["sentences"]:
        line = json.dumps(sentence, ensure_ascii=False, separators=(",", ":"))
        assert f"    {line}," in lines or f"    {line}" in lines
    index_lines = files[INDEX_PATH].splitlines()
    assert len([line for line in index_lines if '"file":"documents/' in line]) == len(ledger.records)


def test_every_field_of_an_index_entry_is_documented() -> None:
    import re

    text = (ROOT / "docs" / "ledger.md").read_text("utf-8")
    section = text.split("## An index entry\n", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    entry = SCHEMAS["ledger.schema.json"]["$defs"]["documentEntry"]
    assert sorted(documented) == sorted(entry["properties"])
    counts = re.search(r"^\| `counts` \|(.*)$", section, flags=re.MULTILINE)
    assert counts and sorted(re.findall(r"`([a-z_]+)`", counts.group(1))) == sorted(entry["properties"]["counts"]["properties"])
