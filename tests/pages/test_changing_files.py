"""Files changing under a running app: the next interaction shows the new state and its issues."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_DATA
from tests.pages.conftest import Opener, texts


@pytest.fixture
def live_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, folder)
    return folder


def cities_shown(at) -> str:
    return {m.label: m.value for m in at.metric}["Cities"]


def test_new_broken_and_deleted_files_show_on_the_next_run(open_page: Opener, live_folder: Path) -> None:
    at = open_page("overview", data=live_folder)
    assert cities_shown(at) == "82"
    (live_folder / "cities" / "tromso.yaml").write_text(
        "id: tromso\nname: Tromsø\ncountry: NO\n", encoding="utf-8"
    )
    at.run()
    assert not at.exception
    assert cities_shown(at) == "83"
    (live_folder / "cities" / "tromso.yaml").write_text("id: tromso\nname: [broken\n", encoding="utf-8")
    at.run()
    assert not at.exception
    assert cities_shown(at) == "82"
    assert "1 record left out because of errors" in texts(at)
    (live_folder / "cities" / "tromso.yaml").unlink()
    (live_folder / "cities" / "rimini.yaml").unlink()
    at.run()
    assert not at.exception
    assert cities_shown(at) == "81"
    assert "left out" in texts(at)  # the trio now names a city that is gone: reported, not a crash


def test_a_folder_that_disappears_is_reported_not_a_crash(open_page: Opener, live_folder: Path) -> None:
    at = open_page("overview", data=live_folder)
    shutil.rmtree(live_folder)
    at.run()
    assert not at.exception
    assert (
        "is not a data folder"
        in at.switch_page("pages/data_quality.py").run().dataframe[0].value["message"][0]
    )
