"""Network layouts are costly at a few hundred nodes: computed once per data and filter choice."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.network import layout
from ui.context import PageContext


@st.cache_data(max_entries=32, show_spinner="Laying out the network…")
def _layout(
    key: str, filters: object, nodes: tuple[str, ...], edges: tuple[tuple[str, str], ...]
) -> dict[str, tuple[float, float]]:
    return layout(list(nodes), list(edges))


def cached_layout(
    ctx: PageContext, nodes: pd.DataFrame, edges: pd.DataFrame, suggested: pd.DataFrame
) -> dict[str, tuple[float, float]]:
    pairs = tuple(zip(edges["city_a"], edges["city_b"], strict=True))
    return _layout(ctx.dataset.key, ctx.filters, tuple(nodes["id"]), pairs)
