"""Fuzzing the loader: generated data folders, valid and mutated, never make it raise.

Properties, for every generated folder: loading never raises; every record of the input that is
missing from the Atlas is explained by an issue naming its file; every table survives a CSV round
trip. `make test` runs a quick profile; `make fuzz` runs 20,000 examples and prints the count.
"""

from __future__ import annotations

import io
import os
from typing import Any

import pandas as pd
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import build_atlas
from loaders.export import csv_bytes
from loaders.sources import SourceFile

EXAMPLES = int(os.environ.get("TWINNING_ATLAS_FUZZ_EXAMPLES", "120"))
RAN = {"examples": 0}

slugs = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
odd_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "NO",
            "yes",
            "on",
            "~",
            "null",
            "<script>alert(1)</script>",
            "广州开发区",
            "\u202e",
            "a\u0000b",
            "1e309",
            "-0",
            "2023-02-30",
            "&amp;",
            "[x](javascript:alert(1))",
            "   ",
            "\ufeff",
        ]
    ),
)
anything: st.SearchStrategy[Any] = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), odd_text),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def folders(draw: st.DrawFn) -> dict[str, Any]:
    """A valid folder as Python data: themes, cities with initiatives, partnerships with sessions."""
    theme_ids = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    themes = {"themes": [{"id": t, "label": t.title(), "keywords": [t.replace("-", " ")]} for t in theme_ids]}
    city_ids = draw(st.lists(slugs, min_size=2, max_size=4, unique=True))
    files: dict[str, Any] = {"themes.yaml": themes}
    for c in city_ids:
        initiatives = [
            {
                "id": f"{c}-i{k}",
                "title": draw(odd_text.filter(str.strip)) or "T",
                "themes": draw(st.lists(st.sampled_from(theme_ids), max_size=2)),
                "status": draw(st.sampled_from(["planned", "ongoing", "completed", "unknown"])),
            }
            for k in range(draw(st.integers(0, 3)))
        ]
        files[f"cities/{c}.yaml"] = {
            "id": c,
            "name": c.title(),
            "country": draw(st.sampled_from(["IT", "NO", "CN"])),
            "lat": draw(st.floats(-90, 90)),
            "lon": draw(st.floats(-180, 180)),
            "initiatives": initiatives,
        }
    a, b = city_ids[:2]
    files[f"partnerships/{a}--{b}.yaml"] = {
        "id": f"{a}--{b}",
        "cities": [a, b],
        "kind": "twinning",
        "sessions": [
            {
                "date": f"2023-0{m}-1{m}",
                "title": f"S{m}",
                "topics": theme_ids[:1],
                "follow_up": theme_ids[-1:],
            }
            for m in range(1, draw(st.integers(1, 3)) + 1)
        ],
    }
    return files


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _mutate(data: Any, draw: st.DrawFn) -> Any:
    """Replace, delete or add one thing somewhere in the document."""
    paths = _paths(data)
    path = draw(st.sampled_from(paths))
    if not path:
        return draw(anything)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    action = draw(st.sampled_from(["replace", "delete", "unknown-key", "deep"]))
    if action == "replace":
        parent[path[-1]] = draw(anything)
    elif action == "delete":
        del parent[path[-1]]
    elif action == "unknown-key" and isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(anything)
    elif action == "deep":
        nested: Any = "x"
        for _ in range(draw(st.integers(1, 80))):
            nested = [nested]
        parent[path[-1]] = nested
    return data


@st.composite
def mutated_folders(draw: st.DrawFn) -> list[SourceFile]:
    documents = draw(folders())
    for _ in range(draw(st.integers(0, 4))):
        name = draw(st.sampled_from(sorted(documents)))
        documents[name] = _mutate(documents[name], draw)
    files = []
    for name, document in documents.items():
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")
        byte_mutation = draw(st.sampled_from(["none", "none", "none", "truncate", "insert", "bom"]))
        if byte_mutation == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif byte_mutation == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.binary(min_size=1, max_size=8)) + text[at:]
        elif byte_mutation == "bom":
            text = b"\xef\xbb\xbf" + text
        files.append(SourceFile(name, text))
    return files


def _expected_ids(file: SourceFile) -> tuple[str, list[str]]:
    """(table, ids) of the records a file should produce, read back with PyYAML to know what was meant."""
    try:
        data = yaml.safe_load(file.data.decode("utf-8", errors="replace"))
    except yaml.YAMLError:
        return "", []
    if not isinstance(data, dict):
        return "", []
    if file.kind == "city":
        inner = data.get("initiatives") if isinstance(data.get("initiatives"), list) else []
        ids = [data.get("id")] + [i.get("id") for i in inner if isinstance(i, dict)]
        return "cities+initiatives", [i for i in ids if isinstance(i, str)]
    if file.kind == "partnership":
        return "partnerships", [data["id"]] if isinstance(data.get("id"), str) else []
    return "", []


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated_folders())
def test_loading_never_raises_and_explains_every_missing_record(files: list[SourceFile]) -> None:
    RAN["examples"] += 1
    atlas = build_atlas(files)
    present = set(atlas.cities["id"]) | set(atlas.initiatives["id"]) | set(atlas.partnerships["id"])
    files_with_issues = set(atlas.issues["file"])
    for file in files:
        _, ids = _expected_ids(file)
        missing = [i for i in ids if i not in present]
        assert not missing or file.path in files_with_issues, (file.path, missing, atlas.issues)
    for name, table in atlas.tables().items():
        back = pd.read_csv(io.BytesIO(csv_bytes(table)), dtype=str, keep_default_na=False)
        assert list(back.columns) == list(table.columns), name
        assert len(back) == len(table), name
        if "id" in table.columns:
            assert back["id"].tolist() == table["id"].astype(str).tolist(), name
    assert set(atlas.issues["severity"]) <= {"error", "warning"}


def test_report_how_many_examples_ran() -> None:
    """Printed with `make fuzz` (pytest -s): the number of generated folders that were loaded."""
    print(f"\nfuzzed the loader with {RAN['examples']:,} generated data folders")
    assert RAN["examples"] == 0 or RAN["examples"] >= min(EXAMPLES, 10)
