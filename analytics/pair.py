"""Everything about one partnership in one report: overlap, complementarity both ways, matches, gaps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from analytics.complementarity import Complementarity, complementarity
from analytics.gaps import follow_up_gaps, stale_follow_ups
from analytics.matches import initiative_matches
from analytics.overlap import PairOverlap, pair_overlap
from analytics.profiles import Profiles
from loaders.atlas import Atlas


@dataclass(frozen=True)
class PairReport:
    """Scores are over two cities `a` and `b` (by default the partnership's first two)."""

    partnership_id: str
    cities: list[str]
    a: str
    b: str
    overlap: PairOverlap
    a_helps_b: Complementarity
    b_helps_a: Complementarity
    matches: pd.DataFrame
    gaps: pd.DataFrame
    stale: pd.DataFrame


def partnership_cities(atlas: Atlas, partnership_id: str) -> list[str]:
    """The partnership's cities in the file's order."""
    members = atlas.partnership_cities
    members = members[members["partnership_id"] == partnership_id].sort_values("position")
    return members["city_id"].tolist()


def pair_report(
    atlas: Atlas, profiles: Profiles, partnership_id: str, pair: tuple[str, str] | None = None
) -> PairReport:
    cities = partnership_cities(atlas, partnership_id)
    a, b = pair or (cities[0], cities[1])
    return PairReport(
        partnership_id=partnership_id,
        cities=cities,
        a=a,
        b=b,
        overlap=pair_overlap(profiles, a, b),
        a_helps_b=complementarity(atlas, profiles, a, b),
        b_helps_a=complementarity(atlas, profiles, b, a),
        matches=initiative_matches(atlas, a, b),
        gaps=follow_up_gaps(atlas, partnership_id, [a, b]),
        stale=stale_follow_ups(atlas, partnership_id),
    )


def pair_json(report: PairReport, profiles: Profiles) -> dict[str, Any]:
    """The `python -m analytics pair` document (a contract: keys and shapes are fixed)."""
    counts = profiles.counts[[profiles.row(c) for c in report.cities]]
    present = counts.sum(axis=0) > 0
    themes = [
        {"theme": theme, "counts": {city: int(n) for city, n in zip(report.cities, column, strict=True)}}
        for theme, column in sorted(zip(profiles.theme_ids[present], counts[:, present].T, strict=True))
    ]
    overlap = report.overlap
    return {
        "partnership": report.partnership_id,
        "cities": report.cities,
        "themes": themes,
        "shared_themes": overlap.shared,
        "jaccard": overlap.jaccard,
        "overlap": overlap.overlap,
        "cosine": overlap.cosine,
        "complementarity": {
            report.a_helps_b.label: report.a_helps_b.score,
            report.b_helps_a.label: report.b_helps_a.score,
        },
        "matches": [
            {
                "initiatives": [row.initiative_a, row.initiative_b],
                "score": float(row.score),
                "shared_themes": list(row.shared_themes),
                "interest": bool(row.interest),
            }
            for row in report.matches.itertuples(index=False)
        ],
        "gaps": report.gaps["theme_id"].tolist(),
        "stale_follow_ups": report.stale["theme_id"].tolist(),
    }
