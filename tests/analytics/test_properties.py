"""Properties that hold for any programme: bounds, symmetry, a city against itself."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.complementarity import complementarity
from analytics.matches import initiative_matches
from analytics.overlap import pair_overlap, set_scores
from analytics.profiles import build_profiles
from analytics.suggestions import partner_edges, suggest
from loaders.atlas import TABLES, Atlas, make_table

THEMES = ["t0", "t1", "t2", "t3", "t4"]
vectors = st.lists(st.integers(0, 6), min_size=len(THEMES), max_size=len(THEMES)).map(np.array)


@st.composite
def programmes(draw: st.DrawFn) -> Atlas:
    """A random programme: cities with initiatives, themes, statuses, partnerships and interests."""
    n_cities = draw(st.integers(2, 7))
    cities = [f"c{i}" for i in range(n_cities)]
    initiatives, links = [], []
    for city in cities:
        for k in range(draw(st.integers(0, 4))):
            ini = f"{city}-i{k}"
            status = draw(st.sampled_from(["planned", "ongoing", "completed", "unknown"]))
            initiatives.append((ini, city, ini, None, None, status, None, None, None, None, "f", 1))
            for theme in draw(st.sets(st.sampled_from(THEMES), max_size=3)):
                links.append((ini, city, theme, "declared", None, "f", 1))
    pairs = draw(
        st.sets(st.tuples(st.sampled_from(cities), st.sampled_from(cities)).filter(lambda p: p[0] < p[1]))
    )
    members = [(f"{a}--{b}", c, i, "f", 1) for a, b in pairs for i, c in enumerate((a, b))]
    ini_ids = [row[0] for row in initiatives]
    interests = [
        ("s", "p", draw(st.sampled_from(cities)), draw(st.sampled_from(ini_ids)), None, None, "f", 1)
        for _ in range(draw(st.integers(0, 3)) if ini_ids else 0)
    ]
    tables = {name: make_table(name, []) for name in TABLES}
    tables["themes"] = make_table("themes", [(t, t.upper(), None, "", "f", 1) for t in THEMES])
    tables["cities"] = make_table(
        "cities", [(c, c, None, "IT", "Italy", None, None, None, None, "f", 1) for c in cities]
    )
    tables["initiatives"] = make_table("initiatives", initiatives)
    tables["initiative_themes"] = make_table("initiative_themes", links)
    tables["partnership_cities"] = make_table("partnership_cities", members)
    tables["interests"] = make_table("interests", interests)
    return Atlas(**tables)


@given(vectors, vectors)
def test_set_scores_are_bounded_and_symmetric(a: np.ndarray, b: np.ndarray) -> None:
    forward, backward = set_scores(a, b), set_scores(b, a)
    assert forward == backward
    assert all(0.0 <= score <= 1.0 for score in forward)


@given(vectors)
def test_a_city_against_itself_scores_one(a: np.ndarray) -> None:
    expected = (1.0, 1.0, 1.0) if a.any() else (0.0, 0.0, 0.0)
    assert np.allclose(set_scores(a, a), expected)


@settings(max_examples=60, deadline=None)
@given(programmes())
def test_pair_scores_are_bounded_and_symmetric(atlas: Atlas) -> None:
    profiles = build_profiles(atlas)
    a, b = profiles.city_ids[0], profiles.city_ids[1]
    ab, ba = pair_overlap(profiles, a, b), pair_overlap(profiles, b, a)
    assert (ab.jaccard, ab.overlap, ab.cosine) == (ba.jaccard, ba.overlap, ba.cosine)
    assert ab.shared == ba.shared
    assert ab.only_a == ba.only_b
    for score in (ab.jaccard, ab.overlap, ab.cosine, complementarity(atlas, profiles, a, b).score):
        assert 0.0 <= score <= 1.0


def _as_set(table: pd.DataFrame, first: str, second: str) -> set[tuple]:
    return {
        (r[first], r[second], r.shared_themes, round(r.score, 9), r.interest) for _, r in table.iterrows()
    }


@settings(max_examples=60, deadline=None)
@given(programmes())
def test_matches_are_the_same_pairs_from_either_side(atlas: Atlas) -> None:
    profiles = build_profiles(atlas)
    a, b = profiles.city_ids[0], profiles.city_ids[1]
    forward = initiative_matches(atlas, a, b)
    backward = initiative_matches(atlas, b, a)
    assert _as_set(forward, "initiative_a", "initiative_b") == _as_set(
        backward, "initiative_b", "initiative_a"
    )
    assert forward["score"].between(0, 1).all()
    assert (forward["score"] >= forward["jaccard"]).all()


@settings(max_examples=60, deadline=None)
@given(programmes(), st.integers(1, 5))
def test_suggestions_exclude_self_and_partners_and_are_ordered(atlas: Atlas, k: int) -> None:
    profiles = build_profiles(atlas)
    edges = partner_edges(atlas)
    table = suggest(profiles, edges, k=k)
    partners = set(map(tuple, edges.to_numpy()))
    assert not (table["city_id"] == table["candidate_id"]).any()
    assert not any((c, d) in partners for c, d in zip(table["city_id"], table["candidate_id"], strict=True))
    assert table.groupby("city_id").size().le(k).all()
    assert table[["overlap", "complementarity"]].stack().between(0, 1).all()
    for _, group in table.groupby("city_id"):
        keys = list(zip(~group["thin"], group["overlap"], group["complementarity"], strict=True))
        assert keys == sorted(keys, reverse=True)
        assert (group["rank"].to_numpy() == np.arange(1, len(group) + 1)).all()
    assert isinstance(table, pd.DataFrame)
