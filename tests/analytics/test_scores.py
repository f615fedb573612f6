"""Every measure on the hand-made programme (conftest.py), with the arithmetic written out."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analytics.complementarity import complementarity
from analytics.gaps import follow_up_gaps, stale_follow_ups
from analytics.matches import initiative_matches
from analytics.overlap import pair_overlap
from analytics.profiles import Profiles, profile_table
from analytics.similarity import cosine_matrix, jaccard_matrix, pair_cosine
from loaders import Atlas, load_atlas
from tests.conftest import write_folder


def test_theme_profile_counts_initiatives_per_theme(profiles: Profiles) -> None:
    # columns in themes.yaml order: food, mobility, parks, smes
    assert list(profiles.theme_ids) == ["food", "mobility", "parks", "smes"]
    assert profiles.counts[profiles.row("a")].tolist() == [0, 2, 1, 1]  # a1, a3 | a2 | a1
    assert profiles.counts[profiles.row("b")].tolist() == [0, 1, 0, 1]
    assert profiles.tagged.tolist() == [3, 2, 1, 3]
    assert profiles.thin.tolist() == [False, True, True, False]  # fewer than 3 tagged initiatives


def test_profile_table_says_declared_or_inferred(hand_made: Atlas) -> None:
    table = profile_table(hand_made).set_index(["city_id", "theme_id"])
    assert table.loc[("a", "mobility")].tolist() == [2, 2, 0]


def test_pair_overlap_by_hand(profiles: Profiles) -> None:
    result = pair_overlap(profiles, "a", "b")
    # A = {mobility, parks, smes}, B = {mobility, smes}
    assert result.shared == ["mobility", "smes"]
    assert (result.only_a, result.only_b) == (["parks"], [])
    assert result.jaccard == pytest.approx(2 / 3)  # |A∩B| / |A∪B| = 2 / 3
    assert result.overlap == pytest.approx(1.0)  # |A∩B| / min(3, 2) = 2 / 2
    # cosine of (0,2,1,1) and (0,1,0,1): (2 + 1) / (√6 · √2)
    assert result.cosine == pytest.approx(3 / (math.sqrt(6) * math.sqrt(2)))
    assert (result.thin_a, result.thin_b) == (False, True)
    assert result.themes.to_dict("list") == {
        "theme_id": ["mobility", "parks", "smes"],
        "count_a": [2, 1, 1],
        "count_b": [1, 0, 1],
    }


def test_complementarity_is_directional(hand_made: Atlas, profiles: Profiles) -> None:
    a_helps_b = complementarity(hand_made, profiles, "a", "b")
    # needs(b) = themes of b's interest in a1 = {mobility, smes}; offers(a) = a1 + a2 (ongoing,
    # completed) = {mobility, smes, parks}; 2 of 2 needs met
    assert (a_helps_b.score, a_helps_b.needs, a_helps_b.met) == (
        1.0,
        ["mobility", "smes"],
        ["mobility", "smes"],
    )
    assert set(a_helps_b.initiatives["initiative_id"]) == {"a1"}  # a3 is only planned
    b_helps_a = complementarity(hand_made, profiles, "b", "a")
    assert (b_helps_a.score, b_helps_a.needs) == (0.0, [])  # a states no need


def test_complementarity_counts_seeks_and_only_active_initiatives(
    hand_made: Atlas, profiles: Profiles
) -> None:
    # needs(c) = seeks {mobility, parks}; offers(d) = d1 (ongoing) = {mobility, smes}: 1 of 2
    assert complementarity(hand_made, profiles, "d", "c").score == 0.5
    # offers(a) = {mobility, parks, smes}: 2 of 2
    assert complementarity(hand_made, profiles, "a", "c").score == 1.0


def test_initiative_matches_by_hand(hand_made: Atlas) -> None:
    matches = initiative_matches(hand_made, "a", "b")
    rows = [
        (m.initiative_a, m.initiative_b, m.shared_themes, m.interest, round(m.score, 4))
        for m in matches.itertuples()
    ]
    assert rows == [
        ("a3", "b1", ("mobility",), False, 1.0),  # {mobility} vs {mobility}: 1/1
        ("a1", "b1", ("mobility",), True, 0.75),  # 1/2, b is interested in a1: 0.5 + 0.5 × 0.5
        ("a1", "b2", ("smes",), True, 0.75),  # 1/2, raised the same way; ties go by id
    ]


def test_equal_match_scores_tie_whatever_arithmetic_reached_them(tmp_path) -> None:
    """6/7 raised from 5/7 (0.5 + 0.5 × 5/7) and a plain 6/7 differ in the last float bit only."""
    themes = [f"t{i}" for i in range(7)]
    folder = write_folder(
        tmp_path / "data",
        {
            "themes.yaml": "themes:\n" + "".join(f"  - {{id: {t}, label: {t.upper()}}}\n" for t in themes),
            "cities/x.yaml": "id: x\nname: X\ncountry: IT\ninitiatives:\n"
            f"  - {{id: x-raised, title: R, themes: [{', '.join(themes[:5])}]}}\n"
            f"  - {{id: x-plain, title: P, themes: [{', '.join(themes[:6])}]}}\n",
            "cities/y.yaml": "id: y\nname: Y\ncountry: FR\ninitiatives:\n"
            f"  - {{id: y-raised, title: R, themes: [{', '.join(themes)}]}}\n"
            f"  - {{id: y-plain, title: P, themes: [{', '.join(themes)}]}}\n",
            "partnerships/x--y.yaml": "id: x--y\ncities: [x, y]\nkind: twinning\nsessions:\n"
            "  - {date: 2024-01-01, title: S, interests: [{city: y, in: x-raised}]}\n",
        },
    )
    matches = initiative_matches(load_atlas(folder), "x", "y")
    rows = matches[["initiative_a", "initiative_b", "interest"]].values.tolist()
    # x-plain with either y initiative: 6 shared of 7 themes = 6/7. x-raised (y is interested in
    # it) with either: 5/7 raised to 0.5 + 0.5 × 5/7 = 6/7. All four tie, so the pairs sharing
    # more themes (6) come before those sharing 5, then by id.
    assert rows == [
        ["x-plain", "y-plain", False],
        ["x-plain", "y-raised", False],
        ["x-raised", "y-plain", True],
        ["x-raised", "y-raised", True],
    ]
    assert matches["score"].to_numpy() == pytest.approx([6 / 7] * 4, abs=1e-15)


def test_follow_up_gaps_and_stale_follow_ups_by_hand(hand_made: Atlas) -> None:
    gaps = follow_up_gaps(hand_made, "a--b", ["a", "b"])
    # discussed or agreed: mobility, food, parks, smes; neither a nor b has a food initiative
    assert gaps["theme_id"].tolist() == ["food"]
    assert gaps.iloc[0][["agreed", "discussed"]].tolist() == [True, True]
    stale = stale_follow_ups(hand_made, "a--b")
    # parks (agreed 10 Jan) was taken up on 1 Jun; food was not; smes was agreed at the last session
    assert stale["theme_id"].tolist() == ["food", "smes"]
    assert stale["agreed_on"].dt.strftime("%Y-%m-%d").tolist() == ["2023-01-10", "2023-06-01"]


def test_similarity_matrices_match_pair_scores(profiles: Profiles) -> None:
    cos, jac = cosine_matrix(profiles.counts), jaccard_matrix(profiles.counts)
    a, b = profiles.row("a"), profiles.row("b")
    assert cos[a, b] == pytest.approx(pair_cosine(profiles, "a", "b"), rel=1e-6)
    assert jac[a, b] == pytest.approx(2 / 3)
    assert np.allclose(np.diag(cos), 1.0)


def test_an_initiatives_matches_across_its_partner_cities(hand_made: Atlas) -> None:
    from analytics.matches import matches_for_initiative

    table = matches_for_initiative(hand_made, "a1", ["b", "c"])
    # c's only initiative (food) shares nothing with a1 (mobility, smes)
    assert table[["partner", "initiative_b", "score"]].values.tolist() == [
        ["b", "b1", 0.75],
        ["b", "b2", 0.75],
    ]
    assert matches_for_initiative(hand_made, "no-such", ["b"]).empty
