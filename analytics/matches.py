"""Initiative matches between two cities: initiative pairs that share a theme.

Score rule: the Jaccard of the two initiatives' theme sets; when any session (of this partnership
or another) recorded that the other city is interested in either initiative (B in A's initiative,
or A in B's), the score is raised halfway to 1: score = 0.5 + 0.5 × Jaccard. Scores stay in
[0, 1] and an interest always ranks above a pair with the same Jaccard and no interest. Best
first: score, then the number of shared themes, then the initiative ids; scores equal as numbers
(6/7 reached as 0.5 + 0.5 × 5/7 or as 6/7) count as ties, not as float rounding decides.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.atlas import Atlas

MATCH_COLUMNS = [
    "initiative_a",
    "initiative_b",
    "title_a",
    "title_b",
    "shared_themes",
    "jaccard",
    "interest",
    "score",
]


def interest_bonus(jaccard: np.ndarray, interest: np.ndarray) -> np.ndarray:
    """The documented raise: halfway to 1 where an interest was recorded."""
    return np.where(interest, 0.5 + 0.5 * jaccard, jaccard)


def _theme_matrix(atlas: Atlas, city: str, themes: pd.Index) -> tuple[pd.DataFrame, np.ndarray]:
    initiatives = atlas.initiatives.loc[atlas.initiatives["city_id"] == city, ["id", "title"]]
    initiatives = initiatives.reset_index(drop=True)
    links = atlas.initiative_themes
    links = links[links["city_id"] == city]
    matrix = np.zeros((len(initiatives), len(themes)), dtype=np.int32)
    rows = pd.Index(initiatives["id"]).get_indexer(links["initiative_id"])
    cols = themes.get_indexer(links["theme_id"])
    keep = (rows >= 0) & (cols >= 0)
    matrix[rows[keep], cols[keep]] = 1
    return initiatives, matrix


def _interested(atlas: Atlas, by_city: str, initiative_ids: pd.Series) -> np.ndarray:
    stated = atlas.interests.loc[atlas.interests["city_id"] == by_city, "initiative_id"].dropna()
    return initiative_ids.isin(set(stated)).to_numpy()


def initiative_matches(atlas: Atlas, city_a: str, city_b: str) -> pd.DataFrame:
    """Every pair (A's initiative, B's initiative) sharing a theme, best first (see module doc)."""
    themes = pd.Index(atlas.themes["id"], dtype=object)
    ini_a, mat_a = _theme_matrix(atlas, city_a, themes)
    ini_b, mat_b = _theme_matrix(atlas, city_b, themes)
    shared = mat_a @ mat_b.T
    rows, cols = np.nonzero(shared)
    if not len(rows):
        return pd.DataFrame(columns=MATCH_COLUMNS)
    sizes_a, sizes_b = mat_a.sum(axis=1), mat_b.sum(axis=1)
    union = sizes_a[rows] + sizes_b[cols] - shared[rows, cols]
    jaccard = shared[rows, cols] / union
    interest = _interested(atlas, city_b, ini_a["id"])[rows] | _interested(atlas, city_a, ini_b["id"])[cols]
    both = (mat_a[rows] & mat_b[cols]).astype(bool)
    table = pd.DataFrame(
        {
            "initiative_a": ini_a["id"].to_numpy()[rows],
            "initiative_b": ini_b["id"].to_numpy()[cols],
            "title_a": ini_a["title"].to_numpy()[rows],
            "title_b": ini_b["title"].to_numpy()[cols],
            "shared_themes": [tuple(sorted(themes[mask])) for mask in both],
            "jaccard": jaccard,
            "interest": interest,
            "score": interest_bonus(jaccard, interest),
            "n_shared": shared[rows, cols],
        }
    )
    table = table.sort_values(
        ["score", "n_shared", "initiative_a", "initiative_b"],
        ascending=[False, False, True, True],
        key=_scores_as_equal,
    )
    return table.drop(columns="n_shared").reset_index(drop=True)


def _scores_as_equal(column: pd.Series) -> pd.Series:
    """Sort key: scores rounded to 12 digits, so 6/7 and 0.5 + 0.5 × 5/7 tie as they should."""
    return column.round(12) if column.name == "score" else column


def matches_for_initiative(atlas: Atlas, initiative_id: str, partner_ids: list[str]) -> pd.DataFrame:
    """The initiative's matches in each partner city, best first, with a `partner` column."""
    owner = atlas.initiatives.loc[atlas.initiatives["id"] == initiative_id, "city_id"]
    if owner.empty:
        return pd.DataFrame(columns=["partner", *MATCH_COLUMNS])
    city = owner.iloc[0]
    found = []
    for partner in partner_ids:
        matches = initiative_matches(atlas, city, partner)
        found.append(matches[matches["initiative_a"] == initiative_id].assign(partner=partner))
    found = [table for table in found if not table.empty]
    if not found:
        return pd.DataFrame(columns=["partner", *MATCH_COLUMNS])
    table = pd.concat(found, ignore_index=True)
    return table.sort_values(
        ["score", "partner"], ascending=[False, True], key=_scores_as_equal, ignore_index=True
    )
