"""Overview figures: the programme map and theme coverage."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.summaries import city_labels, partnership_labels
from charts.style import DECLARED, INFERRED, empty_figure, hbar, integer_ticks, safe, shorten, styled
from charts.world import world_map
from loaders.atlas import Atlas


def map_tables(atlas: Atlas) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(cities with coordinates, hover and marker size; one line per pair of partner cities)."""
    cities = atlas.cities[["id", "name", "country_name", "region", "lat", "lon"]].copy()
    cities["label"] = cities["id"].map(city_labels(atlas))
    cities["initiatives"] = (
        cities["id"].map(atlas.initiatives.groupby("city_id").size()).fillna(0).astype(int)
    )
    cities["partnerships"] = (
        cities["id"]
        .map(atlas.partnership_cities.groupby("city_id")["partnership_id"].nunique())
        .fillna(0)
        .astype(int)
    )
    members = atlas.partnership_cities[["partnership_id", "city_id", "position"]]
    pairs = members.merge(members, on="partnership_id", suffixes=("_a", "_b"))
    pairs = pairs[pairs["position_a"] < pairs["position_b"]]
    where = cities.set_index("id")[["lat", "lon"]]
    links = pairs.join(where.add_suffix("_a"), on="city_id_a").join(where.add_suffix("_b"), on="city_id_b")
    links = links.dropna(subset=["lat_a", "lon_a", "lat_b", "lon_b"])
    links = links.assign(partnership=links["partnership_id"].map(partnership_labels(atlas)))
    return cities, links[
        ["partnership_id", "partnership", "city_id_a", "city_id_b", "lat_a", "lon_a", "lat_b", "lon_b"]
    ].reset_index(drop=True)


def programme_map(cities: pd.DataFrame, links: pd.DataFrame) -> go.Figure:
    placed = cities.dropna(subset=["lat", "lon"])
    if placed.empty:
        return empty_figure("Where the cities are", "No city in this selection has coordinates (lat, lon).")
    n_countries = placed["country_name"].nunique()
    n_links = links["partnership_id"].nunique()
    title = (
        f"{_count(len(placed), 'city', 'cities')} in {_count(n_countries, 'country', 'countries')}, "
        f"linked by {_count(n_links, 'partnership', 'partnerships')}"
    )
    missing = len(cities) - len(placed)
    subtitle = "Dot size: number of initiatives. Drag to pan, scroll to zoom."
    if missing:
        verb = "is" if missing == 1 else "are"
        subtitle += f" {_count(missing, 'city', 'cities')} without coordinates {verb} not drawn."
    hover = (
        "<b>"
        + placed["label"].map(safe)
        + "</b><br>"
        + placed["country_name"].fillna("").map(safe)
        + "<br>"
        + placed["initiatives"].astype(str)
        + " initiatives · "
        + placed["partnerships"].astype(str)
        + " partnerships"
    )
    table = placed.assign(hover=hover, size=6 + 3 * np.sqrt(placed["initiatives"]))
    return world_map(table.assign(hover=table["hover"]), links, title, subtitle)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def coverage_figure(coverage: pd.DataFrame) -> go.Figure:
    """Horizontal bars: initiatives per theme, declared and inferred stacked."""
    used = coverage[coverage["initiatives"] > 0].sort_values("initiatives")
    if used.empty:
        return empty_figure("Theme coverage", "No initiative in this selection carries a theme.")
    top = used.iloc[-1]
    title = f"Most initiatives: {shorten(top['label'], 34)} ({top['initiatives']})"
    labels = [safe(shorten(label, 36)) for label in used["label"]]
    fig = go.Figure(
        [
            hbar(
                labels,
                used["declared"],
                "Declared in the files",
                DECLARED,
                "%{y}: %{x} declared<extra></extra>",
            ),
            hbar(
                labels, used["inferred"], "Inferred from text", INFERRED, "%{y}: %{x} inferred<extra></extra>"
            ),
        ]
    )
    fig.update_layout(barmode="stack", bargap=0.25)
    fig.update_xaxes(title_text="Initiatives carrying the theme")
    integer_ticks(fig, float(used["initiatives"].max()))
    return styled(
        fig,
        title,
        f"{len(used)} of {len(coverage)} themes have initiatives",
        height=max(320, 26 * len(used) + 120),
    )
