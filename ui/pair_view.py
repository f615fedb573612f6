"""The Partnership page's sections: who, how alike, who can help whom, what to act on."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics.pair import PairReport
from analytics.readings import (
    complementarity_reading,
    cosine_reading,
    jaccard_reading,
    overlap_reading,
    thin_reading,
)
from charts.brief import BriefContext, brief_html
from ui import show
from ui.cards import score_card, theme_badges, to_do
from ui.context import PageContext
from ui.text import md


def pair_header(ctx: PageContext, report: PairReport) -> None:
    cities = ctx.atlas.cities.set_index("id")
    partnership = ctx.atlas.partnerships.set_index("id").loc[report.partnership_id]
    facts = [str(partnership["kind"]).capitalize()]
    if pd.notna(partnership["since"]):
        facts.append(f"since {int(partnership['since'])}")
    if pd.notna(partnership["programmes"]):
        facts.append(str(partnership["programmes"]).replace("; ", ", "))
    st.caption(" · ".join(md(f) for f in facts))
    columns = st.columns(len(report.cities))
    for column, city_id in zip(columns, report.cities, strict=True):
        city = cities.loc[city_id]
        with column.container(border=True):
            st.markdown(f"**{md(city['name'])}**")
            local = city["local_name"]
            if pd.notna(local) and local != city["name"]:
                st.markdown(md(local))
            place = ", ".join(md(v) for v in (city["country_name"], city["region"]) if pd.notna(v))
            st.caption(f"{place} · {int((ctx.atlas.initiatives['city_id'] == city_id).sum())} initiatives")


def score_cards(ctx: PageContext, report: PairReport) -> None:
    a, b = ctx.city(report.a), ctx.city(report.b)
    result = report.overlap
    st.subheader("How much they work on the same things", anchor=False)
    warning = thin_reading(result, a, b)
    if warning:
        st.info(md(warning), icon=":material/info:")
    left, middle, right = st.columns(3)
    with left:
        score_card(
            "Jaccard",
            result.jaccard,
            jaccard_reading(result, a, b),
            "Shared themes divided by all themes either city works on.",
        )
    with middle:
        score_card(
            "Overlap coefficient",
            result.overlap,
            overlap_reading(result, a, b),
            "Shared themes divided by the themes of the city with fewer.",
        )
    with right:
        score_card(
            "Cosine",
            result.cosine,
            cosine_reading(result),
            "Similarity of the two theme profiles, counting initiatives per theme.",
        )
    st.subheader("Who can help whom", anchor=False)
    left, right = st.columns(2)
    for column, comp, helper, helped in ((left, report.a_helps_b, a, b), (right, report.b_helps_a, b, a)):
        with column:
            score_card(
                f"{helper} → {helped}",
                comp.score,
                complementarity_reading(comp, helper, helped, ctx.themes),
                "Needs of the second city (its `seeks` and stated interests) that the first city's "
                "ongoing or completed initiatives cover.",
            )


def theme_lists(ctx: PageContext, report: PairReport) -> None:
    left, middle, right = st.columns(3)
    with left:
        theme_badges("Shared themes", report.overlap.shared, ctx.themes, "green")
    with middle:
        theme_badges(f"Only {ctx.city(report.a)}", report.overlap.only_a, ctx.themes, "blue")
    with right:
        theme_badges(f"Only {ctx.city(report.b)}", report.overlap.only_b, ctx.themes, "orange")


def action_items(ctx: PageContext, report: PairReport) -> None:
    a, b = ctx.city(report.a), ctx.city(report.b)
    st.subheader("To act on", anchor=False)
    gaps = [
        f"{ctx.theme(row.theme_id)}: {'agreed' if row.agreed else 'discussed'} "
        f"(last on {row.last_date:%d %b %Y}), but neither {a} nor {b} has an initiative on it."
        for row in report.gaps.itertuples()
    ]
    stale = [
        f"{ctx.theme(row.theme_id)}: agreed on {row.agreed_on:%d %b %Y} and not taken up by a later session."
        for row in report.stale.itertuples()
    ]
    left, right = st.columns(2)
    with left:
        st.markdown("**Follow-up gaps** · themes with no initiative on either side")
        to_do(gaps, "Every theme discussed or agreed has an initiative on at least one side.")
    with right:
        st.markdown("**Stale follow-ups** · agreed, then not taken up again")
        to_do(stale, "Every agreed follow-up was taken up by a later session.")


def matches_table(ctx: PageContext, report: PairReport) -> None:
    st.subheader("Initiatives that match", anchor=False)
    st.caption(
        "Pairs of initiatives sharing a theme, scored by the Jaccard of their themes; a recorded "
        "interest of the other city raises the score halfway to 1."
    )
    matches = report.matches.assign(
        shared_themes=report.matches["shared_themes"].map(lambda ids: [ctx.theme(t) for t in ids])
    )
    a, b = ctx.city(report.a), ctx.city(report.b)
    show.table(
        matches[["title_a", "title_b", "score", "interest", "shared_themes", "initiative_a", "initiative_b"]],
        f"{report.partnership_id} matches",
        key="pair-matches",
        column_config={
            "title_a": st.column_config.TextColumn(f"Initiative of {a}", width="medium"),
            "title_b": st.column_config.TextColumn(f"Initiative of {b}", width="medium"),
            "shared_themes": st.column_config.ListColumn("Shared themes", width="medium"),
            "interest": st.column_config.CheckboxColumn(
                "Interest", help="A session recorded the other city's interest"
            ),
            "score": st.column_config.ProgressColumn("Score", min_value=0.0, max_value=1.0, format="%.2f"),
            "initiative_a": None,
            "initiative_b": None,
        },
    )


def brief_download(ctx: PageContext, report: PairReport, sessions: pd.DataFrame) -> None:
    """One button: the one-page brief of this pair as a self-contained HTML file (built on click)."""
    partnership = ctx.atlas.partnerships.set_index("id").loc[report.partnership_id]
    context = BriefContext(
        cities=ctx.cities,
        themes=ctx.themes,
        partnership_label=ctx.partnerships.get(report.partnership_id, ""),
        data_label=ctx.dataset.label,
        filters=ctx.filters.describe(),
        generated=dt.date.today(),
    )
    st.download_button(
        "Download the partnership brief (HTML, prints on A4)",
        icon=":material/description:",
        type="primary",
        data=lambda: brief_html(
            report, ctx.atlas.cities, ctx.atlas.initiatives, partnership, sessions, context
        ),
        file_name=f"twinning-atlas-brief-{report.partnership_id}.html",
        mime="text/html",
        key="pair-brief",
        on_click="ignore",
    )
