"""Overview: the programme's numbers, the map of partnerships, theme coverage, latest sessions."""

import streamlit as st

from analytics.summaries import headline, latest_sessions, theme_coverage
from charts.overview import coverage_figure, map_tables, programme_map
from ui import show
from ui.cards import headline_numbers
from ui.context import page_context
from ui.share import link_to_this_view
from ui.text import md

ctx = page_context()
st.title("Twinning Atlas", anchor=False)
st.caption(
    f"Where twinned cities overlap, what they agreed, who should partner next · data: {md(ctx.dataset.label)}"
)
link_to_this_view()
headline_numbers(headline(ctx.atlas), {"themes covered": "Themes carried by at least one initiative"})

cities, links = map_tables(ctx.atlas)
show.chart(
    programme_map(cities, links),
    "programme map",
    key="overview-map",
    data=cities.drop(columns=["label"]).rename(columns={"name": "city"}),
)

left, right = st.columns([3, 2], gap="large")
with left:
    coverage = theme_coverage(ctx.atlas)
    show.chart(coverage_figure(coverage), "theme coverage", key="overview-coverage", data=coverage)
with right:
    st.subheader("Latest sessions", anchor=False)
    sessions = latest_sessions(ctx.atlas, 6)[["date", "partnership", "title"]]
    show.table(
        sessions,
        "latest sessions",
        key="overview-sessions",
        column_config={
            "date": st.column_config.DateColumn("Date", format="D MMM YYYY", width="small"),
            "title": st.column_config.TextColumn("Title", width="large"),
        },
    )
    st.page_link("pages/sessions.py", label="All sessions", icon=":material/event:")
    st.subheader("Data quality", anchor=False)
    errors, warnings = ctx.full.error_count, ctx.full.warning_count
    st.markdown(f"**{errors}** errors · **{warnings}** warnings in the loaded files")
    st.page_link(
        "pages/data_quality.py", label="Every issue, with file and line", icon=":material/fact_check:"
    )
