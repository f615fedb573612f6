"""Partner suggestions on the hand-made programme: who is not yet a partner, and why."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.profiles import Profiles
from analytics.suggestions import cousin_flags, partner_edges, suggest, suggestions_for
from loaders import Atlas


def test_partner_edges_go_both_ways(hand_made: Atlas) -> None:
    edges = set(map(tuple, partner_edges(hand_made).to_numpy()))
    assert edges == {("a", "b"), ("b", "a"), ("b", "c"), ("c", "b")}


def test_suggestions_for_a(hand_made: Atlas, profiles: Profiles) -> None:
    table = suggestions_for(hand_made, profiles, "a")
    # b is a partner; c shares nothing and offers nothing a needs; d has a's exact theme set
    assert table[["candidate_id", "overlap", "complementarity", "cousin"]].values.tolist() == [
        ["d", 1.0, 0.0, False]
    ]
    assert table.loc[0, "shared_themes"] == ("mobility", "parks", "smes")


def test_suggestions_for_c_rank_by_overlap_then_complementarity(hand_made: Atlas, profiles: Profiles) -> None:
    table = suggestions_for(hand_made, profiles, "c")
    # overlap is 0 for both; a offers both of c's needs (1.0), d one of two (0.5);
    # a and c are cousins through b
    assert table[["candidate_id", "complementarity", "cousin"]].values.tolist() == [
        ["a", 1.0, True],
        ["d", 0.5, False],
    ]
    assert table.loc[0, "helps_with"] == ("mobility", "parks")


def test_suggest_every_city_at_once_agrees_with_one_at_a_time(hand_made: Atlas, profiles: Profiles) -> None:
    edges = partner_edges(hand_made)
    everyone = suggest(profiles, edges, k=3)
    for city in profiles.city_ids:
        alone = suggest(profiles, edges, k=3, rows=np.array([profiles.row(city)]))
        pd.testing.assert_frame_equal(
            everyone[everyone["city_id"] == city].reset_index(drop=True), alone.reset_index(drop=True)
        )


def test_thin_evidence_candidates_come_after_known_profiles(hand_made: Atlas, profiles: Profiles) -> None:
    table = suggest(profiles, partner_edges(hand_made), k=5, rows=np.array([profiles.row("d")]))
    # c and b are thin (one and two tagged initiatives) and come after a, whatever their scores
    assert table["candidate_id"].tolist()[0] == "a"
    assert table["thin"].tolist() == sorted(table["thin"].tolist())


def test_cousin_flags(hand_made: Atlas) -> None:
    pairs = pd.DataFrame({"city_id": ["a", "a", "c"], "candidate_id": ["c", "d", "a"]})
    assert cousin_flags(pairs, partner_edges(hand_made)).tolist() == [True, False, True]
