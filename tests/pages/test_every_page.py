"""Every page opens on the shipped data and on a folder with errors, without an exception."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.pages.conftest import PAGES, Opener, texts

TITLES = {
    "overview": "Twinning Atlas",
    "partnership": "Partnership",
    "themes": "Themes",
    "network": "Network",
    "sessions": "Sessions",
    "initiatives": "Initiatives",
    "partner_finder": "Partner finder",
    "data_quality": "Data quality",
}


def figure_titles(at) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("page", PAGES)
def test_page_opens_on_shipped_data(open_page: Opener, page: str) -> None:
    at = open_page(page)
    assert not at.exception
    assert at.title[0].value == TITLES[page]
    assert not at.warning or page == "partnership"  # the shipped data has no errors: no banner


@pytest.mark.parametrize("page", PAGES)
def test_page_opens_on_a_folder_with_errors_and_shows_the_banner(
    open_page: Opener, broken_folder: Path, page: str
) -> None:
    at = open_page(page, data=broken_folder)
    assert not at.exception
    assert "2 records left out because of errors" in texts(at)


def test_overview_shows_the_programme_numbers_and_data_quality(open_page: Opener) -> None:
    at = open_page("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        "Cities": "82",
        "Partnerships": "44",
        "Sessions": "16",
        "Initiatives": "39",
        "Themes covered": "18",
    }
    assert "**0** errors · **0** warnings" in texts(at)
    assert figure_titles(at)[0] == "81 cities in 30 countries, linked by 43 partnerships"


def test_partnership_shows_scores_and_what_to_act_on(open_page: Opener) -> None:
    at = open_page("partnership")
    assert at.selectbox(key="partnership").value == "bari--guangzhou-development-district"
    metrics = {re.sub(r"\\(.)", r"\1", m.label): m.value for m in at.metric}  # labels are Markdown-escaped
    assert metrics["Jaccard"] == "0.36"
    assert metrics["Bari → Guangzhou Development District (广州开发区)"] == "1.00"
    assert "Sustainable agriculture & food systems: agreed" in texts(at)
    assert "广州开发区" in texts(at)


def test_choosing_another_partnership_changes_the_page(open_page: Opener) -> None:
    at = open_page("partnership")
    at.selectbox(key="partnership").select("sofia--semarang").run()
    assert not at.exception
    assert "Sofia" in figure_titles(at)[0]
    assert at.query_params["partnership"] == "sofia--semarang"


def test_a_theme_filter_changes_the_overview(open_page: Opener) -> None:
    at = open_page("overview")
    at.multiselect(key="theme").select("agrifood").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Initiatives"] == "1"  # Yangzhou University's agriculture research
    assert metrics["Themes covered"] == "1"
    assert at.query_params["theme"] == "agrifood"


def test_search_narrows_the_sessions(open_page: Opener) -> None:
    at = open_page("sessions")
    before = len(at.dataframe[0].value)
    at.text_input(key="session_q").input("Semarang").run()
    after = at.dataframe[0].value
    assert before == 16
    assert 0 < len(after) < before
    assert after["partnership"].str.contains("Semarang").all()


def test_partner_finder_can_rank_by_complementarity(open_page: Opener) -> None:
    at = open_page("partner_finder", params={"city": "guangzhou-development-district"})
    by_overlap = at.dataframe[0].value["label"].tolist()
    at.segmented_control(key="rank").set_value("complementarity").run()
    by_complementarity = at.dataframe[0].value
    assert not at.exception
    assert by_complementarity["complementarity"].iloc[0] == 1.0  # Bari runs tactical urban planning
    assert by_overlap != by_complementarity["label"].tolist()


def test_data_quality_lists_every_issue_with_file_and_line(open_page: Opener, broken_folder: Path) -> None:
    at = open_page("data_quality", data=broken_folder)
    issues = at.dataframe[0].value
    assert set(issues["file"]) == {"cities/broken.yaml", "cities/bad-initiative.yaml"}
    row = issues.set_index("file").loc["cities/broken.yaml"]
    assert (row["line"], row["path"]) == (3, "country")
    assert {m.label: m.value for m in at.metric}["Errors"] == "2"
