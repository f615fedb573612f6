"""Theme figures: the city × theme heatmap and themes over time."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.profiles import Profiles
from analytics.similarity import cosine_matrix, seriate
from charts.style import PALETTE, SEQUENTIAL, empty_figure, integer_ticks, safe, shorten, styled

MAX_HEATMAP_CITIES = 60


def heatmap_table(
    profiles: Profiles,
    city_labels: Mapping[str, str],
    theme_labels: Mapping[str, str],
    max_cities: int = MAX_HEATMAP_CITIES,
) -> tuple[pd.DataFrame, int]:
    """City × theme counts, look-alike cities next to each other; (table, cities left out).

    Keeps the cities with the most initiatives when there are more than `max_cities`, and only
    themes some kept city works on.
    """
    totals = profiles.counts.sum(axis=1)
    active = np.flatnonzero(totals > 0)
    kept = active[np.argsort(-totals[active], kind="stable")[:max_cities]]
    counts = profiles.counts[kept]
    order = kept[seriate(cosine_matrix(counts))] if len(kept) else kept
    columns = np.flatnonzero(profiles.counts[order].sum(axis=0) > 0)
    table = pd.DataFrame(
        profiles.counts[np.ix_(order, columns)],
        index=[city_labels.get(c, c) for c in profiles.city_ids[order]],
        columns=[theme_labels.get(t, t) for t in profiles.theme_ids[columns]],
    )
    return table.rename_axis(index="city", columns="theme"), int(len(active) - len(kept))


def heatmap_figure(table: pd.DataFrame, left_out: int) -> go.Figure:
    if table.empty:
        return empty_figure(
            "Which cities work on which themes", "No city in this selection has a tagged initiative."
        )
    subtitle = "Similar cities sit next to each other; darker = more initiatives."
    if left_out:
        subtitle += f" Showing the {len(table)} cities with most initiatives; {left_out} more are left out."
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=[safe(shorten(t, 30)) for t in table.columns],
            y=[safe(shorten(c, 40)) for c in table.index],
            colorscale=SEQUENTIAL,
            xgap=1,
            ygap=1,
            colorbar={
                "title": {"text": "Initiatives"},
                "thickness": 12,
                "dtick": 1 if table.to_numpy().max() <= 10 else None,
            },
            hovertemplate="%{customdata}<br>%{z} initiatives<extra></extra>",
        )
    )
    fig.update_xaxes(tickangle=-35, side="bottom")
    fig.update_yaxes(autorange="reversed")
    return styled(fig, "Which cities work on which themes", subtitle, height=max(360, 22 * len(table) + 240))


def over_time_figure(counts: pd.DataFrame, theme_labels: Mapping[str, str]) -> go.Figure:
    """counts: year, theme_id, role, sessions. Sessions per year that discussed each theme.

    Lines from four years on; grouped bars for fewer years, where a line would invent a trend.
    """
    topics = counts[counts["role"] == "topic"]
    if topics.empty:
        return empty_figure("Themes discussed over time", "No session in this selection lists topics.")
    leaders = topics.groupby("theme_id")["sessions"].sum().sort_values(ascending=False, kind="stable")
    shown = leaders.index[: len(PALETTE)]
    years = sorted(topics["year"].unique())
    fig = go.Figure()
    for colour, theme in zip(PALETTE, shown, strict=False):
        series = (
            topics[topics["theme_id"] == theme].set_index("year")["sessions"].reindex(years, fill_value=0)
        )
        label = safe(theme_labels.get(theme, theme))
        common = {
            "name": shorten(label, 34),
            "hovertemplate": label + "<br>%{x}: %{y} sessions<extra></extra>",
        }
        if len(years) >= 4:
            fig.add_trace(
                go.Scatter(
                    x=years,
                    y=series.to_numpy(),
                    mode="lines+markers",
                    line={"color": colour, "width": 2.5},
                    **common,
                )
            )
        else:
            fig.add_trace(
                go.Bar(x=[str(y) for y in years], y=series.to_numpy(), marker_color=colour, **common)
            )
    fig.update_xaxes(title_text="Year", dtick=1 if len(years) >= 4 else None)
    fig.update_yaxes(title_text="Sessions discussing the theme", rangemode="tozero")
    integer_ticks(fig, float(topics["sessions"].max()), axis="y")
    top = shorten(theme_labels.get(leaders.index[0], leaders.index[0]), 40)
    subtitle = (
        f"The {len(shown)} most discussed of {len(leaders)} themes" if len(leaders) > len(shown) else None
    )
    fig = styled(fig, f"Most discussed: {top}", subtitle, height=440)
    fig.update_layout(
        legend={"orientation": "v", "yanchor": "top", "y": 1, "xanchor": "left", "x": 1.01},
        margin={"t": 80 if subtitle else 60},
        barmode="group",
    )
    return fig
