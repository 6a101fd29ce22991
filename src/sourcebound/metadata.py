"""Reading and validating document metadata, with every error collected.

Metadata comes from a YAML sidecar (``<file>.meta.yaml``), from Markdown front
matter, or from an HTML page's own markup. YAML is composed first so that each
key keeps its line number: a diagnostic then reads ``corpus/a.meta.yaml:4: …``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import yaml

from .errors import Diagnostic
from .model import Metadata

SIDECAR_SUFFIX = ".meta.yaml"

_PARTIAL_DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as the text they were written as: metadata
    states dates at their own precision, and an impossible date is reported
    by the validator, not raised by the parser."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        """The same resolvers as :class:`_Loader` on libyaml's parser: a sidecar
        is parsed in a tenth of the time. Only valid YAML is read with it; an
        error is reported by :class:`_Loader`, whose messages are the reference."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = _Loader  # type: ignore[misc]


def _compose_and_construct(text: str, loader_class: type) -> tuple[Any, Any]:
    """The node tree (for line numbers) and the values, from one parse."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        values = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, values


@cache
def metadata_schema() -> dict[str, Any]:
    text = resources.files("sourcebound.schemas").joinpath("metadata.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> jsonschema.Draft202012Validator:
    """Built once: building it (and checking the schema) costs more than validating."""
    return jsonschema.Draft202012Validator(metadata_schema())


#: The schema keywords :func:`_plainly_valid` understands; a schema using any
#: other keyword is always checked by the full validator.
_SIMPLE_KEYWORDS = frozenset({"description", "title", "$schema", "$id", "type", "pattern", "minLength", "maxLength", "enum", "items"})
_SIMPLE_TYPES = {"string": str, "null": type(None), "array": list}


@cache
def _simple_properties() -> dict[str, dict[str, Any]] | None:
    """The schema's properties if every one is simple enough for :func:`_plainly_valid`."""
    schema = metadata_schema()
    if set(schema) - {"$schema", "$id", "title", "description", "type", "additionalProperties", "properties"}:
        return None
    if schema.get("type") != "object" or schema.get("additionalProperties") is not False:
        return None
    properties: dict[str, dict[str, Any]] = schema["properties"]
    for rule in properties.values():
        if set(rule) - _SIMPLE_KEYWORDS:
            return None
        types = rule.get("type", [])
        if any(t not in _SIMPLE_TYPES for t in (types if isinstance(types, list) else [types])):
            return None
        items = rule.get("items")
        if items is not None and (set(items) - {"type", "minLength"} or items.get("type") != "string"):
            return None
        if "enum" in rule and not all(isinstance(choice, str) for choice in rule["enum"]):
            return None
    return properties


def _plainly_valid_value(value: Any, rule: dict[str, Any]) -> bool:
    if "type" in rule:
        types = rule["type"] if isinstance(rule["type"], list) else [rule["type"]]
        if not any(type(value) is _SIMPLE_TYPES[t] for t in types):
            return False
    if "enum" in rule and not (type(value) is str and value in rule["enum"]):
        return False
    if type(value) is str:
        if len(value) < rule.get("minLength", 0) or len(value) > rule.get("maxLength", len(value)):
            return False
        if "pattern" in rule and not _pattern(rule["pattern"]).search(value):
            return False
    if type(value) is list and "items" in rule:
        minimum = rule["items"].get("minLength", 0)
        return all(type(item) is str and len(item) >= minimum for item in value)
    return True


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _plainly_valid(values: dict[str, Any]) -> bool:
    """``True`` only if ``values`` certainly satisfies the schema: the common case,
    decided without the full validator. ``False`` means *check fully*, not *invalid*."""
    properties = _simple_properties()
    if properties is None:
        return False
    for key, value in values.items():
        rule = properties.get(key)
        if rule is None or not _plainly_valid_value(value, rule):
            return False
    return True


@dataclass(frozen=True)
class RawMetadata:
    """Metadata values as read, with the line of each key (1-based, in ``path``)."""

    path: str
    values: dict[str, Any]
    lines: dict[str, int]
    first_line: int


