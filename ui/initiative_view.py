"""The Initiatives page's table (with a selection kept in the URL) and the selected initiative."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.matches import matches_for_initiative
from analytics.pair import partnership_cities
from ui import show
from ui.context import PageContext
from ui.text import link, md
from ui.url_state import publish, restore

KEY = "initiative"
MAX_ROWS = 2_000  # a selectable table is sent to the browser whole


def initiatives_grid(table: pd.DataFrame) -> str | None:
    """The searchable table; returns the selected initiative id (restored from `?initiative=`)."""
    if len(table) > MAX_ROWS:
        st.caption(
            f"Showing the first {MAX_ROWS:,} of {len(table):,} initiatives: search or filter to narrow "
            "them down (Download all data in the sidebar has every row)."
        )
        table = table.head(MAX_ROWS)
    ids = table["id"].tolist()
    restore(KEY, ids, default=None)
    wanted = st.session_state.get(KEY)
    default = {"selection": {"rows": [ids.index(wanted)], "columns": []}} if wanted in ids else None
    event = show.table(
        table.drop(columns=["summary", "city_id", "file", "line"]),
        "initiatives",
        key="initiatives-table",
        on_select="rerun",
        selection_mode="single-row",
        selection_default=default,
        column_config={
            "id": None,
            "title": st.column_config.TextColumn("Initiative", width="large", pinned=True),
            "themes": st.column_config.ListColumn("Themes", width="large"),
            "inferred": st.column_config.CheckboxColumn(
                "Themes inferred", help="Themes inferred from the text"
            ),
            "start": st.column_config.NumberColumn("Start", format="%d"),
            "end": st.column_config.NumberColumn("End", format="%d"),
            "url": st.column_config.LinkColumn("Website", display_text="open"),
        },
    )
    rows = event.selection.rows if event is not None else []
    chosen = ids[rows[0]] if rows else None
    st.session_state[KEY] = chosen
    publish(KEY, chosen, None)
    return chosen


def initiative_details(ctx: PageContext, row: pd.Series, initiative_id: str) -> None:
    with st.container(border=True):
        st.subheader(md(row["title"]), anchor=False)
        facts = [row["city"], row["status"], row["type"]]
        years = "–".join(str(int(y)) for y in (row["start"], row["end"]) if pd.notna(y))
        st.caption(" · ".join(md(f) for f in [*facts, years] if isinstance(f, str) and f))
        if pd.notna(row["summary"]):
            st.markdown(md(row["summary"]))
        links = [u for u in str(row["sources"] or "").split() if u] + (
            [row["url"]] if pd.notna(row["url"]) else []
        )
        for url in dict.fromkeys(links):
            st.markdown(link(url, url))
        st.caption(f"From {md(row['file'])}, line {int(row['line'])}")
    partners = _partners(ctx, row["city_id"])
    st.subheader("Best matches in partner cities", anchor=False)
    matches = matches_for_initiative(ctx.atlas, initiative_id, partners)
    if matches.empty:
        st.info("No initiative of a partner city shares a theme with this one.", icon=":material/info:")
        return
    matches = matches.assign(
        partner=matches["partner"].map(ctx.city),
        shared_themes=matches["shared_themes"].map(lambda ids: [ctx.theme(t) for t in ids]),
    )
    show.table(
        matches[["partner", "title_b", "shared_themes", "interest", "score"]],
        f"{initiative_id} matches",
        key="initiative-matches",
        column_config={
            "title_b": st.column_config.TextColumn("Initiative", width="large"),
            "shared_themes": st.column_config.ListColumn("Shared themes"),
            "interest": st.column_config.CheckboxColumn("Interest recorded"),
            "score": st.column_config.ProgressColumn("Score", min_value=0.0, max_value=1.0, format="%.2f"),
        },
    )


def _partners(ctx: PageContext, city_id: str) -> list[str]:
    members = ctx.atlas.partnership_cities
    mine = members.loc[members["city_id"] == city_id, "partnership_id"]
    partners = {c for p in mine for c in partnership_cities(ctx.atlas, p)} - {city_id}
    return sorted(partners)
