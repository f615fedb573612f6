"""The Partner finder's pieces: what the city needs and offers, and the suggestions as a table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.cards import theme_badges
from ui.context import PageContext


def needs_and_offers(ctx: PageContext, city: str) -> None:
    row = ctx.profiles.row(city)
    ids = ctx.profiles.theme_ids
    left, right = st.columns(2)
    with left:
        theme_badges(
            f"{ctx.city(city)} seeks",
            sorted(ids[ctx.profiles.needs[row]]),
            ctx.themes,
            "orange",
            empty="nothing stated yet: add `seeks:` to the city file, or record interests in sessions",
        )
    with right:
        theme_badges(
            f"{ctx.city(city)} works on",
            sorted(ids[ctx.profiles.counts[row] > 0]),
            ctx.themes,
            "blue",
            empty="no tagged initiative yet",
        )
    if ctx.profiles.thin[row]:
        st.info(
            "This city has fewer than three tagged initiatives: its suggestions rest on thin evidence.",
            icon=":material/info:",
        )


def suggestion_table(ctx: PageContext, suggestions: pd.DataFrame) -> pd.DataFrame:
    """Display table: label, country, overlap, complementarity, themes by name, cousin, thin."""
    if suggestions.empty:
        return pd.DataFrame(
            columns=[
                "label",
                "country",
                "overlap",
                "complementarity",
                "shared_themes",
                "helps_with",
                "cousin",
                "thin",
            ]
        )
    countries = ctx.atlas.cities.set_index("id")["country_name"]
    return pd.DataFrame(
        {
            "label": suggestions["candidate_id"].map(ctx.city),
            "country": suggestions["candidate_id"].map(countries),
            "overlap": suggestions["overlap"],
            "complementarity": suggestions["complementarity"],
            "shared_themes": suggestions["shared_themes"].map(lambda ids: [ctx.theme(t) for t in ids]),
            "helps_with": suggestions["helps_with"].map(lambda ids: [ctx.theme(t) for t in ids]),
            "cousin": suggestions["cousin"],
            "thin": suggestions["thin"],
            "city_id": suggestions["candidate_id"],
        }
    )
