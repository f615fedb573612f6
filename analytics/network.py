"""The partnership network as tables: nodes, partner edges with their overlap, suggested pairs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.profiles import Profiles
from analytics.suggestions import partner_edges, suggest
from loaders.atlas import Atlas


def edge_overlaps(profiles: Profiles, edges: pd.DataFrame) -> np.ndarray:
    """Overlap coefficient of each (city_a, city_b) edge, for all edges at once."""
    present = profiles.counts > 0
    a = profiles.city_ids.get_indexer(edges["city_a"])
    b = profiles.city_ids.get_indexer(edges["city_b"])
    shared = (present[a] & present[b]).sum(axis=1)
    smaller = np.minimum(present[a].sum(axis=1), present[b].sum(axis=1))
    return np.divide(shared, smaller, out=np.zeros(len(a)), where=smaller > 0)


def network_tables(
    atlas: Atlas, profiles: Profiles, max_nodes: int, max_suggested: int = 25
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, int]:
    """(nodes: id, degree; edges: city_a, city_b, overlap; suggested pairs; nodes left out).

    Keeps the `max_nodes` cities with most partners; suggested pairs are each kept city's best
    suggestion among the kept cities (overlap first), strongest first.
    """
    both_ways = partner_edges(atlas)
    degree = both_ways.groupby("city_id").size().sort_values(ascending=False, kind="stable")
    kept = degree.index[:max_nodes]
    nodes = pd.DataFrame({"id": kept, "degree": degree.iloc[:max_nodes].to_numpy()})
    one_way = both_ways[(both_ways["city_id"] < both_ways["partner_id"])]
    edges = one_way[one_way["city_id"].isin(kept) & one_way["partner_id"].isin(kept)]
    edges = edges.rename(columns={"city_id": "city_a", "partner_id": "city_b"}).reset_index(drop=True)
    edges["overlap"] = edge_overlaps(profiles, edges)
    rows = profiles.city_ids.get_indexer(kept)
    best = suggest(profiles, both_ways, k=3, rows=rows[rows >= 0])
    best = best[best["candidate_id"].isin(kept)].drop_duplicates("city_id")
    best = best.rename(columns={"city_id": "city_a", "candidate_id": "city_b"})
    best = best.assign(pair=best[["city_a", "city_b"]].apply(lambda r: tuple(sorted(r)), axis=1))
    best = best.drop_duplicates("pair").sort_values(["overlap", "complementarity"], ascending=False)
    suggested = best.head(max_suggested)[["city_a", "city_b", "overlap", "complementarity"]]
    return nodes, edges, suggested.reset_index(drop=True), int(len(degree) - len(kept))
