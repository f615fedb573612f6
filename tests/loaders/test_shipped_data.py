"""The shipped data folder: real, sourced, and free of errors."""

from __future__ import annotations

import pytest

from loaders import Atlas, load_atlas
from tests.conftest import SHIPPED_DATA


@pytest.fixture(scope="module")
def shipped() -> Atlas:
    return load_atlas(SHIPPED_DATA)


def test_shipped_data_loads_without_errors_or_warnings(shipped: Atlas) -> None:
    assert shipped.issues.empty, shipped.issues.to_string()


def test_taxonomy_is_the_eighteen_themes(shipped: Atlas) -> None:
    assert len(shipped.themes) == 18
    assert {"agrifood", "public-space", "innovation-smes", "smart-mobility-tech"} <= set(shipped.themes["id"])


def test_bari_and_gdd_as_the_source_text_tells_it(shipped: Atlas) -> None:
    cities = shipped.cities.set_index("id")
    assert cities.loc["guangzhou-development-district", "local_name"] == "广州开发区"
    assert cities.loc["bari", ["lat", "lon"]].tolist() == [41.1171, 16.8719]
    pair = shipped.partnerships.set_index("id").loc["bari--guangzhou-development-district"]
    assert (pair["kind"], pair["since"]) == ("twinning", 1986)
    (session,) = shipped.sessions[shipped.sessions["partnership_id"] == pair.name].itertuples()
    assert session.date.strftime("%Y-%m-%d") == "2023-03-14"
    follow_up = shipped.session_themes.query("session_id == @session.id and role == 'follow_up'")
    assert "agrifood" in set(follow_up["theme_id"])
    interest = shipped.interests.query("session_id == @session.id").iloc[0]
    assert (interest["city_id"], interest["initiative_id"]) == (
        "guangzhou-development-district",
        "bari-tactical-urban-planning",
    )
    assert "Pocket Park" in interest["note"]
    presented = shipped.session_initiatives.query("session_id == @session.id")
    assert set(presented["city_id"]) == {"bari", "guangzhou-development-district"}
    titles = set(shipped.initiatives["title"])
    assert {
        "Waterfront Area Revitalization",
        "Tactical Urban Planning",
        "Open Innovation Center",
        "Guangzhou Science City",
    } <= titles


def test_the_trio_is_one_partnership_of_three_cities(shipped: Atlas) -> None:
    members = shipped.partnership_cities.query("partnership_id == 'aurora-il--bergamo--rimini'")
    assert members.sort_values("position")["city_id"].tolist() == ["aurora-il", "bergamo", "rimini"]


def test_every_initiative_and_session_cites_a_web_source(shipped: Atlas) -> None:
    assert shipped.initiatives["sources"].notna().all()
    assert shipped.sessions["sources"].notna().all()
    urls = " ".join(shipped.initiatives["sources"]).split()
    assert all(url.startswith(("http://", "https://")) for url in urls)
