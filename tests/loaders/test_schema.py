"""The JSON Schemas: generated from the models, committed for editors, and in step with both."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest

from loaders.schema import SCHEMA_FILES, schema_documents
from loaders.sources import file_kind
from loaders.yaml_tree import parse_yaml
from tests.conftest import BASE_FILES, ROOT, SHIPPED_DATA

COMMITTED = ROOT / "schema"
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def as_editor_sees_it(value: Any) -> Any:
    """YAML 1.2 core schema, as yaml-language-server reads a file: numbers are numbers, NO is text."""
    if isinstance(value, dict):
        return {k: as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees_it(v) for v in value]
    if isinstance(value, str) and _INT.match(value):
        return int(value)
    if isinstance(value, str) and _FLOAT.match(value):
        return float(value)
    return value


def test_committed_schemas_are_up_to_date() -> None:
    """Run `make schema` after changing loaders/models.py."""
    for name, document in schema_documents().items():
        committed = json.loads((COMMITTED / name).read_text(encoding="utf-8"))
        assert committed == document, f"schema/{name} is stale: run `make schema`"


def test_schema_rejects_unknown_keys_as_the_loader_does() -> None:
    schema = schema_documents()[SCHEMA_FILES["city"]]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "oslo", "name": "Oslo", "country": "NO", "nmae": "x"}, schema)


def _data_files() -> list[tuple[str, str]]:
    shipped = [
        (p.relative_to(SHIPPED_DATA).as_posix(), p.read_text(encoding="utf-8"))
        for p in sorted(SHIPPED_DATA.rglob("*.yaml"))
    ]
    return list(BASE_FILES.items()) + shipped


@pytest.mark.parametrize(
    ("rel", "text"), _data_files(), ids=lambda v: v if "/" in v or v.endswith("yaml") else ""
)
def test_valid_files_pass_their_json_schema(rel: str, text: str) -> None:
    kind = file_kind(rel)
    assert kind is not None, rel
    schema = schema_documents()[SCHEMA_FILES[kind]]
    data = as_editor_sees_it(parse_yaml(text.encode()).data)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())


def test_every_shipped_file_names_its_schema_for_editors() -> None:
    for path in sorted(SHIPPED_DATA.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = file_kind(path.relative_to(SHIPPED_DATA).as_posix())
        depth = "../" * len(path.relative_to(SHIPPED_DATA).parts)
        expected = f"# yaml-language-server: $schema={depth}schema/{SCHEMA_FILES[kind]}"
        assert first == expected, path
