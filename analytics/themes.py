"""One theme up close: the initiatives that carry it and the sessions that discussed or agreed it."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from loaders.atlas import Atlas


def theme_initiatives(atlas: Atlas, theme_id: str, city_names: Mapping[str, str]) -> pd.DataFrame:
    """city, title, status, origin (declared | inferred), keyword (the words it was inferred from)."""
    links = atlas.initiative_themes[atlas.initiative_themes["theme_id"] == theme_id]
    table = links.merge(atlas.initiatives[["id", "title", "status"]], left_on="initiative_id", right_on="id")
    table = table.assign(city=table["city_id"].map(city_names))
    columns = ["city", "title", "status", "origin", "keyword", "initiative_id", "file", "line"]
    return table[columns].sort_values(["city", "title"], ignore_index=True)


def theme_sessions(atlas: Atlas, theme_id: str, partnership_names: Mapping[str, str]) -> pd.DataFrame:
    """date, partnership, title, role (topic | follow_up) of every session that names the theme."""
    links = atlas.session_themes[atlas.session_themes["theme_id"] == theme_id]
    table = links.merge(atlas.sessions[["id", "date", "title"]], left_on="session_id", right_on="id")
    table = table.assign(
        partnership=table["partnership_id"].map(partnership_names),
        role=table["role"].map({"topic": "discussed", "follow_up": "agreed"}),
    )
    grouped = table.groupby(["session_id", "date", "partnership", "title"], as_index=False)["role"].agg(
        lambda roles: " and ".join(sorted(set(roles)))
    )
    return grouped.sort_values("date", ascending=False, ignore_index=True)[
        ["date", "partnership", "title", "role", "session_id"]
    ]
