"""Initiatives: search every initiative, open one, and see its best matches in partner cities."""

import streamlit as st

from analytics.initiatives import initiative_table, search_initiatives
from loaders.models import STATUSES
from ui.context import page_context
from ui.initiative_view import initiative_details, initiatives_grid
from ui.notices import nothing_to_show
from ui.share import link_to_this_view

ctx = page_context()
st.title("Initiatives", anchor=False)
link_to_this_view()
left, right = st.columns([2, 3])
with left:
    text = st.text_input(
        "Search titles, summaries, cities and themes",
        key="q",
        bind="query-params",
        placeholder="e.g. tram, incubator, 广州",
        icon=":material/search:",
    )
with right:
    statuses = st.multiselect(
        "Status", list(STATUSES), key="status", bind="query-params", placeholder="Any status"
    )
table = search_initiatives(initiative_table(ctx.atlas, ctx.cities, ctx.themes), text, statuses)
if table.empty:
    nothing_to_show("No initiative matches.", "Clear the search, or widen the filters in the sidebar.")
    st.stop()
selected = initiatives_grid(table)
if selected is None:
    st.caption("Select a row to see the initiative and its best matches in partner cities.")
else:
    initiative_details(ctx, table.set_index("id").loc[selected], selected)
