"""The partnership network: cities as nodes, partnerships as edges coloured by overlap."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.style import MUTED, PALETTE, empty_figure, safe, shorten, styled

MAX_NODES = 300
OVERLAP_BANDS = [
    (0.0, 0.25, "#D6DDE4", "overlap under 0.25"),
    (0.25, 0.5, "#9ECAE1", "0.25–0.5"),
    (0.5, 0.75, "#3182BD", "0.5–0.75"),
    (0.75, 1.01, "#08306B", "0.75 and more"),
]


def layout(
    nodes: list[str], edges: list[tuple[str, str]], seed: int = 7, aspect: float = 2.2
) -> dict[str, tuple[float, float]]:
    """Positions: each connected group laid out by force (seeded), groups packed in rows, largest first."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    groups = sorted(nx.connected_components(graph), key=lambda g: (-len(g), min(g)))
    gap = 0.45
    area = sum((max(np.sqrt(len(g)), 2.4) + gap) ** 2 for g in groups)
    row_limit = max(3.0, float(np.sqrt(area * aspect)))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for group in groups:
        size = max(float(np.sqrt(len(group))), 2.4)  # room for two labels side by side
        if x > 0 and x + size > row_limit:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        centre = np.array([x + size / 2, y - size / 2])
        for node, point in _group_positions(graph.subgraph(group), size, seed).items():
            positions[node] = (float(centre[0] + point[0]), float(centre[1] + point[1]))
        x += size + gap
        row_height = max(row_height, size)
    return positions


def _group_positions(group: nx.Graph, size: float, seed: int) -> dict[str, np.ndarray]:
    members = sorted(group.nodes)
    if len(members) == 1:
        return {members[0]: np.zeros(2)}
    if len(members) == 2:
        return {members[0]: np.array([-0.7, 0.15]), members[1]: np.array([0.7, -0.15])}
    spread = nx.spring_layout(group, seed=seed, iterations=80)
    points = np.array([spread[m] for m in members])
    points -= points.mean(axis=0)
    reach = np.abs(points).max() or 1.0
    return dict(zip(members, points / reach * size * 0.42, strict=True))


def _segments(frame: pd.DataFrame, where: dict[str, tuple[float, float]]) -> tuple[list, list]:
    xs, ys = [], []
    for a, b in zip(frame["city_a"], frame["city_b"], strict=True):
        (xa, ya), (xb, yb) = where[a], where[b]
        xs += [xa, xb, None]
        ys += [ya, yb, None]
    return xs, ys


def _label_positions(ids: pd.Series, edges: pd.DataFrame, where: dict[str, tuple[float, float]]) -> list[str]:
    """A label goes under its dot when a close partner sits above it, so two names never collide."""
    below = set()
    for a, b in zip(edges["city_a"], edges["city_b"], strict=True):
        (xa, ya), (xb, yb) = where[a], where[b]
        if abs(xa - xb) < 2.0 and abs(ya - yb) < 0.6:
            below.add(a if ya < yb else b)
    return ["bottom center" if node in below else "top center" for node in ids]


def network_figure(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    suggested: pd.DataFrame,
    where: dict[str, tuple[float, float]],
    left_out: int = 0,
) -> go.Figure:
    """nodes: id, label, degree; edges: city_a, city_b, overlap; suggested: city_a, city_b, overlap."""
    if nodes.empty:
        return empty_figure("Partnership network", "No partnership in this selection.")
    fig = go.Figure()
    for low, high, colour, name in OVERLAP_BANDS:
        band = edges[(edges["overlap"] >= low) & (edges["overlap"] < high)]
        if band.empty:
            continue
        xs, ys = _segments(band, where)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"color": colour, "width": 2.2},
                name=f"Partnership, {name}",
                hoverinfo="skip",
            )
        )
    if not suggested.empty:
        xs, ys = _segments(suggested, where)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name="Suggested new pair",
                line={"color": PALETTE[5], "width": 1.6, "dash": "dot"},
                hoverinfo="skip",
            )
        )
    points = np.array([where[n] for n in nodes["id"]])
    fig.add_trace(
        go.Scatter(
            x=points[:, 0],
            y=points[:, 1],
            mode="markers+text" if len(nodes) <= 120 else "markers",
            text=[safe(shorten(label, 22)) for label in nodes["label"]],
            textposition=_label_positions(nodes["id"], edges, where),
            textfont={"size": 10, "color": MUTED},
            name="City",
            marker={
                "size": 8 + 3 * np.sqrt(nodes["degree"].to_numpy()),
                "color": PALETTE[0],
                "line": {"color": "white", "width": 1},
            },
            customdata=nodes["hover"].map(safe),
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x")
    strong = int((edges["overlap"] >= 0.5).sum())
    title = f"{strong} of {len(edges)} partner pairs overlap on at least half their themes"
    subtitle = "Edge colour: overlap coefficient of the pair's themes; dotted: suggested new pairs."
    if left_out:
        subtitle += f" Showing the {len(nodes)} best-connected cities; {left_out} more are left out."
    fig = styled(fig, title, subtitle, height=680)
    return fig
