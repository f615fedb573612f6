"""Partnership figures: the per-theme butterfly chart."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analytics.overlap import PairOverlap
from charts.style import CITY_A, CITY_B, empty_figure, hbar, safe, shorten, styled


def butterfly_table(result: PairOverlap, theme_labels: Mapping[str, str]) -> pd.DataFrame:
    table = result.themes.assign(
        theme=result.themes["theme_id"].map(lambda t: theme_labels.get(t, t)),
        shared=(result.themes["count_a"] > 0) & (result.themes["count_b"] > 0),
    )
    return table.sort_values(
        ["shared", "count_a", "count_b"], ascending=[True, True, True], ignore_index=True
    )


def butterfly_figure(table: pd.DataFrame, name_a: str, name_b: str) -> go.Figure:
    """One city's initiatives per theme to the left, the other's to the right; shared themes marked ●."""
    if table.empty:
        return empty_figure("Themes of the two cities", "Neither city has a tagged initiative yet.")
    labels = [
        ("● " if shared else "") + safe(shorten(t, 38))
        for t, shared in zip(table["theme"], table["shared"], strict=True)
    ]
    largest = int(max(table["count_a"].max(), table["count_b"].max(), 1))
    fig = go.Figure(
        [
            hbar(
                labels,
                -table["count_a"],
                safe(name_a),
                CITY_A,
                safe(name_a) + ": %{customdata} initiatives<extra></extra>",
                customdata=table["count_a"],
            ),
            hbar(
                labels,
                table["count_b"],
                safe(name_b),
                CITY_B,
                safe(name_b) + ": %{x} initiatives<extra></extra>",
            ),
        ]
    )
    ticks = list(range(-largest, largest + 1, max(1, largest // 3)))
    fig.update_layout(barmode="relative", bargap=0.3)
    fig.update_xaxes(
        title_text=f"← initiatives of {safe(shorten(name_a, 28))}   |   "
        f"initiatives of {safe(shorten(name_b, 28))} →",
        tickvals=ticks,
        ticktext=[str(abs(t)) for t in ticks],
        range=[-largest - 0.5, largest + 0.5],
    )
    n_shared = int(table["shared"].sum())
    title = f"{name_a} and {name_b} share {n_shared} of {len(table)} themes"
    return styled(fig, title, "● marks a theme both cities work on", height=max(300, 30 * len(table) + 130))
