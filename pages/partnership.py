"""Partnership: one pair's overlap, complementarity, matches, sessions and what to act on."""

import streamlit as st

from analytics.pair import pair_report, partnership_cities
from analytics.summaries import session_table
from charts.pair import butterfly_figure, butterfly_table
from charts.timeline import session_timeline
from ui import show
from ui.context import page_context
from ui.notices import nothing_to_show
from ui.pair_view import action_items, brief_download, matches_table, pair_header, score_cards, theme_lists
from ui.selectors import pick_one, pick_pair
from ui.share import link_to_this_view

ctx = page_context()
st.title("Partnership", anchor=False)
options = sorted(ctx.atlas.partnerships["id"], key=lambda p: ctx.partnerships.get(p, p))
if not options:
    nothing_to_show("No partnership in this selection.")
    st.stop()
partnership = pick_one(
    "Partnership",
    options,
    ctx.partnerships,
    key="partnership",
    default="bari--guangzhou-development-district",
)
members = partnership_cities(ctx.atlas, partnership)
pair = pick_pair(members, ctx.cities) if len(members) > 2 else (members[0], members[1])
report = pair_report(ctx.atlas, ctx.profiles, partnership, pair)
sessions = session_table(ctx.atlas).query("partnership_id == @partnership")
with st.container(horizontal=True, vertical_alignment="center"):
    link_to_this_view()
    brief_download(ctx, report, sessions)

pair_header(ctx, report)
score_cards(ctx, report)
butterfly = butterfly_table(report.overlap, ctx.themes)
show.chart(
    butterfly_figure(butterfly, ctx.city(report.a), ctx.city(report.b)),
    f"{partnership} themes",
    key="pair-butterfly",
    data=butterfly,
)
theme_lists(ctx, report)
action_items(ctx, report)
matches_table(ctx, report)
st.subheader("Sessions of the partnership", anchor=False)
show.chart(
    session_timeline(sessions),
    f"{partnership} sessions",
    key="pair-timeline",
    data=sessions[["date", "end", "title", "type", "format", "topics", "follow_ups", "sources"]],
)
