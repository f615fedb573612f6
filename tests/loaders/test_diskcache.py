"""The on-disk cache: used when the files are unchanged, rebuilt when they change or it is damaged."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from loaders import load_atlas
from loaders.diskcache import load_atlas_cached
from tests.conftest import FolderMaker


def entries(where: Path) -> list[Path]:
    return sorted(p for p in where.iterdir() if p.is_dir() and not p.name.startswith("."))


def assert_same(a, b) -> None:
    for name, table in a.tables().items():
        pd.testing.assert_frame_equal(table, getattr(b, name), check_dtype=True, obj=name)


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(
    make_folder: FolderMaker, tmp_path: Path
) -> None:
    folder, where = make_folder(), tmp_path / "cache"
    first = load_atlas_cached(folder, where=where)
    (entry,) = entries(where)
    second = load_atlas_cached(folder, where=where)
    assert entries(where) == [entry]
    assert_same(second, load_atlas(folder))
    assert_same(first, second)


def test_an_edited_file_gets_a_new_entry(make_folder: FolderMaker, tmp_path: Path) -> None:
    folder, where = make_folder(), tmp_path / "cache"
    load_atlas_cached(folder, where=where)
    (folder / "cities" / "gdd.yaml").write_text("id: gdd\nname: GDD\ncountry: CN\n", encoding="utf-8")
    atlas = load_atlas_cached(folder, where=where)
    assert len(entries(where)) == 2
    assert atlas.cities.set_index("id").loc["gdd", "name"] == "GDD"


@pytest.mark.parametrize("damage", ["truncate", "garbage", "manifest", "delete"])
def test_a_damaged_entry_is_rebuilt_not_trusted(
    make_folder: FolderMaker, tmp_path: Path, damage: str
) -> None:
    folder, where = make_folder(), tmp_path / "cache"
    load_atlas_cached(folder, where=where)
    (entry,) = entries(where)
    target = entry / "cities.arrow"
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:100])
    elif damage == "garbage":
        target.write_bytes(b"\x00" * 4096)
    elif damage == "manifest":
        (entry / "manifest.json").write_text("{not json", encoding="utf-8")
    else:
        target.unlink()
    atlas = load_atlas_cached(folder, where=where)
    assert_same(atlas, load_atlas(folder))


def test_an_unwritable_cache_folder_is_not_an_error(make_folder: FolderMaker, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    atlas = load_atlas_cached(make_folder(), where=blocker / "cache")
    assert len(atlas.cities) == 2


def test_the_cache_never_goes_into_the_data_folder(make_folder: FolderMaker) -> None:
    folder = make_folder()
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    load_atlas_cached(folder)
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
