"""In Chromium: a file edited, broken or removed while the app runs shows on the next interaction."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.browser.conftest import visit, wait_ready
from tests.conftest import SHIPPED_DATA


def cities_metric(tab: object) -> str:
    return (
        tab.get_by_test_id("stMetric")
        .filter(has_text="Cities")
        .locator(  # type: ignore[attr-defined]
            "[data-testid='stMetricValue']"
        )
        .inner_text()
    )


def interact(tab: object) -> None:
    """Any interaction reruns the script: here, choosing a region and clearing it again."""
    tab.locator(".st-key-region input").fill("Europe")  # type: ignore[attr-defined]
    tab.get_by_role("option", name="Europe").click()  # type: ignore[attr-defined]
    tab.wait_for_url("**region=Europe*")  # type: ignore[attr-defined]
    wait_ready(tab)
    tab.locator(".st-key-reset-filters button").click()  # type: ignore[attr-defined]
    tab.wait_for_function("() => !location.search.includes('region=')")  # type: ignore[attr-defined]
    wait_ready(tab)


def test_the_next_interaction_shows_changed_files(serve, page, tmp_path: Path) -> None:
    tab, _ = page
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, folder)
    server = serve(folder)
    visit(tab, server.url, charts=2)
    assert cities_metric(tab) == "82"
    (folder / "cities" / "tromso.yaml").write_text(
        "id: tromso\nname: Tromsø\ncountry: NO\n", encoding="utf-8"
    )
    interact(tab)
    assert cities_metric(tab) == "83"
    (folder / "cities" / "tromso.yaml").write_text("id: tromso\nname: [broken\n", encoding="utf-8")
    interact(tab)
    assert cities_metric(tab) == "82"
    assert tab.get_by_text("1 record left out because of errors").count() == 1
    assert tab.locator("[data-testid='stException']").count() == 0
    (folder / "cities" / "tromso.yaml").unlink()
    interact(tab)
    assert cities_metric(tab) == "82"
    assert tab.get_by_text("left out because of errors").count() == 0
