"""The world map, drawn from Natural Earth outlines shipped with the app (works offline)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.style import BORDER, LAND, MUTED, PALETTE, safe, styled

ASSET = Path(__file__).with_name("assets") / "countries-110m.json"
LINK_COLOUR = "rgba(0, 114, 178, 0.35)"


@lru_cache(maxsize=1)
def country_outlines() -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes of every country ring, rings separated by NaN (one trace)."""
    topology = json.loads(ASSET.read_text(encoding="utf-8"))
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        points = np.cumsum(np.array(arc, dtype=float), axis=0)
        arcs.append(points * scale + translate)
    lons, lats = [], []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("properties", {}).get("name") == "Antarctica":
            continue  # no partner city there, and its ring would run along the map's bottom edge
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                points = _simplified(np.concatenate([arcs[i] if i >= 0 else arcs[~i][::-1] for i in ring]))
                x = points[:, 0]
                if np.abs(np.diff(x)).max(initial=0) > 180:  # a ring over the antimeridian: keep it whole
                    x = np.where(x < 0, x + 360, x)
                lons += [*x.round(2), np.nan]
                lats += [*points[:, 1].round(2), np.nan]
    return np.array(lons), np.array(lats)


SIMPLIFY_DEGREES = 0.15  # finer than a pixel on a world map 1,400 pixels wide


def _simplified(points: np.ndarray, tolerance: float = SIMPLIFY_DEGREES) -> np.ndarray:
    """Douglas–Peucker: drop points closer than `tolerance` to the line of their neighbours.

    Halves the outline's points, so the map's figure is smaller to send and quicker to draw.
    """
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        segment = points[last] - points[first]
        offsets = points[first + 1 : last] - points[first]
        length = np.hypot(*segment)
        if length:
            distances = np.abs(segment[0] * offsets[:, 1] - segment[1] * offsets[:, 0]) / length
        else:
            distances = np.hypot(offsets[:, 0], offsets[:, 1])
        farthest = int(np.argmax(distances))
        if distances[farthest] > tolerance:
            middle = first + 1 + farthest
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return points[keep] if keep.sum() >= 4 else points


def world_map(
    cities: pd.DataFrame, links: pd.DataFrame, title: str, subtitle: str | None = None
) -> go.Figure:
    """Cities (label, lat, lon, hover, size) as dots; links (lat_a, lon_a, lat_b, lon_b) as lines."""
    lons, lats = country_outlines()
    fig = go.Figure(
        go.Scatter(
            x=lons,
            y=lats,
            mode="lines",
            fill="toself",
            fillcolor=LAND,
            line={"color": BORDER, "width": 0.6},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    if not links.empty:
        gap = np.full(len(links), np.nan)
        fig.add_trace(
            go.Scatter(
                x=np.column_stack([links["lon_a"], links["lon_b"], gap]).ravel(),
                y=np.column_stack([links["lat_a"], links["lat_b"], gap]).ravel(),
                mode="lines",
                line={"color": LINK_COLOUR, "width": 1.2},
                hoverinfo="skip",
                name="Partnership",
            )
        )
    marker_type = go.Scattergl if len(cities) > 1000 else go.Scatter
    fig.add_trace(
        marker_type(
            x=cities["lon"],
            y=cities["lat"],
            mode="markers",
            name="City",
            marker={
                "size": cities["size"],
                "color": PALETTE[0],
                "opacity": 0.85,
                "line": {"color": "white", "width": 1},
            },
            text=[safe(t) for t in cities["hover"]],
            hovertemplate="%{text}<extra></extra>",
            customdata=cities["id"],
        )
    )
    fig.update_xaxes(range=[-170, 192], visible=False, fixedrange=False)
    fig.update_yaxes(range=[-58, 85], visible=False, scaleanchor="x", scaleratio=1)
    fig = styled(fig, title, subtitle, height=520)
    fig.update_layout(
        showlegend=False,
        dragmode="pan",
        plot_bgcolor="#F8FBFE",
        annotations=[
            {
                "text": "Country outlines: Natural Earth",
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": 0,
                "xanchor": "right",
                "font": {"size": 10, "color": MUTED},
            }
        ],
    )
    return fig
