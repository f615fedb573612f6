"""The main journeys in Chromium: every page draws, a partnership is explored, a filter changes a chart."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Server, screenshot, wait_ready

PAGES = {  # url path -> (title, plotly charts it draws)
    "": ("Twinning Atlas", 2),
    "partnership": ("Partnership", 2),
    "themes": ("Themes", 2),
    "network": ("Network", 1),
    "sessions": ("Sessions", 1),
    "initiatives": ("Initiatives", 0),
    "partner_finder": ("Partner finder", 1),
    "data_quality": ("Data quality", 0),
}


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_draws_without_errors_or_outside_requests(server: Server, page, path: str) -> None:
    tab, _ = page
    title, charts = PAGES[path]
    tab.goto(f"{server.url}/{path}")
    wait_ready(tab, charts)
    assert tab.locator("h1").first.inner_text() == title
    assert tab.locator("[data-testid='stException']").count() == 0
    assert tab.locator(".js-plotly-plot").count() >= charts
    screenshot(tab, path or "overview")


def test_world_map_draws_country_outlines_offline(server: Server, page) -> None:
    tab, seen = page
    tab.route(
        "**/*", lambda route: route.abort() if "127.0.0.1" not in route.request.url else route.continue_()
    )
    tab.goto(server.url)
    wait_ready(tab, 2)
    land = tab.locator(".js-plotly-plot").first.locator("path.js-fill")
    land.first.wait_for(state="attached")
    assert len(land.first.get_attribute("d") or "") > 10_000  # the Natural Earth outlines, drawn
    assert seen.outside == []


def test_picking_a_partnership_shows_its_scores(server: Server, page) -> None:
    tab, _ = page
    tab.goto(f"{server.url}/partnership")
    wait_ready(tab, 2)
    tab.locator(".st-key-partnership").click()
    tab.keyboard.type("Sofia")
    tab.get_by_role("option", name="Sofia – Semarang").click()
    wait_ready(tab, 2)
    assert "partnership=sofia--semarang" in tab.url
    metrics = tab.get_by_test_id("stMetric")
    assert metrics.filter(has_text="Jaccard").count() == 1
    assert tab.get_by_text("Sofia (София) and Semarang (Kota Semarang) share").count() >= 1
    screenshot(tab, "partnership-sofia-semarang")


def test_a_sidebar_filter_changes_the_map(server: Server, page) -> None:
    tab, _ = page
    tab.goto(server.url)
    wait_ready(tab, 2)
    before = tab.locator(".js-plotly-plot .gtitle").first.text_content()
    tab.locator(".st-key-region").click()
    tab.keyboard.type("Latin")
    tab.get_by_role("option", name="Latin America & Caribbean").click()
    tab.keyboard.press("Escape")
    wait_ready(tab, 2)
    after = tab.locator(".js-plotly-plot .gtitle").first.text_content()
    assert before.startswith("81 cities")
    assert after != before
    assert "region=Latin" in tab.url
    screenshot(tab, "overview-latin-america")
