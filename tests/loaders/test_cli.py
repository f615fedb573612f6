"""The command line contracts: `python -m loaders validate | export | schema`."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

from tests.conftest import ROOT, FolderMaker, run_module


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_module("loaders", *args)


def test_validate_clean_folder_exits_0_with_a_summary(make_folder: FolderMaker) -> None:
    result = run("validate", make_folder())
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "0 errors, 0 warnings; loaded 6 themes, 2 cities, 3 initiatives, 1 partnerships, 1 sessions"
    ]


def test_validate_prints_one_line_per_issue_and_exits_1_on_errors(make_folder: FolderMaker) -> None:
    folder = make_folder(
        {
            "cities/oslo.yaml": "id: oslo\nname: Oslo\ncountry: NO\nnmae: x\n",
            "cities/notes.txt": "not data",
        }
    )
    result = run("validate", folder)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "cities/notes.txt:1: warning: (file): ignored: not a YAML file (notes.txt)"
    assert lines[1] == "cities/oslo.yaml:4: error: nmae: unknown key 'nmae' (did you mean 'name'?)"
    assert lines[2].startswith("1 error, 1 warning; loaded")
    assert "Traceback" not in result.stderr


def test_warnings_alone_exit_0(make_folder: FolderMaker) -> None:
    assert run("validate", make_folder({"notes.yaml": "a: 1\n"})).returncode == 0


def test_not_a_data_folder_exits_2_without_traceback(tmp_path: Path) -> None:
    for target in (tmp_path, tmp_path / "missing", ROOT / "README.md"):
        result = run("validate", target)
        assert result.returncode == 2
        assert "not a data folder" in result.stderr
        assert "Traceback" not in result.stderr


def test_export_writes_every_table_even_with_errors(make_folder: FolderMaker, tmp_path: Path) -> None:
    folder = make_folder(
        {
            "cities/oslo.yaml": "id: oslo\nname: Oslo\ncountry: NO\ninitiatives:\n"
            "  - id: oslo-bus\n    title: Electric buses and cycling lanes\n"
            "  - id: oslo-bad\n    title: Bad\n    status: done\n",
        }
    )
    out = tmp_path / "out"
    result = run("export", folder, out)
    assert result.returncode == 1
    with (out / "cities.csv").open(encoding="utf-8") as handle:
        cities = {row["id"]: row for row in csv.DictReader(handle)}
    assert cities["oslo"]["country"] == "NO"
    assert cities["gdd"]["local_name"] == "广州开发区"
    with (out / "initiative_themes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:4] == ["initiative_id", "city_id", "theme_id", "origin"]
    assert {
        "initiative_id": "oslo-bus",
        "city_id": "oslo",
        "theme_id": "sustainable-mobility",
        "origin": "inferred",
    }.items() <= next(r for r in rows if r["initiative_id"] == "oslo-bus").items()
    with (out / "issues.csv").open(encoding="utf-8") as handle:
        (issue,) = csv.DictReader(handle)
    assert (issue["file"], issue["line"], issue["path"]) == ("cities/oslo.yaml", "9", "initiatives[1].status")


def test_export_round_trip_reproduces_the_atlas(make_folder: FolderMaker, tmp_path: Path) -> None:
    import pandas as pd

    from loaders import load_atlas

    folder = make_folder()
    assert run("export", folder, tmp_path / "out").returncode == 0
    atlas = load_atlas(folder)
    for name, table in atlas.tables().items():
        back = pd.read_csv(tmp_path / "out" / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(back.columns) == list(table.columns), name
        assert len(back) == len(table), name
    back = pd.read_csv(tmp_path / "out" / "sessions.csv", dtype=str)
    assert back.loc[0, "date"] == "2023-03-14"


def test_schema_writes_three_json_schemas(tmp_path: Path) -> None:
    result = run("schema", tmp_path)
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "city.schema.json",
        "partnership.schema.json",
        "themes.schema.json",
    ]


def test_export_to_a_file_says_so_before_loading(tmp_path: Path) -> None:
    target = tmp_path / "tables.csv"
    target.write_text("keep me")
    result = run_module("loaders", "export", "data", target)
    assert result.returncode == 2
    assert (
        result.stderr == f"error: cannot export to {target}: it is a file; name a folder (new or existing)\n"
    )
    assert result.stdout == ""
    assert target.read_text() == "keep me"
