"""Sharing in Chromium: a copied link reopens the view, downloads arrive, the brief works offline."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from tests.browser.conftest import SCREENSHOTS, Server, screenshot, wait_ready


def chosen(tab, key: str) -> str:
    """The option a selectbox shows."""
    return tab.locator(f".st-key-{key} input").input_value()


def test_a_deep_link_opens_the_same_view_in_another_session(server: Server, browser, page) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/partnership?partnership=essen--fortaleza&theme=circular-economy-waste")
    wait_ready(tab, 2)
    assert "Essen – Fortaleza" in chosen(tab, "partnership")
    assert "Circular economy" in tab.locator(".st-key-theme").inner_text()
    tab.get_by_role("button", name="Link to this view").click()
    link = tab.locator("[data-testid='stCode'] code").inner_text().strip()
    assert link.startswith(f"{server.url}/partnership?")
    other = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        fresh = other.new_page()
        fresh.goto(link)
        wait_ready(fresh, 2)
        assert "Essen – Fortaleza" in chosen(fresh, "partnership")
        assert "Circular economy" in fresh.locator(".st-key-theme").inner_text()
    finally:
        other.close()


def test_selections_survive_switching_pages(server: Server, page) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/partnership?partnership=sofia--semarang&region=Asia")
    wait_ready(tab, 2)
    tab.get_by_test_id("stSidebarNav").get_by_role("link", name="Themes").click()
    wait_ready(tab, 1)
    assert "region=Asia" in tab.url
    tab.get_by_test_id("stSidebarNav").get_by_role("link", name="Partnership").click()
    wait_ready(tab, 2)
    assert "Sofia – Semarang" in chosen(tab, "partnership")
    assert "partnership=sofia--semarang" in tab.url
    assert "region=Asia" in tab.url


def test_a_table_downloads_as_csv(server: Server, page) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/sessions")
    wait_ready(tab, 1)
    with tab.expect_download() as download:
        tab.locator(".st-key-sessions-table-csv button").click()
    assert download.value.suggested_filename == "twinning-atlas-sessions.csv"
    table = pd.read_csv(download.value.path())
    assert len(table) == 16
    assert "Bari and Guangzhou Met to Explore Further Partnership and Cooperation" in set(table["title"])


def test_the_brief_downloads_and_opens_offline(server: Server, browser, page, tmp_path: Path) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/partnership")
    wait_ready(tab, 2)
    with tab.expect_download() as download:
        tab.locator(".st-key-pair-brief button").click()
    assert (
        download.value.suggested_filename == "twinning-atlas-brief-bari--guangzhou-development-district.html"
    )
    brief = tmp_path / "brief.html"
    download.value.save_as(brief)
    offline = browser.new_context(offline=True, viewport={"width": 900, "height": 1200})
    try:
        sheet = offline.new_page()
        outside: list[str] = []
        sheet.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file:") else None)
        sheet.goto(brief.as_uri())
        sheet.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2")
        assert sheet.locator("h1").inner_text() == "Bari – Guangzhou Development District"
        assert sheet.get_by_text("广州开发区").count() >= 1
        assert outside == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        sheet.screenshot(path=str(SCREENSHOTS / "brief.png"), full_page=True)
        pdf = sheet.pdf(format="A4", print_background=True)
        assert pdf.startswith(b"%PDF")
        assert io.BytesIO(pdf).getbuffer().nbytes > 20_000
    finally:
        offline.close()
    screenshot(tab, "partnership-with-brief")