def read_yaml_mapping(text: str, path: str, first_line: int = 1) -> tuple[RawMetadata | None, list[Diagnostic]]:
    """Parse YAML text that should hold one mapping; report where it does not."""
    try:
        try:
            node, values = _compose_and_construct(text, _FastLoader)
        except yaml.YAMLError:
            node, values = _compose_and_construct(text, _Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [Diagnostic(path, line, f"metadata is not valid YAML: {problem}")]
    if values is None:
        return RawMetadata(path, {}, {}, first_line), []
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        kind = type(values).__name__
        return None, [Diagnostic(path, first_line, f"metadata must be a mapping of keys to values, not {kind}")]
    lines: dict[str, int] = {}
    for key_node, _value_node in node.value:
        lines[str(key_node.value)] = first_line + key_node.start_mark.line
    return RawMetadata(path, {str(k): v for k, v in values.items()}, lines, first_line), []


def check_partial_date(value: str) -> str | None:
    """Return why ``value`` is not a real date as stated, or ``None`` if it is."""
    match = _PARTIAL_DATE.match(value)
    if not match:
        return f"'{value}' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][±HH:MM]"
    year = int(match["y"])
    month = int(match["m"] or 1)
    day = int(match["d"] or 1)
    try:
        dt.date(year, month, day)
        if match["H"] is not None:
            dt.time(int(match["H"]), int(match["M"]), int(match["S"] or 0))
    except ValueError as exc:
        return f"'{value}' is not a possible date: {exc}"
    return None


def _type_words(expected: Any) -> str:
    names = {"string": "text", "null": "null", "array": "a list", "object": "a mapping"}
    if isinstance(expected, list):
        return " or ".join(names.get(e, e) for e in expected)
    return str(names.get(expected, expected))


def _shown(value: Any) -> str:
    """A value as written in a message: JSON where it has a JSON form (YAML can
    also hold binary data, which is shown as Python writes it)."""
    return json.dumps(value, default=repr)


def validate(raw: RawMetadata) -> list[Diagnostic]:
    """Every problem with ``raw``, each on the line of the key it concerns."""
    schema = metadata_schema()
    values = raw.values
    diagnostics: list[Diagnostic] = []
    errors = () if _plainly_valid(values) else _validator().iter_errors(values)
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        key = str(error.absolute_path[0]) if error.absolute_path else None
        line = raw.lines.get(key, raw.first_line) if key else raw.first_line
        if error.validator == "additionalProperties":
            known = ", ".join(sorted(schema["properties"]))
            for extra in sorted(set(values) - set(schema["properties"])):
                diagnostics.append(
                    Diagnostic(raw.path, raw.lines.get(extra, raw.first_line), f"unknown metadata key '{extra}' (known keys: {known})")
                )
        elif error.validator == "type":
            diagnostics.append(
                Diagnostic(raw.path, line, f"'{key}' must be {_type_words(error.validator_value)}, not {_shown(error.instance)}")
            )
        elif error.validator == "enum":
            choices = ", ".join(str(c) for c in error.validator_value)
            diagnostics.append(Diagnostic(raw.path, line, f"'{key}' must be one of: {choices} (got {_shown(error.instance)})"))
        else:
            diagnostics.append(Diagnostic(raw.path, line, f"'{key}': {error.message}"))
    published = values.get("published")
    if isinstance(published, str):
        problem = check_partial_date(published)
        if problem:
            diagnostics.append(Diagnostic(raw.path, raw.lines.get("published", raw.first_line), f"'published': {problem}"))
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.message))


def merge(layers: list[tuple[str, dict[str, Any]]]) -> tuple[Metadata, str | None]:
    """Combine metadata layers, later layers winning; return it and an ``id`` override.

    A key present with ``null`` in a later layer states *unknown* and clears an
    earlier value: a maintainer can overrule what an HTML page claims about itself.
    """
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for name, values in layers:
        for key, value in values.items():
            merged[key] = value
            if value is None:
                origin.pop(key, None)
            else:
                origin[key] = name
    authors = merged.get("authors") or ()
    metadata = Metadata(
        title=merged.get("title"),
        outlet=merged.get("outlet"),
        url=merged.get("url"),
        published=merged.get("published"),
        language=merged.get("language"),
        authors=tuple(authors),
        license=merged.get("license"),
        display=merged.get("display") or "full",
        notes=merged.get("notes"),
        origin=tuple(sorted(origin.items())),
    )
    return metadata, merged.get("id")
