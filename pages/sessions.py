"""Sessions: every meeting across partnerships, when, on what, what was agreed, and its sources."""

import streamlit as st

from analytics.summaries import search_sessions, session_table
from charts.timeline import session_timeline
from ui import show
from ui.context import page_context
from ui.notices import nothing_to_show
from ui.selectors import pick_many
from ui.share import link_to_this_view

ctx = page_context()
st.title("Sessions", anchor=False)
link_to_this_view()
sessions = session_table(ctx.atlas)
left, right = st.columns([2, 3])
with left:
    text = st.text_input(
        "Search titles, summaries and partnerships",
        key="session_q",
        bind="query-params",
        placeholder="e.g. mobility, Bari, study visit",
        icon=":material/search:",
    )
with right:
    types = sorted(sessions["type"].dropna().unique())
    chosen = pick_many(
        "Type of session",
        types,
        {t: t.replace("-", " ") for t in types},
        key="session_type",
        placeholder="All types",
    )
shown = search_sessions(sessions, text, chosen)
if shown.empty:
    nothing_to_show("No session matches.", "Clear the search, or widen the filters in the sidebar.")
    st.stop()
show.chart(session_timeline(shown), "sessions timeline", key="sessions-timeline")
show.table(
    shown[
        ["date", "end", "partnership", "title", "type", "format", "topics", "follow_ups", "source", "sources"]
    ],
    "sessions",
    key="sessions-table",
    column_config={
        "date": st.column_config.DateColumn("Date", format="D MMM YYYY"),
        "end": st.column_config.DateColumn("Until", format="D MMM YYYY"),
        "topics": st.column_config.ListColumn("Discussed"),
        "follow_ups": st.column_config.ListColumn("Agreed to pursue"),
        "source": st.column_config.LinkColumn("Source", display_text="open source"),
        "sources": st.column_config.TextColumn("All sources"),
    },
)
