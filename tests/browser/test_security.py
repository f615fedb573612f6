"""In Chromium: hostile text shows as text on every page and in the brief; nothing runs."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import screenshot, visit
from tests.browser.test_journeys import PAGES
from tests.security.conftest import IMAGE, SCRIPT


def test_hostile_text_never_runs_anywhere(
    serve, page, hostile_text_folder: Path, browser, tmp_path: Path
) -> None:
    tab, seen = page
    server = serve(hostile_text_folder)
    for path in PAGES:
        visit(tab, f"{server.url}/{path}")
        assert tab.locator("a[href^='javascript:' i]").count() == 0
        assert tab.locator("img[src='x']").count() == 0
        assert seen.dialogs == []
    visit(tab, f"{server.url}/partnership", charts=2)
    shown = tab.locator("[data-testid='stMain']").inner_text()
    assert f"Evil {SCRIPT}" in shown
    assert IMAGE in shown
    screenshot(tab, "hostile-text-partnership")
    with tab.expect_download() as download:
        tab.locator(".st-key-pair-brief button").click()
    brief = tmp_path / "brief.html"
    download.value.save_as(brief)
    sheet = browser.new_context().new_page()
    dialogs: list[str] = []
    sheet.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sheet.goto(brief.as_uri())
    sheet.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2")
    assert f"Evil {SCRIPT}" in sheet.locator("body").inner_text()
    assert sheet.locator("img[src='x']").count() == 0
    assert dialogs == []
    seen.assert_clean()
