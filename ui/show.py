"""Charts and tables as every page shows them: the figure, its data one click away, downloads."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.style import chart_config, file_slug
from loaders.export import csv_bytes, flatten_lists, readable_column, xlsx_bytes
from ui.context import PageContext


def _for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing text shows as an empty cell, not as 'None'."""
    text = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c]) or frame[c].dtype == object]
    return frame.assign(**{c: frame[c].where(frame[c].notna(), "") for c in text}) if text else frame


def downloads(table: pd.DataFrame, name: str, key: str) -> None:
    """CSV and Excel buttons for one table.

    The CSV is small and built with the page (a ready file survives busy servers best); the Excel
    file is slow to build, so only a click builds it.
    """
    slug = file_slug(name)
    left, right = st.columns(2, gap="small", width=360)
    left.download_button(
        "CSV",
        data=csv_bytes(flatten_lists(table)),
        file_name=f"twinning-atlas-{slug}.csv",
        mime="text/csv",
        key=f"{key}-csv",
        icon=":material/download:",
        on_click="ignore",
    )
    right.download_button(
        "Excel",
        data=lambda: xlsx_bytes({name[:31]: flatten_lists(table)}),
        file_name=f"twinning-atlas-{slug}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}-xlsx",
        icon=":material/download:",
        on_click="ignore",
    )


def table(
    frame: pd.DataFrame,
    name: str,
    key: str,
    column_config: Mapping[str, Any] | None = None,
    height: int | str = "auto",
    **options: Any,
) -> Any:
    """A dataframe with readable headers and its CSV/Excel downloads underneath."""
    config = {c: readable_column(c) for c in frame.columns} | dict(column_config or {})
    event = st.dataframe(
        _for_display(frame), hide_index=True, column_config=config, key=key, height=height, **options
    )
    downloads(frame, name, key)
    return event


def chart(
    fig: go.Figure, name: str, key: str, data: pd.DataFrame | None = None, alt: str | None = None
) -> None:
    """The figure (PNG button named after it) and, in an expander, the table it was drawn from."""
    st.plotly_chart(fig, theme=None, config=chart_config(name), key=key, alt=alt or name)
    if data is not None:
        with st.expander("Data behind this chart", icon=":material/table:"):
            table(data, name, key=f"{key}-data")


def all_data_download(context: PageContext) -> None:
    """In the sidebar: every table of the filtered Atlas in one workbook (built on click)."""
    with st.sidebar:
        st.download_button(
            "Download all data (Excel)",
            data=lambda: xlsx_bytes(context.atlas.tables()),
            file_name="twinning-atlas-data.xlsx",
            key="all-data",
            on_click="ignore",
            icon=":material/download:",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            help="Every table of the data as filtered in the sidebar, one sheet per table; "
            "the issues sheet covers the whole folder.",
        )
