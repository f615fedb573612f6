"""The analytics command line contracts: `pair` and `suggest` print JSON; unknown ids exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_module


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_module("analytics", *args)


def test_pair_prints_the_documented_json(hand_made_folder: Path) -> None:
    result = run("pair", hand_made_folder, "a--b")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert list(document) == [
        "partnership",
        "cities",
        "themes",
        "shared_themes",
        "jaccard",
        "overlap",
        "cosine",
        "complementarity",
        "matches",
        "gaps",
        "stale_follow_ups",
    ]
    assert document["cities"] == ["a", "b"]
    assert document["themes"][0] == {"theme": "mobility", "counts": {"a": 2, "b": 1}}
    assert document["shared_themes"] == ["mobility", "smes"]
    assert document["jaccard"] == pytest.approx(2 / 3)
    assert document["complementarity"] == {"a->b": 1.0, "b->a": 0.0}
    assert document["matches"][1] == {
        "initiatives": ["a1", "b1"],
        "score": 0.75,
        "shared_themes": ["mobility"],
        "interest": True,
    }
    assert (document["gaps"], document["stale_follow_ups"]) == (["food"], ["food", "smes"])


def test_suggest_prints_a_ranked_list(hand_made_folder: Path) -> None:
    result = run("suggest", hand_made_folder, "c", "--k", "1")
    assert result.returncode == 0, result.stderr
    (first,) = json.loads(result.stdout)
    assert {k: first[k] for k in ("city", "overlap", "complementarity", "shared_themes", "cousin")} == {
        "city": "a",
        "overlap": 0.0,
        "complementarity": 1.0,
        "shared_themes": [],
        "cousin": True,
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("pair", "a-b"), "unknown partnership 'a-b'; closest: a--b"),
        (("suggest", "aa"), "unknown city 'aa'; closest: a"),
    ],
)
def test_unknown_ids_exit_2_with_the_closest_ones(
    hand_made_folder: Path, args: tuple[str, str], message: str
) -> None:
    command, wanted = args
    result = run(command, hand_made_folder, wanted)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: {message}"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("pair", "bari--guangzhou"),
            "unknown partnership 'bari--guangzhou'; closest: bari--guangzhou-development-district",
        ),
        (("suggest", "BARI"), "unknown city 'BARI'; closest: bari"),
        (("suggest", "zzzz"), "unknown city 'zzzz'; no similar id among the 82 city ids (e.g. "),
        (("suggest", "bari\nrome"), "unknown city 'bari\\nrome'; closest: rome, bari"),
    ],
)
def test_unknown_ids_on_the_shipped_data_name_what_was_meant(args: tuple[str, str], message: str) -> None:
    from tests.conftest import SHIPPED_DATA

    command, wanted = args
    result = run(command, SHIPPED_DATA, wanted)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith(f"error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_pair_help_explains_partnerships_of_three() -> None:
    assert "first two cities" in run("pair", "--help").stdout


def test_suggest_reports_exact_scores_on_the_shipped_data() -> None:
    from tests.conftest import SHIPPED_DATA

    result = run("suggest", SHIPPED_DATA, "bari", "--k", "1")
    (best,) = json.loads(result.stdout)
    # Bari works on 8 themes, Bergamo on 3; they share urban regeneration and sustainable mobility
    assert (best["city"], best["overlap"]) == ("bergamo", 2 / 3)


def test_a_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    """`validate | head`: 3,000 warnings are far more than a pipe holds, so the reader closes it early."""
    from tests.conftest import BASE_FILES, write_folder

    folder = write_folder(
        tmp_path / "data", {**BASE_FILES, **{f"cities/note-{i}.txt": "x" for i in range(3_000)}}
    )
    result = subprocess.run(
        f"{sys.executable} -m loaders validate {folder} | head -n 2",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == ""
