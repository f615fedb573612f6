"""JSON Schema files for the three file kinds, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.models import FILE_MODELS

SCHEMA_FILES = {
    "themes": "themes.schema.json",
    "city": "city.schema.json",
    "partnership": "partnership.schema.json",
}


def schema_documents() -> dict[str, dict]:
    """File name -> JSON Schema document (draft 2020-12), keyed as users reference them."""
    documents = {}
    for kind, file_name in SCHEMA_FILES.items():
        schema = FILE_MODELS[kind].model_json_schema(by_alias=True, mode="validation")
        documents[file_name] = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return documents


def write_schemas(out: str | Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, document in schema_documents().items():
        path = out / file_name
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
