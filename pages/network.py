"""Network: who is partnered with whom, how alike each pair is, and which pairs could be next."""

import streamlit as st

from analytics.network import network_tables
from charts.network import MAX_NODES, network_figure
from ui import show
from ui.context import page_context
from ui.layouts import cached_layout
from ui.share import link_to_this_view

ctx = page_context()
st.title("Network", anchor=False)
link_to_this_view()
nodes, edges, suggested, left_out = network_tables(ctx.atlas, ctx.profiles, MAX_NODES)
nodes = nodes.assign(label=nodes["id"].map(ctx.city))
nodes["hover"] = nodes["label"] + " · " + nodes["degree"].astype(str) + " partners"
where = cached_layout(ctx, nodes, edges, suggested)
show.chart(
    network_figure(nodes, edges, suggested, where, left_out), "partnership network", key="network-graph"
)

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Partner pairs", anchor=False)
    pairs = edges.assign(city_a=edges["city_a"].map(ctx.city), city_b=edges["city_b"].map(ctx.city))
    show.table(
        pairs.sort_values("overlap", ascending=False),
        "partner pairs",
        key="network-pairs",
        column_config={
            "overlap": st.column_config.ProgressColumn("Overlap", min_value=0.0, max_value=1.0, format="%.2f")
        },
    )
with right:
    st.subheader("Suggested new pairs", anchor=False)
    new = suggested.assign(city_a=suggested["city_a"].map(ctx.city), city_b=suggested["city_b"].map(ctx.city))
    show.table(
        new,
        "suggested pairs",
        key="network-suggested",
        column_config={
            c: st.column_config.ProgressColumn(c.capitalize(), min_value=0.0, max_value=1.0, format="%.2f")
            for c in ("overlap", "complementarity")
        },
    )
    st.page_link(
        "pages/partner_finder.py", label="Explore suggestions for one city", icon=":material/person_search:"
    )
