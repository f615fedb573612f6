"""A small hand-made programme whose every score is computed by hand in the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.profiles import Profiles, build_profiles
from loaders import Atlas, load_atlas
from tests.conftest import write_folder

HAND_MADE = {
    "themes.yaml": """\
        themes:
          - {id: food, label: Food}
          - {id: mobility, label: Mobility}
          - {id: parks, label: Parks}
          - {id: smes, label: SMEs}
        """,
    "cities/a.yaml": """\
        id: a
        name: A
        country: IT
        initiatives:
          - {id: a1, title: A1, themes: [mobility, smes], status: ongoing}
          - {id: a2, title: A2, themes: [parks], status: completed}
          - {id: a3, title: A3, themes: [mobility], status: planned}
        """,
    "cities/b.yaml": """\
        id: b
        name: B
        country: CN
        initiatives:
          - {id: b1, title: B1, themes: [mobility], status: ongoing}
          - {id: b2, title: B2, themes: [smes]}
        """,
    "cities/c.yaml": """\
        id: c
        name: C
        country: BR
        seeks: [mobility, parks]
        initiatives:
          - {id: c1, title: C1, themes: [food], status: ongoing}
        """,
    "cities/d.yaml": """\
        id: d
        name: D
        country: DE
        initiatives:
          - {id: d1, title: D1, themes: [mobility, smes], status: ongoing}
          - {id: d2, title: D2, themes: [parks]}
          - {id: d3, title: D3, themes: [smes]}
        """,
    "partnerships/a--b.yaml": """\
        id: a--b
        cities: [a, b]
        kind: twinning
        sessions:
          - date: 2023-01-10
            title: First
            topics: [mobility, food]
            follow_up: [parks, food]
            presented: {a: [a1]}
            interests:
              - {city: b, in: a1}
          - date: 2023-06-01
            title: Second
            topics: [parks]
            follow_up: [smes]
        """,
    "partnerships/b--c.yaml": "id: b--c\ncities: [b, c]\nkind: cooperation\n",
}


@pytest.fixture(scope="session")
def hand_made(tmp_path_factory: pytest.TempPathFactory) -> Atlas:
    folder = write_folder(tmp_path_factory.mktemp("hand") / "data", HAND_MADE)
    atlas = load_atlas(folder)
    assert atlas.issues.empty, atlas.issues
    return atlas


@pytest.fixture(scope="session")
def profiles(hand_made: Atlas) -> Profiles:
    return build_profiles(hand_made)


@pytest.fixture(scope="session")
def hand_made_folder(hand_made: Atlas) -> Path:
    return Path(hand_made.source)
