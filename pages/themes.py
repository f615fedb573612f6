"""Themes: which city works on what, one theme up close, and themes over time."""

import streamlit as st

from analytics.summaries import themes_over_time
from analytics.themes import theme_initiatives, theme_sessions
from charts.themes import heatmap_figure, heatmap_table, over_time_figure
from ui import show
from ui.context import page_context
from ui.notices import nothing_to_show
from ui.selectors import pick_one
from ui.share import link_to_this_view

ctx = page_context()
st.title("Themes", anchor=False)
link_to_this_view()
matrix, left_out = heatmap_table(ctx.profiles, ctx.cities, ctx.themes)
show.chart(
    heatmap_figure(matrix, left_out), "city theme heatmap", key="themes-heatmap", data=matrix.reset_index()
)

st.subheader("One theme up close", anchor=False)
used = [t for t in ctx.atlas.themes["id"] if t in set(ctx.atlas.initiative_themes["theme_id"])]
if not used:
    nothing_to_show("No initiative in this selection carries a theme.")
else:
    focus = pick_one("Theme", used, ctx.themes, key="focus")
    initiatives = theme_initiatives(ctx.atlas, focus, ctx.cities)
    sessions = theme_sessions(ctx.atlas, focus, ctx.partnerships)
    st.markdown(
        f"**{initiatives['city'].nunique()}** cities · **{len(initiatives)}** initiatives "
        f"({int((initiatives['origin'] == 'declared').sum())} declared, "
        f"{int((initiatives['origin'] == 'inferred').sum())} inferred from text) · "
        f"**{len(sessions)}** sessions discussed or agreed it"
    )
    show.table(
        initiatives,
        f"{focus} initiatives",
        key="themes-focus-initiatives",
        column_config={
            "keyword": st.column_config.TextColumn("Inferred from the words"),
            "initiative_id": None,
            "file": None,
            "line": None,
        },
    )
    show.table(
        sessions,
        f"{focus} sessions",
        key="themes-focus-sessions",
        column_config={"date": st.column_config.DateColumn("Date", format="D MMM YYYY"), "session_id": None},
    )

counts = themes_over_time(ctx.atlas)
show.chart(over_time_figure(counts, ctx.themes), "themes over time", key="themes-time", data=counts)
