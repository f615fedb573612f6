"""Data-quality figure: where the issues are."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.style import PALETTE, empty_figure, hbar, safe, shorten, styled


def issues_by_file_figure(issues: pd.DataFrame, top: int = 15) -> go.Figure:
    if issues.empty:
        return empty_figure("Issues per file", "No issues: every file loaded cleanly.")
    counts = issues.groupby(["file", "severity"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=["error", "warning"], fill_value=0)
    counts = (
        counts.assign(total=counts.sum(axis=1)).sort_values("total", ascending=False).head(top).iloc[::-1]
    )
    labels = [safe(shorten(f, 50)) for f in counts.index]
    fig = go.Figure(
        [
            hbar(
                labels,
                counts["error"],
                "Errors (record left out)",
                PALETTE[5],
                "%{y}: %{x} errors<extra></extra>",
            ),
            hbar(labels, counts["warning"], "Warnings", PALETTE[1], "%{y}: %{x} warnings<extra></extra>"),
        ]
    )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="Issues", dtick=1 if counts["total"].max() < 10 else None)
    worst = counts.index[-1]
    return styled(
        fig,
        f"{worst} needs the most attention",
        f"The {len(counts)} files with most issues",
        height=max(260, 30 * len(counts) + 140),
    )
