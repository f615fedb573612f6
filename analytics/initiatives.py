"""The initiatives table: one row per initiative with its city and theme names, searchable."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analytics.search import search
from loaders.atlas import Atlas


def initiative_table(
    atlas: Atlas, city_names: Mapping[str, str], theme_names: Mapping[str, str]
) -> pd.DataFrame:
    """id, title, city, themes (names), inferred (bool), status, type, start, end, url, sources, summary."""
    links = atlas.initiative_themes
    links = pd.DataFrame(
        {
            "initiative_id": links["initiative_id"].to_numpy(dtype=object),
            "theme": links["theme_id"].map(theme_names).to_numpy(dtype=object),
            "inferred": (links["origin"] == "inferred").to_numpy(),
        }
    ).sort_values(["initiative_id", "theme"], kind="stable")
    ids, starts = np.unique(links["initiative_id"].to_numpy(), return_index=True)
    names = np.split(links["theme"].to_numpy(), starts[1:]) if len(ids) else []
    themes = pd.Series([list(group) for group in names], index=ids, dtype=object)
    inferred = links.groupby("initiative_id")["inferred"].any()
    table = atlas.initiatives.assign(
        city=atlas.initiatives["city_id"].map(city_names),
        themes=atlas.initiatives["id"].map(themes),
        inferred=atlas.initiatives["id"].map(inferred).fillna(False).astype(bool),
    )
    table["themes"] = table["themes"].map(lambda v: v if isinstance(v, list) else [])
    columns = [
        "id",
        "title",
        "city",
        "themes",
        "inferred",
        "status",
        "type",
        "start",
        "end",
        "url",
        "sources",
        "summary",
        "city_id",
        "file",
        "line",
    ]
    return table[columns].sort_values(["city", "title"], ignore_index=True)


def search_initiatives(table: pd.DataFrame, text: str | None, statuses: list[str] | None) -> pd.DataFrame:
    """Rows whose title, summary, city or theme names contain `text` (any case), of the given statuses."""
    return search(table, text, ["title", "summary", "city", "themes"], "status", statuses)
