"""One palette and one set of layout defaults for every figure (and the PNG export settings)."""

from __future__ import annotations

import html
import re
from typing import Any

import plotly.graph_objects as go

# Okabe–Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
CITY_A, CITY_B = PALETTE[0], PALETTE[1]
DECLARED, INFERRED = PALETTE[0], PALETTE[4]
MUTED = "#8A96A3"
LAND, BORDER = "#E9EDF1", "#C3CBD3"
TEXT = "#1B2733"
SEQUENTIAL = [[0.0, "#F2F6FA"], [0.25, "#C6DBEF"], [0.5, "#6BAED6"], [0.75, "#2171B5"], [1.0, "#08306B"]]
FONT = "Helvetica Neue, Arial, Liberation Sans, Noto Sans, Noto Sans CJK SC, Noto Sans Thai, sans-serif"


def safe(text: Any) -> str:
    """Data text for plotly labels and hover: HTML-escaped, so a name is shown, never rendered."""
    return html.escape("" if text is None else str(text), quote=False)


def hbar(labels: Any, values: Any, name: str, colour: str, hover: str, customdata: Any = None) -> go.Bar:
    """One horizontal bar trace in the app's style (callers pass labels already escaped)."""
    return go.Bar(
        y=labels,
        x=values,
        name=name,
        orientation="h",
        marker_color=colour,
        hovertemplate=hover,
        customdata=customdata,
    )


def integer_ticks(fig: go.Figure, largest: float, axis: str = "x") -> None:
    """Counts are whole numbers: no 0.5 ticks on a small axis."""
    if largest <= 10:
        (fig.update_xaxes if axis == "x" else fig.update_yaxes)(dtick=1, tickformat="d")


def shorten(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def styled(fig: go.Figure, title: str, subtitle: str | None = None, height: int | None = None) -> go.Figure:
    """Apply the app's layout: a title that states the finding, the legend under it, quiet axes."""
    legend_rows = any(trace.showlegend is not False for trace in fig.data) and len(fig.data) > 1
    top = 44 + (22 if subtitle else 0) + (30 if legend_rows else 0)
    fig.update_layout(
        title={
            "text": safe(title),
            "x": 0,
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 10},
            "font": {"size": 17, "color": TEXT},
            "subtitle": {"text": safe(subtitle or ""), "font": {"size": 13, "color": MUTED}},
        },
        font={"family": FONT, "size": 13, "color": TEXT},
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=PALETTE,
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "size": 13}},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "xanchor": "left",
            "x": 0,
            "font": {"size": 12},
        },
        uirevision="keep",
    )
    fig.update_xaxes(gridcolor="#E6EAEE", zerolinecolor="#C3CBD3", automargin=True)
    fig.update_yaxes(gridcolor="#E6EAEE", zerolinecolor="#C3CBD3", automargin=True)
    if height:
        fig.update_layout(height=height)
    return fig


def empty_figure(title: str, message: str) -> go.Figure:
    """A figure that says why it is empty, instead of an empty axis."""
    fig = go.Figure()
    fig.add_annotation(
        text=safe(message),
        showarrow=False,
        font={"size": 15, "color": MUTED},
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return styled(fig, title, height=260)


def file_slug(*parts: str) -> str:
    text = "-".join(p for p in parts if p)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "chart"


def chart_config(*name_parts: str) -> dict[str, Any]:
    """plotly config: the camera button saves a 2× PNG named after the chart."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": "twinning-atlas-" + file_slug(*name_parts),
            "scale": 2,
        },
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    }
