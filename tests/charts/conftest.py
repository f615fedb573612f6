"""Chart tests reuse the hand-made programme of the analytics tests."""

from __future__ import annotations

import pytest

from analytics.profiles import Profiles, build_profiles
from loaders import Atlas, load_atlas
from tests.analytics.conftest import HAND_MADE
from tests.conftest import write_folder


@pytest.fixture(scope="session")
def hand_made(tmp_path_factory: pytest.TempPathFactory) -> Atlas:
    return load_atlas(write_folder(tmp_path_factory.mktemp("hand") / "data", HAND_MADE))


@pytest.fixture(scope="session")
def profiles(hand_made: Atlas) -> Profiles:
    return build_profiles(hand_made)


@pytest.fixture(scope="session")
def hand_made_with_places(tmp_path_factory: pytest.TempPathFactory) -> Atlas:
    files = {
        **HAND_MADE,
        "cities/a.yaml": "id: a\nname: Alpha\ncountry: IT\nlat: 41.1\nlon: 16.9\n",
        "cities/b.yaml": "id: b\nname: Beta\ncountry: CN\nlat: 23.2\nlon: 113.5\n",
    }
    atlas = load_atlas(write_folder(tmp_path_factory.mktemp("places") / "data", files))
    return atlas
