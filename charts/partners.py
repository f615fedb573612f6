"""Partner finder figure: overlap and complementarity side by side for each suggested city."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.style import CITY_A, CITY_B, empty_figure, hbar, safe, shorten, styled


def suggestions_figure(table: pd.DataFrame, city_name: str) -> go.Figure:
    """table: label, overlap, complementarity, cousin, thin (best first)."""
    if table.empty:
        return empty_figure(
            f"New partners for {city_name}", "No city shares a theme with it or offers what it seeks."
        )
    rows = table.iloc[::-1]
    labels = [
        safe(shorten(label, 34)) + (" ◆" if cousin else "") + (" · few initiatives" if thin else "")
        for label, cousin, thin in zip(rows["label"], rows["cousin"], rows["thin"], strict=True)
    ]
    fig = go.Figure(
        [
            hbar(
                labels,
                rows["overlap"],
                "Overlap (shared themes)",
                CITY_A,
                "%{y}<br>overlap %{x:.2f}<extra></extra>",
            ),
            hbar(
                labels,
                rows["complementarity"],
                "Complementarity (offers what it seeks)",
                CITY_B,
                "%{y}<br>complementarity %{x:.2f}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(title_text="Score (0 = nothing in common, 1 = complete)", range=[0, 1.02])
    best = table.iloc[0]["label"]
    subtitle = f"◆ cousin city (shares a partner with {city_name})"
    if table["thin"].any():
        subtitle += "; cities with few initiatives come last"
    title = f"Best new partner for {shorten(city_name, 30)}: {shorten(best, 30)}"
    return styled(fig, title, subtitle, height=max(300, 44 * len(table) + 150))
