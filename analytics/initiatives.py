"""The initiatives table: one row per initiative with its city and theme names, searchable."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from loaders.atlas import Atlas


def initiative_table(
    atlas: Atlas, city_names: Mapping[str, str], theme_names: Mapping[str, str]
) -> pd.DataFrame:
    """id, title, city, themes (names), inferred (bool), status, type, start, end, url, sources, summary."""
    links = atlas.initiative_themes.assign(theme=atlas.initiative_themes["theme_id"].map(theme_names))
    themes = links.groupby("initiative_id")["theme"].agg(lambda names: sorted(names))
    inferred = links.groupby("initiative_id")["origin"].agg(lambda o: bool((o == "inferred").any()))
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
    shown = table
    if statuses:
        shown = shown[shown["status"].isin(statuses)]
    if text and text.strip():
        needle = text.strip().casefold()
        haystack = (
            shown["title"].fillna("")
            + " "
            + shown["summary"].fillna("")
            + " "
            + shown["city"].fillna("")
            + " "
            + shown["themes"].map(" ".join)
        ).str.casefold()
        shown = shown[haystack.str.contains(needle, regex=False)]
    return shown.reset_index(drop=True)
