"""The sidebar's global filters, shared by every page and kept in the URL."""

from __future__ import annotations

import streamlit as st

from analytics.filters import Filters
from loaders import Atlas
from ui.selectors import pick_many
from ui.url_state import check_bound, remember_default

FILTER_KEYS = ("programme", "region", "country", "theme", "years")


def _year_bounds(atlas: Atlas) -> tuple[int, int] | None:
    years = atlas.sessions["date"].dt.year.dropna()
    if years.empty:
        return None
    return int(years.min()), int(years.max())


def _reset(bounds: tuple[int, int] | None) -> None:
    # set, not delete: a bound widget whose key is deleted keeps its value in the URL
    for key in ("programme", "region", "country", "theme"):
        st.session_state[key] = []
    if bounds and "years" in st.session_state:
        st.session_state["years"] = bounds


def _bound_choice(label: str, options: list[str], key: str, placeholder: str) -> list[str]:
    """A multiselect of plain values, bound to the URL parameter `key`."""
    check_bound(key, options)
    return st.multiselect(label, options, key=key, bind="query-params", placeholder=placeholder)


def sidebar_filters(atlas: Atlas) -> Filters:
    """Draw the filters in the sidebar; return the chosen Filters."""
    cities = atlas.cities.drop_duplicates("country").sort_values("country_name")
    countries = dict(zip(cities["country"], cities["country_name"], strict=True))
    themes = dict(zip(atlas.themes["id"], atlas.themes["label"], strict=True))
    programmes = sorted(atlas.partnership_programmes["programme"].unique())
    regions = sorted(atlas.cities["region"].dropna().unique())
    bounds = _year_bounds(atlas)
    with st.sidebar:
        st.subheader("Filters", anchor=False)
        chosen_programmes = _bound_choice("Programme", programmes, "programme", "All programmes")
        chosen_regions = _bound_choice("Region", regions, "region", "All regions")
        chosen_countries = pick_many(
            "Country", list(countries), countries, key="country", placeholder="All countries"
        )
        chosen_themes = pick_many("Theme", list(themes), themes, key="theme", placeholder="All themes")
        years = None
        if bounds and bounds[0] < bounds[1]:
            remember_default("years", bounds)
            chosen_years = st.slider(
                "Session years", bounds[0], bounds[1], bounds, key="years", bind="query-params"
            )
            years = tuple(chosen_years) if tuple(chosen_years) != bounds else None
        st.button(
            "Reset filters",
            on_click=_reset,
            args=(bounds,),
            icon=":material/filter_alt_off:",
            type="tertiary",
            key="reset-filters",
        )
    return Filters(
        programmes=tuple(chosen_programmes),
        regions=tuple(chosen_regions),
        countries=tuple(chosen_countries),
        themes=tuple(chosen_themes),
        years=years,
    )
