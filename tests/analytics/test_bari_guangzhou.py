"""The first real case, checked against what bari-guangzhou-2023.txt says."""

from __future__ import annotations

import pytest

from analytics.pair import PairReport, pair_report
from analytics.profiles import build_profiles
from loaders import load_atlas
from tests.conftest import SHIPPED_DATA


@pytest.fixture(scope="module")
def report() -> PairReport:
    atlas = load_atlas(SHIPPED_DATA)
    return pair_report(atlas, build_profiles(atlas), "bari--guangzhou-development-district")


def test_shared_themes_are_mobility_smes_and_public_space(report: PairReport) -> None:
    # "smart and sustainable transportation ... autonomous vehicles", "SME accelerating",
    # tactical urban planning adapted to GDD's Pocket Parks
    assert {"smart-mobility-tech", "sustainable-mobility", "innovation-smes", "public-space"} <= set(
        report.overlap.shared
    )


def test_agrifood_is_a_follow_up_gap(report: PairReport) -> None:
    # "agri-food supply" is agreed for follow-up, and neither city presented an agri-food initiative
    gap = report.gaps.set_index("theme_id").loc["agrifood"]
    assert bool(gap["agreed"])
    assert "agrifood" in set(report.stale["theme_id"])  # no later session took it up


def test_gdd_interest_raises_the_tactical_urbanism_match(report: PairReport) -> None:
    matches = report.matches.set_index(["initiative_a", "initiative_b"])
    match = matches.loc[("bari-tactical-urban-planning", "guangzhou-development-district-pocket-parks")]
    assert bool(match["interest"])
    assert match["shared_themes"] == ("public-space",)
    assert match["score"] == pytest.approx(0.5 + 0.5 * (1 / 3))  # Jaccard {public-space} / 3 themes, raised


def test_bari_can_help_gdd_with_what_gdd_asked_for(report: PairReport) -> None:
    # GDD's need = the themes of Bari's tactical urban planning, which Bari runs (ongoing)
    assert report.a_helps_b.score == 1.0
    assert report.b_helps_a.needs == []  # Bari stated no interest
