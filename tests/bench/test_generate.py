"""The synthetic data generator: valid, seeded, labelled as synthetic, on the real twin topology."""

from __future__ import annotations

from pathlib import Path

from bench.__main__ import Row, load_rows
from bench.generate import TWIN_NETWORK, generate, twin_edges
from loaders import load_atlas


def test_a_generated_folder_is_valid_and_as_big_as_asked(tmp_path: Path) -> None:
    folder = generate(tmp_path / "data", cities=10, initiatives=4, sessions=2)
    atlas = load_atlas(folder)
    assert atlas.issues.empty, atlas.issues
    assert (len(atlas.cities), len(atlas.initiatives), len(atlas.partnerships), len(atlas.sessions)) == (
        10,
        40,
        5,
        10,
    )
    assert set(atlas.initiative_themes["origin"]) == {"declared", "inferred"}
    assert atlas.cities["id"].iloc[0] == "city-00000"


def test_same_seed_same_files_and_labelled_synthetic(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", cities=4, seed=3)
    second = generate(tmp_path / "b", cities=4, seed=3)
    for path in sorted(first.rglob("*.yaml")):
        assert path.read_bytes() == (second / path.relative_to(first)).read_bytes()
    assert (first / "cities" / "city-00001.yaml").read_text(encoding="utf-8").startswith("# SYNTHETIC")
    assert "SYNTHETIC" in (first / "README.md").read_text(encoding="utf-8")


def test_the_twin_network_has_its_published_size() -> None:
    cities, edges = twin_edges(TWIN_NETWORK)
    assert (cities, len(edges)) == (14_274, 20_573)


def test_load_figures_on_a_tiny_folder(tmp_path: Path) -> None:
    folder = generate(tmp_path / "data", cities=6, initiatives=2, sessions=1)
    rows = load_rows(folder, 6, tmp_path / "cache", repeats=1)
    assert [row.figure.split(",")[0] for row in rows] == ["cold load", "restart load", "warm load in the app"]
    assert all(row.value > 0 and row.baseline and row.baseline > 0 for row in rows)
    assert Row("x", 2.0, "s", 4.0, 0.6).verdict == "ok"
    assert Row("x", 3.0, "s", 4.0, 0.6).verdict == "MISS"
