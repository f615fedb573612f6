"""Pair overlap (shared challenges): per-theme counts, shared themes, Jaccard, overlap, cosine."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.profiles import Profiles


@dataclass(frozen=True)
class PairOverlap:
    """How much two cities work on the same themes, with the themes behind every number."""

    city_a: str
    city_b: str
    themes: pd.DataFrame  # theme_id, count_a, count_b: themes either city works on
    shared: list[str]
    only_a: list[str]
    only_b: list[str]
    jaccard: float
    overlap: float
    cosine: float
    thin_a: bool
    thin_b: bool

    @property
    def thin(self) -> bool:
        return self.thin_a or self.thin_b


def set_scores(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """(Jaccard, overlap coefficient, cosine) of two theme-count vectors; 0 where undefined."""
    in_a, in_b = a > 0, b > 0
    shared = int(np.count_nonzero(in_a & in_b))
    union = int(np.count_nonzero(in_a | in_b))
    smaller = min(int(np.count_nonzero(in_a)), int(np.count_nonzero(in_b)))
    norms = float(np.linalg.norm(a) * np.linalg.norm(b))
    jaccard = shared / union if union else 0.0
    overlap = shared / smaller if smaller else 0.0
    cosine = float(np.dot(a.astype(float), b.astype(float)) / norms) if norms else 0.0
    return jaccard, overlap, min(cosine, 1.0)


def pair_overlap(profiles: Profiles, city_a: str, city_b: str) -> PairOverlap:
    row_a, row_b = profiles.row(city_a), profiles.row(city_b)
    a, b = profiles.counts[row_a], profiles.counts[row_b]
    jaccard, overlap, cosine = set_scores(a, b)
    either = (a > 0) | (b > 0)
    themes = pd.DataFrame(
        {"theme_id": profiles.theme_ids[either], "count_a": a[either], "count_b": b[either]}
    ).sort_values("theme_id", ignore_index=True)
    ids = profiles.theme_ids
    return PairOverlap(
        city_a=city_a,
        city_b=city_b,
        themes=themes,
        shared=sorted(ids[(a > 0) & (b > 0)]),
        only_a=sorted(ids[(a > 0) & (b == 0)]),
        only_b=sorted(ids[(a == 0) & (b > 0)]),
        jaccard=jaccard,
        overlap=overlap,
        cosine=cosine,
        thin_a=bool(profiles.thin[row_a]),
        thin_b=bool(profiles.thin[row_b]),
    )
