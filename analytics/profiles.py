"""Theme profiles: for each city and theme, how many of the city's initiatives carry the theme."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from loaders.atlas import Atlas

THIN_EVIDENCE = 3  # a city with fewer tagged initiatives has a profile too thin to rank on
OFFERING_STATUSES = ("ongoing", "completed")


@dataclass(frozen=True)
class Profiles:
    """Dense city × theme matrices over every city and theme of an Atlas (row/column = id order)."""

    city_ids: pd.Index
    theme_ids: pd.Index
    counts: np.ndarray  # int32: initiatives of the city carrying the theme
    declared: np.ndarray  # int32: of which declared in the file
    tagged: np.ndarray  # int32 per city: initiatives with at least one theme
    offers: np.ndarray  # bool: a theme of an ongoing or completed initiative
    needs: np.ndarray  # bool: `seeks` plus the themes of every interest the city stated

    def row(self, city_id: str) -> int:
        return int(self.city_ids.get_loc(city_id))

    def col(self, theme_id: str) -> int:
        return int(self.theme_ids.get_loc(theme_id))

    @property
    def thin(self) -> np.ndarray:
        return self.tagged < THIN_EVIDENCE


def build_profiles(atlas: Atlas) -> Profiles:
    """The profile, offers and needs matrices of every city, computed with array operations."""
    city_ids = pd.Index(atlas.cities["id"], dtype=object)
    theme_ids = pd.Index(atlas.themes["id"], dtype=object)
    shape = (len(city_ids), len(theme_ids))
    links = atlas.initiative_themes
    rows = city_ids.get_indexer(links["city_id"])
    cols = theme_ids.get_indexer(links["theme_id"])
    counts = _count(rows, cols, shape)
    declared_mask = (links["origin"] == "declared").to_numpy()
    declared = _count(rows[declared_mask], cols[declared_mask], shape)
    tagged = np.zeros(len(city_ids), dtype=np.int32)
    per_city = links.drop_duplicates("initiative_id")["city_id"]
    np.add.at(tagged, city_ids.get_indexer(per_city), 1)
    return Profiles(
        city_ids,
        theme_ids,
        counts,
        declared,
        tagged,
        _offers(atlas, city_ids, theme_ids),
        _needs(atlas, city_ids, theme_ids),
    )


def _count(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    matrix = np.zeros(shape, dtype=np.int32)
    keep = (rows >= 0) & (cols >= 0)
    np.add.at(matrix, (rows[keep], cols[keep]), 1)
    return matrix


def _mark(pairs: pd.DataFrame, city_ids: pd.Index, theme_ids: pd.Index) -> np.ndarray:
    matrix = np.zeros((len(city_ids), len(theme_ids)), dtype=bool)
    rows = city_ids.get_indexer(pairs["city_id"])
    cols = theme_ids.get_indexer(pairs["theme_id"])
    keep = (rows >= 0) & (cols >= 0)
    matrix[rows[keep], cols[keep]] = True
    return matrix


def _offers(atlas: Atlas, city_ids: pd.Index, theme_ids: pd.Index) -> np.ndarray:
    active = pd.Index(atlas.initiatives.loc[atlas.initiatives["status"].isin(OFFERING_STATUSES), "id"])
    links = atlas.initiative_themes
    # a hash lookup: Series.isin on Arrow strings goes through Python objects (a second at 15,000 cities)
    return _mark(links[active.get_indexer(links["initiative_id"]) >= 0], city_ids, theme_ids)


def need_pairs(atlas: Atlas) -> pd.DataFrame:
    """(city_id, theme_id, source) for every need: `seeks`, a theme interest, an initiative interest."""
    seeks = atlas.city_seeks[["city_id", "theme_id"]].assign(source="seeks")
    interests = atlas.interests
    on_theme = interests.dropna(subset=["theme_id"])[["city_id", "theme_id"]].assign(source="interest")
    on_initiative = interests.dropna(subset=["initiative_id"])[["city_id", "initiative_id"]].merge(
        atlas.initiative_themes[["initiative_id", "theme_id"]], on="initiative_id"
    )
    on_initiative = on_initiative[["city_id", "theme_id"]].assign(source="interest")
    return pd.concat([seeks, on_theme, on_initiative], ignore_index=True).drop_duplicates(
        ["city_id", "theme_id"]
    )


def _needs(atlas: Atlas, city_ids: pd.Index, theme_ids: pd.Index) -> np.ndarray:
    return _mark(need_pairs(atlas), city_ids, theme_ids)


def profile_table(atlas: Atlas) -> pd.DataFrame:
    """Long form: city_id, theme_id, initiatives, declared, inferred (rows with initiatives > 0)."""
    links = atlas.initiative_themes
    if links.empty:
        return pd.DataFrame(columns=["city_id", "theme_id", "initiatives", "declared", "inferred"])
    table = (
        links.assign(declared=links["origin"].eq("declared"), inferred=links["origin"].eq("inferred"))
        .groupby(["city_id", "theme_id"], as_index=False)
        .agg(
            initiatives=("initiative_id", "nunique"),
            declared=("declared", "sum"),
            inferred=("inferred", "sum"),
        )
    )
    return table.astype({"declared": "int64", "inferred": "int64"})
