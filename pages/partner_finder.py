"""Partner finder: for one city, the best cities it is not yet partnered with, and why."""

import streamlit as st

from analytics.suggestions import suggestions_for
from charts.partners import suggestions_figure
from ui import show
from ui.context import page_context
from ui.finder_view import needs_and_offers, suggestion_table
from ui.notices import nothing_to_show
from ui.selectors import pick_one
from ui.share import link_to_this_view

ctx = page_context()
st.title("Partner finder", anchor=False)
cities = sorted(ctx.atlas.cities["id"], key=ctx.city)
if not cities:
    nothing_to_show("No city in this selection.")
    st.stop()
left, right = st.columns([3, 2])
with left:
    city = pick_one("City", cities, ctx.cities, key="city", default="bari")
with right:
    rank = st.segmented_control(
        "Rank by",
        ["overlap", "complementarity"],
        key="rank",
        bind="query-params",
        default="overlap",
        required=True,
        help="Overlap: themes both work on. Complementarity: what the city seeks and "
        "the candidate offers. Both are always shown.",
    )
link_to_this_view()
needs_and_offers(ctx, city)
suggestions = suggestions_for(ctx.atlas, ctx.profiles, city, k=10, by=rank or "overlap")
table = suggestion_table(ctx, suggestions)
show.chart(suggestions_figure(table, ctx.city(city)), f"partners for {city}", key="finder-chart")
show.table(
    table,
    f"partner suggestions for {city}",
    key="finder-table",
    column_config={
        c: st.column_config.ProgressColumn(c.capitalize(), min_value=0.0, max_value=1.0, format="%.2f")
        for c in ("overlap", "complementarity")
    }
    | {
        "cousin": st.column_config.CheckboxColumn("Cousin city", help="Shares a partner with the city"),
        "thin": st.column_config.CheckboxColumn("Thin evidence", help="Fewer than three tagged initiatives"),
        "shared_themes": st.column_config.ListColumn("Shared themes"),
        "helps_with": st.column_config.ListColumn("Offers what the city seeks"),
    },
)
