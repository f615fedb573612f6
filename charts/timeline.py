"""Session timelines: when partners met, on what, and how."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.style import PALETTE, empty_figure, safe, shorten, styled

TYPE_SYMBOLS = {
    "working-session": "circle",
    "study-visit": "diamond",
    "webinar": "square",
    "mou-signing": "star",
    "network-event": "triangle-up",
    "other": "cross",
}


def session_timeline(sessions: pd.DataFrame, title: str | None = None) -> go.Figure:
    """sessions: date, end, partnership, title, type, format, topics (tuple of labels)."""
    if sessions.empty:
        return empty_figure("Sessions over time", "No session in this selection.")
    first, last = sessions["date"].min(), sessions["date"].max()
    title = title or (
        f"{len(sessions)} sessions from {first:%b %Y} to {last:%b %Y}"
        if len(sessions) > 1
        else f"One session, on {first:%d %b %Y}"
    )
    fig = go.Figure()
    rows = sessions.assign(kind=sessions["type"].fillna("other"))
    for colour, (kind, group) in zip(PALETTE, rows.groupby("kind", sort=True), strict=False):
        hover = [
            f"<b>{safe(row.title)}</b><br>{safe(row.partnership)}<br>{row.date:%d %b %Y}"
            + (f" – {row.end:%d %b %Y}" if pd.notna(row.end) else "")
            + f" · {safe(row.format)}<br>Topics: {safe(', '.join(row.topics) or '—')}"
            for row in group.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=group["date"],
                y=[safe(shorten(p, 48)) for p in group["partnership"]],
                mode="markers",
                name=kind.replace("-", " "),
                marker={
                    "size": 13,
                    "color": colour,
                    "symbol": TYPE_SYMBOLS.get(kind, "circle"),
                    "line": {"color": "white", "width": 1},
                },
                text=hover,
                hovertemplate="%{text}<extra></extra>",
            )
        )
    n_rows = sessions["partnership"].nunique()
    fig.update_yaxes(title_text=None, categoryorder="category descending")
    pad = pd.Timedelta(days=45)
    months = max(1, round(((last - first).days + 90) / 30 / 8))
    fig.update_xaxes(
        title_text="Session date",
        range=[first - pad, last + pad],
        tickformat="%b %Y",
        type="date",
        dtick=f"M{months}",
    )
    return styled(fig, title, "Marker shape: type of session", height=max(260, 34 * n_rows + 150))
